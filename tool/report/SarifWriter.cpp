//===--- SarifWriter.cpp --------------------------------------------------===//
//
// The log is streamed: a scan can have tens of thousands of results, and a
// DOM of them costs more than the whole rest of the report. Members are
// written in the order printJson() (JsonPrinter.h) gives them, so that a
// merged log reads like a scanned one; a test merges one log and compares
// the bytes.
//
//===----------------------------------------------------------------------===//

#include "SarifWriter.h"
#include "CheckMetadata.h"
#include "Fingerprint.h"
#include "JsonPrinter.h"
#include "Rules.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#ifndef SINKGUARD_VERSION
#error "SINKGUARD_VERSION must be defined by the build"
#endif

namespace sinkguard::report {

using llvm::json::OStream;

llvm::StringRef toolVersion() { return SINKGUARD_VERSION; }

namespace {

/// GitHub keeps 100 related locations and 1,000 code flow steps of a result
/// and rejects more than 1,000 and 10,000; stay within what it accepts.
constexpr size_t MaxRelatedLocations = 1000;
constexpr size_t MaxThreadFlowLocations = 10000;
/// The rank (0 to 100) of a finding that is less certain; the others have
/// none (SARIF's default, -1: unranked).
constexpr double LessCertainRank = 30.0;

void message(OStream &J, llvm::StringRef Text) {
  J.attributeObject("message", [&] {
    J.attribute("text", jsonString(Text.empty() ? "(no message)" : Text));
  });
}

void artifactLocation(OStream &J, const SourceRoot &Root,
                      llvm::StringRef File) {
  J.attributeObject("artifactLocation", [&] {
    J.attribute("uri", Root.uriFor(File));
    if (Root.relative(File))
      J.attribute("uriBaseId", SourceRootBaseId);
  });
}

void region(OStream &J, const Location &L) {
  // SARIF's end column is one past the region; an empty range still marks
  // one character.
  Position End = L.End;
  if (End.Line < L.Start.Line ||
      (End.Line == L.Start.Line && End.Utf16Column <= L.Start.Utf16Column)) {
    End = L.Start;
    End.Utf16Column = L.Start.Utf16Column + 1;
  }
  J.attributeObject("region", [&] {
    J.attribute("startLine", L.Start.Line);
    J.attribute("startColumn", L.Start.Utf16Column);
    J.attribute("endLine", End.Line);
    J.attribute("endColumn", End.Utf16Column);
  });
}

/// The members of a location object: an optional id, the physical location
/// and an optional message.
void locationMembers(OStream &J, const SourceRoot &Root, const Location &L,
                     llvm::StringRef Message = {}, int64_t Id = 0) {
  if (Id)
    J.attribute("id", Id);
  J.attributeObject("physicalLocation", [&] {
    artifactLocation(J, Root, L.File);
    if (L.valid())
      region(J, L);
  });
  if (!Message.empty())
    message(J, Message);
}

/// The last component of a qualified function name (FunctionNames.h in
/// the engine): an operator's name may hold "::" itself
/// ("operator std::string"), an Objective-C method's too.
llvm::StringRef unqualifiedName(llvm::StringRef Qualified) {
  if (Qualified.starts_with("-[") || Qualified.starts_with("+["))
    return Qualified;
  auto IsIdentifierChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  size_t Start = 0;
  for (size_t I = 0; I < Qualified.size(); ++I) {
    llvm::StringRef Rest = Qualified.substr(I);
    if (I == Start && Rest.starts_with("operator") &&
        (Rest.size() == 8 || !IsIdentifierChar(Rest[8])))
      break;
    if (Rest.starts_with("::")) {
      Start = I + 2;
      ++I;
    }
  }
  return Qualified.substr(Start);
}

/// The function a result is in, as code-scanning views show it.
void logicalLocations(OStream &J, llvm::StringRef Function) {
  J.attributeArray("logicalLocations", [&] {
    J.object([&] {
      J.attribute("name", jsonString(unqualifiedName(Function)));
      J.attribute("fullyQualifiedName", jsonString(Function));
      J.attribute("kind", "function");
    });
  });
}

void result(OStream &J, const Finding &F, unsigned RuleIndex,
            const SourceRoot &Root) {
  J.object([&] {
    J.attribute("ruleId", F.RuleId);
    J.attribute("ruleIndex", RuleIndex);
    J.attribute("level", levelName(F.Severity));
    if (F.Baseline == BaselineState::New)
      J.attribute("baselineState", "new");
    else if (F.Baseline == BaselineState::Unchanged)
      J.attribute("baselineState", "unchanged");
    message(J, F.Message);
    if (F.Where.valid()) {
      J.attributeArray("locations", [&] {
        J.object([&] {
          locationMembers(J, Root, F.Where);
          if (!F.Function.empty())
            logicalLocations(J, F.Function);
        });
      });
    }

    // A note that the finding is less certain is no step of its path: it
    // lowers the result's rank and says why (properties.confidence).
    std::vector<const Note *> Steps;
    const Note *Uncertain = nullptr;
    for (const Note &N : F.Notes) {
      if (llvm::StringRef(N.Message).starts_with(LessCertainNote))
        Uncertain = &N;
      else if (N.Where.valid())
        Steps.push_back(&N);
    }
    if (Uncertain)
      J.attribute("rank", LessCertainRank);
    if (!Steps.empty()) {
      J.attributeArray("relatedLocations", [&] {
        for (size_t I = 0; I < Steps.size() && I < MaxRelatedLocations; ++I) {
          J.object([&] {
            locationMembers(J, Root, Steps[I]->Where, Steps[I]->Message,
                            static_cast<int64_t>(I + 1));
          });
        }
      });
    }
    if (!Steps.empty() && F.Where.valid()) {
      // Each note is a step with its message; the path ends where the
      // finding is reported.
      auto Step = [&](const Location &L, llvm::StringRef Message) {
        J.object([&] {
          J.attributeObject("location",
                            [&] { locationMembers(J, Root, L, Message); });
        });
      };
      J.attributeArray("codeFlows", [&] {
        J.object([&] {
          J.attributeArray("threadFlows", [&] {
            J.object([&] {
              J.attributeArray("locations", [&] {
                for (size_t I = 0;
                     I < Steps.size() && I + 1 < MaxThreadFlowLocations; ++I)
                  Step(Steps[I]->Where, Steps[I]->Message);
                Step(F.Where, F.Message);
              });
            });
          });
        });
      });
    }

    if (!F.LineHash.empty() || !F.Fingerprint.empty()) {
      J.attributeObject("partialFingerprints", [&] {
        if (!F.LineHash.empty())
          J.attribute("primaryLocationLineHash", F.LineHash);
        if (!F.Fingerprint.empty())
          J.attribute(StableFingerprintName, F.Fingerprint);
      });
    }
    if (!F.Aliases.empty() || !F.Function.empty() || Uncertain) {
      J.attributeObject("properties", [&] {
        if (Uncertain) {
          J.attribute("confidence", "medium");
          J.attribute("uncertainty",
                      jsonString(llvm::StringRef(Uncertain->Message)
                                     .drop_front(LessCertainNote.size())));
        }
        if (!F.Aliases.empty()) {
          J.attributeArray("aliases", [&] {
            for (const std::string &A : F.Aliases)
              J.value(A);
          });
        }
        if (!F.Function.empty())
          J.attribute("function", jsonString(F.Function));
      });
    }
  });
}

void notification(OStream &J, const Notification &N, const SourceRoot &Root) {
  J.object([&] {
    J.attribute("level", levelName(N.Severity));
    message(J, N.Message);
    const Location *Where = N.Where.valid() ? &N.Where : nullptr;
    Location FileOnly;
    if (!Where && !N.File.empty()) {
      FileOnly.File = N.File;
      Where = &FileOnly;
    }
    if (Where)
      J.attributeArray("locations", [&] {
        J.object([&] { locationMembers(J, Root, *Where); });
      });
  });
}

void ruleMembers(OStream &J, const RuleDescriptor &D) {
  J.attribute("id", D.Id);
  J.attribute("name", D.Name);
  J.attributeObject("shortDescription", [&] {
    J.attribute("text", jsonString(D.ShortDescription));
  });
  J.attributeObject("fullDescription", [&] {
    J.attribute("text", jsonString(D.FullDescription));
  });
  J.attributeObject("help", [&] {
    J.attribute("text", jsonString(D.HelpText));
    J.attribute("markdown", jsonString(D.HelpMarkdown));
  });
  J.attribute("helpUri", D.HelpUri);
  J.attributeObject("defaultConfiguration",
                    [&] { J.attribute("level", levelName(D.DefaultLevel)); });
  // Names printJson does not know come in alphabetical order.
  J.attributeObject("properties", [&] {
    if (!D.Asvs.empty())
      J.attribute("owasp-asvs", jsonString(D.Asvs));
    if (!D.Precision.empty())
      J.attribute("precision", D.Precision);
    J.attribute("problem.severity", D.ProblemSeverity);
    if (!D.SecuritySeverity.empty())
      J.attribute("security-severity", D.SecuritySeverity);
    J.attributeArray("tags", [&] {
      for (const std::string &T : D.Tags)
        J.value(T);
    });
  });
}

void run(OStream &J, const Report &R) {
  llvm::StringMap<unsigned> RuleIndex;
  std::vector<std::string> RuleIds = R.RuleIds;
  // Every result's rule must be described, even if the caller forgot it.
  for (const std::string &Id : R.RuleIds)
    RuleIndex.try_emplace(Id, RuleIndex.size());
  for (const Finding &F : R.Findings)
    if (RuleIndex.try_emplace(F.RuleId, RuleIndex.size()).second)
      RuleIds.push_back(F.RuleId);

  J.attributeObject("tool", [&] {
    J.attributeObject("driver", [&] {
      J.attribute("name", "sinkguard");
      J.attribute("version", toolVersion());
      J.attribute("semanticVersion", toolVersion());
      J.attribute("informationUri", repositoryUrl());
      J.attributeArray("rules", [&] {
        for (const std::string &Id : RuleIds)
          J.object([&] { ruleMembers(J, describeRule(Id)); });
      });
    });
  });
  if (!R.AutomationId.empty())
    J.attributeObject("automationDetails",
                      [&] { J.attribute("id", jsonString(R.AutomationId)); });
  J.attributeObject("originalUriBaseIds", [&] {
    J.attributeObject(SourceRootBaseId,
                      [&] { J.attribute("uri", R.Root.uri()); });
  });
  J.attributeArray("invocations", [&] {
    J.object([&] {
      J.attribute("executionSuccessful", R.ExecutionSuccessful);
      if (R.ExitCode)
        J.attribute("exitCode", *R.ExitCode);
      J.attribute("commandLine", jsonString(R.CommandLine));
      if (!R.Notifications.empty()) {
        J.attributeArray("toolExecutionNotifications", [&] {
          for (const Notification &N : R.Notifications)
            notification(J, N, R.Root);
        });
      }
    });
  });
  J.attribute("columnKind", "utf16CodeUnits");
  J.attributeArray("results", [&] {
    for (const Finding &F : R.Findings)
      result(J, F, RuleIndex.lookup(F.RuleId), R.Root);
  });
  J.attributeObject("properties", [&] {
    J.attribute("filesAnalysed", R.FilesAnalysed);
    if (!R.Shard.empty())
      J.attribute("shard", R.Shard);
    if (R.Baseline)
      writeBaselineMember(J, *R.Baseline);
  });
}

} // namespace

llvm::json::Value ruleJson(const RuleDescriptor &D) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  {
    OStream J(OS);
    J.object([&] { ruleMembers(J, D); });
  }
  // Valid by construction.
  return llvm::cantFail(llvm::json::parse(Text));
}

void writeSarif(const Report &R, llvm::raw_ostream &OS) {
  {
    OStream J(OS, /*IndentSize=*/2);
    J.object([&] {
      J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      J.attribute("version", "2.1.0");
      J.attributeArray("runs", [&] { J.object([&] { run(J, R); }); });
    });
  }
  OS << "\n";
}

} // namespace sinkguard::report
