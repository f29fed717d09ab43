//===--- LinkedFormat.cpp -------------------------------------------------===//

#include "LinkedFormat.h"
#include "llvm/ADT/StringMap.h"

namespace sinkguard::store {

namespace json = llvm::json;

namespace {

constexpr llvm::StringLiteral FormatName = "sinkguard-linked";

/// The linked summaries of one configuration of a summary store.
class StoreProgram : public engine::LinkedProgram {
public:
  const engine::LinkedFunction *find(llvm::StringRef Usr) const override {
    auto It = Functions.find(Usr);
    return It == Functions.end() ? nullptr : &It->second;
  }
  llvm::StringMap<engine::LinkedFunction> Functions;
};

/// Appends the integers of \p A (a missing array has none) to \p Into;
/// other elements are left out.
void readParams(const json::Array *A, llvm::SmallVectorImpl<int> &Into) {
  if (A)
    for (const json::Value &P : *A)
      if (std::optional<int64_t> I = P.getAsInteger())
        Into.push_back(static_cast<int>(*I));
}

engine::LinkedFunction readFunction(const json::Object &F) {
  engine::LinkedFunction L;
  L.ReturnsSource = F.getString("returnsSource").value_or("").str();
  readParams(F.getArray("toReturn"), L.ToReturn);
  readParams(F.getArray("validates"), L.Validates);
  if (const json::Array *A = F.getArray("sinks")) {
    for (const json::Value &SV : *A) {
      if (const json::Object *S = SV.getAsObject()) {
        int64_t Kind = S->getInteger("kind").value_or(-1);
        // Conversions are judged where the text is converted.
        if (Kind < 0 || Kind >= engine::SinkHit::Conversion)
          continue;
        L.Sinks.push_back({static_cast<int>(S->getInteger("param").value_or(0)),
                           static_cast<engine::SinkHit::Kind>(Kind),
                           S->getString("where").value_or("").str()});
      }
    }
  }
  return L;
}

} // namespace

LinkedWriter::LinkedWriter(llvm::raw_ostream &OS) : OS(OS), J(OS) {
  J.objectBegin();
  J.attributeBegin("configurations");
  J.arrayBegin();
}

void LinkedWriter::configuration(llvm::StringRef Key,
                                 llvm::ArrayRef<std::string> Checks,
                                 llvm::ArrayRef<LinkedEntry> Functions) {
  J.object([&] {
    J.attributeArray("checks", [&] {
      for (const std::string &Check : Checks)
        J.value(Check);
    });
    J.attribute("configuration", Key);
    J.attributeObject("functions", [&] {
      for (const LinkedEntry &E : Functions) {
        const engine::LinkedFunction &F = E.Function;
        if (F.ReturnsSource.empty() && F.Sinks.empty() && F.ToReturn.empty() &&
            F.Validates.empty())
          continue;
        J.attributeObject(E.Usr, [&] {
          if (!F.ReturnsSource.empty())
            J.attribute("returnsSource", F.ReturnsSource);
          if (!F.Sinks.empty()) {
            J.attributeArray("sinks", [&] {
              for (const engine::LinkedFunction::ParamSink &S : F.Sinks) {
                J.object([&] {
                  J.attribute("kind", static_cast<int>(S.Kind));
                  J.attribute("param", S.Param);
                  J.attribute("where", S.Where);
                });
              }
            });
          }
          if (!F.ToReturn.empty()) {
            J.attributeArray("toReturn", [&] {
              for (int P : F.ToReturn)
                J.value(P);
            });
          }
          if (!F.Validates.empty()) {
            J.attributeArray("validates", [&] {
              for (int P : F.Validates)
                J.value(P);
            });
          }
        });
      }
    });
  });
}

void LinkedWriter::finish() {
  J.arrayEnd();
  J.attributeEnd();
  J.attribute("format", FormatName);
  J.attribute("version", LinkedFormatVersion);
  J.objectEnd();
  J.flush();
  OS << "\n";
}

std::shared_ptr<const engine::LinkedProgram>
parseLinkedProgram(llvm::StringRef Text, llvm::StringRef Key,
                   std::string &Problem) {
  llvm::Expected<json::Value> V = json::parse(Text);
  if (!V) {
    Problem = "not JSON (" + llvm::toString(V.takeError()) + ")";
    return nullptr;
  }
  const json::Object *Root = V->getAsObject();
  if (!Root || Root->getString("format") != FormatName) {
    Problem = "not a sinkguard summary store";
    return nullptr;
  }
  if (Root->getInteger("version") != LinkedFormatVersion) {
    Problem = "written by another version of sinkguard";
    return nullptr;
  }
  const json::Array *Configs = Root->getArray("configurations");
  if (!Configs) {
    Problem = "no configurations";
    return nullptr;
  }
  // The scan's configuration of these checks, or the largest one.
  const json::Object *Best = nullptr;
  size_t BestSize = 0;
  for (const json::Value &C : *Configs) {
    const json::Object *O = C.getAsObject();
    const json::Object *Fns = O ? O->getObject("functions") : nullptr;
    if (!Fns)
      continue;
    if (O->getString("configuration") == Key) {
      Best = Fns;
      break;
    }
    if (!Best || Fns->size() > BestSize) {
      Best = Fns;
      BestSize = Fns->size();
    }
  }
  auto Program = std::make_shared<StoreProgram>();
  if (!Best)
    return Program;
  for (const auto &[Usr, FV] : *Best)
    if (const json::Object *F = FV.getAsObject())
      Program->Functions[Usr] = readFunction(*F);
  return Program;
}

} // namespace sinkguard::store
