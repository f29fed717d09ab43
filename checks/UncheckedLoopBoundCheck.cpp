//===--- UncheckedLoopBoundCheck.cpp --------------------------------------===//

#include "UncheckedLoopBoundCheck.h"
#include "engine/Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace engine = ::sinkguard::engine;

namespace clang::tidy::sinkguard {

UncheckedLoopBoundCheck::UncheckedLoopBoundCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : RangeCheckBase(Name, Context) {}

void UncheckedLoopBoundCheck::report(const engine::SinkHit &Hit,
                                     ASTContext &Ctx) {
  if (Hit.K != engine::SinkHit::LoopBound ||
      Hit.Indexing.Problem != engine::IndexProblem::NoUpperBound ||
      reportInCallee(Hit, Ctx, "a loop bound"))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At =
      SM.getFileLoc(Hit.Arg->IgnoreParenImpCasts()->getBeginLoc());
  finding(At, "%0 '%1' %2 has no upper bound")
      << (Hit.Indexing.CountsDown ? "loop counter" : "loop bound")
      << spelledAs(Hit.Arg, Ctx, "the bound")
      << describeOrigin(*Hit.Path->Root, At, SM) << Hit.Arg->getSourceRange();
  notePath(Hit);
  noteCertainty(Hit, Ctx, At);
}

} // namespace clang::tidy::sinkguard
