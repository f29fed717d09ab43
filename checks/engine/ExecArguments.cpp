//===--- ExecArguments.cpp - What an exec-style call runs -----------------===//

#include "ExecArguments.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <cstdint>
#include <optional>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

namespace {

/// Argument vectors longer than this are not read element by element.
constexpr std::uint64_t MaxElements = 64;

/// The stores `V[K] = X` into the local array \p V before \p Until, with
/// a constant K; \p Opaque is set by a store at an index that is not.
void elementStores(
    const Stmt *S, const VarDecl *V, SourceLocation Until, ASTContext &Ctx,
    llvm::SmallVectorImpl<std::pair<std::uint64_t, const Expr *>> &Out,
    bool &Opaque) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!S || isa<LambdaExpr>(S) ||
      !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(S->getBeginLoc()),
                                    SM.getExpansionLoc(Until)))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign) {
    const auto *AS =
        dyn_cast<ArraySubscriptExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *Base =
        AS ? dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts())
           : nullptr;
    if (Base && Base->getDecl() == V) {
      Expr::EvalResult K;
      if (!AS->getIdx()->isValueDependent() &&
          AS->getIdx()->EvaluateAsInt(K, Ctx) &&
          K.Val.getInt().isNonNegative() &&
          K.Val.getInt().getLimitedValue() < MaxElements)
        Out.push_back({K.Val.getInt().getLimitedValue(), BO->getRHS()});
      else
        Opaque = true;
    }
  }
  for (const Stmt *Child : S->children())
    elementStores(Child, V, Until, Ctx, Out, Opaque);
}

/// The elements of the argument vector \p Vector passed by \p Call: a
/// compound literal's, a local array's initialiser's, and what is assigned
/// to the array's elements before the call (which replaces the
/// initialiser's value of that element).
void vectorElements(const Expr *Vector, const CallExpr *Call, const Stmt *Body,
                    ASTContext &Ctx, llvm::SmallVectorImpl<ExecElement> &Out) {
  const Expr *V = stripToValue(Vector);
  const InitListExpr *Init = nullptr;
  const VarDecl *Array = nullptr;
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(V)) {
    Init = dyn_cast_or_null<InitListExpr>(CL->getInitializer());
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(V)) {
    Array = dyn_cast<VarDecl>(DRE->getDecl());
    if (Array)
      Init = dyn_cast_or_null<InitListExpr>(Array->getInit());
  }
  llvm::SmallVector<ExecElement, 8> Slots;
  if (Init)
    for (const Expr *E : Init->inits())
      Slots.push_back({E});
  if (Array && Body && Array->hasLocalStorage() &&
      Array->getType()->isConstantArrayType()) {
    llvm::SmallVector<std::pair<std::uint64_t, const Expr *>, 8> Stores;
    bool Opaque = false;
    elementStores(Body, Array, Call->getBeginLoc(), Ctx, Stores, Opaque);
    // Filled in a loop or at computed places: only the initialiser is
    // known, if there is one.
    if (Opaque && !Init)
      return;
    if (!Opaque) {
      llvm::SmallVector<bool, 8> Assigned;
      for (const auto &[K, X] : Stores) {
        if (Slots.size() <= K)
          Slots.resize(K + 1);
        if (Assigned.size() <= K)
          Assigned.resize(K + 1, false);
        if (!Assigned[K])
          Slots[K].clear();
        Assigned[K] = true;
        Slots[K].push_back(X);
      }
    }
  }
  for (ExecElement &E : Slots) {
    if (E.empty() ||
        llvm::all_of(E, [&](const Expr *X) { return isNullLike(X, Ctx); }))
      break;
    Out.push_back(std::move(E));
  }
}

/// The file name of a program path: `sh` for `/bin/sh`, and for a login
/// shell's argv[0] (`-sh`) without its dash.
llvm::StringRef programName(llvm::StringRef Path) {
  llvm::StringRef Base = Path.rsplit('/').second;
  if (Base.empty())
    Base = Path;
  return Base.ltrim('-');
}

void classify(ExecArguments &X, const model::Model &M) {
  std::optional<llvm::StringRef> ProgramText = literalText(X.Program);
  size_t OptionsFrom = 1;
  if (ProgramText) {
    X.Shell = M.isShell(*ProgramText);
    // `/usr/bin/env sh -c cmd`: env runs the shell named after it.
    if (!X.Shell && programName(*ProgramText) == "env" &&
        X.Elements.size() > 1) {
      std::optional<llvm::StringRef> Named = elementText(X.Elements[1]);
      if (Named && M.isShell(*Named)) {
        X.Shell = true;
        OptionsFrom = 2;
      }
    }
  } else if (X.Elements.size() > 2) {
    // A program chosen at run time (the user's login shell, $SHELL) given
    // "-c" first: a shell, unless argv[0] names another program
    // (`execv(cc, {"cc", "-c", file})`).
    std::optional<llvm::StringRef> Flag = elementText(X.Elements[1]);
    std::optional<llvm::StringRef> Name = elementText(X.Elements[0]);
    X.Shell = Flag && *Flag == "-c" && (!Name || M.isShell(programName(*Name)));
  }
  // argv[0] is the program's name; a shell's command follows "-c".
  for (size_t I = OptionsFrom; I < X.Elements.size(); ++I) {
    std::optional<llvm::StringRef> Text = elementText(X.Elements[I]);
    if (!Text)
      continue;
    if (X.Shell && Text->starts_with("-") && !Text->starts_with("--") &&
        Text->contains('c') && X.CommandAt < 0)
      X.CommandAt = static_cast<int>(I) + 1;
    if (*Text == "--" && X.OptionsEnd < 0)
      X.OptionsEnd = static_cast<int>(I);
  }
}

} // namespace

std::optional<llvm::StringRef> elementText(const ExecElement &Element) {
  std::optional<llvm::StringRef> Text;
  for (const Expr *X : Element) {
    std::optional<llvm::StringRef> T = literalText(X);
    if (!T || (Text && *Text != *T))
      return std::nullopt;
    Text = T;
  }
  return Text;
}

ExecArguments execArguments(const CallExpr *Call, const model::Rule &R,
                            const model::Model &M, ASTContext &Ctx,
                            const Stmt *Body) {
  ExecArguments X;
  llvm::SmallVector<int, 4> In = R.In.expand(Call->getNumArgs());
  if (In.size() < 2)
    return X;
  X.Program = ruleArg(Call, In[0]);
  if (!X.Program)
    return X;
  if (R.Sink == model::SinkKind::ExecList) {
    for (unsigned I = static_cast<unsigned>(In[1]); I < Call->getNumArgs();
         ++I) {
      const Expr *A = Call->getArg(I);
      if (isNullLike(A, Ctx))
        break;
      X.Elements.push_back({A});
    }
  } else {
    X.VectorCall = true;
    X.Vector = ruleArg(Call, In[1]);
    if (X.Vector)
      vectorElements(X.Vector, Call, Body, Ctx, X.Elements);
  }
  classify(X, M);
  return X;
}

} // namespace sinkguard::engine
