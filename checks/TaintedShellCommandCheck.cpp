//===--- TaintedShellCommandCheck.cpp -------------------------------------===//

#include "TaintedShellCommandCheck.h"
#include "engine/Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace engine = ::sinkguard::engine;

namespace clang::tidy::sinkguard {

TaintedShellCommandCheck::TaintedShellCommandCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : TaintCheckBase(Name, Context),
      ReportArgumentInjection(Options.get("ReportArgumentInjection", true)) {}

void TaintedShellCommandCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TaintCheckBase::storeOptions(Opts);
  Options.store(Opts, "ReportArgumentInjection", ReportArgumentInjection);
}

void TaintedShellCommandCheck::configure(engine::TaintOptions &Opts) const {
  Opts.ReportExecArguments = ReportArgumentInjection;
}

void TaintedShellCommandCheck::report(const engine::SinkHit &Hit,
                                      ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef What;
  switch (Hit.K) {
  case engine::SinkHit::ShellCommand:
    What = "command passed to '%0' contains %1";
    break;
  case engine::SinkHit::ExecProgram:
    What = "program path passed to '%0' contains %1";
    break;
  case engine::SinkHit::ExecArgument:
    What = "argument passed to '%0' contains %1; it can add options or "
           "operands to the command (argument injection)";
    break;
  case engine::SinkHit::Index:
  case engine::SinkHit::Offset:
  case engine::SinkHit::Size:
  case engine::SinkHit::LoopBound:
  case engine::SinkHit::Conversion:
  case engine::SinkHit::ExternalArg:
    // The range checks' findings; this check does not ask for them.
    return;
  }
  SourceLocation At = Hit.Call->getBeginLoc();
  finding(At, What) << Hit.Sink->getName()
                    << "data " + describeOrigin(*Hit.Path->Root, At, SM)
                    << Hit.Arg->getSourceRange();
  notePath(Hit);
}

} // namespace clang::tidy::sinkguard
