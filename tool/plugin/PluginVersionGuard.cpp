//===--- PluginVersionGuard.cpp - Refuse to load into another clang-tidy --===//
//
// The plugin is built against one clang-tidy's headers and resolves its
// symbols from the clang-tidy that loads it. Another major version has a
// different ABI: the checks would misbehave or crash. This runs first when
// the plugin is loaded (constructor priority 101, before the module's
// registration) and stops with a clear message on a mismatch.
//
//===----------------------------------------------------------------------===//

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

/// The major version in "... clang version 22.1.8 ...", or -1.
int majorVersionOf(llvm::StringRef FullVersion) {
  size_t At = FullVersion.find("version ");
  if (At == llvm::StringRef::npos)
    return -1;
  llvm::StringRef Rest = FullVersion.drop_front(At + 8);
  int Major = -1;
  if (Rest.consumeInteger(10, Major))
    return -1;
  return Major;
}

} // namespace

__attribute__((constructor(101))) static void sinkguardCheckHostVersion() {
  // Resolved from the host process, so this is the loading clang-tidy's
  // version, not the one the plugin was compiled against.
  std::string Host = clang::getClangFullVersion();
  int HostMajor = majorVersionOf(Host);
  if (HostMajor == CLANG_VERSION_MAJOR)
    return;
  (void)std::fprintf(
      stderr,
      "error: the sinkguard plugin was built for clang-tidy %s and "
      "cannot be loaded into this clang-tidy (%s). Use the "
      "sinkguard-tidy binary, or rebuild the plugin against this "
      "clang-tidy.\n",
      CLANG_VERSION_STRING, Host.c_str());
  (void)std::fflush(stderr);
  std::_Exit(1);
}
