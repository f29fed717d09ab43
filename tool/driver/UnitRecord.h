//===--- UnitRecord.h - One unit's result as JSON ---------------*- C++ -*-===//
//
// The record of one translation unit: its metadata (file, enabled checks,
// dropped flags, why it was skipped or abandoned, the files it read, its
// facts for the link phase) and clang-tidy's diagnostics in clang's YAML
// form plus the two members of ClangTidyError that the YAML lacks and the
// function of each diagnostic's place. A
// --tu-timeout worker hands its unit back in this form, and the summary
// store (Store.h) keeps it; both convert the diagnostics on load as the
// scan converts its own, so a report is the same bytes whichever way a
// unit came.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_UNITRECORD_H
#define SINKGUARD_TOOL_DRIVER_UNITRECORD_H

#include "Conversion.h"
#include "UnitResult.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <vector>

namespace sinkguard::driver {

/// The record of \p R, whose parse gave \p Diagnostics.
llvm::json::Object unitRecord(const UnitResult &R,
                              const TidyDiagnostics &Diagnostics);

/// Reads \p Record into \p R (converting the diagnostics, which reads the
/// files they point into, unless the record holds them converted); an error
/// says what is wrong with it.
llvm::Error readUnitRecord(const llvm::json::Object &Record, UnitResult &R);

/// The checksum of a unit's encoded facts that its record keeps
/// ("factsHash").
std::string factsChecksum(llvm::StringRef Facts);

/// \p Record as the summary store keeps it: the diagnostics of \p R as
/// converted (findings with their fingerprints' inputs), so that a reused
/// unit reads no source file and parses no YAML.
void keepConverted(llvm::json::Object &Record, const UnitResult &R);

/// The JSON value in the file \p Path; an error says why there is none.
llvm::Expected<llvm::json::Value> readJsonFile(llvm::StringRef Path);

/// \p Value as one line of JSON text.
std::string jsonText(const llvm::json::Value &Value);

} // namespace sinkguard::driver

#endif
