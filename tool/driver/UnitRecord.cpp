//===--- UnitRecord.cpp ---------------------------------------------------===//

#include "UnitRecord.h"
#include "Conversion.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

namespace {

llvm::json::Array strings(const std::vector<std::string> &List) {
  llvm::json::Array A;
  for (const std::string &S : List)
    A.push_back(S);
  return A;
}

std::vector<std::string> strings(const llvm::json::Array *A) {
  std::vector<std::string> List;
  if (A)
    for (const llvm::json::Value &V : *A)
      if (std::optional<llvm::StringRef> S = V.getAsString())
        List.push_back(S->str());
  return List;
}

llvm::Error fail(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why.str());
}

namespace json = llvm::json;

json::Value position(const report::Position &P) {
  return json::Array{P.Line, P.Column, P.Utf16Column};
}

json::Value location(const report::Location &L) {
  if (L.File.empty())
    return nullptr;
  return json::Array{L.File, position(L.Start), position(L.End),
                     position(L.Point)};
}

json::Array locations(const std::vector<report::Location> &List) {
  json::Array A;
  A.reserve(List.size());
  for (const report::Location &L : List)
    A.push_back(location(L));
  return A;
}

/// Reads what position() and location() wrote; false when it is not that.
bool readPosition(const json::Value *V, report::Position &P) {
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A || A->size() != 3)
    return false;
  std::optional<int64_t> Line = (*A)[0].getAsInteger();
  std::optional<int64_t> Column = (*A)[1].getAsInteger();
  std::optional<int64_t> Utf16 = (*A)[2].getAsInteger();
  if (!Line || !Column || !Utf16 || *Line < 0 || *Column < 0 || *Utf16 < 0)
    return false;
  P.Line = static_cast<unsigned>(*Line);
  P.Column = static_cast<unsigned>(*Column);
  P.Utf16Column = static_cast<unsigned>(*Utf16);
  return true;
}

bool readLocation(const json::Value *V, report::Location &L) {
  L = report::Location();
  if (V && V->kind() == json::Value::Null)
    return true;
  const json::Array *A = V ? V->getAsArray() : nullptr;
  std::optional<llvm::StringRef> File =
      A && A->size() == 4 ? (*A)[0].getAsString() : std::nullopt;
  if (!File)
    return false;
  L.File = File->str();
  return readPosition(&(*A)[1], L.Start) && readPosition(&(*A)[2], L.End) &&
         readPosition(&(*A)[3], L.Point);
}

bool readLocations(const json::Array *A, std::vector<report::Location> &List) {
  if (!A)
    return false;
  List.resize(A->size());
  for (size_t I = 0; I < A->size(); ++I)
    if (!readLocation(&(*A)[I], List[I]))
      return false;
  return true;
}

json::Value converted(const ConvertedDiagnostics &D) {
  json::Array Findings;
  Findings.reserve(D.Findings.size());
  for (const report::Finding &F : D.Findings) {
    json::Array Notes;
    Notes.reserve(F.Notes.size());
    for (const report::Note &N : F.Notes)
      Notes.push_back(
          json::Array{location(N.Where), N.Message, locations(N.Ranges)});
    Findings.push_back(json::Object{{"rule", F.RuleId},
                                    {"aliases", strings(F.Aliases)},
                                    {"level", report::levelName(F.Severity)},
                                    {"kind", F.DiagnosticKind},
                                    {"warningAsError", F.WarningAsError},
                                    {"message", F.Message},
                                    {"at", location(F.Where)},
                                    {"ranges", locations(F.Ranges)},
                                    {"notes", std::move(Notes)},
                                    {"function", F.Function},
                                    {"sinkText", F.SinkText},
                                    {"sourceText", F.SourceText},
                                    {"lineHash", F.LineHash}});
  }
  json::Array Tool;
  for (const report::ToolDiagnostic &T : D.ToolDiagnostics) {
    Tool.push_back(json::Object{{"name", T.Name},
                                {"level", report::levelName(T.Severity)},
                                {"message", T.Message},
                                {"at", location(T.Where)}});
  }
  return json::Object{{"findings", std::move(Findings)},
                      {"tool", std::move(Tool)}};
}

llvm::Error readConverted(const json::Object &O, ConvertedDiagnostics &D) {
  auto Bad = [] { return fail("bad record: unreadable findings"); };
  const json::Array *Findings = O.getArray("findings");
  const json::Array *Tool = O.getArray("tool");
  if (!Findings || !Tool)
    return Bad();
  D = {};
  D.Findings.resize(Findings->size());
  for (size_t I = 0; I < Findings->size(); ++I) {
    const json::Object *FO = (*Findings)[I].getAsObject();
    report::Finding &F = D.Findings[I];
    if (!FO)
      return Bad();
    std::optional<report::Level> Level =
        report::parseLevel(FO->getString("level").value_or(""));
    std::optional<llvm::StringRef> Rule = FO->getString("rule");
    if (!Level || !Rule || !readLocation(FO->get("at"), F.Where) ||
        !readLocations(FO->getArray("ranges"), F.Ranges))
      return Bad();
    F.RuleId = Rule->str();
    F.Aliases = strings(FO->getArray("aliases"));
    F.Severity = *Level;
    F.DiagnosticKind = FO->getString("kind").value_or("warning").str();
    F.WarningAsError = FO->getBoolean("warningAsError").value_or(false);
    F.Message = FO->getString("message").value_or("").str();
    F.Function = FO->getString("function").value_or("").str();
    F.SinkText = FO->getString("sinkText").value_or("").str();
    F.SourceText = FO->getString("sourceText").value_or("").str();
    F.LineHash = FO->getString("lineHash").value_or("").str();
    const json::Array *Notes = FO->getArray("notes");
    if (!Notes)
      return Bad();
    F.Notes.resize(Notes->size());
    for (size_t J = 0; J < Notes->size(); ++J) {
      const json::Array *NA = (*Notes)[J].getAsArray();
      std::optional<llvm::StringRef> Message =
          NA && NA->size() == 3 ? (*NA)[1].getAsString() : std::nullopt;
      if (!Message || !readLocation(&(*NA)[0], F.Notes[J].Where) ||
          !readLocations((*NA)[2].getAsArray(), F.Notes[J].Ranges))
        return Bad();
      F.Notes[J].Message = Message->str();
    }
  }
  for (const json::Value &V : *Tool) {
    const json::Object *TO = V.getAsObject();
    report::ToolDiagnostic T;
    std::optional<report::Level> Level =
        TO ? report::parseLevel(TO->getString("level").value_or(""))
           : std::nullopt;
    if (!TO || !Level || !readLocation(TO->get("at"), T.Where))
      return Bad();
    T.Name = TO->getString("name").value_or("").str();
    T.Severity = *Level;
    T.Message = TO->getString("message").value_or("").str();
    D.ToolDiagnostics.push_back(std::move(T));
  }
  return llvm::Error::success();
}

} // namespace

/// A checksum of the facts (CRC-32, as zlib computes it).
std::string factsChecksum(llvm::StringRef Facts) {
  return llvm::utohexstr(
      llvm::crc32(llvm::ArrayRef(Facts.bytes_begin(), Facts.size())));
}

void keepConverted(llvm::json::Object &Record, const UnitResult &R) {
  Record.erase("diagnostics");
  Record.erase("warningAsError");
  Record.erase("aliases");
  Record.erase("functions");
  Record["converted"] = converted(R.Diagnostics);
}

std::string jsonText(const llvm::json::Value &Value) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << Value;
  return Text;
}

llvm::Expected<llvm::json::Value> readJsonFile(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return fail("cannot read: " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return fail("not JSON: " + llvm::toString(Parsed.takeError()));
  return Parsed;
}

llvm::json::Object unitRecord(const UnitResult &R,
                              const TidyDiagnostics &Tidy) {
  clang::tooling::TranslationUnitDiagnostics Diagnostics;
  Diagnostics.MainSourceFile = R.File;
  llvm::json::Array WarningAsError;
  llvm::json::Array Aliases;
  for (const clang::tidy::ClangTidyError &E : Tidy.Errors) {
    Diagnostics.Diagnostics.push_back(E);
    WarningAsError.push_back(E.IsWarningAsError);
    Aliases.push_back(strings(E.EnabledDiagnosticAliases));
  }
  std::string Yaml;
  llvm::raw_string_ostream YamlStream(Yaml);
  llvm::yaml::Output Out(YamlStream);
  Out << Diagnostics;
  return llvm::json::Object{
      {"file", R.File},
      {"skipped", R.Skipped},
      {"abandoned", R.Abandoned},
      {"seconds", R.Seconds},
      {"cpuSeconds", R.CpuSeconds},
      {"enabledChecks", strings(R.EnabledChecks)},
      {"droppedFlags", strings(R.DroppedFlags)},
      {"inputs", strings(R.Inputs)},
      {"facts", llvm::encodeBase64(R.Facts)},
      {"factsHash", factsChecksum(R.Facts)},
      {"diagnostics", Yaml},
      {"warningAsError", std::move(WarningAsError)},
      {"aliases", std::move(Aliases)},
      {"functions", strings(Tidy.Functions)},
  };
}

llvm::Error readUnitRecord(const llvm::json::Object &Record, UnitResult &R) {
  std::optional<llvm::StringRef> Yaml = Record.getString("diagnostics");
  const llvm::json::Object *Converted = Record.getObject("converted");
  if (!Yaml && !Converted)
    return fail("bad record: no diagnostics");
  if (std::optional<llvm::StringRef> File = Record.getString("file"))
    R.File = File->str();
  R.Skipped = Record.getString("skipped").value_or("").str();
  R.Abandoned = Record.getString("abandoned").value_or("").str();
  R.CpuSeconds = Record.getNumber("cpuSeconds").value_or(0);
  R.EnabledChecks = strings(Record.getArray("enabledChecks"));
  R.DroppedFlags = strings(Record.getArray("droppedFlags"));
  R.Inputs = strings(Record.getArray("inputs"));
  // The summary store keeps the facts in a file of their own (Store.cpp).
  if (std::optional<llvm::StringRef> Text = Record.getString("facts")) {
    std::vector<char> Facts;
    if (llvm::Error E = llvm::decodeBase64(*Text, Facts)) {
      llvm::consumeError(std::move(E));
      return fail("bad record: facts are not base64");
    }
    R.Facts.assign(Facts.begin(), Facts.end());
    // The link trusts the facts' structure only as far as a reader checks
    // it; a changed byte is caught here, and the unit analysed again.
    if (Record.getString("factsHash") != factsChecksum(R.Facts))
      return fail("bad record: the facts do not match their hash");
  }
  if (Converted || !Yaml)
    return Converted ? readConverted(*Converted, R.Diagnostics)
                     : fail("bad record: no diagnostics");

  clang::tooling::TranslationUnitDiagnostics Diagnostics;
  llvm::yaml::Input In(*Yaml);
  In >> Diagnostics;
  if (In.error())
    return fail("bad record: " + In.error().message());
  const llvm::json::Array *WarningAsError = Record.getArray("warningAsError");
  const llvm::json::Array *Aliases = Record.getArray("aliases");
  size_t Count = Diagnostics.Diagnostics.size();
  TidyDiagnostics Tidy;
  // (A function that is not a string is dropped, and the count differs.)
  Tidy.Functions = strings(Record.getArray("functions"));
  if (!WarningAsError || !Aliases || WarningAsError->size() != Count ||
      Aliases->size() != Count || Tidy.Functions.size() != Count)
    return fail("bad record: diagnostics and their flags disagree");
  for (size_t I = 0; I < Count; ++I) {
    const clang::tooling::Diagnostic &D = Diagnostics.Diagnostics[I];
    clang::tidy::ClangTidyError E(
        D.DiagnosticName, D.DiagLevel, D.BuildDirectory,
        (*WarningAsError)[I].getAsBoolean().value_or(false));
    E.Message = D.Message;
    E.Notes = D.Notes;
    E.EnabledDiagnosticAliases = strings((*Aliases)[I].getAsArray());
    Tidy.Errors.push_back(std::move(E));
  }
  report::SourceCache Sources;
  R.Diagnostics = {};
  convertDiagnostics(Tidy, Sources, R.Diagnostics);
  return llvm::Error::success();
}

} // namespace sinkguard::driver
