//===--- GitDiff.cpp ------------------------------------------------------===//

#include "GitDiff.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include <optional>

namespace sinkguard::driver {

namespace {

llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 ("--diff: " + Why).str());
}

/// What git prints for \p Args (without "git"), or why it failed.
llvm::Expected<std::string> runGit(llvm::StringRef Git,
                                   llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::SmallString<128> Out;
  llvm::SmallString<128> Err;
  if (llvm::sys::fs::createTemporaryFile("sinkguard-git", "out", Out) ||
      llvm::sys::fs::createTemporaryFile("sinkguard-git", "err", Err))
    return failure("cannot create a temporary file");
  llvm::FileRemover RemoveOut(Out);
  llvm::FileRemover RemoveErr(Err);
  std::vector<llvm::StringRef> Argv{Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Out), llvm::StringRef(Err)};
  std::string Message;
  int Status = llvm::sys::ExecuteAndWait(Git, Argv, std::nullopt, Redirects,
                                         /*SecondsToWait=*/0,
                                         /*MemoryLimit=*/0, &Message);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  if (Status != 0) {
    std::string Why = llvm::StringRef(Read(Err)).trim().str();
    if (Why.empty())
      Why = Message.empty() ? "exit " + std::to_string(Status) : Message;
    return failure("git " + Args.front() + ": " + Why);
  }
  return Read(Out);
}

} // namespace

llvm::Expected<GitDiff> readGitDiff(llvm::StringRef Range) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return failure("git not found on PATH (--diff-file takes a diff instead)");
  GitDiff D;
  llvm::Expected<std::string> Top =
      runGit(*Git, {"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  D.Top = llvm::StringRef(*Top).trim().str();
  llvm::Expected<std::string> Text =
      runGit(*Git, {"diff", "--no-ext-diff", "--no-textconv", "--no-color",
                    "--no-renames", "--unified=0", Range, "--"});
  if (!Text)
    return Text.takeError();
  D.Text = std::move(*Text);
  return D;
}

} // namespace sinkguard::driver
