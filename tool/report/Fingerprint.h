//===--- Fingerprint.h - Identify a finding across runs ---------*- C++ -*-===//
//
// Two fingerprints go into partialFingerprints:
//
// - primaryLocationLineHash, GitHub's own (LineHash.h), which code scanning
//   uses to track alerts;
// - sinkguard/v1, ours, which baselines use: a hash of the rule, the path
//   relative to the source root, the enclosing function and the code of the
//   sink and of the source (the first step of the finding's path) with all
//   whitespace removed. Line numbers are not part of it, so it survives
//   edits above the finding, reformatting, and moves within the function.
//
// Findings with equal keys in one file are told apart, like GitHub's, by an
// occurrence number in report order: "<hex>:1", "<hex>:2".
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_FINGERPRINT_H
#define SINKGUARD_TOOL_REPORT_FINGERPRINT_H

#include "Finding.h"
#include "SourceFile.h"
#include "SourceRoot.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sinkguard::report {

/// The name of the stable fingerprint in partialFingerprints.
inline constexpr llvm::StringLiteral StableFingerprintName = "sinkguard/v1";

/// \p Code without whitespace, at most 256 bytes of it.
std::string normalizeCode(llvm::StringRef Code);

/// Fills F.Function, F.SinkText and F.SourceText from the source files.
void describeForFingerprint(Finding &F, SourceCache &Sources);

/// Fills LineHash and Fingerprint of every finding; \p Findings must be in
/// report order (sortAndDeduplicate).
void assignFingerprints(std::vector<Finding> &Findings, const SourceRoot &Root,
                        SourceCache &Sources);

} // namespace sinkguard::report

#endif
