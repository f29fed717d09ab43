//===--- EngineTestSupport.cpp --------------------------------------------===//

#include "EngineTestSupport.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"

namespace sinkguard::engine::test {

const char *const LibcDeclarations = R"c(typedef unsigned long size_t;
typedef struct FILE FILE;
extern FILE *stdin;
char *getenv(const char *name);
int system(const char *command);
int atoi(const char *text);
long strtol(const char *text, char **end, int base);
char *fgets(char *buffer, int size, FILE *stream);
char *strcpy(char *to, const char *from);
void *malloc(size_t size);
void *memcpy(void *to, const void *from, size_t size);
int getchar(void);
)c";

AnalysedCode::AnalysedCode(llvm::StringRef Code, llvm::StringRef Function,
                           TaintOptions Options, bool Cxx)
    : Model(model::Model::builtinRules()) {
  std::string Text = LibcDeclarations;
  PreambleLines = static_cast<unsigned>(llvm::count(Text, '\n'));
  Text += Code;
  std::vector<std::string> Args = {"-fsyntax-only", "-nostdinc",
                                   "-Wno-everything"};
  Args.push_back(Cxx ? "-std=c++17" : "-std=c11");
  AST = clang::tooling::buildASTFromCodeWithArgs(Text, Args,
                                                 Cxx ? "input.cpp" : "input.c");
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return;
  clang::ASTContext &Ctx = AST->getASTContext();
  const clang::FunctionDecl *Found = nullptr;
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D))
      if (FD->getName() == Function && FD->hasBody())
        Found = FD;
  if (!Found)
    return;
  Engine = std::make_unique<TaintEngine>(Model, Ctx, std::move(Options));
  Hits = Engine->analyze(Found);
  Analysed = true;
}

AnalysedCode::~AnalysedCode() = default;

std::vector<const SinkHit *> AnalysedCode::hitsOf(SinkHit::Kind K) const {
  std::vector<const SinkHit *> Out;
  for (const SinkHit &H : Hits)
    if (H.K == K)
      Out.push_back(&H);
  return Out;
}

unsigned AnalysedCode::line(clang::SourceLocation Loc) const {
  const clang::SourceManager &SM = AST->getSourceManager();
  return SM.getExpansionLineNumber(Loc) - PreambleLines;
}

unsigned AnalysedCode::sinkLine(const SinkHit &Hit) const {
  return line(Hit.Arg->getBeginLoc());
}

std::vector<unsigned> AnalysedCode::sinkLines() const {
  std::vector<unsigned> Lines;
  Lines.reserve(Hits.size());
  for (const SinkHit &H : Hits)
    Lines.push_back(sinkLine(H));
  return Lines;
}

static llvm::StringRef problemName(IndexProblem P) {
  switch (P) {
  case IndexProblem::None:
    return "none";
  case IndexProblem::NoUpperBound:
    return "no-upper-bound";
  case IndexProblem::NoLowerBound:
    return "no-lower-bound";
  case IndexProblem::ExceedsExtent:
    return "exceeds-extent";
  case IndexProblem::OtherContainer:
    return "other-container";
  }
  return "?";
}

std::string AnalysedCode::indexVerdicts() const {
  std::string Out;
  for (const SinkHit *H : hitsOf(SinkHit::Index)) {
    if (!Out.empty())
      Out += "; ";
    Out += problemName(H->Indexing.Problem);
    Out += " " + describe(H->Indexing.Range);
    if (H->Indexing.Extent)
      Out += " of " + std::to_string(*H->Indexing.Extent);
  }
  return Out;
}

std::vector<std::string> AnalysedCode::pathMessages(const SinkHit &Hit) const {
  std::vector<std::string> Out;
  for (const Step *S : pathTo(Hit.Path))
    Out.push_back(S->Message);
  return Out;
}

std::string AnalysedCode::argumentName(const SinkHit &Hit) const {
  if (!Hit.Arg)
    return {};
  if (const auto *DRE =
          llvm::dyn_cast<clang::DeclRefExpr>(Hit.Arg->IgnoreParenImpCasts()))
    return DRE->getDecl()->getName().str();
  return {};
}

TaintOptions rangeOptions() {
  TaintOptions Options;
  Options.RangeChecks = true;
  return Options;
}

std::string describe(const IntRange &R) {
  std::string Out = "[" + (R.Lo ? std::to_string(*R.Lo) : "-inf") + ", ";
  if (R.Hi)
    Out += std::to_string(*R.Hi) + (R.HiFromType ? " from type" : "");
  else
    Out += R.Symbolic ? "symbolic" : "+inf";
  return Out + "]";
}

std::string indexVerdicts(llvm::StringRef Code) {
  AnalysedCode Analysed(Code, "store", rangeOptions());
  return Analysed.analysed() ? Analysed.indexVerdicts() : "<not analysed>";
}

std::vector<unsigned> sinkLines(llvm::StringRef Code,
                                llvm::StringRef Function) {
  return AnalysedCode(Code, Function).sinkLines();
}

std::string table(unsigned Extent) {
  return "static int table[" + std::to_string(Extent) + "];";
}

} // namespace sinkguard::engine::test
