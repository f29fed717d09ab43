//===--- TaintCheckSupport.cpp --------------------------------------------===//

#include "TaintCheckSupport.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "model/ModelLoading.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include <optional>

using namespace clang::ast_matchers;
namespace engine = ::sinkguard::engine;
namespace model = ::sinkguard::model;

namespace clang::tidy::sinkguard {

static std::optional<model::SourceKind> sourceKindNamed(StringRef Name) {
  return llvm::StringSwitch<std::optional<model::SourceKind>>(Name.trim())
      .Case("command-line", model::SourceKind::CommandLine)
      .Case("environment", model::SourceKind::Environment)
      .Case("stdin", model::SourceKind::Stdin)
      .Case("file", model::SourceKind::File)
      .Case("network", model::SourceKind::Network)
      .Default(std::nullopt);
}

llvm::SmallVector<model::SourceKind, 2>
parseTrustedSources(StringRef Value,
                    llvm::function_ref<void(StringRef)> ReportUnknown) {
  llvm::SmallVector<model::SourceKind, 2> Kinds;
  for (StringRef Item : utils::options::parseStringList(Value)) {
    if (Item.trim().empty())
      continue;
    if (std::optional<model::SourceKind> K = sourceKindNamed(Item))
      Kinds.push_back(*K);
    else
      ReportUnknown(Item.trim());
  }
  return Kinds;
}

std::string describeOrigin(const engine::Origin &O, SourceLocation At,
                           const SourceManager &SM) {
  std::string Text =
      O.ByCall ? "read by '" + O.What + "'" : "from '" + O.What + "'";
  SourceLocation Loc = SM.getExpansionLoc(O.Loc);
  if (Loc.isInvalid())
    return Text;
  PresumedLoc P = SM.getPresumedLoc(Loc);
  if (P.isInvalid())
    return Text;
  if (SM.getFileID(Loc) == SM.getFileID(SM.getExpansionLoc(At)))
    return Text + " at line " + std::to_string(P.getLine());
  return Text + " at " + llvm::sys::path::filename(P.getFilename()).str() +
         ":" + std::to_string(P.getLine());
}

engine::TaintEngine &TranslationUnitEngine::get(
    ASTContext &Ctx, StringRef ModelFile, const engine::TaintOptions &Opts,
    llvm::function_ref<void(StringRef)> ReportModelError) {
  if (!Engine || Context != &Ctx) {
    Engine.reset();
    Model = ::sinkguard::modelForTranslationUnit(
        ModelFile, Ctx.getSourceManager(), ReportModelError);
    Engine = std::make_unique<engine::TaintEngine>(*Model, Ctx, Opts);
    Context = &Ctx;
  }
  return *Engine;
}

void TranslationUnitEngine::reset() {
  Engine.reset();
  Model.reset();
  Context = nullptr;
}

TaintCheckBase::TaintCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      TrustedSources(Options.get("TrustedSources", "")),
      ModelFile(Options.get("ModelFile", "")) {
  Trusted = parseTrustedSources(TrustedSources, [&](StringRef Item) {
    configurationDiag("invalid value '%0' in %1.TrustedSources; expected "
                      "command-line, environment, stdin, file or network")
        << Item << Name;
  });
}

void TaintCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TrustedSources", TrustedSources);
  Options.store(Opts, "ModelFile", ModelFile);
}

void TaintCheckBase::registerMatchers(MatchFinder *Finder) {
  // Every function definition outside system headers; callees are
  // summarised on demand.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("fn"),
                     this);
}

void TaintCheckBase::check(const MatchFinder::MatchResult &Result) {
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Fn || Fn->isDependentContext() || Fn->isInvalidDecl())
    return;
  ASTContext &Ctx = *Result.Context;
  engine::TaintOptions Opts;
  Opts.Trusted = Trusted;
  configure(Opts);
  engine::TaintEngine &Engine =
      TUEngine.get(Ctx, ModelFile, Opts, [&](StringRef Problem) {
        if (ReportedModelErrors.insert(Problem).second)
          configurationDiag("model file ignored: %0") << Problem;
      });
  for (const engine::SinkHit &Hit : Engine.analyze(Fn))
    report(Hit, Ctx);
}

void TaintCheckBase::onEndOfTranslationUnit() { TUEngine.reset(); }

void TaintCheckBase::notePath(const engine::SinkHit &Hit) {
  for (const engine::Step *S : engine::pathTo(Hit.Path))
    if (S->Loc.isValid())
      diag(S->Loc, S->Message, DiagnosticIDs::Note);
}

} // namespace clang::tidy::sinkguard
