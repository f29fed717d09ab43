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
#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace clang;

namespace sinkguard::engine {

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
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isInstance()) {
      const Origin *O = E.makeOrigin({Origin::Parameter, model::ThisObject,
                                      model::SourceKind::Other, "this", false,
                                      FD->getLocation()});
      Entry.Cells[{ThisBase, nullptr}] = {
          E.makeStep(nullptr, O, FD->getLocation(), "parameter")};
    }

  std::vector<State> In(Cfg->getNumBlockIDs());
  const CFGBlock &EntryBlock = Cfg->getEntry();
  In[EntryBlock.getBlockID()] = Entry;
  // Blocks run in reverse post-order: a block whose predecessors all come
  // before it (a join after a switch of hundreds of cases) runs once per
  // round, not once per predecessor.
  std::vector<unsigned> Rank(Cfg->getNumBlockIDs(), 0);
  {
    std::vector<const CFGBlock *> Post;
    llvm::DenseSet<unsigned> Seen;
    llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 32> Stack;
    Stack.push_back({&EntryBlock, 0});
    Seen.insert(EntryBlock.getBlockID());
    while (!Stack.empty()) {
      const CFGBlock *Blk = Stack.back().first;
      unsigned I = Stack.back().second++;
      if (I >= Blk->succ_size()) {
        Post.push_back(Blk);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *Next = (Blk->succ_begin() + I)->getReachableBlock();
      if (Next && Seen.insert(Next->getBlockID()).second)
        Stack.push_back({Next, 0});
    }
    for (size_t I = 0; I < Post.size(); ++I)
      Rank[Post[I]->getBlockID()] = static_cast<unsigned>(Post.size() - 1 - I);
  }
  std::vector<const CFGBlock *> BlockById(Cfg->getNumBlockIDs(), nullptr);
  for (const CFGBlock *Blk : *Cfg)
    BlockById[Blk->getBlockID()] = Blk;
  std::set<std::pair<unsigned, unsigned>> Work;
  Work.insert({Rank[EntryBlock.getBlockID()], EntryBlock.getBlockID()});
  unsigned Budget = 20 * Cfg->getNumBlockIDs() + 100;
  // Ranges along a loop's back edge: `i++` in `for (i = 0; i < n; i++)`
  // makes i's range at the loop's head grow by one each round, and the
  // fixpoint would run out of its budget (or run as many rounds as a
  // constant bound says). A bound that moves along a back edge is dropped
  // (widening); the loop's condition bounds the value again on the way
  // into the body, and the type's range still bounds a narrow value where
  // it is used.
  auto Widen = [](const IntRange &Old, IntRange &New) {
    if (Old.Lo && New.Lo && *New.Lo < *Old.Lo)
      New.Lo.reset();
    if (Old.Hi && New.Hi && *New.Hi > *Old.Hi) {
      New.Hi.reset();
      New.HiFromType = false;
    }
  };
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
    transfer(*B, S);
    if (B == &Cfg->getExit()) {
      ExitState = std::move(S);
      continue;
    }
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
      if (TrackRanges && Term && isa<SwitchStmt>(Term))
        if (const auto *Case = dyn_cast_or_null<CaseStmt>(Next->getLabel())) {
          const Expr *Subject = cast<SwitchStmt>(Term)->getCond();
          constrain(Subject, BO_GE, Case->getLHS(), false, Edge);
          constrain(Subject, BO_LE,
                    Case->getRHS() ? Case->getRHS() : Case->getLHS(), false,
                    Edge);
        }
      if (Cond && B->succ_size() == 2 &&
          (E.options().CountAsserts || !inAssert(Term ? Term : Cond, SM))) {
        bool Truth = I == 0;
        if (Term && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Term)) {
          // Leaving an allow-list loop normally: every character passed.
          if (!Truth)
            if (const Expr *Subject = validationLoopSubject(Term))
              validate(Subject, Edge);
          // A loop's condition bounds what it compares in the body and
          // after the loop.
          if (TrackRanges)
            refineRanges(Cond, Truth, Edge);
        } else {
          refine(Cond, Truth, Edge);
        }
      }
      // Entering a loop (not coming round again): what bounds it.
      if (TrackRanges && !B->getLoopTarget())
        if (const Stmt *Loop = Next->getTerminatorStmt();
            Loop && isa<ForStmt, WhileStmt, DoStmt>(Loop))
          checkLoopBound(Loop, Edge);
      unsigned NextId = Next->getBlockID();
      bool Back = Rank[NextId] <= Rank[B->getBlockID()];
      if (In[NextId].join(std::move(Edge),
                          Back ? State::Widening(Widen) : nullptr))
        Work.insert({Rank[NextId], NextId});
    };
    if (Nexts.empty())
      continue;
    for (size_t K = 0; K + 1 < Nexts.size(); ++K)
      Propagate(Nexts[K].first, Nexts[K].second, S);
    Propagate(Nexts.back().first, Nexts.back().second, std::move(S));
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
  flushIndexHits();
  extractSummary(ExitState);
}

} // namespace sinkguard::engine
