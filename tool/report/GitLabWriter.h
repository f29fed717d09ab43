//===--- GitLabWriter.h - Findings as a GitLab Code Quality report --*- C++
//-*-===//
//
// `--format gitlab-codequality`: the Code Quality report that GitLab merge
// requests show (a job's `artifacts: reports: codequality:`). One issue per
// finding:
//
//   [{"type": "issue", "check_name": "sinkguard-tainted-shell-command",
//     "description": "...", "categories": ["Security"],
//     "severity": "critical", "fingerprint": "<sinkguard/v1>",
//     "location": {"path": "src/main.c", "lines": {"begin": 38}}}]
//
// Severity follows the rule's security-severity as GitHub reads it
// (9.0 and up critical, 7.0 major, 4.0 minor, below info); an error level
// (WarningsAsErrors) is at least major. Paths are relative to the source
// root, as GitLab resolves them against the repository.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_GITLABWRITER_H
#define SINKGUARD_TOOL_REPORT_GITLABWRITER_H

#include "Report.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::report {

void writeGitLabCodeQuality(const Report &R, llvm::raw_ostream &OS);

} // namespace sinkguard::report

#endif
