//===--- Summaries.cpp
//------------------------------------------------------===//
//
// Function summaries: extracting them from a converged analysis, applying
// them (and the link's linked summaries) at a call, and deciding which
// functions need one.
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "Facts.h"
#include "FunctionAnalysis.h"
#include "Signatures.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Casting.h"
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

// Summaries are computed inside their callers' analyses: a call chain of
// thousands of functions would nest that deep. Past this depth a callee
// is left unsummarised (nothing flows through it), so the stack stays
// bounded.
constexpr size_t MaxSummaryDepth = 384;
/// The computations a caller's range is carried through, at most
/// (IndexUse::ParamValue).
constexpr size_t MaxParamValues = 4;

/// The record an object argument designates (a struct, a pointer to
/// one), canonical; null for other values.
static const RecordType *objectRecord(const Expr *E) {
  QualType T = E->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getCanonicalType()->getAs<RecordType>();
}

/// Whether \p Hit passes the whole object of the callee's parameter to a
/// function of another unit (`put(b, ...)` with b the parameter, maybe
/// through further calls) and \p Arg, the caller's argument for it, is an
/// object of the same type: where the caller's argument holds data in a
/// field, the data lies in that field of the object passed on.
static bool passesParamObject(const SinkHit &Hit, const Expr *Arg) {
  const Origin *Root = Hit.Path->Root;
  if (Hit.K != SinkHit::ExternalArg || Hit.ArgFields || !Arg ||
      Root->K != Origin::Parameter || Root->Path || Root->Param < 0)
    return false;
  const RecordType *Passed = objectRecord(Hit.Arg);
  return Passed && Passed == objectRecord(Arg);
}

void FunctionAnalysis::passedExtent(IndexUse &U, const Expr *Base) {
  if (U.BaseParam < 0 || U.Extent || !Base)
    return;
  U.BaseParam = -1;
  const Expr *Array = Base->IgnoreParenImpCasts();
  const ConstantArrayType *CAT = Ctx.getAsConstantArrayType(Array->getType());
  const auto *Pointer =
      U.Base ? U.Base->getType()->getAs<PointerType>() : nullptr;
  if (CAT && Pointer && isa<DeclRefExpr>(Array) &&
      Ctx.hasSameUnqualifiedType(CAT->getElementType(),
                                 Pointer->getPointeeType())) {
    U.Extent = CAT->getZExtSize();
    return;
  }
  // The caller passes its own parameter on: its callers may know.
  if (Base->getType()->isPointerType())
    U.BaseParam = unmodifiedParamIndex(Base);
}

bool FunctionAnalysis::carryRange(IndexUse &Judged, const IndexUse &Flow,
                                  const Expr *Arg, State &S) {
  std::optional<IntRange> AtUse = rangeOf(Arg, S);
  for (const Expr *Value : Flow.ParamValue)
    if (AtUse)
      AtUse = derivedRange(Value, *AtUse);
  if (AtUse)
    Judged.Range = IntRange::meet(Flow.Range, *AtUse);
  Judged.ParamExact = AtUse && isUnmodifiedParam(Arg);
  return AtUse.has_value();
}

void FunctionAnalysis::passedOn(SinkHit &Hit, const Expr *Arg, State &S) {
  Hit.Indexing.ParamExact = false;
  if (!Arg || Hit.Path->Root->K != Origin::Parameter || !isInt(Arg->getType()))
    return;
  carryRange(Hit.Indexing, Hit.Indexing, Arg, S);
}

bool FunctionAnalysis::judgedAtCall(const CallExpr *Call, SinkHit &Judged,
                                    bool DirectCall,
                                    llvm::function_ref<const Expr *(int)> ArgOf,
                                    State &S) {
  const SinkHit Flow = Judged;
  bool FromParam = Flow.Path->Root->K == Origin::Parameter;
  // A walk over a (buffer, length) pair of the callee: no finding where
  // the length passed is bounded or one of the buffer passed; the caller's
  // callers judge when it passes its own pair on.
  if (Flow.Indexing.LengthOf >= 0 && DirectCall && FromParam) {
    int Fits =
        lengthFits(Call, Flow.Indexing.LengthOf, Flow.Path->Root->Param, S);
    if (Fits == LengthFitsBuffer)
      return true;
    Judged.Indexing.LengthOf = Fits;
  }
  if (!Flow.Indexing.ParamExact || !FromParam) {
    Judged.Indexing.ParamExact = false;
    Judged.Indexing.BaseParam = -1;
    return false;
  }
  // The callee uses the parameter itself: the caller's checks on the
  // argument hold at the use.
  const Expr *Arg = ArgOf(Flow.Path->Root->Param);
  if (Arg) {
    // A value computed from the parameter (`size ? size : 1`): the
    // argument's range carried through the computation. The caller's
    // callers judge it where the caller passes its parameter on, or a
    // value computed from it (`xmalloc(n + 1)`).
    bool Carried = carryRange(Judged.Indexing, Flow.Indexing, Arg, S);
    if (Carried && !Judged.Indexing.ParamExact &&
        Flow.Indexing.ParamValue.size() < MaxParamValues &&
        derivedFromParam(Arg)) {
      Judged.Indexing.ParamExact = true;
      Judged.Indexing.ParamValue.insert(Judged.Indexing.ParamValue.begin(),
                                        Arg);
    }
    if (Flow.Indexing.BaseParam >= 0)
      passedExtent(Judged.Indexing, ArgOf(Flow.Indexing.BaseParam));
  } else {
    Judged.Indexing.ParamExact = false;
    Judged.Indexing.BaseParam = -1;
  }
  return judge(Judged.Indexing, Flow.K) == IndexProblem::None;
}

void FunctionAnalysis::reportInFields(SinkHit Hit, const Step *Outer,
                                      const ObjectParts &Parts) {
  if (!Outer || !Parts.InAField.contains(Outer)) {
    reportOrKeep(Hit);
    return;
  }
  for (const auto &[Fields, Held] : Parts.Fields) {
    if (llvm::is_contained(*Held, Outer)) {
      Hit.ArgFields = Fields;
      reportOrKeep(Hit);
    }
  }
}

TaintSet
FunctionAnalysis::applySummary(const CallExpr *Call, const FunctionDecl *Callee,
                               const TaintEngine::Summary &Sum,
                               llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                               State &S, bool ThroughPointer,
                               llvm::ArrayRef<const Expr *> ArgExprs) {
  // The caller's expression for the callee's parameter P.
  auto ArgOf = [&](int P) -> const Expr * {
    if (ArgExprs.empty())
      return ruleArg(Call, P);
    return P >= 0 && static_cast<size_t>(P) < ArgExprs.size()
               ? ArgExprs[static_cast<size_t>(P)]
               : nullptr;
  };
  // What the callee read of globals, this analysis read too.
  for (const auto &[G, Count] : Sum.ReadGlobals)
    E.noteRead(G, Count);
  std::string Fn = nameOf(Callee);
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool Lambda = Method && Method->getParent()->isLambda();
  SourceLocation At = Call->getExprLoc();
  auto ParamName = [&](int P) -> std::string {
    if (P == model::ThisObject)
      return "this";
    if (P >= 0 && static_cast<unsigned>(P) < Callee->getNumParams())
      return declName(Callee->getParamDecl(static_cast<unsigned>(P)));
    return "argument";
  };
  // The caller's step each mapped step continues (kept only while a sink
  // splits what it passes by the argument's fields).
  llvm::SmallDenseMap<const Step *, const Step *, 8> OuterOf;
  bool NoteOuter = false;
  auto Mapped = [&](const Step *Inner) {
    TaintSet Result;
    if (Inner->Root->K != Origin::Parameter) {
      Result.push_back(Inner);
      return Result;
    }
    for (const auto &[P, Whole] : Args) {
      if (P != Inner->Root->Param)
        continue;
      // The callee read one field of the object: what that field of the
      // argument holds (and what holds the whole of it).
      TaintSet Field;
      const Expr *A = Inner->Root->Path ? ArgOf(P) : nullptr;
      if (Location L = A ? locOf(A, S) : Location(); L.valid())
        Field = read(rebase(L, Inner->Root->Path), S, QualType());
      else if (A)
        Field = temporaryField(A, Inner->Root->Path, S);
      const TaintSet &T = Inner->Root->Path ? Field : Whole;
      for (const Step *Outer : T) {
        // Every round of the fixpoint maps the same steps through the same
        // call again: found here without building the message.
        const Step *&Known = PassedThrough[{Call, Outer, Inner}];
        if (!Known) {
          const Step *Passed = E.makeStep(
              Outer, Outer->Root, At,
              Lambda && P == model::ThisObject
                  ? std::string("captured by the lambda called here")
                  : "passed to '" + Fn + "' as '" + ParamName(P) + "'");
          Known = E.replay(Passed, Inner);
        }
        if (NoteOuter)
          OuterOf[Known] = Outer;
        Result.push_back(Known);
      }
    }
    return Result;
  };

  // The callee's sinks, reached through this call: judged after the
  // fixpoint.
  for (const auto &Flow :
       Judging ? llvm::ArrayRef(Sum.Sinks)
               : llvm::ArrayRef<TaintEngine::Summary::SinkFlow>()) {
    // The callee passes its parameter's object on to another unit: which
    // field of the argument the data lies in goes with it.
    const Expr *RootArg = ArgOf(Flow.Hit.Path->Root->Param);
    ObjectParts Parts;
    NoteOuter = passesParamObject(Flow.Hit, RootArg);
    if (NoteOuter)
      Parts = objectParts(RootArg, S);
    TaintSet T = Mapped(Flow.Hit.Path);
    NoteOuter = false;
    bool IsIndex = SinkHit::isRange(Flow.Hit.K);
    SinkHit Judged = Flow.Hit;
    if (IsIndex && judgedAtCall(Call, Judged, ArgExprs.empty(), ArgOf, S))
      continue;
    if (Flow.Hit.K == SinkHit::ExternalArg && Flow.Hit.Indexing.ParamExact)
      passedOn(Judged, RootArg, S);
    for (const Step *St : T) {
      SinkHit Hit = Judged;
      Hit.Path = St;
      if (IsIndex) {
        noteIndexHit(Hit);
        continue;
      }
      auto Outer = OuterOf.find(St);
      reportInFields(Hit, Outer == OuterOf.end() ? nullptr : Outer->second,
                     Parts);
    }
    OuterOf.clear();
  }
  for (const auto &Flow : ThroughPointer
                              ? llvm::ArrayRef<TaintEngine::Summary::OutFlow>()
                              : llvm::ArrayRef(Sum.Out)) {
    const Expr *Target = ruleArg(Call, Flow.Param);
    if (!Target)
      continue;
    Location L = locOf(Target, S);
    if (!L.valid())
      continue;
    // The callee's field path, under the caller's location.
    Location To = rebase(L, Flow.Path);
    TaintSet T;
    for (const Step *St : Flow.From)
      addAll(T, Mapped(St));
    T = extendAt(T, At, {Call, Target, 0}, [&] {
      std::string Into = objectName(Target);
      return Into.empty()
                 ? Into
                 : (llvm::Twine("'") + Fn + "' stores it in '" + Into + "'")
                       .str();
    });
    write(To, T, S, /*Strong=*/false);
  }
  // What the callee leaves in globals, given these arguments.
  for (const auto &Flow : Sum.Globals) {
    if (Flow.Global < 0 ||
        static_cast<size_t>(Flow.Global) >= E.globals().size())
      continue;
    TaintSet T;
    for (const Step *St : Flow.From)
      if (St->Root->K == Origin::Parameter)
        addAll(T, Mapped(St));
    if (T.empty())
      continue;
    const VarDecl *Var = E.globals()[static_cast<size_t>(Flow.Global)];
    T = extendAt(T, At, {Call, Var, model::NoArg}, [&] {
      return "'" + Fn + "' stores it in global variable '" + declName(Var) +
             "'";
    });
    write({Var, Flow.Path}, T, S, /*Strong=*/false);
  }
  TaintSet Result;
  for (const Step *St : Sum.Return)
    addAll(Result, Mapped(St));
  Result = extendAt(Result, At, {Call, nullptr, model::ReturnValue},
                    [&] { return "returned by '" + Fn + "'"; });
  return Result;
}

LinkedProgram::~LinkedProgram() = default;

bool TaintEngine::bodyElsewhere(const FunctionDecl *Callee) const {
  if (!Callee || Callee->getBuiltinID() ||
      Ctx.getSourceManager().isInSystemHeader(Callee->getLocation()))
    return false;
  const FunctionDecl *Def = Callee->getDefinition();
  return !Def || !Def->hasBody();
}

llvm::SmallVector<const LinkedFunction *, 1>
TaintEngine::linkedSummaries(const FunctionDecl *Callee,
                             const CallExpr *Call) const {
  const LinkedProgram *Program = Opts.Linked.get();
  if (!Program || !bodyElsewhere(Callee))
    return {};
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(Callee, Usr))
    return {};
  llvm::SmallVector<const LinkedFunction *, 1> Found =
      Program->find(Usr, unitNames());
  if (Found.empty() || (!Call && !Callee->hasPrototype()))
    return Found;
  // The link binds a call only to a definition it fits; so does the host.
  std::string Signature =
      Call ? callSignature(Call, Callee) : signatureOf(Callee);
  llvm::erase_if(Found, [&](const LinkedFunction *L) {
    return signatureFit(Signature, L->Signature) == Fit::None;
  });
  return Found;
}

TaintSet FunctionAnalysis::applyLinked(
    const CallExpr *Call, const FunctionDecl *Callee, const LinkedFunction &L,
    llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S) {
  std::string Fn = nameOf(Callee);
  SourceLocation At = Call->getExprLoc();
  // The callee's sinks, reached through this call: judged after the
  // fixpoint.
  for (const LinkedFunction::ParamSink &PS :
       Judging ? llvm::ArrayRef(L.Sinks)
               : llvm::ArrayRef<LinkedFunction::ParamSink>()) {
    const Expr *A = ruleArg(Call, PS.Param);
    if (!A)
      continue;
    // Of an object passed, only what lies in the field that reaches the
    // sink (or in the whole object) reaches it.
    ObjectParts Parts;
    if (!PS.Fields.empty())
      Parts = objectParts(A, S);
    for (const auto &[P, All] : Args) {
      if (P != PS.Param || All.empty())
        continue;
      TaintSet T;
      for (const Step *St : All)
        if (!Parts.InAField.contains(St))
          T.push_back(St);
      for (const auto &[Fields, Held] : Parts.Fields)
        if (fieldPathsOverlap(fieldNames(Fields, nullptr), PS.Fields))
          addAll(T, *Held);
      if (T.empty())
        continue;
      TaintSet Passed = extend(
          T, At,
          "passed to '" + Fn +
              "' (defined in another file), which passes it to " + PS.Where);
      if (SinkHit::isRange(PS.Kind)) {
        // The caller's check of its argument holds in the callee.
        if (TrackRanges && isInt(A->getType())) {
          IntRange R = rangeOf(A, S);
          if (boundedNumber(R))
            continue;
        }
        for (const Step *St : Passed) {
          // A distance measured in the data (positionalOnly).
          if (St->Positional && !PS.Fixed)
            continue;
          SinkHit Hit{PS.Kind, Call, Callee, A, St};
          Hit.Indexing.Use = A;
          Hit.Indexing.Problem = IndexProblem::NoUpperBound;
          Hit.Indexing.InCallee = true;
          if (St->Root->K == Origin::Source)
            reportHit(Hit);
        }
        continue;
      }
      sinkHit(PS.Kind, Call, Callee, A, Passed);
    }
  }
  TaintSet Result;
  for (int P : L.ToReturn) {
    std::string Returned = "returned by '" + Fn + "' (defined in another file)";
    bool Distance = llvm::is_contained(L.PositionalReturn, P);
    for (const auto &[Pos, T] : Args) {
      if (Pos != P)
        continue;
      if (!Distance) {
        addAll(Result, extend(T, At, Returned));
        continue;
      }
      // Only a distance measured in the data comes back.
      for (const Step *St : T)
        addAll(Result, {E.makeStep(St, St->Root, At,
                                   Returned + ", a distance measured in it",
                                   /*Positional=*/true)});
    }
  }
  if (!L.ReturnsSource.empty()) {
    const Origin *O = E.makeOrigin(
        {Origin::Source, 0, model::SourceKind::Other, Fn, true, At});
    addAll(Result, {E.makeStep(nullptr, O, At,
                               "'" + Fn + "' returns untrusted data " +
                                   L.ReturnsSource)});
  }
  return Result;
}

void FunctionAnalysis::extractSummary(const State &Exit) {
  auto Ret = Exit.Cells.find({&Out, nullptr});
  if (Ret != Exit.Cells.end())
    Out.Return = Ret->second;
  // What the function leaves in the objects its parameters designate.
  auto ParamIndex = [&](const void *Base) -> int {
    if (Base == ThisBase)
      return model::ThisObject;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (FD->getParamDecl(I) == Base)
        return static_cast<int>(I);
    return model::NoArg;
  };
  for (const auto &[L, T] : Exit.Cells) {
    int P = ParamIndex(L.Base);
    if (P == model::NoArg)
      continue;
    if (P != model::ThisObject) {
      QualType PT = FD->getParamDecl(static_cast<unsigned>(P))->getType();
      bool Writable =
          (PT->isPointerType() && !PT->getPointeeType().isConstQualified()) ||
          (PT->isReferenceType() &&
           !PT.getNonReferenceType().isConstQualified());
      if (!Writable)
        continue;
    }
    // What the parameter's own object held is not a flow into it. (The
    // index of another origin, a call's or a global's, is no parameter's.)
    TaintSet From;
    for (const Step *St : T)
      if (!(St->Root->K == Origin::Parameter && St->Root->Param == P))
        From.push_back(St);
    if (!From.empty())
      Out.Out.push_back({P, L.Path, From});
  }
  llvm::sort(Out.Out, [](const auto &A, const auto &B) {
    if (A.Param != B.Param)
      return A.Param < B.Param;
    return pathBefore(A.Path, B.Path);
  });
  // What it leaves in globals: its callers' analyses store it there too
  // (a helper that keeps its argument in a global). A number it left in a
  // range stays in it.
  for (const auto &[L, T] : Exit.Cells) {
    int G = E.globalAt(L.Base);
    if (G < 0)
      continue;
    if (auto B = GlobalStoresBounded.find(L);
        B != GlobalStoresBounded.end() && B->second)
      continue;
    TaintSet From;
    for (const Step *St : T)
      if (!(St->Root->K == Origin::Global && St->Root->Param == G && !St->Prev))
        From.push_back(St);
    if (!From.empty())
      Out.Globals.push_back({G, L.Path, From});
  }
  llvm::sort(Out.Globals, [](const auto &A, const auto &B) {
    if (A.Global != B.Global)
      return A.Global < B.Global;
    return pathBefore(A.Path, B.Path);
  });

  if (TrackRanges)
    extractRangeValidation();

  // A validator: every `return <true>` is reached only with the parameter
  // cleaned, and some return is false.
  QualType RT = FD->getReturnType();
  if (!(RT->isBooleanType() || RT->isIntegerType()) || Returns.empty())
    return;
  bool AnyFalse = false;
  llvm::SmallVector<int, 2> Candidates;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (carriesText(FD->getParamDecl(I)->getType()))
      Candidates.push_back(static_cast<int>(I));
  for (auto &[RS, S] : Returns) {
    const Expr *RV = RS->getRetValue();
    if (!RV)
      return;
    Expr::EvalResult Res;
    State Checked = S;
    if (!RV->isValueDependent() && RV->EvaluateAsInt(Res, Ctx)) {
      if (Res.Val.getInt() == 0) {
        AnyFalse = true;
        continue;
      }
    } else {
      refine(RV, true, Checked);
      AnyFalse = true;
    }
    llvm::erase_if(Candidates, [&](int P) {
      const ParmVarDecl *PD = FD->getParamDecl(static_cast<unsigned>(P));
      auto Aliased = Checked.Alias.find(PD);
      Location L =
          Aliased != Checked.Alias.end() && Aliased->second.Base != MixedBase
              ? Aliased->second
              : varLoc(PD);
      // Still the caller's data, or data the function stored there (a
      // line it read into the caller's buffer): not validated.
      auto It = Checked.Cells.find(L);
      return It != Checked.Cells.end() && !It->second.empty();
    });
  }
  if (AnyFalse)
    Out.Validates = Candidates;
}

void FunctionAnalysis::extractRangeValidation() {
  // A range validator: some return is false, and every other return is
  // reached only with the (unchanged) parameter in a range.
  llvm::SmallVector<std::optional<IntRange>, 2> Known(FD->getNumParams());
  bool AnyFalse = false;
  bool AnyTrue = false;
  for (const auto &[RS, St] : Returns) {
    const Expr *RV = RS->getRetValue();
    if (!RV)
      return;
    Expr::EvalResult Res;
    if (!RV->isValueDependent() && RV->EvaluateAsInt(Res, Ctx) &&
        Res.Val.getInt() == 0) {
      AnyFalse = true;
      continue;
    }
    AnyTrue = true;
    State Checked;
    Checked.Reachable = true;
    Checked.Alias = St.Alias;
    Checked.Ranges = St.Ranges;
    refineRanges(RV, true, Checked);
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      auto It = Checked.Ranges.find(varLoc(FD->getParamDecl(I)));
      IntRange R = It != Checked.Ranges.end() ? It->second : IntRange();
      std::optional<IntRange> &K = Known[I];
      if (K)
        K = IntRange::hull(*K, R);
      else
        K = R;
    }
    if (!llvm::isa<IntegerLiteral, CXXBoolLiteralExpr>(RV->IgnoreParenCasts()))
      AnyFalse = true;
  }
  if (!AnyFalse || !AnyTrue)
    return;
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *PD = FD->getParamDecl(I);
    const std::optional<IntRange> &K = Known[I];
    if (!K || !(K->Lo || K->hasUpper()) || !isInt(PD->getType()) ||
        writesVariable(FD->getBody(), PD))
      continue;
    Out.RangeValidates.push_back({static_cast<int>(I), *K});
  }
}

const TaintEngine::Summary *TaintEngine::summaryFor(const FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  auto It = Summaries.find(FD);
  if (It != Summaries.end() && It->second->Done)
    return It->second.get();
  if (InProgress.contains(FD)) {
    // A recursive call: use what is known so far and iterate.
    Recursive.insert(FD);
    if (It == Summaries.end())
      It = Summaries.try_emplace(FD, std::make_unique<Summary>()).first;
    return It->second.get();
  }
  if (It == Summaries.end())
    It = Summaries.try_emplace(FD, std::make_unique<Summary>()).first;
  if (InProgress.size() >= MaxSummaryDepth)
    return It->second.get();
  InProgress.insert(FD);
  for (int Round = 0; Round < 4; ++Round) {
    auto Next = std::make_unique<Summary>();
    Computing.push_back(Next.get());
    FunctionAnalysis(*this, FD, *Next).run();
    Computing.pop_back();
    bool Stable = Next->sameAs(*Summaries[FD]);
    Summaries[FD] = std::move(Next);
    if (!Recursive.contains(FD) || Stable)
      break;
  }
  InProgress.erase(FD);
  Summaries[FD]->Done = true;
  return Summaries[FD].get();
}

const TaintEngine::Summary *TaintEngine::summaryFor(const FunctionDecl *FD,
                                                    const Callbacks &Bound) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  if (Bound.empty() || InProgress.contains(FD))
    return summaryFor(FD);
  auto Key = std::make_pair(FD, Bound);
  auto It = Specialized.find(Key);
  if (It != Specialized.end())
    return It->second.get();
  // Each binding is analysed once: a function passing its callback on
  // binds the next one (bounded by the depth, like plain summaries).
  if (InProgress.size() >= MaxSummaryDepth || Specialized.size() >= 4096)
    return summaryFor(FD);
  auto Sum = std::make_unique<Summary>();
  InProgress.insert(FD);
  Computing.push_back(Sum.get());
  FunctionAnalysis(*this, FD, *Sum, Bound).run();
  Computing.pop_back();
  InProgress.erase(FD);
  Sum->Done = true;
  return (Specialized[Key] = std::move(Sum)).get();
}

bool TaintEngine::callsThrough(const FunctionDecl *FD, unsigned P) {
  auto [It, New] = CallsThrough.try_emplace({FD, P}, false);
  if (!New || !FD->hasBody() || P >= FD->getNumParams())
    return It->second;
  const ParmVarDecl *PD = FD->getParamDecl(P);
  class Finder : public DynamicRecursiveASTVisitor {
  public:
    explicit Finder(const ParmVarDecl *PD) : PD(PD) {}
    bool VisitCallExpr(CallExpr *Call) override {
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(stripToValue(Call->getCallee())))
        Found |= Ref->getDecl() == PD;
      // Passed on to another function (which may call it).
      for (const Expr *A : Call->arguments())
        if (const auto *Ref = dyn_cast<DeclRefExpr>(stripToValue(A)))
          Found |= Ref->getDecl() == PD;
      return !Found;
    }
    const ParmVarDecl *PD;
    bool Found = false;
  } F(PD);
  F.TraverseStmt(FD->getBody());
  CallsThrough[{FD, P}] = F.Found;
  return F.Found;
}

const FunctionDecl *FunctionAnalysis::passedFunction(const Expr *A,
                                                     const State &S) const {
  A = A->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(A);
      UO && UO->getOpcode() == UO_AddrOf)
    A = UO->getSubExpr()->IgnoreParenCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(A);
  if (!Ref)
    return nullptr;
  const auto *Fn = dyn_cast<FunctionDecl>(Ref->getDecl());
  // A pointer known to hold one function here (a bound parameter passed
  // on).
  if (!Fn)
    if (auto Known = S.Callee.find(Ref->getDecl());
        Known != S.Callee.end() && Known->second.size() == 1)
      Fn = Known->second.front();
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || SM.isInSystemHeader(Def->getLocation()))
    return nullptr;
  return Def;
}

TaintEngine::Callbacks FunctionAnalysis::callbacksOf(const CallExpr *Call,
                                                     const FunctionDecl *Def,
                                                     const State &S) {
  TaintEngine::Callbacks Out;
  unsigned N = std::min(Call->getNumArgs(), Def->getNumParams());
  for (unsigned I = 0; I < N; ++I) {
    QualType PT = Def->getParamDecl(I)->getType();
    const FunctionDecl *Fn = nullptr;
    if (isStdFunctionType(PT)) {
      // A lambda or a function passed for a std::function parameter.
      Fn = heldFunction(storedCallable(Call->getArg(I)));
    } else if (PT->isFunctionPointerType() || PT->isFunctionReferenceType()) {
      Fn = passedFunction(Call->getArg(I), S);
    }
    if (!Fn || !E.callsThrough(Def, I))
      continue;
    Out.push_back({I, Fn});
  }
  return Out;
}

/// Whether a call to \p Callee may give its caller untrusted data when
/// given none: a source, a function of the program that exports one, or
/// (whole-program mode, or with the last link's summaries) a function of
/// another unit that may return one.
bool TaintEngine::handsOverSource(const FunctionDecl *Callee) {
  llvm::ArrayRef<const model::Rule *> Rules = model().rulesFor(Callee);
  for (const model::Rule *R : Rules)
    if (R->Kind == model::RuleKind::Source)
      return true;
  for (const LinkedFunction *L : linkedSummaries(Callee))
    if (!L->ReturnsSource.empty())
      return true;
  if (options().WholeProgram && bodyElsewhere(Callee) && Rules.empty())
    return true;
  const FunctionDecl *Def = Callee->getDefinition();
  return Def && Def->hasBody() && exportsSource(Def);
}

/// Whether \p S reads a source: a call with a source rule, optarg, or a
/// call to a function of the program that may hand one over.
bool TaintEngine::readsSource(const Stmt *S) {
  if (!S)
    return false;
  bool Whole = options().WholeProgram;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    // A global another unit may write (a static one only this unit writes:
    // its flows are this unit's).
    if (Whole) {
      if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
        if (Var->hasGlobalStorage() && !Var->isStaticLocal() &&
            Var->isExternallyVisible() && !Var->getType().isConstQualified())
          return true;
    } else if (int G = trackedGlobal(DRE->getDecl()); G >= 0) {
      // One file at a time: a global some function of the unit stored
      // untrusted data in (the function scanned depends on what is known
      // of it now: staleReaders).
      unsigned Count = storeCount(G);
      if (Scanning)
        addRead(ScanReads[Scanning], G, Count);
      if (Count > 0 && UnitStores.count(G))
        return true;
    }
    // A function named here: called directly, or through a pointer set to
    // it in this function (the analysis follows such a pointer).
    if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return handsOverSource(Fn);
    return model().globalSource(DRE->getDecl()) != nullptr;
  }
  const Expr *NamedCallee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      if (handsOverSource(Callee))
        return true;
      // An override the unit defines of a virtual method called.
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
          MD && MD->isVirtual() && isa<CXXMemberCallExpr>(Call))
        for (const FunctionDecl *Over : overridersOf(MD))
          if (handsOverSource(Over))
            return true;
      // A std::function member: what the unit stores in it.
      if (const FieldDecl *Member = calledFunctionMember(Call)) {
        for (const Expr *Held : heldIn(Member)) {
          const FunctionDecl *Fn = heldFunction(Held);
          if (Fn && handsOverSource(Fn))
            return true;
        }
      }
      // A plain call names its callee: no need to look at the name again.
      // (A member call's callee expression holds its object.)
      if (isa<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        NamedCallee = Call->getCallee();
    } else if (const FieldDecl *Field = calledField(Call)) {
      // Through a pointer held in a struct field: the link knows which
      // functions are stored there; one file at a time, those the file
      // stores. Through any other pointer the analysis knows nothing of
      // the result (it is not assumed tainted), as evalCall says. A field
      // the model names a source is one in every host.
      if (Whole)
        return true;
      if (model().namesSomething(Field->getName()))
        for (const model::Rule *R : model().rulesFor(model::ruleName(Field)))
          if (R->Kind == model::RuleKind::Source)
            return true;
    }
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    if (const CXXConstructorDecl *Ctor = CE->getConstructor())
      if (Ctor->hasBody() && exportsSource(Ctor))
        return true;
  for (const Stmt *Child : S->children())
    if (Child != NamedCallee && readsSource(Child))
      return true;
  return false;
}

bool TaintEngine::mayProduceSource(const FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  auto [It, New] = ProducesSource.try_emplace(FD, Scan::Running);
  if (!New)
    return It->second == Scan::Yes; // being computed (recursion): no news
  if (Ctx.getSourceManager().isInSystemHeader(FD->getLocation())) {
    It->second = Scan::No;
    return false;
  }
  const FunctionDecl *Outer = Scanning;
  Scanning = FD;
  bool Result = readsSource(FD->getBody());
  Scanning = Outer;
  ProducesSource[FD] = Result ? Scan::Yes : Scan::No;
  return Result;
}

bool TaintEngine::exportsSource(const FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  if (auto It = Exports.find(FD); It != Exports.end())
    return It->second;
  auto Scanned = ProducesSource.find(FD);
  if (Scanned != ProducesSource.end() && Scanned->second == Scan::Running)
    return false; // recursion: no news (its own scan decides)
  if (!mayProduceSource(FD)) {
    Exports[FD] = false;
    return false;
  }
  const Summary *Sum = summaryFor(FD);
  if (!Sum || !Sum->Done)
    return true; // recursion, or past the depth limit: it may
  auto FromOutside = [](const TaintSet &T) {
    return llvm::any_of(
        T, [](const Step *St) { return St->Root->K != Origin::Parameter; });
  };
  bool Result =
      FromOutside(Sum->Return) ||
      llvm::any_of(Sum->Out,
                   [&](const auto &F) { return FromOutside(F.From); }) ||
      llvm::any_of(Sum->Globals,
                   [&](const auto &G) { return FromOutside(G.From); });
  Exports[FD] = Result;
  return Result;
}

} // namespace sinkguard::engine
