//===--- Worker.cpp -------------------------------------------------------===//

#include "Worker.h"
#include "CheckSelection.h"
#include "Database.h"
#include "Progress.h"
#include "Scanner.h"
#include "UnitRecord.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

namespace sinkguard::driver {

namespace {

/// Reads a worker's record into \p R, and keeps it in \p Record when
/// given; an error says what is wrong with it.
llvm::Error readRecord(llvm::StringRef Path, UnitResult &R,
                       std::optional<llvm::json::Object> *Record) {
  llvm::Expected<llvm::json::Value> Parsed = readJsonFile(Path);
  if (!Parsed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "record: " +
                                       llvm::toString(Parsed.takeError()));
  llvm::json::Object *Object = Parsed->getAsObject();
  if (!Object)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "bad record: not an object");
  if (llvm::Error E = readUnitRecord(*Object, R))
    return E;
  if (Record)
    *Record = std::move(*Object);
  return llvm::Error::success();
}

/// Removes a worker's record file. One that cannot be removed is left in
/// the temporary directory; the scan's result does not depend on it.
void removeRecord(llvm::StringRef Path) {
  if (std::error_code EC = llvm::sys::fs::remove(Path))
    llvm::errs() << "sinkguard: warning: cannot remove " << Path << ": "
                 << EC.message() << "\n";
}

/// How a worker that did not end well ended, for the notification.
std::string howItEnded(int ReturnCode, const std::string &Message) {
  if (!Message.empty())
    return Message;
  return "exit code " + std::to_string(ReturnCode);
}

} // namespace

UnitResult analyseInWorker(const TranslationUnit &Unit, const WorkerSpec &Spec,
                           std::optional<llvm::json::Object> *Record) {
  auto Start = std::chrono::steady_clock::now();
  UnitResult R;
  R.File = Unit.File;
  llvm::SmallString<128> RecordPath;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "sinkguard-unit", "json", RecordPath)) {
    R.Abandoned =
        "cannot create the worker's record file: " + EC.message() + "; skipped";
    return R;
  }
  std::vector<std::string> Storage = {
      Spec.Arguments.front(), "--worker-unit=" + Unit.File,
      "--worker-output=" + RecordPath.str().str(),
      "--worker-parent=" + std::to_string(::getpid())};
  Storage.insert(Storage.end(), Spec.Arguments.begin() + 1,
                 Spec.Arguments.end());
  std::vector<llvm::StringRef> Args(Storage.begin(), Storage.end());
  std::string Message;
  bool Failed = false;
  llvm::sys::ProcessInfo Child = llvm::sys::ExecuteNoWait(
      Spec.Executable, Args, std::nullopt, {}, 0, &Message, &Failed);
  if (Failed) {
    removeRecord(RecordPath);
    R.Abandoned = "cannot start a worker process: " + Message;
    return R;
  }
  // Polled rather than waited for with an alarm: SIGALRM is one per
  // process, and the scan waits for several workers at once.
  auto Deadline = Start + std::chrono::seconds(Spec.TimeoutSeconds);
  std::chrono::milliseconds Pause(1);
  llvm::sys::ProcessInfo Ended;
  while (true) {
    Ended = llvm::sys::Wait(Child, /*SecondsToWait=*/0, &Message);
    if (Ended.Pid != 0)
      break;
    if (std::chrono::steady_clock::now() >= Deadline) {
      ::kill(Child.Pid, SIGKILL);
      llvm::sys::Wait(Child, std::nullopt);
      removeRecord(RecordPath);
      R.Abandoned = "analysis abandoned after --tu-timeout=" +
                    std::to_string(Spec.TimeoutSeconds) +
                    "s; its findings are missing";
      R.Seconds = secondsSince(Start);
      return R;
    }
    std::this_thread::sleep_for(Pause);
    Pause = std::min(Pause * 2, std::chrono::milliseconds(10));
  }
  R.Seconds = secondsSince(Start);
  if (Ended.ReturnCode != 0) {
    R.Abandoned = "the analysis ended abnormally (" +
                  howItEnded(Ended.ReturnCode, Message) +
                  "); its findings are missing";
  } else if (llvm::Error E = readRecord(RecordPath, R, Record)) {
    R.Abandoned = "the worker's " + llvm::toString(std::move(E)) +
                  "; its findings are missing";
  }
  removeRecord(RecordPath);
  return R;
}

int runWorker(ScanOptions &Options) {
  // A driver that is killed (a CI job's timeout) takes its workers along:
  // the thread that started this worker waits for it until it ends. One
  // killed before this line is no longer this process's parent.
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 ||
      ::getppid() != static_cast<pid_t>(Options.WorkerParent))
    return ExitUsage;
  llvm::Expected<TidySettings> Settings = tidySettings(Options);
  if (!Settings) {
    llvm::errs() << "sinkguard: error: " << llvm::toString(Settings.takeError())
                 << "\n";
    return ExitUsage;
  }
  auto Db = loadDatabase(Options);
  if (!Db) {
    llvm::errs() << "sinkguard: error: " << llvm::toString(Db.takeError())
                 << "\n";
    return ExitUsage;
  }
  Options.Paths = {Options.WorkerUnit};
  Options.Shard.reset();
  llvm::Expected<Selection> Selected =
      selectUnits(**Db, Options, report::SourceRoot("/"));
  if (!Selected || Selected->Units.size() != 1) {
    llvm::errs() << "sinkguard: error: worker: " << Options.WorkerUnit
                 << " is not a unit of the database\n";
    if (!Selected)
      llvm::consumeError(Selected.takeError());
    return ExitUsage;
  }
  UnitResult R;
  TidyDiagnostics Diagnostics = runUnit(Selected->Units.front(), *Settings, R);
  std::error_code EC;
  llvm::raw_fd_ostream OS(Options.WorkerOutput, EC);
  if (EC) {
    llvm::errs() << "sinkguard: error: worker: " << Options.WorkerOutput << ": "
                 << EC.message() << "\n";
    return ExitUsage;
  }
  OS << llvm::json::Value(unitRecord(R, Diagnostics));
  OS.close();
  return OS.has_error() ? ExitUsage : ExitClean;
}

} // namespace sinkguard::driver
