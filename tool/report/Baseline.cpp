//===--- Baseline.cpp -----------------------------------------------------===//

#include "Baseline.h"
#include "Fingerprint.h"
#include "SarifLog.h"
#include "SarifWriter.h"

namespace sinkguard::report {

static std::string lineKey(llvm::StringRef RuleId, llvm::StringRef Uri,
                           llvm::StringRef LineHash) {
  return (RuleId + llvm::Twine('\0') + Uri + llvm::Twine('\0') + LineHash)
      .str();
}

llvm::Expected<Baseline> Baseline::load(llvm::StringRef Path) {
  llvm::Expected<llvm::json::Value> Log = readSarifLog(Path);
  if (!Log)
    return Log.takeError();
  return fromLog(*Log, Path);
}

Baseline Baseline::fromLog(const llvm::json::Value &Log, llvm::StringRef Path) {
  Baseline B;
  B.File = Path.str();
  for (const llvm::json::Value &RunValue :
       *Log.getAsObject()->getArray("runs")) {
    if (const llvm::json::Object *Ids =
            RunValue.getAsObject()->getObject("originalUriBaseIds"))
      if (const llvm::json::Object *Root = Ids->getObject(SourceRootBaseId))
        if (B.SourceRootUri.empty())
          B.SourceRootUri = Root->getString("uri").value_or("").str();
    const llvm::json::Array *Results =
        RunValue.getAsObject()->getArray("results");
    if (!Results)
      continue;
    for (const llvm::json::Value &ResultValue : *Results) {
      const llvm::json::Object *Result = ResultValue.getAsObject();
      if (!Result)
        continue;
      const llvm::json::Object *Prints =
          Result->getObject("partialFingerprints");
      if (!Prints)
        continue;
      if (std::optional<llvm::StringRef> Stable =
              Prints->getString(StableFingerprintName)) {
        ++B.Stable[*Stable];
        ++B.Total;
        continue;
      }
      std::optional<llvm::StringRef> Hash =
          Prints->getString("primaryLocationLineHash");
      const llvm::json::Array *Locations = Result->getArray("locations");
      const llvm::json::Object *Primary = Locations && !Locations->empty()
                                              ? (*Locations)[0].getAsObject()
                                              : nullptr;
      const llvm::json::Object *Physical =
          Primary ? Primary->getObject("physicalLocation") : nullptr;
      const llvm::json::Object *Artifact =
          Physical ? Physical->getObject("artifactLocation") : nullptr;
      std::optional<llvm::StringRef> Uri =
          Artifact ? Artifact->getString("uri") : std::nullopt;
      std::optional<llvm::StringRef> Rule = Result->getString("ruleId");
      if (Hash && Uri && Rule) {
        ++B.ByLine[lineKey(*Rule, *Uri, *Hash)];
        ++B.Total;
      }
    }
  }
  return B;
}

static bool take(llvm::StringMap<unsigned> &Counts, llvm::StringRef Key) {
  auto It = Counts.find(Key);
  if (It == Counts.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

BaselineSummary Baseline::apply(std::vector<Finding> &Findings,
                                const SourceRoot &Root) {
  BaselineSummary Summary;
  Summary.File = File;
  std::vector<Finding> New;
  for (Finding &F : Findings) {
    bool Known =
        take(Stable, F.Fingerprint) ||
        take(ByLine, lineKey(F.RuleId, Root.uriFor(F.Where.File), F.LineHash));
    if (Known) {
      ++Summary.Unchanged;
      continue;
    }
    F.Baseline = BaselineState::New;
    New.push_back(std::move(F));
  }
  Findings = std::move(New);
  Summary.Absent = Total - Summary.Unchanged;
  return Summary;
}

} // namespace sinkguard::report
