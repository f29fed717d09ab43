//===--- LinkedFormat.h - The text of linked.json ---------------*- C++ -*-===//
//
// What the link phase of a whole-program scan resolved about each function
// (engine::LinkedFunction), as the summary store keeps it for the hosts that
// check one file at a time (clang-tidy, sinkguard-tidy, clangd): the driver
// writes it, the checks read it. Its shape, its version, the writer and the
// reader are all here, so the two sides cannot drift apart:
//
//   {"configurations": [{"checks": [check id...],
//                        "configuration": engine configuration key,
//                        "functions": {USR: {"returnsSource": text,
//                                            "sinks": [{"kind", "param",
//                                                       "where"}...],
//                                            "toReturn": [param...],
//                                            "validates": [param...]}}}],
//    "format": "sinkguard-linked", "version": LinkedFormatVersion}
//
// A member with nothing to say is left out, and so is a function with
// nothing to say.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_STORE_LINKEDFORMAT_H
#define SINKGUARD_CHECKS_STORE_LINKEDFORMAT_H

#include "engine/Facts.h"
#include "engine/Taint.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>

namespace sinkguard::store {

/// The version of linked.json's format; a store with another is ignored.
/// The summaries are made from the units' facts and carry the engine's sink
/// kinds, so they change when the facts' format does.
constexpr int LinkedFormatVersion = engine::FactsFormatVersion;

/// The summary store's directory in a build directory, where a scan keeps
/// it by default and where the per-file hosts look for it.
constexpr llvm::StringLiteral StoreDirectoryName = ".sinkguard-cache";
/// The file of the linked summaries in the store's directory.
constexpr llvm::StringLiteral LinkedFileName = "linked.json";

/// One function of a configuration, by USR.
struct LinkedEntry {
  llvm::StringRef Usr;
  engine::LinkedFunction Function;
};

/// Writes the text of linked.json to a stream: each engine configuration
/// in turn, then finish().
class LinkedWriter {
public:
  explicit LinkedWriter(llvm::raw_ostream &OS);
  LinkedWriter(const LinkedWriter &) = delete;
  LinkedWriter &operator=(const LinkedWriter &) = delete;

  /// The functions of the configuration keyed \p Key, whose facts the
  /// checks \p Checks gave; \p Functions in order of USR.
  void configuration(llvm::StringRef Key, llvm::ArrayRef<std::string> Checks,
                     llvm::ArrayRef<LinkedEntry> Functions);
  /// Ends the text (with a newline).
  void finish();

private:
  llvm::raw_ostream &OS;
  llvm::json::OStream J;
};

/// The linked summaries of the configuration keyed \p Key (or, when the
/// scan had no such configuration, of its largest one) in \p Text, the
/// content of a linked.json; null when the text cannot be used: then
/// \p Problem says why. A sink whose kind the hosts do not judge from a
/// summary (a conversion, or a kind the engine does not have) is left out.
std::shared_ptr<const engine::LinkedProgram>
parseLinkedProgram(llvm::StringRef Text, llvm::StringRef Key,
                   std::string &Problem);

} // namespace sinkguard::store

#endif // SINKGUARD_CHECKS_STORE_LINKEDFORMAT_H
