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

} // namespace sinkguard::engine
