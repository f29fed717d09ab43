//===--- CheckMetadata.cpp ------------------------------------------------===//

#include "CheckMetadata.h"
#include "llvm/ADT/Twine.h"

namespace sinkguard {

static const CheckMetadata Checks[] = {
#define SINKGUARD_CHECK(Id, Class, Header, Summary, Cwes, Asvs, Severity,      \
                        Precision, Level, Engine)                              \
  {Id,    Summary,  Cwes,                                                      \
   Asvs,  Severity, Precision,                                                 \
   Level, #Class,   CheckEngine::Engine},
#include "Checks.def"
};

std::string CheckMetadata::docsPath() const {
  return (llvm::Twine("docs/checks/") + Id + ".md").str();
}

llvm::SmallVector<llvm::StringRef, 2> CheckMetadata::cweList() const {
  llvm::SmallVector<llvm::StringRef, 2> Parts;
  Cwes.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef &P : Parts)
    P = P.trim();
  return Parts;
}

llvm::ArrayRef<CheckMetadata> allChecks() { return Checks; }

const CheckMetadata *findCheck(llvm::StringRef Id) {
  for (const CheckMetadata &C : Checks)
    if (C.Id == Id)
      return &C;
  return nullptr;
}

} // namespace sinkguard
