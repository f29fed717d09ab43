//===--- GitLabWriter.cpp -------------------------------------------------===//

#include "GitLabWriter.h"
#include "JsonPrinter.h"
#include "Rules.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"

namespace sinkguard::report {

namespace {

/// GitLab's severity for a finding of rule \p D at level \p L.
llvm::StringRef severityOf(const RuleDescriptor &D, Level L) {
  double Score = 0;
  if (llvm::StringRef(D.SecuritySeverity).getAsDouble(Score))
    Score = 0;
  llvm::StringRef S = Score >= 9.0   ? "critical"
                      : Score >= 7.0 ? "major"
                      : Score >= 4.0 ? "minor"
                                     : "info";
  if (L == Level::Error && (S == "minor" || S == "info"))
    return "major";
  return S;
}

} // namespace

void writeGitLabCodeQuality(const Report &R, llvm::raw_ostream &OS) {
  llvm::StringMap<RuleDescriptor> Rules;
  llvm::StringMap<unsigned> Seen;
  {
    llvm::json::OStream J(OS, /*IndentSize=*/2);
    J.array([&] {
      for (const Finding &F : R.Findings) {
        if (!F.Where.valid())
          continue;
        auto It = Rules.find(F.RuleId);
        if (It == Rules.end())
          It = Rules.try_emplace(F.RuleId, describeRule(F.RuleId)).first;
        // GitLab wants each fingerprint once per report; two findings of
        // one fingerprint (the same flow twice in a file) get a suffix.
        std::string Print = F.Fingerprint.empty() ? F.LineHash : F.Fingerprint;
        if (unsigned N = Seen[Print]++)
          Print += "-" + std::to_string(N + 1);
        J.object([&] {
          J.attribute("type", "issue");
          J.attribute("check_name", F.RuleId);
          J.attribute("description", jsonString(F.Message));
          J.attributeArray("categories", [&] { J.value("Security"); });
          J.attribute("severity", severityOf(It->second, F.Severity));
          J.attribute("fingerprint", Print);
          J.attributeObject("location", [&] {
            J.attribute("path", jsonString(R.Root.display(F.Where.File)));
            J.attributeObject("lines", [&] {
              J.attribute("begin", F.Where.Point.Line);
              J.attribute("end", F.Where.End.Line);
            });
          });
        });
      }
    });
  }
  OS << "\n";
}

} // namespace sinkguard::report
