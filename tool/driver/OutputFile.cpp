//===--- OutputFile.cpp ---------------------------------------------------===//

#include "OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <chrono>
#include <cstdint>
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

llvm::Error cannotWrite(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 ("cannot write '" + Path + "': " + Why).str());
}

/// How a report reaches its path.
struct Target {
  enum Kind : std::uint8_t { Stdout, Direct, Atomic } K;
  /// For Atomic: the file to replace (a symbolic link's target, so that the
  /// link stays).
  std::string File;
};

/// Standard output for "" and "-"; a device, FIFO or socket, or a path
/// under /dev or /proc (`/dev/stdout` may lead to the file a shell
/// redirected into, which a rename would take away from it), is written
/// in place; a regular file or a new path is replaced atomically.
llvm::Expected<Target> targetOf(llvm::StringRef Path) {
  if (Path.empty() || Path == "-")
    return Target{Target::Stdout, ""};
  llvm::SmallString<256> Abs(Path);
  // Without a current directory, a relative path is under neither.
  if (!llvm::sys::fs::make_absolute(Abs))
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  if (Abs.starts_with("/dev/") || Abs.starts_with("/proc/"))
    return Target{Target::Direct, ""};
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status, /*Follow=*/true))
    return Target{Target::Atomic, Path.str()}; // A new file.
  switch (Status.type()) {
  case llvm::sys::fs::file_type::regular_file: {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Path, Real))
      return Target{Target::Atomic, Path.str()};
    return Target{Target::Atomic, std::string(Real)};
  }
  case llvm::sys::fs::file_type::directory_file:
    return cannotWrite(Path, "is a directory");
  default:
    return Target{Target::Direct, ""};
  }
}

/// Writes into \p Path as it is, without creating or replacing it.
llvm::Error writeInPlace(llvm::StringRef Path,
                         llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::CD_OpenExisting,
                          llvm::sys::fs::FA_Write, llvm::sys::fs::OF_None);
  if (EC)
    return cannotWrite(Path, EC.message());
  Write(OS);
  OS.flush();
  if (OS.has_error()) {
    std::string Why = OS.error().message();
    OS.clear_error();
    return cannotWrite(Path, Why);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error checkWritable(llvm::StringRef Path) {
  llvm::Expected<Target> T = targetOf(Path);
  if (!T)
    return T.takeError();
  if (T->K == Target::Stdout)
    return llvm::Error::success();
  if (T->K == Target::Direct) {
    // Not opened: a FIFO would wait for its reader here.
    if (std::error_code EC =
            llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Write))
      return cannotWrite(Path, EC.message());
    return llvm::Error::success();
  }
  // The temporary file the report will go to, made and removed again.
  llvm::Expected<llvm::sys::fs::TempFile> Temp = createTempFile(T->File);
  if (!Temp)
    return cannotWrite(Path, llvm::toString(Temp.takeError()));
  if (llvm::Error E = Temp->discard())
    return cannotWrite(Path, llvm::toString(std::move(E)));
  return llvm::Error::success();
}

llvm::Error writeOutput(llvm::StringRef Path,
                        llvm::function_ref<void(llvm::raw_ostream &)> Write,
                        unsigned CommitDelayMs) {
  llvm::Expected<Target> T = targetOf(Path);
  if (!T)
    return T.takeError();
  if (T->K == Target::Stdout) {
    Write(llvm::outs());
    llvm::outs().flush();
    if (llvm::outs().has_error())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot write to standard output");
    return llvm::Error::success();
  }
  if (T->K == Target::Direct)
    return writeInPlace(Path, Write);
  auto Failure = [&](const llvm::Twine &Why) { return cannotWrite(Path, Why); };
  // TempFile registers the file for removal on signals until keep().
  llvm::Expected<llvm::sys::fs::TempFile> Temp = createTempFile(T->File);
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
  if (llvm::Error E = Temp->keep(T->File))
    return Failure(llvm::toString(std::move(E)));
  return llvm::Error::success();
}

} // namespace sinkguard::driver
