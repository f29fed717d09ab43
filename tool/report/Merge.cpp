//===--- Merge.cpp --------------------------------------------------------===//

#include "Merge.h"
#include "Rules.h"
#include "SarifWriter.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <tuple>

namespace sinkguard::report {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why.str());
}

std::string serialize(const Value &V) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << V;
  return S;
}

/// What a result is sorted by: URI, line, column, rule, message; then all
/// of it.
struct ResultKey {
  std::string Uri;
  int64_t Line = 0;
  int64_t Column = 0;
  std::string Rule;
  std::string Message;
  std::string All;

  bool operator<(const ResultKey &O) const {
    return std::tie(Uri, Line, Column, Rule, Message, All) <
           std::tie(O.Uri, O.Line, O.Column, O.Rule, O.Message, O.All);
  }
};

ResultKey keyOf(const Value &ResultValue) {
  const Object &Result = *ResultValue.getAsObject();
  ResultKey K;
  K.Rule = Result.getString("ruleId").value_or("").str();
  if (const Object *M = Result.getObject("message"))
    K.Message = M->getString("text").value_or("").str();
  const Array *Locations = Result.getArray("locations");
  const Object *Physical =
      Locations && !Locations->empty() && (*Locations)[0].getAsObject()
          ? (*Locations)[0].getAsObject()->getObject("physicalLocation")
          : nullptr;
  if (Physical) {
    if (const Object *Artifact = Physical->getObject("artifactLocation"))
      K.Uri = Artifact->getString("uri").value_or("").str();
    if (const Object *Region = Physical->getObject("region")) {
      K.Line = Region->getInteger("startLine").value_or(0);
      K.Column = Region->getInteger("startColumn").value_or(0);
    }
  }
  K.All = serialize(ResultValue);
  return K;
}

/// The rule id of \p Result, from ruleId or from ruleIndex into \p Rules.
std::optional<std::string> ruleIdOf(const Object &Result, const Array *Rules) {
  if (std::optional<llvm::StringRef> Id = Result.getString("ruleId"))
    return Id->str();
  std::optional<int64_t> Index = Result.getInteger("ruleIndex");
  if (!Index || !Rules || *Index < 0 ||
      static_cast<size_t>(*Index) >= Rules->size())
    return std::nullopt;
  const Object *Rule = (*Rules)[*Index].getAsObject();
  if (!Rule)
    return std::nullopt;
  if (std::optional<llvm::StringRef> Id = Rule->getString("id"))
    return Id->str();
  return std::nullopt;
}

std::string driverField(const Object &Run, llvm::StringRef Field) {
  const Object *Tool = Run.getObject("tool");
  const Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
  if (!Driver)
    return "";
  return Driver->getString(Field).value_or("").str();
}

std::string automationIdOf(const Object &Run) {
  const Object *Details = Run.getObject("automationDetails");
  return Details ? Details->getString("id").value_or("").str() : "";
}

} // namespace

llvm::Expected<MergeResult>
mergeSarifLogs(std::vector<SarifInput> Inputs,
               const std::optional<std::string> &AutomationId) {
  struct RunRef {
    const std::string *Path;
    Object *Run;
  };
  std::vector<RunRef> Runs;
  for (SarifInput &In : Inputs)
    for (Value &R : *In.Log.getAsObject()->getArray("runs"))
      Runs.push_back({&In.Path, R.getAsObject()});
  if (Runs.empty())
    return failure("the inputs have no runs to merge");

  MergeResult Merged;
  const RunRef &First = Runs.front();
  std::string ToolName = driverField(*First.Run, "name");
  std::string ToolVersion = driverField(*First.Run, "version");
  std::string ColumnKind =
      First.Run->getString("columnKind").value_or("").str();
  std::string Category = automationIdOf(*First.Run);
  const Value *BaseIds = First.Run->get("originalUriBaseIds");

  std::map<std::string, Value> RulesById;
  std::map<ResultKey, Value> Results;
  Array Invocations;
  int64_t FilesAnalysed = 0;
  for (const RunRef &R : Runs) {
    std::string Name = driverField(*R.Run, "name");
    std::string Version = driverField(*R.Run, "version");
    if (Name.empty())
      return failure(*R.Path + ": a run has no tool.driver.name");
    if (Name != ToolName || Version != ToolVersion)
      return failure(llvm::Twine(*R.Path) + ": a run of " + Name + " " +
                     Version + " cannot be merged with one of " + ToolName +
                     " " + ToolVersion + " (" + *First.Path + ")");
    // A slice's report lacks the flows into units of other slices: merged,
    // the slices would quietly report less than one scan.
    if (const Object *Properties = R.Run->getObject("properties")) {
      if (std::optional<llvm::StringRef> Shard =
              Properties->getString("shard")) {
        return failure(*R.Path + ": the report of shard " + *Shard +
                       " of a scan, which lacks the flows between its units "
                       "and those of other shards; join the shards with "
                       "`sinkguard link` over their summary stores "
                       "(--cache-dir) instead of merging their reports");
      }
    }
    if (R.Run->getString("columnKind").value_or("").str() != ColumnKind)
      return failure(*R.Path + ": its columnKind differs from that of " +
                     *First.Path);
    if (!AutomationId && automationIdOf(*R.Run) != Category)
      return failure(*R.Path + ": its category ('" + automationIdOf(*R.Run) +
                     "') differs from that of " + *First.Path + " ('" +
                     Category + "'); give the merged run one with --category");
    const Value *Ids = R.Run->get("originalUriBaseIds");
    if ((Ids == nullptr) != (BaseIds == nullptr) ||
        (Ids && BaseIds && *Ids != *BaseIds)) {
      Merged.Warnings.push_back(*R.Path +
                                ": its source root differs from "
                                "that of " +
                                *First.Path + "; keeping the first");
    }

    const Object *Tool = R.Run->getObject("tool");
    const Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
    const Array *Rules = Driver ? Driver->getArray("rules") : nullptr;
    if (Rules) {
      for (const Value &Rule : *Rules)
        if (const Object *O = Rule.getAsObject())
          if (std::optional<llvm::StringRef> Id = O->getString("id"))
            RulesById.emplace(Id->str(), Rule);
    }

    if (Array *Rs = R.Run->getArray("results")) {
      for (Value &ResultValue : *Rs) {
        Object *Result = ResultValue.getAsObject();
        if (!Result)
          return failure(*R.Path + ": a result is not an object");
        std::optional<std::string> Id = ruleIdOf(*Result, Rules);
        if (!Id)
          return failure(*R.Path + ": a result names no rule");
        (*Result)["ruleId"] = *Id;
        Result->erase("ruleIndex");
        if (!RulesById.count(*Id)) {
          // A result whose run did not describe its rule: describe it now.
          RulesById.emplace(*Id, ruleJson(describeRule(*Id)));
        }
        ResultKey K = keyOf(ResultValue);
        Results.emplace(std::move(K), std::move(ResultValue));
      }
    }
    if (Array *Is = R.Run->getArray("invocations"))
      for (Value &I : *Is)
        Invocations.push_back(std::move(I));
    if (const Object *P = R.Run->getObject("properties"))
      FilesAnalysed += P->getInteger("filesAnalysed").value_or(0);
  }

  llvm::StringMap<int64_t> Index;
  Array Rules;
  for (auto &[Id, Rule] : RulesById) {
    Index[Id] = static_cast<int64_t>(Rules.size());
    Rules.push_back(std::move(Rule));
  }
  Array ResultArray;
  for (auto &[Key, Result] : Results) {
    (*Result.getAsObject())["ruleIndex"] = Index.lookup(Key.Rule);
    ResultArray.push_back(std::move(Result));
  }

  Object Driver = *First.Run->getObject("tool")->getObject("driver");
  Driver["rules"] = std::move(Rules);
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"invocations", std::move(Invocations)},
             {"results", std::move(ResultArray)},
             {"properties", Object{{"filesAnalysed", FilesAnalysed}}}};
  if (BaseIds)
    Run["originalUriBaseIds"] = *BaseIds;
  if (!ColumnKind.empty())
    Run["columnKind"] = ColumnKind;
  std::string Id = AutomationId ? *AutomationId : Category;
  if (!Id.empty())
    Run["automationDetails"] = Object{{"id", Id}};
  Merged.Log =
      Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Array{std::move(Run)}}};
  return Merged;
}

} // namespace sinkguard::report
