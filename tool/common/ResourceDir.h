//===--- ResourceDir.h - Find clang's resource directory --------*- C++ -*-===//
//
// Clang-based tools look for their headers (<stddef.h>, <stdarg.h>, ...) in
// <executable>/../lib/clang/<major>. A sinkguard binary in a build tree or
// under /usr/local has no such directory next to it, so the hosts point the
// tool at the resource directory of the LLVM they were built against when
// the user did not choose one.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_COMMON_RESOURCEDIR_H
#define SINKGUARD_TOOL_COMMON_RESOURCEDIR_H

#include <string>
#include <vector>

namespace sinkguard {

/// The resource directory to use for the running executable: the one beside
/// it when that has clang's headers, else the configured LLVM's. Empty when
/// neither exists.
std::string resourceDirFor(const char *Argv0);

/// \p Argv with \p Flag + resource directory inserted after argv[0], unless
/// an argument already starts with \p UserSpelling or no directory is found.
/// The strings live in \p Storage.
std::vector<const char *> withResourceDir(int Argc, const char **Argv,
                                          const char *Flag,
                                          const char *UserSpelling,
                                          std::vector<std::string> &Storage);

} // namespace sinkguard

#endif
