//===--- Paths.cpp
//----------------------------------------------------------===//
//
// Field paths (interned chains of fields from a base object) and the
// steps of a taint path: making, extending and replaying them.
//
//===----------------------------------------------------------------------===//

#include "AstQueries.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

/// The names of the fields from \p Outer (exclusive) down to \p Inner,
/// dot-separated.
std::string fieldNames(const FieldPath *Inner, const FieldPath *Outer) {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  for (const FieldPath *P = Inner; P && P != Outer; P = P->Parent)
    Names.push_back(P->Field ? P->Field->getName() : "");
  std::string Text;
  for (llvm::StringRef N : llvm::reverse(Names)) {
    if (!Text.empty())
      Text += '.';
    Text += N;
  }
  return Text;
}

/// An order of field paths that does not depend on where they were
/// allocated: by the fields' positions in their records, outermost first.
/// (Output that followed pointer order changed from run to run.)
/// Whether \p Inner is \p Outer or a path below it (every path is below
/// the whole object, null).
bool pathWithin(const FieldPath *Outer, const FieldPath *Inner) {
  for (const FieldPath *P = Inner; P; P = P->Parent)
    if (P == Outer)
      return true;
  return Outer == nullptr;
}

bool pathBefore(const FieldPath *A, const FieldPath *B) {
  if (!A || !B)
    return !A && B;
  return A->Order < B->Order;
}

/// Appends the steps of \p Tip's path, origin first, to \p Out; with
/// \p SkipOrigin, without its origin's step. Replayed paths are listed step
/// by step.
static void appendPath(const Step *Tip, bool SkipOrigin,
                       llvm::SmallVectorImpl<const Step *> &Out) {
  llvm::SmallVector<const Step *, 16> Chain;
  for (const Step *S = Tip; S; S = S->Prev)
    Chain.push_back(S);
  for (size_t I = Chain.size(); I-- > 0;) {
    const Step *S = Chain[I];
    if (SkipOrigin && I + 1 == Chain.size())
      continue;
    if (S->Replay)
      appendPath(S->Replay, /*SkipOrigin=*/true, Out);
    else
      Out.push_back(S);
  }
}

llvm::SmallVector<const Step *, 8> pathTo(const Step *Tip) {
  llvm::SmallVector<const Step *, 8> Path;
  appendPath(Tip, /*SkipOrigin=*/false, Path);
  return Path;
}

const FieldPath *FunctionAnalysis::child(const FieldPath *Parent,
                                         const FieldDecl *F) {
  return E.fieldPath(Parent, F);
}

const FieldPath *TaintEngine::fieldPath(const FieldPath *Parent,
                                        const FieldDecl *F) {
  // Paths stay short and finite: `p = p->next` in a loop would otherwise
  // make a new, longer location each round. A field met again on the way
  // up (a list's next, a tree's child) is folded into its first
  // occurrence; past MaxFieldDepth fields the parent stands for all.
  constexpr unsigned MaxFieldDepth = 8;
  // The members of a union are one object: what is written through one is
  // read through another.
  if (F->getParent()->isUnion())
    return Parent;
  unsigned Depth = 0;
  for (const FieldPath *P = Parent; P; P = P->Parent, ++Depth)
    if (P->Field == F)
      return P;
  if (Depth >= MaxFieldDepth)
    return Parent;
  auto &Slot = FieldPaths[{Parent, F}];
  if (!Slot) {
    FieldPathStore.push_back(std::make_unique<FieldPath>(FieldPath{Parent, F}));
    FieldPath &New = *FieldPathStore.back();
    if (Parent)
      New.Order = Parent->Order;
    New.Order.push_back(F ? F->getFieldIndex() + 1 : 0);
    Slot = &New;
  }
  return Slot;
}

const Step *FunctionAnalysis::extendOne(const Step *S, SourceLocation Loc,
                                        const std::string &Message) {
  if (const Step *Last = lastRealStep(S);
      Last->Loc == Loc && Last->Message == Message)
    return S;
  return E.makeStep(S, S->Root, Loc, Message);
}

TaintSet FunctionAnalysis::extend(const TaintSet &T, SourceLocation Loc,
                                  const std::string &Message) {
  TaintSet Result;
  for (const Step *S : T)
    Result.push_back(extendOne(S, Loc, Message));
  return Result;
}

TaintSet
FunctionAnalysis::extendAt(const TaintSet &T, SourceLocation Loc,
                           std::tuple<const void *, const void *, int> Site,
                           llvm::function_ref<std::string()> Message) {
  TaintSet Result;
  std::optional<std::string> Text;
  for (const Step *S : T) {
    const Step *&Known =
        Extended[{S, std::get<0>(Site), std::get<1>(Site), std::get<2>(Site)}];
    if (!Known) {
      if (!Text)
        Text = Message();
      Known = Text->empty() ? S : extendOne(S, Loc, *Text);
    }
    Result.push_back(Known);
  }
  return Result;
}

const Step *TaintEngine::replay(const Step *Onto, const Step *Inner) {
  // The steps of Inner after its (parameter) origin, on top of Onto. Steps
  // are interned, so the same two give the same path: made once, as one
  // step that stands for Inner's (pathTo lists them).
  if (!Inner->Prev)
    return Onto; // nothing after the origin
  const Step *&Known = Replayed[{Onto, Inner}];
  if (Known)
    return Known;
  Steps.push_back(
      std::make_unique<Step>(Step{Onto, Onto->Root, lastRealStep(Inner)->Loc,
                                  std::string(), Onto->Length + 1}));
  Steps.back()->Guarded = Onto->Guarded;
  // A distance taken in the callee is one in the caller too.
  Steps.back()->Positional = Onto->Positional || Inner->Positional;
  Steps.back()->Replay = Inner;
  Known = Steps.back().get();
  return Known;
}

const Origin *TaintEngine::makeOrigin(Origin O) {
  // One origin per source expression, however often it is evaluated: the
  // fixpoint then sees nothing new on the next round.
  auto Key = std::make_tuple(static_cast<int>(O.K), O.Param,
                             static_cast<int>(O.Category),
                             O.Loc.getRawEncoding(), O.ByCall, O.What, O.Arg,
                             O.Fields, static_cast<const void *>(O.Path));
  auto [It, New] = OriginIndex.try_emplace(Key, nullptr);
  if (!New)
    return It->second;
  Origins.push_back(std::make_unique<Origin>(std::move(O)));
  It->second = Origins.back().get();
  return It->second;
}

const Step *TaintEngine::makeStep(const Step *Prev, const Origin *Root,
                                  SourceLocation Loc, std::string Message,
                                  bool Positional) {
  // The fixpoint evaluates a statement again on every round: the same step
  // is made once, so memory grows with the program, not with the rounds.
  auto Key = std::make_tuple(Prev, Root, Loc.getRawEncoding(),
                             static_cast<unsigned>(llvm::hash_value(Message)));
  auto &Bucket = StepIndex[Key];
  Positional = Positional || (Prev && Prev->Positional);
  for (const Step *Known : Bucket)
    if (Known->Message == Message && Known->Positional == Positional)
      return Known;
  unsigned Length = Prev ? Prev->Length + 1 : 1;
  Steps.push_back(std::make_unique<Step>(
      Step{Prev, Root, Loc, std::move(Message), Length}));
  Steps.back()->Guarded = Prev && Prev->Guarded;
  Steps.back()->Positional = Positional;
  Bucket.push_back(Steps.back().get());
  return Steps.back().get();
}

const Step *TaintEngine::makeGuardStep(const Step *Prev, SourceLocation Loc,
                                       std::string Message, int Call, int Arg) {
  std::string Key =
      Message + "\n" + std::to_string(Call) + "/" + std::to_string(Arg);
  auto Index = std::make_tuple(Prev, Prev->Root, Loc.getRawEncoding(),
                               static_cast<unsigned>(llvm::hash_value(Key)));
  auto &Bucket = StepIndex[Index];
  for (const Step *Known : Bucket)
    if (Known->GuardCall == Call && Known->GuardArg == Arg &&
        Known->Message == Message)
      return Known;
  Steps.push_back(std::make_unique<Step>(Step{
      Prev, Prev->Root, Loc, std::move(Message), Prev->Length + 1, Call, Arg}));
  Steps.back()->Guarded = true;
  Steps.back()->Positional = Prev->Positional;
  Bucket.push_back(Steps.back().get());
  return Steps.back().get();
}

} // namespace sinkguard::engine
