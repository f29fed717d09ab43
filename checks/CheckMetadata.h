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
#include <cstdint>
#include <string>

namespace sinkguard {

/// Which analysis a check reads: the Engine column of Checks.def.
enum class CheckEngine : std::uint8_t {
  /// AST matchers of its own.
  Matchers,
  /// How a command string is put together (engine/CommandAssembly).
  Assembly,
  /// The taint engine.
  Taint,
  /// The taint engine with integer ranges: while any such check is enabled,
  /// the engine the taint checks share tracks ranges.
  Range,
};

/// How a note that says a finding is less certain begins: the path relies
/// on something weak (a buffer whose size is not known, a value the system
/// fills in). Reports give such findings a lower rank (docs/index.md).
inline constexpr llvm::StringLiteral LessCertainNote = "less certain: ";

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
  CheckEngine Engine;

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
