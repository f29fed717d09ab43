//===--- UncheckedSizeCheck.cpp -------------------------------------------===//

#include "UncheckedSizeCheck.h"
#include "engine/Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace engine = ::sinkguard::engine;

namespace clang::tidy::sinkguard {

UncheckedSizeCheck::UncheckedSizeCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : RangeCheckBase(Name, Context) {}

/// "multiplication" when \p Size is `n * sizeof(T)`, `n << 4`; "addition"
/// for `n + 1`; empty otherwise.
static StringRef arithmeticOf(const Expr *Size) {
  const auto *BO = dyn_cast<BinaryOperator>(Size->IgnoreParenImpCasts());
  if (!BO)
    return {};
  switch (BO->getOpcode()) {
  case BO_Mul:
  case BO_Shl:
    return "multiplication";
  case BO_Add:
    return "addition";
  default:
    return {};
  }
}

void UncheckedSizeCheck::report(const engine::SinkHit &Hit, ASTContext &Ctx) {
  if (Hit.K != engine::SinkHit::Size || reportInCallee(Hit, Ctx, "a size"))
    return;
  const engine::IndexUse &U = Hit.Indexing;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At =
      SM.getFileLoc(Hit.Arg->IgnoreParenImpCasts()->getBeginLoc());
  // What the value sizes: a length bounded by a buffer, an allocation.
  std::string Role = U.Base ? "length '" : "size '";
  std::string Where;
  if (std::string Callee = engine::sinkName(Hit); !Callee.empty())
    Where = " passed to '" + Callee + "'";
  else if (isa<CXXNewExpr>(U.Use))
    Where = " of 'new[]'";
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(U.Use)) {
    Where = " of a '" +
            CE->getType().getUnqualifiedType().getAsString(
                Ctx.getPrintingPolicy()) +
            "'";
  } else {
    Where = " of a variable-length array";
  }
  std::string Subject = Role + spelledAs(Hit.Arg, Ctx, "the size") + "' " +
                        describeOrigin(*Hit.Path->Root, At, SM) + Where;
  switch (U.Problem) {
  case engine::IndexProblem::None:
    return;
  case engine::IndexProblem::NoUpperBound: {
    StringRef Arith = arithmeticOf(Hit.Arg);
    if (Arith.empty())
      finding(At, "%0 has no upper bound")
          << Subject << Hit.Arg->getSourceRange();
    else
      finding(At, "%0 has no upper bound; the %1 may overflow")
          << Subject << Arith << Hit.Arg->getSourceRange();
    break;
  }
  case engine::IndexProblem::NoLowerBound:
    finding(At, "%0 is signed and has no lower bound; a negative value becomes "
                "a huge size")
        << Subject << Hit.Arg->getSourceRange();
    break;
  case engine::IndexProblem::ExceedsExtent:
    // fread counts elements of its size argument; the others count bytes.
    finding(At, "%0 can be up to %1 but '%2' has %3 %4")
        << Subject << std::to_string(U.Range.Hi.value_or(0))
        << spelledAs(U.Base, Ctx, "the buffer")
        << std::to_string(U.Extent.value_or(0))
        << (Hit.Sink && Hit.Sink->getName() == "fread" ? "elements" : "bytes")
        << Hit.Arg->getSourceRange();
    break;
  case engine::IndexProblem::OtherContainer:
    finding(At, "%0 is checked against the size of another object than '%1'")
        << Subject << spelledAs(U.Base, Ctx, "the buffer")
        << Hit.Arg->getSourceRange();
    break;
  }
  notePath(Hit);
  noteCertainty(Hit, Ctx, At);
}

} // namespace clang::tidy::sinkguard
