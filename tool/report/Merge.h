//===--- Merge.h - Several SARIF logs as one run ----------------*- C++ -*-===//
//
// `sinkguard merge a.sarif b.sarif -o all.sarif`: the runs of CI shards (or
// of several build configurations) become one run, as code scanning wants
// one run per category: rules deduplicated by id, results sorted as one
// scan sorts them with exact duplicates removed (a header finding reported
// by two shards), every input's invocation kept.
//
// Runs of different tools or tool versions, or with different column kinds,
// are refused; runs of different categories too, unless a category is
// given for the merged run.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_MERGE_H
#define SINKGUARD_TOOL_REPORT_MERGE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::report {

struct SarifInput {
  std::string Path;
  llvm::json::Value Log;
};

struct MergeResult {
  llvm::json::Value Log = nullptr;
  /// Things the caller should tell the user, one line each.
  std::vector<std::string> Warnings;
};

/// The logs in \p Inputs as one log with one run. \p AutomationId, when
/// set, becomes the run's automationDetails.id.
llvm::Expected<MergeResult>
mergeSarifLogs(std::vector<SarifInput> Inputs,
               const std::optional<std::string> &AutomationId);

} // namespace sinkguard::report

#endif
