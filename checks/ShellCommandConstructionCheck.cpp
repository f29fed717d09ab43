//===--- ShellCommandConstructionCheck.cpp --------------------------------===//

#include "ShellCommandConstructionCheck.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "engine/CommandAssembly.h"
#include "engine/ExecArguments.h"
#include "model/Model.h"
#include "model/ModelLoading.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::sinkguard {

namespace {

/// The source text of \p E, shortened for a diagnostic.
std::string partText(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM,
      Ctx.getLangOpts());
  StringRef Text = Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
  if (Text.empty())
    return "<expression>";
  std::string Flat;
  for (char C : Text) {
    bool Space = C == '\n' || C == '\r' || C == '\t' || C == ' ';
    if (Space && (Flat.empty() || Flat.back() == ' '))
      continue;
    Flat += Space ? ' ' : C;
  }
  if (Flat.size() > 40)
    Flat = Flat.substr(0, 37) + "...";
  return Flat;
}

std::string partsList(ArrayRef<const Expr *> Parts, const ASTContext &Ctx) {
  std::string Out;
  const size_t Shown = 3;
  for (size_t I = 0; I < Parts.size() && I < Shown; ++I) {
    if (I)
      Out += ", ";
    Out += "'" + partText(Parts[I], Ctx) + "'";
  }
  if (Parts.size() > Shown)
    Out += " and " + std::to_string(Parts.size() - Shown) + " more";
  return Out;
}

StringRef stepVerb(::sinkguard::engine::AssemblyStep::Kind K) {
  using Step = ::sinkguard::engine::AssemblyStep;
  switch (K) {
  case Step::Copy:
    return "copies";
  case Step::Format:
    return "formats";
  case Step::Append:
    return "appends";
  case Step::Concatenate:
    return "concatenates";
  case Step::Helper:
    return "writes";
  }
  return "writes";
}

} // namespace

ShellCommandConstructionCheck::ShellCommandConstructionCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawAllowedWrappers(Options.get("AllowedWrappers", "")),
      AllowedWrappers(utils::options::parseStringList(RawAllowedWrappers)),
      ModelFile(Options.get("ModelFile", "")) {}

ShellCommandConstructionCheck::~ShellCommandConstructionCheck() = default;

void ShellCommandConstructionCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedWrappers", RawAllowedWrappers);
  Options.store(Opts, "ModelFile", ModelFile);
}

void ShellCommandConstructionCheck::onEndOfTranslationUnit() {
  Cache.reset();
  TUModel.reset();
  CacheContext = nullptr;
}

bool ShellCommandConstructionCheck::isAllowedWrapper(
    const FunctionDecl *Fn) const {
  if (AllowedWrappers.empty())
    return false;
  std::string Qualified = ::sinkguard::model::ruleName(Fn);
  std::string Plain = Fn->getNameAsString();
  return llvm::any_of(AllowedWrappers, [&](StringRef W) {
    W = W.trim();
    W.consume_front("::");
    return W == Qualified || W == Plain;
  });
}

void ShellCommandConstructionCheck::registerMatchers(MatchFinder *Finder) {
  // One match per function definition: its sinks are found by one walk of
  // the body, and the writes to its variables are indexed once for all of
  // them.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt())).bind("fn"),
                     this);
}

namespace {

/// Whether \p R is a sink that can hand a shell a command line: a command
/// (system, popen, wordexp), or a program and its arguments (exec*,
/// posix_spawn*), which may be a shell given -c.
bool isShellSink(const ::sinkguard::model::Rule &R) {
  namespace model = ::sinkguard::model;
  return R.Kind == model::RuleKind::Sink &&
         (R.Sink == model::SinkKind::ShellCommand ||
          R.Sink == model::SinkKind::ExecList ||
          R.Sink == model::SinkKind::ExecVector);
}

/// Calls in \p S to functions with shell sink rules, outside nested
/// lambdas (whose bodies are functions of their own).
void collectSinkCalls(const Stmt *S, const ::sinkguard::model::Model &M,
                      llvm::SmallVectorImpl<const CallExpr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (llvm::any_of(M.rulesFor(Call->getDirectCallee()),
                     [](const auto *R) { return isShellSink(*R); }))
      Out.push_back(Call);
  }
  for (const Stmt *Child : S->children())
    collectSinkCalls(Child, M, Out);
}

} // namespace

void ShellCommandConstructionCheck::check(
    const MatchFinder::MatchResult &Result) {
  namespace model = ::sinkguard::model;
  namespace engine = ::sinkguard::engine;
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Fn || Fn->isDependentContext())
    return;
  ASTContext &Ctx = *Result.Context;
  if (!Cache || CacheContext != &Ctx) {
    Cache.reset();
    TUModel = ::sinkguard::modelForTranslationUnit(
        ModelFile, Ctx.getSourceManager(), [&](StringRef Problem) {
          if (ReportedModelErrors.insert(Problem).second)
            configurationDiag("model file ignored: %0") << Problem;
        });
    Cache = std::make_unique<engine::CommandAssemblyCache>(*TUModel, Ctx);
    CacheContext = &Ctx;
  }
  const model::Model &M = *TUModel;
  llvm::SmallVector<const CallExpr *, 4> Sinks;
  collectSinkCalls(Fn->getBody(), M, Sinks);
  if (Sinks.empty())
    return;
  // A function the project allows to assemble and run commands (a wrapper
  // that quotes or validates its arguments itself).
  if (isAllowedWrapper(Fn))
    return;
  engine::CommandAssemblyAnalyzer &Analyzer = Cache->analyzerFor(Fn);
  for (const CallExpr *Call : Sinks)
    reportSink(Call, Fn->getBody(), Analyzer, Ctx);
}

void ShellCommandConstructionCheck::reportSink(
    const CallExpr *Call, const Stmt *Body,
    ::sinkguard::engine::CommandAssemblyAnalyzer &Analyzer, ASTContext &Ctx) {
  namespace model = ::sinkguard::model;
  namespace engine = ::sinkguard::engine;
  for (const model::Rule *R : TUModel->rulesFor(Call->getDirectCallee())) {
    if (!isShellSink(*R))
      continue;
    if (R->Sink != model::SinkKind::ShellCommand) {
      // exec* and posix_spawn*: the command line of a shell given -c.
      engine::ExecArguments X =
          engine::execArguments(Call, *R, *TUModel, Ctx, Body);
      if (!X.Shell || X.CommandAt < 0 ||
          static_cast<size_t>(X.CommandAt) >= X.Elements.size())
        continue;
      for (const Expr *Command : X.Elements[X.CommandAt])
        if (reportAssembly(Call, Command, Analyzer.analyze(Command, Call), Ctx))
          return;
      continue;
    }
    for (int Pos : R->In.expand(Call->getNumArgs())) {
      const Expr *Command = engine::ruleArg(Call, Pos);
      if (Command &&
          reportAssembly(Call, Command, Analyzer.analyze(Command, Call), Ctx))
        return;
    }
  }
}

bool ShellCommandConstructionCheck::reportAssembly(
    const CallExpr *Call, const Expr *Command,
    const ::sinkguard::engine::CommandAssembly &A, ASTContext &Ctx) {
  if (A.Steps.empty())
    return false;
  diag(Call->getBeginLoc(),
       "shell command passed to '%0' is assembled from non-constant "
       "data (%1); run the program with an argument vector (execv, "
       "posix_spawn) instead of a shell")
      << Call->getDirectCallee()->getName() << partsList(A.Parts, Ctx)
      << Command->getSourceRange();
  for (const ::sinkguard::engine::AssemblyStep &S : A.Steps) {
    diag(S.Where->getExprLoc(), "'%0' %1 %2 into the command",
         DiagnosticIDs::Note)
        << S.Operation << stepVerb(S.How) << partsList(S.Parts, Ctx)
        << S.Where->getSourceRange();
  }
  return true;
}

} // namespace clang::tidy::sinkguard
