//===--- Fingerprint.cpp --------------------------------------------------===//

#include "Fingerprint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA256.h"

namespace sinkguard::report {

std::string normalizeCode(llvm::StringRef Code) {
  const size_t MaxBytes = 256;
  std::string Out;
  for (char C : Code) {
    if (llvm::isSpace(C))
      continue;
    if (Out.size() == MaxBytes)
      break;
    Out += C;
  }
  return Out;
}

/// The code in \p L, normalised; empty when the file cannot be read.
static std::string codeAt(const Location &L, SourceCache &Sources) {
  if (!L.valid())
    return {};
  const SourceFile *File = Sources.get(L.File);
  if (!File)
    return {};
  unsigned Begin = File->offset(L.Start.Line, L.Start.Column);
  unsigned End = File->offset(L.End.Line, L.End.Column);
  if (End < Begin)
    End = Begin;
  return normalizeCode(File->text().slice(Begin, End));
}

void describeForFingerprint(Finding &F, SourceCache &Sources) {
  F.SinkText = codeAt(F.Where, Sources);
  F.SourceText.clear();
  for (const Note &N : F.Notes) {
    if (!N.Where.valid())
      continue;
    F.SourceText = codeAt(N.Where, Sources);
    break;
  }
  F.LineHash.clear();
  if (!F.Where.valid())
    return;
  if (const SourceFile *File = Sources.get(F.Where.File))
    F.LineHash = File->lineHash(F.Where.Start.Line).str();
}

static std::string stableKey(const Finding &F, const SourceRoot &Root) {
  const uint8_t Separator = 0;
  const std::string Path = Root.display(F.Where.File);
  llvm::SHA256 Hash;
  for (llvm::StringRef Part :
       {llvm::StringRef("v1"), llvm::StringRef(F.RuleId), llvm::StringRef(Path),
        llvm::StringRef(F.Function), llvm::StringRef(F.SinkText),
        llvm::StringRef(F.SourceText)}) {
    Hash.update(Part);
    // A byte that cannot occur in any part keeps them apart.
    Hash.update(llvm::ArrayRef<uint8_t>(Separator));
  }
  std::array<uint8_t, 32> Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(16),
                     /*LowerCase=*/true);
}

void assignFingerprints(std::vector<Finding> &Findings,
                        const SourceRoot &Root) {
  llvm::StringMap<unsigned> Occurrences;
  for (Finding &F : Findings) {
    std::string Key = stableKey(F, Root);
    F.Fingerprint = Key + ":" + std::to_string(++Occurrences[Key]);
  }
}

} // namespace sinkguard::report
