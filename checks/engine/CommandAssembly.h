//===--- CommandAssembly.h - How a command string was put together -*- C++ -*-//
//
// Given the command argument of a shell sink, finds the places in the
// enclosing function where non-constant text was written or concatenated
// into that command: formatting into a buffer, C-string copies and
// concatenation, std::string concatenation. Constant text (literals,
// constants, integers formatted with %d) does not count.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_COMMANDASSEMBLY_H
#define SINKGUARD_CHECKS_ENGINE_COMMANDASSEMBLY_H

#include "../model/Model.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace sinkguard::engine {

/// One place where non-constant text entered the command.
struct AssemblyStep {
  enum Kind : std::uint8_t {
    Copy,        ///< strcpy and friends copied text into the buffer
    Format,      ///< a printf-style call formatted text into the buffer
    Append,      ///< strcat, append, += added text
    Concatenate, ///< operator+ joined strings
  };
  const clang::Expr *Where;
  Kind How;
  /// The function as the user wrote it ("snprintf", "operator+").
  std::string Operation;
  /// The non-constant parts this step put into the command.
  llvm::SmallVector<const clang::Expr *, 2> Parts;
};

struct CommandAssembly {
  /// In source order.
  llvm::SmallVector<AssemblyStep, 4> Steps;
  /// Every non-constant part, in source order, without duplicates.
  llvm::SmallVector<const clang::Expr *, 4> Parts;
};

/// Analyses the commands passed to sinks in one function body. Construct one
/// per body; the index of writes to local variables is built once.
class CommandAssemblyAnalyzer {
public:
  CommandAssemblyAnalyzer(const model::Model &M, clang::ASTContext &Ctx,
                          const clang::Stmt *Body);
  ~CommandAssemblyAnalyzer();

  /// How \p Command, as evaluated at \p Sink, was assembled. No steps means
  /// the command is constant, or was not assembled in this function.
  CommandAssembly analyze(const clang::Expr *Command, const clang::Expr *Sink);

private:
  struct Write;
  struct Trace;
  void indexWrites(const clang::Stmt *S);
  void addCallWrites(const clang::CallExpr *Call);
  void trace(const clang::Expr *E, Trace &T);
  void traceVar(const clang::VarDecl *VD, const clang::Expr *Use, Trace &T);
  void traceCallInputs(const clang::CallExpr *Call, const model::Rule &R,
                       Trace &T,
                       llvm::SmallVectorImpl<const clang::Expr *> &Parts);
  bool isBefore(const clang::Stmt *A, const clang::Stmt *B) const;

  const model::Model &M;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<Write, 2>> Writes;
};

/// The expression in \p Call that rule position \p Pos refers to (an
/// argument, or the implicit object for model::ThisObject); null when the
/// call has no such argument.
const clang::Expr *ruleArg(const clang::CallExpr *Call, int Pos);

/// The variable a buffer or object argument denotes: `buf`, `&buf[1]`,
/// `buf + n`, `s` in `s.append(x)`. Null for anything else.
const clang::VarDecl *baseVariable(const clang::Expr *E);

} // namespace sinkguard::engine

#endif
