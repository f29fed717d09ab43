//===--- CheckMetadata.h - What each sinkguard check is ---------*- C++ -*-===//
//
// Plain data about every check, read from Checks.def. Knows nothing of
// clang-tidy, so output writers (SARIF, docs) can use it without the checks.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_CHECKMETADATA_H
#define SINKGUARD_CHECKS_CHECKMETADATA_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace sinkguard {

struct CheckMetadata {
  llvm::StringRef Id;
  llvm::StringRef Summary;
  /// Comma-separated CWE numbers, e.g. "78,88".
  llvm::StringRef Cwes;
  llvm::StringRef Asvs;
  llvm::StringRef SecuritySeverity;
  llvm::StringRef Precision;
  llvm::StringRef Level;
  /// The class implementing the check, e.g. "ShellCommandConstructionCheck".
  llvm::StringRef ClassName;

  /// Path of the check's documentation relative to the source tree.
  std::string docsPath() const;

  /// The CWE numbers of Cwes, e.g. {"78", "88"}.
  llvm::SmallVector<llvm::StringRef, 2> cweList() const;
};

/// All checks, in registration (alphabetical) order.
llvm::ArrayRef<CheckMetadata> allChecks();

/// The metadata of check \p Id, or null when no such check exists.
const CheckMetadata *findCheck(llvm::StringRef Id);

} // namespace sinkguard

#endif
