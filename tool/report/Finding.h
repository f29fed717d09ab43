//===--- Finding.h - The driver's record of one finding ---------*- C++ -*-===//
//
// What a scan found, independent of clang-tidy and of any output format:
// every writer (text, JSON, SARIF) and the baseline read these records, and
// only the driver knows how to fill them from clang-tidy's diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_FINDING_H
#define SINKGUARD_TOOL_REPORT_FINDING_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::report {

/// Severity in SARIF's terms, ordered so that a larger value is more severe.
enum class Level : std::uint8_t { None, Note, Warning, Error };

llvm::StringRef levelName(Level L);
/// "none", "note", "warning" or "error"; nullopt for anything else.
std::optional<Level> parseLevel(llvm::StringRef Name);

/// A place in a source file. Lines are 1-based; columns are 1-based and
/// counted twice: in bytes (as compilers print them) and in UTF-16 code
/// units (as SARIF viewers and GitHub count them).
struct Position {
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Utf16Column = 0;
};

/// A range in one file; End is one past the last character.
struct Location {
  /// Absolute path with `.` and `..` removed; empty when the diagnostic has
  /// no location.
  std::string File;
  Position Start;
  Position End;
  /// The diagnostic's own position, where clang-tidy prints it and puts the
  /// caret; Start..End is the region around it that SARIF highlights.
  Position Point;

  bool valid() const { return !File.empty() && Start.Line != 0; }
};

/// One step of a finding's path: a clang-tidy note.
struct Note {
  Location Where;
  std::string Message;
  /// The source ranges clang-tidy highlights, as it prints them under the
  /// line; Where already covers those on its own line.
  std::vector<Location> Ranges;
};

/// What happened to a finding when compared with a baseline.
enum class BaselineState : std::uint8_t { NotCompared, New, Unchanged };

struct Finding {
  /// The check that reported it, e.g. "sinkguard-shell-command-construction".
  std::string RuleId;
  /// Other names the same diagnostic is enabled under (clang-tidy aliases).
  std::vector<std::string> Aliases;
  /// The level reported in SARIF and compared with --fail-on.
  Level Severity = Level::Warning;
  /// How clang-tidy itself would label it: "warning", "error" or "remark".
  std::string DiagnosticKind = "warning";
  /// True when .clang-tidy's WarningsAsErrors turned it into an error.
  bool WarningAsError = false;
  std::string Message;
  /// The flagged code: the diagnostic's token and the ranges on its line.
  Location Where;
  std::vector<Location> Ranges;
  std::vector<Note> Notes;

  /// Inputs of the stable fingerprint, filled when the record is made: the
  /// function the finding is in and the normalised text of the flagged code
  /// (the sink) and of the first step of its path (the source).
  std::string Function;
  std::string SinkText;
  std::string SourceText;

  /// Filled when the report is assembled.
  std::string LineHash;
  std::string Fingerprint;
  BaselineState Baseline = BaselineState::NotCompared;
};

/// Why a translation unit was not (completely) analysed, or another problem
/// the tool reports about its own run rather than about the code.
struct Notification {
  Level Severity = Level::Error;
  /// The translation unit concerned; empty for the whole run.
  std::string File;
  std::string Message;
  /// Where the problem is, when it has a place (e.g. the first compiler
  /// error of a translation unit that did not compile).
  Location Where;
};

/// A diagnostic about the analysis rather than about the code: a compiler
/// error, or a check's complaint about its configuration. The text output
/// prints them as clang-tidy does.
struct ToolDiagnostic {
  /// "clang-diagnostic-error", "clang-tidy-config", ...
  std::string Name;
  Level Severity = Level::Error;
  std::string Message;
  /// Invalid for a diagnostic without a place.
  Location Where;

  bool isCompilerError() const { return Name == "clang-diagnostic-error"; }
  /// A problem of the configuration: a check option or a model file.
  bool isConfigurationError() const { return Name == "clang-tidy-config"; }
};

/// The deterministic order of findings: file, line, column, rule, then the
/// rest of the record, so that equal records are adjacent.
bool operator<(const Finding &A, const Finding &B);
bool operator==(const Finding &A, const Finding &B);
bool operator<(const Location &A, const Location &B);
bool operator<(const ToolDiagnostic &A, const ToolDiagnostic &B);
bool operator==(const ToolDiagnostic &A, const ToolDiagnostic &B);

/// Sorts \p Findings and removes duplicates (a finding in a header reported
/// once per translation unit that includes it).
void sortAndDeduplicate(std::vector<Finding> &Findings);

} // namespace sinkguard::report

#endif
