//===--- StoreFuzzer.cpp - Arbitrary summary stores -----------------------===//
//
// libFuzzer target: the readers of the summary store, which every host
// reads from the build directory, where a hostile tree can plant one
// (docs/security.md). The first byte chooses the reader, the rest is the
// file: 0, a unit's encoded facts through the link (store/FactsCodec.h,
// Link.h), as twice the same unit; 1, a store entry (units/<hash>.json); 2, a
// scan manifest (scan-K-of-N.json); 3, linked.json as clang-tidy and clangd
// load it (store/SummaryLoading.h). Each is read, or refused with a message;
// none may crash or hang.
//
//===----------------------------------------------------------------------===//

#include "Link.h"
#include "Store.h"
#include "store/SummaryLoading.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>

using namespace sinkguard::driver;

namespace {

/// A file of this process's own for the readers that take a path.
const std::string &scratchFile() {
  static const std::string Path = [] {
    llvm::SmallString<128> P;
    if (llvm::sys::fs::createTemporaryFile("sinkguard-fuzz-store", "json", P))
      abort();
    return std::string(P);
  }();
  return Path;
}

void writeScratch(llvm::StringRef Bytes) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(scratchFile(), EC);
  if (EC)
    abort();
  OS << Bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  switch (Data[0] % 4) {
  case 0: {
    UnitResult A;
    A.File = "/src/a.c";
    A.Facts = Bytes.str();
    UnitResult B = A;
    B.File = "/src/b.c";
    LinkStats Stats;
    std::vector<std::string> Problems;
    std::string Linked;
    std::vector<const UnitResult *> Units{&A, &B};
    (void)linkUnits(Units, {}, Stats, Problems, &Linked);
    break;
  }
  case 1: {
    writeScratch(Bytes);
    llvm::Expected<StoredUnit> U = loadEntry(scratchFile());
    if (!U)
      llvm::consumeError(U.takeError());
    break;
  }
  case 2: {
    writeScratch(Bytes);
    llvm::Expected<Manifest> M = readManifest(scratchFile());
    if (!M)
      llvm::consumeError(M.takeError());
    break;
  }
  case 3: {
    writeScratch(Bytes);
    std::string Problem;
    (void)sinkguard::store::loadLinkedProgram(scratchFile(), "fuzz",
                                              /*MustExist=*/true, Problem);
    break;
  }
  }
  return 0;
}
