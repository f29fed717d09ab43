//===--- UnitRecord.cpp ---------------------------------------------------===//

#include "UnitRecord.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

namespace {

/// A checksum of the facts (CRC-32, as zlib computes it).
std::string factsHash(llvm::StringRef Facts) {
  return llvm::utohexstr(
      llvm::crc32(llvm::ArrayRef(Facts.bytes_begin(), Facts.size())));
}

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

} // namespace

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

llvm::json::Object
unitRecord(const UnitResult &R,
           const std::vector<clang::tidy::ClangTidyError> &Errors) {
  clang::tooling::TranslationUnitDiagnostics Diagnostics;
  Diagnostics.MainSourceFile = R.File;
  llvm::json::Array WarningAsError;
  llvm::json::Array Aliases;
  for (const clang::tidy::ClangTidyError &E : Errors) {
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
      {"factsHash", factsHash(R.Facts)},
      {"diagnostics", Yaml},
      {"warningAsError", std::move(WarningAsError)},
      {"aliases", std::move(Aliases)},
  };
}

llvm::Error readUnitRecord(const llvm::json::Object &Record, UnitResult &R) {
  std::optional<llvm::StringRef> Yaml = Record.getString("diagnostics");
  if (!Yaml)
    return fail("bad record: no diagnostics");
  if (std::optional<llvm::StringRef> File = Record.getString("file"))
    R.File = File->str();
  R.Skipped = Record.getString("skipped").value_or("").str();
  R.Abandoned = Record.getString("abandoned").value_or("").str();
  R.CpuSeconds = Record.getNumber("cpuSeconds").value_or(0);
  R.EnabledChecks = strings(Record.getArray("enabledChecks"));
  R.DroppedFlags = strings(Record.getArray("droppedFlags"));
  R.Inputs = strings(Record.getArray("inputs"));
  std::vector<char> Facts;
  if (llvm::Error E =
          llvm::decodeBase64(Record.getString("facts").value_or(""), Facts)) {
    llvm::consumeError(std::move(E));
    return fail("bad record: facts are not base64");
  }
  R.Facts.assign(Facts.begin(), Facts.end());
  // The link trusts the facts' structure only as far as a reader checks
  // it; a changed byte is caught here, and the unit analysed again.
  if (Record.getString("factsHash") != factsHash(R.Facts))
    return fail("bad record: the facts do not match their hash");

  clang::tooling::TranslationUnitDiagnostics Diagnostics;
  llvm::yaml::Input In(*Yaml);
  In >> Diagnostics;
  if (In.error())
    return fail("bad record: " + In.error().message());
  const llvm::json::Array *WarningAsError = Record.getArray("warningAsError");
  const llvm::json::Array *Aliases = Record.getArray("aliases");
  size_t Count = Diagnostics.Diagnostics.size();
  if (!WarningAsError || !Aliases || WarningAsError->size() != Count ||
      Aliases->size() != Count)
    return fail("bad record: diagnostics and their flags disagree");
  std::vector<clang::tidy::ClangTidyError> Errors;
  for (size_t I = 0; I < Count; ++I) {
    const clang::tooling::Diagnostic &D = Diagnostics.Diagnostics[I];
    clang::tidy::ClangTidyError E(
        D.DiagnosticName, D.DiagLevel, D.BuildDirectory,
        (*WarningAsError)[I].getAsBoolean().value_or(false));
    E.Message = D.Message;
    E.Notes = D.Notes;
    E.EnabledDiagnosticAliases = strings((*Aliases)[I].getAsArray());
    Errors.push_back(std::move(E));
  }
  report::SourceCache Sources;
  R.Diagnostics = {};
  convertDiagnostics(Errors, Sources, R.Diagnostics);
  return llvm::Error::success();
}

} // namespace sinkguard::driver
