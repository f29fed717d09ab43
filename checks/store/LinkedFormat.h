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
//                                            "signature": text,
//                                            "sinks": [{"kind", "param",
//                                                       "where"}...],
//                                            "toReturn": [param...],
//                                            "validates": [param...]}},
//                        "definitions": {USR: [function...]},
//                        "units": {main file: {USR: [index...]}}}],
//    "format": "sinkguard-linked", "version": LinkedFormatVersion}
//
// "functions" has the names defined once in the program; "definitions"
// each definition of a name that several programs of the database define
// (docs/whole-program.md), and "units" which of them each unit's calls
// bind to (by index; a unit that is not listed for such a name binds to
// none). A member with nothing to say is left out, and so is a function of
// "functions" with nothing to say.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_STORE_LINKEDFORMAT_H
#define SINKGUARD_CHECKS_STORE_LINKEDFORMAT_H

#include "engine/Facts.h"
#include "engine/Taint.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
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

/// One definition of a function of a configuration, by USR.
struct LinkedEntry {
  llvm::StringRef Usr;
  engine::LinkedFunction Function;
};

/// The definitions of \p Usr (indexes among its entries) that the calls of
/// the unit whose main file is \p Unit bind to, for a name with several.
struct LinkedBinding {
  llvm::StringRef Unit;
  llvm::StringRef Usr;
  llvm::SmallVector<int, 1> Definitions;
};

/// Writes the text of linked.json to a stream: each engine configuration
/// in turn, then finish().
class LinkedWriter {
public:
  explicit LinkedWriter(llvm::raw_ostream &OS);
  LinkedWriter(const LinkedWriter &) = delete;
  LinkedWriter &operator=(const LinkedWriter &) = delete;

  /// The functions of the configuration keyed \p Key, whose facts the
  /// checks \p Checks gave; \p Functions in order of USR (the definitions
  /// of a name defined several times one after the other), \p Bindings in
  /// order of unit, then USR.
  void configuration(llvm::StringRef Key, llvm::ArrayRef<std::string> Checks,
                     llvm::ArrayRef<LinkedEntry> Functions,
                     llvm::ArrayRef<LinkedBinding> Bindings);
  /// Ends the text (with a newline).
  void finish();

private:
  /// One function's members.
  void function(const engine::LinkedFunction &F);

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
