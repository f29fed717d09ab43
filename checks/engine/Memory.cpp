//===--- Memory.cpp
//---------------------------------------------------------===//
//
// Abstract memory: the location an expression designates, and reading,
// writing and cleaning the taint of locations in a state.
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
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Compiler.h"
#include <utility>

using namespace clang;

namespace sinkguard::engine {

Location FunctionAnalysis::heapObject(const CXXNewExpr *New) {
  // One cell per place that allocates, for an object of the program's own
  // class made with an initializer that says what its fields hold.
  const Expr *Init = New->getInitializer();
  if (New->isArray() || !Init || New->getAllocatedType().isNull() ||
      onlyLibraryTypes(New->getAllocatedType()) ||
      !New->getAllocatedType()->isRecordType() ||
      !isa<CXXConstructExpr, InitListExpr>(Init))
    return {};
  return {New, nullptr};
}

Location FunctionAnalysis::locOf(const Expr *Ex, State &S) {
  Ex = stripToValue(Ex);
  if (!Ex)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex)) {
    const ValueDecl *VD = DRE->getDecl();
    // `auto [cmd, n] = pair;`: cmd is a part of the hidden variable.
    if (const auto *B = dyn_cast<BindingDecl>(VD))
      return B->getBinding() ? locOf(B->getBinding(), S) : Location();
    // In a lambda, a variable it captures is a field of the closure.
    const FieldDecl *Captured =
        CaptureFields.empty() || !DRE->refersToEnclosingVariableOrCapture()
            ? nullptr
            : CaptureFields.lookup(VD);
    if (Captured) {
      FieldBases.insert(ThisBase);
      return {ThisBase, child(nullptr, Captured)};
    }
    // optarg's value is a source made at each read, not a cell: a pointer
    // set from it holds the value itself.
    if (M.globalSource(VD))
      return {};
    auto It = S.Alias.find(VD);
    if (It != S.Alias.end() && It->second.Base != MixedBase)
      return It->second;
    // One cell per global, whichever of its declarations is named.
    if (E.trackedGlobal(VD) >= 0)
      return varLoc(cast<VarDecl>(VD)->getCanonicalDecl());
    return varLoc(VD);
  }
  if (isa<CXXThisExpr>(Ex))
    return {ThisBase, nullptr};
  if (const auto *New = dyn_cast<CXXNewExpr>(Ex))
    return heapObject(New);
  // A smart pointer designates what it owns: `std::unique_ptr<Job> j(new
  // Job(cmd))`, `= std::make_unique<Job>(cmd)`, then `j->run()`, `*j`.
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    if (madeObjectClass(Call))
      return {Call, nullptr};
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    if (Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() == 1 && isSmartPointerType(Op->getArg(0)->getType()))
      return locOf(Op->getArg(0), S);
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Ex);
      CE && CE->getNumArgs() == 1 && isSmartPointerType(CE->getType()))
    return locOf(CE->getArg(0), S);
  if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()))
      return locOf(ME->getBase(), S);
    Location Here = fieldOf(ME, S);
    if (!Here.valid())
      return Here;
    // `c.reader` set to `&r`: the field designates r.
    if (!S.FieldAlias.empty())
      if (auto It = S.FieldAlias.find(Here); It != S.FieldAlias.end())
        return It->second;
    return Here;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Ex))
    return locOf(AS->getBase(), S);
  if (const auto *UO = dyn_cast<UnaryOperator>(Ex)) {
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref ||
        UO->isIncrementDecrementOp())
      return locOf(UO->getSubExpr(), S);
    return {};
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    // A struct header before the data, the object a member is in.
    if (stepsBackToObject(BO))
      return {};
    if (BO->isAdditiveOp() || BO->isCompoundAssignmentOp() ||
        BO->getOpcode() == BO_Assign) {
      return locOf(BO->getLHS()->getType()->isPointerType() ||
                           BO->isAssignmentOp()
                       ? BO->getLHS()
                       : BO->getRHS(),
                   S);
    }
    if (BO->getOpcode() == BO_Comma)
      return locOf(BO->getRHS(), S);
    return {};
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex)) {
    Location T = locOf(CO->getTrueExpr(), S);
    Location L = T.valid() ? T : locOf(CO->getFalseExpr(), S);
    // `valid(c) ? c : "true"`: not c itself, which is valid only where
    // the condition says so; the value (eval) is what the sides hold.
    if (L.valid() && mayValidate(CO->getCond()) &&
        validatedBy(CO->getCond(), T.valid(), L, S))
      return {};
    return L;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    for (const model::Rule *R : M.rulesFor(Callee))
      if (R->ReturnsArg != model::NoArg)
        if (const Expr *A = ruleArg(Call, R->ReturnsArg))
          return locOf(A, S);
    // `*it`, `it->x` and `c[i]` on classes without rules: the element
    // lives in the object (iterators, smart pointers, custom containers).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      OverloadedOperatorKind K = Op->getOperator();
      if ((K == OO_Star || K == OO_Arrow || K == OO_Subscript) &&
          Op->getNumArgs() > 0)
        return locOf(Op->getArg(0), S);
    }
    return {};
  }
  return {};
}

LLVM_ATTRIBUTE_NOINLINE bool FunctionAnalysis::validatedBy(const Expr *Cond,
                                                           bool Truth,
                                                           Location L,
                                                           State &S) {
  State Arm = S;
  refine(Cond, Truth, Arm);
  return llvm::is_contained(Arm.Validated, L);
}

bool FunctionAnalysis::mayValidate(const Expr *Cond) const {
  // A validator is called, or text compared; a bare value tested for
  // zero validates nothing.
  const Expr *C = stripToValue(Cond);
  while (const auto *UO = dyn_cast_or_null<UnaryOperator>(C)) {
    if (UO->getOpcode() != UO_LNot)
      break;
    C = stripToValue(UO->getSubExpr());
  }
  return C && (isa<CallExpr>(C) || isa<BinaryOperator>(C));
}

const FieldPath *FunctionAnalysis::moved(const FieldPath *Under,
                                         const FieldPath *Inner,
                                         const FieldPath *Outer) const {
  llvm::SmallVector<const FieldDecl *, 4> Fields;
  for (const FieldPath *P = Inner; P != Outer; P = P->Parent)
    Fields.push_back(P->Field);
  const FieldPath *Path = Under;
  for (const FieldDecl *F : llvm::reverse(Fields))
    Path = E.fieldPath(Path, F);
  return Path;
}

Location FunctionAnalysis::rebase(Location Target, const FieldPath *Rel,
                                  const FieldPath *From) {
  const FieldPath *Path = moved(Target.Path, Rel, From);
  if (Path)
    FieldBases.insert(Target.Base);
  return {Target.Base, Path};
}

TaintSet FunctionAnalysis::read(Location L, const State &S, QualType T,
                                int Depth) {
  TaintSet Result;
  if (!L.valid())
    return Result;
  // Through a pointer that designates one of several objects: what each
  // holds now (and what the pointer's own cell kept from the join).
  if (Depth < 2) {
    if (auto M = S.Mixed.find(L.Base); M != S.Mixed.end()) {
      llvm::SmallVector<Location, 2> Targets = M->second;
      for (Location Target : Targets)
        addAll(Result, read(rebase(Target, L.Path), S, T, Depth + 1));
    }
  }
  // The location itself and every enclosing object: a whole struct that
  // was filled by fread taints each of its fields.
  bool Whole = E.options().WholeProgram;
  for (const FieldPath *P = L.Path;; P = P->Parent) {
    auto It = S.Cells.find({L.Base, P});
    if (It != S.Cells.end()) {
      if (P != L.Path)
        addAll(Result, narrowed(It->second, P, L.Path));
      else
        addAll(Result, It->second);
    }
    if (!P)
      break;
  }
  // A global's value: whatever any function of the program stored there,
  // which the link phase knows.
  if (Whole) {
    int G = E.globalAt(L.Base);
    if (G >= 0) {
      const auto *Var = static_cast<const VarDecl *>(L.Base);
      Origin O{Origin::Global, G,     model::SourceKind::Other,
               declName(Var),  false, Var->getLocation()};
      O.Fields = fieldNames(L.Path, nullptr);
      addAll(Result, {E.makeStep(nullptr, E.makeOrigin(O), Var->getLocation(),
                                 "global variable '" + O.What + "'")});
    }
  } else if (int G = E.globalAt(L.Base); G >= 0) {
    // One file at a time: what the unit's functions store there.
    const auto *Var = static_cast<const VarDecl *>(L.Base);
    for (const Step *St : E.globalContents(G, L.Path))
      addAll(Result, {E.makeStep(St, St->Root, Var->getLocation(),
                                 "global variable '" + declName(Var) + "'")});
  }
  // Reading a whole struct reads its fields.
  if (!T.isNull() && T.getNonReferenceType()->isRecordType() &&
      !isStdStringType(T)) {
    // In the fields' order: the first path of an origin is the one kept.
    llvm::SmallVector<std::pair<const FieldPath *, const TaintSet *>, 8> Parts;
    for (const auto &[K, V] : S.Cells) {
      if (K.Base != L.Base || K.Path == L.Path)
        continue;
      for (const FieldPath *P = K.Path; P; P = P->Parent) {
        if (P->Parent == L.Path) {
          Parts.push_back({K.Path, &V});
          break;
        }
      }
    }
    if (Parts.size() > 1)
      llvm::sort(Parts, [](const auto &A, const auto &B) {
        return pathBefore(A.first, B.first);
      });
    for (const auto &Part : Parts)
      addAll(Result, *Part.second);
    // And what its pointer fields designate now (`c.reader = &r`).
    if (Depth < 2 && !S.FieldAlias.empty()) {
      llvm::SmallVector<std::pair<const FieldPath *, Location>, 2> Targets;
      for (const auto &[K, V] : S.FieldAlias)
        if (strictlyWithin(L, K))
          Targets.push_back({K.Path, V});
      llvm::sort(Targets, [](const auto &A, const auto &B) {
        return pathBefore(A.first, B.first);
      });
      for (const auto &[Path, Target] : Targets)
        addAll(Result, read(Target, S, QualType(), Depth + 1));
    }
  }
  return Result;
}

TaintSet FunctionAnalysis::narrowed(const TaintSet &T, const FieldPath *Outer,
                                    const FieldPath *Inner) const {
  TaintSet Result;
  bool Whole = E.options().WholeProgram;
  for (const Step *St : T) {
    const Origin *R = St->Root;
    // A parameter's field: the caller maps it to that field of its
    // argument (applySummary).
    if (R->K == Origin::Parameter && !R->Path && !St->Prev) {
      Origin O = *R;
      O.Path = moved(nullptr, Inner, Outer);
      Result.push_back(
          E.makeStep(nullptr, E.makeOrigin(O), St->Loc, St->Message));
      continue;
    }
    if (!Whole || (R->K != Origin::CallOut && R->K != Origin::Global)) {
      Result.push_back(St);
      continue;
    }
    Origin O = *R;
    std::string More = fieldNames(Inner, Outer);
    O.Fields = O.Fields.empty() ? More : O.Fields + "." + More;
    const Step *First = pathTo(St).front();
    Result.push_back(
        E.makeStep(nullptr, E.makeOrigin(O), First->Loc, First->Message));
  }
  return Result;
}

void FunctionAnalysis::clean(Location L, State &S) {
  eraseWithin(S.Cells, L, FieldBases.contains(L.Base));
  eraseWithin(S.FieldAlias, L, FieldBases.contains(L.Base));
}

Location FunctionAnalysis::fieldOf(const MemberExpr *ME, State &S) {
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  Location Base = locOf(ME->getBase(), S);
  if (!Base.valid() || !Field)
    return {};
  FieldBases.insert(Base.Base);
  return {Base.Base, child(Base.Path, Field)};
}

bool FunctionAnalysis::copiedByField(QualType T) {
  if (T.isNull())
    return false;
  const auto *RD = T.getNonReferenceType()->getAsRecordDecl();
  if (!RD || RD->isInStdNamespace() || isStdStringType(T))
    return false;
  // A class with copy constructors or assignments of its own copies what
  // they say (a call).
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    return !CRD->hasDefinition() || CRD->isTriviallyCopyable();
  return true;
}

bool FunctionAnalysis::initFields(
    Location Object, const InitListExpr *IL, State &S,
    llvm::function_ref<TaintSet(const TaintSet &)> Extend) {
  if (IL->isSyntacticForm())
    if (const InitListExpr *Semantic = IL->getSemanticForm())
      IL = Semantic;
  const RecordDecl *RD = IL->getType()->getAsRecordDecl();
  if (!RD || RD->isUnion() || IL->hadArrayRangeDesignator())
    return false;
  unsigned I = 0;
  for (const FieldDecl *F : RD->fields()) {
    if (I >= IL->getNumInits())
      break;
    const Expr *Init = IL->getInit(I++);
    if (F->isUnnamedBitField())
      continue;
    FieldBases.insert(Object.Base);
    Location Field{Object.Base, child(Object.Path, F)};
    const auto *Inner = dyn_cast<InitListExpr>(stripToValue(Init));
    if (Inner && copiedByField(F->getType()) &&
        initFields(Field, Inner, S, Extend))
      continue;
    TaintSet T = eval(Init, S);
    if (!T.empty())
      write(Field, Extend(T), S, /*Strong=*/false);
  }
  return true;
}

bool FunctionAnalysis::copyObject(
    Location Dst, Location Src, State &S, bool Strong,
    llvm::function_ref<TaintSet(const TaintSet &)> Extend) {
  if (!Dst.valid() || !Src.valid() || S.Mixed.contains(Src.Base) ||
      S.Mixed.contains(Dst.Base))
    return false;
  if (E.options().WholeProgram && E.globalAt(Src.Base) >= 0)
    return false;
  if (Dst.Base == Src.Base &&
      (pathWithin(Dst.Path, Src.Path) || pathWithin(Src.Path, Dst.Path)))
    return Dst == Src;
  // What Src holds as a whole: its own cell and those of the objects
  // around it (a struct filled by fread).
  TaintSet Whole;
  for (const FieldPath *P = Src.Path;; P = P->Parent) {
    if (auto It = S.Cells.find({Src.Base, P}); It != S.Cells.end())
      addAll(Whole, It->second);
    if (!P)
      break;
  }
  // Its fields, in the fields' order (the first path of an origin is the
  // one kept).
  llvm::SmallVector<std::pair<const FieldPath *, TaintSet>, 8> Fields;
  llvm::SmallVector<std::pair<const FieldPath *, IntRange>, 4> Ranges;
  if (FieldBases.contains(Src.Base)) {
    for (const auto &[K, V] : S.Cells) {
      if (strictlyWithin(Src, K))
        Fields.push_back({K.Path, V});
    }
    for (const auto &[K, R] : S.Ranges) {
      if (TrackRanges && strictlyWithin(Src, K))
        Ranges.push_back({K.Path, R});
    }
  }
  llvm::sort(Fields, [](const auto &A, const auto &B) {
    return pathBefore(A.first, B.first);
  });
  // The field path of \p Inner below Src, re-rooted under Dst.
  auto Moved = [&](const FieldPath *Inner) {
    return rebase(Dst, Inner, Src.Path);
  };
  write(Dst, Whole.empty() ? Whole : Extend(Whole), S, Strong);
  for (const auto &[Path, T] : Fields)
    write(Moved(Path), Extend(T), S, /*Strong=*/false);
  for (const auto &[Path, R] : Ranges)
    if (Strong)
      S.Ranges[Moved(Path)] = R;
  if (Strong && !S.FieldAlias.empty()) {
    llvm::SmallVector<std::pair<const FieldPath *, Location>, 2> Aliases;
    for (const auto &[K, V] : S.FieldAlias)
      if (strictlyWithin(Src, K))
        Aliases.push_back({K.Path, V});
    for (const auto &[Path, V] : Aliases)
      S.FieldAlias[Moved(Path)] = V;
  }
  return true;
}

void FunctionAnalysis::write(Location L, const TaintSet &T, State &S,
                             bool Strong, std::optional<IntRange> Stored) {
  if (!L.valid())
    return;
  if (TrackRanges)
    forgetRange(L, S);
  if (!S.Validated.empty() || !S.Flags.empty())
    S.forgetValidated(L);
  if (Strong)
    clean(L, S);
  if (T.empty())
    return;
  if (int G = E.globalAt(L.Base); G >= 0) {
    // Whether every store of untrusted data here left a number in a range
    // (extractSummary).
    bool Bounded = Stored && boundedNumber(*Stored);
    auto [Known, New] = GlobalStoresBounded.try_emplace(L, Bounded);
    if (!New)
      Known->second = Known->second && Bounded;
    // One file at a time, what a global receives is what every function
    // of the unit reads there (whole-program mode: the link's).
    if (!E.options().WholeProgram)
      E.storeInGlobal(G, L.Path, T, Stored);
  }
  if (auto Known = S.Cells.find(L);
      Known == S.Cells.end() || !coveredBy(Known->second, T))
    addAll(S.Cells[L], T);
  // Through a pointer that designates one of several objects: each may
  // now hold it.
  if (auto M = S.Mixed.find(L.Base); M != S.Mixed.end()) {
    llvm::SmallVector<Location, 2> Targets = M->second;
    for (Location Target : Targets)
      if (!S.Mixed.contains(Target.Base))
        write(rebase(Target, L.Path), T, S, /*Strong=*/false);
  }
}

int TaintEngine::trackedGlobal(const ValueDecl *VD) {
  const auto *Var = dyn_cast_or_null<VarDecl>(VD);
  if (!Var || !Var->hasGlobalStorage() || Var->isStaticLocal() ||
      Var->getType().isConstQualified() ||
      Ctx.getSourceManager().isInSystemHeader(Var->getLocation()))
    return -1;
  return global(Var);
}

unsigned TaintEngine::storeCount(int G) const {
  auto Changes = StoreChanges.find(G);
  return Changes == StoreChanges.end() ? 0 : Changes->second;
}

bool TaintEngine::changedSince(
    llvm::ArrayRef<std::pair<int, unsigned>> Reads) const {
  return llvm::any_of(Reads, [&](const std::pair<int, unsigned> &Read) {
    return storeCount(Read.first) > Read.second;
  });
}

void TaintEngine::addRead(
    llvm::SmallVectorImpl<std::pair<int, unsigned>> &Reads, int G,
    unsigned Count) {
  for (auto &[Global, Seen] : Reads) {
    if (Global == G) {
      Seen = std::min(Seen, Count);
      return;
    }
  }
  Reads.push_back({G, Count});
}

void TaintEngine::storeInGlobal(int G, const FieldPath *Path, const TaintSet &T,
                                std::optional<IntRange> Range) {
  // A number checked into a range before it is stored stays in it.
  if (Range && boundedNumber(*Range))
    return;
  TaintSet Sourced;
  for (const Step *St : T)
    if (St->Root->K == Origin::Source)
      Sourced.push_back(St);
  if (Sourced.empty())
    return;
  std::vector<UnitStore> &Stores = UnitStores[G];
  auto It =
      llvm::find_if(Stores, [&](const UnitStore &U) { return U.Path == Path; });
  bool Changed = false;
  if (It == Stores.end()) {
    Stores.push_back({Path, Sourced});
    Changed = true;
  } else {
    Changed = addAll(It->Data, Sourced);
  }
  if (Changed) {
    ++StoreChanges[G];
  }
}

void TaintEngine::noteRead(int G, unsigned Count) {
  if (CurrentTop)
    addRead(TopReads[CurrentTop], G, Count);
  for (Summary *S : Computing)
    addRead(S->ReadGlobals, G, Count);
}

TaintSet TaintEngine::globalContents(int G, const FieldPath *Path) {
  noteRead(G, storeCount(G));
  TaintSet Result;
  auto It = UnitStores.find(G);
  if (It == UnitStores.end())
    return Result;
  for (const UnitStore &U : It->second)
    if (overlaps(U.Path, Path))
      addAll(Result, U.Data);
  return Result;
}

std::vector<const FunctionDecl *>
TaintEngine::staleReaders(llvm::ArrayRef<const FunctionDecl *> Analysed) const {
  std::vector<const FunctionDecl *> Stale;
  auto Changed = [&](const auto &Map, const FunctionDecl *Key) {
    auto It = Map.find(Key);
    return It != Map.end() && changedSince(It->second);
  };
  for (const FunctionDecl *FD : Analysed) {
    const FunctionDecl *Def = FD->getDefinition() ? FD->getDefinition() : FD;
    if (Changed(TopReads, FD) || Changed(ScanReads, Def))
      Stale.push_back(FD);
  }
  return Stale;
}

void TaintEngine::restartUnit() {
  // Only what read a global whose stores changed since is found again (a
  // summary, through its callees' too; a scan, in its own body): the rest
  // of the unit's work stands.
  llvm::SmallVector<const FunctionDecl *, 16> Redo;
  for (const auto &[FD, Sum] : Summaries)
    if (!Sum->Done || changedSince(Sum->ReadGlobals))
      Redo.push_back(FD);
  for (const auto &[FD, Reads] : ScanReads)
    if (changedSince(Reads))
      Redo.push_back(FD);
  for (const FunctionDecl *FD : Redo) {
    Summaries.erase(FD);
    ProducesSource.erase(FD);
    Exports.erase(FD);
    ScanReads.erase(FD);
  }
  for (auto It = Specialized.begin(); It != Specialized.end();)
    It = changedSince(It->second->ReadGlobals) ? Specialized.erase(It)
                                               : std::next(It);
  InProgress.clear();
  Recursive.clear();
  Pending.clear();
}

} // namespace sinkguard::engine
