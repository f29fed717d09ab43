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
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <memory>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class FunctionDecl;
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
    Helper,      ///< a function of the program assembled it
  };
  const clang::Expr *Where;
  Kind How;
  /// The function as the user wrote it ("snprintf", "operator+").
  std::string Operation;
  /// The non-constant parts this step put into the command.
  llvm::SmallVector<const clang::Expr *, 2> Parts;
  /// A step inside a helper function: shown to explain, but its parts are
  /// the helper's names, not the caller's.
  bool Inner = false;
};

struct CommandAssembly {
  /// In source order.
  llvm::SmallVector<AssemblyStep, 4> Steps;
  /// Every non-constant part, in source order, without duplicates.
  llvm::SmallVector<const clang::Expr *, 4> Parts;
};

class CommandAssemblyCache;
struct HelperAssembly;

/// Analyses the commands passed to sinks in one function body. Construct one
/// per body; the index of writes to local variables is built once.
class CommandAssemblyAnalyzer {
public:
  /// With a \p Cache, calls to functions defined in the translation unit
  /// are followed: a helper that formats a command into its out-parameter
  /// or returns a concatenation is a step of the assembly.
  CommandAssemblyAnalyzer(const model::Model &M, clang::ASTContext &Ctx,
                          const clang::Stmt *Body,
                          CommandAssemblyCache *Cache = nullptr);
  ~CommandAssemblyAnalyzer();

  /// How \p Command, as evaluated at \p Sink, was assembled. No steps means
  /// the command is constant, or was not assembled from non-constant parts.
  CommandAssembly analyze(const clang::Expr *Command, const clang::Expr *Sink);
  /// How the value of \p Value was assembled by the time \p Until is reached.
  CommandAssembly analyzeAt(const clang::Expr *Value,
                            clang::SourceLocation Until);
  /// What the function has written into \p Var (a parameter's pointee, for
  /// out-parameters) by the time \p Until is reached.
  CommandAssembly analyzeVar(const clang::VarDecl *Var,
                             clang::SourceLocation Until);

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
  bool isBefore(const clang::Stmt *A, clang::SourceLocation B) const;
  /// Adds what helper \p H puts into the value through \p Call to \p T:
  /// the caller-side parts (also returned in \p Parts), the helper's own
  /// steps and, when it assembled something, the call as a step.
  bool followHelper(const clang::CallExpr *Call, const HelperAssembly *H,
                    int OutParam, Trace &T,
                    llvm::SmallVectorImpl<const clang::Expr *> &Parts);
  CommandAssembly finish(Trace &T);

  const model::Model &M;
  clang::ASTContext &Ctx;
  CommandAssemblyCache *Cache;
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<Write, 2>> Writes;
};

/// What a helper function does with text: its assembly steps and its
/// non-constant parts (a DeclRefExpr to one of its parameters stands for
/// whatever the caller passes).
struct HelperAssembly {
  llvm::SmallVector<AssemblyStep, 4> Steps;
  llvm::SmallVector<const clang::Expr *, 4> Parts;
};

/// Per translation unit: analyzers of function bodies and helper
/// summaries, each computed once.
class CommandAssemblyCache {
public:
  CommandAssemblyCache(const model::Model &M, clang::ASTContext &Ctx);
  ~CommandAssemblyCache();

  CommandAssemblyAnalyzer &analyzerFor(const clang::FunctionDecl *FD);
  /// How \p FD assembles its return value; null while \p FD is being
  /// analysed (recursion) or when it has no body.
  const HelperAssembly *returned(const clang::FunctionDecl *FD);
  /// What \p FD writes into the object its parameter \p Param points to.
  const HelperAssembly *storedIn(const clang::FunctionDecl *FD, unsigned Param);

private:
  const model::Model &M;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::unique_ptr<CommandAssemblyAnalyzer>>
      Analyzers;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, int>,
                 std::unique_ptr<HelperAssembly>>
      Helpers;
  llvm::DenseSet<std::pair<const clang::FunctionDecl *, int>> InProgress;
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
