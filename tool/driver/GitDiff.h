//===--- GitDiff.h - The change a pull request makes ------------*- C++ -*-===//
//
// `--diff=<range>` reads the change from git, before the scan refuses to
// start programs (ProgramGuard.h): `git diff` of the range, without
// external diff drivers or text conversion (a repository's attributes must
// not run its programs), and the top of the work tree its paths are
// relative to.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_GITDIFF_H
#define SINKGUARD_TOOL_DRIVER_GITDIFF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace sinkguard::driver {

struct GitDiff {
  /// The work tree's top directory.
  std::string Top;
  /// `git diff --unified=0` of the range.
  std::string Text;
};

/// The diff of \p Range in the git work tree of the current directory.
llvm::Expected<GitDiff> readGitDiff(llvm::StringRef Range);

} // namespace sinkguard::driver

#endif
