//===--- MergeCommand.h - sinkguard merge -----------------------*- C++ -*-===//

#ifndef SINKGUARD_TOOL_DRIVER_MERGECOMMAND_H
#define SINKGUARD_TOOL_DRIVER_MERGECOMMAND_H

#include "Options.h"

namespace sinkguard::driver {

/// Reads the logs, merges them into one run (report/Merge.h) and writes it
/// atomically. Exit codes: 0 merged, 2 an input is missing or not SARIF, or
/// the runs cannot be merged.
int runMerge(const MergeOptions &Options);

} // namespace sinkguard::driver

#endif
