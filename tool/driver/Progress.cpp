//===--- Progress.cpp -----------------------------------------------------===//

#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

Progress::Progress(size_t Total, bool Enabled)
    : Total(Total), Enabled(Enabled), Start(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

void Progress::started(llvm::StringRef File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  // At most ten redraws a second: a terminal is slow, and so is reading it.
  auto Now = std::chrono::steady_clock::now();
  if (Shown && Now - LastDraw < std::chrono::milliseconds(100))
    return;
  LastDraw = Now;
  draw(File);
}

void Progress::finished() {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  ++Done;
}

void Progress::clear() {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Shown)
    llvm::errs() << "\r\x1b[K";
  llvm::errs().flush();
  Shown = false;
}

void Progress::draw(llvm::StringRef File) {
  // Keep the line within the terminal, or it wraps and is not rewritten.
  unsigned Width = llvm::sys::Process::StandardErrColumns();
  if (Width == 0)
    Width = 80;
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << "[" << Done << "/" << Total << "] "
     << llvm::format("%.1fs", secondsSince(Start)) << " ";
  llvm::StringRef Name = llvm::sys::path::filename(File);
  size_t Room = Width > Line.size() + 1 ? Width - Line.size() - 1 : 0;
  OS << Name.take_back(Room);
  llvm::errs() << "\r\x1b[K" << Line;
  llvm::errs().flush();
  Shown = true;
}

} // namespace sinkguard::driver
