//===--- OutputFile.cpp ---------------------------------------------------===//

#include "OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include <chrono>
#include <pthread.h>
#include <signal.h>
#include <thread>

namespace sinkguard::driver {

namespace {

/// Holds SIGINT and SIGTERM back while alive. TempFile::create creates the
/// file before it registers it for removal on signals; one in between would
/// leave the file behind. Only the main thread is left when the report is
/// written, so blocking the signals there defers them to after the
/// registration.
class InterruptsDeferred {
public:
  InterruptsDeferred() {
    sigset_t Interrupts;
    sigemptyset(&Interrupts);
    sigaddset(&Interrupts, SIGINT);
    sigaddset(&Interrupts, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &Interrupts, &Saved);
  }
  ~InterruptsDeferred() { pthread_sigmask(SIG_SETMASK, &Saved, nullptr); }
  InterruptsDeferred(const InterruptsDeferred &) = delete;
  InterruptsDeferred &operator=(const InterruptsDeferred &) = delete;

private:
  sigset_t Saved;
};

llvm::Expected<llvm::sys::fs::TempFile> createTempFile(llvm::StringRef Path) {
  InterruptsDeferred Guard;
  return llvm::sys::fs::TempFile::create(Path + ".tmp-%%%%%%%%");
}

} // namespace

llvm::Error writeOutput(llvm::StringRef Path,
                        llvm::function_ref<void(llvm::raw_ostream &)> Write,
                        unsigned CommitDelayMs) {
  if (Path.empty() || Path == "-") {
    Write(llvm::outs());
    llvm::outs().flush();
    if (llvm::outs().has_error())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot write to standard output");
    return llvm::Error::success();
  }
  auto Failure = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        ("cannot write '" + Path + "': " + Why).str());
  };
  // TempFile registers the file for removal on signals until keep().
  llvm::Expected<llvm::sys::fs::TempFile> Temp = createTempFile(Path);
  if (!Temp)
    return Failure(llvm::toString(Temp.takeError()));
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    Write(OS);
    OS.flush();
    if (OS.has_error()) {
      std::string Why = OS.error().message();
      OS.clear_error();
      llvm::consumeError(Temp->discard());
      return Failure(Why);
    }
  }
  if (CommitDelayMs)
    std::this_thread::sleep_for(std::chrono::milliseconds(CommitDelayMs));
  if (llvm::Error E = Temp->keep(Path))
    return Failure(llvm::toString(std::move(E)));
  return llvm::Error::success();
}

} // namespace sinkguard::driver
