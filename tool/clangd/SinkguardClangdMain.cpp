//===--- SinkguardClangdMain.cpp - clangd with sinkguard built in ---------===//
//
// Upstream clangd's main, unchanged, with the sinkguard module linked in so
// its checks run in the editor, and clang's resource directory pointed at
// when none is beside the binary.
//
//===----------------------------------------------------------------------===//

#include "../common/ResourceDir.h"

namespace clang {
namespace clangd {
// Declared in clangd's tool/ClangdMain.h, which Debian does not ship.
int clangdMain(int Argc, char *Argv[]);
} // namespace clangd
namespace tidy {
extern volatile int SinkguardModuleAnchorSource;
// NOLINTNEXTLINE(misc-use-internal-linkage)
static int SinkguardModuleAnchorDestination = SinkguardModuleAnchorSource;
} // namespace tidy
} // namespace clang

int main(int Argc, const char **Argv) {
  std::vector<std::string> Storage;
  std::vector<const char *> Args = sinkguard::withResourceDir(
      Argc, Argv, "--resource-dir=", "resource-dir", Storage);
  (void)clang::tidy::SinkguardModuleAnchorDestination;
  Args.push_back(nullptr);
  // clangdMain takes char **; it does not modify the strings.
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   const_cast<char **>(Args.data()));
}
