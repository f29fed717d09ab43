//===--- SarifWriter.cpp --------------------------------------------------===//

#include "SarifWriter.h"
#include "Fingerprint.h"
#include "JsonPrinter.h"
#include "Rules.h"
#include "llvm/ADT/StringMap.h"

#ifndef SINKGUARD_VERSION
#error "SINKGUARD_VERSION must be defined by the build"
#endif

namespace sinkguard::report {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

llvm::StringRef toolVersion() { return SINKGUARD_VERSION; }

namespace {

/// GitHub keeps 100 related locations and 1,000 code flow steps of a result
/// and rejects more than 1,000 and 10,000; stay within what it accepts.
constexpr size_t MaxRelatedLocations = 1000;
constexpr size_t MaxThreadFlowLocations = 10000;

Object message(llvm::StringRef Text) {
  return Object{{"text", jsonString(Text.empty() ? "(no message)" : Text)}};
}

Object artifactLocation(const SourceRoot &Root, llvm::StringRef File) {
  if (Root.relative(File))
    return Object{{"uri", Root.uriFor(File)}, {"uriBaseId", SourceRootBaseId}};
  return Object{{"uri", Root.uriFor(File)}};
}

Object region(const Location &L) {
  // SARIF's end column is one past the region; an empty range still marks
  // one character.
  Position End = L.End;
  if (End.Line < L.Start.Line ||
      (End.Line == L.Start.Line && End.Utf16Column <= L.Start.Utf16Column)) {
    End = L.Start;
    End.Utf16Column = L.Start.Utf16Column + 1;
  }
  return Object{{"startLine", L.Start.Line},
                {"startColumn", L.Start.Utf16Column},
                {"endLine", End.Line},
                {"endColumn", End.Utf16Column}};
}

Object physicalLocation(const SourceRoot &Root, const Location &L) {
  return Object{{"artifactLocation", artifactLocation(Root, L.File)},
                {"region", region(L)}};
}

Object location(const SourceRoot &Root, const Location &L,
                llvm::StringRef Message = {}) {
  Object O{{"physicalLocation", physicalLocation(Root, L)}};
  if (!Message.empty())
    O["message"] = message(Message);
  return O;
}

Value result(const Finding &F, unsigned RuleIndex, const SourceRoot &Root) {
  Object R{{"ruleId", F.RuleId},
           {"ruleIndex", RuleIndex},
           {"level", levelName(F.Severity)},
           {"message", message(F.Message)}};
  if (F.Baseline == BaselineState::New)
    R["baselineState"] = "new";
  else if (F.Baseline == BaselineState::Unchanged)
    R["baselineState"] = "unchanged";
  if (F.Where.valid())
    R["locations"] = Array{location(Root, F.Where)};

  Array Related;
  Array Steps;
  for (const Note &N : F.Notes) {
    if (!N.Where.valid())
      continue;
    if (Related.size() < MaxRelatedLocations) {
      Object L = location(Root, N.Where, N.Message);
      L["id"] = static_cast<int64_t>(Related.size() + 1);
      Related.push_back(std::move(L));
    }
    if (Steps.size() + 1 < MaxThreadFlowLocations)
      Steps.push_back(Object{{"location", location(Root, N.Where, N.Message)}});
  }
  if (!Related.empty())
    R["relatedLocations"] = std::move(Related);
  if (!Steps.empty() && F.Where.valid()) {
    // The path ends where the finding is reported.
    Steps.push_back(Object{{"location", location(Root, F.Where, F.Message)}});
    R["codeFlows"] = Array{Object{
        {"threadFlows", Array{Object{{"locations", std::move(Steps)}}}}}};
  }

  Object Fingerprints;
  if (!F.LineHash.empty())
    Fingerprints["primaryLocationLineHash"] = F.LineHash;
  if (!F.Fingerprint.empty())
    Fingerprints[StableFingerprintName] = F.Fingerprint;
  if (!Fingerprints.empty())
    R["partialFingerprints"] = std::move(Fingerprints);

  Object Properties;
  if (!F.Aliases.empty()) {
    Array Aliases;
    for (const std::string &A : F.Aliases)
      Aliases.push_back(A);
    Properties["aliases"] = std::move(Aliases);
  }
  if (!F.Function.empty())
    Properties["function"] = jsonString(F.Function);
  if (!Properties.empty())
    R["properties"] = std::move(Properties);
  return R;
}

} // namespace

Value ruleJson(const RuleDescriptor &D) {
  Array Tags;
  for (const std::string &T : D.Tags)
    Tags.push_back(T);
  Object Properties{{"tags", std::move(Tags)},
                    {"problem.severity", D.ProblemSeverity}};
  if (!D.SecuritySeverity.empty())
    Properties["security-severity"] = D.SecuritySeverity;
  if (!D.Precision.empty())
    Properties["precision"] = D.Precision;
  if (!D.Asvs.empty())
    Properties["owasp-asvs"] = D.Asvs;
  return Object{
      {"id", D.Id},
      {"name", D.Name},
      {"shortDescription", message(D.ShortDescription)},
      {"fullDescription", message(D.FullDescription)},
      {"help", Object{{"text", jsonString(D.HelpText)},
                      {"markdown", jsonString(D.HelpMarkdown)}}},
      {"helpUri", D.HelpUri},
      {"defaultConfiguration", Object{{"level", levelName(D.DefaultLevel)}}},
      {"properties", std::move(Properties)},
  };
}

namespace {

Value notification(const Notification &N, const SourceRoot &Root) {
  std::string Text = N.Message;
  Object O{{"level", levelName(N.Severity)}, {"message", message(Text)}};
  if (N.Where.valid())
    O["locations"] = Array{location(Root, N.Where)};
  else if (!N.File.empty())
    O["locations"] = Array{
        Object{{"physicalLocation",
                Object{{"artifactLocation", artifactLocation(Root, N.File)}}}}};
  return O;
}

} // namespace

Value buildSarif(const Report &R) {
  llvm::StringMap<unsigned> RuleIndex;
  Array Rules;
  for (const std::string &Id : R.RuleIds) {
    RuleIndex[Id] = static_cast<unsigned>(Rules.size());
    Rules.push_back(ruleJson(describeRule(Id)));
  }
  // Every result's rule must be described, even if the caller forgot it.
  for (const Finding &F : R.Findings)
    if (RuleIndex.try_emplace(F.RuleId, Rules.size()).second)
      Rules.push_back(ruleJson(describeRule(F.RuleId)));

  Array Results;
  for (const Finding &F : R.Findings)
    Results.push_back(result(F, RuleIndex.lookup(F.RuleId), R.Root));

  Array Notifications;
  for (const Notification &N : R.Notifications)
    Notifications.push_back(notification(N, R.Root));
  Object Invocation{{"executionSuccessful", R.ExecutionSuccessful},
                    {"commandLine", jsonString(R.CommandLine)}};
  if (R.ExitCode)
    Invocation["exitCode"] = *R.ExitCode;
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  Object Driver{{"name", "sinkguard"},
                {"version", toolVersion()},
                {"semanticVersion", toolVersion()},
                {"informationUri", repositoryUrl()},
                {"rules", std::move(Rules)}};
  Object Run{
      {"tool", Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       Object{{SourceRootBaseId, Object{{"uri", R.Root.uri()}}}}},
      {"invocations", Array{std::move(Invocation)}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)},
  };
  if (!R.AutomationId.empty())
    Run["automationDetails"] = Object{{"id", jsonString(R.AutomationId)}};
  Object Properties{{"filesAnalysed", R.FilesAnalysed}};
  if (R.Baseline)
    Properties["baseline"] = Object{{"file", jsonString(R.Baseline->File)},
                                    {"unchanged", R.Baseline->Unchanged},
                                    {"absent", R.Baseline->Absent}};
  Run["properties"] = std::move(Properties);

  return Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Array{std::move(Run)}},
  };
}

void writeSarif(const Report &R, llvm::raw_ostream &OS) {
  printJson(buildSarif(R), OS);
}

} // namespace sinkguard::report
