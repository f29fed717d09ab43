//===--- UnitResult.h - What the analysis of one unit gave -------*- C++
//-*-===//
//
// The record that a unit's analysis produces and the processes pass along:
// the scanner fills it, a worker process writes it (UnitRecord.h), the
// summary store keeps and restores it (Store.h), the link and the report
// read it (Link.h, Assembly.h). A data type below all of them, so that none
// has to include the scanner.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_UNITRESULT_H
#define SINKGUARD_TOOL_DRIVER_UNITRESULT_H

#include "Finding.h"
#include <string>
#include <vector>

namespace sinkguard::driver {

/// A unit's diagnostics as report records (Conversion.h makes them).
struct ConvertedDiagnostics {
  std::vector<report::Finding> Findings;
  /// Compiler errors, and diagnostics of checks that have no place in a
  /// file (invalid options).
  std::vector<report::ToolDiagnostic> ToolDiagnostics;

  unsigned compilerErrors() const;
};

struct UnitResult {
  std::string File;
  ConvertedDiagnostics Diagnostics;
  /// sinkguard's checks that were enabled for this file.
  std::vector<std::string> EnabledChecks;
  /// The flags dropped from its compile commands and from the ExtraArgs of
  /// its .clang-tidy files, in order, each once.
  std::vector<std::string> DroppedFlags;
  /// Why the unit was not analysed at all; empty when it was.
  std::string Skipped;
  /// Why its analysis was abandoned (--tu-timeout, a crash of its worker
  /// process), without the file name; empty when it was not.
  std::string Abandoned;
  /// The files the unit read, main file first (from the checks; empty when
  /// no sinkguard check ran), for the summary store's key.
  std::vector<std::string> Inputs;
  /// The unit's facts for the link phase (engine/Facts.h): a JSON array of
  /// one object per engine configuration, as text; empty for none.
  std::string Facts;
  /// Whether it came from the summary store (Store.h) instead of a parse.
  bool Reused = false;
  /// Wall and CPU time of the task.
  double Seconds = 0;
  double CpuSeconds = 0;
};

} // namespace sinkguard::driver

#endif
