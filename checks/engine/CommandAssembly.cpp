//===--- CommandAssembly.cpp ----------------------------------------------===//

#include "CommandAssembly.h"
#include "../model/Model.h"
#include "AstQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <memory>
#include <string>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

namespace {

/// Peels the nodes that do not change a string's text (stripToValue(),
/// for the taint analysis, also peels default arguments).
const Expr *stripToText(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *CS = dyn_cast<CStyleCastExpr>(E))
      E = CS->getSubExpr();
    else if (const auto *SC = dyn_cast<CXXNamedCastExpr>(E))
      E = SC->getSubExpr();
    else if (const auto *Call = dyn_cast<CallExpr>(E); Call && castObject(Call))
      E = Call->getArg(0); // `std::move(cmd)`
    else
      return E;
  }
  return E;
}

/// Whether \p T is a standard container of text (`std::vector<std::string>`,
/// `std::array<const char *, 3>`), or an array of strings.
bool holdsText(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  // (The elements of a list, `{"ls", user}`.)
  if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    return isStdStringType(Array->getElementType());
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  // (A string is text, not a container of it.)
  if (!Spec || !Spec->isInStdNamespace() ||
      carriesText(T, TextObjects::StdStrings))
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
         carriesText(Args[0].getAsType(), TextObjects::StdStrings);
}

bool isConstantText(const Expr *E, ASTContext &Ctx) {
  if (isa<StringLiteral, CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  if (!carriesText(E->getType(), TextObjects::StdStrings) &&
      !holdsText(E->getType()))
    return true;
  if (E->isValueDependent() || E->isTypeDependent())
    return false;
  // `NULL`, `0`, constexpr pointers and characters.
  if (E->isEvaluatable(Ctx))
    return true;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  return false;
}

} // namespace

const Expr *ruleArg(const CallExpr *Call, int Pos) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  bool OperatorMember =
      isa<CXXOperatorCallExpr>(Call) && MD && MD->isInstance();
  if (Pos == model::ThisObject) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      return MC->getImplicitObjectArgument();
    if (OperatorMember && Call->getNumArgs() > 0)
      return Call->getArg(0);
    return nullptr;
  }
  if (Pos < 0)
    return nullptr;
  unsigned Index = static_cast<unsigned>(Pos) + (OperatorMember ? 1 : 0);
  if (Index >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(Index);
}

const VarDecl *baseVariable(const Expr *E) {
  E = stripToText(E);
  while (E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
        return nullptr;
      E = stripToText(UO->getSubExpr());
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = stripToText(AS->getBase());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->getOperator() == OO_LessLess &&
               Op->getNumArgs() == 2 && Op->isLValue()) {
      // `os << "grep " << user`: each `<<` gives back the stream.
      E = stripToText(Op->getArg(0));
    } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (!BO->isAdditiveOp())
        return nullptr;
      E = stripToText(BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                               : BO->getRHS());
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// A write to a local variable: its initializer, an assignment, or a call
/// that writes it (modelled or not).
struct CommandAssemblyAnalyzer::Write {
  const Expr *At;
  /// The value written by an initializer or assignment; null for calls.
  const Expr *Value = nullptr;
  /// The model rule of a call; null for an initializer, an assignment, or a
  /// call sinkguard knows nothing about.
  const model::Rule *Rule = nullptr;
};

/// State of one analysis: what was seen, what was found.
struct CommandAssemblyAnalyzer::Trace {
  /// Only writes before this point count.
  SourceLocation Until;
  /// A parameter whose writes are followed like a local's (out-parameters
  /// of helpers).
  const VarDecl *Subject = nullptr;
  llvm::SmallPtrSet<const VarDecl *, 8> Visited;
  llvm::SmallPtrSet<const Expr *, 8> StepsSeen;
  CommandAssembly Result;
  /// Inside the operands of an operator+: `a + b + c` is one step.
  bool InConcatenation = false;
  /// Non-constant parts found under the expression being traced.
  llvm::SmallVector<const Expr *, 4> *Parts = nullptr;
  /// How deep trace() is nested: chains of copies (`p2 = p1; p3 = p2;` ten
  /// thousand times) are followed only so far, so the stack stays small.
  unsigned Depth = 0;

  void addPart(const Expr *E) {
    if (Parts && !llvm::is_contained(*Parts, E))
      Parts->push_back(E);
  }
};

CommandAssemblyAnalyzer::CommandAssemblyAnalyzer(const model::Model &M,
                                                 ASTContext &Ctx,
                                                 const Stmt *Body,
                                                 CommandAssemblyCache *Cache)
    : M(M), Ctx(Ctx), Cache(Cache) {
  if (Body)
    indexWrites(Body);
}

CommandAssemblyAnalyzer::~CommandAssemblyAnalyzer() = default;

void CommandAssemblyAnalyzer::indexWrites(const Stmt *S) {
  if (!S)
    return;
  // A lambda's body is another function; its writes are not ours.
  if (isa<LambdaExpr>(S))
    return;
  if (const auto *For = dyn_cast<CXXForRangeStmt>(S)) {
    // `for (const auto &x : parts)`: x is an element of parts (not the
    // hidden iterator the loop reads it through).
    if (const Expr *Range = For->getRangeInit()) {
      if (const VarDecl *Var = For->getLoopVariable())
        Writes[Var].push_back({Range, Range, nullptr});
      indexWrites(Range);
    }
    indexWrites(For->getBody());
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (const Expr *Init = VD->getInit())
          Writes[VD].push_back({Init, Init, nullptr});
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_Assign)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripToText(BO->getLHS())))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Writes[VD].push_back({BO, BO->getRHS(), nullptr});
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    addCallWrites(Call);
  }
  for (const Stmt *Child : S->children())
    indexWrites(Child);
}

void CommandAssemblyAnalyzer::addCallWrites(const CallExpr *Call) {
  // `std::move(cmd)` names cmd; it writes nothing.
  if (castObject(Call))
    return;
  const FunctionDecl *FD = Call->getDirectCallee();
  llvm::ArrayRef<const model::Rule *> Rules = M.rulesFor(FD);
  bool Modelled = false;
  for (const model::Rule *R : Rules) {
    if (R->Kind != model::RuleKind::Propagator)
      continue;
    Modelled = true;
    for (int Pos : R->Out.expand(Call->getNumArgs())) {
      if (Pos == model::ReturnValue)
        continue;
      if (const VarDecl *VD = baseVariable(ruleArg(Call, Pos)))
        Writes[VD].push_back({Call, nullptr, R});
    }
  }
  if (Modelled || !FD)
    return;
  // An unknown callee may write through any non-const pointer or reference
  // it receives; what it writes is unknown text.
  for (unsigned I = 0, N = std::min(Call->getNumArgs(), FD->getNumParams());
       I < N; ++I) {
    QualType PT = FD->getParamDecl(I)->getType();
    bool Writable =
        (PT->isPointerType() && !PT->getPointeeType().isConstQualified()) ||
        (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified());
    if (!Writable)
      continue;
    if (const VarDecl *VD = baseVariable(Call->getArg(I)))
      Writes[VD].push_back({Call, nullptr, nullptr});
  }
}

bool CommandAssemblyAnalyzer::isBefore(const Stmt *A, SourceLocation B) const {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation LA = SM.getExpansionLoc(A->getBeginLoc());
  SourceLocation LB = SM.getExpansionLoc(B);
  if (LA.isInvalid() || LB.isInvalid())
    return false;
  return SM.isBeforeInTranslationUnit(LA, LB);
}

/// The function a call runs when it is defined in this translation unit,
/// outside system headers; null otherwise.
static const FunctionDecl *helperDefinition(const CallExpr *Call,
                                            const ASTContext &Ctx) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody() ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  return Def;
}

bool CommandAssemblyAnalyzer::followHelper(
    const CallExpr *Call, const HelperAssembly *H, int OutParam, Trace &T,
    llvm::SmallVectorImpl<const Expr *> &Parts) {
  const FunctionDecl *Def = helperDefinition(Call, Ctx);
  auto *Saved = T.Parts;
  llvm::SmallVector<const Expr *, 4> Found;
  T.Parts = &Found;
  for (const Expr *P : H->Parts) {
    const auto *DRE = dyn_cast<DeclRefExpr>(P);
    const auto *PD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (PD && PD->getDeclContext() == Def) {
      // The helper's parameter: whatever this call passes.
      int Index = static_cast<int>(PD->getFunctionScopeIndex());
      if (Index != OutParam &&
          static_cast<unsigned>(Index) < Call->getNumArgs())
        trace(Call->getArg(static_cast<unsigned>(Index)), T);
      continue;
    }
    T.addPart(P);
  }
  T.Parts = Saved;
  for (const Expr *P : Found)
    if (!llvm::is_contained(Parts, P))
      Parts.push_back(P);
  // The helper's own steps explain how it put the text together.
  if (!Parts.empty()) {
    for (AssemblyStep S : H->Steps) {
      if (T.StepsSeen.insert(S.Where).second) {
        S.Inner = true;
        T.Result.Steps.push_back(std::move(S));
      }
    }
  }
  for (const Expr *P : Parts)
    T.addPart(P);
  // The call itself is a step when the helper assembled something.
  if (!H->Steps.empty() && !Parts.empty() && T.StepsSeen.insert(Call).second) {
    T.Result.Steps.push_back({Call,
                              AssemblyStep::Helper,
                              Def->getNameAsString(),
                              {Parts.begin(), Parts.end()}});
  }
  return !Parts.empty();
}

void CommandAssemblyAnalyzer::traceCallInputs(
    const CallExpr *Call, const model::Rule &R, Trace &T,
    llvm::SmallVectorImpl<const Expr *> &Parts) {
  auto *Saved = T.Parts;
  llvm::SmallVector<const Expr *, 4> Found;
  T.Parts = &Found;
  unsigned NumArgs = Call->getNumArgs();
  if (R.FormatArg != model::NoArg) {
    const Expr *Format = ruleArg(Call, R.FormatArg);
    const auto *Lit =
        Format ? dyn_cast<StringLiteral>(stripToText(Format)) : nullptr;
    if (Format && (!Lit || R.BraceFormat)) {
      // The format itself is not constant, or formats every argument
      // (`std::format("id {}", user)`): every argument may be text (a
      // number is constant text).
      trace(Format, T);
      for (int Pos : R.In.expand(NumArgs))
        if (Pos != R.FormatArg)
          if (const Expr *A = ruleArg(Call, Pos))
            trace(A, T);
    } else if (Lit && Lit->isOrdinary()) {
      llvm::SmallVector<unsigned, 4> TextArgs =
          printfTextArguments(Lit->getString(), Ctx);
      llvm::SmallVector<int, 4> Variadic = R.In.expand(NumArgs);
      bool IsVaList = !Variadic.empty() && Variadic.size() == 1 &&
                      static_cast<unsigned>(Variadic[0]) + 1 == NumArgs &&
                      !Call->getDirectCallee()->isVariadic();
      if (IsVaList) {
        // A va_list cannot be inspected: unknown text if any %s is used.
        if (!TextArgs.empty())
          T.addPart(ruleArg(Call, Variadic[0]));
      } else {
        for (unsigned Index : TextArgs) {
          int Pos = R.FormatArg + 1 + static_cast<int>(Index);
          if (const Expr *A = ruleArg(Call, Pos))
            trace(A, T);
        }
      }
    }
  } else {
    for (int Pos : R.In.expand(NumArgs))
      if (const Expr *A = ruleArg(Call, Pos))
        trace(A, T);
  }
  T.Parts = Saved;
  for (const Expr *P : Found)
    if (!llvm::is_contained(Parts, P))
      Parts.push_back(P);
}

void CommandAssemblyAnalyzer::trace(const Expr *E, Trace &T) {
  if (!E)
    return;
  E = stripToText(E);
  if (isConstantText(E, Ctx))
    return;
  // Past this depth an expression counts as a part of unknown content.
  constexpr unsigned MaxTraceDepth = 256;
  if (T.Depth >= MaxTraceDepth) {
    T.addPart(E);
    return;
  }
  ++T.Depth;
  llvm::scope_exit Leave([&] { --T.Depth; });

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      traceVar(VD, DRE, T);
      return;
    }
    T.addPart(E);
    return;
  }

  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    trace(CO->getTrueExpr(), T);
    trace(CO->getFalseExpr(), T);
    return;
  }

  // `{"uname", "-a"}` making a container: its elements.
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E)) {
    trace(List->getSubExpr(), T);
    return;
  }
  if (const auto *List = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Init : List->inits())
      trace(Init, T);
    return;
  }

  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // A string, a string stream (empty, or made from its argument), or a
    // container of strings (made from its elements).
    if (carriesText(CE->getType(), TextObjects::StdStrings) ||
        holdsText(CE->getType())) {
      for (const Expr *Arg : CE->arguments())
        if (!isa<CXXDefaultArgExpr>(Arg))
          trace(Arg, T);
      return;
    }
    T.addPart(E);
    return;
  }

  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    for (const model::Rule *R : M.rulesFor(Call->getDirectCallee()))
      if (R->Kind == model::RuleKind::Sanitizer &&
          R->Out.contains(model::ReturnValue))
        return;
    for (const model::Rule *R : M.rulesFor(Call->getDirectCallee())) {
      if (R->Kind != model::RuleKind::Propagator ||
          !R->Out.contains(model::ReturnValue))
        continue;
      llvm::SmallVector<const Expr *, 4> Parts;
      bool Outermost = !T.InConcatenation;
      if (R->Appends)
        T.InConcatenation = true;
      traceCallInputs(Call, *R, T, Parts);
      T.InConcatenation = !Outermost;
      for (const Expr *P : Parts)
        T.addPart(P);
      // std::format makes a new string of its arguments.
      if (R->FormatArg != model::NoArg && !Parts.empty() &&
          T.StepsSeen.insert(Call).second) {
        T.Result.Steps.push_back({Call,
                                  AssemblyStep::Format,
                                  Call->getDirectCallee()->getNameAsString(),
                                  {Parts.begin(), Parts.end()}});
        return;
      }
      // operator+ builds a new string from its operands.
      if (R->Appends && Outermost && !Parts.empty() &&
          T.StepsSeen.insert(Call).second) {
        std::string Op = Call->getDirectCallee()->getNameAsString();
        T.Result.Steps.push_back({Call,
                                  AssemblyStep::Concatenate,
                                  Op,
                                  {Parts.begin(), Parts.end()}});
      }
      return;
    }
    // A function of the program: how does it assemble what it returns?
    if (Cache && M.rulesFor(Call->getDirectCallee()).empty()) {
      if (const FunctionDecl *Def = helperDefinition(Call, Ctx)) {
        if (const HelperAssembly *H = Cache->returned(Def)) {
          llvm::SmallVector<const Expr *, 4> Parts;
          followHelper(Call, H, /*OutParam=*/-1, T, Parts);
          return;
        }
      }
    }
  }
  T.addPart(E);
}

void CommandAssemblyAnalyzer::traceVar(const VarDecl *VD, const Expr *Use,
                                       Trace &T) {
  // A static local is written only by its function: followed like a local.
  bool Global = !VD->hasLocalStorage() && !VD->isStaticLocal();
  if ((isa<ParmVarDecl>(VD) || Global) && VD != T.Subject) {
    // A constant global (`static const char kCmd[] = "ls"`) is as constant
    // as its initializer; anything else is outside this function's control.
    if (Global && VD->getType().isConstQualified() && VD->getInit()) {
      auto *Saved = T.Parts;
      llvm::SmallVector<const Expr *, 4> Found;
      T.Parts = &Found;
      trace(VD->getInit(), T);
      T.Parts = Saved;
      if (Found.empty())
        return;
    }
    T.addPart(Use);
    return;
  }
  if (!T.Visited.insert(VD).second)
    return;
  auto It = Writes.find(VD);
  if (It == Writes.end())
    return;
  // The variable's own writes are steps of their own, even when it is an
  // operand of a concatenation.
  bool SavedConcatenation = T.InConcatenation;
  T.InConcatenation = false;
  llvm::scope_exit Restore([&] { T.InConcatenation = SavedConcatenation; });
  for (const Write &W : It->second) {
    if (!isBefore(W.At, T.Until))
      continue;
    if (W.Value) {
      trace(W.Value, T);
      continue;
    }
    const auto *Call = cast<CallExpr>(W.At);
    if (!W.Rule) {
      // A helper of the program that writes into the variable.
      const FunctionDecl *Def = Cache ? helperDefinition(Call, Ctx) : nullptr;
      bool Followed = false;
      for (unsigned I = 0;
           Def && I < Call->getNumArgs() && I < Def->getNumParams(); ++I) {
        if (baseVariable(Call->getArg(I)) != VD)
          continue;
        const HelperAssembly *H = Cache->storedIn(Def, I);
        if (!H)
          continue;
        Followed = true;
        llvm::SmallVector<const Expr *, 4> Parts;
        followHelper(Call, H, static_cast<int>(I), T, Parts);
      }
      // Written by a function sinkguard does not model: unknown text, named
      // after the variable that holds it.
      if (!Followed)
        T.addPart(Use ? Use : static_cast<const Expr *>(Call));
      continue;
    }
    llvm::SmallVector<const Expr *, 4> Parts;
    traceCallInputs(Call, *W.Rule, T, Parts);
    for (const Expr *P : Parts)
      T.addPart(P);
    // Writing text into a buffer, or appending to a string, assembles the
    // command; a string assignment or copy only passes text along.
    // (Adding an element to a container of strings assembles nothing:
    // the element is a command as it was.)
    bool IntoBuffer = llvm::any_of(W.Rule->Out.expand(Call->getNumArgs()),
                                   [](int Pos) { return Pos >= 0; });
    bool Assembles =
        (IntoBuffer || W.Rule->Appends) && !holdsText(VD->getType());
    if (!Assembles || Parts.empty() || !T.StepsSeen.insert(Call).second)
      continue;
    AssemblyStep::Kind How = W.Rule->FormatArg != model::NoArg
                                 ? AssemblyStep::Format
                             : W.Rule->Appends ? AssemblyStep::Append
                                               : AssemblyStep::Copy;
    T.Result.Steps.push_back({Call,
                              How,
                              Call->getDirectCallee()->getNameAsString(),
                              {Parts.begin(), Parts.end()}});
  }
}

CommandAssembly CommandAssemblyAnalyzer::finish(Trace &T) {
  llvm::sort(T.Result.Steps, [&](const AssemblyStep &A, const AssemblyStep &B) {
    return isBefore(A.Where, B.Where->getBeginLoc());
  });
  for (const AssemblyStep &S : T.Result.Steps) {
    if (!S.Inner)
      for (const Expr *P : S.Parts)
        if (!llvm::is_contained(T.Result.Parts, P))
          T.Result.Parts.push_back(P);
  }
  return std::move(T.Result);
}

CommandAssembly CommandAssemblyAnalyzer::analyze(const Expr *Command,
                                                 const Expr *Sink) {
  return analyzeAt(Command, Sink->getBeginLoc());
}

CommandAssembly CommandAssemblyAnalyzer::analyzeAt(const Expr *Value,
                                                   SourceLocation Until) {
  Trace T;
  T.Until = Until;
  llvm::SmallVector<const Expr *, 4> Parts;
  T.Parts = &Parts;
  trace(Value, T);
  CommandAssembly Result = finish(T);
  // Parts of a value with no assembly step (a parameter passed through)
  // still matter to a caller that assembles with it.
  for (const Expr *P : Parts)
    if (!llvm::is_contained(Result.Parts, P))
      Result.Parts.push_back(P);
  return Result;
}

CommandAssembly CommandAssemblyAnalyzer::analyzeVar(const VarDecl *Var,
                                                    SourceLocation Until) {
  Trace T;
  T.Until = Until;
  T.Subject = Var;
  llvm::SmallVector<const Expr *, 4> Parts;
  T.Parts = &Parts;
  traceVar(Var, nullptr, T);
  CommandAssembly Result = finish(T);
  for (const Expr *P : Parts)
    if (P && !llvm::is_contained(Result.Parts, P))
      Result.Parts.push_back(P);
  return Result;
}

CommandAssemblyCache::CommandAssemblyCache(const model::Model &M,
                                           ASTContext &Ctx)
    : M(M), Ctx(Ctx) {}

CommandAssemblyCache::~CommandAssemblyCache() = default;

CommandAssemblyAnalyzer &
CommandAssemblyCache::analyzerFor(const FunctionDecl *FD) {
  auto &Slot = Analyzers[FD];
  if (!Slot)
    Slot =
        std::make_unique<CommandAssemblyAnalyzer>(M, Ctx, FD->getBody(), this);
  return *Slot;
}

/// Return statements of a body, outside nested lambdas.
static void collectReturns(const Stmt *S,
                           llvm::SmallVectorImpl<const ReturnStmt *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    Out.push_back(RS);
  for (const Stmt *Child : S->children())
    collectReturns(Child, Out);
}

static void mergeInto(HelperAssembly &H, const CommandAssembly &A) {
  for (const AssemblyStep &S : A.Steps)
    if (llvm::none_of(
            H.Steps, [&](const AssemblyStep &O) { return O.Where == S.Where; }))
      H.Steps.push_back(S);
  for (const Expr *P : A.Parts)
    if (!llvm::is_contained(H.Parts, P))
      H.Parts.push_back(P);
}

const HelperAssembly *CommandAssemblyCache::returned(const FunctionDecl *FD) {
  std::pair<const FunctionDecl *, int> Key{FD, -1};
  auto It = Helpers.find(Key);
  if (It != Helpers.end())
    return It->second.get();
  if (!FD->hasBody() || !InProgress.insert(Key).second)
    return nullptr;
  auto H = std::make_unique<HelperAssembly>();
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturns(FD->getBody(), Returns);
  CommandAssemblyAnalyzer &A = analyzerFor(FD);
  for (const ReturnStmt *RS : Returns)
    if (const Expr *RV = RS->getRetValue())
      mergeInto(*H, A.analyzeAt(RV, RS->getBeginLoc()));
  InProgress.erase(Key);
  return (Helpers[Key] = std::move(H)).get();
}

const HelperAssembly *CommandAssemblyCache::storedIn(const FunctionDecl *FD,
                                                     unsigned Param) {
  std::pair<const FunctionDecl *, int> Key{FD, static_cast<int>(Param)};
  auto It = Helpers.find(Key);
  if (It != Helpers.end())
    return It->second.get();
  if (!FD->hasBody() || Param >= FD->getNumParams() ||
      !InProgress.insert(Key).second)
    return nullptr;
  auto H = std::make_unique<HelperAssembly>();
  CommandAssemblyAnalyzer &A = analyzerFor(FD);
  mergeInto(*H,
            A.analyzeVar(FD->getParamDecl(Param), FD->getBody()->getEndLoc()));
  InProgress.erase(Key);
  return (Helpers[Key] = std::move(H)).get();
}

} // namespace sinkguard::engine
