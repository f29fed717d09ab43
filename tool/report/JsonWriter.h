//===--- JsonWriter.h - Findings as plain JSON ------------------*- C++ -*-===//
//
// `--format json`: the report for scripts that do not want SARIF. Paths are
// relative to the source root when below it, columns are byte columns as
// the text output prints them:
//
//   {"version": 1, "tool": {...}, "sourceRoot": "/src",
//    "executionSuccessful": true, "exitCode": 1, "filesAnalysed": 5,
//    "findings": [{"rule", "level", "message", "file", "line", "column",
//                  "endLine", "endColumn", "function", "notes": [...],
//                  "fingerprints": {...}, "baselineState"}],
//    "notifications": [...], "compilerErrors": [...], "baseline": {...}}
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_JSONWRITER_H
#define SINKGUARD_TOOL_REPORT_JSONWRITER_H

#include "Report.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::report {

void writeJson(const Report &R, llvm::raw_ostream &OS);

} // namespace sinkguard::report

#endif
