//===--- JsonPrinter.cpp --------------------------------------------------===//

#include "JsonPrinter.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace sinkguard::report {

namespace {

/// Members printed first, in this order.
constexpr llvm::StringLiteral KnownMembers[] = {
    "$schema",
    "id",
    "name",
    "version",
    "fullName",
    "semanticVersion",
    "informationUri",
    "tool",
    "sourceRoot",
    "runs",
    "driver",
    "shortDescription",
    "fullDescription",
    "help",
    "helpUri",
    "defaultConfiguration",
    "rules",
    "automationDetails",
    "originalUriBaseIds",
    "invocations",
    "columnKind",
    "executionSuccessful",
    "exitCode",
    "commandLine",
    "toolExecutionNotifications",
    "filesAnalysed",
    "baseline",
    "ruleId",
    "rule",
    "ruleIndex",
    "level",
    "baselineState",
    "message",
    "text",
    "markdown",
    "file",
    "line",
    "column",
    "locations",
    "location",
    "physicalLocation",
    "artifactLocation",
    "uri",
    "uriBaseId",
    "region",
    "startLine",
    "startColumn",
    "endLine",
    "endColumn",
    "function",
    "relatedLocations",
    "notes",
    "codeFlows",
    "threadFlows",
    "partialFingerprints",
    "fingerprints",
    "findings",
    "notifications",
    "toolDiagnostics",
    "results",
    "properties",
};

size_t rank(llvm::StringRef Key) {
  const auto *It = llvm::find(KnownMembers, Key);
  return static_cast<size_t>(It - std::begin(KnownMembers));
}

void print(const llvm::json::Value &V, llvm::json::OStream &J) {
  if (const llvm::json::Object *O = V.getAsObject()) {
    std::vector<llvm::StringRef> Keys;
    for (const auto &KV : *O)
      Keys.push_back(KV.first);
    llvm::sort(Keys, [](llvm::StringRef A, llvm::StringRef B) {
      size_t RA = rank(A);
      size_t RB = rank(B);
      return RA != RB ? RA < RB : A < B;
    });
    J.object([&] {
      for (llvm::StringRef K : Keys) {
        J.attributeBegin(K);
        print(*O->get(K), J);
        J.attributeEnd();
      }
    });
    return;
  }
  if (const llvm::json::Array *A = V.getAsArray()) {
    J.array([&] {
      for (const llvm::json::Value &E : *A)
        print(E, J);
    });
    return;
  }
  J.value(V);
}

} // namespace

void printJson(const llvm::json::Value &V, llvm::raw_ostream &OS) {
  {
    llvm::json::OStream J(OS, /*IndentSize=*/2);
    print(V, J);
  }
  OS << "\n";
}

std::string jsonString(llvm::StringRef S) {
  if (llvm::json::isUTF8(S))
    return S.str();
  return llvm::json::fixUTF8(S);
}

} // namespace sinkguard::report
