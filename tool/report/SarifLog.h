//===--- SarifLog.h - Read SARIF logs back ----------------------*- C++ -*-===//
//
// Baselines and `sinkguard merge` read SARIF files that an earlier run (or
// another machine) wrote. A file that is not a SARIF 2.1.0 log gets a
// one-line error that names it.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_SARIFLOG_H
#define SINKGUARD_TOOL_REPORT_SARIFLOG_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace sinkguard::report {

/// The log in \p Path: a JSON object with "version": "2.1.0" and an array
/// of runs that are objects.
llvm::Expected<llvm::json::Value> readSarifLog(llvm::StringRef Path);

/// readSarifLog on the contents \p Text of file \p Path.
llvm::Expected<llvm::json::Value> parseSarifLog(llvm::StringRef Text,
                                                llvm::StringRef Path);

} // namespace sinkguard::report

#endif
