//===--- ScanCommand.h - sinkguard scan -------------------------*- C++ -*-===//
//
// Checks the options, loads the database, scans, assembles the report
// (order, fingerprints, baseline), writes it, prints the summary and says
// the exit code. A failure before the scan still writes a report that
// records it when -o was given.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_SCANCOMMAND_H
#define SINKGUARD_TOOL_DRIVER_SCANCOMMAND_H

#include "Options.h"

namespace sinkguard::driver {

int runScan(ScanOptions &Options);

/// A usage or configuration error found before the scan: prints it and,
/// when -o was given and its format is known, writes a report recording
/// it. Returns ExitUsage.
int failBeforeScan(const ScanOptions &Options, const std::string &Message);

} // namespace sinkguard::driver

#endif
