//===--- Solver.cpp
//---------------------------------------------------------===//
//
// The solver: the fixpoint over a function's CFG, block by block in
// reverse post-order, with widening on back edges.
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
#include "AstQueries.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace clang;

namespace sinkguard::engine {

BlockOrder orderBlocks(const CFG &Cfg) {
  const unsigned N = Cfg.getNumBlockIDs();
  BlockOrder Order;
  Order.Rank.assign(N, 0);
  Order.Priority.assign(N, 0);
  Order.Cyclic.assign(N, false);
  // Reverse post-order: a block whose predecessors all come before it (a
  // join after a switch of hundreds of cases) runs once per round, not
  // once per predecessor. Strongly connected components (Tarjan's, without
  // recursion) on the same walk: the loops.
  std::vector<const CFGBlock *> Post;
  std::vector<int> Index(N, -1);
  std::vector<int> Low(N, 0);
  std::vector<int> Component(N, -1);
  std::vector<bool> OnStack(N, false);
  std::vector<const CFGBlock *> Open;
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 32> Stack;
  int Counter = 0;
  int Components = 0;
  auto Enter = [&](const CFGBlock *Blk) {
    unsigned Id = Blk->getBlockID();
    Index[Id] = Low[Id] = Counter++;
    Open.push_back(Blk);
    OnStack[Id] = true;
    Stack.push_back({Blk, 0});
  };
  Enter(&Cfg.getEntry());
  while (!Stack.empty()) {
    const CFGBlock *Blk = Stack.back().first;
    const unsigned Id = Blk->getBlockID();
    unsigned I = Stack.back().second++;
    if (I < Blk->succ_size()) {
      const CFGBlock *Next = (Blk->succ_begin() + I)->getReachableBlock();
      if (!Next)
        continue;
      unsigned NextId = Next->getBlockID();
      if (Index[NextId] < 0)
        Enter(Next);
      else if (OnStack[NextId])
        Low[Id] = std::min(Low[Id], Index[NextId]);
      continue;
    }
    Post.push_back(Blk);
    Stack.pop_back();
    if (!Stack.empty()) {
      unsigned Parent = Stack.back().first->getBlockID();
      Low[Parent] = std::min(Low[Parent], Low[Id]);
    }
    if (Low[Id] != Index[Id])
      continue;
    // Blk heads a component: it and the blocks entered after it.
    size_t First = Open.size() - 1;
    while (Open[First] != Blk)
      --First;
    bool Loop = Open.size() - First > 1 ||
                llvm::any_of(Blk->succs(), [&](const auto &Succ) {
                  return Succ.getReachableBlock() == Blk;
                });
    for (size_t K = First; K < Open.size(); ++K) {
      unsigned Member = Open[K]->getBlockID();
      OnStack[Member] = false;
      Component[Member] = Components;
      Order.Cyclic[Member] = Loop;
    }
    Open.resize(First);
    ++Components;
  }
  for (size_t I = 0; I < Post.size(); ++I)
    Order.Rank[Post[I]->getBlockID()] =
        static_cast<unsigned>(Post.size() - 1 - I);
  // The solver's order: components in topological order (Tarjan's finishes
  // the last first), and by rank within one. Blocks after a loop run once
  // it is done, on their final input.
  Order.Blocks.assign(Post.rbegin(), Post.rend());
  llvm::stable_sort(Order.Blocks, [&](const CFGBlock *A, const CFGBlock *B) {
    return Component[A->getBlockID()] > Component[B->getBlockID()];
  });
  for (size_t I = 0; I < Order.Blocks.size(); ++I)
    Order.Priority[Order.Blocks[I]->getBlockID()] = static_cast<unsigned>(I);
  // Judged late: a loop's blocks, and what follows a loop. (The blocks
  // after a loop run once, on their final input, but their sinks judge
  // after the loop's, in the solver's order: a summary keeps the first
  // MaxExternalArgs arguments passed to other units, so the order in which
  // sinks are judged is part of the answer.)
  Order.Late = Order.Cyclic;
  for (const CFGBlock *Blk : Order.Blocks) {
    if (!Order.Late[Blk->getBlockID()]) {
      for (const CFGBlock::AdjacentBlock &Pred : Blk->preds()) {
        if (const CFGBlock *P = Pred.getReachableBlock();
            P && Order.Late[P->getBlockID()]) {
          Order.Late[Blk->getBlockID()] = true;
          break;
        }
      }
    }
  }
  return Order;
}

namespace {

/// How a range that grew along a loop's back edge is widened: an end that
/// moved is dropped, so the loop converges in a few rounds. A local
/// array's elements (IntRange::Elements) widen to the next power of two
/// instead, up to 2^16: a store of `x % 16` in a loop keeps 0 to 15.
void widen(const IntRange &Old, IntRange &New) {
  constexpr std::int64_t Threshold = 1 << 16;
  bool LoMoved = Old.Lo && New.Lo && *New.Lo < *Old.Lo;
  bool HiMoved = Old.Hi && New.Hi && *New.Hi > *Old.Hi;
  if (LoMoved) {
    if (New.Elements && *New.Lo >= -Threshold) {
      New.Lo = -static_cast<std::int64_t>(
          llvm::PowerOf2Ceil(static_cast<std::uint64_t>(-*New.Lo)));
    } else {
      New.Lo.reset();
    }
  }
  if (HiMoved) {
    if (New.Elements && *New.Hi >= 0 && *New.Hi < Threshold) {
      New.Hi = static_cast<std::int64_t>(llvm::PowerOf2Ceil(
                   static_cast<std::uint64_t>(*New.Hi) + 1)) -
               1;
    } else {
      New.Hi.reset();
      New.HiFromType = false;
    }
  }
}

} // namespace

void FunctionAnalysis::run() {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return;
  CFG::BuildOptions Opts;
  Opts.AddInitializers = true;
  Opts.AddImplicitDtors = false;
  Opts.AddTemporaryDtors = false;
  Opts.AddCXXDefaultInitExprInCtors = true;
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Opts);
  if (!Cfg)
    return;

  State Entry;
  Entry.Reachable = true;
  for (const auto &[P, Fn] : Bound)
    if (P < FD->getNumParams())
      Entry.Callee[FD->getParamDecl(P)] = {Fn};
  IsMain = FD->isMain();
  KeepReturnStates = FD->getReturnType()->isBooleanType() ||
                     FD->getReturnType()->isIntegerType();
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *PD = FD->getParamDecl(I);
    const Origin *O;
    const Step *St;
    // main has no callers: argc is a count, argv and envp are sources.
    if (IsMain &&
        (I == 0 || E.isTrusted(I == 1 ? model::SourceKind::CommandLine
                                      : model::SourceKind::Environment)))
      continue;
    if (IsMain && !E.isTrusted(I == 1 ? model::SourceKind::CommandLine
                                      : model::SourceKind::Environment)) {
      std::string Name = declName(PD);
      O = E.makeOrigin({Origin::Source, 0,
                        I == 1 ? model::SourceKind::CommandLine
                               : model::SourceKind::Environment,
                        Name, false, PD->getLocation()});
      St = E.makeStep(nullptr, O, PD->getLocation(),
                      I == 1 ? "'" + Name + "' holds the command-line arguments"
                             : "'" + Name + "' holds the environment");
    } else {
      O = E.makeOrigin({Origin::Parameter, static_cast<int>(I),
                        model::SourceKind::Other, declName(PD), false,
                        PD->getLocation()});
      St = E.makeStep(nullptr, O, PD->getLocation(), "parameter");
      ParamOrigins[PD] = O;
    }
    Entry.Cells[varLoc(PD)] = {St};
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (MD->getParent()->isLambda()) {
      FieldDecl *ThisCapture = nullptr;
      MD->getParent()->getCaptureFields(CaptureFields, ThisCapture);
    }
    if (MD->isInstance()) {
      const Origin *O = E.makeOrigin({Origin::Parameter, model::ThisObject,
                                      model::SourceKind::Other, "this", false,
                                      FD->getLocation()});
      Entry.Cells[{ThisBase, nullptr}] = {
          E.makeStep(nullptr, O, FD->getLocation(), "parameter")};
    }
  }

  std::vector<State> In(Cfg->getNumBlockIDs());
  const CFGBlock &EntryBlock = Cfg->getEntry();
  In[EntryBlock.getBlockID()] = Entry;
  const BlockOrder Order = orderBlocks(*Cfg);
  std::vector<const CFGBlock *> BlockById(Cfg->getNumBlockIDs(), nullptr);
  for (const CFGBlock *Blk : *Cfg)
    BlockById[Blk->getBlockID()] = Blk;
  WorkList Work;
  Work.insert(
      {Order.Priority[EntryBlock.getBlockID()], EntryBlock.getBlockID()});
  unsigned Budget = 20 * Cfg->getNumBlockIDs() + 100;
  // Ranges along a loop's back edge: `i++` in `for (i = 0; i < n; i++)`
  // makes i's range at the loop's head grow by one each round, and the
  // fixpoint would run out of its budget (or run as many rounds as a
  // constant bound says). A bound that moves along a back edge is dropped
  // (widening); the loop's condition bounds the value again on the way
  // into the body, and the type's range still bounds a narrow value where
  // it is used.
  auto Widen = [](const IntRange &Old, IntRange &New) { widen(Old, New); };
  // Which blocks of loops may meet a sink (the others need not run again),
  // and the inputs the judging pass runs them on.
  std::vector<bool> MeetsSink(Cfg->getNumBlockIDs(), false);
  for (const CFGBlock *Blk : Order.Blocks)
    if (Order.Cyclic[Blk->getBlockID()])
      MeetsSink[Blk->getBlockID()] = meetsSink(*Blk);
  std::vector<State> Saved(Cfg->getNumBlockIDs());
  std::vector<std::vector<Deferred>> Verdicts(Cfg->getNumBlockIDs());
  State ExitState;
  while (!Work.empty() && Budget-- > 0) {
    const CFGBlock *B = BlockById[Work.begin()->second];
    Work.erase(Work.begin());
    // A block with one predecessor runs again only after that predecessor
    // has, whose next edge brings the whole input again: the input is taken,
    // not copied. A join point keeps its input, to see whether an edge
    // brings anything new.
    State S = B->pred_size() == 1 ? std::exchange(In[B->getBlockID()], State())
                                  : In[B->getBlockID()];
    if (!S.Reachable)
      continue;
    const unsigned Id = B->getBlockID();
    // A block after a loop runs once, on its final input: its sinks judge
    // now, and the judging pass acts on their verdicts in its turn.
    const bool AfterLoop = Order.Late[Id] && !Order.Cyclic[Id];
    Judging = !Order.Cyclic[Id];
    Deferring = AfterLoop ? &Verdicts[Id] : nullptr;
    if (AfterLoop)
      Verdicts[Id].clear();
    // The judging pass runs a block of a loop that meets a sink again on
    // the input of its last run here (its final one).
    if (!Judging && B->pred_size() == 1 && MeetsSink[Id])
      Saved[Id] = S;
    transfer(*B, S);
    if (B == &Cfg->getExit()) {
      ExitState = std::move(S);
      Deferring = nullptr;
      continue;
    }
    propagate(*B, std::move(S), In, Order, Widen, &Work);
    Deferring = nullptr;
  }
  // The returns seen last are the ones of the final iteration; keep the
  // latest state per return statement.
  llvm::DenseMap<const ReturnStmt *, size_t> Latest;
  for (size_t I = 0; I < Returns.size(); ++I)
    Latest[Returns[I].first] = I;
  std::vector<std::pair<const ReturnStmt *, State>> Final;
  for (size_t I = 0; I < Returns.size(); ++I)
    if (Latest[Returns[I].first] == I)
      Final.push_back(std::move(Returns[I]));
  Returns = std::move(Final);
  judgeSinks(*Cfg, Order, In, Saved, MeetsSink, Verdicts);
  extractSummary(ExitState);
}

void FunctionAnalysis::judgeSinks(
    const CFG &Cfg, const BlockOrder &Order, std::vector<State> &In,
    std::vector<State> &Saved, const std::vector<bool> &MeetsSink,
    std::vector<std::vector<Deferred>> &Verdicts) {
  // One pass over the converged states of the blocks judged late (in or
  // after a loop) that may meet a sink, in the solver's order: a block's
  // input is the fixpoint's where edges join, and the input of its last
  // run (Saved) where it has one predecessor (the fixpoint took that one
  // when it ran the block). Transfer runs again with the sinks judging
  // what reaches them; the states no longer change.
  Judging = true;
  KeepReturnStates = false;
  for (const CFGBlock *B : Order.Blocks) {
    unsigned Id = B->getBlockID();
    if (Order.Late[Id] && !Order.Cyclic[Id]) {
      // After a loop: judged as the solver ran it.
      for (const Deferred &V : Verdicts[Id]) {
        if (V.What == Deferred::Report)
          E.report(V.Hit);
        else if (V.What == Deferred::Keep)
          keepSink(V.Hit);
        else
          noteIndexHit(V.Hit);
      }
      continue;
    }
    if (!MeetsSink[Id])
      continue;
    State S = std::exchange(B->pred_size() == 1 ? Saved[Id] : In[Id], State());
    if (!S.Reachable || B == &Cfg.getExit())
      continue;
    transfer(*B, S);
    // The edges only for the loop bounds they enter.
    if (TrackRanges)
      propagate(*B, std::move(S), In, Order, nullptr, nullptr);
  }
  flushIndexHits();
  Judging = false;
}

void FunctionAnalysis::propagate(const CFGBlock &Blk, State &&S,
                                 std::vector<State> &In,
                                 const BlockOrder &Order, State::Widening Widen,
                                 WorkList *Work) {
  const CFGBlock *B = &Blk;
  {
    const Stmt *Term = B->getTerminatorStmt();
    const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
    // In `A || B` the CFG gives B a block of its own whose terminator
    // condition is the whole expression: the block decides on B alone.
    while (const auto *BO =
               dyn_cast_or_null<BinaryOperator>(stripToValue(Cond))) {
      if (!BO->isLogicalOp() || BO == Term)
        break;
      Cond = BO->getRHS();
    }
    // Each successor gets the state, refined by the branch it takes; the
    // last one takes it by move.
    llvm::SmallVector<std::pair<unsigned, const CFGBlock *>, 2> Nexts;
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned I = Index++;
      if (const CFGBlock *Next = Succ.getReachableBlock())
        Nexts.push_back({I, Next});
    }
    auto Propagate = [&](unsigned I, const CFGBlock *Next, State Edge) {
      // `case 3:` of `switch (n)`: n is 3 on that edge.
      if (TrackRanges && Term && isa<SwitchStmt>(Term)) {
        if (const auto *Case = dyn_cast_or_null<CaseStmt>(Next->getLabel())) {
          const Expr *Subject = cast<SwitchStmt>(Term)->getCond();
          constrain(Subject, BO_GE, Case->getLHS(), false, Edge);
          constrain(Subject, BO_LE,
                    Case->getRHS() ? Case->getRHS() : Case->getLHS(), false,
                    Edge);
        }
      }
      if (Cond && B->succ_size() == 2 &&
          (E.options().CountAsserts || !inAssert(Term ? Term : Cond, SM))) {
        bool Truth = I == 0;
        if (Term && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Term)) {
          // Leaving an allow-list loop normally: every character passed.
          if (!Truth) {
            if (const Expr *Subject = validationLoopSubject(Term))
              validate(Subject, Edge);
            exitLoop(Term, Cond, Edge);
          }
          // A loop's condition bounds what it compares in the body and
          // after the loop.
          if (TrackRanges)
            refineRanges(Cond, Truth, Edge);
        } else {
          refine(Cond, Truth, Edge);
          // Leaving `for (...; a && b; ...)` where a fails.
          if (!Truth && Term && isa<BinaryOperator>(Term) &&
              cast<BinaryOperator>(Term)->getOpcode() == BO_LAnd)
            if (const Stmt *Loop = loopOfCondition(Term))
              exitLoop(Loop, Cond, Edge);
        }
      }
      // Entering a loop (not coming round again): what bounds it.
      if (Judging && TrackRanges && !B->getLoopTarget())
        if (const Stmt *Loop = Next->getTerminatorStmt();
            Loop && isa<ForStmt, WhileStmt, DoStmt>(Loop))
          checkLoopBound(Loop, Edge);
      // The judging pass propagates nothing: its inputs are the
      // fixpoint's.
      if (!Work)
        return;
      unsigned NextId = Next->getBlockID();
      bool Back = Order.Rank[NextId] <= Order.Rank[B->getBlockID()];
      if (In[NextId].join(std::move(Edge),
                          Back ? State::Widening(Widen) : nullptr))
        Work->insert({Order.Priority[NextId], NextId});
    };
    if (Nexts.empty())
      return;
    for (size_t K = 0; K + 1 < Nexts.size(); ++K)
      Propagate(Nexts[K].first, Nexts[K].second, S);
    Propagate(Nexts.back().first, Nexts.back().second, std::move(S));
  }
}

} // namespace sinkguard::engine
