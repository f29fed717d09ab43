//===--- Report.cpp -------------------------------------------------------===//

#include "Report.h"
#include "JsonPrinter.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <tuple>

namespace sinkguard::report {

void writeBaselineMember(llvm::json::OStream &J, const BaselineSummary &S) {
  J.attributeObject("baseline", [&] {
    J.attribute("file", jsonString(S.File));
    J.attribute("absent", S.Absent);
    J.attribute("unchanged", S.Unchanged);
  });
}

void orderFindings(std::vector<Finding> &Findings, const SourceRoot &Root) {
  sortAndDeduplicate(Findings);
  llvm::StringMap<std::string> Uris;
  for (const Finding &F : Findings)
    if (!Uris.count(F.Where.File))
      Uris[F.Where.File] = Root.uriFor(F.Where.File);
  llvm::sort(Findings, [&](const Finding &A, const Finding &B) {
    auto Key = [&](const Finding &F) {
      return std::forward_as_tuple(Uris[F.Where.File], F.Where.Start.Line,
                                   F.Where.Start.Utf16Column, F.RuleId,
                                   F.Message);
    };
    if (Key(A) != Key(B))
      return Key(A) < Key(B);
    return A < B;
  });
}

} // namespace sinkguard::report
