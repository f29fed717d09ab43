//===--- FunctionNames.h - The function a place of the code is in -*- C++ -*-//
//
// Reports name the function a finding is in: the stable fingerprint hashes
// the name, so that a finding survives edits elsewhere in its file, and
// SARIF's logicalLocations show it. Hosts ask here, while the unit's AST
// exists, and keep the name with the finding: the driver for every
// diagnostic of a unit, the checks for the findings they leave to the link
// phase (the facts).
//
// The function of a place is the outermost function whose body contains
// it: code in a lambda, a block or a method of a local class is in the
// function it is written in. It is named by the namespaces and classes its
// definition is written in and the qualifier written before its name
// ("ns::Widget::method" for `void Widget::method()` inside `namespace ns`),
// each by its identifier alone: no template arguments, no parameters, an
// anonymous namespace as "(anonymous namespace)", an unnamed class left
// out, constructors and destructors by their class ("Widget",
// "~Widget"), operators as spelled ("operator==", "operator()", a
// conversion with its type as written: "operator bool"); an Objective-C
// method as "-[Class selector]". A friend defined in a class is named in
// that class, where it is written. A body is the range of its braces as
// expanded in its file: a function that a macro defines covers the macro's
// invocation. Code outside every body has no function: file- and
// class-scope initializers (also lambdas in them), a constructor's
// initializer list, default arguments.
//
// The name is the one the driver's earlier lexical scan of the file gave
// for the functions it understood, so fingerprints carried over; it now
// also names what that scan could not read (K&R definitions, the compiled
// branch of an #else, functions written by macros, functions that return
// function pointers, catch handlers of a function-try block).
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_FUNCTIONNAMES_H
#define SINKGUARD_CHECKS_ENGINE_FUNCTIONNAMES_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class SourceManager;
} // namespace clang

namespace sinkguard::engine {

/// The body of a function in one file, as byte offsets.
struct FunctionBody {
  unsigned Begin = 0; ///< The opening brace (or the macro that writes it).
  unsigned End = 0;   ///< One past the closing brace.
  std::string Name;
};

/// Sorts \p Bodies by their beginning and keeps, of bodies that overlap
/// (several functions written by one macro invocation, or one file parsed
/// twice), the first (the longest, of equal ones the first by name).
void normalizeBodies(std::vector<FunctionBody> &Bodies);

/// The body in \p Bodies (normalized) that contains byte \p Offset; null
/// outside every body.
const FunctionBody *bodyAt(llvm::ArrayRef<FunctionBody> Bodies,
                           unsigned Offset);

/// The name of function or Objective-C method \p D, as above; empty for
/// any other declaration.
std::string functionName(const clang::Decl &D);

/// The outermost function bodies of a translation unit, by file.
class FunctionBodies {
public:
  explicit FunctionBodies(const clang::ASTContext &Ctx);

  /// The name of the function whose body contains \p Loc (its expansion);
  /// empty outside every function.
  llvm::StringRef nameAt(clang::SourceLocation Loc) const;

  /// The bodies of each file, normalized.
  const llvm::DenseMap<clang::FileID, std::vector<FunctionBody>> &
  files() const {
    return Files;
  }

private:
  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::vector<FunctionBody>> Files;
};

} // namespace sinkguard::engine

#endif
