//===--- JsonWriter.cpp ---------------------------------------------------===//

#include "JsonWriter.h"
#include "Fingerprint.h"
#include "JsonPrinter.h"
#include "SarifWriter.h"
#include "llvm/Support/JSON.h"

namespace sinkguard::report {

using llvm::json::Array;
using llvm::json::Object;

namespace {

/// "file", "line" and "column" (the diagnostic's position) and "region"
/// of \p L, into \p O.
void addLocation(Object &O, const Location &L, const SourceRoot &Root) {
  if (L.File.empty())
    return;
  O["file"] = jsonString(Root.display(L.File));
  if (!L.valid())
    return;
  O["line"] = L.Point.Line;
  O["column"] = L.Point.Column;
  O["region"] = Object{{"startLine", L.Start.Line},
                       {"startColumn", L.Start.Column},
                       {"endLine", L.End.Line},
                       {"endColumn", L.End.Column}};
}

Object finding(const Finding &F, const SourceRoot &Root) {
  Object O{{"rule", F.RuleId},
           {"level", levelName(F.Severity)},
           {"message", jsonString(F.Message)}};
  addLocation(O, F.Where, Root);
  if (!F.Function.empty())
    O["function"] = jsonString(F.Function);
  Array Notes;
  for (const Note &N : F.Notes) {
    Object Step{{"message", jsonString(N.Message)}};
    addLocation(Step, N.Where, Root);
    Notes.push_back(std::move(Step));
  }
  O["notes"] = std::move(Notes);
  O["fingerprints"] = Object{{"primaryLocationLineHash", F.LineHash},
                             {StableFingerprintName, F.Fingerprint}};
  if (F.Baseline == BaselineState::New)
    O["baselineState"] = "new";
  return O;
}

} // namespace

void writeJson(const Report &R, llvm::raw_ostream &OS) {
  Array Findings;
  for (const Finding &F : R.Findings)
    Findings.push_back(finding(F, R.Root));
  Array Notifications;
  for (const Notification &N : R.Notifications) {
    Object O{{"level", levelName(N.Severity)},
             {"message", jsonString(N.Message)}};
    Location Where = N.Where;
    if (!Where.valid())
      Where.File = N.File;
    addLocation(O, Where, R.Root);
    Notifications.push_back(std::move(O));
  }
  Array Diagnostics;
  for (const ToolDiagnostic &D : R.ToolDiagnostics) {
    Object O{{"name", D.Name},
             {"level", levelName(D.Severity)},
             {"message", jsonString(D.Message)}};
    addLocation(O, D.Where, R.Root);
    Diagnostics.push_back(std::move(O));
  }
  Object Top{
      {"version", 1},
      {"tool", Object{{"name", "sinkguard"}, {"version", toolVersion()}}},
      {"sourceRoot", jsonString(R.Root.path())},
      {"executionSuccessful", R.ExecutionSuccessful},
      {"filesAnalysed", R.FilesAnalysed},
      {"findings", std::move(Findings)},
      {"notifications", std::move(Notifications)},
      {"toolDiagnostics", std::move(Diagnostics)}};
  if (R.ExitCode)
    Top["exitCode"] = *R.ExitCode;
  if (R.Baseline)
    Top["baseline"] = Object{{"file", jsonString(R.Baseline->File)},
                             {"unchanged", R.Baseline->Unchanged},
                             {"absent", R.Baseline->Absent}};
  printJson(llvm::json::Value(std::move(Top)), OS);
}

} // namespace sinkguard::report
