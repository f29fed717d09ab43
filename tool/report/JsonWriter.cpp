//===--- JsonWriter.cpp ---------------------------------------------------===//

#include "JsonWriter.h"
#include "Fingerprint.h"
#include "JsonPrinter.h"
#include "SarifWriter.h"
#include "llvm/Support/JSON.h"

namespace sinkguard::report {

using llvm::json::OStream;

namespace {

/// "file", "line" and "column" (the diagnostic's position) and "region"
/// of \p L.
void location(OStream &J, const Location &L, const SourceRoot &Root) {
  if (L.File.empty())
    return;
  J.attribute("file", jsonString(Root.display(L.File)));
  if (!L.valid())
    return;
  J.attribute("line", L.Point.Line);
  J.attribute("column", L.Point.Column);
  J.attributeObject("region", [&] {
    J.attribute("startLine", L.Start.Line);
    J.attribute("startColumn", L.Start.Column);
    J.attribute("endLine", L.End.Line);
    J.attribute("endColumn", L.End.Column);
  });
}

void finding(OStream &J, const Finding &F, const SourceRoot &Root) {
  J.object([&] {
    J.attribute("rule", F.RuleId);
    J.attribute("level", levelName(F.Severity));
    if (F.Baseline == BaselineState::New)
      J.attribute("baselineState", "new");
    J.attribute("message", jsonString(F.Message));
    location(J, F.Where, Root);
    if (!F.Function.empty())
      J.attribute("function", jsonString(F.Function));
    J.attributeArray("notes", [&] {
      for (const Note &N : F.Notes) {
        J.object([&] {
          J.attribute("message", jsonString(N.Message));
          location(J, N.Where, Root);
        });
      }
    });
    J.attributeObject("fingerprints", [&] {
      J.attribute("primaryLocationLineHash", F.LineHash);
      J.attribute(StableFingerprintName, F.Fingerprint);
    });
  });
}

} // namespace

void writeJson(const Report &R, llvm::raw_ostream &OS) {
  {
    OStream J(OS, /*IndentSize=*/2);
    J.object([&] {
      J.attribute("version", 1);
      J.attributeObject("tool", [&] {
        J.attribute("name", "sinkguard");
        J.attribute("version", toolVersion());
      });
      J.attribute("sourceRoot", jsonString(R.Root.path()));
      J.attribute("executionSuccessful", R.ExecutionSuccessful);
      if (R.ExitCode)
        J.attribute("exitCode", *R.ExitCode);
      J.attribute("filesAnalysed", R.FilesAnalysed);
      if (R.Baseline)
        writeBaselineMember(J, *R.Baseline);
      J.attributeArray("findings", [&] {
        for (const Finding &F : R.Findings)
          finding(J, F, R.Root);
      });
      J.attributeArray("notifications", [&] {
        for (const Notification &N : R.Notifications) {
          J.object([&] {
            J.attribute("level", levelName(N.Severity));
            J.attribute("message", jsonString(N.Message));
            Location Where = N.Where;
            if (!Where.valid())
              Where.File = N.File;
            location(J, Where, R.Root);
          });
        }
      });
      J.attributeArray("toolDiagnostics", [&] {
        for (const ToolDiagnostic &D : R.ToolDiagnostics) {
          J.object([&] {
            J.attribute("name", D.Name);
            J.attribute("level", levelName(D.Severity));
            J.attribute("message", jsonString(D.Message));
            location(J, D.Where, R.Root);
          });
        }
      });
    });
  }
  OS << "\n";
}

} // namespace sinkguard::report
