//===--- Conversion.h - clang-tidy diagnostics as records -------*- C++ -*-===//
//
// The one place that knows both clang-tidy's ClangTidyError and the report
// records: byte offsets become lines and columns, relative paths absolute,
// the diagnostic's token and ranges its region, notes the steps of its
// path, and the level the one of Checks.def (sinkguard's checks) or of
// clang-tidy. Compiler errors and diagnostics without a place are kept
// apart: they say that the analysis was incomplete, not what is wrong with
// the code. The function a finding is in comes with the diagnostic: only
// the parse knows it (engine/FunctionNames.h).
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_CONVERSION_H
#define SINKGUARD_TOOL_DRIVER_CONVERSION_H

#include "Finding.h"
#include "SourceFile.h"
#include "UnitResult.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <string>
#include <vector>

namespace sinkguard::driver {

/// Diagnostics as clang-tidy gives them, each with the function its place
/// is in: the parse of a unit (UnitFunctions.h) or the facts (Link.h) name
/// it.
struct TidyDiagnostics {
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// The function of each error's place, in the order of Errors; empty
  /// where it is in no function.
  std::vector<std::string> Functions;
};

void convertDiagnostics(const TidyDiagnostics &Diagnostics,
                        report::SourceCache &Sources,
                        ConvertedDiagnostics &Out);

} // namespace sinkguard::driver

#endif
