//===--- JsonPrinter.cpp --------------------------------------------------===//

#include "JsonPrinter.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
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
    "file",
    "ruleId",
    "ruleIndex",
    "level",
    "baselineState",
    "physicalLocation",
    "artifactLocation",
    "uri",
    "uriBaseId",
    "region",
    "startLine",
    "startColumn",
    "endLine",
    "endColumn",
    "message",
    "text",
    "markdown",
    "locations",
    "location",
    "relatedLocations",
    "codeFlows",
    "threadFlows",
    "partialFingerprints",
    "results",
    "properties",
};

/// The position of \p Key in KnownMembers, or after all of them.
size_t rank(llvm::StringRef Key) {
  static const llvm::StringMap<size_t> Ranks = [] {
    llvm::StringMap<size_t> M;
    for (size_t I = 0; I < std::size(KnownMembers); ++I)
      M[KnownMembers[I]] = I;
    return M;
  }();
  auto It = Ranks.find(Key);
  return It == Ranks.end() ? std::size(KnownMembers) : It->second;
}

void print(const llvm::json::Value &V, llvm::json::OStream &J) {
  if (const llvm::json::Object *O = V.getAsObject()) {
    std::vector<std::pair<size_t, const llvm::json::Object::value_type *>>
        Members;
    for (const auto &KV : *O)
      Members.emplace_back(rank(KV.first), &KV);
    llvm::sort(Members, [](const auto &A, const auto &B) {
      return A.first != B.first ? A.first < B.first
                                : A.second->first < B.second->first;
    });
    J.object([&] {
      for (const auto &[Rank, KV] : Members) {
        J.attributeBegin(KV->first);
        print(KV->second, J);
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
