//===--- HtmlWriter.h - Findings as one self-contained HTML page -*- C++
//-*-===//
//
// `--format html -o report.html`: a page to read a scan in a browser, with
// no network and no JavaScript needed (inline CSS; a small inline script
// only adds filtering by check). A summary (findings per check with level
// and severity, per file), then each finding: its message, check (linked
// to its documentation), and its path from source to sink drawn over the
// code, each step numbered on its line with the lines around it.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_HTMLWRITER_H
#define SINKGUARD_TOOL_REPORT_HTMLWRITER_H

#include "Report.h"
#include "SourceFile.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::report {

void writeHtml(const Report &R, llvm::raw_ostream &OS, SourceCache &Sources);

} // namespace sinkguard::report

#endif
