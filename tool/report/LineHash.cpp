//===--- LineHash.cpp -----------------------------------------------------===//

#include "LineHash.h"
#include "Utf8.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <cstdint>

namespace sinkguard::report {

namespace {

constexpr unsigned BlockSize = 100;
constexpr std::uint64_t Mod = 37;
constexpr std::uint32_t EndOfFile = 65535;
constexpr std::uint32_t Tab = '\t';
constexpr std::uint32_t Space = ' ';
constexpr std::uint32_t LineFeed = '\n';
constexpr std::uint32_t CarriageReturn = '\r';

/// Mod to the power BlockSize: the weight of the unit leaving the window.
std::uint64_t firstMod() {
  std::uint64_t Result = 1;
  for (unsigned I = 0; I < BlockSize; ++I)
    Result *= Mod;
  return Result;
}

/// The state machine of fingerprints.ts's hash(), fed one UTF-16 unit at a
/// time. Unsigned arithmetic wraps as the action's 64-bit Long does.
class RollingLineHasher {
public:
  explicit RollingLineHasher(std::vector<std::string> &Out) : Out(Out) {
    Window.fill(0);
    LineNumbers.fill(-1);
  }

  void process(std::uint32_t Current) {
    if (Current == Space || Current == Tab ||
        (PrevCarriageReturn && Current == LineFeed)) {
      PrevCarriageReturn = false;
      return;
    }
    if (Current == CarriageReturn) {
      Current = LineFeed;
      PrevCarriageReturn = true;
    } else {
      PrevCarriageReturn = false;
    }
    if (LineNumbers[Index] != -1)
      output();
    if (LineStart) {
      LineStart = false;
      ++LineNumber;
      LineNumbers[Index] = LineNumber;
    }
    if (Current == LineFeed)
      LineStart = true;
    update(Current);
  }

  void finish() {
    process(EndOfFile);
    for (unsigned I = 0; I < BlockSize; ++I) {
      if (LineNumbers[Index] != -1)
        output();
      update(0);
    }
  }

private:
  void update(std::uint32_t Current) {
    std::uint32_t Begin = Window[Index];
    Window[Index] = Current;
    Hash = Mod * Hash + Current - FirstMod * Begin;
    Index = (Index + 1) % BlockSize;
  }

  void output() {
    std::string Value = llvm::utohexstr(Hash, /*LowerCase=*/true);
    unsigned Count = ++Counts[Value];
    size_t Line = static_cast<size_t>(LineNumbers[Index]);
    if (Out.size() < Line)
      Out.resize(Line);
    Out[Line - 1] = Value + ":" + std::to_string(Count);
    LineNumbers[Index] = -1;
  }

  std::vector<std::string> &Out;
  std::array<std::uint32_t, BlockSize> Window{};
  std::array<long, BlockSize> LineNumbers{};
  llvm::StringMap<unsigned> Counts;
  const std::uint64_t FirstMod = firstMod();
  std::uint64_t Hash = 0;
  unsigned Index = 0;
  long LineNumber = 0;
  bool LineStart = true;
  bool PrevCarriageReturn = false;
};

} // namespace

std::vector<std::string> computeLineHashes(llvm::StringRef Contents) {
  std::vector<std::string> Hashes;
  RollingLineHasher Hasher(Hashes);
  decodeUtf8ToUtf16(Contents,
                    [&](std::uint16_t Unit) { Hasher.process(Unit); });
  Hasher.finish();
  return Hashes;
}

} // namespace sinkguard::report
