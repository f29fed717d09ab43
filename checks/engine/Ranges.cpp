//===--- Ranges.cpp
//---------------------------------------------------------===//
//
// Integer ranges, for the range checks: what comparisons on branches,
// clamps, masks and remainders prove about a value on every path to a use.
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
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

namespace {

/// The smaller of two values (std::min, MIN): below either upper bound.
IntRange minOf(const IntRange &A, const IntRange &B) {
  IntRange M = IntRange::meet(A, B);
  M.Lo.reset();
  if (A.Lo && B.Lo)
    M.Lo = std::min(*A.Lo, *B.Lo);
  return M;
}

/// The larger of two values (std::max, MAX): above either lower bound.
IntRange maxOf(const IntRange &A, const IntRange &B) {
  IntRange M = IntRange::hull(A, B);
  if (A.Lo || B.Lo)
    M.Lo = std::max(A.Lo.value_or(INT64_MIN), B.Lo.value_or(INT64_MIN));
  return M;
}

} // namespace

IntRange FunctionAnalysis::typeRange(QualType T) const {
  IntRange R;
  T = T.getCanonicalType().getNonReferenceType();
  if (!isInt(T))
    return R;
  unsigned W = Ctx.getIntWidth(T);
  bool Unsigned = T->isUnsignedIntegerOrEnumerationType();
  if (Unsigned)
    R.Lo = 0;
  // Only narrow types bound a value usefully (bytes, shorts).
  if (W <= 16) {
    if (Unsigned) {
      R.Hi = (std::int64_t(1) << W) - 1;
    } else {
      R.Lo = -(std::int64_t(1) << (W - 1));
      R.Hi = (std::int64_t(1) << (W - 1)) - 1;
    }
    R.HiFromType = true;
  }
  return R;
}

static bool fitsIn(std::int64_t V, QualType T, ASTContext &Ctx) {
  unsigned W = Ctx.getIntWidth(T);
  if (T->isUnsignedIntegerOrEnumerationType())
    return V >= 0 && (W >= 63 || V < (std::int64_t(1) << W));
  if (W >= 64)
    return true;
  return V >= -(std::int64_t(1) << (W - 1)) && V < (std::int64_t(1) << (W - 1));
}

const Expr *FunctionAnalysis::rangeSubject(const Expr *Ex) const {
  while (true) {
    Ex = Ex->IgnoreParens();
    // `(c = getchar()) != EOF` compares c.
    if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
      if (BO->getOpcode() == BO_Assign) {
        Ex = BO->getLHS();
        continue;
      }
    }
    const auto *C = dyn_cast<CastExpr>(Ex);
    if (!C)
      break;
    const Expr *Sub = C->getSubExpr();
    if (C->getCastKind() == CK_LValueToRValue || C->getCastKind() == CK_NoOp) {
      Ex = Sub;
      continue;
    }
    QualType To = C->getType();
    QualType From = Sub->getType();
    if (!isInt(To) || !isInt(From))
      return nullptr;
    // A check on a narrower or reinterpreted copy says nothing of the value.
    unsigned WT = Ctx.getIntWidth(To);
    unsigned WF = Ctx.getIntWidth(From);
    if (WT < WF || (WT == WF && From->isUnsignedIntegerOrEnumerationType() &&
                    To->isSignedIntegerOrEnumerationType()))
      return nullptr;
    Ex = Sub;
  }
  if (!isInt(Ex->getType()) || !preciseLocation(Ex))
    return nullptr;
  return Ex;
}

IntRange FunctionAnalysis::ownLength(Location Owner) {
  IntRange R;
  R.LenBase = Owner.Base;
  R.LenPath = Owner.Path;
  R.LenOwn = true;
  return R;
}

const FieldPath *FunctionAnalysis::getterField(const FunctionDecl *F) {
  if (!F || F->getNumParams() == 0 || !M.rulesFor(F).empty())
    return nullptr;
  const FunctionDecl *Def = F->getDefinition();
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *V = Ret ? Ret->getRetValue() : nullptr;
  if (!V || !isInt(V->getType()))
    return nullptr;
  // `return b->mbuf.pkt_len;`: fields of what the first parameter points
  // to, innermost last.
  llvm::SmallVector<const FieldDecl *, 4> Fields;
  V = V->IgnoreParenImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(V)) {
    const auto *FDecl = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FDecl)
      return nullptr;
    Fields.push_back(FDecl);
    V = ME->getBase()->IgnoreParenImpCasts();
    if (ME->isArrow())
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(V);
  if (Fields.empty() || !DRE || DRE->getDecl() != Def->getParamDecl(0) ||
      !DRE->getType()->isPointerType())
    return nullptr;
  const FieldPath *Path = nullptr;
  for (const FieldDecl *FDecl : llvm::reverse(Fields))
    Path = E.fieldPath(Path, FDecl);
  return Path;
}

Location FunctionAnalysis::ownerOf(const Expr *Buffer, State &S) {
  Buffer = Buffer->IgnoreParenCasts();
  // `dp_packet_data(b)`: a function of the program handing out b's
  // buffer.
  if (const auto *Call = dyn_cast<CallExpr>(Buffer)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (!F || Call->getNumArgs() == 0 || !M.rulesFor(F).empty() ||
        !F->getDefinition() || SM.isInSystemHeader(F->getLocation()))
      return {};
    const Expr *Obj = Call->getArg(0);
    QualType T = Obj->getType();
    if (!T->isPointerType() || !T->getPointeeType()->isRecordType())
      return {};
    return locOf(Obj, S);
  }
  Location L = locOf(Buffer, S);
  // A pointer parameter the function has not moved, whose length follows
  // it (pairedBuffer).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Buffer);
      DRE && isa<ParmVarDecl>(DRE->getDecl()) && L == varLoc(DRE->getDecl()) &&
      isUnmodifiedParam(DRE))
    return L;
  // `ds->string`, or a pointer set from one (`data = frame->data + off`).
  // Not an array field: a struct laid over received bytes (`evt->data +
  // evt->data_len`) holds its data, and that length is data too.
  if (!L.valid() || !L.Path || !L.Path->Field ||
      !L.Path->Field->getType()->isPointerType())
    return {};
  return {L.Base, L.Path->Parent};
}

std::optional<IntRange> FunctionAnalysis::getterRange(const CallExpr *Call,
                                                      State &S) {
  // `dp_packet_size(b)`, a function returning one of b's fields: that
  // field.
  const FieldPath *Field = getterField(Call->getDirectCallee());
  if (!Field)
    return std::nullopt;
  Location Obj = locOf(Call->getArg(0), S);
  if (!Obj.valid())
    return std::nullopt;
  IntRange Out = typeRange(Call->getType());
  Out.lengthFrom(
      ownLength({Obj.Base, moved(Obj.Path, Field->Parent, nullptr)}));
  return Out;
}

IntRange FunctionAnalysis::storedRange(const Expr *Ex, State &S) {
  Location L = locOf(Ex, S);
  // What this function set or checked (only where the place is precise).
  auto It = preciseLocation(Ex) ? S.Ranges.find(L) : S.Ranges.end();
  IntRange Known = It != S.Ranges.end() ? It->second : IntRange();
  if (It == S.Ranges.end())
    ownField(Ex, L, Known);
  return IntRange::meet(Known, typeRange(Ex->getType()));
}

void FunctionAnalysis::ownField(const Expr *Ex, Location L, IntRange &R) {
  // An integer field this function has not set: at most itself, a length
  // of the object it is in.
  Ex = Ex->IgnoreParenImpCasts();
  if (L.Path && isa<MemberExpr>(Ex)) {
    R.lengthFrom(ownLength({L.Base, L.Path->Parent}));
    return;
  }
  // `(const uint8_t *data, uint16_t size)`: a parameter right after a
  // pointer parameter is its length. Not the object's own bookkeeping: an
  // index must stay below it.
  if (const ParmVarDecl *Buf = pairedBuffer(Ex);
      Buf && L == varLoc(cast<DeclRefExpr>(Ex)->getDecl())) {
    R.lengthFrom(ownLength(varLoc(Buf)));
    R.LenOwn = false;
  }
}

const ParmVarDecl *FunctionAnalysis::pairedBuffer(const Expr *Ex) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(Ex);
  const auto *PD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!PD || PD->getDeclContext() != FD || PD->getFunctionScopeIndex() == 0 ||
      !isInt(PD->getType()))
    return nullptr;
  // A buffer of bytes or elements, not an object (`struct ofpbuf *b, size_t
  // size` asks for size bytes of b's data: the caller's business).
  const ParmVarDecl *Prev = FD->getParamDecl(PD->getFunctionScopeIndex() - 1);
  QualType T = Prev->getType();
  return T->isPointerType() && !T->getPointeeType()->isRecordType() ? Prev
                                                                    : nullptr;
}

int FunctionAnalysis::lengthFits(const CallExpr *Call, int BufParam,
                                 int LenParam, State &S) {
  const Expr *Buf = ruleArg(Call, BufParam);
  const Expr *Len = ruleArg(Call, LenParam);
  if (!Buf || !Len)
    return -1;
  // The caller's own pair, passed on: its callers judge.
  if (const ParmVarDecl *Own = pairedBuffer(Len->IgnoreParenImpCasts())) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Buf->IgnoreParenImpCasts());
    if (Ref && Ref->getDecl() == Own && isUnmodifiedParam(Ref))
      return static_cast<int>(Own->getFunctionScopeIndex());
  }
  // A length the caller bounded, or a length of the very object passed
  // (`strlen(line)`, `b->size` with `b->data`).
  IntRange R = rangeOf(Len, S);
  if (R.hasUpper())
    return LengthFitsBuffer;
  Location Object = ownerOf(Buf->IgnoreParenImpCasts(), S);
  if (!Object.valid())
    Object = locOf(Buf, S);
  if (R.LenBase && Object.valid() && R.LenBase == Object.Base &&
      R.LenDelta <= 0)
    return LengthFitsBuffer;
  return -1;
}

void FunctionAnalysis::boundByLength(BinaryOperatorKind Op, const IntRange &O,
                                     std::int64_t Shift, IntRange &C) {
  // `consumed < size - 2` with size a length of frame: below it by 3,
  // whoever set it (it describes frame's own buffer).
  std::int64_t D;
  if (!O.LenBase || (Op != BO_LT && Op != BO_LE && Op != BO_EQ) ||
      __builtin_sub_overflow(O.LenDelta, Shift + (Op == BO_LT ? 1 : 0), &D))
    return;
  C.lengthFrom(O, D);
  C.LenOwn = Op == BO_EQ && O.LenOwn;
}

bool FunctionAnalysis::trustedBound(const Expr *Ex, State &S) {
  Ex = stripToValue(Ex);
  // `n - 1`, `size + 1`: the value the constant moves.
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Ex);
      BO && BO->isAdditiveOp() && constantOf(BO->getRHS()))
    Ex = stripToValue(BO->getLHS());
  if (!Ex || !isInt(Ex->getType()) || !preciseLocation(Ex))
    return false;
  return !mayBeUntrusted(read(locOf(Ex, S), S, QualType()));
}

void FunctionAnalysis::forgetRange(Location L, State &S) {
  eraseWithin(S.Ranges, L, FieldBases.contains(L.Base));
  if (!S.Conditions.empty())
    llvm::erase_if(S.Conditions, [&](const State::Condition &C) {
      return L.Base == C.Flag || llvm::is_contained(C.Reads, L.Base);
    });
  if (PairsOf.empty() || !L.valid())
    return;
  auto It = PairsOf.find(L.Base);
  if (It == PairsOf.end())
    return;
  for (const auto &[Operand, Pair] : It->second)
    if (pathWithin(L.Path, Operand.Path) || pathWithin(Operand.Path, L.Path))
      S.Ranges.erase(Pair);
}

void FunctionAnalysis::setRange(const Expr *LHS, const Expr *RHS, bool Trusted,
                                bool FromParameter, State &S) {
  const Expr *Sub = stripToValue(LHS);
  if (!isInt(Sub->getType()) || !preciseLocation(Sub))
    return;
  IntRange R = IntRange::meet(rangeOf(RHS, S), typeRange(Sub->getType()));
  // A trusted value of unknown size bounds the variable as a comparison
  // with it would: `n = limit` on one branch, the checked input on the
  // other.
  if (Trusted && !R.hasUpper()) {
    R.Symbolic = true;
    R.FromParameter = FromParameter;
  }
  if (R.Lo || R.hasUpper() || R.LenBase)
    S.Ranges[locOf(Sub, S)] = R;
}

IntRange FunctionAnalysis::binaryRange(BinaryOperatorKind Op, const Expr *L,
                                       const Expr *R, State &S) {
  QualType T = L->getType();
  IntRange A = rangeOf(L, S);
  IntRange B = rangeOf(R, S);
  bool Unsigned = T->isUnsignedIntegerOrEnumerationType();
  IntRange Result = typeRange(T);
  switch (Op) {
  case BO_Rem:
    // `n % v.size()`: below the size, whatever it is (`% 0` is undefined).
    if (const Expr *Obj =
            !B.hasUpper() && Unsigned &&
                    R->getType()->isUnsignedIntegerOrEnumerationType()
                ? sizeObject(R, M)
                : nullptr) {
      IntRange M2;
      M2.Lo = 0;
      M2.Symbolic = true;
      M2.SizeOf = locOf(Obj, S).Base;
      return M2;
    }
    // `n % N`: below N; negative for a negative n.
    if (B.Lo && *B.Lo > 0 && B.hasUpper()) {
      bool NonNegative = Unsigned || (A.Lo && *A.Lo >= 0);
      IntRange M;
      if (B.Hi)
        M.Hi = *B.Hi - 1;
      else
        M.Symbolic = true;
      M.Lo = NonNegative ? 0 : (B.Hi ? -(*B.Hi - 1) : INT64_MIN);
      if (!NonNegative && !B.Hi)
        M.Lo.reset();
      return M;
    }
    return Result;
  case BO_And: {
    // `n & M` with M >= 0: between 0 and M.
    IntRange M = Result;
    for (const IntRange *X : {&A, &B}) {
      if (X->Lo && *X->Lo >= 0 && X->Hi && !X->HiFromType) {
        M.Lo = 0;
        M.Hi = M.Hi && !M.HiFromType ? std::min(*M.Hi, *X->Hi) : *X->Hi;
        M.HiFromType = false;
      }
    }
    // `hash & t->mask`, `i & (n - 1)`: at most the mask, a value of the
    // program (a table's size less one) as a comparison with it would be,
    // unless the mask itself is untrusted.
    if (!M.Hi && Unsigned && !M.Symbolic) {
      for (const Expr *Mask : {L, R}) {
        if (!trustedBound(Mask, S))
          continue;
        M.Lo = 0;
        M.Symbolic = true;
        break;
      }
    }
    return M;
  }
  case BO_Shr:
    if ((Unsigned || (A.Lo && *A.Lo >= 0)) && B.Lo && B.Hi && *B.Lo == *B.Hi &&
        *B.Lo >= 0 && *B.Lo < 63) {
      IntRange M;
      M.Lo = 0;
      unsigned W = Ctx.getIntWidth(T);
      if (A.Hi)
        M.Hi = *A.Hi >> *B.Lo;
      else if (W < 64)
        M.Hi =
            static_cast<std::int64_t>(((std::uint64_t(1) << W) - 1) >> *B.Lo);
      return M;
    }
    return Result;
  case BO_Add:
  case BO_Sub: {
    std::optional<IntRange> M = sumRange(Op, A, B, T);
    if (M && ((M->Lo && M->Hi) || !Unsigned))
      Result = *M;
    carryLength(Op, A, B, Result);
    return Result;
  }
  case BO_Mul: {
    // Non-negative factors with upper bounds: their product, unless it
    // leaves the type (the multiplication overflows).
    std::int64_t V;
    if (A.Lo && B.Lo && *A.Lo >= 0 && *B.Lo >= 0 && A.Hi && B.Hi &&
        !__builtin_mul_overflow(*A.Hi, *B.Hi, &V) && fitsIn(V, T, Ctx)) {
      IntRange M;
      M.Lo = *A.Lo * *B.Lo;
      M.Hi = V;
      M.HiFromType = A.HiFromType || B.HiFromType;
      return M;
    }
    return Result;
  }
  case BO_Div:
    if (A.Lo && *A.Lo >= 0 && A.Hi && B.Lo && *B.Lo > 0) {
      IntRange M;
      M.Lo = 0;
      M.Hi = *A.Hi / *B.Lo;
      return M;
    }
    return Result;
  default:
    return Result;
  }
}

void FunctionAnalysis::carryLength(BinaryOperatorKind Op, const IntRange &A,
                                   const IntRange &B, IntRange &Out) {
  auto Exact = [](const IntRange &X) -> std::optional<std::int64_t> {
    if (X.Lo && X.Hi && *X.Lo == *X.Hi && !X.HiFromType)
      return X.Lo;
    return std::nullopt;
  };
  const IntRange *Len = A.LenBase ? &A : nullptr;
  const IntRange *By = &B;
  // `1 + caps->len`: the constant may come first.
  if (!Len && Op == BO_Add && B.LenBase) {
    Len = &B;
    By = &A;
  }
  if (!Len)
    return;
  std::int64_t Delta;
  if (std::optional<std::int64_t> C = Exact(*By)) {
    // `len - 2`, `len + 1`: moved by the constant.
    if (Op == BO_Add ? __builtin_add_overflow(Len->LenDelta, *C, &Delta)
                     : __builtin_sub_overflow(Len->LenDelta, *C, &Delta))
      return;
  } else if (Op == BO_Sub && By->Lo && *By->Lo >= 0) {
    // `frame->size - offset`: no more than the length (a difference that
    // wraps below zero is not followed).
    if (__builtin_sub_overflow(Len->LenDelta, *By->Lo, &Delta))
      return;
  } else {
    return;
  }
  Out.lengthFrom(*Len, Delta);
}

std::optional<IntRange> FunctionAnalysis::sumRange(BinaryOperatorKind Op,
                                                   const IntRange &A,
                                                   const IntRange &B,
                                                   QualType T) const {
  IntRange M;
  std::int64_t V;
  // The ends of B that move A's lower and upper ends.
  std::optional<std::int64_t> BLow = Op == BO_Add ? B.Lo : B.Hi;
  std::optional<std::int64_t> BHigh = Op == BO_Add ? B.Hi : B.Lo;
  auto Combine = [&](std::int64_t X, std::int64_t Y) {
    return Op == BO_Add ? __builtin_add_overflow(X, Y, &V)
                        : __builtin_sub_overflow(X, Y, &V);
  };
  if (A.Lo && BLow && !Combine(*A.Lo, *BLow))
    M.Lo = V;
  // A byte plus one is at most 256: the bound still comes from a type.
  if (A.Hi && BHigh && !Combine(*A.Hi, *BHigh)) {
    M.Hi = V;
    M.HiFromType = A.HiFromType || (Op == BO_Add && B.HiFromType);
  }
  // Unsigned arithmetic wraps: a range that may leave the type is lost.
  if ((M.Lo && !fitsIn(*M.Lo, T, Ctx)) || (M.Hi && !fitsIn(*M.Hi, T, Ctx)))
    return std::nullopt;
  return M;
}

std::optional<IntRange> FunctionAnalysis::stepped(const IntRange &R,
                                                  std::int64_t Delta,
                                                  QualType T) const {
  IntRange By;
  By.Lo = Delta;
  By.Hi = Delta;
  std::optional<IntRange> M = sumRange(BO_Add, R, By, T);
  if (!M)
    return std::nullopt;
  // `n < size` holds for n - 1, not for n + 1.
  if (!R.Hi && R.Symbolic && Delta < 0) {
    M->Symbolic = true;
    M->SizeOf = R.SizeOf;
    M->FromParameter = R.FromParameter;
  }
  // Below an object's length by as much less (or more).
  if (std::int64_t D;
      R.LenBase && !__builtin_add_overflow(R.LenDelta, Delta, &D))
    M->lengthFrom(R, D);
  if (T->isUnsignedIntegerOrEnumerationType() && (!M->Lo || !M->hasUpper()))
    return std::nullopt;
  if (!M->Lo && !M->hasUpper())
    return std::nullopt;
  return M;
}

std::optional<std::int64_t> FunctionAnalysis::constantOf(const Expr *Ex) {
  auto [It, New] = Constants.try_emplace(Ex);
  if (New && mayBeConstant(Ex)) {
    Expr::EvalResult Res;
    if (!Ex->isValueDependent() && Ex->EvaluateAsInt(Res, Ctx) &&
        Res.Val.getInt().isRepresentableByInt64())
      It->second = Res.Val.getInt().getExtValue();
  }
  return It->second;
}

IntRange FunctionAnalysis::castRange(const CastExpr *C, State &S) {
  QualType T = C->getType();
  const Expr *Sub = C->getSubExpr();
  if (C->getCastKind() == CK_LValueToRValue || C->getCastKind() == CK_NoOp)
    return rangeOf(Sub, S);
  QualType From = Sub->getType();
  if (!isInt(From))
    return typeRange(T);
  IntRange In = rangeOf(Sub, S);
  unsigned WT = Ctx.getIntWidth(T);
  unsigned WF = Ctx.getIntWidth(From);
  bool FromUnsigned = From->isUnsignedIntegerOrEnumerationType();
  bool ToUnsigned = T->isUnsignedIntegerOrEnumerationType();
  bool Preserves = (WT > WF && (FromUnsigned || !ToUnsigned)) ||
                   (WT == WF && FromUnsigned == ToUnsigned);
  if (Preserves ||
      (In.Lo && In.Hi && fitsIn(*In.Lo, T, Ctx) && fitsIn(*In.Hi, T, Ctx)))
    return In;
  // A signed value made unsigned: fine once it is known not negative.
  if (!FromUnsigned && ToUnsigned && WT >= WF && In.Lo && *In.Lo >= 0)
    return In;
  // `uint16_t size = frame->size - offset`: still the object's length
  // (a wrap is not followed).
  IntRange Out = typeRange(T);
  Out.lengthFrom(In);
  return Out;
}

IntRange FunctionAnalysis::rangeOf(const Expr *Ex, State &S) {
  if (!Ex)
    return {};
  Ex = Ex->IgnoreParens();
  if (const auto *M2 = dyn_cast<MaterializeTemporaryExpr>(Ex))
    return rangeOf(M2->getSubExpr(), S);
  if (const auto *W = dyn_cast<ExprWithCleanups>(Ex))
    return rangeOf(W->getSubExpr(), S);
  QualType T = Ex->getType();
  if (!isInt(T))
    return {};
  IntRange R;
  if (std::optional<std::int64_t> V = constantOf(Ex)) {
    R.Lo = V;
    R.Hi = V;
    return R;
  }
  if (const auto *C = dyn_cast<CastExpr>(Ex))
    return castRange(C, S);
  // A variable or field (`conns[i].pos`, one element's field, untracked).
  if (preciseLocation(Ex) || isa<MemberExpr>(Ex))
    return storedRange(Ex, S);
  // `buf[n++]`: n's value before the step, `buf[--n]` after it (noted
  // when the step was evaluated).
  if (const auto *UO = dyn_cast<UnaryOperator>(Ex);
      UO && UO->isIncrementDecrementOp()) {
    auto It = Stepped.find(UO);
    return It != Stepped.end() ? It->second : typeRange(T);
  }
  // An element of a local array: what its stores put there.
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Ex))
    if (std::optional<IntRange> Elements = elementRange(AS, S))
      return IntRange::meet(*Elements, typeRange(T));
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    if (BO->getOpcode() == BO_Comma)
      return rangeOf(BO->getRHS(), S);
    if (BO->getOpcode() == BO_Assign)
      return rangeOf(BO->getRHS(), S);
    // `s - start`: how far apart two places in one buffer are, no more
    // than the buffer holds (a length into another buffer is still judged
    // against that one: OtherContainer).
    if (BO->getOpcode() == BO_Sub && BO->getLHS()->getType()->isPointerType() &&
        BO->getRHS()->getType()->isPointerType()) {
      IntRange D;
      D.Lo = 0;
      D.Symbolic = true;
      D.SizeOf = locOf(BO->getRHS(), S).Base;
      return D;
    }
    IntRange R = binaryRange(BO->getOpcode(), BO->getLHS(), BO->getRHS(), S);
    // `len - off` after `off <= len` or `len - off < 32`.
    if (!PairBases.empty() && BO->isAdditiveOp())
      if (Location P = pairLocation(BO, S); P.valid())
        if (auto It = S.Ranges.find(P); It != S.Ranges.end())
          R = IntRange::meet(R, It->second);
    return R;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex)) {
    // MIN/MAX macros: `a < b ? a : b` is the smaller of a and b.
    if (const auto *Cmp =
            dyn_cast<BinaryOperator>(stripToValue(CO->getCond()))) {
      if (Cmp->isRelationalOp()) {
        const Expr *T1 = CO->getTrueExpr();
        const Expr *F1 = CO->getFalseExpr();
        bool Direct = sameExpr(Cmp->getLHS(), T1, Ctx) &&
                      sameExpr(Cmp->getRHS(), F1, Ctx);
        bool Swapped = sameExpr(Cmp->getLHS(), F1, Ctx) &&
                       sameExpr(Cmp->getRHS(), T1, Ctx);
        if (Direct || Swapped) {
          bool Less = Cmp->getOpcode() == BO_LT || Cmp->getOpcode() == BO_LE;
          IntRange A = rangeOf(T1, S);
          IntRange B = rangeOf(F1, S);
          return Less == Direct ? minOf(A, B) : maxOf(A, B);
        }
      }
    }
    // A clamp `n < 10 ? n : 9`: each side under its condition.
    State Then;
    Then.Reachable = true;
    Then.Alias = S.Alias;
    Then.Ranges = S.Ranges;
    State Else = Then;
    refineRanges(CO->getCond(), true, Then);
    refineRanges(CO->getCond(), false, Else);
    return IntRange::hull(rangeOf(CO->getTrueExpr(), Then),
                          rangeOf(CO->getFalseExpr(), Else));
  }
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *F = Call->getDirectCallee();
    unsigned N = Call->getNumArgs();
    if (std::optional<IntRange> Field = getterRange(Call, S))
      return *Field;
    for (const model::Rule *Rule : M.rulesFor(F)) {
      if (Rule->CountedBuffer != model::NoArg)
        return countRange(Call, *Rule, S);
      if (Rule->ResultRange) {
        // What the function can return is no check: Hi counts as the
        // type's.
        IntRange Model;
        Model.Lo = Rule->ResultRange->first;
        Model.Hi = Rule->ResultRange->second;
        Model.HiFromType = true;
        return Model;
      }
      // The result is one of the arguments (std::min, std::clamp): the
      // overloads with a comparator are left alone.
      llvm::ArrayRef<int> In = Rule->In.explicitArgs();
      if ((Rule->Picks == model::Pick::Min ||
           Rule->Picks == model::Pick::Max) &&
          N == 2 && In.size() == 2) {
        IntRange A = rangeOf(ruleArg(Call, In[0]), S);
        IntRange B = rangeOf(ruleArg(Call, In[1]), S);
        return Rule->Picks == model::Pick::Min ? minOf(A, B) : maxOf(A, B);
      }
      if (Rule->Picks == model::Pick::Clamp && N >= 3 && In.size() == 3) {
        IntRange Lo = rangeOf(ruleArg(Call, In[1]), S);
        IntRange Hi = rangeOf(ruleArg(Call, In[2]), S);
        IntRange M;
        M.Lo = Lo.Lo;
        M.Hi = Hi.Hi;
        M.HiFromType = Hi.HiFromType;
        M.Symbolic = !Hi.Hi;
        return M;
      }
    }
  }
  return typeRange(T);
}

void FunctionAnalysis::refineRanges(const Expr *Cond, bool Truth, State &S) {
  Cond = stripToValue(Cond);
  if (!Cond)
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() == UO_LNot)
      refineRanges(UO->getSubExpr(), !Truth, S);
    return;
  }
  // `if (!n)`, `n && ...`: an integer that is false is zero.
  if (!Truth && isInt(Cond->getType()) && !isa<BinaryOperator>(Cond)) {
    if (const Expr *Sub = rangeSubject(Cond)) {
      Location L = locOf(Sub, S);
      if (L.valid()) {
        IntRange Zero;
        Zero.Lo = 0;
        Zero.Hi = 0;
        auto It = S.Ranges.find(L);
        S.Ranges[L] =
            It != S.Ranges.end() ? IntRange::meet(It->second, Zero) : Zero;
      }
    }
    return;
  }
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return;
  bool And = BO->getOpcode() == BO_LAnd;
  if ((And && Truth) || (BO->getOpcode() == BO_LOr && !Truth)) {
    refineRanges(BO->getLHS(), Truth, S);
    refineRanges(BO->getRHS(), Truth, S);
    return;
  }
  if (BO->isLogicalOp()) {
    // `!(a && b)` is `!a || (a && !b)` (and `a || b` is `a || (!a && b)`):
    // what holds on both ways. `if (n && n > 100) return;` leaves n at
    // most 100, zero included.
    auto Before = S.Ranges;
    refineRanges(BO->getLHS(), Truth, S);
    auto First = std::move(S.Ranges);
    S.Ranges = std::move(Before);
    refineRanges(BO->getLHS(), !Truth, S);
    refineRanges(BO->getRHS(), Truth, S);
    State::joinRanges(S.Ranges, First);
    return;
  }
  if (BO->isComparisonOp())
    refineRange(BO, Truth, S);
}

void FunctionAnalysis::refineRange(const BinaryOperator *BO, bool Truth,
                                   State &S) {
  QualType CT = BO->getLHS()->getType();
  BinaryOperatorKind Op = BO->getOpcode();
  if (!Truth)
    Op = BinaryOperator::negateComparisonOp(Op);
  if (CT->isPointerType()) {
    // `p + n <= end` (`if (p + n > end) fail();`): n is within what is left.
    for (const Expr *Side : {BO->getLHS(), BO->getRHS()}) {
      BinaryOperatorKind SideOp =
          Side == BO->getLHS() ? Op : BinaryOperator::reverseComparisonOp(Op);
      const auto *Sum = dyn_cast<BinaryOperator>(Side->IgnoreParenImpCasts());
      if (!Sum || Sum->getOpcode() != BO_Add ||
          (SideOp != BO_LT && SideOp != BO_LE))
        continue;
      constrainOffset(Sum->getLHS()->getType()->isPointerType() ? Sum->getRHS()
                                                                : Sum->getLHS(),
                      S);
    }
    return;
  }
  if (!isInt(CT))
    return;
  bool Unsigned = CT->isUnsignedIntegerOrEnumerationType();
  constrain(BO->getLHS(), Op, BO->getRHS(), Unsigned, S);
  constrain(BO->getRHS(), BinaryOperator::reverseComparisonOp(Op), BO->getLHS(),
            Unsigned, S);
}

void FunctionAnalysis::constrain(const Expr *Subject, BinaryOperatorKind Op,
                                 const Expr *Other, bool UnsignedCompare,
                                 State &S, std::int64_t Shift) {
  // `n + 4 <= len`: n <= len - 4.
  if (const auto *BO = dyn_cast<BinaryOperator>(Subject->IgnoreParenImpCasts());
      BO && BO->isAdditiveOp() && isInt(BO->getType())) {
    Expr::EvalResult K;
    std::int64_t Sum;
    if (!BO->getRHS()->isValueDependent() &&
        BO->getRHS()->EvaluateAsInt(K, Ctx) &&
        K.Val.getInt().isRepresentableByInt64()) {
      std::int64_t V = K.Val.getInt().getExtValue();
      if (BO->getOpcode() == BO_Sub && V == INT64_MIN)
        return;
      if (__builtin_add_overflow(Shift, BO->getOpcode() == BO_Add ? V : -V,
                                 &Sum))
        return;
      constrain(BO->getLHS(), Op, Other, UnsignedCompare, S, Sum);
      return;
    }
    if (BO->getOpcode() == BO_Add && !BO->getLHS()->isValueDependent() &&
        BO->getLHS()->EvaluateAsInt(K, Ctx) &&
        K.Val.getInt().isRepresentableByInt64()) {
      if (__builtin_add_overflow(Shift, K.Val.getInt().getExtValue(), &Sum))
        return;
      constrain(BO->getRHS(), Op, Other, UnsignedCompare, S, Sum);
      return;
    }
  }
  const Expr *Sub = rangeSubject(Subject);
  Location L;
  if (Sub) {
    L = locOf(Sub, S);
  } else if (Shift == 0) {
    // `len - off >= sizeof name`: the expression itself is bounded.
    L = pairLocation(Subject, S);
    if (!L.valid())
      return;
    Sub = Subject->IgnoreParenImpCasts();
    // `a + b <= MAX`: so is each, by as much as the other is at least.
    const auto *Sum = cast<BinaryOperator>(Sub);
    if (Sum->getOpcode() == BO_Add &&
        (Op == BO_LT || Op == BO_LE || Op == BO_EQ)) {
      for (const Expr *X : {Sum->getLHS(), Sum->getRHS()}) {
        const Expr *Y = X == Sum->getLHS() ? Sum->getRHS() : Sum->getLHS();
        std::optional<std::int64_t> Least = rangeOf(Y, S).Lo;
        if (!Least && Y->getType()->isUnsignedIntegerOrEnumerationType())
          Least = 0;
        if (Least && *Least >= 0)
          constrain(X, Op, Other, UnsignedCompare, S, *Least);
      }
    }
  }
  if (!L.valid())
    return;
  // `off <= len`: len - off is not negative (compared as the values are).
  if (Shift == 0 && (Op == BO_LT || Op == BO_LE) && preciseLocation(Sub)) {
    const Expr *OS = rangeSubject(Other);
    bool Unsigned = Sub->getType()->isUnsignedIntegerOrEnumerationType();
    if (OS &&
        (!UnsignedCompare ||
         (Unsigned && OS->getType()->isUnsignedIntegerOrEnumerationType()))) {
      Location LO = locOf(OS, S);
      if (LO.valid() && !(LO == L)) {
        Location P = pairKey(BO_Sub, LO, L);
        IntRange D;
        D.Lo = Op == BO_LT ? 1 : 0;
        auto It = S.Ranges.find(P);
        S.Ranges[P] = It != S.Ranges.end() ? IntRange::meet(It->second, D) : D;
      }
    }
  }
  IntRange O = rangeOf(Other, S);
  // A bound that is itself untrusted and unchecked bounds nothing.
  bool OtherTainted = false;
  if (!O.hasUpper()) {
    const Expr *OS = stripToValue(Other);
    if (preciseLocation(OS)) {
      OtherTainted =
          llvm::any_of(read(locOf(OS, S), S, QualType()), [](const Step *St) {
            return St->Root->K == Origin::Source;
          });
    }
  }
  // Subject + Shift op Other: Subject op Other - Shift.
  if (Shift != 0) {
    if ((O.Lo && __builtin_sub_overflow(*O.Lo, Shift, &*O.Lo)) ||
        (O.Hi && __builtin_sub_overflow(*O.Hi, Shift, &*O.Hi)))
      return;
  }
  IntRange C;
  auto UpperFrom = [&](std::int64_t Adjust) {
    if (O.Hi && !O.HiFromType) {
      if (*O.Hi > INT64_MIN)
        C.Hi = *O.Hi + Adjust;
    } else if (!OtherTainted) {
      C.Symbolic = true;
      if (const Expr *Obj = sizeObject(Other, M))
        C.SizeOf = locOf(Obj, S).Base;
    }
  };
  switch (Op) {
  case BO_LT:
    UpperFrom(-1);
    break;
  case BO_LE:
    UpperFrom(0);
    break;
  case BO_GT:
    if (O.Lo && *O.Lo < INT64_MAX)
      C.Lo = *O.Lo + 1;
    break;
  case BO_GE:
    C.Lo = O.Lo;
    break;
  case BO_EQ:
    C.Lo = O.Lo;
    if (O.Hi && !O.HiFromType)
      C.Hi = O.Hi;
    break;
  case BO_NE: {
    // `c != EOF` with c known to be -1 to 255: c is 0 to 255.
    auto It = S.Ranges.find(L);
    if (It == S.Ranges.end() || !O.Lo || !O.Hi || *O.Lo != *O.Hi)
      return;
    IntRange Cur = It->second;
    if (Cur.Lo && *Cur.Lo == *O.Lo)
      C.Lo = *O.Lo + 1;
    else if (Cur.Hi && *Cur.Hi == *O.Lo && !Cur.HiFromType)
      C.Hi = *O.Lo - 1;
    break;
  }
  default:
    return;
  }
  boundByLength(Op, O, Shift, C);
  if (UnsignedCompare && Sub->getType()->isSignedIntegerOrEnumerationType()) {
    // Compared as unsigned, a negative value is huge: an upper bound also
    // proves it is not negative, and a lower bound proves nothing.
    if (Op == BO_GT || Op == BO_GE)
      C.Lo.reset();
    if (C.hasUpper())
      C.Lo = 0;
  }
  if (!C.Lo && !C.hasUpper() && !C.LenBase)
    return;
  narrowRange(Sub, L, C, S);
}

void FunctionAnalysis::narrowRange(const Expr *Sub, Location L, IntRange C,
                                   State &S) {
  auto It = S.Ranges.find(L);
  if (It != S.Ranges.end()) {
    It->second = IntRange::meet(It->second, C);
    return;
  }
  // `array->n > 0` checks the object's count, which stays its own.
  if (!C.LenBase)
    ownField(Sub, L, C);
  S.Ranges[L] = C;
}

} // namespace sinkguard::engine
