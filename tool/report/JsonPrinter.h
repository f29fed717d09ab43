//===--- JsonPrinter.h - Print JSON in a fixed, readable order --*- C++ -*-===//
//
// llvm::json prints object members sorted by name, which puts "$schema"
// after "runs" and a result's fingerprints before its rule. Reports print
// their well-known members first, in the order the SARIF standard lists
// them, and the rest by name: the same bytes for the same content, and a
// file a person can read top to bottom.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_JSONPRINTER_H
#define SINKGUARD_TOOL_REPORT_JSONPRINTER_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::report {

/// Prints \p V indented by two spaces, with a final newline.
void printJson(const llvm::json::Value &V, llvm::raw_ostream &OS);

/// \p S with invalid UTF-8 replaced by U+FFFD, as JSON requires.
std::string jsonString(llvm::StringRef S);

} // namespace sinkguard::report

#endif
