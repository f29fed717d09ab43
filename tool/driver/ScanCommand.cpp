//===--- ScanCommand.cpp --------------------------------------------------===//

#include "ScanCommand.h"
#include "Assembly.h"
#include "Baseline.h"
#include "CheckSelection.h"
#include "Database.h"
#include "OutputFile.h"
#include "Progress.h"
#include "Report.h"
#include "Scanner.h"
#include "Store.h"
#include "Worker.h"
#include "store/LinkedFormat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

namespace {

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
  return writeReport(R, Options.OutputPath, Options.Format,
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

/// Writes the manifest of this scan into the store.
void recordScan(const SummaryStore &Store, const ScanOptions &Options,
                const std::vector<TranslationUnit> &Units, const Assembly &A,
                const std::string &RootPath) {
  Manifest M;
  M.Shard = Options.Shard.value_or(ShardSpec());
  M.CommandLine = Options.UnshardedCommandLine;
  M.AutomationId = Options.AutomationId;
  M.SourceRoot = RootPath;
  M.DefaultRules = A.DefaultRules;
  M.Skipped = A.SelectionSkipped;
  for (const TranslationUnit &U : Units)
    M.Entries.push_back(SummaryStore::entryName(U));
  if (llvm::Error E = writeManifest(Store.directory(), M))
    printWarning(llvm::toString(std::move(E)) + "; the store cannot be linked");
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
  // Before the analysis: a report that cannot be written fails at once.
  if (llvm::Error E = checkWritable(Options.OutputPath)) {
    printError(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  std::string RootPath = sourceRootOf(Options);
  if (!llvm::sys::fs::is_directory(RootPath))
    return failBeforeScan(Options,
                          "--srcroot '" + RootPath + "' is not a directory");
  report::Report R{report::SourceRoot(RootPath)};
  R.CommandLine = Options.CommandLine;
  R.AutomationId = Options.AutomationId;
  if (Options.Shard && Options.Shard->Count > 1)
    R.Shard = std::to_string(Options.Shard->Index) + "/" +
              std::to_string(Options.Shard->Count);

  llvm::Expected<TidySettings> Settings = tidySettings(Options);
  if (!Settings)
    return failBeforeScan(Options, llvm::toString(Settings.takeError()));
  std::optional<report::Baseline> Baseline;
  std::vector<report::Notification> BaselineNotes;
  if (!Options.BaselinePath.empty()) {
    llvm::Expected<report::Baseline> Loaded =
        report::Baseline::load(Options.BaselinePath);
    if (!Loaded)
      return failBeforeScan(Options, "--baseline: " +
                                         llvm::toString(Loaded.takeError()));
    Baseline = std::move(*Loaded);
    // Its paths are relative to its source root: under another one, none of
    // its findings can match, and every finding would look new.
    if (!Baseline->sourceRoot().empty() &&
        Baseline->sourceRoot() != R.Root.uri()) {
      report::Notification N;
      N.Severity = report::Level::Warning;
      N.Message = "--baseline " + Options.BaselinePath +
                  " was made under the source root " + Baseline->sourceRoot() +
                  ", this scan's is " + R.Root.uri() +
                  ": its findings match only where the paths below both "
                  "agree (give --srcroot to compare like with like)";
      printWarning(N.Message);
      BaselineNotes.push_back(std::move(N));
    }
  }
  std::optional<report::ChangedLines> Changes;
  if (!Options.DiffRange.empty() || !Options.DiffFile.empty()) {
    std::string What = "--diff";
    std::string Text = Options.DiffText;
    std::string Base = Options.DiffBase;
    if (!Options.DiffFile.empty()) {
      What = "--diff-file " + Options.DiffFile;
      auto Buffer = llvm::MemoryBuffer::getFile(Options.DiffFile,
                                                /*IsText=*/true);
      if (!Buffer)
        return failBeforeScan(
            Options, What + ": cannot read: " + Buffer.getError().message());
      Text = (*Buffer)->getBuffer().str();
      Base = RootPath;
    }
    llvm::Expected<report::ChangedLines> Parsed =
        report::ChangedLines::parse(Text, Base);
    if (!Parsed)
      return failBeforeScan(Options, What + ": not a unified diff: " +
                                         llvm::toString(Parsed.takeError()));
    Changes = std::move(*Parsed);
  }
  auto Db = loadDatabase(Options);
  if (!Db)
    return failBeforeScan(Options, llvm::toString(Db.takeError()));
  llvm::Expected<Selection> Selected = selectUnits(**Db, Options, R.Root);
  if (!Selected)
    return failBeforeScan(Options, llvm::toString(Selected.takeError()));
  Time.Setup = secondsSince(Time.Start);

  std::optional<SummaryStore> Store;
  if (std::optional<std::string> Dir = cacheDirectoryOf(Options))
    Store.emplace(*Dir, *Settings, Options);

  auto ScanStart = std::chrono::steady_clock::now();
  std::vector<UnitResult> Units;
  {
    Progress P(Selected->Units.size(),
               !Options.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
    std::optional<WorkerSpec> Workers;
    if (Options.TuTimeout)
      Workers =
          WorkerSpec{Options.Executable, Options.Arguments, Options.TuTimeout};
    Units =
        scanUnits(Selected->Units, *Settings, Options.Jobs,
                  Workers ? &*Workers : nullptr, P, Store ? &*Store : nullptr);
  }
  Time.Scan = secondsSince(ScanStart);

  auto AssembleStart = std::chrono::steady_clock::now();
  for (const UnitResult &U : Units) {
    Time.TaskSum += U.Seconds;
    Time.TaskCpu += U.CpuSeconds;
    Time.LongestTask = std::max(Time.LongestTask, U.Seconds);
  }
  if (Store)
    for (const std::string &W : Store->takeWarnings())
      printWarning(W);
  Assembly A;
  A.SelectionSkipped = Selected->Skipped;
  A.DefaultRules = enabledSinkguardChecks(*Settings, RootPath + "/sinkguard");
  A.Baseline = Baseline ? &*Baseline : nullptr;
  A.Changes = Changes ? &*Changes : nullptr;
  A.FailOn = Options.FailOn;
  A.Format = Options.Format;
  if (Store)
    recordScan(*Store, Options, Selected->Units, A, RootPath);
  // A shard's link sees only its slice: its summaries would hide the rest
  // of the program from the editor, so only a whole scan writes them.
  A.WantSummaries = Store && (!Options.Shard || Options.Shard->Count == 1);
  int Exit = assembleReport(R, Units, A);
  R.Notifications.insert(R.Notifications.end(), BaselineNotes.begin(),
                         BaselineNotes.end());
  if (A.WantSummaries) {
    llvm::SmallString<256> Linked(Store->directory());
    llvm::sys::path::append(Linked, store::LinkedFileName);
    if (llvm::Error E = writeLinkedSummaries(A.Summaries, Linked))
      printWarning(llvm::toString(std::move(E)));
  }
  Time.Assemble = secondsSince(AssembleStart);

  auto WriteStart = std::chrono::steady_clock::now();
  if (llvm::Error E = write(Options, R)) {
    printError(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  Time.Write = secondsSince(WriteStart);

  if (!Options.Quiet)
    printSummary(R, A, secondsSince(Time.Start));
  if (Options.PrintStats)
    printStats(scanUnitStats(Units), A.Link);
  if (Options.PrintTiming)
    Time.print(Options.Jobs, Selected->Units.size());
  return Exit;
}

} // namespace sinkguard::driver
