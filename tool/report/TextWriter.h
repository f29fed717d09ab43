//===--- TextWriter.h - Findings as clang-tidy prints them ------*- C++ -*-===//
//
// `--format text` (the default): what clang-tidy prints, so that editors, CI
// log parsers and people read it as they read compiler output —
//
//   /src/ping.c:11:10: warning: shell command ... [sinkguard-shell-...]
//      11 |   return system(cmd);
//         |          ^      ~~~
//   /src/ping.c:9:3: note: 'snprintf' formats 'host' into the command
//
// — with compiler errors among the findings, all in report order. Bytes that
// are not valid UTF-8 are shown as <XX>, tabs expanded, as Clang does.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_TEXTWRITER_H
#define SINKGUARD_TOOL_REPORT_TEXTWRITER_H

#include "Report.h"
#include "SourceFile.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::report {

void writeText(const Report &R, llvm::raw_ostream &OS, SourceCache &Sources);

} // namespace sinkguard::report

#endif
