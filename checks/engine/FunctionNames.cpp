//===--- FunctionNames.cpp ------------------------------------------------===//

#include "FunctionNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclObjC.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <tuple>

using namespace clang;

namespace sinkguard::engine {

namespace {

/// The name a namespace or class adds to the names inside it; empty for
/// other scopes and unnamed classes.
llvm::StringRef scopeName(const DeclContext *DC) {
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
    return NS->isAnonymousNamespace() ? llvm::StringRef("(anonymous namespace)")
                                      : NS->getName();
  if (const auto *RD = dyn_cast<RecordDecl>(DC))
    if (const IdentifierInfo *II = RD->getIdentifier())
      return II->getName();
  return {};
}

std::string recordName(const CXXRecordDecl *RD) {
  return RD ? scopeName(RD).str() : std::string();
}

std::string objcMethodName(const ObjCMethodDecl &M) {
  std::string Class;
  if (const ObjCInterfaceDecl *I = M.getClassInterface())
    Class = I->getName().str();
  if (const auto *Cat = dyn_cast<ObjCCategoryImplDecl>(M.getDeclContext()))
    Class += "(" + Cat->getName().str() + ")";
  return (M.isInstanceMethod() ? "-[" : "+[") + Class + " " +
         M.getSelector().getAsString() + "]";
}

/// Whether \p Kind is an instantiation, whose bodies are its template's.
bool instantiated(TemplateSpecializationKind Kind) {
  return Kind == TSK_ImplicitInstantiation ||
         Kind == TSK_ExplicitInstantiationDeclaration ||
         Kind == TSK_ExplicitInstantiationDefinition;
}

/// Finds the function definitions of a translation unit that no other
/// function encloses: it looks into namespaces, linkage specifications,
/// classes and Objective-C implementations, never into a function.
class Collector {
public:
  Collector(const ASTContext &Ctx,
            llvm::DenseMap<FileID, std::vector<FunctionBody>> &Files)
      : SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()), Files(Files) {}

  void scope(const DeclContext *DC) {
    for (const Decl *D : DC->decls())
      decl(D);
  }

private:
  void decl(const Decl *D) {
    if (D->isImplicit())
      return;
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl, ObjCImplDecl>(D)) {
      scope(cast<DeclContext>(D));
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      if (RD->isThisDeclarationADefinition() && !RD->isLambda() &&
          !(Spec && instantiated(Spec->getSpecializationKind())))
        scope(RD);
    } else if (const auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
      decl(CT->getTemplatedDecl());
    } else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
      decl(FT->getTemplatedDecl());
    } else if (const auto *Friend = dyn_cast<FriendDecl>(D)) {
      if (const NamedDecl *Befriended = Friend->getFriendDecl())
        decl(Befriended);
    } else if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->doesThisDeclarationHaveABody() && !FD->isDefaulted() &&
          !FD->isDeleted() && !FD->isTemplateInstantiation())
        add(*FD, FD->getBody());
    } else if (const auto *M = dyn_cast<ObjCMethodDecl>(D)) {
      if (M->hasBody())
        add(*M, M->getBody());
    }
  }

  void add(const Decl &D, const Stmt *Body) {
    if (!Body)
      return;
    CharSourceRange Range = SM.getExpansionRange(Body->getSourceRange());
    if (Range.isInvalid())
      return;
    auto [File, Begin] = SM.getDecomposedLoc(Range.getBegin());
    auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
    if (File.isInvalid() || File != EndFile)
      return;
    if (Range.isTokenRange())
      End += Lexer::MeasureTokenLength(Range.getEnd(), SM, LangOpts);
    if (End <= Begin)
      return;
    Files[File].push_back({Begin, End, functionName(D)});
  }

  const SourceManager &SM;
  const LangOptions &LangOpts;
  llvm::DenseMap<FileID, std::vector<FunctionBody>> &Files;
};

} // namespace

std::string functionName(const Decl &D) {
  if (const auto *M = dyn_cast<ObjCMethodDecl>(&D))
    return objcMethodName(*M);
  const auto *FD = dyn_cast<FunctionDecl>(&D);
  if (!FD)
    return {};
  std::string Own;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    Own = recordName(Ctor->getParent());
  else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD))
    Own = "~" + recordName(Dtor->getParent());
  else if (const auto *Conversion = dyn_cast<CXXConversionDecl>(FD)) {
    // The type as written: the declaration name has the canonical type.
    Own = "operator " + Conversion->getConversionType().getAsString(
                            FD->getASTContext().getPrintingPolicy());
  } else {
    Own = FD->getDeclName().getAsString();
  }

  // Innermost first: the qualifier written before the name (the semantic
  // scopes that the scope it is written in does not enclose; an inline
  // namespace is rarely written), then the scopes it is written in.
  llvm::SmallVector<llvm::StringRef, 4> Scopes;
  const DeclContext *Written = FD->getLexicalDeclContext();
  for (const DeclContext *DC = FD->getDeclContext();
       DC && !DC->Encloses(Written); DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || !NS->isInline())
      Scopes.push_back(scopeName(DC));
  }
  for (const DeclContext *DC = Written; DC; DC = DC->getLexicalParent())
    Scopes.push_back(scopeName(DC));

  std::string Name;
  for (llvm::StringRef Scope : llvm::reverse(Scopes))
    if (!Scope.empty())
      Name += (Scope + "::").str();
  return Name + Own;
}

void normalizeBodies(std::vector<FunctionBody> &Bodies) {
  llvm::sort(Bodies, [](const FunctionBody &A, const FunctionBody &B) {
    return std::tie(A.Begin, B.End, A.Name) < std::tie(B.Begin, A.End, B.Name);
  });
  std::vector<FunctionBody> Kept;
  Kept.reserve(Bodies.size());
  for (FunctionBody &B : Bodies)
    if (Kept.empty() || B.Begin >= Kept.back().End)
      Kept.push_back(std::move(B));
  Bodies = std::move(Kept);
}

const FunctionBody *bodyAt(llvm::ArrayRef<FunctionBody> Bodies,
                           unsigned Offset) {
  auto It = std::upper_bound(
      Bodies.begin(), Bodies.end(), Offset,
      [](unsigned O, const FunctionBody &B) { return O < B.Begin; });
  if (It == Bodies.begin())
    return nullptr;
  --It;
  return Offset < It->End ? &*It : nullptr;
}

FunctionBodies::FunctionBodies(const ASTContext &Ctx)
    : SM(Ctx.getSourceManager()) {
  Collector(Ctx, Files).scope(Ctx.getTranslationUnitDecl());
  for (auto &Entry : Files)
    normalizeBodies(Entry.second);
}

llvm::StringRef FunctionBodies::nameAt(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return {};
  auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  auto It = Files.find(File);
  if (It == Files.end())
    return {};
  const FunctionBody *Body = bodyAt(It->second, Offset);
  return Body ? llvm::StringRef(Body->Name) : llvm::StringRef();
}

} // namespace sinkguard::engine
