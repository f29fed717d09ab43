//===--- LineHash.h - GitHub's primaryLocationLineHash ----------*- C++ -*-===//
//
// GitHub code scanning matches results across runs by
// partialFingerprints.primaryLocationLineHash. Its upload action computes the
// value when a result lacks it, and warns when a given value differs from
// its own; an upload through the API without it yields duplicate alerts. So
// the driver computes it exactly as the action does (github/codeql-action,
// src/fingerprints.ts):
//
// The file is decoded as UTF-8 into UTF-16 code units. Spaces and tabs are
// skipped, "\r\n" and "\r" become "\n", and a rolling hash (multiplier 37,
// 64-bit wrap-around) runs over a window of the next 100 remaining units; a
// line's hash is the window starting at its first remaining unit. The end
// of the file is the unit 65535, followed by zeros. The value is the hash in
// lowercase hex, then ":" and how many times that hash has occurred so far
// in the file ("a7f2ff13bc495cf2:2").
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_LINEHASH_H
#define SINKGUARD_TOOL_REPORT_LINEHASH_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sinkguard::report {

/// The primaryLocationLineHash of every line of a file with contents
/// \p Contents; element 0 is line 1.
std::vector<std::string> computeLineHashes(llvm::StringRef Contents);

} // namespace sinkguard::report

#endif
