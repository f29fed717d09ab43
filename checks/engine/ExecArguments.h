//===--- ExecArguments.h - What an exec-style call runs ---------*- C++ -*-===//
//
// The program and argument list of an exec*/posix_spawn* call, and whether
// the program is a shell that runs one of the arguments as a command line:
// the one answer both command checks ask (the taint engine's exec sink and
// the command-assembly check).
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_EXECARGUMENTS_H
#define SINKGUARD_CHECKS_ENGINE_EXECARGUMENTS_H

#include "../model/Model.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class Stmt;
} // namespace clang

namespace sinkguard::engine {

/// The values one element of an argument list may hold: the argument
/// itself (execl), or what the vector's initialiser or the assignments to
/// that element before the call put there (execv).
using ExecElement = llvm::SmallVector<const clang::Expr *, 1>;

struct ExecArguments {
  /// The program's path or name (execl's first argument, posix_spawn's
  /// second); null when the call has none.
  const clang::Expr *Program = nullptr;
  /// The argument vector of execv and posix_spawn (null for execl and
  /// when the call has none); VectorCall says which kind of call it is.
  const clang::Expr *Vector = nullptr;
  bool VectorCall = false;
  /// argv[0], argv[1], ... up to the null that ends them; empty for a
  /// vector whose elements are not known (a parameter, a loop's stores).
  llvm::SmallVector<ExecElement, 8> Elements;
  /// Whether the program is a shell that runs the argument after -c: one
  /// named so (`/bin/sh`, `bash`, `/usr/bin/env sh`), or a program chosen
  /// at run time (the user's login shell, $SHELL) whose argv[1] is "-c",
  /// unless argv[0] names a program that is no shell.
  bool Shell = false;
  /// The element the shell runs as a command line, or -1.
  int CommandAt = -1;
  /// The element that is "--" (no options after it), or -1.
  int OptionsEnd = -1;
};

/// What the exec-style call \p Call, a sink of \p R (ExecList or
/// ExecVector), runs. \p Body, the function \p Call is in, is read for the
/// assignments to a local argument vector's elements (`argv[1] = "-c"`).
ExecArguments execArguments(const clang::CallExpr *Call, const model::Rule &R,
                            const model::Model &M, clang::ASTContext &Ctx,
                            const clang::Stmt *Body);

/// The text every value of \p Element is, when each is the same string
/// literal.
std::optional<llvm::StringRef> elementText(const ExecElement &Element);

} // namespace sinkguard::engine

#endif
