//===--- TaintedShellCommandCheck.cpp -------------------------------------===//

#include "TaintedShellCommandCheck.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "engine/Taint.h"
#include "model/ModelLoading.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang::ast_matchers;
namespace engine = ::sinkguard::engine;
namespace model = ::sinkguard::model;

namespace clang::tidy::sinkguard {

namespace {

std::optional<model::SourceKind> sourceKindNamed(StringRef Name) {
  return llvm::StringSwitch<std::optional<model::SourceKind>>(Name.trim())
      .Case("command-line", model::SourceKind::CommandLine)
      .Case("environment", model::SourceKind::Environment)
      .Case("stdin", model::SourceKind::Stdin)
      .Case("file", model::SourceKind::File)
      .Case("network", model::SourceKind::Network)
      .Default(std::nullopt);
}

/// "data read by 'fgets' at line 12", "data from 'argv' at line 3"; the
/// file is named when it is not the sink's.
std::string describeOrigin(const engine::Origin &O, SourceLocation SinkLoc,
                           const SourceManager &SM) {
  std::string Text =
      O.ByCall ? "data read by '" + O.What + "'" : "data from '" + O.What + "'";
  SourceLocation Loc = SM.getExpansionLoc(O.Loc);
  if (Loc.isInvalid())
    return Text;
  PresumedLoc P = SM.getPresumedLoc(Loc);
  if (P.isInvalid())
    return Text;
  SourceLocation Sink = SM.getExpansionLoc(SinkLoc);
  if (SM.getFileID(Loc) == SM.getFileID(Sink))
    return Text + " at line " + std::to_string(P.getLine());
  return Text + " at " + llvm::sys::path::filename(P.getFilename()).str() +
         ":" + std::to_string(P.getLine());
}

} // namespace

TaintedShellCommandCheck::TaintedShellCommandCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      TrustedSources(Options.get("TrustedSources", "")),
      ReportArgumentInjection(Options.get("ReportArgumentInjection", true)),
      ModelFile(Options.get("ModelFile", "")) {
  for (StringRef Item : utils::options::parseStringList(TrustedSources)) {
    if (Item.trim().empty())
      continue;
    if (std::optional<model::SourceKind> K = sourceKindNamed(Item))
      Trusted.push_back(*K);
    else
      configurationDiag("invalid value '%0' in %1.TrustedSources; expected "
                        "command-line, environment, stdin, file or network")
          << Item.trim() << Name;
  }
}

TaintedShellCommandCheck::~TaintedShellCommandCheck() = default;

void TaintedShellCommandCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TrustedSources", TrustedSources);
  Options.store(Opts, "ReportArgumentInjection", ReportArgumentInjection);
  Options.store(Opts, "ModelFile", ModelFile);
}

void TaintedShellCommandCheck::registerMatchers(MatchFinder *Finder) {
  // Every function definition outside system headers; callees are
  // summarised on demand.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("fn"),
                     this);
}

void TaintedShellCommandCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Fn || Fn->isDependentContext() || Fn->isInvalidDecl())
    return;
  ASTContext &Ctx = *Result.Context;
  if (!Engine || EngineContext != &Ctx) {
    engine::TaintOptions Opts;
    Opts.Trusted = Trusted;
    Opts.ReportExecArguments = ReportArgumentInjection;
    Engine.reset();
    TUModel = ::sinkguard::modelForTranslationUnit(
        ModelFile, Ctx.getSourceManager(), [&](StringRef Problem) {
          if (ReportedModelErrors.insert(Problem).second)
            configurationDiag("model file ignored: %0") << Problem;
        });
    Engine = std::make_unique<engine::TaintEngine>(*TUModel, Ctx, Opts);
    EngineContext = &Ctx;
  }
  for (const engine::SinkHit &Hit : Engine->analyze(Fn))
    report(Hit, Ctx);
}

void TaintedShellCommandCheck::onEndOfTranslationUnit() {
  Engine.reset();
  TUModel.reset();
  EngineContext = nullptr;
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
  }
  SourceLocation At = Hit.Call->getBeginLoc();
  diag(At, What) << Hit.Sink->getName()
                 << describeOrigin(*Hit.Path->Root, At, SM)
                 << Hit.Arg->getSourceRange();
  for (const engine::Step *S : engine::pathTo(Hit.Path))
    if (S->Loc.isValid())
      diag(S->Loc, S->Message, DiagnosticIDs::Note);
}

} // namespace clang::tidy::sinkguard
