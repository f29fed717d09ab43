//===--- Report.h - Everything one run reports ------------------*- C++ -*-===//
//
// The input of every output format: the findings (sorted, fingerprinted and
// compared with the baseline), what went wrong with the run itself, and the
// facts about the run that SARIF records in its invocation.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_REPORT_H
#define SINKGUARD_TOOL_REPORT_REPORT_H

#include "Finding.h"
#include "SourceRoot.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::report {

struct BaselineSummary {
  std::string File;
  /// Findings also in the baseline, left out of the report.
  unsigned Unchanged = 0;
  /// Results of the baseline that this run did not find again.
  unsigned Absent = 0;
};

struct Report {
  explicit Report(SourceRoot Root) : Root(std::move(Root)) {}

  SourceRoot Root;
  std::vector<Finding> Findings;
  std::vector<Notification> Notifications;
  /// Sorted, without duplicates.
  std::vector<ToolDiagnostic> ToolDiagnostics;
  /// The rules that ran, sorted; every finding's rule is among them.
  std::vector<std::string> RuleIds;

  /// The command line that determines the results (see SarifWriter.h).
  std::string CommandLine;
  /// automationDetails.id; empty for none.
  std::string AutomationId;
  /// "K/N" for a scan of slice K of N > 1 (--shard): its report lacks the
  /// flows between its units and those of other slices, so `sinkguard
  /// merge` refuses it (`sinkguard link` joins the slices' stores).
  std::string Shard;
  bool ExecutionSuccessful = true;
  std::optional<int> ExitCode;
  unsigned FilesAnalysed = 0;
  std::optional<BaselineSummary> Baseline;
};

/// The "baseline" member of the JSON and SARIF reports: file, absent,
/// unchanged.
void writeBaselineMember(llvm::json::OStream &J, const BaselineSummary &S);

/// Sorts \p Findings as reports list them — by URI (as SARIF names the
/// file), line, column, rule and message, the rest of the record breaking
/// ties — and removes duplicates. `sinkguard merge` sorts results by the
/// same key, so merged shards list results as one scan would.
void orderFindings(std::vector<Finding> &Findings, const SourceRoot &Root);

} // namespace sinkguard::report

#endif
