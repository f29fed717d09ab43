//===--- CodeLoadingFlags.cpp ---------------------------------------------===//

#include "CodeLoadingFlags.h"
#include "llvm/ADT/StringRef.h"

namespace sinkguard {

namespace {

/// A flag that is dropped. Its value is the next argument when
/// \p TakesValue; a joined spelling such as -Bdir or --prefix=dir is a
/// \p Prefix flag of its own.
struct DroppedFlag {
  llvm::StringLiteral Spelling;
  bool Prefix;
  bool TakesValue;
};

// -load, -plugin, -add-plugin and -plugin-arg-<name> load and run plugins;
// -fpass-plugin= loads an LLVM pass plugin; the others write a file at a
// path the command chooses (clang's ClangTool does not strip them).
constexpr DroppedFlag FrontendFlags[] = {
    {"-load", false, true},
    {"-plugin", false, true},
    {"-add-plugin", false, true},
    {"-plugin-arg-", true, true},
    {"-fpass-plugin=", true, false},
    {"-dependency-file", false, true},
    {"-header-include-file", false, true},
    {"-diagnostic-log-file", false, true},
    {"-serialize-diagnostic-file", false, true},
    {"-module-dependency-dir", false, true},
    {"-fmodules-cache-path=", true, false},
};

/// The first of \p Flags that \p Arg is; null for none.
const DroppedFlag *findFlag(llvm::ArrayRef<DroppedFlag> Flags,
                            llvm::StringRef Arg) {
  for (const DroppedFlag &F : Flags)
    if (F.Prefix ? Arg.starts_with(F.Spelling) : Arg == F.Spelling)
      return &F;
  return nullptr;
}

// -fplugin= and -fpass-plugin= load code; -B, --prefix and -ccc-install-dir
// choose the directories the driver runs helper programs from (clang runs
// amdgpu-arch or nvptx-arch for -mcpu=native on a GPU target) and reads
// configuration files from; --config names such a file, whose flags would
// bypass this list; --serialize-diagnostics and -fmodules-cache-path= write
// files.
constexpr DroppedFlag DriverFlags[] = {
    {"-fplugin=", true, false},
    {"-fplugin-arg-", true, false},
    {"-fpass-plugin=", true, false},
    {"-B", false, true},
    {"--prefix", false, true},
    {"-B", true, false},
    {"--prefix=", true, false},
    {"-ccc-install-dir", false, true},
    {"-ccc-gcc-name", false, true},
    {"-ccc-", true, false},
    {"--config", false, true},
    {"--config=", true, false},
    {"--config-system-dir=", true, false},
    {"--config-user-dir=", true, false},
    {"--serialize-diagnostics", false, true},
    {"-fmodules-cache-path=", true, false},
};

/// The argument that -Xclang at \p I passes to the front end, and how many
/// arguments it spans: "-Xclang X" or "-Xclang=X". Zero when \p I is not
/// -Xclang.
unsigned xclangArgument(llvm::ArrayRef<std::string> Args, size_t I,
                        llvm::StringRef &Passed) {
  llvm::StringRef Arg = Args[I];
  if (Arg.consume_front("-Xclang=")) {
    Passed = Arg;
    return 1;
  }
  if (Arg == "-Xclang" && I + 1 < Args.size()) {
    Passed = Args[I + 1];
    return 2;
  }
  return 0;
}

} // namespace

std::vector<std::string>
withoutCodeLoadingFlags(llvm::ArrayRef<std::string> Args,
                        std::vector<std::string> &Dropped) {
  std::vector<std::string> Kept;
  if (Args.empty())
    return Kept;
  Kept.push_back(Args.front());
  // A -cc1 command line is the front end's own: its flags come bare.
  bool Frontend = Args.size() > 1 && Args[1] == "-cc1";
  size_t I = 1;
  auto Drop = [&](size_t Count) {
    std::string Flag;
    for (size_t K = I; K < I + Count && K < Args.size(); ++K)
      Flag += (Flag.empty() ? "" : " ") + Args[K];
    Dropped.push_back(std::move(Flag));
    I += Count;
  };
  while (I < Args.size()) {
    llvm::StringRef Arg = Args[I];
    if (Frontend) {
      if (const DroppedFlag *F = findFlag(FrontendFlags, Arg)) {
        Drop(F->TakesValue ? 2 : 1);
        continue;
      }
    } else if (llvm::StringRef Passed;
               unsigned Span = xclangArgument(Args, I, Passed)) {
      const DroppedFlag *F = findFlag(FrontendFlags, Passed);
      if (!F) {
        Kept.insert(Kept.end(), Args.begin() + I, Args.begin() + I + Span);
        I += Span;
        continue;
      }
      // The value is passed with a -Xclang of its own.
      llvm::StringRef Value;
      unsigned ValueSpan = F->TakesValue && I + Span < Args.size()
                               ? xclangArgument(Args, I + Span, Value)
                               : 0;
      Drop(Span + ValueSpan);
      continue;
    } else if (const DroppedFlag *F = findFlag(DriverFlags, Arg)) {
      Drop(F->TakesValue ? 2 : 1);
      continue;
    }
    Kept.push_back(Args[I]);
    ++I;
  }
  return Kept;
}

} // namespace sinkguard
