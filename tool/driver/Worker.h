//===--- Worker.h - One translation unit in a child process -----*- C++ -*-===//
//
// --tu-timeout: a thread cannot be stopped, a process can. Under a time
// limit each unit is analysed by a worker: this executable again, with the
// scan's own command line and two hidden options that name the unit and a
// temporary file. The worker runs clang-tidy over that one unit and writes
// clang-tidy's diagnostics (in clang's YAML form) and the unit's metadata
// to the file; the driver reads them back and converts them as it converts
// its own, so the report is the same bytes in both modes. A worker that
// runs past the limit is killed and its unit reported as abandoned; one that
// crashes is reported likewise, and the scan goes on.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_WORKER_H
#define SINKGUARD_TOOL_DRIVER_WORKER_H

#include "Database.h"
#include "Options.h"
#include "UnitResult.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::driver {

struct WorkerSpec {
  /// This executable.
  std::string Executable;
  /// The scan's command line (argv[0] first).
  std::vector<std::string> Arguments;
  unsigned TimeoutSeconds = 0;
};

/// Analyses \p Unit in a worker process; an abandoned unit has Abandoned
/// set. With \p Record, the worker's record (UnitRecord.h) is kept there.
UnitResult analyseInWorker(const TranslationUnit &Unit, const WorkerSpec &Spec,
                           std::optional<llvm::json::Object> *Record = nullptr);

/// The worker's side (Options.WorkerUnit is set): analyses that unit and
/// writes its record to Options.WorkerOutput. Returns the exit code.
int runWorker(ScanOptions &Options);

} // namespace sinkguard::driver

#endif
