//===--- LinkedFormat.cpp -------------------------------------------------===//

#include "LinkedFormat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"

namespace sinkguard::store {

namespace json = llvm::json;

namespace {

constexpr llvm::StringLiteral FormatName = "sinkguard-linked";

/// The linked summaries of one configuration of a summary store.
class StoreProgram : public engine::LinkedProgram {
public:
  llvm::SmallVector<const engine::LinkedFunction *, 1>
  find(llvm::StringRef Usr,
       llvm::ArrayRef<std::string> UnitNames) const override {
    auto Several = Definitions.find(Usr);
    if (Several == Definitions.end()) {
      auto It = Functions.find(Usr);
      if (It == Functions.end())
        return {};
      return {&It->second};
    }
    llvm::SmallVector<const engine::LinkedFunction *, 1> Found;
    for (const std::string &Name : UnitNames) {
      auto Unit = Units.find(Name);
      if (Unit == Units.end())
        continue;
      auto Binding = Unit->second.find(Usr);
      if (Binding != Unit->second.end())
        for (int I : Binding->second)
          if (I >= 0 && static_cast<size_t>(I) < Several->second.size())
            Found.push_back(&Several->second[static_cast<size_t>(I)]);
      break;
    }
    return Found;
  }
  /// Names defined once.
  llvm::StringMap<engine::LinkedFunction> Functions;
  /// Names defined several times: each definition.
  llvm::StringMap<std::vector<engine::LinkedFunction>> Definitions;
  /// By unit (its main file as the facts name it, and its real path): the
  /// definitions its calls bind to.
  llvm::StringMap<llvm::StringMap<llvm::SmallVector<int, 1>>> Units;
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
  L.Signature = F.getString("signature").value_or("").str();
  readParams(F.getArray("toReturn"), L.ToReturn);
  readParams(F.getArray("positionalReturn"), L.PositionalReturn);
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
                           S->getString("where").value_or("").str(),
                           S->getBoolean("fixed").value_or(false),
                           S->getString("fields").value_or("").str()});
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

void LinkedWriter::function(const engine::LinkedFunction &F) {
  J.object([&] {
    if (!F.ReturnsSource.empty())
      J.attribute("returnsSource", F.ReturnsSource);
    if (!F.Signature.empty())
      J.attribute("signature", F.Signature);
    if (!F.Sinks.empty()) {
      J.attributeArray("sinks", [&] {
        for (const engine::LinkedFunction::ParamSink &S : F.Sinks) {
          J.object([&] {
            J.attribute("kind", static_cast<int>(S.Kind));
            J.attribute("param", S.Param);
            J.attribute("where", S.Where);
            if (S.Fixed)
              J.attribute("fixed", true);
            if (!S.Fields.empty())
              J.attribute("fields", S.Fields);
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
    if (!F.PositionalReturn.empty()) {
      J.attributeArray("positionalReturn", [&] {
        for (int P : F.PositionalReturn)
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

void LinkedWriter::configuration(llvm::StringRef Key,
                                 llvm::ArrayRef<std::string> Checks,
                                 llvm::ArrayRef<LinkedEntry> Functions,
                                 llvm::ArrayRef<LinkedBinding> Bindings) {
  // The runs of entries of one USR: one definition, or several.
  auto SameUsr = [&](size_t I) {
    size_t End = I + 1;
    while (End < Functions.size() && Functions[End].Usr == Functions[I].Usr)
      ++End;
    return End;
  };
  J.object([&] {
    J.attributeArray("checks", [&] {
      for (const std::string &Check : Checks)
        J.value(Check);
    });
    J.attribute("configuration", Key);
    bool Several = false;
    J.attributeObject("functions", [&] {
      for (size_t I = 0; I < Functions.size(); I = SameUsr(I)) {
        const engine::LinkedFunction &F = Functions[I].Function;
        Several |= SameUsr(I) > I + 1;
        if (SameUsr(I) > I + 1 || (F.ReturnsSource.empty() && F.Sinks.empty() &&
                                   F.ToReturn.empty() && F.Validates.empty()))
          continue;
        J.attributeBegin(Functions[I].Usr);
        function(F);
        J.attributeEnd();
      }
    });
    if (Several) {
      J.attributeObject("definitions", [&] {
        for (size_t I = 0, End; I < Functions.size(); I = End) {
          End = SameUsr(I);
          if (End == I + 1)
            continue;
          J.attributeArray(Functions[I].Usr, [&] {
            for (size_t K = I; K < End; ++K)
              function(Functions[K].Function);
          });
        }
      });
    }
    if (Bindings.empty())
      return;
    J.attributeObject("units", [&] {
      for (size_t I = 0, End; I < Bindings.size(); I = End) {
        End = I + 1;
        while (End < Bindings.size() && Bindings[End].Unit == Bindings[I].Unit)
          ++End;
        J.attributeObject(Bindings[I].Unit, [&] {
          for (size_t K = I; K < End; ++K) {
            J.attributeArray(Bindings[K].Usr, [&] {
              for (int D : Bindings[K].Definitions)
                J.value(D);
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
      Best = O;
      break;
    }
    if (!Best || Fns->size() > BestSize) {
      Best = O;
      BestSize = Fns->size();
    }
  }
  auto Program = std::make_shared<StoreProgram>();
  if (!Best)
    return Program;
  for (const auto &[Usr, FV] : *Best->getObject("functions"))
    if (const json::Object *F = FV.getAsObject())
      Program->Functions[Usr] = readFunction(*F);
  if (const json::Object *Several = Best->getObject("definitions")) {
    for (const auto &[Usr, DV] : *Several) {
      std::vector<engine::LinkedFunction> &Into = Program->Definitions[Usr];
      if (const json::Array *A = DV.getAsArray())
        for (const json::Value &FV : *A)
          if (const json::Object *F = FV.getAsObject())
            Into.push_back(readFunction(*F));
    }
  }
  if (const json::Object *Units = Best->getObject("units")) {
    for (const auto &[Unit, BV] : *Units) {
      const json::Object *B = BV.getAsObject();
      if (!B)
        continue;
      llvm::StringMap<llvm::SmallVector<int, 1>> Binds;
      for (const auto &[Usr, IV] : *B)
        readParams(IV.getAsArray(), Binds[Usr]);
      // The host may name the file through other symbolic links.
      llvm::SmallString<256> Real;
      if (!llvm::sys::fs::real_path(Unit.str(), Real) && Real != Unit.str())
        Program->Units.try_emplace(Real, Binds);
      Program->Units[Unit] = std::move(Binds);
    }
  }
  return Program;
}

} // namespace sinkguard::store
