//===--- CheckMetadata.cpp ------------------------------------------------===//

#include "CheckMetadata.h"
#include "llvm/ADT/Twine.h"

namespace sinkguard {

static const CheckMetadata Checks[] = {
#define SINKGUARD_CHECK(Id, Class, Header, Summary, Cwes, Asvs, Severity,      \
                        Precision, Level)                                      \
  {Id, Summary, Cwes, Asvs, Severity, Precision, Level},
#include "Checks.def"
};

std::string CheckMetadata::docsPath() const {
  return (llvm::Twine("docs/checks/") + Id + ".md").str();
}

llvm::ArrayRef<CheckMetadata> allChecks() { return Checks; }

const CheckMetadata *findCheck(llvm::StringRef Id) {
  for (const CheckMetadata &C : Checks)
    if (C.Id == Id)
      return &C;
  return nullptr;
}

} // namespace sinkguard
