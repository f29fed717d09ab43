//===--- Scanner.h - clang-tidy over every unit, in parallel ----*- C++ -*-===//
//
// One task per translation unit on an llvm::DefaultThreadPool: each runs
// clang::tidy::runClangTidy with its own ClangTidyContext, its own options
// provider and its own file system. The file system matters: clang's
// ClangTool changes the working directory of the file system it is given
// to each compile command's directory, and the process-wide real file
// system does that with chdir(2), which would move every other task's
// relative paths (-I include, "src/a.c"). vfs::createPhysicalFileSystem()
// keeps a working directory of its own instead.
//
// Each task writes only its own result slot; the results come back in the
// order of the units, whatever order the tasks ran in.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_SCANNER_H
#define SINKGUARD_TOOL_DRIVER_SCANNER_H

#include "CheckSelection.h"
#include "Conversion.h"
#include "Database.h"
#include "Progress.h"
#include "UnitResult.h"
#include <string>
#include <vector>

namespace sinkguard::driver {

struct WorkerSpec;
class SummaryStore;

/// With \p Workers, each unit is analysed in a worker process (Worker.h).
/// With \p Store, a unit whose entry is still valid is restored from it
/// instead, and the others' entries are written.
std::vector<UnitResult> scanUnits(const std::vector<TranslationUnit> &Units,
                                  const TidySettings &Settings, unsigned Jobs,
                                  const WorkerSpec *Workers, Progress &P,
                                  SummaryStore *Store = nullptr);

/// Runs clang-tidy over \p Unit in this thread: fills the metadata of \p R
/// (file, enabled checks, dropped flags, why it was skipped, times) and
/// returns clang-tidy's diagnostics with the function of each, for
/// convertDiagnostics.
TidyDiagnostics runUnit(const TranslationUnit &Unit,
                        const TidySettings &Settings, UnitResult &R);

/// sinkguard's checks that the options for \p File enable.
std::vector<std::string> enabledSinkguardChecks(const TidySettings &Settings,
                                                llvm::StringRef File);

} // namespace sinkguard::driver

#endif
