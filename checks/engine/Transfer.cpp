//===--- Transfer.cpp
//-------------------------------------------------------===//
//
// Transfer functions: what evaluating an expression, a declaration or a
// CFG block does to the state.
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/TypeBase.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Compiler.h"
#include <optional>
#include <string>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

TaintSet FunctionAnalysis::eval(const Expr *Ex, State &S) {
  if (!Ex)
    return {};
  auto It = Cache.find(Ex);
  if (It != Cache.end())
    return It->second;
  TaintSet T = evalUncached(Ex, S);
  Cache[Ex] = T;
  return T;
}

bool FunctionAnalysis::elementThroughPointer(const Expr *L, State &S) {
  const auto *UO = dyn_cast<UnaryOperator>(L);
  if (!UO || UO->getOpcode() != UO_Deref)
    return false;
  Location At = locOf(UO->getSubExpr(), S);
  return At.valid() && !At.Path && ArrayBases.contains(At.Base);
}

void FunctionAnalysis::assign(const Expr *LHS, const Expr *RHS,
                              const TaintSet &T, State &S, bool Strong,
                              SourceLocation At) {
  const Expr *L = stripToValue(LHS);
  auto Assigned = [&](const TaintSet &X) {
    return extendAt(X, At, {L, nullptr, static_cast<int>(At.getRawEncoding())},
                    [&] {
                      std::string Name = objectName(L);
                      return Name.empty() ? Name : "assigned to '" + Name + "'";
                    });
  };
  TaintSet Stepped = Assigned(T);
  // `buf[i] = c`, and `*p = 0` where p points into an array (`*p++ = c`
  // accumulating a line, then its terminator): one element, not the
  // whole array, is overwritten.
  if (isa<ArraySubscriptExpr>(L) || elementThroughPointer(L, S))
    Strong = false;
  // `p = buf`: p now designates buf.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(L)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      setFlag(VD, RHS, S);
    QualType Ty = DRE->getType();
    if (Ty->isFunctionPointerType()) {
      S.Callee.erase(DRE->getDecl());
      if (RHS)
        if (const auto *Target = dyn_cast<DeclRefExpr>(stripToValue(RHS)))
          if (const auto *Fn = dyn_cast<FunctionDecl>(Target->getDecl()))
            S.Callee[DRE->getDecl()] = {Fn};
      return;
    }
    // (A global outlives what it may point to here: it keeps the data.)
    if (Ty->isPointerType() && RHS && E.trackedGlobal(DRE->getDecl()) < 0) {
      Location Target = locOf(RHS, S);
      if (Target.valid() && Target.Base != DRE->getDecl()) {
        S.Alias[DRE->getDecl()] = Target;
        S.Mixed.erase(DRE->getDecl());
        S.Cells.erase(varLoc(DRE->getDecl()));
        return;
      }
      S.Alias.erase(DRE->getDecl());
      S.Mixed.erase(DRE->getDecl());
    }
  }
  // `c.reader = &r`: the field designates r (its cell also keeps what r
  // holds now, for the paths where that is not known).
  if (const auto *ME = dyn_cast<MemberExpr>(L)) {
    Location Field = fieldOf(ME, S);
    if (Field.valid() && !S.FieldAlias.empty())
      S.FieldAlias.erase(Field);
    if (Field.valid() && RHS && ME->getType()->isPointerType() &&
        !ME->getType()->isFunctionPointerType()) {
      const Expr *R = stripToValue(RHS);
      const auto *UO = dyn_cast<UnaryOperator>(R);
      bool Designates =
          (UO && UO->getOpcode() == UO_AddrOf) || R->getType()->isArrayType();
      Location Target = Designates ? locOf(R, S) : Location();
      if (Target.valid() && Target.Base != MixedBase &&
          !(Target.Base == Field.Base && pathWithin(Field.Path, Target.Path)) &&
          !isa<ArraySubscriptExpr>(ME->getBase()->IgnoreParenImpCasts())) {
        write(Field, Stepped, S, Strong);
        S.FieldAlias[Field] = Target;
        return;
      }
    }
  }
  // `vals[i] = x & 0x3f`: the elements' range before the store.
  std::optional<IntRange> Elements;
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(L);
      TrackRanges && RHS && AS)
    Elements = elementRange(AS, S);
  // `*conn = tmp`: a struct is copied field by field.
  if (const Expr *From =
          RHS && copiedByField(L->getType()) ? copiedObject(RHS) : nullptr) {
    if (copyObject(locOf(L, S), locOf(From, S), S, Strong, Assigned))
      return;
  }
  // The stored value's range goes with a number into a global (only
  // there does write() keep it: what every function reads there).
  Location To = locOf(L, S);
  std::optional<IntRange> Stored;
  if (TrackRanges && RHS && isInt(L->getType()) && E.globalAt(To.Base) >= 0)
    Stored = IntRange::meet(rangeOf(RHS, S), typeRange(L->getType()));
  write(To, Stepped, S, Strong, Stored);
  if (TrackRanges && RHS && !isa<ArraySubscriptExpr>(L)) {
    setRange(L, RHS, !mayBeUntrusted(T), !T.empty(), S);
    noteCondition(L, RHS, S);
  }
  if (Elements)
    storeElementRange(cast<ArraySubscriptExpr>(L), RHS, Elements, S);
}

void FunctionAnalysis::declare(const VarDecl *VD, State &S) {
  if (VD->getType()->isArrayType())
    ArrayBases.insert(VD);
  // `char buf[n]`: a variable-length array of n elements on the stack.
  if (TrackRanges) {
    if (const VariableArrayType *VAT =
            Ctx.getAsVariableArrayType(VD->getType())) {
      if (const Expr *N = VAT->getSizeExpr()) {
        TaintSet T = eval(N, S);
        if (!T.empty())
          checkSize(N, N, nullptr, T, nullptr, S);
      }
    }
  }
  // A declaration makes a new variable (again on each round of a loop).
  S.Alias.erase(VD);
  S.Mixed.erase(VD);
  setFlag(VD, VD->getInit(), S);
  if (TrackRanges)
    declareElementRange(VD, S);
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  QualType Ty = VD->getType();
  if (Ty->isReferenceType()) {
    Location Target = locOf(Init, S);
    if (Target.valid()) {
      eval(Init, S);
      S.Alias[VD] = Target;
      return;
    }
  }
  TaintSet T = eval(Init, S);
  auto Assigned = [&](const TaintSet &X) {
    return extendAt(X, VD->getLocation(), {VD, nullptr, 0},
                    [&] { return "assigned to '" + declName(VD) + "'"; });
  };
  // `struct conn tmp = *conn`: field by field.
  if (const Expr *From = copiedByField(Ty) ? copiedObject(Init) : nullptr) {
    if (copyObject(varLoc(VD), locOf(From, S), S, /*Strong=*/true, Assigned))
      return;
  }
  // `auto f = [cmd] { ... }`: each capture in its field.
  if (captureFields(varLoc(VD), Init, S))
    return;
  // `Frame f(bytes)`: each field what the constructor stores there.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
      CE && constructFields(varLoc(VD), CE, S, Assigned))
    return;
  // `struct hdr h = { .sid = uuid(), .len = 4 }`: each field what its
  // initialiser holds.
  if (const auto *IL = dyn_cast<InitListExpr>(stripToValue(Init));
      IL && copiedByField(Ty)) {
    clean(varLoc(VD), S);
    if (TrackRanges)
      forgetRange(varLoc(VD), S);
    if (initFields(varLoc(VD), IL, S, Assigned))
      return;
    write(varLoc(VD), Assigned(T), S, /*Strong=*/true);
    return;
  }
  if (Ty->isFunctionPointerType()) {
    if (const auto *Target = dyn_cast<DeclRefExpr>(stripToValue(Init)))
      if (const auto *Fn = dyn_cast<FunctionDecl>(Target->getDecl()))
        S.Callee[VD] = {Fn};
    return;
  }
  if (Ty->isPointerType() || isSmartPointerType(Ty)) {
    // `char *p = buf`, `const char *c = s.c_str()`: p designates the
    // object; results of calls that make new values (strdup, getenv) are
    // values of their own. So does `std::unique_ptr<Job> j(new Job(cmd))`.
    Location Target = locOf(Init, S);
    if (Target.valid()) {
      S.Alias[VD] = Target;
      return;
    }
  }
  if (TrackRanges && Ty->isIntegralOrEnumerationType()) {
    // The variable may hold an older value's range (a loop's next round).
    forgetRange(varLoc(VD), S);
    IntRange R = IntRange::meet(rangeOf(Init, S), typeRange(Ty));
    // A trusted value of unknown size: as good as a comparison with it.
    if (!mayBeUntrusted(T) && !R.hasUpper()) {
      R.Symbolic = true;
      R.FromParameter = !T.empty();
    }
    if (R.Lo || R.hasUpper() || R.LenBase)
      S.Ranges[varLoc(VD)] = R;
  }
  if (T.empty()) {
    if (TrackRanges && Init)
      noteCondition(VD, Init, S);
    return;
  }
  std::optional<IntRange> Kept;
  if (TrackRanges) {
    auto It = S.Ranges.find(varLoc(VD));
    if (It != S.Ranges.end())
      Kept = It->second;
  }
  write(varLoc(VD),
        extendAt(T, VD->getLocation(), {VD, nullptr, 0},
                 [&] { return "assigned to '" + declName(VD) + "'"; }),
        S, true);
  if (Kept)
    S.Ranges[varLoc(VD)] = *Kept;
  if (TrackRanges && Init)
    noteCondition(VD, Init, S);
}

// A dispatch on the expression's class; predates the size rule.
// NOLINTNEXTLINE(readability-function-size)
TaintSet FunctionAnalysis::evalUncached(const Expr *Ex, State &S) {
  Ex = Ex->IgnoreParens();
  if (isa<StringLiteral, IntegerLiteral, CharacterLiteral, FloatingLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, GNUNullExpr,
          UnaryExprOrTypeTraitExpr, LambdaExpr, CXXThisExpr>(Ex))
    return {};
  // `std::move(cmd)`: cmd itself.
  if (const auto *Call = dyn_cast<CallExpr>(Ex))
    if (const Expr *Moved = castObject(Call))
      return eval(Moved, S);

  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex)) {
    // `auto [cmd, n] = pair;`: what the binding stands for.
    if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl())) {
      // (Of a tuple-like object: a variable holding `get<N>(object)`.)
      if (const VarDecl *Holding = B->getHoldingVar())
        return Holding->getInit() ? eval(Holding->getInit(), S) : TaintSet();
      return B->getBinding() ? eval(B->getBinding(), S) : TaintSet();
    }
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return {};
    // getopt's optarg is the command line.
    if (const model::Rule *Global = M.globalSource(VD)) {
      if (!E.isTrusted(Global->Source)) {
        const Origin *O =
            E.makeOrigin({Origin::Source, 0, Global->Source, Global->Function,
                          false, DRE->getLocation()});
        return {E.makeStep(nullptr, O, DRE->getLocation(),
                           "'" + Global->Function + "' holds " +
                               describeSourceKind(Global->Source).str())};
      }
    }
    return read(locOf(DRE, S), S, DRE->getType());
  }

  if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
    if (isa<FieldDecl>(ME->getMemberDecl())) {
      // `table[n].fn`, `conns[i]->fd`: the element's index is a use too.
      if (TrackRanges)
        if (const auto *AS = dyn_cast<ArraySubscriptExpr>(
                ME->getBase()->IgnoreParenImpCasts()))
          eval(AS, S);
      return read(locOf(ME, S), S, ME->getType());
    }
    eval(ME->getBase(), S);
    return {};
  }

  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Ex)) {
    eval(AS->getBase(), S);
    TaintSet I = eval(AS->getIdx(), S);
    if (TrackRanges && !I.empty())
      checkIndex(SinkHit::Index, AS, AS->getBase(), AS->getIdx(), I, nullptr,
                 S);
    return read(locOf(AS->getBase(), S), S, AS->getType());
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(Ex)) {
    switch (UO->getOpcode()) {
    case UO_Deref:
      eval(UO->getSubExpr(), S);
      return read(locOf(UO->getSubExpr(), S), S, UO->getType());
    case UO_LNot:
      eval(UO->getSubExpr(), S);
      return {};
    default: {
      const Expr *Sub = UO->getSubExpr();
      TaintSet T = eval(Sub, S);
      // `ok++`, `&ok`: a flag (State::Flags) no longer means what it did.
      if (!S.Flags.empty() &&
          (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf))
        if (const auto *Ref = dyn_cast<DeclRefExpr>(stripToValue(Sub)))
          if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
            S.Flags.erase(VD);
      if (TrackRanges && UO->isIncrementDecrementOp()) {
        // `n++`, `n--`: the range moves by one (and is lost where the type
        // may wrap).
        std::optional<IntRange> Moved;
        if (isInt(Sub->getType()) && preciseLocation(Sub)) {
          IntRange Was = rangeOf(Sub, S);
          Moved = stepped(Was, UO->isIncrementOp() ? 1 : -1, Sub->getType());
          // The value `n++` yields (rangeOf): n's before the step.
          if (UO->isPostfix())
            Stepped[UO] = Was;
          else
            Stepped[UO] = Moved ? *Moved : typeRange(Sub->getType());
        }
        Location L = locOf(Sub, S);
        forgetRange(L, S);
        if (Moved && L.valid())
          S.Ranges[L] = *Moved;
      }
      return T;
    }
    }
  }

  if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    if (BO->getOpcode() == BO_Assign) {
      TaintSet T = eval(BO->getRHS(), S);
      eval(BO->getLHS(), S);
      assign(BO->getLHS(), BO->getRHS(), T, S, /*Strong=*/true,
             BO->getOperatorLoc());
      return T;
    }
    if (BO->isCompoundAssignmentOp()) {
      TaintSet T = eval(BO->getRHS(), S);
      TaintSet L = eval(BO->getLHS(), S);
      if (TrackRanges && BO->getLHS()->getType()->isPointerType() &&
          (BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign))
        if (!T.empty())
          checkIndex(SinkHit::Offset, BO, BO->getLHS(), BO->getRHS(), T,
                     nullptr, S);
      std::optional<IntRange> After;
      if (TrackRanges && (BO->getOpcode() == BO_RemAssign ||
                          BO->getOpcode() == BO_AndAssign)) {
        // `n %= 10`, `n &= 15`: the range of `n % 10`, `n & 15`.
        After = binaryRange(BO->getOpcode() == BO_RemAssign ? BO_Rem : BO_And,
                            BO->getLHS(), BO->getRHS(), S);
      } else if (TrackRanges &&
                 (BO->getOpcode() == BO_AddAssign ||
                  BO->getOpcode() == BO_SubAssign) &&
                 isInt(BO->getLHS()->getType()) &&
                 preciseLocation(BO->getLHS())) {
        // `n += 2`: the range of `n + 2`.
        After = binaryRange(BO->getOpcode() == BO_AddAssign ? BO_Add : BO_Sub,
                            BO->getLHS(), BO->getRHS(), S);
        // `ds->length += n`: an object growing its own length keeps it its
        // own (a length set from elsewhere, `ds->length = n`, does not).
        if (isa<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
          if (IntRange Was = rangeOf(BO->getLHS(), S);
              Was.LenOwn && Was.LenDelta == 0)
            After->lengthFrom(Was);
      }
      addAll(T, L);
      assign(BO->getLHS(), nullptr, T, S, /*Strong=*/false,
             BO->getOperatorLoc());
      if (After && (After->Lo || After->hasUpper() || After->LenBase))
        S.Ranges[locOf(BO->getLHS(), S)] = *After;
      return T;
    }
    if (TrackRanges && BO->isComparisonOp() &&
        BO->getLHS()->getType()->isPointerType()) {
      // `p + n > end` checks n; it reads nothing at p + n.
      PointerComparands.insert(BO->getLHS()->IgnoreParenImpCasts());
      PointerComparands.insert(BO->getRHS()->IgnoreParenImpCasts());
    }
    TaintSet L = eval(BO->getLHS(), S);
    if (TrackRanges && BO->isLogicalOp()) {
      // The right operand runs only when the left one lets it:
      // `n < 4 && t[n]`.
      auto Before = S.Ranges;
      refineRanges(BO->getLHS(), BO->getOpcode() == BO_LAnd, S);
      eval(BO->getRHS(), S);
      State::joinRanges(S.Ranges, Before);
      return {};
    }
    TaintSet R = eval(BO->getRHS(), S);
    if (TrackRanges && BO->isAdditiveOp()) {
      // `p + n`, `n + p`, `p - n`: an offset from a pointer.
      const Expr *Ptr =
          BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : nullptr;
      if (!Ptr && BO->getOpcode() == BO_Add &&
          BO->getRHS()->getType()->isPointerType())
        Ptr = BO->getRHS();
      const Expr *Off = Ptr == BO->getLHS() ? BO->getRHS() : BO->getLHS();
      if (Ptr && Off->getType()->isIntegerType() &&
          !PointerComparands.contains(BO)) {
        const TaintSet &OT = Off == BO->getLHS() ? L : R;
        if (!OT.empty())
          checkIndex(SinkHit::Offset, BO, Ptr, Off, OT, nullptr, S);
      }
    }
    if (BO->isComparisonOp() || BO->isLogicalOp())
      return {};
    if (BO->getOpcode() == BO_Comma)
      return R;
    // `s - sizeof *hdr`: the program's own header, not the data.
    if (stepsBackToObject(BO))
      return {};
    addAll(L, R);
    // `end - start`: a place in the data, not the data (Step::Positional).
    if (BO->getOpcode() == BO_Sub && BO->getLHS()->getType()->isPointerType() &&
        BO->getRHS()->getType()->isPointerType()) {
      TaintSet D;
      for (const Step *St : L)
        D.push_back(E.makeStep(St, St->Root, BO->getOperatorLoc(),
                               "the distance between two places in it",
                               /*Positional=*/true));
      return D;
    }
    return L;
  }

  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Ex)) {
    eval(CO->getCond(), S);
    if (TrackRanges && isa<ConditionalOperator>(CO)) {
      // Each side runs only when the condition says so: `n < 4 ? t[n] : 0`.
      auto Before = S.Ranges;
      refineRanges(CO->getCond(), true, S);
      TaintSet T = eval(CO->getTrueExpr(), S);
      auto AfterTrue = std::move(S.Ranges);
      S.Ranges = std::move(Before);
      refineRanges(CO->getCond(), false, S);
      addAll(T, eval(CO->getFalseExpr(), S));
      State::joinRanges(S.Ranges, AfterTrue);
      return T;
    }
    // `valid(c) ? c : "true"`: each side's value under its condition (what
    // the sides did is in their own blocks of the CFG already).
    if (const auto *C = dyn_cast<ConditionalOperator>(CO);
        C && mayValidate(C->getCond()))
      return evalSides(C, S);
    TaintSet T = eval(CO->getTrueExpr(), S);
    addAll(T, eval(CO->getFalseExpr(), S));
    return T;
  }

  if (const auto *CE = dyn_cast<CastExpr>(Ex))
    return eval(CE->getSubExpr(), S);
  if (const auto *M2 = dyn_cast<MaterializeTemporaryExpr>(Ex))
    return eval(M2->getSubExpr(), S);
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Ex))
    return eval(B->getSubExpr(), S);
  if (const auto *W = dyn_cast<ExprWithCleanups>(Ex))
    return eval(W->getSubExpr(), S);
  if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Ex))
    return eval(D->getExpr(), S);

  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    // `a = b` of a C-like struct in C++: the trivial assignment copies it
    // as C does.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 && Method &&
          Method->isTrivial() &&
          (Method->isCopyAssignmentOperator() ||
           Method->isMoveAssignmentOperator()) &&
          copiedByField(Op->getArg(0)->getType())) {
        TaintSet T = eval(Op->getArg(1), S);
        eval(Op->getArg(0), S);
        assign(Op->getArg(0), Op->getArg(1), T, S, /*Strong=*/true,
               Op->getOperatorLoc());
        return T;
      }
    }
    if (!Callee) {
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(stripToValue(Call->getCallee()))) {
        auto It = S.Callee.find(Ref->getDecl());
        if (It != S.Callee.end() && It->second.size() == 1)
          Callee = It->second.front();
        if (It != S.Callee.end() && It->second.size() > 1) {
          // A pointer that holds one of several functions here.
          llvm::SmallVector<const FunctionDecl *, 4> Targets(It->second.begin(),
                                                             It->second.end());
          return callEach(Call, Targets, S);
        }
      }
      // `handlers[type](msg)`, `(*verbs[i])(arg)`: a table of the
      // functions its initializer names; the subscript is an index.
      llvm::SmallVector<const FunctionDecl *, 4> Targets;
      tableTargets(Call->getCallee(), Targets);
      if (!Targets.empty()) {
        if (TrackRanges)
          eval(Call->getCallee(), S);
        return callEach(Call, Targets, S);
      }
    }
    return evalCall(Call, Callee, S);
  }

  if (const auto *CE = dyn_cast<CXXConstructExpr>(Ex))
    return evalConstruct(CE, S);

  if (const auto *New = dyn_cast<CXXNewExpr>(Ex)) {
    for (const Stmt *Child : New->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        eval(CE, S);
    // `new Job(cmd)`, `new Frame{len, data}`: an object of the program's
    // own class, field by field, in a cell of its own that the pointer
    // designates (locOf).
    if (const Location Heap = heapObject(New); Heap.valid()) {
      const Expr *Init = New->getInitializer();
      auto Same = [&](const TaintSet &X) {
        return extendAt(X, New->getBeginLoc(), {New, nullptr, 0}, [&] {
          return "'new' makes a '" +
                 New->getAllocatedType().getAsString(Ctx.getPrintingPolicy()) +
                 "' of it";
        });
      };
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Init)) {
        constructFields(Heap, CE, S, Same);
      } else if (const auto *IL = dyn_cast<InitListExpr>(Init)) {
        clean(Heap, S);
        initFields(Heap, IL, S, Same);
      }
      return {};
    }
    // `new std::string(cmd)`: the object holds what it was made from (an
    // object of the program's own class holds it field by field).
    if (!New->isArray() && New->getInitializer() &&
        carriesText(New->getAllocatedType()) &&
        onlyLibraryTypes(New->getAllocatedType()))
      return eval(New->getInitializer(), S);
    // `new T[n]`: n elements.
    if (TrackRanges && New->isArray()) {
      if (std::optional<const Expr *> N = New->getArraySize()) {
        if (*N) {
          TaintSet T = eval(*N, S);
          if (!T.empty())
            checkSize(New, *N, nullptr, T, nullptr, S);
        }
      }
    }
    return {};
  }

  // `std::vector<std::string> parts{line, "-c"}`: the list's elements.
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Ex))
    return eval(stripToValue(List->getSubExpr()), S);

  if (const auto *IL = dyn_cast<InitListExpr>(Ex)) {
    TaintSet T;
    for (const Expr *Init : IL->inits())
      addAll(T, eval(Init, S));
    return T;
  }

  // Anything else: evaluate the parts for their side effects.
  for (const Stmt *Child : Ex->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      eval(CE, S);
  return {};
}

TaintSet FunctionAnalysis::evalConstruct(const CXXConstructExpr *CE, State &S) {
  TaintSet T;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  for (const Expr *Arg : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg) && carriesText(Arg->getType()))
      addAll(T, eval(Arg, S));
  // `std::vector<T> v(n)`, `std::string s(n, c)`: a container made with n
  // elements allocates as much as `new T[n]`.
  if (TrackRanges && Ctor && CE->getNumArgs() > 0 && Ctor->getNumParams() > 0 &&
      Ctor->getNumParams() <= 3 && !isa<CXXDefaultArgExpr>(CE->getArg(0)) &&
      isInt(Ctor->getParamDecl(0)->getType()) &&
      isInt(CE->getArg(0)->getType())) {
    if (llvm::any_of(M.rulesFor(Ctor), [](const model::Rule *R) {
          return R->Kind == model::RuleKind::Sink &&
                 R->Sink == model::SinkKind::Size && R->In.contains(0);
        })) {
      TaintSet N = eval(CE->getArg(0), S);
      if (!N.empty())
        checkSize(CE, CE->getArg(0), nullptr, N, nullptr, S);
    }
  }
  // `std::thread t(worker, cmd)`: the library calls worker(cmd).
  if (const model::Rule *CB = M.fact(Ctor, model::RuleKind::CallsBack))
    invokeCallable(CE, llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), *CB, S);
  // A constructor defined here: what it stores in the object is what the
  // object holds; without a definition, the object holds its arguments.
  if (const TaintEngine::Summary *Sum = constructorSummary(CE)) {
    TaintSet Held;
    for (const auto &F : Sum->Out)
      if (F.Param == model::ThisObject)
        Held.append(constructed(CE, F.From, S));
    return Held;
  }
  return T;
}

const TaintEngine::Summary *
FunctionAnalysis::constructorSummary(const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  // (Library code in system headers is described by the model, as at
  // calls: `std::vector<std::string> args(argv + 1, argv + argc)` holds
  // what its arguments designate.)
  if (!Ctor || !Ctor->hasBody() || Ctor->isCopyOrMoveConstructor() ||
      isStdStringType(CE->getType()) || Ctor->isInStdNamespace() ||
      SM.isInSystemHeader(Ctor->getLocation()))
    return nullptr;
  return E.summaryFor(Ctor);
}

TaintSet FunctionAnalysis::constructed(const CXXConstructExpr *CE,
                                       const TaintSet &From, State &S) {
  TaintSet Held;
  for (const Step *St : From) {
    if (St->Root->K != Origin::Parameter) {
      Held.push_back(St);
      continue;
    }
    unsigned I = static_cast<unsigned>(St->Root->Param);
    if (I < CE->getNumArgs())
      for (const Step *A : eval(CE->getArg(I), S))
        Held.push_back(E.replay(A, St));
  }
  return Held;
}

bool FunctionAnalysis::constructFields(
    Location Object, const CXXConstructExpr *CE, State &S,
    llvm::function_ref<TaintSet(const TaintSet &)> Extend) {
  const TaintEngine::Summary *Sum =
      Object.valid() ? constructorSummary(CE) : nullptr;
  if (!Sum)
    return false;
  clean(Object, S);
  for (const auto &F : Sum->Out) {
    if (F.Param != model::ThisObject)
      continue;
    TaintSet Held = constructed(CE, F.From, S);
    if (!Held.empty())
      write(rebase(Object, F.Path), Extend(Held), S, /*Strong=*/false);
  }
  return true;
}

namespace {
/// Calls \p Each with each field of the closure \p L makes and the
/// expression that initialises it, in order.
void forEachCapture(
    const LambdaExpr *L,
    llvm::function_ref<void(const FieldDecl *, const Expr *)> Each) {
  const CXXRecordDecl *Closure = L->getLambdaClass();
  auto Field = Closure->field_begin();
  for (const Expr *Init : L->capture_inits()) {
    if (Field == Closure->field_end())
      return;
    if (Init)
      Each(*Field, Init);
    ++Field;
  }
}
} // namespace

TaintSet FunctionAnalysis::captured(const Expr *Value, State &S) {
  TaintSet T = eval(Value, S);
  if (Value->isGLValue() || Value->getType()->isPointerType())
    addAll(T, read(locOf(Value, S), S, Value->getType()));
  return T;
}

bool FunctionAnalysis::captureFields(Location Object, const Expr *Init,
                                     State &S) {
  const LambdaExpr *L = lambdaOf(Init);
  if (!L || !Object.valid())
    return false;
  clean(Object, S);
  forEachCapture(L, [&](const FieldDecl *F, const Expr *Value) {
    TaintSet T = captured(Value, S);
    if (!T.empty())
      write(rebase(Object, child(nullptr, F)), T, S, /*Strong=*/true);
  });
  return true;
}

// (Out of line: the states it copies stay out of evalUncached's frame,
// which deep expressions stack.)
LLVM_ATTRIBUTE_NOINLINE TaintSet
FunctionAnalysis::evalSides(const ConditionalOperator *C, State &S) {
  State Then = S;
  refine(C->getCond(), true, Then);
  TaintSet T = eval(C->getTrueExpr(), Then);
  State Else = S;
  refine(C->getCond(), false, Else);
  addAll(T, eval(C->getFalseExpr(), Else));
  return T;
}

TaintSet FunctionAnalysis::capturedAll(const LambdaExpr *L, State &S) {
  TaintSet T;
  forEachCapture(L, [&](const FieldDecl *, const Expr *Value) {
    addAll(T, captured(Value, S));
  });
  return T;
}

TaintSet FunctionAnalysis::temporaryField(const Expr *Object,
                                          const FieldPath *Path, State &S) {
  TaintSet T;
  // `with_value(v, [cmd](...) { ... })`: what each capture holds.
  if (const LambdaExpr *L = lambdaOf(Object)) {
    forEachCapture(L, [&](const FieldDecl *F, const Expr *Value) {
      if (overlaps(child(nullptr, F), Path))
        addAll(T, captured(Value, S));
    });
    return T;
  }
  const auto *CE = dyn_cast<CXXConstructExpr>(stripToValue(Object));
  // An object passed by value (`run(job)`, `run(std::move(job))`): the
  // copy holds what the object's fields hold.
  if (CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
      CE->getConstructor()->isCopyOrMoveConstructor()) {
    if (Location From = locOf(CE->getArg(0), S); From.valid())
      return read(rebase(From, Path), S, QualType());
  }
  const TaintEngine::Summary *Sum = CE ? constructorSummary(CE) : nullptr;
  if (!Sum)
    return T;
  for (const auto &F : Sum->Out)
    if (F.Param == model::ThisObject && overlaps(F.Path, Path))
      addAll(T, constructed(CE, F.From, S));
  return T;
}

void FunctionAnalysis::transfer(const CFGBlock &B, State &S) {
  Cache.clear();
  for (const CFGElement &El : B) {
    if (std::optional<CFGInitializer> CI = El.getAs<CFGInitializer>()) {
      // A constructor's member initializer stores into *this.
      const CXXCtorInitializer *Init = CI->getInitializer();
      if (Init->isMemberInitializer() && Init->getInit()) {
        FieldBases.insert(ThisBase);
        write({ThisBase, child(nullptr, Init->getMember())},
              eval(Init->getInit(), S), S, /*Strong=*/true);
      }
      continue;
    }
    std::optional<CFGStmt> CS = El.getAs<CFGStmt>();
    if (!CS)
      continue;
    const Stmt *St = CS->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          declare(VD, S);
      continue;
    }
    if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
      if (const Expr *RV = RS->getRetValue()) {
        TaintSet T = eval(RV, S);
        // Returning a pointer or reference into an object returns what the
        // object holds.
        if (RV->getType()->isPointerType() || RV->isGLValue() ||
            isStdStringType(RV->getType()))
          addAll(T, read(locOf(RV, S), S, RV->getType()));
        write({&Out, nullptr}, T, S, /*Strong=*/false);
      }
      if (KeepReturnStates)
        Returns.push_back({RS, S});
      continue;
    }
    if (const auto *Ex = dyn_cast<Expr>(St))
      eval(Ex, S);
  }
}

TaintSet
FunctionAnalysis::callEach(const CallExpr *Call,
                           llvm::ArrayRef<const FunctionDecl *> Targets,
                           State &S) {
  if (Targets.size() == 1)
    return evalCall(Call, Targets.front(), S);
  // Each is called on a state of its own, and the states join.
  TaintSet Result;
  State Joined;
  for (const FunctionDecl *Target : Targets) {
    State Path = S;
    addAll(Result, evalCall(Call, Target, Path));
    Joined.join(std::move(Path));
  }
  S = std::move(Joined);
  return Result;
}

void FunctionAnalysis::tableTargets(
    const Expr *Callee, llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  Callee = Callee->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Callee);
      UO && UO->getOpcode() == UO_Deref)
    Callee = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *AS = dyn_cast<ArraySubscriptExpr>(Callee);
  const Expr *Base = AS ? AS->getBase()->IgnoreParenImpCasts() : nullptr;
  const ValueDecl *Table = nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Base)) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      Table = V->getCanonicalDecl();
  } else if (const auto *ME = dyn_cast_or_null<MemberExpr>(Base)) {
    Table = dyn_cast<FieldDecl>(ME->getMemberDecl());
  }
  if (!Table)
    return;
  auto Add = [&](const FunctionDecl *FDecl) {
    if (FDecl && !llvm::is_contained(Out, FDecl) && Out.size() < MaxCallTargets)
      Out.push_back(FDecl);
  };
  const VarDecl *Def = nullptr;
  const auto *Var = dyn_cast<VarDecl>(Table);
  const Expr *Init = Var ? Var->getAnyInitializer(Def) : nullptr;
  if (const auto *List = dyn_cast_or_null<InitListExpr>(Init)) {
    for (const Expr *Elem : List->inits()) {
      Elem = Elem->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(Elem);
          UO && UO->getOpcode() == UO_AddrOf)
        Elem = UO->getSubExpr()->IgnoreParenImpCasts();
      const auto *Fn = dyn_cast<DeclRefExpr>(Elem);
      Add(Fn ? dyn_cast<FunctionDecl>(Fn->getDecl()) : nullptr);
    }
  }
  // A table (not constant) the unit fills at run time:
  // `handlers[MSG_EXEC] = on_exec`.
  if (!Ctx.getBaseElementType(Table->getType()).isConstQualified())
    for (const FunctionDecl *Fn : E.storedInTable(Table))
      Add(Fn);
}

} // namespace sinkguard::engine
