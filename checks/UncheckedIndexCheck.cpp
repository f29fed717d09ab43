//===--- UncheckedIndexCheck.cpp ------------------------------------------===//

#include "UncheckedIndexCheck.h"
#include "engine/Taint.h"
#include "clang/AST/ASTContext.h"

namespace engine = ::sinkguard::engine;

namespace clang::tidy::sinkguard {

UncheckedIndexCheck::UncheckedIndexCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : RangeCheckBase(Name, Context),
      ReportPointerOffsets(Options.get("ReportPointerOffsets", true)) {}

void UncheckedIndexCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  RangeCheckBase::storeOptions(Opts);
  Options.store(Opts, "ReportPointerOffsets", ReportPointerOffsets);
}

void UncheckedIndexCheck::report(const engine::SinkHit &Hit, ASTContext &Ctx) {
  if (Hit.K != engine::SinkHit::Index && Hit.K != engine::SinkHit::Offset)
    return;
  bool Offset = Hit.K == engine::SinkHit::Offset;
  if (Offset && !ReportPointerOffsets)
    return;
  if (reportInCallee(Hit, Ctx, Offset ? "a pointer offset" : "an index"))
    return;
  const engine::IndexUse &U = Hit.Indexing;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = Ctx.getSourceManager().getFileLoc(
      Hit.Arg->IgnoreParenImpCasts()->getBeginLoc());
  std::string Subject = (Offset ? "offset '" : "index '") +
                        spelledAs(Hit.Arg, Ctx, "the index") + "' " +
                        describeOrigin(*Hit.Path->Root, At, SM);
  std::string Container = spelledAs(U.Base, Ctx, "the array");
  switch (U.Problem) {
  case engine::IndexProblem::None:
    return;
  case engine::IndexProblem::NoUpperBound:
    finding(At, "%0 has no upper bound")
        << Subject << Hit.Arg->getSourceRange();
    break;
  case engine::IndexProblem::NoLowerBound:
    finding(At, "%0 is signed and has no lower bound")
        << Subject << Hit.Arg->getSourceRange();
    break;
  case engine::IndexProblem::ExceedsExtent:
    // The largest value it may have: a check against a larger bound, or
    // arithmetic after the check (`n += 5`), both say so.
    finding(At, "%0 may be %1, past the end of '%2' (%3 elements)")
        << Subject << std::to_string(U.Range.Hi.value_or(0)) << Container
        << std::to_string(U.Extent.value_or(0)) << Hit.Arg->getSourceRange();
    break;
  case engine::IndexProblem::OtherContainer:
    finding(At, "%0 is checked against the size of another object than '%1'")
        << Subject << Container << Hit.Arg->getSourceRange();
    break;
  }
  notePath(Hit);
  noteCertainty(Hit, Ctx, At);
}

} // namespace clang::tidy::sinkguard
