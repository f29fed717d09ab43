//===--- ModelFileReading.cpp - Finding, reading, caching model files -----===//
//
// The file-system side of model files: the nearest .sinkguard.yaml above a
// source file, reading one with limits (a regular file of at most 1 MiB),
// and the process-wide cache of parses that translation units share.
// ModelFile.cpp parses the text.
//
//===----------------------------------------------------------------------===//

#include "ModelFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <mutex>

namespace sinkguard::model {

using llvm::StringRef;
using llvm::Twine;

namespace {

constexpr std::uint64_t MaxFileSize = std::uint64_t{1} << 20;

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readModelFile(llvm::StringRef Path, llvm::vfs::FileSystem &FS) {
  auto Fail = [&](const Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path + ": cannot read model file: " + Why);
  };
  llvm::ErrorOr<llvm::vfs::Status> Status = FS.status(Path);
  if (!Status)
    return Fail(Status.getError().message());
  if (Status->isDirectory())
    return Fail("it is a directory");
  // A FIFO or device would be read until it ends, if ever.
  if (Status->getType() != llvm::sys::fs::file_type::regular_file)
    return Fail("not a regular file");
  if (Status->getSize() > MaxFileSize)
    return Fail("larger than 1 MiB");
  auto Buffer = FS.getBufferForFile(Path, /*FileSize=*/-1,
                                    /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  if ((*Buffer)->getBufferSize() > MaxFileSize)
    return Fail("larger than 1 MiB");
  return std::move(*Buffer);
}

struct CachedParse {
  /// What was parsed: an edited file is parsed again, whatever its mtime.
  std::string Text;
  std::shared_ptr<const ModelFile> File;
  std::string Error;
};

struct ParseCache {
  std::mutex Lock;
  llvm::StringMap<CachedParse> Files;
};

ParseCache &parseCache() {
  static ParseCache Cache;
  return Cache;
}

} // namespace

llvm::Expected<ModelFile> loadModelFile(llvm::StringRef Path,
                                        llvm::vfs::FileSystem &FS) {
  auto Buffer = readModelFile(Path, FS);
  if (!Buffer)
    return Buffer.takeError();
  return parseModelFile((*Buffer)->getBuffer(), Path);
}

std::string findProjectModelFile(llvm::StringRef SourceFile,
                                 llvm::vfs::FileSystem &FS) {
  llvm::SmallString<256> Dir(SourceFile);
  if (FS.makeAbsolute(Dir))
    return "";
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_filename(Dir);
  for (StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, ProjectModelFileName);
    llvm::ErrorOr<llvm::vfs::Status> Status = FS.status(Candidate);
    if (Status && !Status->isDirectory())
      return std::string(Candidate);
  }
  return "";
}

std::unique_ptr<Model> modelFor(const ModelFile &File) {
  return std::make_unique<Model>(Model::builtinRules(), File.Rules,
                                 File.Disabled);
}

llvm::Expected<std::shared_ptr<const ModelFile>>
loadModelFileCached(llvm::StringRef Path, llvm::vfs::FileSystem &FS) {
  auto Buffer = readModelFile(Path, FS);
  if (!Buffer)
    return Buffer.takeError();
  StringRef Text = (*Buffer)->getBuffer();
  ParseCache &Cache = parseCache();
  std::lock_guard<std::mutex> Guard(Cache.Lock);
  CachedParse &Entry = Cache.Files[Path];
  if (Entry.Text != Text || (!Entry.File && Entry.Error.empty())) {
    Entry = CachedParse();
    Entry.Text = Text.str();
    llvm::Expected<ModelFile> Parsed = parseModelFile(Text, Path);
    if (Parsed)
      Entry.File = std::make_shared<const ModelFile>(std::move(*Parsed));
    else
      Entry.Error = llvm::toString(Parsed.takeError());
  }
  if (Entry.File)
    return Entry.File;
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Entry.Error);
}

llvm::Expected<std::unique_ptr<Model>> loadModel(llvm::StringRef Path,
                                                 llvm::vfs::FileSystem &FS) {
  auto File = loadModelFileCached(Path, FS);
  if (!File)
    return File.takeError();
  return modelFor(**File);
}
} // namespace sinkguard::model
