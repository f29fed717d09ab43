//===--- Link.cpp ---------------------------------------------------------===//
// Placeholder until the link phase lands: reports nothing.

#include "Link.h"
#include "Scanner.h"

namespace sinkguard::driver {

std::vector<report::Finding> linkUnits(llvm::ArrayRef<const UnitResult *>,
                                       llvm::ArrayRef<report::Finding>,
                                       LinkStats &,
                                       std::vector<std::string> &) {
  return {};
}

llvm::Error writeLinkedSummaries(llvm::ArrayRef<const UnitResult *>,
                                 llvm::StringRef) {
  return llvm::Error::success();
}

} // namespace sinkguard::driver
