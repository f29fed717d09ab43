//===--- SolverOrderTest.cpp - The order the solver runs blocks in --------===//
//
// orderBlocks (engine/FunctionAnalysis.h, internal to the engine): every
// block the entry reaches once, the entry first; a loop's blocks are
// cyclic and come before every block after the loop (so those run once,
// on their final input); the blocks in or after a loop are the ones whose
// sinks judge after the fixpoint; back edges are the edges to a block of
// no greater reverse post-order rank.
//
//===----------------------------------------------------------------------===//

#include "engine/FunctionAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

namespace sinkguard::engine::test {
namespace {

using namespace clang;

/// A snippet's function \p Name and its CFG, as the solver builds it.
struct FunctionCfg {
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<CFG> Cfg;
  BlockOrder Order;

  FunctionCfg(llvm::StringRef Code, llvm::StringRef Name) {
    AST = tooling::buildASTFromCodeWithArgs(Code, {"-xc", "-w"}, "input.c");
    ASTContext &Ctx = AST->getASTContext();
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (FD->getName() == Name && FD->hasBody()) {
          CFG::BuildOptions Opts;
          Cfg = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
        }
      }
    }
    if (Cfg)
      Order = orderBlocks(*Cfg);
  }

  /// The blocks holding a statement whose source starts with \p Text.
  const CFGBlock *blockWith(llvm::StringRef Text) const {
    const SourceManager &SM = AST->getSourceManager();
    for (const CFGBlock *B : *Cfg) {
      for (const CFGElement &El : *B) {
        if (std::optional<CFGStmt> S = El.getAs<CFGStmt>()) {
          const char *At = SM.getCharacterData(S->getStmt()->getBeginLoc());
          if (llvm::StringRef(At).starts_with(Text))
            return B;
        }
      }
    }
    return nullptr;
  }
  unsigned priority(const CFGBlock *B) const {
    return Order.Priority[B->getBlockID()];
  }
  bool cyclic(const CFGBlock *B) const { return Order.Cyclic[B->getBlockID()]; }
  bool late(const CFGBlock *B) const { return Order.Late[B->getBlockID()]; }
};

constexpr llvm::StringRef Loop = R"c(
void g(int);
void f(int n) {
  int before = n;
  int a = 0;
  while (n--) {
    a += before;
  }
  g(a);
}
)c";

TEST(SolverOrder, EveryReachableBlockOnceEntryFirst) {
  FunctionCfg F(Loop, "f");
  ASSERT_TRUE(F.Cfg);
  ASSERT_FALSE(F.Order.Blocks.empty());
  EXPECT_EQ(F.Order.Blocks.front(), &F.Cfg->getEntry());
  std::vector<bool> Seen(F.Cfg->getNumBlockIDs(), false);
  for (size_t I = 0; I < F.Order.Blocks.size(); ++I) {
    unsigned Id = F.Order.Blocks[I]->getBlockID();
    EXPECT_FALSE(Seen[Id]);
    Seen[Id] = true;
    EXPECT_EQ(F.Order.Priority[Id], I);
  }
  // Every block of this function is reachable.
  EXPECT_EQ(F.Order.Blocks.size(), F.Cfg->size());
}

TEST(SolverOrder, ALoopRunsBeforeWhatFollowsIt) {
  FunctionCfg F(Loop, "f");
  ASSERT_TRUE(F.Cfg);
  const CFGBlock *Before = F.blockWith("int before");
  const CFGBlock *Body = F.blockWith("a += before");
  const CFGBlock *After = F.blockWith("g(a)");
  ASSERT_TRUE(Before && Body && After);
  EXPECT_FALSE(F.cyclic(Before));
  EXPECT_TRUE(F.cyclic(Body));
  EXPECT_FALSE(F.cyclic(After));
  EXPECT_LT(F.priority(Before), F.priority(Body));
  EXPECT_LT(F.priority(Body), F.priority(After));
  // Sinks before the loop judge as the solver runs; in it and after it,
  // in the pass after the fixpoint.
  EXPECT_FALSE(F.late(Before));
  EXPECT_TRUE(F.late(Body));
  EXPECT_TRUE(F.late(After));
}

TEST(SolverOrder, BackEdgesGoToNoGreaterRank) {
  FunctionCfg F(Loop, "f");
  ASSERT_TRUE(F.Cfg);
  unsigned BackEdges = 0;
  for (const CFGBlock *B : F.Order.Blocks) {
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      if (const CFGBlock *Next = Succ.getReachableBlock()) {
        if (F.Order.Rank[Next->getBlockID()] <= F.Order.Rank[B->getBlockID()]) {
          ++BackEdges;
          // Only a loop has one, and it stays in the loop.
          EXPECT_TRUE(F.cyclic(B));
          EXPECT_TRUE(F.cyclic(Next));
        }
      }
    }
  }
  EXPECT_EQ(BackEdges, 1U);
}

TEST(SolverOrder, NestedLoopsAreOneComponentBeforeTheRest) {
  FunctionCfg F(R"c(
void g(int);
void f(int n) {
  int t = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < i; j++)
      t += j;
  g(t);
}
)c",
                "f");
  ASSERT_TRUE(F.Cfg);
  const CFGBlock *Inner = F.blockWith("t += j");
  const CFGBlock *After = F.blockWith("g(t)");
  ASSERT_TRUE(Inner && After);
  EXPECT_TRUE(F.cyclic(Inner));
  EXPECT_LT(F.priority(Inner), F.priority(After));
  for (const CFGBlock *B : F.Order.Blocks)
    if (F.cyclic(B))
      EXPECT_LT(F.priority(B), F.priority(After));
}

TEST(SolverOrder, AStraightFunctionHasNothingLate) {
  FunctionCfg F(R"c(
void g(int);
void f(int n) {
  if (n > 3)
    n = 3;
  else
    n = 0;
  g(n);
}
)c",
                "f");
  ASSERT_TRUE(F.Cfg);
  for (const CFGBlock *B : F.Order.Blocks) {
    EXPECT_FALSE(F.cyclic(B));
    EXPECT_FALSE(F.late(B));
  }
}

TEST(SolverOrder, AGotoLoopIsALoop) {
  FunctionCfg F(R"c(
void g(int);
void f(int n) {
again:
  n--;
  if (n > 0)
    goto again;
  g(n);
}
)c",
                "f");
  ASSERT_TRUE(F.Cfg);
  const CFGBlock *Body = F.blockWith("n--");
  const CFGBlock *After = F.blockWith("g(n)");
  ASSERT_TRUE(Body && After);
  EXPECT_TRUE(F.cyclic(Body));
  EXPECT_FALSE(F.cyclic(After));
  EXPECT_LT(F.priority(Body), F.priority(After));
}

} // namespace
} // namespace sinkguard::engine::test
