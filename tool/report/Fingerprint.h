//===--- Fingerprint.h - Identify a finding across runs ---------*- C++ -*-===//
//
// Two fingerprints go into partialFingerprints:
//
// - primaryLocationLineHash, GitHub's own (LineHash.h), which code scanning
//   uses to track alerts;
// - sinkguard/v1, ours, which baselines use: a hash of the rule, the path
//   relative to the source root, the enclosing function (Finding::Function,
//   which the parse names: engine/FunctionNames.h) and the code of the sink
//   and of the source (the first step of the finding's path) with all
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

/// Fills what the fingerprints need from the source files: F.SinkText,
/// F.SourceText, and F.LineHash (which depends on the file alone). Done
/// when the record is made, by the thread that made it.
void describeForFingerprint(Finding &F, SourceCache &Sources);

/// Fills the stable Fingerprint of every finding; \p Findings must be in
/// report order (orderFindings), which numbers equal keys.
void assignFingerprints(std::vector<Finding> &Findings, const SourceRoot &Root);

} // namespace sinkguard::report

#endif
