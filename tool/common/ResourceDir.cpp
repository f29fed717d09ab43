//===--- ResourceDir.cpp --------------------------------------------------===//

#include "ResourceDir.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#ifndef SINKGUARD_CLANG_RESOURCE_DIR
#error "SINKGUARD_CLANG_RESOURCE_DIR must be defined by the build"
#endif
#ifndef SINKGUARD_LLVM_MAJOR
#error "SINKGUARD_LLVM_MAJOR must be defined by the build"
#endif

namespace sinkguard {

static bool hasClangHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> Probe(Dir);
  llvm::sys::path::append(Probe, "include", "stddef.h");
  return llvm::sys::fs::exists(Probe);
}

std::string resourceDirFor(const char *Argv0) {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (!Exe.empty()) {
    llvm::SmallString<256> Beside(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Beside, "lib", "clang", SINKGUARD_LLVM_MAJOR);
    if (hasClangHeaders(Beside))
      return std::string(Beside);
  }
  if (hasClangHeaders(SINKGUARD_CLANG_RESOURCE_DIR))
    return SINKGUARD_CLANG_RESOURCE_DIR;
  return {};
}

std::vector<const char *> withResourceDir(int Argc, const char **Argv,
                                          const char *Flag,
                                          const char *UserSpelling,
                                          std::vector<std::string> &Storage) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  bool UserChose = false;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef A(Argv[I]);
    if (A == "--")
      break;
    UserChose |= A.contains(UserSpelling);
  }
  if (UserChose || Argc == 0)
    return Args;
  std::string Dir = resourceDirFor(Argv[0]);
  if (Dir.empty())
    return Args;
  Storage.push_back(std::string(Flag) + Dir);
  Args.insert(Args.begin() + 1, Storage.back().c_str());
  return Args;
}

} // namespace sinkguard
