//===--- Scanner.cpp ------------------------------------------------------===//

#include "Scanner.h"
#include "CheckMetadata.h"
#include "Store.h"
#include "UnitFunctions.h"
#include "UnitRecord.h"
#include "Worker.h"
#include "clang-tidy/ClangTidy.h"
#include "engine/Facts.h"
#include "store/FactsCodec.h"
#include "clang/Basic/Stack.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include <time.h>

namespace sinkguard::driver {

namespace {

/// The database of one unit: the commands looked up before the scan.
class UnitDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit UnitDatabase(const TranslationUnit &Unit) : Unit(Unit) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return Unit.Commands;
  }
  std::vector<std::string> getAllFiles() const override { return {Unit.File}; }

private:
  const TranslationUnit &Unit;
};

llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> taskFileSystem() {
  return llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
          llvm::vfs::createPhysicalFileSystem().release()));
}

std::vector<std::string> enabledChecks(clang::tidy::ClangTidyContext &Context,
                                       llvm::StringRef File) {
  Context.setCurrentFile(File);
  std::vector<std::string> Enabled;
  for (const CheckMetadata &Check : allChecks())
    if (Context.isCheckEnabled(Check.Id))
      Enabled.push_back(Check.Id.str());
  return Enabled;
}

/// Why \p Unit cannot be compiled at all; empty when it can.
std::string unusable(const TranslationUnit &Unit) {
  llvm::Expected<llvm::sys::fs::file_t> Handle =
      llvm::sys::fs::openNativeFileForRead(Unit.File);
  if (!Handle)
    return Unit.File + ": cannot read: " + llvm::toString(Handle.takeError()) +
           "; skipped";
  if (std::error_code EC = llvm::sys::fs::closeFile(*Handle))
    return Unit.File + ": cannot read: " + EC.message() + "; skipped";
  if (llvm::sys::fs::is_directory(Unit.File))
    return Unit.File + ": is a directory; skipped";
  if (Unit.Commands.empty())
    return Unit.File + ": no compile command; skipped";
  // ClangTool aborts the process when it cannot enter the directory.
  for (const clang::tooling::CompileCommand &C : Unit.Commands)
    if (!C.Directory.empty() && !llvm::sys::fs::is_directory(C.Directory))
      return Unit.File + ": the directory of its compile command, '" +
             C.Directory + "', does not exist; skipped";
  return "";
}

/// Gathers what the checks tell the link phase about one unit.
class UnitFacts : public ::sinkguard::engine::FactsCollector {
public:
  void inputs(std::vector<std::string> Files) override {
    if (Inputs.empty())
      Inputs = std::move(Files);
  }
  void facts(llvm::json::Object Facts) override {
    All.push_back(std::move(Facts));
  }

  std::vector<std::string> Inputs;
  llvm::json::Array All;
};

/// CPU time of the calling thread, in seconds.
double threadCpuSeconds() {
  struct timespec T = {};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T) != 0)
    return 0;
  return static_cast<double>(T.tv_sec) + static_cast<double>(T.tv_nsec) / 1e9;
}

} // namespace

TidyDiagnostics runUnit(const TranslationUnit &Unit,
                        const TidySettings &Settings, UnitResult &R) {
  // Lets Clang move deep recursion to a fresh stack in this thread too.
  clang::noteBottomOfStack();
  auto Start = std::chrono::steady_clock::now();
  double CpuStart = threadCpuSeconds();
  R.File = Unit.File;
  R.Skipped = unusable(Unit);
  if (!R.Skipped.empty())
    return {};
  auto FS = taskFileSystem();
  std::vector<std::string> Dropped = Unit.DroppedFlags;
  clang::tidy::ClangTidyContext Context(makeOptionsProvider(
      Settings, FS, Settings.AllowCompilerPlugins ? nullptr : &Dropped));
  UnitDatabase Db(Unit);
  UnitFacts Facts;
  TidyDiagnostics Diagnostics;
  {
    ::sinkguard::engine::FactsCollectorScope Collecting(&Facts);
    UnitFunctions Functions;
    Diagnostics.Errors = clang::tidy::runClangTidy(Context, Db, {Unit.File}, FS,
                                                   /*ApplyAnyFix=*/false,
                                                   /*EnableCheckProfile=*/false,
                                                   /*StoreCheckProfile=*/"",
                                                   /*Quiet=*/true);
    Diagnostics.Functions = Functions.namesOf(Diagnostics.Errors);
  }
  R.Inputs = std::move(Facts.Inputs);
  if (!Facts.All.empty())
    R.Facts = store::encodeFacts(Facts.All);
  R.EnabledChecks = enabledChecks(Context, Unit.File);
  // The options are read for every check and every header.
  llvm::StringSet<> Seen;
  for (std::string &Flag : Dropped)
    if (Seen.insert(Flag).second)
      R.DroppedFlags.push_back(std::move(Flag));
  R.Seconds = secondsSince(Start);
  R.CpuSeconds = threadCpuSeconds() - CpuStart;
  return Diagnostics;
}

namespace {

/// With \p Record, the unit's record (UnitRecord.h) is kept there when
/// there is one.
UnitResult analyse(const TranslationUnit &Unit, const TidySettings &Settings,
                   const WorkerSpec *Workers,
                   std::optional<llvm::json::Object> *Record) {
  if (Workers)
    return analyseInWorker(Unit, *Workers, Record);
  UnitResult R;
  TidyDiagnostics Diagnostics = runUnit(Unit, Settings, R);
  if (Record)
    *Record = unitRecord(R, Diagnostics);
  report::SourceCache Sources;
  convertDiagnostics(Diagnostics, Sources, R.Diagnostics);
  return R;
}

/// \p Unit from \p Store when its entry is valid; else analysed, and its
/// entry written.
UnitResult analyseOrRestore(const TranslationUnit &Unit,
                            const TidySettings &Settings,
                            const WorkerSpec *Workers, SummaryStore &Store) {
  auto Start = std::chrono::steady_clock::now();
  std::string Key = Store.keyOf(Unit);
  UnitResult R;
  if (Store.restore(Unit, Key, R)) {
    R.Seconds = secondsSince(Start);
    return R;
  }
  std::optional<llvm::json::Object> Record;
  R = analyse(Unit, Settings, Workers, &Record);
  // An abandoned worker leaves no record; `link` still needs to know.
  Store.save(Unit, Key, R,
             Record ? std::move(*Record) : unitRecord(R, TidyDiagnostics()));
  return R;
}

} // namespace

std::vector<std::string> enabledSinkguardChecks(const TidySettings &Settings,
                                                llvm::StringRef File) {
  clang::tidy::ClangTidyContext Context(
      makeOptionsProvider(Settings, taskFileSystem()));
  return enabledChecks(Context, File);
}

std::vector<UnitResult> scanUnits(const std::vector<TranslationUnit> &Units,
                                  const TidySettings &Settings, unsigned Jobs,
                                  const WorkerSpec *Workers, Progress &P,
                                  SummaryStore *Store) {
  std::vector<UnitResult> Results(Units.size());
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Units.size(); ++I) {
    Pool.async([&, I] {
      P.started(Units[I].File);
      Results[I] = Store ? analyseOrRestore(Units[I], Settings, Workers, *Store)
                         : analyse(Units[I], Settings, Workers, nullptr);
      P.finished();
    });
  }
  Pool.wait();
  return Results;
}

} // namespace sinkguard::driver
