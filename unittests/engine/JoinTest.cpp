//===--- JoinTest.cpp - What holds where paths meet -----------------------===//
//
// The state after a branch is the join of its arms: taint is the union
// (data that may be untrusted on one path may be untrusted), a range holds
// only if it held on every arm (its hull), a check cleans only what it
// covers on every path, and a pointer set to different objects on the arms
// designates either.
//
//===----------------------------------------------------------------------===//

#include "EngineTestSupport.h"
#include "clang/AST/Decl.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace sinkguard::engine::test {
namespace {

TEST(Join, TaintOnOneArmReachesTheSink) {
  AnalysedCode Code(R"c(
void run(int c) {
  char *command = "ls";
  if (c)
    command = getenv("CMD");
  system(command);
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.hits().size(), 1U);
  const SinkHit &Hit = Code.hits()[0];
  EXPECT_EQ(Hit.K, SinkHit::ShellCommand);
  EXPECT_EQ(Hit.Sink->getName(), "system");
  EXPECT_EQ(Hit.Path->Root->K, Origin::Source);
  EXPECT_EQ(Hit.Path->Root->What, "getenv");
  EXPECT_EQ(Code.line(Hit.Path->Root->Loc), 5U);
  EXPECT_EQ(Code.sinkLine(Hit), 6U);
  EXPECT_EQ(Code.argumentName(Hit), "command");
}

TEST(Join, CleanOnEveryArmIsClean) {
  AnalysedCode Code(R"c(
void run(int c) {
  char *command = getenv("CMD");
  if (c)
    command = "ls";
  else
    command = "pwd";
  system(command);
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  EXPECT_TRUE(Code.hits().empty());
}

TEST(Join, AnOverwriteOnOneArmOnlyKeepsTheTaint) {
  AnalysedCode Code(R"c(
void run(int c) {
  char *command = getenv("CMD");
  if (c)
    command = "ls";
  system(command);
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.hits().size(), 1U);
  EXPECT_EQ(Code.line(Code.hits()[0].Path->Root->Loc), 3U);
}

TEST(Join, APointerToEitherBufferSeesTheTaintedOne) {
  AnalysedCode Code(R"c(
void run(int c) {
  char safe[64] = "ls", tainted[64];
  char *cur;
  fgets(tainted, sizeof tainted, stdin);
  if (c)
    cur = tainted;
  else
    cur = safe;
  system(cur);
}
)c",
                    "run");
  ASSERT_TRUE(Code.analysed());
  ASSERT_EQ(Code.hits().size(), 1U);
  EXPECT_EQ(Code.hits()[0].Path->Root->What, "fgets");
}

TEST(Join, RangesCheckedOnEveryArmHoldAfterTheJoin) {
  // [0, 63] on one arm and [0, 31] on the other: [0, 63] after, which a
  // table of 48 shows.
  const char *Store = R"c(
void store(int c) {
  int n = atoi(getenv("N"));
  if (c) {
    if (n < 0 || n >= 64)
      return;
  } else {
    if (n < 0 || n >= 32)
      return;
  }
  table[n] = 1;
}
)c";
  EXPECT_EQ(indexVerdicts(table(64) + Store), "");
  EXPECT_EQ(indexVerdicts(table(48) + Store), "exceeds-extent [0, 63] of 48");
}

TEST(Join, ARangeCheckedOnOneArmOnlyHasNoUpperBound) {
  // The same check on every path cleans the index.
  const char *Checked = R"c(
void store(int c) {
  int n = atoi(getenv("N"));
  if (n < 0 || n >= 64)
    return;
  table[n] = 1;
}
)c";
  EXPECT_EQ(indexVerdicts(table(64) + Checked), "");
  EXPECT_EQ(indexVerdicts(table(64) + R"c(
void store(int c) {
  int n = atoi(getenv("N"));
  if (c) {
    if (n < 0 || n >= 64)
      return;
  }
  table[n] = 1;
}
)c"),
            "no-upper-bound [-inf, +inf] of 64");
}

} // namespace
} // namespace sinkguard::engine::test
