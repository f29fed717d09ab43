//===--- SinkguardTidyMain.cpp - clang-tidy with sinkguard built in -------===//
//
// Upstream clang-tidy's main, unchanged, with the sinkguard module linked in
// and clang's resource directory pointed at when none is beside the binary.
//
//===----------------------------------------------------------------------===//

#include "../common/ResourceDir.h"
#include "clang-tidy/tool/ClangTidyMain.h"

namespace clang::tidy {
extern volatile int SinkguardModuleAnchorSource;
// NOLINTNEXTLINE(misc-use-internal-linkage)
static int SinkguardModuleAnchorDestination = SinkguardModuleAnchorSource;
} // namespace clang::tidy

int main(int Argc, const char **Argv) {
  std::vector<std::string> Storage;
  std::vector<const char *> Args = sinkguard::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=", "resource-dir", Storage);
  (void)clang::tidy::SinkguardModuleAnchorDestination;
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
