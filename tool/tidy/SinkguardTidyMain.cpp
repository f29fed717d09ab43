//===--- SinkguardTidyMain.cpp - clang-tidy with sinkguard built in -------===//
//
// Upstream clang-tidy's main, unchanged, with the sinkguard module linked in,
// clang's resource directory pointed at when none is beside the binary, and
// no program started on behalf of a compile command unless
// --allow-compiler-plugins says the commands are trusted (ProgramGuard.h).
//
//===----------------------------------------------------------------------===//

#include "../common/ProgramGuard.h"
#include "../common/ResourceDir.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"

namespace clang::tidy {
extern volatile int SinkguardModuleAnchorSource;
// NOLINTNEXTLINE(misc-use-internal-linkage)
static int SinkguardModuleAnchorDestination = SinkguardModuleAnchorSource;
} // namespace clang::tidy

namespace {

// Read by clang-tidy's own command-line parser, as any of its options.
llvm::cl::opt<bool> AllowCompilerPlugins(
    "allow-compiler-plugins",
    llvm::cl::desc("Trust the compile commands: let the compiler start the "
                   "programs they choose (see sinkguard's docs/security.md)"),
    llvm::cl::callback([](const bool &Allow) {
      if (Allow)
        sinkguard::allowAllPrograms();
    }));

} // namespace

int main(int Argc, const char **Argv) {
  sinkguard::refuseProgramsExcept("");
  std::vector<std::string> Storage;
  std::vector<const char *> Args = sinkguard::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=", "resource-dir", Storage);
  (void)clang::tidy::SinkguardModuleAnchorDestination;
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
