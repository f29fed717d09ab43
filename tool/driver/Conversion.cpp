//===--- Conversion.cpp ---------------------------------------------------===//

#include "Conversion.h"
#include "CheckMetadata.h"
#include "Fingerprint.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace sinkguard::driver {

namespace {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> Abs;
  if (llvm::sys::path::is_relative(Path) && !BuildDirectory.empty())
    Abs = BuildDirectory;
  llvm::sys::path::append(Abs, Path);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

report::Location locationOf(const std::string &File,
                            const report::SourceFile &Source, unsigned Begin,
                            unsigned End) {
  report::Location L;
  L.File = File;
  L.Start = Source.position(Begin);
  L.End = Source.position(std::max(Begin, End));
  L.Point = L.Start;
  return L;
}

/// The place of a message: its token widened to the ranges on its line (or
/// overlapping it), and every range of the same file for the text output.
void place(const clang::tooling::DiagnosticMessage &M,
           llvm::StringRef BuildDirectory, report::SourceCache &Sources,
           report::Location &Where, std::vector<report::Location> &Ranges) {
  if (M.FilePath.empty())
    return;
  std::string File = absolutePath(M.FilePath, BuildDirectory);
  const report::SourceFile *Source = Sources.get(File);
  if (!Source) {
    // Unreadable now: keep the file, without a position.
    Where.File = File;
    return;
  }
  unsigned Begin = M.FileOffset;
  unsigned End = Source->tokenEnd(Begin);
  unsigned Line = Source->position(Begin).Line;
  for (const clang::tooling::FileByteRange &R : M.Ranges) {
    if (absolutePath(R.FilePath, BuildDirectory) != File)
      continue;
    unsigned RBegin = R.FileOffset;
    unsigned REnd = R.FileOffset + R.Length;
    Ranges.push_back(locationOf(File, *Source, RBegin, REnd));
    bool SameLine = Source->position(RBegin).Line == Line;
    bool Overlaps = RBegin <= Begin && Begin <= REnd;
    if (SameLine || Overlaps) {
      Begin = std::min(Begin, RBegin);
      End = std::max(End, REnd);
    }
  }
  Where = locationOf(File, *Source, Begin, End);
  Where.Point = Source->position(M.FileOffset);
}

report::Level levelOf(const clang::tidy::ClangTidyError &E) {
  if (E.DiagLevel == clang::tooling::Diagnostic::Error || E.IsWarningAsError)
    return report::Level::Error;
  if (E.DiagLevel == clang::tooling::Diagnostic::Remark)
    return report::Level::Note;
  if (const CheckMetadata *Check = findCheck(E.DiagnosticName))
    return report::parseLevel(Check->Level).value_or(report::Level::Warning);
  return report::Level::Warning;
}

llvm::StringRef kindOf(const clang::tidy::ClangTidyError &E) {
  if (E.DiagLevel == clang::tooling::Diagnostic::Error || E.IsWarningAsError)
    return "error";
  if (E.DiagLevel == clang::tooling::Diagnostic::Remark)
    return "remark";
  return "warning";
}

} // namespace

unsigned ConvertedDiagnostics::compilerErrors() const {
  return static_cast<unsigned>(
      llvm::count_if(ToolDiagnostics, [](const report::ToolDiagnostic &D) {
        return D.isCompilerError();
      }));
}

void convertDiagnostics(const TidyDiagnostics &Diagnostics,
                        report::SourceCache &Sources,
                        ConvertedDiagnostics &Out) {
  for (size_t I = 0; I < Diagnostics.Errors.size(); ++I) {
    const clang::tidy::ClangTidyError &E = Diagnostics.Errors[I];
    report::Location Where;
    std::vector<report::Location> Ranges;
    place(E.Message, E.BuildDirectory, Sources, Where, Ranges);
    if (E.DiagnosticName == "clang-diagnostic-error" || !Where.valid()) {
      report::ToolDiagnostic D;
      D.Name = E.DiagnosticName;
      D.Severity = E.DiagLevel == clang::tooling::Diagnostic::Error
                       ? report::Level::Error
                       : report::Level::Warning;
      D.Message = E.Message.Message;
      D.Where = std::move(Where);
      Out.ToolDiagnostics.push_back(std::move(D));
      continue;
    }
    report::Finding F;
    F.RuleId = E.DiagnosticName;
    F.Aliases = E.EnabledDiagnosticAliases;
    F.Severity = levelOf(E);
    F.DiagnosticKind = kindOf(E).str();
    F.WarningAsError = E.IsWarningAsError;
    F.Message = E.Message.Message;
    F.Where = std::move(Where);
    F.Ranges = std::move(Ranges);
    for (const clang::tooling::DiagnosticMessage &M : E.Notes) {
      report::Note N;
      N.Message = M.Message;
      place(M, E.BuildDirectory, Sources, N.Where, N.Ranges);
      F.Notes.push_back(std::move(N));
    }
    if (I < Diagnostics.Functions.size())
      F.Function = Diagnostics.Functions[I];
    report::describeForFingerprint(F, Sources);
    Out.Findings.push_back(std::move(F));
  }
}

} // namespace sinkguard::driver
