//===--- SummaryLoading.cpp -----------------------------------------------===//

#include "SummaryLoading.h"
#include "LinkedFormat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>

namespace sinkguard::store {

std::string discoverSummaryStore(llvm::StringRef BuildDirectory,
                                 llvm::StringRef MainFile) {
  llvm::SmallVector<std::string, 16> Candidates;
  auto Add = [&](llvm::StringRef Dir) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, StoreDirectoryName, LinkedFileName);
    Candidates.push_back(std::string(P));
  };
  if (!BuildDirectory.empty())
    Add(BuildDirectory);
  if (!MainFile.empty()) {
    llvm::SmallString<256> Dir(MainFile);
    llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    for (llvm::StringRef D = llvm::sys::path::parent_path(Dir); !D.empty();
         D = llvm::sys::path::parent_path(D)) {
      Add(D);
      llvm::SmallString<256> Build(D);
      llvm::sys::path::append(Build, "build");
      Add(Build);
    }
  }
  for (const std::string &C : Candidates)
    if (llvm::sys::fs::is_regular_file(C))
      return C;
  return "";
}

std::shared_ptr<const engine::LinkedProgram>
loadLinkedProgram(llvm::StringRef Path, llvm::StringRef Key, bool MustExist,
                  std::string &Problem) {
  if (Path.empty())
    return nullptr;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) ||
      !llvm::sys::fs::is_regular_file(Status)) {
    if (MustExist)
      Problem = ("summary store '" + Path + "' ignored: no such file").str();
    return nullptr;
  }
  // One parse per store file and configuration, however many units read it,
  // until the file changes.
  struct Cached {
    llvm::sys::TimePoint<> Modified;
    uint64_t Size = 0;
    std::shared_ptr<const engine::LinkedProgram> Program;
    std::string Problem;
  };
  static std::mutex Lock;
  static std::map<std::string, Cached> Cache;
  std::string CacheKey = (Path + "\n" + Key).str();
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Cache.find(CacheKey);
    if (It != Cache.end() &&
        It->second.Modified == Status.getLastModificationTime() &&
        It->second.Size == Status.getSize()) {
      Problem = It->second.Problem;
      return It->second.Program;
    }
  }
  Cached Entry;
  Entry.Modified = Status.getLastModificationTime();
  Entry.Size = Status.getSize();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  std::string Why;
  if (!Buffer)
    Why = "cannot read: " + Buffer.getError().message();
  else
    Entry.Program = parseLinkedProgram((*Buffer)->getBuffer(), Key, Why);
  if (!Why.empty())
    Entry.Problem = ("summary store '" + Path + "' ignored: " + Why).str();
  Problem = Entry.Problem;
  std::lock_guard<std::mutex> Guard(Lock);
  Cache[CacheKey] = Entry;
  return Entry.Program;
}

} // namespace sinkguard::store
