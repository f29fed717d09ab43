//===--- RangeFacts.cpp - Ranges kept beside memory ---------------------===//
//
// Integer ranges the range checks keep beside the taint of memory: the
// elements of local arrays (the hull of what was stored), pairs of values
// (a difference or a sum that a comparison bounded), offsets compared as
// pointers, and the counts that reads return.
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

namespace {

/// An array variable of this function whose elements are integers.
bool localIntArray(const VarDecl *VD, const ASTContext &Ctx) {
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal())
    return false;
  const ConstantArrayType *CAT = Ctx.getAsConstantArrayType(VD->getType());
  return CAT && isInt(CAT->getElementType());
}

} // namespace

void FunctionAnalysis::declareElementRange(const VarDecl *VD, State &S) {
  if (!localIntArray(VD, Ctx))
    return;
  Location L = varLoc(VD);
  S.Ranges.erase(L);
  const Expr *Init = VD->getInit();
  // Nothing stored yet: an empty range, which the first store widens.
  IntRange R;
  R.Lo = INT64_MAX;
  R.Hi = INT64_MIN;
  R.Elements = true;
  if (const auto *IL = dyn_cast_or_null<InitListExpr>(Init)) {
    for (const Expr *E : IL->inits()) {
      std::optional<std::int64_t> V = constantOf(E);
      if (!V)
        return;
      IntRange K;
      K.Lo = V;
      K.Hi = V;
      R = IntRange::hull(R, K);
    }
    // Elements not written in the list are zero.
    const ConstantArrayType *CAT = Ctx.getAsConstantArrayType(VD->getType());
    if (CAT && IL->getNumInits() < CAT->getZExtSize()) {
      IntRange Zero;
      Zero.Lo = 0;
      Zero.Hi = 0;
      R = IntRange::hull(R, Zero);
    }
  } else if (Init) {
    return;
  }
  S.Ranges[L] = R;
}

const VarDecl *
FunctionAnalysis::elementsOf(const ArraySubscriptExpr *AS) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return localIntArray(VD, Ctx) ? VD : nullptr;
}

std::optional<IntRange>
FunctionAnalysis::elementRange(const ArraySubscriptExpr *AS,
                               const State &S) const {
  const VarDecl *Array = elementsOf(AS);
  if (!Array)
    return std::nullopt;
  auto It = S.Ranges.find(varLoc(Array));
  if (It == S.Ranges.end())
    return std::nullopt;
  return It->second;
}

void FunctionAnalysis::storeElementRange(const ArraySubscriptExpr *AS,
                                         const Expr *RHS,
                                         std::optional<IntRange> Held,
                                         State &S) {
  const VarDecl *VD = elementsOf(AS);
  if (!VD || !Held)
    return;
  // The store (write) forgot what the elements held: put it back, with
  // the value stored.
  IntRange Stored = IntRange::meet(rangeOf(RHS, S), typeRange(AS->getType()));
  if (!Stored.Lo || !Stored.Hi)
    return;
  S.Ranges[varLoc(VD)] = IntRange::hull(*Held, Stored);
}

Location FunctionAnalysis::pairLocation(const Expr *Ex, State &S) {
  const auto *BO = dyn_cast<BinaryOperator>(Ex->IgnoreParenImpCasts());
  if (!BO || !BO->isAdditiveOp() || !isInt(BO->getType()) ||
      constantOf(BO->getLHS()) || constantOf(BO->getRHS()))
    return {};
  const Expr *A = rangeSubject(BO->getLHS());
  const Expr *B = rangeSubject(BO->getRHS());
  if (!A || !B)
    return {};
  Location LA = locOf(A, S);
  Location LB = locOf(B, S);
  if (!LA.valid() || !LB.valid() || LA == LB)
    return {};
  return pairKey(BO->getOpcode(), LA, LB);
}

Location FunctionAnalysis::pairKey(BinaryOperatorKind Op, Location A,
                                   Location B) {
  // a + b is b + a.
  if (Op == BO_Add && std::less<std::pair<const void *, const void *>>()(
                          {B.Base, B.Path}, {A.Base, A.Path}))
    std::swap(A, B);
  auto [It, New] = PairBases.try_emplace({Op, A, B});
  if (New) {
    It->second = std::make_unique<char>();
    Location Pair{It->second.get(), nullptr};
    PairsOf[A.Base].push_back({A, Pair});
    PairsOf[B.Base].push_back({B, Pair});
  }
  return {It->second.get(), nullptr};
}

void FunctionAnalysis::constrainOffset(const Expr *Offset, State &S) {
  const Expr *Sub = rangeSubject(Offset);
  if (!Sub)
    return;
  Location L = locOf(Sub, S);
  if (!L.valid())
    return;
  IntRange C;
  C.Symbolic = true;
  if (Sub->getType()->isUnsignedIntegerOrEnumerationType())
    C.Lo = 0;
  auto It = S.Ranges.find(L);
  S.Ranges[L] = It != S.Ranges.end() ? IntRange::meet(It->second, C) : C;
}

IntRange FunctionAnalysis::countRange(const CallExpr *Call,
                                      const model::Rule &Count, State &S) {
  IntRange C;
  C.Lo = Call->getType()->isSignedIntegerOrEnumerationType() ? -1 : 0;
  const Expr *Buffer = ruleArg(Call, Count.CountedBuffer);
  for (const model::Rule *R : M.rulesFor(Call->getDirectCallee())) {
    if (R->Kind != model::RuleKind::Sink || R->Sink != model::SinkKind::Size ||
        R->Buffer != Count.CountedBuffer)
      continue;
    // `read(fd, buf, N)`: at most N (fread: at most its count).
    llvm::ArrayRef<int> In = R->In.explicitArgs();
    if (In.empty())
      return C;
    IntRange N = rangeOf(ruleArg(Call, In.back()), S);
    if (N.Hi && !N.HiFromType)
      C.Hi = N.Hi;
    return C;
  }
  // getline: below the size of the buffer it grew, which ends in '\0'.
  if (Buffer) {
    C.Symbolic = true;
    C.SizeOf = locOf(Buffer, S).Base;
  }
  return C;
}

namespace {

/// A constant integer \p Ex, if it is one (and fits 64 bits).
std::optional<std::int64_t> constantValue(const Expr *Ex,
                                          const ASTContext &Ctx) {
  Expr::EvalResult K;
  if (Ex->isValueDependent() || !Ex->EvaluateAsInt(K, Ctx) ||
      K.Val.getInt().getSignificantBits() > 64)
    return std::nullopt;
  return K.Val.getInt().getExtValue();
}

/// \p A op \p B, none where it overflows.
std::optional<std::int64_t> arithmetic(BinaryOperatorKind Op, std::int64_t A,
                                       std::int64_t B) {
  std::int64_t R = 0;
  bool Overflow = Op == BO_Add   ? llvm::AddOverflow(A, B, R)
                  : Op == BO_Sub ? llvm::SubOverflow(A, B, R)
                                 : llvm::MulOverflow(A, B, R);
  if (Overflow)
    return std::nullopt;
  return R;
}

/// The range of `A op B` for +, - and * (of values not below zero), from
/// the operands' ranges: a bound is kept where both operands have it.
IntRange additive(BinaryOperatorKind Op, const IntRange &A, const IntRange &B) {
  IntRange R;
  auto Both =
      [&](const std::optional<std::int64_t> &X,
          const std::optional<std::int64_t> &Y) -> std::optional<std::int64_t> {
    return X && Y ? arithmetic(Op, *X, *Y) : std::nullopt;
  };
  if (Op == BO_Sub) {
    R.Lo = Both(A.Lo, B.Hi);
    R.Hi = Both(A.Hi, B.Lo);
    R.Symbolic = A.hasUpper() && B.Lo;
  } else {
    R.Lo = Both(A.Lo, B.Lo);
    R.Hi = Both(A.Hi, B.Hi);
    R.Symbolic = A.hasUpper() && B.hasUpper();
  }
  if (R.Hi)
    R.Symbolic = false;
  return R;
}

/// The range of `A / k`, `A >> k`, `A % k` and `A & k` for a constant k and
/// an A not below zero; none for other operators.
std::optional<IntRange> byConstant(BinaryOperatorKind Op, const IntRange &A,
                                   std::int64_t K) {
  if (!A.Lo || *A.Lo < 0)
    return std::nullopt;
  IntRange R = A;
  R.Symbolic = A.Symbolic;
  switch (Op) {
  case BO_Div:
    if (K <= 0)
      return std::nullopt;
    R.Lo = *A.Lo / K;
    if (A.Hi)
      R.Hi = *A.Hi / K;
    return R;
  case BO_Shr:
    if (K < 0 || K > 62)
      return std::nullopt;
    R.Lo = *A.Lo >> K;
    if (A.Hi)
      R.Hi = *A.Hi >> K;
    return R;
  case BO_Rem:
  case BO_And: {
    std::int64_t Most = Op == BO_Rem ? K - 1 : K;
    if (Most < 0)
      return std::nullopt;
    R.Lo = 0;
    if (!A.Hi || *A.Hi > Most) {
      // The operation bounds the value, not its type.
      R.Hi = Most;
      R.HiFromType = false;
      R.Symbolic = false;
    }
    return R;
  }
  default:
    return std::nullopt;
  }
}

} // namespace

std::optional<IntRange>
FunctionAnalysis::derivedRange(const Expr *Ex, const IntRange &Param) const {
  Ex = Ex->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(Ex)) {
    if (!isInt(Cast->getType()) || !isInt(Cast->getSubExpr()->getType()))
      return std::nullopt;
    std::optional<IntRange> Sub = derivedRange(Cast->getSubExpr(), Param);
    if (!Sub)
      return std::nullopt;
    IntRange Type = typeRange(Cast->getType());
    // What does not fit the type wraps: the type's range then.
    bool Fits = (!Type.Hi || (Sub->Hi && *Sub->Hi <= *Type.Hi)) &&
                (!Type.Lo || (Sub->Lo && *Sub->Lo >= *Type.Lo));
    if (!Fits && Type.Hi)
      return Type;
    if (!Fits) {
      IntRange Unsigned;
      Unsigned.Lo = 0;
      return Unsigned;
    }
    return Sub;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Ex);
      Ref && isa<ParmVarDecl>(Ref->getDecl()))
    return Param;
  if (std::optional<std::int64_t> K = constantValue(Ex, Ctx)) {
    IntRange R;
    R.Lo = K;
    R.Hi = K;
    return R;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex)) {
    std::optional<IntRange> A = derivedRange(CO->getTrueExpr(), Param);
    std::optional<IntRange> B = derivedRange(CO->getFalseExpr(), Param);
    if (!A || !B)
      return std::nullopt;
    return IntRange::hull(*A, *B);
  }
  const auto *BO = dyn_cast<BinaryOperator>(Ex);
  if (!BO)
    return std::nullopt;
  std::optional<IntRange> A = derivedRange(BO->getLHS(), Param);
  std::optional<IntRange> B = derivedRange(BO->getRHS(), Param);
  if (!A || !B)
    return std::nullopt;
  BinaryOperatorKind Op = BO->getOpcode();
  bool FromType = A->HiFromType || B->HiFromType;
  if (Op == BO_Add || Op == BO_Sub ||
      (Op == BO_Mul && A->Lo && *A->Lo >= 0 && B->Lo && *B->Lo >= 0)) {
    IntRange R = additive(Op, *A, *B);
    R.HiFromType = R.Hi && FromType;
    return R;
  }
  if (B->Lo && B->Hi && *B->Lo == *B->Hi)
    return byConstant(Op, *A, *B->Lo);
  return std::nullopt;
}

bool FunctionAnalysis::derivedFromParam(const Expr *Ex) {
  const ParmVarDecl *Param = nullptr;
  bool Pure = true;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *St) {
    if (!St || !Pure)
      return;
    if (isa<CallExpr>(St) || isa<ArraySubscriptExpr>(St) ||
        isa<MemberExpr>(St) || isa<UnaryOperator>(St)) {
      Pure = isa<UnaryOperator>(St) &&
             cast<UnaryOperator>(St)->getOpcode() == UO_Minus;
      if (!Pure)
        return;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(St)) {
      if (isa<EnumConstantDecl>(Ref->getDecl()))
        return;
      const auto *PD = dyn_cast<ParmVarDecl>(Ref->getDecl());
      Pure = PD && (!Param || PD == Param) && isUnmodifiedParam(Ref);
      Param = PD;
      return;
    }
    for (const Stmt *Child : St->children())
      Walk(Child);
  };
  Walk(Ex);
  return Pure && Param && derivedRange(Ex, IntRange()).has_value();
}

} // namespace sinkguard::engine
