//===--- ProgramGuard.h - The analysis starts no program --------*- C++ -*-===//
//
// Clang's driver starts helper programs on its own: for -mcpu=native on a
// GPU target it runs amdgpu-arch or nvptx-arch, looked up beside the
// compiler that the compile command names, in the -B directories, and,
// when not found, by a relative name in the working directory. A compile
// command of a scanned repository can so make a Clang-based tool run a
// program of that repository. The hosts that analyse untrusted trees
// refuse every program start the process makes, except the ones they
// allow (the driver's own worker processes, llvm-symbolizer for a crash's
// stack trace): posix_spawn and execve are defined here, so that they take
// the place of the C library's for LLVM's llvm::sys::ExecuteAndWait too.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_COMMON_PROGRAMGUARD_H
#define SINKGUARD_TOOL_COMMON_PROGRAMGUARD_H

#include "llvm/ADT/StringRef.h"

namespace sinkguard {

/// From now on the process starts no program but \p Allowed (an absolute
/// path; empty for none) and llvm-symbolizer; any other start fails with
/// EPERM and is reported once on standard error. Call before any thread
/// starts.
void refuseProgramsExcept(llvm::StringRef Allowed);

/// Lifts the refusal (the user trusts the compile commands).
void allowAllPrograms();

} // namespace sinkguard

#endif
