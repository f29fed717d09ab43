//===--- Progress.h - What the scan is doing, on a terminal -----*- C++ -*-===//
//
// On a terminal, one line that is rewritten in place: files done of the
// total, the elapsed time and the file being analysed. Elsewhere (CI logs)
// nothing until the one-line summary. Called from the scan's threads.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_PROGRESS_H
#define SINKGUARD_TOOL_DRIVER_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <mutex>

namespace sinkguard::driver {

class Progress {
public:
  /// \p Enabled: stderr is a terminal and --quiet was not given.
  Progress(size_t Total, bool Enabled);
  ~Progress();
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  void started(llvm::StringRef File);
  void finished();
  /// Removes the line, before the summary or the findings are printed.
  void clear();

private:
  void draw(llvm::StringRef File);

  const size_t Total;
  const bool Enabled;
  const std::chrono::steady_clock::time_point Start;
  std::mutex Lock;
  size_t Done = 0;
  std::chrono::steady_clock::time_point LastDraw;
  bool Shown = false;
};

/// Seconds since \p Start.
double secondsSince(std::chrono::steady_clock::time_point Start);

} // namespace sinkguard::driver

#endif
