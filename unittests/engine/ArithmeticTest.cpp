//===--- ArithmeticTest.cpp - Ranges through arithmetic -------------------===//
//
// What the engine knows of `n + k`, `n * k`, `n % k`, `n & k` and `n >> k`
// from what it knows of n: an index computed from a checked value is still
// checked, unless the arithmetic can leave the range (or int64_t).
//
//===----------------------------------------------------------------------===//

#include "EngineTestSupport.h"
#include "gtest/gtest.h"
#include <string>

namespace sinkguard::engine::test {
namespace {

/// The verdicts on `table[<Index>]`, a table of \p Extent ints, after n of
/// type \p Type is read from the environment and \p Check ran.
std::string indexAfter(const std::string &Type, const std::string &Check,
                       const std::string &Index, unsigned Extent = 64) {
  return indexVerdicts(table(Extent) + "\nvoid store(void) {\n  " + Type +
                       " n = atoi(getenv(\"N\"));\n  " + Check + "\n  table[" +
                       Index + "] = 1;\n}\n");
}

constexpr const char *CheckedTo63 = "if (n < 0 || n > 63) return;";
constexpr const char *CheckedToInt64Max =
    "if (n < 0 || n > 9223372036854775807LL) return;";

TEST(Arithmetic, ASumIsTheSumOfTheRanges) {
  EXPECT_EQ(indexAfter("int", "if (n < 0 || n > 62) return;", "n + 1"), "");
  EXPECT_EQ(indexAfter("int", CheckedTo63, "n + 1"),
            "exceeds-extent [1, 64] of 64");
}

TEST(Arithmetic, ADifferenceMayGoBelowZero) {
  EXPECT_EQ(indexAfter("int", CheckedTo63, "n - 1"),
            "no-lower-bound [-1, 62] of 64");
}

TEST(Arithmetic, AProductOfBoundedFactorsIsBounded) {
  EXPECT_EQ(indexAfter("int", "if (n < 0 || n > 31) return;", "n * 2"), "");
  EXPECT_EQ(indexAfter("int", "if (n < 0 || n > 32) return;", "n * 2"),
            "exceeds-extent [0, 64] of 64");
}

TEST(Arithmetic, PastInt64ThereIsNoUpperBound) {
  EXPECT_EQ(indexAfter("long long", CheckedToInt64Max, "n + 1"),
            "no-upper-bound [1, +inf] of 64");
  EXPECT_EQ(indexAfter("long long", CheckedToInt64Max, "n * 2"),
            "no-upper-bound [-inf, +inf] of 64");
}

TEST(Arithmetic, ARemainderOrAMaskBoundsAnyValue) {
  EXPECT_EQ(indexAfter("unsigned", "", "n % 64"), "");
  EXPECT_EQ(indexAfter("unsigned", "", "n & 63"), "");
  EXPECT_EQ(indexAfter("unsigned", "", "n % 65"),
            "exceeds-extent [0, 64] of 64");
  EXPECT_EQ(indexAfter("unsigned", "", "n & 64"),
            "exceeds-extent [0, 64] of 64");
}

TEST(Arithmetic, ASignedRemainderMayBeNegative) {
  EXPECT_EQ(indexAfter("int", "", "n % 64"), "no-lower-bound [-63, 63] of 64");
}

TEST(Arithmetic, AShiftOfABoundedValueIsBounded) {
  EXPECT_EQ(indexAfter("int", "if (n < 0 || n > 255) return;", "n >> 2"), "");
  EXPECT_EQ(indexAfter("int", "if (n < 0 || n > 259) return;", "n >> 2"),
            "exceeds-extent [0, 64] of 64");
}

TEST(Arithmetic, TheTypesRangeIsNoCheck) {
  // An unsigned char is below 256 by its type alone: within a table of
  // 256, but no check for a smaller one.
  EXPECT_EQ(indexAfter("unsigned char", "", "n"),
            "no-upper-bound [0, 255 from type] of 64");
  EXPECT_EQ(indexAfter("unsigned char", "", "n", 256), "");
}

} // namespace
} // namespace sinkguard::engine::test
