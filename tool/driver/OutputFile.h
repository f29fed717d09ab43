//===--- OutputFile.h - Write a report all or nothing -----------*- C++ -*-===//
//
// -o FILE never leaves a truncated report: the report goes to a temporary
// file in the same directory, which is renamed over FILE only once it is
// complete. LLVM's signal handlers remove the temporary file when the
// process is interrupted (SIGINT, SIGTERM) or crashes, so a previous FILE
// stays as it was and no temporary file is left behind.
//
// Only a regular file (or a new path) is replaced: a device (`-o
// /dev/null`), a FIFO, a socket or anything under /dev and /proc
// (`/dev/stdout`) is written in place, and a symbolic link keeps pointing
// to the file it names, which is replaced.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_OUTPUTFILE_H
#define SINKGUARD_TOOL_DRIVER_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

/// Whether a report can be written to \p Path (checked before a scan, so
/// that a bad -o fails at once, not after the analysis).
llvm::Error checkWritable(llvm::StringRef Path);

/// Writes what \p Write prints to \p Path, atomically; an empty \p Path or
/// "-" is standard output. \p CommitDelayMs: a test hook that waits with
/// the temporary file in place.
llvm::Error writeOutput(llvm::StringRef Path,
                        llvm::function_ref<void(llvm::raw_ostream &)> Write,
                        unsigned CommitDelayMs = 0);

} // namespace sinkguard::driver

#endif
