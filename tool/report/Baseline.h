//===--- Baseline.h - Report only what is new -------------------*- C++ -*-===//
//
// --baseline old.sarif: a finding whose stable fingerprint (sinkguard/v1) is
// in the baseline is "unchanged" and left out of the report; the others are
// "new" (SARIF baselineState), and only they count for the exit code. A
// baseline result without our fingerprint (from another tool version or a
// converter) matches by rule, file and GitHub's line hash instead. Each
// baseline result matches at most one finding; those matching none are
// "absent" (fixed since), counted but not reported.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_BASELINE_H
#define SINKGUARD_TOOL_REPORT_BASELINE_H

#include "Report.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace sinkguard::report {

class Baseline {
public:
  /// The baseline in SARIF log \p Path.
  static llvm::Expected<Baseline> load(llvm::StringRef Path);
  /// The baseline in \p Log, a log as readSarifLog or parseSarifLog return
  /// it, read from \p Path.
  static Baseline fromLog(const llvm::json::Value &Log, llvm::StringRef Path);

  /// Marks the findings New, removes the unchanged ones and says how many
  /// there were. Consumes the baseline's results.
  BaselineSummary apply(std::vector<Finding> &Findings, const SourceRoot &Root);

  unsigned size() const { return Total; }
  /// The URI of the source root the log's paths are relative to
  /// (%SRCROOT%); empty when it names none.
  const std::string &sourceRoot() const { return SourceRootUri; }

private:
  std::string File;
  std::string SourceRootUri;
  llvm::StringMap<unsigned> Stable;
  llvm::StringMap<unsigned> ByLine;
  unsigned Total = 0;
};

} // namespace sinkguard::report

#endif
