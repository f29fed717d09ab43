//===--- Link.h - Flows that cross translation units ------------*- C++ -*-===//
//
// The link phase: reads the facts every unit recorded during its parse
// (engine/Facts.h), resolves calls, globals and function pointers across
// units by USR (a call to a name several programs of the database define,
// to its own program's: LinkPrograms.h), and reports the flows whose
// source and sink lie in different units, with the steps of the whole
// path. Flows a unit already reported are not reported again.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_LINK_H
#define SINKGUARD_TOOL_DRIVER_LINK_H

#include "Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace sinkguard::driver {

struct UnitResult;

/// What the link phase did, for --stats.
struct LinkStats {
  size_t Units = 0;
  size_t Functions = 0;
  size_t Calls = 0;
  size_t ResolvedCalls = 0;
  size_t Findings = 0;
  double Seconds = 0;
  /// Where the link's time went: reading the units' facts, pass 1 (the
  /// summaries), pass 2 (the flows), the editor's summaries.
  double FactsSeconds = 0;
  double SummariseSeconds = 0;
  double FlowsSeconds = 0;
  double EditorSeconds = 0;
};

/// The findings whose flow crosses units, among \p Units' facts; those at a
/// place (check, file, line, column) already in \p Existing are left out.
/// Facts that cannot be read are skipped with a message in \p Problems.
/// With \p Linked, also what the link resolved of each function, as the
/// text of linked.json.
std::vector<report::Finding> linkUnits(llvm::ArrayRef<const UnitResult *> Units,
                                       llvm::ArrayRef<report::Finding> Existing,
                                       LinkStats &Stats,
                                       std::vector<std::string> &Problems,
                                       std::string *Linked = nullptr);

/// Writes \p Linked, what the link resolved about each function (the
/// linked summaries that clang-tidy and clangd read, check option
/// SummaryStore), to \p Path, atomically.
llvm::Error writeLinkedSummaries(llvm::StringRef Linked, llvm::StringRef Path);

} // namespace sinkguard::driver

#endif
