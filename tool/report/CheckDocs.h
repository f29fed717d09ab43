//===--- CheckDocs.h - The check pages, embedded at build time --*- C++ -*-===//
//
// docs/checks/<id>.md is the help of a check everywhere: on the web, in the
// installed docs and in the SARIF rules. The build embeds the pages
// (EmbedDocs.cmake) so that the driver needs no files at run time.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_CHECKDOCS_H
#define SINKGUARD_TOOL_REPORT_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"

namespace sinkguard::report {

/// The Markdown of docs/checks/<CheckId>.md; empty when there is none.
llvm::StringRef checkDocsMarkdown(llvm::StringRef CheckId);

} // namespace sinkguard::report

#endif
