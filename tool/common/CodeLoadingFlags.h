//===--- CodeLoadingFlags.h - Compile-command flags a scan drops -*- C++
//-*-===//
//
// A compile command of a scanned repository is written by whoever wrote the
// repository. Some compiler flags make the compiler load code (plugins),
// choose where it looks for the programs and configuration files it may
// use (-B, --prefix, -ccc-install-dir, --config), or write files where the
// command says (--serialize-diagnostics, -Xclang -dependency-file). A scan
// drops them from every command unless the user trusts the commands
// (--allow-compiler-plugins); docs/security.md lists them and says why.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_COMMON_CODELOADINGFLAGS_H
#define SINKGUARD_TOOL_COMMON_CODELOADINGFLAGS_H

#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace sinkguard {

/// \p Args (a compiler command line, argv[0] first, driver or -cc1 style)
/// without the flags that load code into the compiler, choose where it
/// finds programs and configuration, or write files. Each dropped flag,
/// with its value, is appended to \p Dropped as one string ("-B dir").
std::vector<std::string>
withoutCodeLoadingFlags(llvm::ArrayRef<std::string> Args,
                        std::vector<std::string> &Dropped);

} // namespace sinkguard

#endif
