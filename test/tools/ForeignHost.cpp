//===--- ForeignHost.cpp - A clang-tidy that claims another version -------===//
//
// Test-only: stock clang-tidy, except that clang::getClangFullVersion(),
// which the plugin's version guard asks, reports clang 21. The definition
// in the executable takes precedence over libclang-cpp's for every module
// loaded later, as another clang-tidy's own would.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include <string>

namespace clang {
// NOLINTNEXTLINE(misc-use-internal-linkage)
std::string getClangFullVersion() {
  return "Debian clang version 21.1.0 (sinkguard test stand-in)";
}
} // namespace clang

int main(int Argc, const char **Argv) {
  return clang::tidy::clangTidyMain(Argc, Argv);
}
