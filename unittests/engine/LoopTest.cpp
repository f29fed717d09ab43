//===--- LoopTest.cpp - The solver's fixpoint over loops ------------------===//
//
// The solver iterates each function's CFG to a fixpoint: taint carried
// around a back edge reaches what comes before it in the loop, a chain of
// copies that needs several rounds gets them, ranges that grow round after
// round are widened so that the analysis ends whatever the loop's bound,
// and sinks are judged on the converged state, not on the first round's.
//
//===----------------------------------------------------------------------===//

#include "EngineTestSupport.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace sinkguard::engine::test {
namespace {

TEST(Loop, TaintCarriedRoundABackEdgeReachesAnEarlierSink) {
  AnalysedCode Code(R"c(
void run(int rounds) {
  char *command = "ls";
  for (int i = 0; i < rounds; i++) {
    system(command);
    command = getenv("CMD");
  }
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.sinkLines(), std::vector<unsigned>{5});
  EXPECT_EQ(Code.line(Code.hits()[0].Path->Root->Loc), 6U);
}

TEST(Loop, AChainOfCopiesGetsAsManyRoundsAsItNeeds) {
  // d holds the source only after the loop's third round.
  AnalysedCode Code(R"c(
void run(int rounds) {
  char *a = getenv("CMD"), *b = "ls", *c = "ls", *d = "ls";
  while (rounds--) {
    d = c;
    c = b;
    b = a;
  }
  system(d);
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.sinkLines(), std::vector<unsigned>{9});
  EXPECT_EQ(Code.hits()[0].Path->Root->What, "getenv");
}

TEST(Loop, AnIrreducibleLoopOfGotosEnds) {
  AnalysedCode Code(R"c(
void run(int c) {
  char *x = "ls", *y = "pwd";
  if (c)
    goto second;
first:
  x = y;
  if (c > 1)
    goto done;
second:
  y = getenv("CMD");
  if (c > 2)
    goto first;
done:
  system(x);
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.sinkLines(), std::vector<unsigned>{15});
  EXPECT_EQ(Code.line(Code.hits()[0].Path->Root->Loc), 11U);
}

TEST(Loop, ACounterIncrementedForeverIsWidenedAndTheAnalysisEnds) {
  // Followed round by round, n would take 2^31 values; widened, it has no
  // upper bound after the loop.
  EXPECT_EQ(indexVerdicts(table(64) + R"c(
void store(int stop) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  while (1) {
    n++;
    if (n == stop)
      break;
  }
  table[n] = 1;
}
)c"),
            "no-upper-bound [1, +inf] of 64");
}

TEST(Loop, ARangeCheckedBeforeALongLoopHoldsInIt) {
  // [0, 63] all through the loop: within a table of 64, past one of 32.
  const char *Store = R"c(
void store(void) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  for (int i = 0; i < 100000; i++)
    table[n] += i;
}
)c";
  EXPECT_EQ(indexVerdicts(table(64) + Store), "");
  EXPECT_EQ(indexVerdicts(table(32) + Store), "exceeds-extent [0, 63] of 32");
}

TEST(Loop, TheLoopConditionBoundsAWidenedCounterAgain) {
  // n grows round after round and is widened; `n < 64` bounds it again
  // inside the loop: [0, 63] there.
  const char *Store = R"c(
void store(void) {
  int n = atoi(getenv("N"));
  if (n < 0)
    return;
  while (n < 64) {
    table[n] = 1;
    n++;
  }
}
)c";
  EXPECT_EQ(indexVerdicts(table(64) + Store), "");
  EXPECT_EQ(indexVerdicts(table(32) + Store), "exceeds-extent [0, 63] of 32");
}

TEST(Loop, ASinkInTheLoopIsJudgedOnTheConvergedState) {
  // n is within the table on the first round only: the last round's
  // verdict is the one reported.
  AnalysedCode Code(table(64) + R"c(
void store(int more) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  while (more--) {
    table[n] = 1;
    n += 2;
  }
}
)c",
                    "store", rangeOptions());
  ASSERT_TRUE(Code.analysed());
  EXPECT_EQ(Code.indexVerdicts(), "no-upper-bound [0, +inf] of 64");
  // atoi's conversion on line 3, the index on line 7.
  EXPECT_EQ(Code.sinkLines(), (std::vector<unsigned>{3, 7}));
}

TEST(Solver, RecursionThroughSummariesEnds) {
  AnalysedCode Code(R"c(
char *pass(char *text, int depth);
char *other(char *text, int depth) { return pass(text, depth - 1); }
char *pass(char *text, int depth) {
  if (depth <= 0)
    return text;
  return other(text, depth);
}
void run(void) { system(pass(getenv("CMD"), 3)); }
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.sinkLines(), std::vector<unsigned>{9});
  EXPECT_EQ(Code.hits()[0].Path->Root->What, "getenv");
}

TEST(Solver, TheSameCodeGivesTheSameHits) {
  const std::string Source = table(64) + R"c(
void store(int c, int more) {
  char *command = "ls";
  int n = atoi(getenv("N"));
  while (more--) {
    if (c)
      command = getenv("CMD");
    table[n] = 1;
    n++;
  }
  system(command);
}
)c";
  AnalysedCode First(Source, "store", rangeOptions());
  AnalysedCode Second(Source, "store", rangeOptions());
  ASSERT_TRUE(First.analysed());
  ASSERT_TRUE(Second.analysed());
  // atoi's conversion, the index, the command (in any order).
  std::vector<unsigned> Lines = First.sinkLines();
  llvm::sort(Lines);
  EXPECT_EQ(Lines, (std::vector<unsigned>{4, 8, 11}));
  // In the same order.
  EXPECT_EQ(First.sinkLines(), Second.sinkLines());
  EXPECT_EQ(First.indexVerdicts(), Second.indexVerdicts());
  for (size_t I = 0; I < First.hits().size(); ++I)
    EXPECT_EQ(First.pathMessages(First.hits()[I]),
              Second.pathMessages(Second.hits()[I]));
}

} // namespace
} // namespace sinkguard::engine::test
