//===--- ShellCommandConstructionCheck.cpp --------------------------------===//

#include "ShellCommandConstructionCheck.h"
#include "engine/CommandAssembly.h"
#include "model/Model.h"
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
  }
  return "writes";
}

} // namespace

ShellCommandConstructionCheck::ShellCommandConstructionCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {}

void ShellCommandConstructionCheck::registerMatchers(MatchFinder *Finder) {
  using ::sinkguard::model::Model;
  using ::sinkguard::model::SinkKind;
  std::vector<std::string> Names =
      Model::builtin().sinkNames(SinkKind::ShellCommand);
  std::vector<StringRef> Refs(Names.begin(), Names.end());
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Refs)).bind("sink")),
               forCallable(decl().bind("fn")))
          .bind("call"),
      this);
}

void ShellCommandConstructionCheck::check(
    const MatchFinder::MatchResult &Result) {
  namespace model = ::sinkguard::model;
  namespace engine = ::sinkguard::engine;
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Sink = Result.Nodes.getNodeAs<FunctionDecl>("sink");
  const Decl *Fn = Result.Nodes.getNodeAs<Decl>("fn");
  if (!Call || !Sink || !Fn || !Fn->getBody())
    return;
  ASTContext &Ctx = *Result.Context;
  const model::Model &M = model::Model::builtin();

  engine::CommandAssemblyAnalyzer Analyzer(M, Ctx, Fn->getBody());
  for (const model::Rule *R : M.rulesFor(Sink)) {
    if (R->Kind != model::RuleKind::Sink ||
        R->Sink != model::SinkKind::ShellCommand)
      continue;
    for (int Pos : R->In.expand(Call->getNumArgs())) {
      const Expr *Command = engine::ruleArg(Call, Pos);
      if (!Command)
        continue;
      engine::CommandAssembly A = Analyzer.analyze(Command, Call);
      if (A.Steps.empty())
        continue;
      diag(Call->getBeginLoc(),
           "shell command passed to '%0' is assembled from non-constant "
           "data (%1); run the program with an argument vector (execv, "
           "posix_spawn) instead of a shell")
          << Sink->getName() << partsList(A.Parts, Ctx)
          << Command->getSourceRange();
      for (const engine::AssemblyStep &S : A.Steps)
        diag(S.Where->getExprLoc(), "'%0' %1 %2 into the command",
             DiagnosticIDs::Note)
            << S.Operation << stepVerb(S.How) << partsList(S.Parts, Ctx)
            << S.Where->getSourceRange();
      return;
    }
  }
}

} // namespace clang::tidy::sinkguard
