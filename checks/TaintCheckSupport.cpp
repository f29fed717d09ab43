//===--- TaintCheckSupport.cpp --------------------------------------------===//

#include "TaintCheckSupport.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "model/ModelLoading.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>
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

std::string spelledAs(const Expr *E, ASTContext &Ctx, StringRef Fallback) {
  const SourceManager &SM = Ctx.getSourceManager();
  // A macro argument as the user wrote it; a macro body as its expansion.
  SourceRange R = E->IgnoreParenImpCasts()->getSourceRange();
  CharSourceRange Range = CharSourceRange::getTokenRange(
      SM.getFileLoc(R.getBegin()), SM.getFileLoc(R.getEnd()));
  std::string Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).trim().str();
  if (Text.empty())
    Text = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                    SM.getExpansionRange(R).getAsRange()),
                                SM, Ctx.getLangOpts())
               .trim()
               .str();
  if (Text.empty())
    return Fallback.str();
  if (Text.size() > 40)
    Text = Text.substr(0, 37) + "...";
  return Text;
}

std::shared_ptr<SharedEngine>
SharedEngine::get(const ClangTidyContext *Context, StringRef ModelFile,
                  const engine::TaintOptions &Opts) {
  // One engine per clang-tidy run (a driver task, a clangd build) and
  // configuration; checks of other runs on other threads have their own.
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << static_cast<const void *>(Context) << '|' << Opts.RangeChecks
     << Opts.ReportExecArguments << Opts.CountAsserts << '|';
  llvm::SmallVector<model::SourceKind, 2> Trusted = Opts.Trusted;
  llvm::sort(Trusted);
  for (model::SourceKind K : Trusted)
    OS << static_cast<int>(K) << ',';
  OS << '|' << ModelFile;
  static std::mutex Lock;
  static llvm::StringMap<std::weak_ptr<SharedEngine>> Engines;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Engines.begin(); It != Engines.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      Engines.erase(It);
    It = Next;
  }
  std::weak_ptr<SharedEngine> &Slot = Engines[Key];
  std::shared_ptr<SharedEngine> Shared = Slot.lock();
  if (!Shared) {
    Shared = std::make_shared<SharedEngine>(ModelFile.str(), Opts);
    Slot = Shared;
  }
  return Shared;
}

const std::vector<engine::SinkHit> &
SharedEngine::hitsFor(const FunctionDecl *Fn, ASTContext &Ctx,
                      llvm::function_ref<void(StringRef)> ReportModelError) {
  if (!Engine || Context != &Ctx) {
    reset();
    Model = ::sinkguard::modelForTranslationUnit(
        ModelFile, Ctx.getSourceManager(), ReportModelError);
    Engine = std::make_unique<engine::TaintEngine>(*Model, Ctx, Opts);
    Context = &Ctx;
  }
  auto [It, New] = Hits.try_emplace(Fn);
  if (New)
    It->second = Engine->analyze(Fn);
  return It->second;
}

void SharedEngine::reset() {
  Hits.clear();
  Engine.reset();
  Model.reset();
  Context = nullptr;
}

TaintCheckBase::TaintCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
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
  if (!Engine) {
    engine::TaintOptions Opts;
    Opts.Trusted = Trusted;
    configure(Opts);
    // When a range check runs too, its engine (ranges on) finds the same
    // paths to shells: one analysis of the file serves both.
    if (!Opts.RangeChecks)
      Opts.RangeChecks = llvm::any_of(
          std::initializer_list<StringRef>{"sinkguard-unchecked-index",
                                           "sinkguard-unchecked-size",
                                           "sinkguard-unchecked-loop-bound",
                                           "sinkguard-unchecked-conversion"},
          [&](StringRef Check) { return TidyContext->isCheckEnabled(Check); });
    Engine = SharedEngine::get(TidyContext, ModelFile, Opts);
  }
  for (const engine::SinkHit &Hit :
       Engine->hitsFor(Fn, Ctx, [&](StringRef Problem) {
         if (ReportedModelErrors.insert(Problem).second)
           configurationDiag("model file ignored: %0") << Problem;
       }))
    report(Hit, Ctx);
}

void TaintCheckBase::onEndOfTranslationUnit() {
  if (Engine)
    Engine->reset();
}

void TaintCheckBase::notePath(const engine::SinkHit &Hit) {
  for (const engine::Step *S : engine::pathTo(Hit.Path))
    if (S->Loc.isValid())
      diag(S->Loc, S->Message, DiagnosticIDs::Note);
}

RangeCheckBase::RangeCheckBase(StringRef Name, ClangTidyContext *Context)
    : TaintCheckBase(Name, Context),
      CountAsserts(Options.get("CountAsserts", true)) {}

void RangeCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TaintCheckBase::storeOptions(Opts);
  Options.store(Opts, "CountAsserts", CountAsserts);
}

void RangeCheckBase::configure(engine::TaintOptions &Opts) const {
  Opts.RangeChecks = true;
  Opts.CountAsserts = CountAsserts;
}

} // namespace clang::tidy::sinkguard
