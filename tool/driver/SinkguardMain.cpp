//===--- SinkguardMain.cpp - The sinkguard driver for CI ------------------===//
//
// Runs every sinkguard check (and any clang-tidy check named with --checks)
// over the files of a compilation database, through clang-tidy's own engine
// so .clang-tidy files, check options and NOLINT comments behave as they do
// in clang-tidy, and reports the findings as text, JSON or SARIF.
//
// Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or
// configuration error, 3 some translation units could not be analysed.
//
//===----------------------------------------------------------------------===//

#include "../common/ProgramGuard.h"
#include "../common/ResourceDir.h"
#include "GitDiff.h"
#include "LinkCommand.h"
#include "MergeCommand.h"
#include "Options.h"
#include "ScanCommand.h"
#include "Worker.h"
#include "clang-tidy/ClangTidyForceLinker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <signal.h>
#include <vector>

namespace clang::tidy {
extern volatile int SinkguardModuleAnchorSource;
// NOLINTNEXTLINE(misc-use-internal-linkage)
static int SinkguardModuleAnchorDestination = SinkguardModuleAnchorSource;
} // namespace clang::tidy

namespace {

/// An address in this executable, for finding its path.
int ProgramAnchor;

/// The interrupt signals the process was started with set to be ignored
/// (nohup, a background job of a non-interactive shell).
std::vector<int> ignoredInterrupts() {
  std::vector<int> Ignored;
  for (int Sig : {SIGINT, SIGTERM}) {
    struct sigaction Action = {};
    if (sigaction(Sig, nullptr, &Action) == 0 && Action.sa_handler == SIG_IGN)
      Ignored.push_back(Sig);
  }
  return Ignored;
}

} // namespace

int main(int Argc, const char **Argv) {
  // LLVM's handlers, which remove a half-written output file and then end
  // the process, replace even a signal the caller meant to be ignored; a
  // signal so ignored must neither end the run nor take its output away.
  std::vector<int> Ignored = ignoredInterrupts();
  llvm::InitLLVM X(Argc, Argv);
  for (int Sig : Ignored)
    if (std::signal(Sig, SIG_IGN) == SIG_ERR)
      llvm::errs() << "sinkguard: warning: cannot ignore signal " << Sig
                   << " again\n";
  (void)clang::tidy::SinkguardModuleAnchorDestination;
  using namespace sinkguard::driver;

  std::vector<const char *> Typed(Argv, Argv + Argc);
  std::string Error;
  if (commandOf(Typed) == Command::Merge) {
    MergeOptions Options;
    if (!parseMergeOptions(Typed, Options, Error)) {
      llvm::errs() << "sinkguard: error: " << Error << "\n";
      return ExitUsage;
    }
    return runMerge(Options);
  }
  if (commandOf(Typed) == Command::Link) {
    LinkOptions Options;
    if (!parseLinkOptions(Typed, Options, Error)) {
      llvm::errs() << "sinkguard: error: " << Error << "\n";
      return ExitUsage;
    }
    return runLink(Options);
  }

  std::vector<std::string> Storage;
  std::vector<const char *> Args = sinkguard::withResourceDir(
      static_cast<int>(Typed.size()), Typed.data(),
      "--extra-arg-before=-resource-dir=", "resource-dir", Storage);
  ScanOptions Options;
  if (!parseScanOptions(Args, Typed, Options, Error))
    return failBeforeScan(Options, Error);

  // Clang's driver may start helper programs that a compile command can
  // choose; the scan starts none but its own (docs/security.md).
  Options.Executable =
      llvm::sys::fs::getMainExecutable(Argv[0], &ProgramAnchor);
  // git runs now, before programs are refused.
  if (!Options.DiffRange.empty()) {
    llvm::Expected<GitDiff> Diff = readGitDiff(Options.DiffRange);
    if (!Diff)
      return failBeforeScan(Options, llvm::toString(Diff.takeError()));
    Options.DiffText = std::move(Diff->Text);
    Options.DiffBase = std::move(Diff->Top);
  }
  if (!Options.AllowCompilerPlugins)
    sinkguard::refuseProgramsExcept(Options.Executable);

  // As clang-tidy does: targets for inline assembly and target-specific
  // parsing.
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  if (!Options.WorkerUnit.empty())
    return runWorker(Options);
  return runScan(Options);
}
