//===--- Assembly.h - Units to a report -------------------------*- C++ -*-===//
//
// What `sinkguard scan` and `sinkguard link` share: the units' results
// (parsed, or read from a summary store) become one report — notifications
// for the units that were not analysed, the per-unit findings plus those of
// the link phase (Link.h), the order, rules, fingerprints, baseline and exit
// code — so that a link of shards and a scan of everything give the same
// bytes.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_ASSEMBLY_H
#define SINKGUARD_TOOL_DRIVER_ASSEMBLY_H

#include "Baseline.h"
#include "ChangedLines.h"
#include "Link.h"
#include "Options.h"
#include "Report.h"
#include "UnitResult.h"
#include <vector>

namespace sinkguard::driver {

struct Assembly {
  /// The paths named on the command line that were not analysed.
  std::vector<report::Notification> SelectionSkipped;
  /// The rules to report when no file was analysed.
  std::vector<std::string> DefaultRules;
  report::Baseline *Baseline = nullptr;
  /// Pull-request mode: only findings whose path touches these lines.
  const report::ChangedLines *Changes = nullptr;
  report::Level FailOn = report::Level::Warning;
  OutputFormat Format = OutputFormat::Text;

  /// What assembleReport found.
  size_t Skipped = 0;
  size_t Failed = 0;
  size_t Abandoned = 0;
  /// Configuration problems (a bad model file, an invalid check option):
  /// the scan's answer cannot be trusted, so it fails with ExitUsage.
  size_t ConfigurationErrors = 0;
  /// With Changes: the findings before they were left out.
  size_t AllFindings = 0;
  LinkStats Link;
  /// Whether the caller writes linked.json: then the link fills Summaries.
  bool WantSummaries = false;
  /// What the link resolved of each function (linked.json's text).
  std::string Summaries;
};

/// Fills \p R from \p Units (whose findings it takes), links them, and
/// returns the exit code; prints the problems it reports as it goes.
int assembleReport(report::Report &R, std::vector<UnitResult> &Units,
                   Assembly &A);

/// Writes \p R to \p Path (standard output when empty) atomically.
llvm::Error writeReport(const report::Report &R, llvm::StringRef Path,
                        OutputFormat Format, unsigned CommitDelayMs = 0);

/// The summary line: files, findings, what was incomplete, the time.
void printSummary(const report::Report &R, const Assembly &A, double Seconds);

/// --stats: what happened to the units (\p Units, e.g. scanUnitStats) and
/// what the link phase resolved, as one line.
void printStats(llvm::StringRef Units, const LinkStats &Link);

/// "N unit(s): P parsed, R reused from the cache".
std::string scanUnitStats(llvm::ArrayRef<UnitResult> Units);

void printError(const llvm::Twine &Message);
void printWarning(const llvm::Twine &Message);

} // namespace sinkguard::driver

#endif
