//===--- SarifWriter.h - SARIF 2.1.0 for GitHub code scanning ---*- C++ -*-===//
//
// One run of tool "sinkguard" with:
// - a rule for every check that ran (Rules.h);
// - results sorted by file, line, column and rule, each with its primary
//   location (a URI relative to %SRCROOT%, UTF-16 columns), its notes as
//   relatedLocations and as one code flow (each note a step with its
//   message, the flagged code last), and partialFingerprints;
// - originalUriBaseIds, automationDetails (--category), columnKind;
// - one invocation: executionSuccessful, exitCode, the command line, and a
//   toolExecutionNotification per translation unit that failed or was
//   skipped.
// Nothing in it depends on time, thread count or output path, so equal scans
// give equal bytes.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_SARIFWRITER_H
#define SINKGUARD_TOOL_REPORT_SARIFWRITER_H

#include "Report.h"
#include "Rules.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::report {

/// Writes the SARIF log of \p R.
void writeSarif(const Report &R, llvm::raw_ostream &OS);

/// The reportingDescriptor of a rule.
llvm::json::Value ruleJson(const RuleDescriptor &D);

/// The version sinkguard reports as tool.driver.version.
llvm::StringRef toolVersion();

/// The name GitHub uses for the source root.
inline constexpr llvm::StringLiteral SourceRootBaseId = "%SRCROOT%";

/// GitHub code scanning's limits for one run (Limits of SARIF.md).
inline constexpr size_t MaxResultsPerRun = 25000;

} // namespace sinkguard::report

#endif
