//===--- Sinks.cpp
//----------------------------------------------------------===//
//
// Sinks: where tainted data meets a command execution, an index, a size or
// a loop bound, and the verdict for each.
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "ExecArguments.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeBase.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

void FunctionAnalysis::reportHit(const SinkHit &Hit) {
  if (Deferring)
    Deferring->push_back({Deferred::Report, Hit});
  else
    E.report(Hit);
}

void FunctionAnalysis::keepSink(const SinkHit &Hit) {
  if (Deferring) {
    Deferring->push_back({Deferred::Keep, Hit});
    return;
  }
  // Arguments of calls to other units (whole-program mode) are everywhere
  // in a program that calls through function pointers: a summary keeps a
  // bounded number, or summaries grow with the whole call graph below.
  constexpr size_t MaxExternalArgs = 64;
  // Counted per argument and origin, a parameter's fields (Origin::Path)
  // counting as the parameter: the bound is on what the link sees.
  if (Hit.K == SinkHit::ExternalArg) {
    const Origin *R = Hit.Path->Root;
    bool Param = R->K == Origin::Parameter;
    if (ExternalArgsSeen
            .insert({Hit.Arg, Param ? nullptr : R, Param ? R->Param : -2})
            .second)
      ++ExternalArgsKept;
    if (ExternalArgsKept > MaxExternalArgs)
      return;
  }
  Out.Sinks.push_back({Hit});
}

void FunctionAnalysis::sinkHit(SinkHit::Kind K, const CallExpr *Call,
                               const FunctionDecl *Callee, const Expr *Arg,
                               const TaintSet &T) {
  if (!Judging)
    return;
  for (const Step *St : T)
    reportOrKeep({K, Call, Callee, Arg, St});
}

void FunctionAnalysis::reportOrKeep(const SinkHit &Hit) {
  if (Hit.Path->Root->K == Origin::Source) {
    reportHit(Hit);
    return;
  }
  if (!kept([&](const auto &F) {
        return F.Hit.Call == Hit.Call && F.Hit.Arg == Hit.Arg &&
               F.Hit.Path->Root == Hit.Path->Root &&
               F.Hit.ArgFields == Hit.ArgFields;
      }))
    keepSink(Hit);
}

void FunctionAnalysis::checkExecSink(const CallExpr *Call,
                                     const FunctionDecl *Callee,
                                     const model::Rule &R, State &S) {
  if (!Judging)
    return;
  ExecArguments X =
      execArguments(Call, R, M, Ctx, FD ? FD->getBody() : nullptr);
  if (!X.Program)
    return;
  // The program itself.
  if (E.options().ReportExecArguments) {
    TaintSet P = eval(X.Program, S);
    if (!P.empty()) {
      sinkHit(SinkHit::ExecProgram, Call, Callee, X.Program, P);
      // Whoever picks the program controls its arguments' meaning too: one
      // finding for the call. A program from a parameter is the callers'
      // to judge: most pass a fixed one (a login shell), so the arguments
      // are judged too.
      if (fromSource(P))
        return;
    }
  }
  if (X.VectorCall && !X.Vector)
    return;
  if (X.Vector && X.Elements.empty()) {
    // An argument vector we cannot see into.
    TaintSet T = read(locOf(X.Vector, S), S, QualType());
    if (!T.empty() && E.options().ReportExecArguments)
      sinkHit(SinkHit::ExecArgument, Call, Callee, X.Vector, T);
    return;
  }
  for (size_t I = 1; I < X.Elements.size(); ++I) {
    bool IsCommand = static_cast<int>(I) == X.CommandAt;
    // A shell's arguments after the command are $0, $1...: data, not code.
    if (X.Shell && !IsCommand)
      continue;
    // After "--" an argument cannot be taken for an option.
    if (!IsCommand && X.OptionsEnd >= 0 && static_cast<int>(I) > X.OptionsEnd)
      continue;
    TaintSet T;
    for (const Expr *Value : X.Elements[I])
      addAll(T, eval(Value, S));
    if (X.Vector) {
      // The vector's single cell: everything stored in it.
      addAll(T, read(locOf(X.Vector, S), S, QualType()));
      if (elementText(X.Elements[I]))
        continue;
    }
    if (T.empty())
      continue;
    // The place to show: the argument, or the value stored in the vector.
    const Expr *At = X.Elements[I].front();
    if (IsCommand)
      sinkHit(SinkHit::ShellCommand, Call, Callee, At, T);
    else if (E.options().ReportExecArguments)
      sinkHit(SinkHit::ExecArgument, Call, Callee, At, T);
  }
}

int FunctionAnalysis::unmodifiedParamIndex(const Expr *Ex) {
  if (!isUnmodifiedParam(Ex))
    return -1;
  const auto *DRE = cast<DeclRefExpr>(Ex->IgnoreParenImpCasts());
  return static_cast<int>(
      cast<ParmVarDecl>(DRE->getDecl())->getFunctionScopeIndex());
}

void FunctionAnalysis::noteParamUse(IndexUse &U, const Expr *Value) {
  U.ParamExact = isUnmodifiedParam(Value);
  if (!U.ParamExact && derivedFromParam(Value)) {
    U.ParamExact = true;
    U.ParamValue = {Value};
  }
}

bool FunctionAnalysis::isUnmodifiedParam(const Expr *Ex) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts());
  const auto *PD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!PD || PD->getDeclContext() != FD)
    return false;
  auto [It, New] = ParamModified.try_emplace(PD, false);
  if (New)
    It->second = writesVariable(FD->getBody(), PD);
  return !It->second;
}

void FunctionAnalysis::noteOwner(IndexUse &U, const Expr *Buffer, State &S) {
  // Only a value below some object's length needs the buffer's.
  if (!U.Range.LenBase)
    return;
  Location Owner = ownerOf(Buffer, S);
  U.OwnerBase = Owner.Base;
  U.OwnerPath = Owner.Path;
}

IndexProblem FunctionAnalysis::judge(IndexUse &U, SinkHit::Kind K) const {
  const IntRange &R = U.Range;
  // An offset or a length may reach one past the last element.
  bool Offset = K != SinkHit::Index;
  std::optional<std::int64_t> Limit;
  if (U.Extent && *U.Extent < static_cast<std::uint64_t>(INT64_MAX))
    Limit = static_cast<std::int64_t>(*U.Extent) + (Offset ? 1 : 0);
  // A byte or a short bounds an allocation or a loop well enough; it does
  // not keep an index inside a smaller array.
  bool TypeBoundCounts =
      (K == SinkHit::Size || K == SinkHit::LoopBound) && !Limit;
  // Below the length of the object whose buffer is indexed (`consumed <
  // frame->size - 2` before `data[consumed + 1]` with data frame's), or
  // that object's own bookkeeping (`ds->string[ds->length]`): the object
  // describes its buffer, whoever filled it. A known extent (an array
  // field) is the limit instead.
  if (!Limit && U.OwnerBase && R.LenBase == U.OwnerBase &&
      (pathWithin(R.LenPath, U.OwnerPath) ||
       pathWithin(U.OwnerPath, R.LenPath)) &&
      R.LenDelta <= (Offset || R.LenOwn ? 0 : -1) &&
      (R.LenOwn || (R.Lo && *R.Lo >= 0))) {
    U.OwnLength = true;
    return U.Problem = IndexProblem::None;
  }
  if (!R.hasUpper() ||
      (R.Hi && R.HiFromType && !TypeBoundCounts && (!Limit || *R.Hi >= *Limit)))
    return U.Problem = IndexProblem::NoUpperBound;
  // A loop runs no more often for a negative limit.
  if (K == SinkHit::LoopBound)
    return U.Problem = IndexProblem::None;
  if (R.Hi && Limit && *R.Hi >= *Limit)
    return U.Problem = IndexProblem::ExceedsExtent;
  if (!R.Hi && R.SizeOf && U.BaseObject && R.SizeOf != U.BaseObject)
    return U.Problem = IndexProblem::OtherContainer;
  if (!R.Lo || *R.Lo < 0)
    return U.Problem = IndexProblem::NoLowerBound;
  return U.Problem = IndexProblem::None;
}

const Expr *FunctionAnalysis::valueAsWritten(const Expr *Ex) const {
  // A signed value converted to size_t for operator[] or malloc is judged
  // as signed, so a missing lower bound is said so.
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(Ex->IgnoreParens())) {
    const Expr *Sub = IC->getSubExpr();
    if (!isInt(IC->getType()) || !isInt(Sub->getType()) ||
        Ctx.getIntWidth(IC->getType()) < Ctx.getIntWidth(Sub->getType()))
      break;
    Ex = Sub;
  }
  return Ex;
}

namespace {

/// Whether \p E is a struct's last field declared as an array of zero or
/// one element (or without a size), the C idiom for data that runs past
/// the struct (`XML_Char s[1]` in a block allocated larger): its declared
/// size is no limit. Stricter with -fstrict-flex-arrays=2 or 3.
bool flexibleArray(const Expr *E, const ASTContext &Ctx) {
  using Level = LangOptions::StrictFlexArraysLevelKind;
  Level L = std::max(Level::OneZeroOrIncomplete,
                     Ctx.getLangOpts().getStrictFlexArraysLevel());
  return isa<MemberExpr>(E) && E->isFlexibleArrayMemberLike(Ctx, L);
}

/// The sizes of the allocations \p S assigns to the pointer \p Ptr:
/// `p = malloc(n + 1)`, `char *p = new char[n]` give `n + 1` and `n`.
void allocationSizes(const Stmt *S, const ValueDecl *Ptr, const model::Model &M,
                     const ASTContext &Ctx,
                     llvm::SmallVectorImpl<const Expr *> &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!S)
    return;
  auto SizedBy = [&](const Expr *Init) {
    if (!Init)
      return;
    Init = Init->IgnoreParenCasts();
    if (const auto *New = dyn_cast<CXXNewExpr>(Init)) {
      if (std::optional<const Expr *> N = New->getArraySize(); N && *N)
        Out.push_back(*N);
    } else if (const auto *Call = dyn_cast<CallExpr>(Init)) {
      const FunctionDecl *F = Call->getDirectCallee();
      llvm::ArrayRef<const model::Rule *> Rules =
          F ? M.rulesFor(F) : llvm::ArrayRef<const model::Rule *>();
      for (const model::Rule *R : Rules) {
        if (R->Kind == model::RuleKind::Sink &&
            R->Sink == model::SinkKind::Size && R->Buffer == model::NoArg) {
          llvm::ArrayRef<int> In = R->In.explicitArgs();
          // calloc(count, size): the count is what an index counts.
          for (int Pos : In)
            if (const Expr *A = ruleArg(Call, Pos))
              Out.push_back(A);
          return;
        }
      }
      // A function of the program that is given a length and hands back a
      // pointer (`dst = ofpbuf_put_uninit(b, n)`, `buf = XML_GetBuffer(p,
      // len)`, `p = reserve(s, n)`): it made room for that length, as an
      // allocation does. The library's functions have rules and are not
      // this (strchr's character is no length).
      if (F && Rules.empty() && !F->getBuiltinID() &&
          !SM.isInSystemHeader(F->getLocation()) &&
          Call->getType()->isPointerType())
        for (const Expr *A : Call->arguments())
          if (A->getType()->isIntegerType() && !A->isEvaluatable(Ctx))
            Out.push_back(A);
    }
  };
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD == Ptr)
        SizedBy(VD->getInit());
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_Assign && rootVariable(BO->getLHS()) == Ptr &&
        isa<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      SizedBy(BO->getRHS());
  for (const Stmt *Child : S->children())
    allocationSizes(Child, Ptr, M, Ctx, Out);
}

/// Whether index \p Idx is below \p Size: `n` below `n + 1`, `n - 1`
/// below `n`.
bool belowSize(const Expr *Idx, const Expr *Size, const ASTContext &Ctx) {
  auto Plus = [&](const Expr *E, const Expr *&Rest) -> std::int64_t {
    const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
    Expr::EvalResult K;
    if (BO && BO->isAdditiveOp() && !BO->getRHS()->isValueDependent() &&
        BO->getRHS()->EvaluateAsInt(K, Ctx) &&
        K.Val.getInt().isRepresentableByInt64()) {
      Rest = BO->getLHS();
      std::int64_t V = K.Val.getInt().getExtValue();
      return BO->getOpcode() == BO_Add ? V : -V;
    }
    Rest = E;
    return 0;
  };
  const Expr *I = nullptr;
  const Expr *N = nullptr;
  std::int64_t IdxShift = Plus(Idx, I);
  std::int64_t SizeShift = Plus(Size, N);
  return SizeShift > IdxShift && sameExpr(I, N, Ctx) &&
         rootVariable(I) != nullptr;
}

} // namespace

llvm::ArrayRef<const Expr *>
FunctionAnalysis::allocationsOf(const ValueDecl *Ptr) {
  auto [Sizes, First] = AllocationSizes.try_emplace(Ptr);
  if (First)
    allocationSizes(FD->getBody(), Ptr, M, Ctx, Sizes->second);
  return Sizes->second;
}

void FunctionAnalysis::checkSize(const Expr *Use, const Expr *Size,
                                 const Expr *Buffer, const TaintSet &T,
                                 const CallExpr *Call, State &S) {
  if (!Judging)
    return;
  if (SM.isInSystemMacro(Size->getExprLoc()))
    return;
  // `p = malloc(n + 1); read(fd, p, n)`: the buffer was made that big; the
  // allocation is the use to check.
  if (Buffer) {
    if (const auto *Ptr = dyn_cast<DeclRefExpr>(Buffer->IgnoreParenImpCasts());
        Ptr && Ptr->getType()->isPointerType()) {
      auto [Known, New] = AllocatedWith.try_emplace({Size, Ptr->getDecl()});
      if (New) {
        // One walk of the body per pointer, however many sizes use it: a
        // walk per size was quadratic in large functions (SQLite's printf).
        llvm::SmallVector<const ValueDecl *, 4> Allocated;
        for (const Expr *Sized : allocationsOf(Ptr->getDecl()))
          variablesOf(Sized, Allocated);
        llvm::SmallVector<const ValueDecl *, 4> Lengths;
        variablesOf(Size, Lengths);
        Known->second = llvm::any_of(Lengths, [&](const ValueDecl *VD) {
          return llvm::is_contained(Allocated, VD);
        });
      }
      if (Known->second)
        return;
    }
  }
  IndexUse U;
  U.Use = Use;
  U.Range = rangeOf(valueAsWritten(Size), S);
  if (Buffer) {
    // A length bounded by a buffer of known size: no more bytes than it has.
    U.Base = Buffer;
    const Expr *B = Buffer->IgnoreParenImpCasts();
    U.BaseObject = locOf(B, S).Base;
    noteOwner(U, B, S);
    if (const auto *UO = dyn_cast<UnaryOperator>(B))
      if (UO->getOpcode() == UO_AddrOf)
        B = UO->getSubExpr()->IgnoreParenImpCasts();
    QualType BT = B->getType();
    if (!BT->isIncompleteType() && !BT->isDependentType() &&
        !flexibleArray(B, Ctx) &&
        (BT->isConstantArrayType() ||
         (BT->isRecordType() &&
          isa<UnaryOperator>(Buffer->IgnoreParenImpCasts()))))
      U.Extent = Ctx.getTypeSizeInChars(BT).getQuantity();
    // fread(buf, size, count, f): count elements of size bytes.
    if (U.Extent && Call && Call->getNumArgs() == 4 &&
        Size == Call->getArg(2)) {
      if (const FunctionDecl *F = Call->getDirectCallee();
          F && F->getIdentifier() && F->getName() == "fread") {
        Expr::EvalResult Elem;
        if (Call->getArg(1)->EvaluateAsInt(Elem, Ctx) &&
            Elem.Val.getInt().getExtValue() > 0)
          *U.Extent /= Elem.Val.getInt().getExtValue();
        else
          U.Extent.reset();
      }
    }
  }
  noteParamUse(U, Size);
  judge(U, SinkHit::Size);
  for (const Step *St : T) {
    SinkHit Hit{SinkHit::Size, Call, Call ? Call->getDirectCallee() : nullptr,
                Size,          St,   U};
    noteIndexHit(Hit);
  }
}

namespace {

/// Whether \p Ex reads only variables, fields and constants, with
/// arithmetic: a value the loop can be judged on without running anything.
bool isPlainValue(const Expr *Ex) {
  Ex = Ex->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, CharacterLiteral, UnaryExprOrTypeTraitExpr>(Ex))
    return true;
  if (rootVariable(Ex))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex))
    return BO->isAdditiveOp() || BO->isMultiplicativeOp() || BO->isShiftOp()
               ? isPlainValue(BO->getLHS()) && isPlainValue(BO->getRHS())
               : false;
  return false;
}

/// Whether \p S counts \p VD down: `n--`, `--n`, `n -= k`.
bool countsDown(const Stmt *S, const ValueDecl *VD) {
  if (!S)
    return false;
  auto Is = [&](const Expr *Ex) { return rootVariable(Ex) == VD; };
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isDecrementOp() && Is(UO->getSubExpr()))
      return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_SubAssign && Is(BO->getLHS()))
      return true;
  for (const Stmt *Child : S->children())
    if (countsDown(Child, VD))
      return true;
  return false;
}

/// Whether the condition \p Cond compares one of \p Counters (`i >= MAX`,
/// `i == limit`, within `&&`, `||` and `!`), not merely reads it.
bool comparesCounter(const Expr *Cond,
                     llvm::ArrayRef<const ValueDecl *> Counters) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    return UO->getOpcode() == UO_LNot &&
           comparesCounter(UO->getSubExpr(), Counters);
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return false;
  if (BO->isLogicalOp())
    return comparesCounter(BO->getLHS(), Counters) ||
           comparesCounter(BO->getRHS(), Counters);
  if (!BO->isComparisonOp())
    return false;
  for (const Expr *Side : {BO->getLHS(), BO->getRHS()}) {
    if (!isPlainValue(Side))
      continue;
    llvm::SmallVector<const ValueDecl *, 4> Read;
    variablesOf(Side, Read);
    if (llvm::any_of(Read, [&](const ValueDecl *VD) {
          return llvm::is_contained(Counters, VD);
        }))
      return true;
  }
  return false;
}

/// Whether \p S, the body of a loop, leaves it on a condition that reads
/// one of \p Counters: `if (i >= MAX) break;`.
bool exitsOnCounter(const Stmt *S, llvm::ArrayRef<const ValueDecl *> Counters,
                    bool InNestedLoop, const model::Model &M) {
  if (!S)
    return false;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    const Stmt *Then = If->getThen();
    bool Breaks = leaves(Then, M) || (!InNestedLoop && isa<BreakStmt>(Then));
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Then)) {
      Breaks = Breaks ||
               (!InNestedLoop && llvm::any_of(CS->body(), [](const Stmt *C) {
                 return isa<BreakStmt>(C);
               }));
    }
    if (Breaks && comparesCounter(If->getCond(), Counters))
      return true;
  }
  bool Nested = InNestedLoop ||
                isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (exitsOnCounter(Child, Counters, Nested, M))
      return true;
  return false;
}

/// Whether \p Limit reads an integer field of an object whose pointer
/// field \p Body indexes with one of the loop's \p Counters (`i <
/// array->n` over `array->elems[i]`): the count of what that pointer
/// holds, not a number laid over received bytes or kept for another use.
bool walksWhatItHolds(const Expr *Limit, const Stmt *Body,
                      llvm::ArrayRef<const ValueDecl *> Counters,
                      const ASTContext &Ctx) {
  const auto *ME = dyn_cast<MemberExpr>(Limit->IgnoreParenImpCasts());
  if (!ME || !Body || Counters.empty())
    return false;
  const Expr *Obj = ME->getBase();
  llvm::SmallVector<const Stmt *, 16> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S)) {
      const auto *Buf =
          dyn_cast<MemberExpr>(AS->getBase()->IgnoreParenImpCasts());
      const auto *Idx =
          dyn_cast<DeclRefExpr>(AS->getIdx()->IgnoreParenImpCasts());
      if (Buf && Idx && Buf->getType()->isPointerType() &&
          llvm::is_contained(Counters, Idx->getDecl()) &&
          sameExpr(Buf->getBase(), Obj, Ctx))
        return true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// Whether \p St reads the pointer \p Buf, or a local pointer set from it
/// (`const uint8_t *p = buf`).
bool mentionsBuffer(const Stmt *St, const ParmVarDecl *Buf) {
  if (!St)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(St)) {
    if (Ref->getDecl() == Buf)
      return true;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    const auto *From =
        VD && VD->hasLocalStorage() && VD->getType()->isPointerType()
            ? dyn_cast_or_null<DeclRefExpr>(stripToValue(VD->getInit()))
            : nullptr;
    return From && From->getDecl() == Buf;
  }
  return llvm::any_of(St->children(),
                      [&](const Stmt *C) { return mentionsBuffer(C, Buf); });
}
} // namespace

void FunctionAnalysis::checkLoopBound(const Stmt *Loop, State S) {
  if (!Judging)
    return;
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  const Stmt *Inc = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
    Inc = For->getInc();
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  }
  if (!Cond || SM.isInSystemMacro(Cond->getExprLoc()))
    return;
  auto WrittenInLoop = [&](const ValueDecl *VD) {
    return writesVariable(Body, VD) || writesVariable(Inc, VD) ||
           writesVariable(Cond, VD);
  };
  auto Invariant = [&](const Expr *X) {
    if (!isPlainValue(X))
      return false;
    llvm::SmallVector<const ValueDecl *, 4> Read;
    variablesOf(X, Read);
    return llvm::none_of(Read, WrittenInLoop);
  };
  auto IsConstant = [&](const Expr *X) {
    return !X->isValueDependent() && X->isIntegerConstantExpr(Ctx);
  };
  // What limits the number of rounds, and the loop's counters.
  const Expr *Limit = nullptr;
  llvm::SmallVector<const ValueDecl *, 2> Counters;
  // `n`, `n--` with n counted down in the loop: n is both.
  auto CountedDown = [&](const Expr *Counter) {
    if (const auto *UO = dyn_cast<UnaryOperator>(Counter))
      if (UO->isIncrementDecrementOp())
        Counter = UO->getSubExpr()->IgnoreParenImpCasts();
    const ValueDecl *VD = rootVariable(Counter);
    if (VD && isInt(Counter->getType()) &&
        (countsDown(Body, VD) || countsDown(Inc, VD) || countsDown(Cond, VD))) {
      Limit = Counter;
      Counters.push_back(VD);
    }
  };
  const Expr *C = Cond->IgnoreParenImpCasts();
  const auto *Cmp = dyn_cast<BinaryOperator>(C);
  if (Cmp && (Cmp->isRelationalOp() || Cmp->getOpcode() == BO_NE)) {
    const Expr *L = Cmp->getLHS()->IgnoreParenImpCasts();
    const Expr *R = Cmp->getRHS()->IgnoreParenImpCasts();
    for (auto [Bound, Other] : {std::pair{R, L}, std::pair{L, R}}) {
      if (IsConstant(Bound)) {
        // `n > 0`, `n-- > 0`, `n != 0`.
        CountedDown(Other);
        break;
      }
      // `i < n` with i moving and n not: n is the limit.
      if (Invariant(Bound) && isInt(Bound->getType())) {
        llvm::SmallVector<const ValueDecl *, 2> Moving;
        variablesOf(Other, Moving);
        if (llvm::any_of(Moving, WrittenInLoop)) {
          Limit = Bound;
          for (const ValueDecl *VD : Moving)
            if (WrittenInLoop(VD))
              Counters.push_back(VD);
          break;
        }
      }
    }
  } else if (isInt(C->getType())) {
    // `while (n--)`, `while (n) { ...; n--; }`.
    CountedDown(C);
  }
  if (!Limit || exitsOnCounter(Body, Counters, false, M))
    return;
  TaintSet T = eval(Limit, S);
  if (T.empty())
    return;
  IndexUse U;
  U.Use = Limit;
  U.Loop = Loop;
  U.CountsDown = llvm::is_contained(Counters, rootVariable(Limit));
  U.Range = rangeOf(valueAsWritten(Limit), S);
  const ValueDecl *Root = rootVariable(Limit);
  const auto *PD = dyn_cast_or_null<ParmVarDecl>(Root);
  // A parameter the function changes only inside the loop: a caller's
  // check on the argument holds where the loop starts.
  U.ParamExact = PD && PD->getDeclContext() == FD &&
                 isa<DeclRefExpr>(Limit->IgnoreParenImpCasts()) &&
                 !writesVariable(FD->getBody(), PD, Loop);
  judge(U, SinkHit::LoopBound);
  // `i < array->n` over `array->elems[i]`, `i <= hmap->mask` over
  // `hmap->buckets[i]`: a count an object keeps of what its pointer holds
  // bounds a walk over it.
  if (U.Range.LenOwn && U.Range.LenDelta <= 0 &&
      walksWhatItHolds(Limit, Body, Counters, Ctx)) {
    U.OwnLength = true;
    U.Problem = IndexProblem::None;
  }
  // `while (count >= 64) { ...; buffer += 64; count -= 64; }` in a
  // function taking `(const void *buffer, size_t count)`: as many rounds as
  // the caller's buffer holds, a walk over the data it was given, if the
  // caller's length fits its buffer (judged at each call: lengthFits).
  if (U.Problem != IndexProblem::None)
    if (const ParmVarDecl *Buf = pairedBuffer(Limit->IgnoreParenImpCasts());
        Buf && mentionsBuffer(Body, Buf))
      U.LengthOf = static_cast<int>(Buf->getFunctionScopeIndex());
  for (const Step *St : T) {
    SinkHit Hit{SinkHit::LoopBound, nullptr, nullptr, Limit, St, U};
    noteIndexHit(Hit);
  }
}

void FunctionAnalysis::checkIndex(SinkHit::Kind K, const Expr *Use,
                                  const Expr *Base, const Expr *Idx,
                                  const TaintSet &T, const CallExpr *Call,
                                  State &S) {
  if (!Judging)
    return;
  // Library macros index their own tables (glibc's isalnum indexes
  // __ctype_b_loc() with an unsigned char): not the program's indexes.
  if (SM.isInSystemMacro(Use->getExprLoc()))
    return;
  IndexUse U;
  U.Use = Use;
  U.Base = Base;
  U.BaseObject = locOf(Base, S).Base;
  U.Range = rangeOf(valueAsWritten(Idx), S);
  noteOwner(U, Base, S);
  const Expr *B = Base->IgnoreParenImpCasts();
  if (const ConstantArrayType *CAT = Ctx.getAsConstantArrayType(B->getType())) {
    if (!flexibleArray(B, Ctx))
      U.Extent = CAT->getZExtSize();
  } else if (const auto *Spec =
                 dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                     B->getType()->getAsCXXRecordDecl())) {
    // std::array<T, N>.
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Spec->isInStdNamespace() && Spec->getName() == "array" &&
        Args.size() >= 2 && Args[1].getKind() == TemplateArgument::Integral)
      U.Extent = Args[1].getAsIntegral().getZExtValue();
  }
  noteParamUse(U, Idx);
  if (!U.Extent && B->getType()->isPointerType())
    U.BaseParam = unmodifiedParamIndex(B);
  judge(U, K);
  // `p = malloc(n + 1); ... p[n] = 0`: every allocation of p in this
  // function has room for the index.
  if (U.Problem != IndexProblem::None && K == SinkHit::Index) {
    if (const auto *Ptr = dyn_cast<DeclRefExpr>(B);
        Ptr && Ptr->getType()->isPointerType()) {
      llvm::ArrayRef<const Expr *> Sizes = allocationsOf(Ptr->getDecl());
      if (!Sizes.empty() && llvm::all_of(Sizes, [&](const Expr *Size) {
            return belowSize(Idx, Size, Ctx);
          }))
        U.Problem = IndexProblem::None;
    }
  }
  for (const Step *St : T) {
    SinkHit Hit{K, Call, Call ? Call->getDirectCallee() : nullptr, Idx, St, U};
    noteIndexHit(Hit);
  }
}

void FunctionAnalysis::noteIndexHit(const SinkHit &Hit) {
  if (Deferring) {
    Deferring->push_back({Deferred::Note, Hit});
    return;
  }
  // A distance measured in a buffer is no larger than that buffer: it
  // matters where the sink's own extent is known, not for an allocation, a
  // loop or a buffer of unknown size.
  if (positionalOnly(Hit))
    return;
  SinkHit &Noted = IndexHits[{Hit.Indexing.Use, Hit.Path->Root}] = Hit;
  // Bounded by a parameter's value: no bound for what that parameter
  // brings in from a caller.
  const IntRange &R = Noted.Indexing.Range;
  if (!Noted.Indexing.OwnLength &&
      (Noted.Indexing.Problem == IndexProblem::None ||
       Noted.Indexing.Problem == IndexProblem::NoLowerBound) &&
      Noted.Path->Root->K == Origin::Parameter && !R.Hi && R.Symbolic &&
      R.FromParameter)
    Noted.Indexing.Problem = IndexProblem::NoUpperBound;
}

void FunctionAnalysis::flushIndexHits() {
  for (auto &Entry : IndexHits) {
    const SinkHit &Hit = Entry.second;
    if (Hit.Indexing.Problem == IndexProblem::None)
      continue;
    if (Hit.Path->Root->K == Origin::Source)
      reportHit(Hit);
    else if (!kept([&](const auto &F) {
               return F.Hit.Indexing.Use == Hit.Indexing.Use &&
                      F.Hit.Arg == Hit.Arg &&
                      F.Hit.Path->Root == Hit.Path->Root;
             }))
      keepSink(Hit);
  }
  IndexHits.clear();
}

namespace {

/// Whether evaluating \p S (or what it holds) may meet a sink.
bool mayMeetSink(const Stmt *S, const model::Model &M, const ASTContext &Ctx) {
  if (!S)
    return false;
  if (isa<CXXConstructExpr, ArraySubscriptExpr, CXXNewExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee->hasBody() || isa<CXXOperatorCallExpr>(Call) ||
        llvm::any_of(Call->arguments(),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
      return true;
    llvm::ArrayRef<const model::Rule *> Rules = M.rulesFor(Callee);
    // A function known only as a source, propagator or sanitizer of the
    // model; any other may be a sink, or (defined elsewhere) lead to one.
    if (Rules.empty() || llvm::any_of(Rules, [](const model::Rule *R) {
          return R->Kind == model::RuleKind::Sink;
        }))
      return true;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getLHS()->getType()->isPointerType() ||
        BO->getRHS()->getType()->isPointerType())
      return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (Ctx.getAsVariableArrayType(VD->getType()))
          return true;
  }
  for (const Stmt *Child : S->children())
    if (mayMeetSink(Child, M, Ctx))
      return true;
  return false;
}

} // namespace

bool FunctionAnalysis::meetsSink(const CFGBlock &B) const {
  if (TrackRanges && !B.getLoopTarget()) {
    for (const CFGBlock::AdjacentBlock &Succ : B.succs()) {
      if (const CFGBlock *Next = Succ.getReachableBlock())
        if (const Stmt *Loop = Next->getTerminatorStmt();
            Loop && isa<ForStmt, WhileStmt, DoStmt>(Loop))
          return true;
    }
  }
  for (const CFGElement &El : B) {
    if (El.getAs<CFGInitializer>())
      return true;
    if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
      if (mayMeetSink(CS->getStmt(), M, Ctx))
        return true;
  }
  return false;
}

} // namespace sinkguard::engine
