//===--- OutputFile.cpp ---------------------------------------------------===//

#include "OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include <chrono>
#include <thread>

namespace sinkguard::driver {

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
  llvm::Expected<llvm::sys::fs::TempFile> Temp =
      llvm::sys::fs::TempFile::create(Path + ".tmp-%%%%%%%%");
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
