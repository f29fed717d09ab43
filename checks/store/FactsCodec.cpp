//===--- FactsCodec.cpp ---------------------------------------------------===//

#include "FactsCodec.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::store {

namespace {

namespace json = llvm::json;

constexpr llvm::StringLiteral Magic = "SGFACTS";

class Writer {
public:
  void number(std::uint64_t V) { llvm::encodeULEB128(V, Body); }
  void integer(std::int64_t V) { llvm::encodeSLEB128(V, Body); }
  void flag(bool V) { number(V ? 1 : 0); }
  void string(llvm::StringRef S) { number(id(S)); }
  void count(size_t N) { number(N); }

  /// A place as the facts write it, [file, line, column, offset], the file
  /// an index into \p Files or a path.
  void place(const json::Value *V, const json::Array *Files) {
    place(V ? V->getAsArray() : nullptr, Files);
  }
  void place(const json::Array *A, const json::Array *Files) {
    llvm::StringRef File;
    if (A && A->size() >= 4) {
      if (std::optional<int64_t> I = (*A)[0].getAsInteger()) {
        if (Files && *I >= 0 && static_cast<size_t>(*I) < Files->size())
          File = (*Files)[static_cast<size_t>(*I)].getAsString().value_or("");
      } else {
        File = (*A)[0].getAsString().value_or("");
      }
    }
    if (File.empty()) {
      number(0);
      return;
    }
    auto Int = [&](size_t I) {
      return static_cast<std::uint64_t>(
          std::max<int64_t>(0, (*A)[I].getAsInteger().value_or(0)));
    };
    number(id(File) + 1);
    number(Int(1));
    number(Int(2));
    number(Int(3));
  }

  std::string finish() {
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    OS << Magic;
    llvm::encodeULEB128(FactsCodecVersion, OS);
    llvm::encodeULEB128(Table.size(), OS);
    for (llvm::StringRef S : Table) {
      llvm::encodeULEB128(S.size(), OS);
      OS << S;
    }
    OS << BodyText;
    return Out;
  }

private:
  /// \p S's index in the string table, added when new.
  unsigned id(llvm::StringRef S) {
    auto [It, New] = Ids.try_emplace(S, static_cast<unsigned>(Table.size()));
    if (New)
      Table.push_back(It->getKey());
    return It->second;
  }

  std::string BodyText;
  llvm::raw_string_ostream Body{BodyText};
  llvm::StringMap<unsigned> Ids;
  std::vector<llvm::StringRef> Table;
};

/// One engine configuration's facts.
class Section {
public:
  Section(Writer &W, const json::Object &Facts)
      : W(W), Files(Facts.getArray("files")) {}

  void write(const json::Object &Facts) {
    W.string(Facts.getString("configuration").value_or(""));
    W.integer(Facts.getInteger("version").value_or(0));
    strings(Facts.getArray("checks"));
    const json::Array *CallTable = Facts.getArray("externalCalls");
    const json::Array *FunctionTable = Facts.getArray("functions");
    W.flag(CallTable && FunctionTable);
    if (!CallTable || !FunctionTable)
      return;
    W.string(Facts.getString("unit").value_or(""));
    W.count(CallTable->size());
    for (const json::Value &V : *CallTable) {
      const json::Object *O = V.getAsObject();
      W.string(O ? O->getString("target").value_or("") : "");
      W.string(O ? O->getString("name").value_or("") : "");
      W.flag(O && O->getBoolean("field").value_or(false));
      W.place(O ? O->get("at") : nullptr, Files);
      W.string(O ? O->getString("caller").value_or("") : "");
      W.string(O ? O->getString("signature").value_or("") : "");
    }
    const json::Array *Globals = Facts.getArray("globals");
    W.count(Globals ? Globals->size() : 0);
    if (Globals) {
      for (const json::Value &V : *Globals) {
        const json::Object *O = V.getAsObject();
        W.string(O ? O->getString("usr").value_or("") : "");
      }
    }
    std::vector<std::pair<llvm::StringRef, llvm::StringRef>> Targets;
    if (const json::Array *T = Facts.getArray("fieldTargets")) {
      for (const json::Value &V : *T)
        if (const json::Object *O = V.getAsObject())
          Targets.push_back({O->getString("field").value_or(""),
                             O->getString("function").value_or("")});
    }
    W.count(Targets.size());
    for (const auto &[Field, Function] : Targets) {
      W.string(Field);
      W.string(Function);
    }

    // The findings the sinks give, each once.
    auto Collect = [&](const json::Array *Sinks) {
      if (!Sinks)
        return;
      for (const json::Value &S : *Sinks) {
        if (const json::Object *SO = S.getAsObject())
          if (const json::Array *Fs = SO->getArray("findings"))
            for (const json::Value &F : *Fs)
              findingIndex(F);
      }
    };
    for (const json::Value &V : *FunctionTable)
      if (const json::Object *O = V.getAsObject())
        Collect(O->getArray("sinks"));
    Collect(Facts.getArray("guardedSinks"));
    W.count(Findings.size());
    for (const json::Object *F : Findings) {
      W.string(F->getString("check").value_or(""));
      W.place(F->get("at"), Files);
      W.string(F->getString("message").value_or(""));
      std::vector<std::pair<int64_t, int64_t>> Ranges =
          pairs(F->getArray("ranges"));
      W.count(Ranges.size());
      for (const auto &[Offset, Length] : Ranges) {
        W.number(static_cast<std::uint64_t>(std::max<int64_t>(0, Offset)));
        W.number(static_cast<std::uint64_t>(std::max<int64_t>(0, Length)));
      }
      W.string(F->getString("function").value_or(""));
    }

    W.count(FunctionTable->size());
    for (const json::Value &V : *FunctionTable) {
      static const json::Object Empty;
      const json::Object *O = V.getAsObject();
      function(O ? *O : Empty);
    }
    sinks(Facts.getArray("guardedSinks"));
    callArgs(Facts.getArray("sourceCalls"));
  }

private:
  void strings(const json::Array *A) {
    W.count(A ? A->size() : 0);
    if (A)
      for (const json::Value &V : *A)
        W.string(V.getAsString().value_or(""));
  }

  /// The pairs of integers in \p A (ranges, guards); other elements are
  /// left out.
  static std::vector<std::pair<int64_t, int64_t>> pairs(const json::Array *A) {
    std::vector<std::pair<int64_t, int64_t>> Result;
    if (A) {
      for (const json::Value &V : *A)
        if (const json::Array *P = V.getAsArray(); P && P->size() == 2)
          Result.push_back({(*P)[0].getAsInteger().value_or(0),
                            (*P)[1].getAsInteger().value_or(0)});
    }
    return Result;
  }

  /// The index of finding \p F in the unit's table: equal findings (those
  /// of one sink reached from several functions) share it. The table is
  /// collected before it is written and read again for each sink, so each
  /// value is rendered once.
  size_t findingIndex(const json::Value &F) {
    auto Known = FindingAt.find(&F);
    if (Known != FindingAt.end())
      return Known->second;
    std::string Key;
    llvm::raw_string_ostream OS(Key);
    OS << F;
    auto [It, New] = FindingIds.try_emplace(Key, Findings.size());
    if (New) {
      static const json::Object Empty;
      const json::Object *O = F.getAsObject();
      Findings.push_back(O ? O : &Empty);
    }
    FindingAt[&F] = It->second;
    return It->second;
  }

  void flow(const json::Object *Flow) {
    const json::Object *Root = Flow ? Flow->getObject("root") : nullptr;
    llvm::StringRef Kind =
        Root ? Root->getString("kind").value_or("") : llvm::StringRef();
    auto Int = [&](llvm::StringRef Key) {
      return Root->getInteger(Key).value_or(-1);
    };
    if (Kind == "source") {
      W.number(static_cast<unsigned>(RootKind::Source));
      W.string(Root->getString("what").value_or(""));
      W.flag(Root->getBoolean("byCall").value_or(true));
      W.place(Root->get("at"), Files);
    } else if (Kind == "param") {
      W.number(static_cast<unsigned>(RootKind::Param));
      W.integer(Int("param"));
      W.string(Root->getString("fields").value_or(""));
    } else if (Kind == "call") {
      W.number(static_cast<unsigned>(RootKind::Call));
      W.integer(Int("call"));
    } else if (Kind == "callOut") {
      W.number(static_cast<unsigned>(RootKind::CallOut));
      W.integer(Int("call"));
      W.integer(Int("arg"));
      W.string(Root->getString("fields").value_or(""));
    } else if (Kind == "global") {
      W.number(static_cast<unsigned>(RootKind::Global));
      W.integer(Int("global"));
      W.string(Root->getString("fields").value_or(""));
    } else {
      W.number(static_cast<unsigned>(RootKind::None));
      return;
    }
    std::vector<const json::Array *> Steps;
    if (const json::Array *A = Flow->getArray("steps"))
      for (const json::Value &S : *A)
        if (const json::Array *SA = S.getAsArray(); SA && SA->size() >= 5)
          Steps.push_back(SA);
    W.count(Steps.size());
    for (const json::Array *S : Steps) {
      W.place(S, Files);
      W.string((*S)[4].getAsString().value_or(""));
    }
    std::vector<std::pair<int64_t, int64_t>> Guards =
        pairs(Flow->getArray("guards"));
    W.count(Guards.size());
    for (const auto &[Call, Arg] : Guards) {
      W.integer(Call);
      W.integer(Arg);
    }
    W.flag(Flow->getBoolean("positional").value_or(false));
  }

  void flows(const json::Array *A) {
    W.count(A ? A->size() : 0);
    if (A)
      for (const json::Value &F : *A)
        flow(F.getAsObject());
  }

  void sinks(const json::Array *A) {
    W.count(A ? A->size() : 0);
    if (!A)
      return;
    for (const json::Value &S : *A) {
      const json::Object *SO = S.getAsObject();
      if (!SO) {
        W.flag(false);
        W.flag(false);
        W.integer(0);
        W.string("");
        W.count(0);
        flow(nullptr);
        continue;
      }
      W.flag(SO->getBoolean("paramExact").value_or(false));
      W.flag(SO->getBoolean("fixed").value_or(false));
      W.integer(SO->getInteger("kind").value_or(0));
      W.string(SO->getString("sink").value_or(""));
      const json::Array *Fs = SO->getArray("findings");
      W.count(Fs ? Fs->size() : 0);
      if (Fs)
        for (const json::Value &F : *Fs)
          W.number(findingIndex(F));
      flow(SO->getObject("flow"));
    }
  }

  void callArgs(const json::Array *A) {
    W.count(A ? A->size() : 0);
    if (!A)
      return;
    for (const json::Value &C : *A) {
      const json::Object *CO = C.getAsObject();
      W.integer(CO ? CO->getInteger("call").value_or(-1) : -1);
      W.integer(CO ? CO->getInteger("arg").value_or(0) : 0);
      bool Bounded = false;
      if (const json::Object *Range = CO ? CO->getObject("range") : nullptr) {
        bool Upper = Range->getInteger("hi") || Range->getBoolean("symbolic");
        std::optional<int64_t> Lo = Range->getInteger("lo");
        Bounded = Upper && Lo && *Lo >= 0;
      }
      W.flag(Bounded);
      W.flag(CO && CO->getBoolean("paramExact").value_or(false));
      W.string(CO ? CO->getString("fields").value_or("") : "");
      flow(CO ? CO->getObject("flow") : nullptr);
    }
  }

  void function(const json::Object &O) {
    W.string(O.getString("usr").value_or(""));
    W.string(O.getString("name").value_or(""));
    W.place(O.get("at"), Files);
    W.string(O.getString("signature").value_or(""));
    strings(O.getArray("params"));
    const json::Array *Validates = O.getArray("validates");
    W.count(Validates ? Validates->size() : 0);
    if (Validates)
      for (const json::Value &P : *Validates)
        W.integer(P.getAsInteger().value_or(-1));
    flows(O.getArray("returns"));
    const json::Array *Outs = O.getArray("outs");
    W.count(Outs ? Outs->size() : 0);
    if (Outs) {
      for (const json::Value &Out : *Outs) {
        const json::Object *OO = Out.getAsObject();
        W.integer(OO ? OO->getInteger("param").value_or(0) : 0);
        W.string(OO ? OO->getString("fields").value_or("") : "");
        flows(OO ? OO->getArray("flows") : nullptr);
      }
    }
    const json::Array *Globals = O.getArray("globals");
    W.count(Globals ? Globals->size() : 0);
    if (Globals) {
      for (const json::Value &G : *Globals) {
        const json::Object *GO = G.getAsObject();
        W.integer(GO ? GO->getInteger("global").value_or(-1) : -1);
        W.string(GO ? GO->getString("fields").value_or("") : "");
        flows(GO ? GO->getArray("flows") : nullptr);
      }
    }
    sinks(O.getArray("sinks"));
    callArgs(O.getArray("calls"));
  }

  Writer &W;
  const json::Array *Files;
  llvm::StringMap<size_t> FindingIds;
  llvm::DenseMap<const json::Value *, size_t> FindingAt;
  std::vector<const json::Object *> Findings;
};

} // namespace

std::string encodeFacts(const json::Array &Configurations) {
  Writer W;
  W.count(Configurations.size());
  for (const json::Value &V : Configurations) {
    static const json::Object Empty;
    const json::Object *O = V.getAsObject();
    Section(W, O ? *O : Empty).write(O ? *O : Empty);
  }
  return W.finish();
}

FactsReader::FactsReader(llvm::StringRef Data) : Data(Data) {
  if (!Data.starts_with(Magic)) {
    fail("not encoded facts");
    return;
  }
  Pos = Magic.size();
  if (number() != FactsCodecVersion) {
    fail("facts of another version");
    return;
  }
  size_t N = count();
  Strings.reserve(N);
  for (size_t I = 0; I < N && ok(); ++I) {
    std::uint64_t Length = number();
    if (Length > Data.size() - Pos) {
      fail("a string runs past the end");
      return;
    }
    Strings.push_back(Data.substr(Pos, Length));
    Pos += Length;
  }
}

void FactsReader::fail(const char *Why) {
  if (Error.empty())
    Error = Why;
  Pos = Data.size();
}

template <typename T, typename Decoder> T FactsReader::leb(Decoder Decode) {
  if (!ok())
    return 0;
  const char *Message = nullptr;
  const auto *Begin = reinterpret_cast<const uint8_t *>(Data.data());
  // A 64-bit number takes at most 10 bytes. LLVM's decoders shift past 63
  // bits on a longer run of zero bits (undefined behaviour), and facts come
  // from a store a hostile tree may have planted: refused before decoding.
  constexpr size_t MaxLength = 10;
  size_t Last = Pos;
  while (Last < Data.size() && Last - Pos < MaxLength && (Begin[Last] & 0x80))
    ++Last;
  if (Last == Data.size() || Last - Pos == MaxLength) {
    fail(Last == Data.size() ? "truncated" : "a number of more than 64 bits");
    return 0;
  }
  unsigned Length = 0;
  T V = Decode(Begin + Pos, &Length, Begin + Data.size(), &Message);
  if (Message) {
    fail("truncated");
    return 0;
  }
  Pos += Length;
  return V;
}

std::uint64_t FactsReader::number() {
  return leb<std::uint64_t>([](const uint8_t *P, unsigned *N,
                               const uint8_t *End, const char **Message) {
    return llvm::decodeULEB128(P, N, End, Message);
  });
}

std::int64_t FactsReader::integer() {
  return leb<std::int64_t>([](const uint8_t *P, unsigned *N, const uint8_t *End,
                              const char **Message) {
    return llvm::decodeSLEB128(P, N, End, Message);
  });
}

int FactsReader::index() {
  constexpr std::int64_t Limit = std::int64_t(1) << 30;
  std::int64_t V = integer();
  if (V < -Limit || V > Limit) {
    fail("an index out of range");
    return -1;
  }
  return static_cast<int>(V);
}

std::optional<size_t> FactsReader::stringIndex() {
  std::uint64_t I = number();
  if (!ok())
    return std::nullopt;
  if (I >= Strings.size()) {
    fail("a string index out of the table");
    return std::nullopt;
  }
  return static_cast<size_t>(I);
}

llvm::StringRef FactsReader::string() {
  std::optional<size_t> I = stringIndex();
  return I ? Strings[*I] : llvm::StringRef();
}

size_t FactsReader::count() {
  std::uint64_t N = number();
  if (N > Data.size() - Pos) {
    fail("a count larger than the data");
    return 0;
  }
  return static_cast<size_t>(N);
}

} // namespace sinkguard::store
