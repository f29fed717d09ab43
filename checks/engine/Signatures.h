//===--- Signatures.h - Which definition a call can bind to -----*- C++ -*-===//
//
// A program's units name a function by USR, and a C function's USR is its
// name alone: the daemon's `fatal(const char *, ...)` and its client's
// `fatal(int, const char *, ...)` have the same one. The link (and a host
// that reads what it linked) binds a call only to a definition whose
// parameters take what the call passes, as the signatures below say.
//
// A signature is text, the same from every unit and language: its return
// type, then each parameter, separated by ';', each written as a class (v
// void, i integer, bool, character or enumeration, f floating, p pointer,
// array, reference or function, s struct, class or union, o anything
// else) followed by the type's spelling without qualifiers or typedefs
// (`const char *` is "pchar*", `conn_t *` "pconn*", `size_t` "iunsigned
// long"); then "..." when it is variadic: "vvoid;pchar*;..." is
// `void fatal(const char *fmt, ...)`. A leading '?' marks a function
// without a prototype: a K&R definition (its parameters are those it
// declares), or a call through a declaration without one (its parameters
// are the arguments' types, promoted).
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_SIGNATURES_H
#define SINKGUARD_CHECKS_ENGINE_SIGNATURES_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class FunctionDecl;
} // namespace clang

namespace sinkguard::engine {

/// The signature of \p FD as this unit declares (or defines) it.
std::string signatureOf(const clang::FunctionDecl *FD);

/// The signature \p Call is made through: the function's declaration as
/// this unit has it, the type of the field holding the function pointer
/// (\p Target a FieldDecl), or, without a prototype, the arguments.
std::string callSignature(const clang::CallExpr *Call,
                          const clang::Decl *Target);

/// How well a call made through \p Call fits definition \p Definition.
enum class Fit : std::uint8_t {
  /// Another count of parameters, a parameter or the result of another
  /// class (an integer where a pointer is expected), or variadic on one
  /// side only: never bound.
  None,
  /// The same count and the same class of each, the types differing
  /// (`struct a *` and `void *`): bound when no definition fits exactly.
  Compatible,
  /// The same types.
  Exact
};
Fit signatureFit(llvm::StringRef Call, llvm::StringRef Definition);

} // namespace sinkguard::engine

#endif // SINKGUARD_CHECKS_ENGINE_SIGNATURES_H
