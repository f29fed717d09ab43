//===--- Assembly.cpp -----------------------------------------------------===//

#include "Assembly.h"
#include "Fingerprint.h"
#include "GitLabWriter.h"
#include "HtmlWriter.h"
#include "JsonWriter.h"
#include "OutputFile.h"
#include "Progress.h"
#include "SarifWriter.h"
#include "TextWriter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

namespace {

/// The one notification of a unit that did not compile.
report::Notification failedUnit(const report::Report &R, const UnitResult &U) {
  const report::ToolDiagnostic *First = nullptr;
  for (const report::ToolDiagnostic &D : U.Diagnostics.ToolDiagnostics) {
    if (D.isCompilerError()) {
      First = &D;
      break;
    }
  }
  report::Notification N;
  N.File = U.File;
  N.Where = First->Where;
  N.Message = R.Root.display(U.File) + ": " +
              std::to_string(U.Diagnostics.compilerErrors()) +
              " compiler error(s); analysed as far as it parsed, so findings "
              "may be missing. First: " +
              First->Message;
  return N;
}

/// The notification of the flags dropped from a unit's commands.
report::Notification droppedFlags(const report::Report &R,
                                  const UnitResult &U) {
  report::Notification N;
  N.Severity = report::Level::Warning;
  N.File = U.File;
  N.Message = R.Root.display(U.File) +
              ": compiler flags that load code or choose where the compiler "
              "finds programs, configuration or output files were dropped "
              "(--allow-compiler-plugins keeps them): " +
              llvm::join(U.DroppedFlags, ", ");
  return N;
}

} // namespace

void printError(const llvm::Twine &Message) {
  llvm::errs() << "sinkguard: error: " << Message << "\n";
}

void printWarning(const llvm::Twine &Message) {
  llvm::errs() << "sinkguard: warning: " << Message << "\n";
}

int assembleReport(report::Report &R, std::vector<UnitResult> &Units,
                   Assembly &A) {
  A.Skipped = A.SelectionSkipped.size();
  for (const report::Notification &N : A.SelectionSkipped)
    printError(N.Message);
  R.Notifications = A.SelectionSkipped;
  llvm::StringSet<> Rules;
  std::vector<const UnitResult *> Analysed;
  for (UnitResult &U : Units) {
    if (!U.Skipped.empty()) {
      printError(U.Skipped);
      report::Notification N;
      N.File = U.File;
      N.Message = U.Skipped;
      R.Notifications.push_back(std::move(N));
      ++A.Skipped;
      continue;
    }
    if (!U.Abandoned.empty()) {
      report::Notification N;
      N.File = U.File;
      N.Message = R.Root.display(U.File) + ": " + U.Abandoned;
      printError(N.Message);
      R.Notifications.push_back(std::move(N));
      ++A.Abandoned;
      continue;
    }
    ++R.FilesAnalysed;
    Analysed.push_back(&U);
    if (!U.DroppedFlags.empty()) {
      report::Notification N = droppedFlags(R, U);
      printWarning(N.Message);
      R.Notifications.push_back(std::move(N));
    }
    for (const std::string &Id : U.EnabledChecks)
      Rules.insert(Id);
    ConvertedDiagnostics &D = U.Diagnostics;
    if (D.compilerErrors()) {
      ++A.Failed;
      report::Notification N = failedUnit(R, U);
      printError(N.Message);
      R.Notifications.push_back(std::move(N));
    }
    std::move(D.ToolDiagnostics.begin(), D.ToolDiagnostics.end(),
              std::back_inserter(R.ToolDiagnostics));
    std::move(D.Findings.begin(), D.Findings.end(),
              std::back_inserter(R.Findings));
  }
  std::vector<std::string> Problems;
  auto LinkStart = std::chrono::steady_clock::now();
  std::vector<report::Finding> Linked =
      linkUnits(Analysed, R.Findings, A.Link, Problems,
                A.WantSummaries ? &A.Summaries : nullptr);
  if (A.Link.Seconds == 0)
    A.Link.Seconds = secondsSince(LinkStart);
  for (const std::string &P : Problems)
    printWarning(P);
  std::move(Linked.begin(), Linked.end(), std::back_inserter(R.Findings));
  if (R.FilesAnalysed == 0)
    for (const std::string &Id : A.DefaultRules)
      Rules.insert(Id);
  report::orderFindings(R.Findings, R.Root);
  for (const report::Finding &F : R.Findings)
    Rules.insert(F.RuleId);
  for (const auto &Id : Rules)
    R.RuleIds.push_back(Id.getKey().str());
  llvm::sort(R.RuleIds);
  // A header with an error, or an invalid check option, is reported once
  // per unit; the report says it once.
  llvm::sort(R.ToolDiagnostics);
  R.ToolDiagnostics.erase(
      std::unique(R.ToolDiagnostics.begin(), R.ToolDiagnostics.end()),
      R.ToolDiagnostics.end());
  for (const report::ToolDiagnostic &D : R.ToolDiagnostics) {
    if (!D.isCompilerError()) {
      report::Notification N;
      N.Severity = D.Severity;
      N.Where = D.Where;
      N.Message = D.Message + " [" + D.Name + "]";
      // A security gate fails closed: a model file the checks ignored or
      // an option they rejected gives an answer nobody asked for.
      if (D.isConfigurationError()) {
        N.Severity = report::Level::Error;
        llvm::StringRef Message = D.Message;
        Message.consume_front("model file ignored: ");
        printError(Message);
        ++A.ConfigurationErrors;
      }
      R.Notifications.push_back(std::move(N));
    }
  }

  report::assignFingerprints(R.Findings, R.Root);
  // After the fingerprints, which number a fingerprint's occurrences in the
  // whole report: a finding keeps its fingerprint whether or not a change
  // touched the others.
  A.AllFindings = R.Findings.size();
  if (A.Changes)
    llvm::erase_if(R.Findings, [&](const report::Finding &F) {
      return !A.Changes->touches(F);
    });
  if (A.Baseline)
    R.Baseline = A.Baseline->apply(R.Findings, R.Root);

  int Exit = ExitClean;
  if (A.ConfigurationErrors)
    Exit = ExitUsage;
  else if (A.Skipped || A.Failed || A.Abandoned)
    Exit = ExitIncomplete;
  else if (A.FailOn != report::Level::None &&
           llvm::any_of(R.Findings, [&](const report::Finding &F) {
             return F.Severity >= A.FailOn;
           }))
    Exit = ExitFindings;
  R.ExitCode = Exit;
  R.ExecutionSuccessful = Exit != ExitIncomplete && Exit != ExitUsage;
  if (A.Format == OutputFormat::Sarif &&
      R.Findings.size() > report::MaxResultsPerRun) {
    printWarning(llvm::Twine(R.Findings.size()) +
                 " results; GitHub code scanning accepts at most " +
                 llvm::Twine(report::MaxResultsPerRun) +
                 " per run (use --baseline, or split with --shard and "
                 "several categories)");
  }
  return Exit;
}

llvm::Error writeReport(const report::Report &R, llvm::StringRef Path,
                        OutputFormat Format, unsigned CommitDelayMs) {
  return writeOutput(
      Path,
      [&](llvm::raw_ostream &OS) {
        switch (Format) {
        case OutputFormat::Sarif:
          report::writeSarif(R, OS);
          break;
        case OutputFormat::Json:
          report::writeJson(R, OS);
          break;
        case OutputFormat::GitLabCodeQuality:
          report::writeGitLabCodeQuality(R, OS);
          break;
        case OutputFormat::Html: {
          report::SourceCache Sources;
          report::writeHtml(R, OS, Sources);
          break;
        }
        case OutputFormat::Text: {
          report::SourceCache Sources;
          report::writeText(R, OS, Sources);
          break;
        }
        }
      },
      CommitDelayMs);
}

void printSummary(const report::Report &R, const Assembly &A, double Seconds) {
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << "sinkguard: " << R.FilesAnalysed << " file(s) analysed, "
     << R.Findings.size() << " finding(s)";
  if (A.Changes)
    OS << " touching the change (" << A.AllFindings << " in all)";
  if (R.Baseline)
    OS << " not in the baseline (" << R.Baseline->Unchanged << " in it, "
       << R.Baseline->Absent << " fixed)";
  size_t CompilerErrors =
      llvm::count_if(R.ToolDiagnostics, [](const report::ToolDiagnostic &D) {
        return D.isCompilerError();
      });
  if (CompilerErrors)
    OS << ", " << CompilerErrors << " compiler error(s)";
  if (A.Failed)
    OS << ", " << A.Failed << " file(s) with errors";
  if (A.Skipped)
    OS << ", " << A.Skipped << " file(s) skipped";
  if (A.Abandoned)
    OS << ", " << A.Abandoned << " file(s) abandoned";
  if (A.ConfigurationErrors)
    OS << ", " << A.ConfigurationErrors << " configuration error(s)";
  OS << llvm::format(" in %.1fs", Seconds);
  llvm::errs() << Line << "\n";
}

std::string scanUnitStats(llvm::ArrayRef<UnitResult> Units) {
  size_t Reused =
      llvm::count_if(Units, [](const UnitResult &U) { return U.Reused; });
  size_t Skipped = llvm::count_if(Units, [](const UnitResult &U) {
    return !U.Reused && !U.Skipped.empty();
  });
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << Units.size() << " unit(s): " << Units.size() - Reused - Skipped
     << " parsed, " << Reused << " reused from the cache";
  if (Skipped)
    OS << ", " << Skipped << " skipped";
  return Line;
}

void printStats(llvm::StringRef Units, const LinkStats &Link) {
  llvm::errs() << "sinkguard: stats: " << Units << "; link: " << Link.Functions
               << " function(s), " << Link.ResolvedCalls << "/" << Link.Calls
               << " call(s) resolved across units, " << Link.Findings
               << " cross-unit finding(s)"
               << llvm::format(" in %.3fs", Link.Seconds)
               << llvm::format(" (facts %.3fs, summaries %.3fs, flows %.3fs, "
                               "editor's summaries %.3fs)",
                               Link.FactsSeconds, Link.SummariseSeconds,
                               Link.FlowsSeconds, Link.EditorSeconds)
               << "\n";
}

} // namespace sinkguard::driver
