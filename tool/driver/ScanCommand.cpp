//===--- ScanCommand.cpp --------------------------------------------------===//

#include "ScanCommand.h"
#include "Baseline.h"
#include "CheckSelection.h"
#include "Database.h"
#include "Fingerprint.h"
#include "JsonWriter.h"
#include "Link.h"
#include "OutputFile.h"
#include "Progress.h"
#include "Report.h"
#include "SarifWriter.h"
#include "Scanner.h"
#include "TextWriter.h"
#include "Worker.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

namespace {

void printError(const llvm::Twine &Message) {
  llvm::errs() << "sinkguard: error: " << Message << "\n";
}

std::string sourceRootOf(const ScanOptions &Options) {
  if (Options.SourceRoot.empty())
    return report::defaultSourceRoot();
  llvm::SmallString<256> Abs(Options.SourceRoot);
  // Without a current directory the path stays as given.
  if (llvm::sys::fs::make_absolute(Abs))
    return Options.SourceRoot;
  return std::string(Abs);
}

llvm::Error write(const ScanOptions &Options, const report::Report &R) {
  return writeOutput(
      Options.OutputPath,
      [&](llvm::raw_ostream &OS) {
        switch (Options.Format) {
        case OutputFormat::Sarif:
          report::writeSarif(R, OS);
          break;
        case OutputFormat::Json:
          report::writeJson(R, OS);
          break;
        case OutputFormat::Text: {
          report::SourceCache Sources;
          report::writeText(R, OS, Sources);
          break;
        }
        }
      },
      Options.CommitDelayMs);
}

/// Where the time went (--print-timing), for bench/.
struct Timing {
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  double Setup = 0;
  double Scan = 0;
  double Assemble = 0;
  double Write = 0;
  double TaskSum = 0;
  double TaskCpu = 0;
  double LongestTask = 0;

  void print(unsigned Jobs, size_t Units) const {
    llvm::sys::TimePoint<> Wall;
    std::chrono::nanoseconds User;
    std::chrono::nanoseconds System;
    llvm::sys::Process::GetTimeUsage(Wall, User, System);
    double Cpu = std::chrono::duration<double>(User + System).count();
    double Total = secondsSince(Start);
    llvm::errs() << llvm::format(
        "sinkguard: timing: total %.3fs = setup %.3fs + scan %.3fs + "
        "report %.3fs + write %.3fs; %zu unit(s), -j%u, tasks %.3fs, "
        "longest %.3fs, busy %.1f%% of the scan's thread time, process cpu "
        "%.3fs, tasks cpu %.3fs\n",
        Total, Setup, Scan, Assemble, Write, Units, Jobs, TaskSum, LongestTask,
        Scan > 0 ? 100.0 * TaskSum / (Scan * Jobs) : 0.0, Cpu, TaskCpu);
  }
};

void printSummary(const report::Report &R, size_t Skipped, size_t Failed,
                  size_t Abandoned, double Seconds) {
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << "sinkguard: " << R.FilesAnalysed << " file(s) analysed, "
     << R.Findings.size() << " finding(s)";
  if (R.Baseline)
    OS << " not in the baseline (" << R.Baseline->Unchanged << " in it, "
       << R.Baseline->Absent << " fixed)";
  size_t CompilerErrors =
      llvm::count_if(R.ToolDiagnostics, [](const report::ToolDiagnostic &D) {
        return D.isCompilerError();
      });
  if (CompilerErrors)
    OS << ", " << CompilerErrors << " compiler error(s)";
  if (Failed)
    OS << ", " << Failed << " file(s) with errors";
  if (Skipped)
    OS << ", " << Skipped << " file(s) skipped";
  if (Abandoned)
    OS << ", " << Abandoned << " file(s) abandoned";
  OS << llvm::format(" in %.1fs", Seconds);
  llvm::errs() << Line << "\n";
}

/// The one notification of a unit that did not compile.
report::Notification failedUnit(const report::Report &R, const UnitResult &U) {
  const report::ToolDiagnostic *First = nullptr;
  for (const report::ToolDiagnostic &D : U.Diagnostics.ToolDiagnostics)
    if (D.isCompilerError()) {
      First = &D;
      break;
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

int failBeforeScan(const ScanOptions &Options, const std::string &Message) {
  printError(Message);
  if (Options.OutputPath.empty() || !Options.FormatKnown)
    return ExitUsage;
  report::Report R{report::SourceRoot(sourceRootOf(Options))};
  R.CommandLine = Options.CommandLine;
  R.AutomationId = Options.AutomationId;
  R.ExecutionSuccessful = false;
  R.ExitCode = ExitUsage;
  report::Notification N;
  N.Message = Message;
  R.Notifications.push_back(std::move(N));
  if (Options.Format == OutputFormat::Text) {
    if (llvm::Error E =
            writeOutput(Options.OutputPath, [&](llvm::raw_ostream &OS) {
              OS << "sinkguard: error: " << Message << "\n";
            }))
      printError(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  if (llvm::Error E = write(Options, R))
    printError(llvm::toString(std::move(E)));
  return ExitUsage;
}

int runScan(ScanOptions &Options) {
  Timing Time;
  std::string RootPath = sourceRootOf(Options);
  if (!llvm::sys::fs::is_directory(RootPath))
    return failBeforeScan(Options,
                          "--srcroot '" + RootPath + "' is not a directory");
  report::Report R{report::SourceRoot(RootPath)};
  R.CommandLine = Options.CommandLine;
  R.AutomationId = Options.AutomationId;

  llvm::Expected<TidySettings> Settings = tidySettings(Options);
  if (!Settings)
    return failBeforeScan(Options, llvm::toString(Settings.takeError()));
  std::optional<report::Baseline> Baseline;
  if (!Options.BaselinePath.empty()) {
    llvm::Expected<report::Baseline> Loaded =
        report::Baseline::load(Options.BaselinePath);
    if (!Loaded)
      return failBeforeScan(Options, "--baseline: " +
                                         llvm::toString(Loaded.takeError()));
    Baseline = std::move(*Loaded);
  }
  auto Db = loadDatabase(Options);
  if (!Db)
    return failBeforeScan(Options, llvm::toString(Db.takeError()));
  llvm::Expected<Selection> Selected = selectUnits(**Db, Options, R.Root);
  if (!Selected)
    return failBeforeScan(Options, llvm::toString(Selected.takeError()));
  Time.Setup = secondsSince(Time.Start);

  auto ScanStart = std::chrono::steady_clock::now();
  std::vector<UnitResult> Units;
  {
    Progress P(Selected->Units.size(),
               !Options.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
    std::optional<WorkerSpec> Workers;
    if (Options.TuTimeout)
      Workers =
          WorkerSpec{Options.Executable, Options.Arguments, Options.TuTimeout};
    Units = scanUnits(Selected->Units, *Settings, Options.Jobs,
                      Workers ? &*Workers : nullptr, P);
  }
  Time.Scan = secondsSince(ScanStart);

  auto AssembleStart = std::chrono::steady_clock::now();
  size_t Skipped = Selected->Skipped.size();
  size_t Failed = 0;
  size_t Abandoned = 0;
  for (const report::Notification &N : Selected->Skipped)
    printError(N.Message);
  R.Notifications = Selected->Skipped;
  llvm::StringSet<> Rules;
  for (UnitResult &U : Units) {
    Time.TaskSum += U.Seconds;
    Time.TaskCpu += U.CpuSeconds;
    Time.LongestTask = std::max(Time.LongestTask, U.Seconds);
    if (!U.Skipped.empty()) {
      printError(U.Skipped);
      report::Notification N;
      N.File = U.File;
      N.Message = U.Skipped;
      R.Notifications.push_back(std::move(N));
      ++Skipped;
      continue;
    }
    if (!U.Abandoned.empty()) {
      report::Notification N;
      N.File = U.File;
      N.Message = R.Root.display(U.File) + ": " + U.Abandoned;
      printError(N.Message);
      R.Notifications.push_back(std::move(N));
      ++Abandoned;
      continue;
    }
    ++R.FilesAnalysed;
    if (!U.DroppedFlags.empty()) {
      report::Notification N = droppedFlags(R, U);
      llvm::errs() << "sinkguard: warning: " << N.Message << "\n";
      R.Notifications.push_back(std::move(N));
    }
    for (const std::string &Id : U.EnabledChecks)
      Rules.insert(Id);
    ConvertedDiagnostics &D = U.Diagnostics;
    if (D.compilerErrors()) {
      ++Failed;
      report::Notification N = failedUnit(R, U);
      printError(N.Message);
      R.Notifications.push_back(std::move(N));
    }
    std::move(D.ToolDiagnostics.begin(), D.ToolDiagnostics.end(),
              std::back_inserter(R.ToolDiagnostics));
    std::move(D.Findings.begin(), D.Findings.end(),
              std::back_inserter(R.Findings));
  }
  {
    std::vector<const UnitResult *> Analysed;
    for (const UnitResult &U : Units)
      if (U.Skipped.empty() && U.Abandoned.empty())
        Analysed.push_back(&U);
    LinkStats Stats;
    std::vector<std::string> Problems;
    llvm::json::Object Summaries;
    std::vector<report::Finding> Linked =
        linkUnits(Analysed, R.Findings, Stats, Problems, &Summaries);
    // What clang-tidy and clangd read (check option SummaryStore).
    if (!Options.BuildPath.empty()) {
      llvm::SmallString<256> Dir(Options.BuildPath);
      llvm::sys::path::append(Dir, ".sinkguard-cache");
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, "linked.json");
      llvm::Error E =
          llvm::errorCodeToError(llvm::sys::fs::create_directories(Dir));
      if (!E)
        E = writeLinkedSummaries(Summaries, Path);
      if (E)
        Problems.push_back("cannot write the summary store " +
                           std::string(Path) + ": " +
                           llvm::toString(std::move(E)));
    }
    for (const std::string &P : Problems)
      llvm::errs() << "sinkguard: warning: " << P << "\n";
    std::move(Linked.begin(), Linked.end(), std::back_inserter(R.Findings));
  }
  if (R.FilesAnalysed == 0)
    for (const std::string &Id :
         enabledSinkguardChecks(*Settings, RootPath + "/sinkguard"))
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
  for (const report::ToolDiagnostic &D : R.ToolDiagnostics)
    if (!D.isCompilerError()) {
      report::Notification N;
      N.Severity = D.Severity;
      N.Where = D.Where;
      N.Message = D.Message + " [" + D.Name + "]";
      R.Notifications.push_back(std::move(N));
    }

  report::assignFingerprints(R.Findings, R.Root);
  if (Baseline)
    R.Baseline = Baseline->apply(R.Findings, R.Root);

  int Exit = ExitClean;
  if (Skipped || Failed || Abandoned)
    Exit = ExitIncomplete;
  else if (Options.FailOn != report::Level::None &&
           llvm::any_of(R.Findings, [&](const report::Finding &F) {
             return F.Severity >= Options.FailOn;
           }))
    Exit = ExitFindings;
  R.ExitCode = Exit;
  R.ExecutionSuccessful = Exit != ExitIncomplete;
  if (Options.Format == OutputFormat::Sarif &&
      R.Findings.size() > report::MaxResultsPerRun)
    llvm::errs() << "sinkguard: warning: " << R.Findings.size()
                 << " results; GitHub code scanning accepts at most "
                 << report::MaxResultsPerRun
                 << " per run (use --baseline, or split with --shard and "
                    "several categories)\n";
  Time.Assemble = secondsSince(AssembleStart);

  auto WriteStart = std::chrono::steady_clock::now();
  if (llvm::Error E = write(Options, R)) {
    printError(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  Time.Write = secondsSince(WriteStart);

  if (!Options.Quiet)
    printSummary(R, Skipped, Failed, Abandoned, secondsSince(Time.Start));
  if (Options.PrintTiming)
    Time.print(Options.Jobs, Selected->Units.size());
  return Exit;
}

} // namespace sinkguard::driver
