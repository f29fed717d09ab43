//===--- StateTest.cpp - The lattice itself: State::join ------------------===//
//
// State::join on states built by hand (engine/State.h, internal to the
// engine): taint is a union that keeps one path per origin, a pointer set
// to different objects (or to an object and a field of it) on the two
// sides designates each, a function pointer holds each function up to
// MaxCallTargets, ranges keep their hull and widen along back edges, and a
// join that adds nothing says so (the solver stops on it).
//
//===----------------------------------------------------------------------===//

#include "engine/State.h"
#include "gtest/gtest.h"
#include <memory>
#include <vector>

namespace sinkguard::engine::test {
namespace {

/// Distinct addresses to stand for variables and functions: the state only
/// compares them.
struct Objects {
  int Vars[8] = {};
  const void *var(int I) const { return &Vars[I]; }
};

/// Origins and one-step paths made by hand.
struct Paths {
  std::vector<std::unique_ptr<Origin>> Origins;
  std::vector<std::unique_ptr<Step>> Steps;
  const Step *from(Origin::Kind K) {
    Origins.push_back(std::make_unique<Origin>());
    Origins.back()->K = K;
    Steps.push_back(std::make_unique<Step>());
    Steps.back()->Root = Origins.back().get();
    return Steps.back().get();
  }
};

State reachable() {
  State S;
  S.Reachable = true;
  return S;
}

TEST(StateJoin, UnreachableSideAddsNothing) {
  Objects O;
  Paths P;
  State A = reachable();
  A.Cells[{O.var(0), nullptr}] = {P.from(Origin::Source)};
  State B; // unreachable
  EXPECT_FALSE(A.join(std::move(B)));
  EXPECT_EQ(A.Cells.size(), 1U);
}

TEST(StateJoin, IntoUnreachableTakesTheOtherSide) {
  Objects O;
  Paths P;
  State A;
  State B = reachable();
  B.Cells[{O.var(0), nullptr}] = {P.from(Origin::Source)};
  EXPECT_TRUE(A.join(std::move(B)));
  EXPECT_TRUE(A.Reachable);
  EXPECT_EQ(A.Cells.size(), 1U);
}

TEST(StateJoin, TaintIsAUnionWithOnePathPerOrigin) {
  Objects O;
  Paths P;
  const Step *Env = P.from(Origin::Source);
  const Step *Arg = P.from(Origin::Parameter);
  State A = reachable();
  A.Cells[{O.var(0), nullptr}] = {Env};
  State B = reachable();
  B.Cells[{O.var(0), nullptr}] = {Arg, Env};
  B.Cells[{O.var(1), nullptr}] = {Env};
  EXPECT_TRUE(A.join(std::move(B)));
  const TaintSet &T = A.Cells.find({O.var(0), nullptr})->second;
  ASSERT_EQ(T.size(), 2U);
  EXPECT_EQ(T[0], Env); // what was there first stays first
  EXPECT_EQ(T[1], Arg);
  EXPECT_EQ(A.Cells.size(), 2U);
}

TEST(StateJoin, NothingNewIsNoChange) {
  Objects O;
  Paths P;
  const Step *Env = P.from(Origin::Source);
  State A = reachable();
  A.Cells[{O.var(0), nullptr}] = {Env};
  A.Callee[O.var(2)] = {nullptr};
  State B = A;
  EXPECT_FALSE(A.join(std::move(B)));
}

TEST(StateJoin, AtMostMaxOriginsPerValue) {
  Objects O;
  Paths P;
  State A = reachable();
  State B = reachable();
  for (size_t I = 0; I < MaxOriginsPerValue + 2; ++I)
    (I % 2 ? A : B)
        .Cells[{O.var(0), nullptr}]
        .push_back(P.from(Origin::Parameter));
  A.join(std::move(B));
  EXPECT_EQ(A.Cells.find({O.var(0), nullptr})->second.size(),
            MaxOriginsPerValue);
}

TEST(StateJoin, PointerToDifferentObjectsDesignatesEach) {
  Objects O;
  State A = reachable();
  A.Alias[O.var(0)] = {O.var(1), nullptr};
  State B = reachable();
  B.Alias[O.var(0)] = {O.var(2), nullptr};
  EXPECT_TRUE(A.join(std::move(B)));
  EXPECT_EQ(A.Alias[O.var(0)].Base, MixedBase);
  ASSERT_EQ(A.Mixed[O.var(0)].size(), 2U);
  EXPECT_EQ(A.Mixed[O.var(0)][0].Base, O.var(1));
  EXPECT_EQ(A.Mixed[O.var(0)][1].Base, O.var(2));
}

TEST(StateJoin, PointerToAnObjectAndItsFieldDesignatesBoth) {
  // `p = list` before a loop, `p = p->next` in it: the first node and the
  // ones after it (it used to designate only the field).
  Objects O;
  FieldPath Next{nullptr, nullptr, {1}};
  State A = reachable();
  A.Alias[O.var(0)] = {O.var(1), nullptr};
  State B = reachable();
  B.Alias[O.var(0)] = {O.var(1), &Next};
  EXPECT_TRUE(A.join(std::move(B)));
  EXPECT_EQ(A.Alias[O.var(0)].Base, MixedBase);
  ASSERT_EQ(A.Mixed[O.var(0)].size(), 2U);
  EXPECT_EQ(A.Mixed[O.var(0)][0].Path, nullptr);
  EXPECT_EQ(A.Mixed[O.var(0)][1].Path, &Next);
}

TEST(StateJoin, FunctionPointerHoldsEachFunctionUpToTheBound) {
  Objects O;
  // Stand-ins for FunctionDecls: join compares the pointers only.
  auto F = [&](int I) {
    return reinterpret_cast<const FunctionDecl *>(O.var(3 + I));
  };
  State A = reachable();
  A.Callee[O.var(0)] = {F(0)};
  State B = reachable();
  B.Callee[O.var(0)] = {F(1)};
  EXPECT_TRUE(A.join(std::move(B)));
  EXPECT_EQ(A.Callee[O.var(0)].size(), 2U);
  for (int I = 2; I < static_cast<int>(MaxCallTargets) + 1; ++I) {
    State C = reachable();
    C.Callee[O.var(0)] = {F(I)};
    A.join(std::move(C));
  }
  // Past MaxCallTargets functions: none known.
  EXPECT_TRUE(A.Callee[O.var(0)].empty());
}

TEST(StateJoin, RangesKeepTheirHullAndWidenAlongBackEdges) {
  Objects O;
  Location N{O.var(0), nullptr};
  IntRange Small;
  Small.Lo = 0;
  Small.Hi = 3;
  IntRange Grown;
  Grown.Lo = 0;
  Grown.Hi = 4;
  State A = reachable();
  A.Ranges[N] = Small;
  State B = reachable();
  B.Ranges[N] = Grown;
  State Widened = A;
  EXPECT_TRUE(A.join(std::move(B)));
  EXPECT_EQ(A.Ranges[N].Hi, std::optional<std::int64_t>(4));
  // The same join along a back edge drops the bound that moved.
  State Again = reachable();
  Again.Ranges[N] = Grown;
  EXPECT_TRUE(
      Widened.join(std::move(Again), [](const IntRange &Old, IntRange &New) {
        if (Old.Hi && New.Hi && *New.Hi > *Old.Hi)
          New.Hi.reset();
      }));
  EXPECT_FALSE(Widened.Ranges[N].Hi.has_value());
  EXPECT_EQ(Widened.Ranges[N].Lo, std::optional<std::int64_t>(0));
}

TEST(StateJoin, ARangeKnownOnOneSideOnlyIsDropped) {
  Objects O;
  Location N{O.var(0), nullptr};
  IntRange R;
  R.Lo = 0;
  R.Hi = 9;
  State A = reachable();
  A.Ranges[N] = R;
  State B = reachable();
  EXPECT_TRUE(A.join(std::move(B)));
  EXPECT_TRUE(A.Ranges.empty());
}

} // namespace
} // namespace sinkguard::engine::test
