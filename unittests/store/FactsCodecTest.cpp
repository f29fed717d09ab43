//===--- FactsCodecTest.cpp - The facts codec's round trip ----------------===//
//
// A unit's facts are encoded once by the scan and read by every link. The
// reader here follows the layout encodeFacts writes (the order the link's
// reader reads it in) back into JSON, so a round trip compares the facts
// with what comes back. Every read is checked: truncated or corrupt data
// fails the reader, never the process.
//
//===----------------------------------------------------------------------===//

#include "FactsCodec.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>

namespace sinkguard::store {
namespace {

namespace json = llvm::json;

/// Reads back what encodeFacts wrote, in JSON of the engine's shape:
/// places with their file's path, findings in place of their indexes,
/// a call's range as whether it is bounded.
class Decoder {
public:
  explicit Decoder(llvm::StringRef Data) : R(Data) {}

  /// The configurations, or null when the reader failed.
  json::Value decode() {
    json::Array Out = list([&] { return section(); });
    if (!R.ok() || !R.atEnd() || Bad)
      return nullptr;
    return Out;
  }

  const FactsReader &reader() const { return R; }

private:
  /// A count, then that many items read by \p Item.
  template <typename ItemReader> json::Array list(ItemReader Item) {
    json::Array A;
    for (size_t N = R.count(), I = 0; I < N && R.ok(); ++I)
      A.push_back(Item());
    return A;
  }

  std::string string() { return R.string().str(); }

  json::Value place() {
    std::uint64_t File = R.number();
    if (File == 0)
      return nullptr;
    if (File > R.stringCount()) {
      Bad = true;
      return nullptr;
    }
    json::Array P{R.stringAt(File - 1).str()};
    for (int I = 0; I < 3; ++I)
      P.push_back(static_cast<std::int64_t>(R.number()));
    return P;
  }

  json::Array strings() {
    return list([&] { return string(); });
  }

  json::Object flow() {
    json::Object Root;
    switch (static_cast<RootKind>(R.number())) {
    case RootKind::Source:
      Root["kind"] = "source";
      Root["what"] = string();
      Root["byCall"] = R.flag();
      Root["at"] = place();
      break;
    case RootKind::Param:
      Root["kind"] = "param";
      Root["param"] = R.integer();
      Root["fields"] = string();
      break;
    case RootKind::Call:
      Root["kind"] = "call";
      Root["call"] = R.integer();
      break;
    case RootKind::CallOut:
      Root["kind"] = "callOut";
      Root["call"] = R.integer();
      Root["arg"] = R.integer();
      Root["fields"] = string();
      break;
    case RootKind::Global:
      Root["kind"] = "global";
      Root["global"] = R.integer();
      Root["fields"] = string();
      break;
    default:
      return json::Object{};
    }
    json::Array Steps = list([&] {
      json::Value At = place();
      json::Array Step = At.getAsArray() ? *At.getAsArray() : json::Array();
      Step.push_back(string());
      return Step;
    });
    json::Array Guards = list([&] {
      std::int64_t Call = R.integer();
      return json::Array{Call, R.integer()};
    });
    json::Object Flow{{"root", std::move(Root)},
                      {"steps", std::move(Steps)},
                      {"guards", std::move(Guards)}};
    // Said only when it is so, as the engine writes it.
    if (R.flag())
      Flow["positional"] = true;
    return Flow;
  }

  json::Array flows() {
    return list([&] { return flow(); });
  }

  json::Array sinks() {
    return list([&] {
      json::Object S;
      S["paramExact"] = R.flag();
      if (R.flag())
        S["fixed"] = true;
      S["kind"] = R.integer();
      S["sink"] = string();
      S["findings"] = list([&]() -> json::Value {
        std::uint64_t F = R.number();
        if (F < Findings.size())
          return Findings[F];
        Bad = true;
        return nullptr;
      });
      S["flow"] = flow();
      return S;
    });
  }

  json::Array callArgs() {
    return list([&] {
      json::Object C;
      C["call"] = R.integer();
      C["arg"] = R.integer();
      C["bounded"] = R.flag();
      C["paramExact"] = R.flag();
      // Said only when a field holds the data, as the engine writes it.
      if (std::string Fields = string(); !Fields.empty())
        C["fields"] = Fields;
      C["flow"] = flow();
      return C;
    });
  }

  /// Items of a part keyed by a number and a string, each with flows.
  json::Array keyedFlows(llvm::StringRef Key) {
    return list([&] {
      json::Object O;
      O[Key] = R.integer();
      O["fields"] = string();
      O["flows"] = flows();
      return O;
    });
  }

  json::Object function() {
    json::Object F;
    F["usr"] = string();
    F["name"] = string();
    F["at"] = place();
    F["signature"] = string();
    F["params"] = strings();
    F["validates"] = list([&] { return R.integer(); });
    F["returns"] = flows();
    F["outs"] = keyedFlows("param");
    F["globals"] = keyedFlows("global");
    F["sinks"] = sinks();
    F["calls"] = callArgs();
    return F;
  }

  json::Object finding() {
    json::Object F;
    F["check"] = string();
    F["at"] = place();
    F["message"] = string();
    F["ranges"] = list([&] {
      auto Offset = static_cast<std::int64_t>(R.number());
      return json::Array{Offset, static_cast<std::int64_t>(R.number())};
    });
    F["function"] = string();
    return F;
  }

  json::Object section() {
    json::Object S;
    S["configuration"] = string();
    S["version"] = R.integer();
    S["checks"] = strings();
    if (!R.flag())
      return S;
    S["unit"] = string();
    S["externalCalls"] = list([&] {
      json::Object C;
      C["target"] = string();
      C["name"] = string();
      C["field"] = R.flag();
      C["at"] = place();
      C["caller"] = string();
      C["signature"] = string();
      return C;
    });
    S["globals"] = list([&] { return json::Object{{"usr", string()}}; });
    S["fieldTargets"] = list([&] {
      json::Object T;
      T["field"] = string();
      T["function"] = string();
      return T;
    });
    Findings = list([&] { return finding(); });
    S["functions"] = list([&] { return function(); });
    S["guardedSinks"] = sinks();
    S["sourceCalls"] = callArgs();
    return S;
  }

  FactsReader R;
  json::Array Findings;
  bool Bad = false;
};

json::Value parse(llvm::StringRef Text) {
  llvm::Expected<json::Value> V = json::parse(Text);
  if (!V) {
    ADD_FAILURE() << llvm::toString(V.takeError());
    return nullptr;
  }
  return std::move(*V);
}

// One configuration's facts as the engine writes them (places by index
// into "files", or by path), with a finding that two sinks share.
constexpr llvm::StringLiteral Facts = R"json([{
  "configuration": "cmd", "version": 1,
  "checks": ["sinkguard-tainted-shell-command"],
  "unit": "/src/a.c",
  "files": ["/src/a.c", "/src/b.h"],
  "externalCalls": [{"target": "c:@F@ext", "name": "ext", "field": false,
                     "at": [0, 3, 5, 40], "caller": "c:@F@main",
                     "signature": "vvoid;pchar*"}],
  "globals": [{"usr": "c:@config"}],
  "fieldTargets": [{"field": "c:@S@ops@FI@run", "function": "c:@F@do_run"}],
  "functions": [{
    "usr": "c:@F@main", "name": "main", "at": [0, 2, 5, 20],
    "signature": "iint;iint;pchar**", "params": ["argc", "argv"],
    "validates": [1],
    "returns": [{"root": {"kind": "param", "param": 0,
                          "fields": "reader.len"},
                 "steps": [[1, 4, 3, 50, "assigned to 'x'"]],
                 "guards": [[0, 1]], "positional": true}],
    "outs": [{"param": 1, "fields": "a.b", "flows": [
      {"root": {"kind": "source", "what": "getenv", "byCall": true,
                "at": ["/src/a.c", 2, 1, 10]}, "steps": []}]}],
    "globals": [{"global": 0, "fields": "", "flows": [
      {"root": {"kind": "call", "call": 0}}]}],
    "sinks": [{"paramExact": true, "kind": 0, "sink": "system",
      "findings": [{"check": "sinkguard-tainted-shell-command",
                    "at": [0, 5, 3, 60], "message": "runs {{origin}}",
                    "ranges": [[60, 6], "not a pair"],
                    "function": "main"}],
      "flow": {"root": {"kind": "callOut", "call": 0, "arg": 1,
                        "fields": "host"}}}],
    "calls": [{"call": 0, "arg": 0, "range": {"lo": 0, "hi": 10},
               "paramExact": true,
               "flow": {"root": {"kind": "global", "global": 0,
                                 "fields": "x"}}}]
  }],
  "guardedSinks": [{"paramExact": false, "fixed": true, "kind": 3,
    "sink": "memcpy",
    "findings": [{"check": "sinkguard-tainted-shell-command",
                  "at": [0, 5, 3, 60], "message": "runs {{origin}}",
                  "ranges": [[60, 6], "not a pair"],
                    "function": "main"}],
    "flow": {"root": {"kind": "source", "what": "fgets", "byCall": true,
                      "at": [1, 7, 2, -5]}}}],
  "sourceCalls": [{"call": 0, "arg": 2, "range": {"lo": -1, "hi": 3},
                   "fields": "opts.argv",
                   "flow": {"root": {"kind": "param", "param": 1}}}]
}])json";

// What comes back: places name their file, the shared finding is one
// entry, its malformed range is left out, negative numbers of a place
// are 0, and a call's range is whether it is bounded (below and above 0).
constexpr llvm::StringLiteral Decoded = R"json([{
  "configuration": "cmd", "version": 1,
  "checks": ["sinkguard-tainted-shell-command"],
  "unit": "/src/a.c",
  "externalCalls": [{"target": "c:@F@ext", "name": "ext", "field": false,
                     "at": ["/src/a.c", 3, 5, 40], "caller": "c:@F@main",
                     "signature": "vvoid;pchar*"}],
  "globals": [{"usr": "c:@config"}],
  "fieldTargets": [{"field": "c:@S@ops@FI@run", "function": "c:@F@do_run"}],
  "functions": [{
    "usr": "c:@F@main", "name": "main", "at": ["/src/a.c", 2, 5, 20],
    "signature": "iint;iint;pchar**", "params": ["argc", "argv"],
    "validates": [1],
    "returns": [{"root": {"kind": "param", "param": 0,
                          "fields": "reader.len"},
                 "steps": [["/src/b.h", 4, 3, 50, "assigned to 'x'"]],
                 "guards": [[0, 1]], "positional": true}],
    "outs": [{"param": 1, "fields": "a.b", "flows": [
      {"root": {"kind": "source", "what": "getenv", "byCall": true,
                "at": ["/src/a.c", 2, 1, 10]}, "steps": [], "guards": []}]}],
    "globals": [{"global": 0, "fields": "", "flows": [
      {"root": {"kind": "call", "call": 0}, "steps": [], "guards": []}]}],
    "sinks": [{"paramExact": true, "kind": 0, "sink": "system",
      "findings": [{"check": "sinkguard-tainted-shell-command",
                    "at": ["/src/a.c", 5, 3, 60], "message": "runs {{origin}}",
                    "ranges": [[60, 6]], "function": "main"}],
      "flow": {"root": {"kind": "callOut", "call": 0, "arg": 1,
                        "fields": "host"}, "steps": [], "guards": []}}],
    "calls": [{"call": 0, "arg": 0, "bounded": true, "paramExact": true,
               "flow": {"root": {"kind": "global", "global": 0,
                                 "fields": "x"}, "steps": [], "guards": []}}]
  }],
  "guardedSinks": [{"paramExact": false, "fixed": true, "kind": 3,
    "sink": "memcpy",
    "findings": [{"check": "sinkguard-tainted-shell-command",
                  "at": ["/src/a.c", 5, 3, 60], "message": "runs {{origin}}",
                  "ranges": [[60, 6]], "function": "main"}],
    "flow": {"root": {"kind": "source", "what": "fgets", "byCall": true,
                      "at": ["/src/b.h", 7, 2, 0]}, "steps": [],
             "guards": []}}],
  "sourceCalls": [{"call": 0, "arg": 2, "bounded": false, "paramExact": false,
                   "fields": "opts.argv",
                   "flow": {"root": {"kind": "param", "param": 1,
                                     "fields": ""},
                            "steps": [], "guards": []}}]
}])json";

std::string encoded() {
  json::Value V = parse(Facts);
  return V.getAsArray() ? encodeFacts(*V.getAsArray()) : std::string();
}

TEST(FactsCodec, RoundTrip) {
  json::Value Back = Decoder(encoded()).decode();
  EXPECT_EQ(Back, parse(Decoded)) << llvm::formatv("{0:2}", Back).str();
}

TEST(FactsCodec, EachStringIsStoredOnce) {
  std::string Data = encoded();
  FactsReader R(Data);
  ASSERT_TRUE(R.ok()) << R.error();
  std::set<std::string> Seen;
  for (size_t I = 0; I < R.stringCount(); ++I)
    EXPECT_TRUE(Seen.insert(R.stringAt(I).str()).second) << R.stringAt(I).str();
  EXPECT_TRUE(Seen.count("/src/a.c"));
  EXPECT_TRUE(Seen.count("sinkguard-tainted-shell-command"));
}

TEST(FactsCodec, NoConfigurationsAndSectionsWithoutTables) {
  json::Array None;
  EXPECT_EQ(Decoder(encodeFacts(None)).decode(), json::Value(json::Array()));

  // Facts of a unit the engine did not describe (no functions), and a
  // configuration that is not an object.
  json::Array Two{json::Object{{"configuration", "range"}, {"version", 1}},
                  "not an object"};
  EXPECT_EQ(Decoder(encodeFacts(Two)).decode(), parse(R"json([
  {"configuration": "range", "version": 1, "checks": []},
  {"configuration": "", "version": 0, "checks": []}])json"));
}

TEST(FactsCodec, EveryTruncationIsRejected) {
  std::string Data = encoded();
  ASSERT_GT(Data.size(), 100U);
  for (size_t Length = 0; Length < Data.size(); ++Length) {
    Decoder D(llvm::StringRef(Data).take_front(Length));
    EXPECT_EQ(D.decode(), nullptr)
        << "accepted " << Length << " of " << Data.size() << " bytes";
    EXPECT_FALSE(D.reader().ok());
  }
}

TEST(FactsCodec, CorruptBytesAreReadSafely) {
  // Whatever a changed byte makes of the data, reading it stops at the
  // end of the data (the sanitizer build checks each read).
  std::string Data = encoded();
  for (size_t I = 0; I < Data.size(); ++I) {
    for (unsigned char Flip : {0x01, 0x80, 0xff}) {
      std::string Bad = Data;
      Bad[I] = static_cast<char>(static_cast<unsigned char>(Bad[I]) ^ Flip);
      Decoder D(Bad);
      (void)D.decode();
    }
  }
}

/// Encoded facts whose string table is \p Strings, followed by \p Body.
std::string withBody(std::initializer_list<llvm::StringRef> Strings,
                     llvm::function_ref<void(llvm::raw_ostream &)> Body) {
  std::string Out = "SGFACTS";
  llvm::raw_string_ostream OS(Out);
  llvm::encodeULEB128(FactsCodecVersion, OS);
  llvm::encodeULEB128(Strings.size(), OS);
  for (llvm::StringRef S : Strings) {
    llvm::encodeULEB128(S.size(), OS);
    OS << S;
  }
  Body(OS);
  return Out;
}

TEST(FactsReader, RejectsDataThatIsNotFacts) {
  EXPECT_EQ(FactsReader("").error(), "not encoded facts");
  EXPECT_EQ(FactsReader("{\"json\": 1}").error(), "not encoded facts");
  std::string Other = "SGFACTS";
  Other += static_cast<char>(FactsCodecVersion + 1);
  Other += '\0';
  EXPECT_EQ(FactsReader(Other).error(), "facts of another version");
  EXPECT_EQ(FactsReader("SGFACTS").error(), "truncated");
}

TEST(FactsReader, NumbersRoundTripAtTheirLimits) {
  constexpr std::uint64_t MaxU = std::numeric_limits<std::uint64_t>::max();
  constexpr std::int64_t MinS = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t MaxS = std::numeric_limits<std::int64_t>::max();
  std::string Data = withBody({}, [&](llvm::raw_ostream &OS) {
    for (std::uint64_t V :
         {std::uint64_t(0), std::uint64_t(127), std::uint64_t(128), MaxU})
      llvm::encodeULEB128(V, OS);
    for (std::int64_t V : {std::int64_t(0), std::int64_t(-1), std::int64_t(63),
                           std::int64_t(-64), MinS, MaxS})
      llvm::encodeSLEB128(V, OS);
  });
  FactsReader R(Data);
  ASSERT_TRUE(R.ok()) << R.error();
  EXPECT_EQ(R.number(), 0U);
  EXPECT_EQ(R.number(), 127U);
  EXPECT_EQ(R.number(), 128U);
  EXPECT_EQ(R.number(), MaxU);
  EXPECT_EQ(R.integer(), 0);
  EXPECT_EQ(R.integer(), -1);
  EXPECT_EQ(R.integer(), 63);
  EXPECT_EQ(R.integer(), -64);
  EXPECT_EQ(R.integer(), MinS);
  EXPECT_EQ(R.integer(), MaxS);
  EXPECT_TRUE(R.ok()) << R.error();
  EXPECT_TRUE(R.atEnd());
}

TEST(FactsReader, ANumberOfMoreThan64BitsFails) {
  // Eleven bytes with the continuation bit: LLVM's decoder would shift
  // past 63 bits.
  std::string Data = withBody(
      {}, [](llvm::raw_ostream &OS) { OS << std::string(10, '\x80') << '\0'; });
  FactsReader R(Data);
  ASSERT_TRUE(R.ok()) << R.error();
  EXPECT_EQ(R.number(), 0U);
  EXPECT_EQ(R.error(), "a number of more than 64 bits");
  // From then on every read gives nothing.
  EXPECT_EQ(R.integer(), 0);
  EXPECT_EQ(R.string().str(), "");
  EXPECT_EQ(R.count(), 0U);
  EXPECT_TRUE(R.atEnd());
}

TEST(FactsReader, ANumberCutShortIsTruncated) {
  std::string Data =
      withBody({}, [](llvm::raw_ostream &OS) { OS << '\x80' << '\x80'; });
  FactsReader R(Data);
  EXPECT_EQ(R.number(), 0U);
  EXPECT_EQ(R.error(), "truncated");
}

TEST(FactsReader, IndexesStayWithin2To30) {
  constexpr std::int64_t Limit = std::int64_t(1) << 30;
  std::string Data = withBody({}, [&](llvm::raw_ostream &OS) {
    llvm::encodeSLEB128(Limit, OS);
    llvm::encodeSLEB128(-Limit, OS);
    llvm::encodeSLEB128(Limit + 1, OS);
  });
  FactsReader R(Data);
  EXPECT_EQ(R.index(), Limit);
  EXPECT_EQ(R.index(), -Limit);
  EXPECT_TRUE(R.ok());
  EXPECT_EQ(R.index(), -1);
  EXPECT_EQ(R.error(), "an index out of range");
}

TEST(FactsReader, StringsAreIndexesIntoTheTable) {
  std::string Data = withBody({"alpha", "", "beta"}, [](llvm::raw_ostream &OS) {
    llvm::encodeULEB128(2, OS);
    llvm::encodeULEB128(1, OS);
    llvm::encodeULEB128(0, OS);
    llvm::encodeULEB128(3, OS);
  });
  FactsReader R(Data);
  ASSERT_TRUE(R.ok()) << R.error();
  EXPECT_EQ(R.stringCount(), 3U);
  EXPECT_EQ(R.string().str(), "beta");
  EXPECT_EQ(R.string().str(), "");
  EXPECT_EQ(R.stringIndex(), 0U);
  EXPECT_EQ(R.string().str(), "");
  EXPECT_EQ(R.error(), "a string index out of the table");
}

TEST(FactsReader, AStringPastTheEndFails) {
  std::string Data = "SGFACTS";
  Data += static_cast<char>(FactsCodecVersion);
  Data += '\x01'; // one string
  Data += '\x05'; // of five bytes
  Data += "abc";
  FactsReader R(Data);
  EXPECT_EQ(R.error(), "a string runs past the end");
}

TEST(FactsReader, ACountLargerThanTheDataFails) {
  std::string Data = withBody({}, [](llvm::raw_ostream &OS) {
    llvm::encodeULEB128(3, OS);
    OS << "abc";
    llvm::encodeULEB128(4, OS);
    OS << "abc";
  });
  FactsReader R(Data);
  EXPECT_EQ(R.count(), 3U);
  EXPECT_EQ(R.number(), static_cast<std::uint64_t>('a'));
  EXPECT_EQ(R.number(), static_cast<std::uint64_t>('b'));
  EXPECT_EQ(R.number(), static_cast<std::uint64_t>('c'));
  EXPECT_TRUE(R.ok());
  EXPECT_EQ(R.count(), 0U);
  EXPECT_EQ(R.error(), "a count larger than the data");
}

} // namespace
} // namespace sinkguard::store
