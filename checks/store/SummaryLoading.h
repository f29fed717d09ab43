//===--- SummaryLoading.h - Finding and reading a store ---------*- C++ -*-===//
//
// The linked summaries a host that checks one file at a time (clang-tidy,
// sinkguard-tidy, clangd) gives its engine: those of the summary store named
// in the checks' SummaryStore option or, without one, of the store a scan
// left next to the file's compile database; read once per file version,
// however many units and threads ask.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_STORE_SUMMARYLOADING_H
#define SINKGUARD_CHECKS_STORE_SUMMARYLOADING_H

#include "engine/Taint.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace sinkguard::store {

/// The linked summaries (linked.json) of the summary store a scan left in
/// \p BuildDirectory, or next to the compile database of \p MainFile (an
/// absolute path) as clangd finds one: in the file's directory or a parent,
/// or in their build/ subdirectory. Empty when there is none.
std::string discoverSummaryStore(llvm::StringRef BuildDirectory,
                                 llvm::StringRef MainFile);

/// The linked summaries in \p Path (a linked.json) for the engine
/// configuration \p Key, read once per file version; null when there is no
/// file, or it cannot be used: then \p Problem says why (a missing file only
/// when \p MustExist).
std::shared_ptr<const engine::LinkedProgram>
loadLinkedProgram(llvm::StringRef Path, llvm::StringRef Key, bool MustExist,
                  std::string &Problem);

} // namespace sinkguard::store

#endif // SINKGUARD_CHECKS_STORE_SUMMARYLOADING_H
