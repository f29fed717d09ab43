//===--- Branches.cpp
//-------------------------------------------------------===//
//
// Branches: refining the state along the true and false edges of a
// condition, validators, and allow-list loops.
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Compiler.h"
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

void FunctionAnalysis::validate(const Expr *Subject, State &S) {
  markValidated(locOf(Subject, S), S);
}

void FunctionAnalysis::markValidated(Location L, State &S) {
  clean(L, S);
  if (L.valid() && !llvm::is_contained(S.Validated, L) &&
      S.Validated.size() < MaxValidated)
    S.Validated.push_back(L);
}

namespace {
/// The local integers \p St assigns a non-zero constant to, into \p Out.
void collectFlagVariables(
    const Stmt *St,
    llvm::function_ref<std::optional<std::int64_t>(const Expr *)> ConstantOf,
    llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  if (!St)
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(St);
      BO && BO->getOpcode() == BO_Assign) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (VD && VD->hasLocalStorage() && VD->getType()->isIntegerType())
      if (std::optional<std::int64_t> V = ConstantOf(BO->getRHS()); V && *V)
        Out.insert(VD);
  }
  for (const Stmt *Child : St->children())
    collectFlagVariables(Child, ConstantOf, Out);
}
} // namespace

bool FunctionAnalysis::flagVariable(const VarDecl *VD) {
  if (!FlagVars) {
    FlagVars.emplace();
    collectFlagVariables(
        FD->getBody(), [&](const Expr *X) { return constantOf(X); }, *FlagVars);
  }
  return FlagVars->contains(VD);
}

void FunctionAnalysis::setFlag(const VarDecl *VD, const Expr *Value, State &S) {
  if (!S.Flags.empty())
    S.Flags.erase(VD);
  if (!Value || !VD->hasLocalStorage() || !VD->getType()->isIntegerType() ||
      !flagVariable(VD))
    return;
  llvm::erase(S.DeadFlags, VD);
  std::optional<std::int64_t> V = constantOf(Value);
  if (!V)
    return;
  if (*V == 0)
    S.Flags[VD].Vacuous = true;
  else if (!S.Validated.empty())
    S.Flags[VD].Clean = S.Validated;
}

void FunctionAnalysis::applyFlag(const Expr *Ex, State &S) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Ex);
  if (!Ref || S.Flags.empty())
    return;
  auto It = S.Flags.find(dyn_cast<VarDecl>(Ref->getDecl()));
  if (It == S.Flags.end() || It->second.Vacuous || It->second.When)
    return;
  llvm::SmallVector<Location, 2> Vouched = It->second.Clean;
  for (Location L : Vouched)
    markValidated(L, S);
}

namespace {
/// The array a range-for variable steps through (`for (const char *a :
/// allowed)`): the variable behind `__range`; null for another variable.
const VarDecl *rangeForArray(const VarDecl *VD) {
  const Expr *Init = VD ? VD->getInit() : nullptr;
  const auto *Deref = dyn_cast_or_null<UnaryOperator>(stripToValue(Init));
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return nullptr;
  const auto *Begin = dyn_cast<DeclRefExpr>(stripToValue(Deref->getSubExpr()));
  const auto *BeginVar = Begin ? dyn_cast<VarDecl>(Begin->getDecl()) : nullptr;
  if (!BeginVar || !BeginVar->isImplicit())
    return nullptr;
  const auto *Range =
      dyn_cast_or_null<DeclRefExpr>(stripToValue(BeginVar->getInit()));
  const auto *RangeVar = Range ? dyn_cast<VarDecl>(Range->getDecl()) : nullptr;
  if (!RangeVar || !RangeVar->isImplicit())
    return nullptr;
  const auto *Array =
      dyn_cast_or_null<DeclRefExpr>(stripToValue(RangeVar->getInit()));
  return Array ? dyn_cast<VarDecl>(Array->getDecl()) : nullptr;
}

/// The initialiser of \p Var when it is an array given its elements.
const InitListExpr *arrayInit(const VarDecl *Var) {
  if (!Var || !Var->getType()->isArrayType())
    return nullptr;
  const auto *Init = dyn_cast_or_null<InitListExpr>(Var->getInit());
  return Init && Init->getNumInits() > 0 ? Init : nullptr;
}
} // namespace

bool FunctionAnalysis::fixedText(const Expr *Ex) const {
  if (literalText(Ex))
    return true;
  Ex = stripToValue(Ex);
  // A field of an element of a constant table of records (`cmds[i].name`
  // in `static const struct cmd cmds[] = {{"start", run_start}, ...}`):
  // that field is a literal in every element.
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Ex)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    const auto *AS =
        dyn_cast<ArraySubscriptExpr>(ME->getBase()->IgnoreParenImpCasts());
    const auto *Ref =
        AS ? dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts())
           : nullptr;
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    const InitListExpr *Init = arrayInit(Var);
    if (!Field || !Init || !Var->getType().isConstQualified() ||
        !Field->getType()->isPointerType())
      return false;
    unsigned At = Field->getFieldIndex();
    return llvm::all_of(Init->inits(), [&](const Expr *E) {
      const auto *Elem = dyn_cast<InitListExpr>(E->IgnoreParenImpCasts());
      if (!Elem)
        return false;
      if (At >= Elem->getNumInits())
        return true; // a field not given: null
      const Expr *F = Elem->getInit(At);
      return literalText(F) || isNullLike(F, Ctx);
    });
  }
  // An element of an array of literals (`allowed[i]` in a loop over
  // `static const char *allowed[] = {"start", "stop", NULL}`), or the
  // variable of a range-for over one.
  const VarDecl *Var = nullptr;
  if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(Ex)) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts());
    Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  } else if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Ex)) {
    Var = rangeForArray(dyn_cast<VarDecl>(Ref->getDecl()));
  }
  const InitListExpr *Init = arrayInit(Var);
  if (!Init)
    return false;
  // Pointers to const text, every one a literal (or the null that ends
  // the list).
  QualType Elem = QualType(Var->getType()->getArrayElementTypeNoTypeQual(), 0);
  if (!Elem->isPointerType() || !Elem->getPointeeType().isConstQualified())
    return false;
  return llvm::all_of(Init->inits(), [&](const Expr *E) {
    return literalText(E) || isNullLike(E, Ctx);
  });
}

bool FunctionAnalysis::fixedObject(const CallExpr *Call) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
  if (!Obj)
    return false;
  Obj = Obj->IgnoreParenImpCasts();
  if (Obj->getType().isConstQualified())
    return true;
  // Named through a pointer or reference to const, or a const variable.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Obj))
    return Ref->getDecl()->getType().getNonReferenceType().isConstQualified();
  return false;
}

namespace {

/// Whether the regular expression \p P matches only whole texts: `^`
/// first, an unescaped `$` last, no `|` outside brackets and groups
/// (`^a|b$` is anchored at one end per branch).
bool anchoredText(llvm::StringRef P) {
  if (P.size() < 2 || P.front() != '^' || P.back() != '$')
    return false;
  size_t Escapes = 0;
  for (size_t I = P.size() - 1; I > 0 && P[I - 1] == '\\'; --I)
    ++Escapes;
  if (Escapes % 2 != 0)
    return false;
  int Depth = 0;
  bool InSet = false;
  for (size_t I = 0; I < P.size(); ++I) {
    char C = P[I];
    if (C == '\\') {
      ++I;
    } else if (InSet) {
      InSet = C != ']';
    } else if (C == '[') {
      InSet = true;
      // `[^]...]`, `[]...]`: the first `]` is a member.
      if (I + 1 < P.size() && P[I + 1] == '^')
        ++I;
      if (I + 1 < P.size() && P[I + 1] == ']')
        ++I;
    } else if (C == '(') {
      ++Depth;
    } else if (C == ')') {
      --Depth;
    } else if (C == '|' && Depth == 0) {
      return false;
    }
  }
  return true;
}

/// Whether the source text of \p Flags names \p Flag (`REG_NEWLINE`,
/// `std::regex::multiline`), however the flags are combined.
bool namesFlag(const Expr *Flags, llvm::StringRef Flag, const ASTContext &Ctx) {
  if (!Flags)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(
      SM.getExpansionRange(Flags->getSourceRange()).getAsRange());
  return Lexer::getSourceText(R, SM, Ctx.getLangOpts()).contains(Flag);
}

/// The declaration naming the regex_t object \p E points to (`&re`,
/// `&ctx->re`), if any.
const Decl *regexObject(const Expr *E) {
  E = E->IgnoreParenCasts();
  const auto *UO = dyn_cast<UnaryOperator>(E);
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

/// The regcomp calls of the unit that compile into \p Object.
class RegcompCalls : public DynamicRecursiveASTVisitor {
public:
  explicit RegcompCalls(const Decl *Object) : Object(Object) {}
  bool VisitCallExpr(CallExpr *Call) override {
    const FunctionDecl *F = Call->getDirectCallee();
    if (F && F->getIdentifier() && F->getName() == "regcomp" &&
        Call->getNumArgs() >= 3 && regexObject(Call->getArg(0)) == Object)
      Found.push_back(Call);
    return true;
  }
  const Decl *Object;
  llvm::SmallVector<const CallExpr *, 2> Found;
};

} // namespace

std::optional<bool> FunctionAnalysis::patternAnchored(const CallExpr *Call) {
  for (const Expr *A : Call->arguments()) {
    QualType T = A->getType().getNonReferenceType();
    // std::regex: built from a literal here or where its variable is.
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
        RD && RD->getIdentifier() &&
        (RD->getName() == "basic_regex" || RD->getName() == "regex")) {
      const Expr *E = stripToValue(A);
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          E = stripToValue(VD->getInit());
      const auto *Make = dyn_cast_or_null<CXXConstructExpr>(E);
      std::optional<llvm::StringRef> Text = Make && Make->getNumArgs() > 0
                                                ? literalText(Make->getArg(0))
                                                : std::nullopt;
      if (!Text)
        return std::nullopt;
      return anchoredText(*Text) &&
             !(Make->getNumArgs() > 1 &&
               namesFlag(Make->getArg(1), "multiline", Ctx));
    }
    // regex_t: what regcomp compiled into it, anywhere in the unit.
    const auto *TT = T->isPointerType()
                         ? T->getPointeeType()->getAs<TypedefType>()
                         : nullptr;
    if (!TT || TT->getDecl()->getName() != "regex_t")
      continue;
    const Decl *Object = regexObject(A);
    return Object ? E.compiledAnchored(Object) : std::nullopt;
  }
  return std::nullopt;
}

std::optional<bool> TaintEngine::compiledAnchored(const Decl *Object) {
  auto [It, New] = CompiledPatterns.try_emplace(Object);
  if (!New)
    return It->second;
  RegcompCalls Calls(Object);
  Calls.TraverseDecl(Ctx.getTranslationUnitDecl());
  std::optional<bool> All;
  for (const CallExpr *Comp : Calls.Found) {
    std::optional<llvm::StringRef> Text = literalText(Comp->getArg(1));
    if (!Text)
      return It->second = std::nullopt;
    bool Anchored =
        anchoredText(*Text) && !namesFlag(Comp->getArg(2), "REG_NEWLINE", Ctx);
    All = All.value_or(true) && Anchored;
  }
  return It->second = All;
}

namespace {
/// Whether the source text of \p X names \p Flag, not negated.
bool namesFlagIn(const Expr *X, llvm::StringRef Flag, const ASTContext &Ctx) {
  return !namesFlag(X, "~", Ctx) && namesFlag(X, Flag, Ctx);
}

/// The stores into field \p Field of \p Var in \p St, in source order.
void fieldStores(const Stmt *St, const VarDecl *Var, llvm::StringRef Field,
                 llvm::SmallVectorImpl<const BinaryOperator *> &Out) {
  if (!St)
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(St);
      BO && BO->isAssignmentOp()) {
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *Base =
        ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
           : nullptr;
    if (Base && Base->getDecl() == Var &&
        ME->getMemberDecl()->getName() == Field)
      Out.push_back(BO);
  }
  for (const Stmt *C : St->children())
    fieldStores(C, Var, Field, Out);
}
} // namespace

bool FunctionAnalysis::flagSet(const CallExpr *Call, const model::Rule &R) {
  const auto *UO =
      dyn_cast_or_null<UnaryOperator>(stripToValue(ruleArg(Call, R.FlagArg)));
  const auto *Ref = UO && UO->getOpcode() == UO_AddrOf
                        ? dyn_cast<DeclRefExpr>(stripToValue(UO->getSubExpr()))
                        : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return false;
  // `struct addrinfo hints = {.ai_flags = AI_NUMERICHOST}`.
  const auto *Init = dyn_cast_or_null<InitListExpr>(Var->getInit());
  const RecordDecl *Record = Var->getType()->getAsRecordDecl();
  bool Set = false;
  if (Init && Record) {
    for (const FieldDecl *F : Record->fields())
      if (F->getName() == R.FlagField &&
          F->getFieldIndex() < Init->getNumInits())
        Set = namesFlagIn(Init->getInit(F->getFieldIndex()), R.FlagName, Ctx);
  }
  // Then `hints.ai_flags = AI_NUMERICHOST;`, `|= AI_NUMERICHOST`, and
  // `&= ~AI_NUMERICHOST`, in the order the function writes them.
  llvm::SmallVector<const BinaryOperator *, 2> Stores;
  fieldStores(FD->getBody(), Var, R.FlagField, Stores);
  for (const BinaryOperator *BO : Stores) {
    bool Names = namesFlagIn(BO->getRHS(), R.FlagName, Ctx);
    if (BO->getOpcode() == BO_Assign)
      Set = Names;
    else if (BO->getOpcode() == BO_OrAssign)
      Set = Set || Names;
    else if (BO->getOpcode() != BO_AndAssign ||
             namesFlag(BO->getRHS(), R.FlagName, Ctx))
      Set = false;
  }
  return Set;
}

void FunctionAnalysis::validateArgs(const CallExpr *Call, const model::Rule &R,
                                    State &S) {
  if (R.FixedObject && !fixedObject(Call))
    return;
  // getaddrinfo without AI_NUMERICHOST resolves any name.
  if (R.FlagArg != model::NoArg && !flagSet(Call, R))
    return;
  // A regular expression that may match a part of the text validates
  // nothing.
  if (R.Pattern != model::Rule::PatternNeed::Any) {
    std::optional<bool> Anchored = patternAnchored(Call);
    if (R.Pattern == model::Rule::PatternNeed::Anchored ? Anchored != true
                                                        : Anchored == false)
      return;
  }
  for (int Pos : R.In.expand(Call->getNumArgs()))
    if (const Expr *A = ruleArg(Call, Pos))
      validate(A, S);
}

void FunctionAnalysis::validateFound(const CallExpr *Find, State &S) {
  const FunctionDecl *Callee = Find->getDirectCallee();
  if (!Callee)
    return;
  for (const model::Rule *R : M.rulesFor(Callee))
    if (R->Kind == model::RuleKind::Validator)
      validateArgs(Find, *R, S);
}

const CallExpr *
FunctionAnalysis::foundUnlessEnd(const CXXOperatorCallExpr *Op) {
  for (int Swap = 0; Swap < 2; ++Swap) {
    const auto *Find =
        dyn_cast<CXXMemberCallExpr>(stripToValue(Op->getArg(Swap)));
    const auto *End =
        dyn_cast<CXXMemberCallExpr>(stripToValue(Op->getArg(1 - Swap)));
    if (!Find || !End || !End->getMethodDecl() ||
        End->getMethodDecl()->getName() != "end" || !Find->getMethodDecl() ||
        Find->getMethodDecl()->getName() != "find")
      continue;
    const auto *A = baseVariable(Find->getImplicitObjectArgument());
    const auto *B = baseVariable(End->getImplicitObjectArgument());
    if (A && A == B)
      return Find;
  }
  return nullptr;
}

namespace {
/// Whether \p St breaks out of the loop it is the body of (a `break` not
/// inside a nested loop or switch).
bool breaksOut(const Stmt *St) {
  if (!St)
    return false;
  if (isa<BreakStmt>(St))
    return true;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(St))
    return false;
  return llvm::any_of(St->children(), breaksOut);
}

/// The local integer variables \p St reads, into \p Out (at most 2).
void localIntegers(const Stmt *St,
                   llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!St || Out.size() > 1)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(St)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (VD && VD->hasLocalStorage() && VD->getType()->isIntegerType() &&
        !llvm::is_contained(Out, VD))
      Out.push_back(VD);
    return;
  }
  for (const Stmt *Child : St->children())
    localIntegers(Child, Out);
}

/// \p E as a truth test of a value: `x != 0` and `x` test x for
/// non-zero (true), `x == NULL` and `!x` for zero (false).
std::pair<const Expr *, bool> truthTest(const Expr *E, ASTContext &Ctx) {
  E = stripToValue(E);
  bool Positive = true;
  while (const auto *UO = dyn_cast_or_null<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_LNot)
      break;
    Positive = !Positive;
    E = stripToValue(UO->getSubExpr());
  }
  const auto *BO = dyn_cast_or_null<BinaryOperator>(E);
  if (!BO || (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE))
    return {E, Positive};
  auto IsZero = [&](const Expr *X) {
    return isNullLike(X, Ctx) || isZeroConstant(X, Ctx);
  };
  bool Ne = BO->getOpcode() == BO_NE;
  if (IsZero(BO->getRHS()))
    return {stripToValue(BO->getLHS()), Ne == Positive};
  if (IsZero(BO->getLHS()))
    return {stripToValue(BO->getRHS()), Ne == Positive};
  return {E, Positive};
}

/// Whether \p X taking \p Truth means that \p When, a loop's
/// condition, holds (where the loop ran to its end it does not).
bool meansLoopCondition(const Expr *X, bool Truth, const Expr *When,
                        ASTContext &Ctx) {
  auto [XB, XP] = truthTest(X, Ctx);
  auto [WB, WP] = truthTest(When, Ctx);
  if (sameExpr(XB, WB, Ctx))
    return (Truth == XP) == WP;
  // `i < n` or `i != n` while looping; after it, `i == n` or `i >= n`
  // failing (or `i < n`, `i != n` holding) means it broke out.
  const auto *W = dyn_cast<BinaryOperator>(WB);
  const auto *C = dyn_cast<BinaryOperator>(XB);
  if (!W || !C || !WP || (W->getOpcode() != BO_LT && W->getOpcode() != BO_NE))
    return false;
  if (!sameExpr(W->getLHS(), C->getLHS(), Ctx) ||
      !sameExpr(W->getRHS(), C->getRHS(), Ctx))
    return false;
  bool Holds = Truth == XP;
  switch (C->getOpcode()) {
  case BO_EQ:
  case BO_GE:
    return !Holds;
  case BO_NE:
  case BO_LT:
    return Holds;
  default:
    return false;
  }
}
} // namespace

namespace {
void collectConjunctionLoops(const Stmt *St,
                             llvm::DenseMap<const Stmt *, const Stmt *> &Out) {
  if (!St)
    return;
  if (const auto *All =
          dyn_cast_or_null<BinaryOperator>(stripToValue(loopCondition(St)));
      All && All->getOpcode() == BO_LAnd)
    Out[All] = St;
  for (const Stmt *Child : St->children())
    collectConjunctionLoops(Child, Out);
}
} // namespace

const Stmt *FunctionAnalysis::loopOfCondition(const Stmt *Cond) {
  if (!ConjunctionLoops) {
    ConjunctionLoops.emplace();
    collectConjunctionLoops(FD->getBody(), *ConjunctionLoops);
  }
  return ConjunctionLoops->lookup(Cond);
}

void FunctionAnalysis::exitLoop(const Stmt *Loop, const Expr *Cond, State &S) {
  auto [It, New] = LoopBreaks.try_emplace(Loop, false);
  if (New)
    It->second = breaksOut(loopBody(Loop));
  const Expr *When = Cond;
  bool Vacuous = true;
  if (!It->second) {
    // `for (i = 0; allowed[i] && strcmp(s, allowed[i]); i++);` stops
    // where the last test fails while the first holds, as a break would;
    // where the first fails it ran to its end.
    const auto *All =
        dyn_cast_or_null<BinaryOperator>(stripToValue(loopCondition(Loop)));
    if (!All || All->getOpcode() != BO_LAnd)
      return;
    When = All->getLHS();
    if (stripToValue(Cond) == stripToValue(All->getRHS())) {
      refine(Cond, false, S);
      Vacuous = false;
    } else if (stripToValue(Cond) != stripToValue(When)) {
      return;
    }
  }
  llvm::SmallVector<const VarDecl *, 2> Vars;
  localIntegers(When, Vars);
  if (Vars.size() != 1)
    return;
  S.Flags[Vars.front()] = {
      Vacuous, Vacuous ? decltype(S.Validated)() : S.Validated, When};
  llvm::erase(S.DeadFlags, Vars.front());
}

void FunctionAnalysis::applyLoopFlags(const Expr *Cond, bool Truth, State &S) {
  llvm::SmallVector<Location, 4> Vouched;
  for (const auto &[Var, F] : S.Flags)
    if (F.When && !F.Vacuous && meansLoopCondition(Cond, Truth, F.When, Ctx))
      Vouched.append(F.Clean.begin(), F.Clean.end());
  for (Location L : Vouched)
    markValidated(L, S);
}

namespace {
/// Whether \p E computes an integer from local integer variables (added to
/// \p Reads) and constants only, with no side effect: a comparison of
/// them can be tested again later, while none of them is written.
bool pureOverLocals(const Expr *E,
                    llvm::SmallVectorImpl<const VarDecl *> &Reads,
                    unsigned Depth = 0) {
  E = E ? E->IgnoreParenCasts() : nullptr;
  if (!E || Depth > 8)
    return false;
  if (isa<IntegerLiteral, CharacterLiteral, UnaryExprOrTypeTraitExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return true;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD || !VD->hasLocalStorage() || !VD->getType()->isIntegerType() ||
        VD->getType().isVolatileQualified())
      return false;
    if (!llvm::is_contained(Reads, VD))
      Reads.push_back(VD);
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return (UO->getOpcode() == UO_Minus || UO->getOpcode() == UO_Not ||
            UO->getOpcode() == UO_LNot) &&
           pureOverLocals(UO->getSubExpr(), Reads, Depth + 1);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && !BO->isCommaOp() &&
           pureOverLocals(BO->getLHS(), Reads, Depth + 1) &&
           pureOverLocals(BO->getRHS(), Reads, Depth + 1);
  return false;
}
} // namespace

void FunctionAnalysis::noteCondition(const Expr *LHS, const Expr *RHS,
                                     State &S) {
  const auto *Ref = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
  if (const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr)
    noteCondition(VD, RHS, S);
}

void FunctionAnalysis::noteCondition(const VarDecl *Flag, const Expr *RHS,
                                     State &S) {
  const auto *Test = dyn_cast_or_null<BinaryOperator>(stripToValue(RHS));
  if (!Test || !Flag->hasLocalStorage() || !Flag->getType()->isIntegerType() ||
      !(Test->isComparisonOp() || Test->isLogicalOp()))
    return;
  State::Condition C{Flag, Test, {}};
  if (!pureOverLocals(Test, C.Reads) || llvm::is_contained(C.Reads, Flag))
    return;
  llvm::erase_if(S.Conditions,
                 [&](const State::Condition &O) { return O.Flag == Flag; });
  S.Conditions.push_back(std::move(C));
}

void FunctionAnalysis::testCondition(const Expr *Ex, bool Truth, State &S) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Ex);
  if (!Ref)
    return;
  const auto *It = llvm::find_if(S.Conditions, [&](const State::Condition &C) {
    return C.Flag == Ref->getDecl();
  });
  if (It != S.Conditions.end())
    refine(It->Test, Truth, S);
}

void FunctionAnalysis::refineZero(const Expr *Ex, bool IsZero, State &S) {
  Ex = stripToValue(Ex);
  if (TrackRanges && !S.Conditions.empty())
    testCondition(Ex, !IsZero, S);
  if (!IsZero)
    applyFlag(Ex, S);
  const auto *Call = dyn_cast_or_null<CallExpr>(Ex);
  if (!Call)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  // strcmp(s, "literal") == 0: s is that literal.
  if (IsZero) {
    if (const model::Rule *Equal =
            textTest(M, Callee, model::TextTest::Equal)) {
      llvm::ArrayRef<int> Texts = Equal->In.explicitArgs();
      const Expr *A = Texts.size() == 2 ? ruleArg(Call, Texts[0]) : nullptr;
      const Expr *B = Texts.size() == 2 ? ruleArg(Call, Texts[1]) : nullptr;
      if (A && B) {
        bool L0 = fixedText(A);
        bool L1 = fixedText(B);
        if (L0 != L1)
          validate(L0 ? B : A, S);
        return;
      }
    }
  }
  for (const model::Rule *R : M.rulesFor(Callee)) {
    if (R->Kind == model::RuleKind::Validator && R->ValidWhenZero == IsZero &&
        Callee->getReturnType()->isScalarType())
      validateArgs(Call, *R, S);
  }
  if (IsZero)
    return;
  // A validator's summary matters only when it is given untrusted data.
  const FunctionDecl *Def = Callee->getDefinition();
  bool AnyTainted = false;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    AnyTainted |= !read(locOf(Call->getArg(I), S), S, QualType()).empty();
  if (AnyTainted && M.rulesFor(Callee).empty()) {
    llvm::SmallVector<const LinkedFunction *, 1> Linked =
        E.linkedSummaries(Callee, Call);
    for (const LinkedFunction *L : Linked)
      for (int P : L->Validates)
        if (const Expr *A = ruleArg(Call, P))
          validate(A, S);
    if (!Linked.empty())
      return;
  }
  if (AnyTainted && definedElsewhere(Callee) && M.rulesFor(Callee).empty()) {
    // A check in another unit: the link phase knows whether it validates.
    int Index = E.externalCall(Call, Callee, FD);
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      Location L = locOf(Call->getArg(I), S);
      if (!L.valid() || S.Cells.find(L) == S.Cells.end())
        continue;
      auto It = S.Cells.mut().find(L);
      TaintSet Checked;
      for (const Step *St : It->second) {
        Checked.push_back(E.makeGuardStep(St, Call->getExprLoc(),
                                          "checked by '" + nameOf(Callee) +
                                              "', defined in another file",
                                          Index, static_cast<int>(I)));
      }
      It->second = std::move(Checked);
    }
    return;
  }
  if (Def && Def->hasBody() && AnyTainted) {
    if (const TaintEngine::Summary *Sum = E.summaryFor(Def)) {
      for (int P : Sum->Validates)
        if (const Expr *A = ruleArg(Call, P))
          validate(A, S);
      for (const auto &[P, R] : Sum->RangeValidates) {
        if (const Expr *A = ruleArg(Call, P)) {
          if (const Expr *Sub = rangeSubject(A)) {
            Location L = locOf(Sub, S);
            auto It = S.Ranges.find(L);
            S.Ranges[L] =
                It != S.Ranges.end() ? IntRange::meet(It->second, R) : R;
          }
        }
      }
    }
  }
}

// (Out of line: the state it copies stays out of refine's frame. A chain
// longer than a validator writes is not split: each level copies the
// state.)
LLVM_ATTRIBUTE_NOINLINE void
FunctionAnalysis::refineEither(const BinaryOperator *BO, State &S) {
  constexpr unsigned MaxChain = 8;
  unsigned Length = 0;
  for (const Expr *E = BO; Length <= MaxChain;) {
    const auto *Link = dyn_cast_or_null<BinaryOperator>(stripToValue(E));
    if (!Link || Link->getOpcode() != BO->getOpcode())
      break;
    ++Length;
    E = Link->getLHS();
  }
  if (Length > MaxChain)
    return;
  bool Or = BO->getOpcode() == BO_LOr;
  State First = S;
  refine(BO->getLHS(), Or, First);
  refine(BO->getLHS(), !Or, S);
  refine(BO->getRHS(), Or, S);
  S.join(std::move(First));
}

void FunctionAnalysis::refine(const Expr *Cond, bool Truth, State &S) {
  Cond = stripToValue(Cond);
  if (!Cond)
    return;
  // C++20's `a != b` through `operator==` (`!(a == b)`), `b == a` with the
  // operands swapped: the comparison it stands for.
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(Cond)) {
    refine(Rewritten->getSemanticForm(), Truth, S);
    return;
  }
  if (!S.Flags.empty())
    applyLoopFlags(Cond, Truth, S);
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() == UO_LNot)
      refine(UO->getSubExpr(), !Truth, S);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    BinaryOperatorKind Op = BO->getOpcode();
    if (Op == BO_LAnd && Truth) {
      refine(BO->getLHS(), true, S);
      refine(BO->getRHS(), true, S);
      return;
    }
    if (Op == BO_LOr && !Truth) {
      refine(BO->getLHS(), false, S);
      refine(BO->getRHS(), false, S);
      return;
    }
    // `return c == "a" || c == "b";`: what holds on either way it is true
    // (the CFG splits the conditions of branches; this is a value's).
    if ((Op == BO_LOr && Truth) || (Op == BO_LAnd && !Truth)) {
      refineEither(BO, S);
      return;
    }
    if (TrackRanges && BO->isComparisonOp())
      refineRange(BO, Truth, S);
    // `inet_pton(...) == 1`, `> 0`, `<= 0` on the false edge: the call
    // returned non-zero.
    if (const auto *Call = BO->isComparisonOp()
                               ? dyn_cast<CallExpr>(stripToValue(BO->getLHS()))
                               : nullptr) {
      Expr::EvalResult K;
      const Expr *Lit = BO->getRHS();
      if (!Lit->isValueDependent() && Lit->EvaluateAsInt(K, Ctx)) {
        llvm::APSInt V = K.Val.getInt();
        bool NonZero = (Op == BO_EQ && Truth && V != 0) ||
                       (Op == BO_NE && !Truth && V != 0) ||
                       (Op == BO_GT && Truth && V >= 0) ||
                       (Op == BO_GE && Truth && V >= 1) ||
                       (Op == BO_LE && !Truth && V >= 0) ||
                       (Op == BO_LT && !Truth && V >= 1);
        if (NonZero)
          refineZero(Call, /*IsZero=*/false, S);
      }
    }
    if (Op != BO_EQ && Op != BO_NE)
      return;
    bool Holds = (Op == BO_EQ) == Truth;
    const Expr *L = stripToValue(BO->getLHS());
    const Expr *R = stripToValue(BO->getRHS());
    // X == 0, 0 == X.
    if (isZeroConstant(R, Ctx) || isNullLike(BO->getRHS(), Ctx)) {
      refineZero(L, Holds, S);
    } else if (isZeroConstant(L, Ctx)) {
      refineZero(R, Holds, S);
    }
    if (!Holds)
      return;
    // A test of the model (strspn, strlen, find_first_not_of) called in
    // \p X: the call, its text argument and its set argument's safe text.
    struct Tested {
      const CallExpr *Call = nullptr;
      const Expr *Text = nullptr;
      std::optional<llvm::StringRef> SafeSet;
    };
    auto Test = [&](const Expr *X, model::TextTest Kind) -> Tested {
      const auto *C = dyn_cast_or_null<CallExpr>(X);
      const model::Rule *Rule =
          C ? textTest(M, C->getDirectCallee(), Kind) : nullptr;
      if (!Rule)
        return {};
      Tested T{C, firstInArg(C, *Rule), std::nullopt};
      if (const Expr *Set = ruleArg(C, Rule->SetArg))
        T.SafeSet = literalText(Set);
      if (T.SafeSet && !isSafeCharSet(*T.SafeSet))
        T.SafeSet.reset();
      return T;
    };
    for (int Swap = 0; Swap < 2; ++Swap) {
      const Expr *A = Swap ? R : L;
      const Expr *B = Swap ? L : R;
      // strspn(s, SET) == strlen(s): every character of s is in SET.
      if (Tested Span = Test(A, model::TextTest::SpanOfSet); Span.Text) {
        if (Tested Len = Test(B, model::TextTest::Length); Len.Text) {
          const auto *V1 = baseVariable(Span.Text);
          const auto *V2 = baseVariable(Len.Text);
          if (Span.SafeSet && V1 && V1 == V2)
            validate(Span.Text, S);
        }
      }
      // s[strspn(s, SET)] == '\0'.
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(A)) {
        if (Tested Span =
                Test(stripToValue(AS->getIdx()), model::TextTest::SpanOfSet);
            Span.Text && isZeroConstant(B, Ctx))
          if (Span.SafeSet &&
              baseVariable(AS->getBase()) == baseVariable(Span.Text))
            validate(Span.Text, S);
      }
      // s.find_first_not_of(SET) == std::string::npos.
      if (Tested NotIn = Test(A, model::TextTest::FindNotInSet); NotIn.Text) {
        const auto *NposRef = dyn_cast<DeclRefExpr>(B);
        if (NotIn.SafeSet && NposRef && NposRef->getDecl()->getName() == "npos")
          validate(NotIn.Text, S);
      }
    }
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond)) {
    // std::string == "literal".
    if ((Op->getOperator() == OO_EqualEqual ||
         Op->getOperator() == OO_ExclaimEqual) &&
        Op->getNumArgs() == 2) {
      bool Holds = (Op->getOperator() == OO_EqualEqual) == Truth;
      // `allowed.find(s) != allowed.end()`: found in a fixed allow-list.
      if (const CallExpr *Find = Holds ? nullptr : foundUnlessEnd(Op))
        validateFound(Find, S);
      bool L0 = fixedText(Op->getArg(0));
      bool L1 = fixedText(Op->getArg(1));
      if (Holds && L0 != L1)
        validate(Op->getArg(L0 ? 1 : 0), S);
      return;
    }
  }
  // `if (ok)`: a flag (State::Flags) is non-zero on the true edge.
  if (isa<CallExpr>(Cond) || isa<DeclRefExpr>(Cond))
    refineZero(Cond, !Truth, S);
  if (!isa<CallExpr>(Cond) && TrackRanges && !Truth)
    refineRanges(Cond, Truth, S); // `if (n)`: n is zero on the false edge.
}

/// The string a loop checks character by character against an allow-list,
/// leaving the function when a character is not allowed; null otherwise.
// The loop shapes one by one; predates the size rule.
// NOLINTNEXTLINE(readability-function-size)
const Expr *FunctionAnalysis::validationLoopSubject(const Stmt *Loop) {
  auto Cached = LoopSubjects.find(Loop);
  if (Cached != LoopSubjects.end())
    return Cached->second;
  const Stmt *Body = loopBody(Loop);
  const VarDecl *RangeVar = nullptr;
  const Expr *RangeInit = nullptr;
  if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop)) {
    RangeVar = R->getLoopVariable();
    RangeInit = R->getRangeInit();
  }
  // Character variables set from the string inside the loop body.
  llvm::DenseMap<const VarDecl *, const Expr *> CharFrom;
  std::function<const Expr *(const Expr *)> SubjectOf =
      [&](const Expr *C) -> const Expr * {
    C = stripToValue(C);
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(C))
      return AS->getBase();
    if (const auto *UO = dyn_cast<UnaryOperator>(C))
      if (UO->getOpcode() == UO_Deref)
        return UO->getSubExpr();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C))
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
        return Op->getArg(0);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(C)) {
      if (RangeVar && DRE->getDecl() == RangeVar)
        return RangeInit;
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = CharFrom.find(VD);
        if (It != CharFrom.end())
          return It->second;
      }
    }
    return nullptr;
  };
  // Whether Cond rejects a character that is not in an allow-list: it
  // holds a negated allow-class test (or strchr(SAFE, c) == NULL) on a
  // character of the subject. Returns the subject.
  // glibc's <ctype.h> makes isalnum(c) a macro over a table lookup:
  // find the character inside the expansion.
  std::function<const Expr *(const Expr *)> FindChar =
      [&](const Expr *X) -> const Expr * {
    if (!X)
      return nullptr;
    // The table itself (`(*__ctype_b_loc())[c]`) is no variable's text.
    if (const Expr *Sub = SubjectOf(X))
      if (baseVariable(Sub))
        return Sub;
    for (const Stmt *Child : X->children())
      if (const Expr *Sub = FindChar(dyn_cast_or_null<Expr>(Child)))
        return Sub;
    return nullptr;
  };
  std::function<const Expr *(const Expr *, bool)> Rejects =
      [&](const Expr *Cond, bool Negated) -> const Expr * {
    Cond = stripToValue(Cond);
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      if (UO->getOpcode() == UO_LNot)
        return Rejects(UO->getSubExpr(), !Negated);
    if (Negated && !isa<CallExpr>(Cond) &&
        isAllowClassMacro(Cond->getBeginLoc(), SM, Ctx.getLangOpts(), M))
      return FindChar(Cond);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if (BO->isLogicalOp()) {
        if (const Expr *S1 = Rejects(BO->getLHS(), Negated))
          return S1;
        return Rejects(BO->getRHS(), Negated);
      }
      if ((BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) &&
          isZeroConstant(BO->getRHS(), Ctx))
        return Rejects(BO->getLHS(),
                       BO->getOpcode() == BO_EQ ? !Negated : Negated);
      Expr::EvalResult Res;
      // c < 'a' || c > 'z' style range tests reject what is outside.
      if ((BO->getOpcode() == BO_LT || BO->getOpcode() == BO_GT) && !Negated &&
          BO->getRHS()->EvaluateAsInt(Res, Ctx)) {
        int64_t V = Res.Val.getInt().getExtValue();
        bool AlnumBound = (V >= '0' && V <= '9' + 1) ||
                          (V >= 'A' - 1 && V <= 'Z' + 1) ||
                          (V >= 'a' - 1 && V <= 'z' + 1);
        if (AlnumBound)
          return SubjectOf(BO->getLHS());
      }
      return nullptr;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Cond)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (!F || Call->getNumArgs() < 1)
        return nullptr;
      if (!Negated)
        return nullptr;
      if (const model::Rule *Class =
              textTest(M, F, model::TextTest::AllowClass))
        if (const Expr *C = firstInArg(Call, *Class))
          return SubjectOf(C);
      // strchr(SET, c) == NULL.
      if (const model::Rule *Find =
              textTest(M, F, model::TextTest::FindInSet)) {
        if (const Expr *C = firstInArg(Call, *Find)) {
          if (const Expr *Set = ruleArg(Call, Find->SetArg)) {
            std::optional<llvm::StringRef> Text = literalText(Set);
            if (Text && isSafeCharSet(*Text))
              return SubjectOf(C);
          }
        }
      }
    }
    return nullptr;
  };
  const Expr *Found = nullptr;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *St) {
    if (!St || Found)
      return;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(St))
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls()) {
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() && VD->getType()->isIntegralOrEnumerationType())
            if (const Expr *Sub = SubjectOf(VD->getInit()))
              CharFrom[VD] = Sub;
      }
    }
    if (const auto *If = dyn_cast<IfStmt>(St)) {
      if (leaves(If->getThen(), M)) {
        if (const Expr *Sub = Rejects(If->getCond(), false)) {
          Found = Sub;
          return;
        }
      }
    }
    for (const Stmt *Child : St->children())
      Walk(Child);
  };
  if (Body) {
    if (const auto *CS = dyn_cast<CompoundStmt>(Body)) {
      for (const Stmt *Child : CS->body())
        Walk(Child);
    } else {
      Walk(Body);
    }
  }
  LoopSubjects[Loop] = Found;
  return Found;
}

} // namespace sinkguard::engine
