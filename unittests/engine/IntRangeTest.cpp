//===--- IntRangeTest.cpp - IntRange's hull and meet ----------------------===//
//
// The integer ranges of the range checks: hull is the join of two paths
// (what holds on either), meet a refinement (what holds when both do).
// Bounds are inclusive; a missing end is unknown.
//
//===----------------------------------------------------------------------===//

#include "engine/Taint.h"
#include "gtest/gtest.h"
#include <cstdint>
#include <limits>
#include <optional>

namespace sinkguard::engine {
namespace {

constexpr std::int64_t Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t Max = std::numeric_limits<std::int64_t>::max();

IntRange range(std::optional<std::int64_t> Lo, std::optional<std::int64_t> Hi) {
  IntRange R;
  R.Lo = Lo;
  R.Hi = Hi;
  return R;
}

/// The range of a narrow type (unsigned char): its upper end says nothing
/// of a check.
IntRange byteRange() {
  IntRange R = range(0, 255);
  R.HiFromType = true;
  return R;
}

/// Below some value whose size is unknown (`n < len`, `i < v.size()`).
IntRange symbolic(const void *SizeOf = nullptr, bool FromParameter = false) {
  IntRange R;
  R.Lo = 0;
  R.Symbolic = true;
  R.SizeOf = SizeOf;
  R.FromParameter = FromParameter;
  return R;
}

TEST(IntRange, NothingKnownHasNoUpperBound) {
  IntRange Full;
  EXPECT_FALSE(Full.Lo);
  EXPECT_FALSE(Full.Hi);
  EXPECT_FALSE(Full.hasUpper());
  EXPECT_TRUE(range(std::nullopt, 3).hasUpper());
  EXPECT_TRUE(symbolic().hasUpper());
}

TEST(IntRange, EqualityComparesEveryField) {
  EXPECT_EQ(range(0, 9), range(0, 9));
  EXPECT_FALSE(range(0, 9) == range(0, 8));
  EXPECT_FALSE(range(0, 9) == range(std::nullopt, 9));
  IntRange FromType = range(0, 255);
  FromType.HiFromType = true;
  EXPECT_FALSE(FromType == range(0, 255));
  int Object = 0;
  EXPECT_FALSE(symbolic(&Object) == symbolic());
  EXPECT_FALSE(symbolic(nullptr, true) == symbolic());
}

TEST(IntRangeHull, SpansBothRanges) {
  EXPECT_EQ(IntRange::hull(range(0, 10), range(5, 20)), range(0, 20));
  EXPECT_EQ(IntRange::hull(range(-3, -1), range(4, 4)), range(-3, 4));
}

TEST(IntRangeHull, AnEndUnknownOnOnePathIsUnknown) {
  EXPECT_EQ(IntRange::hull(range(0, 10), range(std::nullopt, 5)),
            range(std::nullopt, 10));
  EXPECT_EQ(IntRange::hull(range(0, 10), range(2, std::nullopt)),
            range(0, std::nullopt));
  EXPECT_EQ(IntRange::hull(range(0, 10), IntRange()), IntRange());
}

TEST(IntRangeHull, IsCommutativeAndIdempotent) {
  int Object = 0;
  const IntRange Samples[] = {
      range(0, 10),           range(-5, 3), range(std::nullopt, 7),
      range(1, std::nullopt), byteRange(),  symbolic(),
      symbolic(&Object),      IntRange()};
  for (const IntRange &A : Samples) {
    EXPECT_EQ(IntRange::hull(A, A), A);
    for (const IntRange &B : Samples)
      EXPECT_EQ(IntRange::hull(A, B), IntRange::hull(B, A));
  }
}

TEST(IntRangeHull, KeepsWhetherTheUpperEndComesFromTheType) {
  // A byte on one path, a checked value on the other: the upper end is the
  // byte's, which checks nothing.
  IntRange H = IntRange::hull(range(0, 10), byteRange());
  EXPECT_EQ(H.Hi, 255);
  EXPECT_TRUE(H.HiFromType);
  // The checked path has the larger end: a check.
  H = IntRange::hull(range(0, 1000), byteRange());
  EXPECT_EQ(H.Hi, 1000);
  EXPECT_FALSE(H.HiFromType);
  EXPECT_TRUE(IntRange::hull(byteRange(), byteRange()).HiFromType);
}

TEST(IntRangeHull, ConstantAndSymbolicBoundsGiveASymbolicBound) {
  int Vector = 0;
  IntRange H = IntRange::hull(range(0, 10), symbolic(&Vector));
  EXPECT_FALSE(H.Hi);
  EXPECT_TRUE(H.Symbolic);
  EXPECT_TRUE(H.hasUpper());
  // A path checked against a constant says nothing of the container: the
  // other path's container stays.
  EXPECT_EQ(H.SizeOf, &Vector);
  EXPECT_EQ(H.Lo, 0);
}

TEST(IntRangeHull, SymbolicBoundsOfTwoContainersNameNeither) {
  int A = 0;
  int B = 0;
  EXPECT_EQ(IntRange::hull(symbolic(&A), symbolic(&A)).SizeOf, &A);
  IntRange H = IntRange::hull(symbolic(&A), symbolic(&B));
  EXPECT_TRUE(H.Symbolic);
  EXPECT_EQ(H.SizeOf, nullptr);
}

TEST(IntRangeHull, ABoundFromAParameterOnEitherPathIsFromAParameter) {
  EXPECT_TRUE(
      IntRange::hull(symbolic(nullptr, true), symbolic()).FromParameter);
  EXPECT_FALSE(IntRange::hull(symbolic(), symbolic()).FromParameter);
}

TEST(IntRangeHull, NoUpperBoundOnOnePathIsNoUpperBound) {
  IntRange H = IntRange::hull(symbolic(), range(0, std::nullopt));
  EXPECT_FALSE(H.hasUpper());
  EXPECT_FALSE(H.Symbolic);
  EXPECT_FALSE(IntRange::hull(range(0, 5), range(0, std::nullopt)).hasUpper());
}

TEST(IntRangeHull, ReachesTheLimitsOfInt64) {
  EXPECT_EQ(IntRange::hull(range(Min, 0), range(0, Max)), range(Min, Max));
  EXPECT_EQ(IntRange::hull(range(Max, Max), range(Min, Min)), range(Min, Max));
}

TEST(IntRangeMeet, KeepsWhatBothSay) {
  EXPECT_EQ(IntRange::meet(range(0, 10), range(5, 20)), range(5, 10));
  EXPECT_EQ(IntRange::meet(range(std::nullopt, 10), range(0, std::nullopt)),
            range(0, 10));
}

TEST(IntRangeMeet, NothingKnownIsTheIdentity) {
  for (const IntRange &R :
       {range(0, 10), range(-7, std::nullopt), range(std::nullopt, 3)})
    EXPECT_EQ(IntRange::meet(R, IntRange()), R);
  EXPECT_EQ(IntRange::meet(IntRange(), IntRange()), IntRange());
}

TEST(IntRangeMeet, AnEmptyMeetKeepsBothEnds) {
  // Ranges that do not overlap (a path no value takes) are not normalised:
  // the lower end passes the upper.
  IntRange M = IntRange::meet(range(10, 20), range(0, 5));
  EXPECT_EQ(M.Lo, 10);
  EXPECT_EQ(M.Hi, 5);
}

TEST(IntRangeMeet, ACheckBelowTheTypesEndIsACheck) {
  IntRange M = IntRange::meet(byteRange(), range(0, 99));
  EXPECT_EQ(M, range(0, 99));
  EXPECT_FALSE(M.HiFromType);
  // A check above the type's end leaves the type's.
  M = IntRange::meet(byteRange(), range(0, 1000));
  EXPECT_EQ(M.Hi, 255);
  EXPECT_TRUE(M.HiFromType);
}

TEST(IntRangeMeet, ACheckAgainstAVariableBeatsTheTypesRange) {
  int Vector = 0;
  IntRange M = IntRange::meet(byteRange(), symbolic(&Vector));
  EXPECT_FALSE(M.Hi);
  EXPECT_FALSE(M.HiFromType);
  EXPECT_TRUE(M.Symbolic);
  EXPECT_EQ(M.SizeOf, &Vector);
  // But not a constant check's end.
  M = IntRange::meet(range(0, 10), symbolic(&Vector));
  EXPECT_EQ(M, range(0, 10));
}

TEST(IntRangeMeet, SymbolicBoundsAreFromAParameterOnlyIfBothAre) {
  int A = 0;
  IntRange M = IntRange::meet(symbolic(nullptr, true), symbolic(&A, true));
  EXPECT_TRUE(M.Symbolic);
  EXPECT_TRUE(M.FromParameter);
  EXPECT_EQ(M.SizeOf, &A);
  EXPECT_FALSE(
      IntRange::meet(symbolic(nullptr, true), symbolic()).FromParameter);
  // A range with no symbolic bound does not weaken the other's.
  EXPECT_TRUE(IntRange::meet(symbolic(nullptr, true), range(0, std::nullopt))
                  .FromParameter);
}

TEST(IntRangeMeet, ReachesTheLimitsOfInt64) {
  EXPECT_EQ(IntRange::meet(range(Min, Max), range(Min, Max)), range(Min, Max));
  EXPECT_EQ(IntRange::meet(range(Min, std::nullopt), IntRange()).Lo, Min);
  EXPECT_EQ(IntRange::meet(range(Max, std::nullopt), range(Min, Max)),
            range(Max, Max));
  EXPECT_EQ(IntRange::meet(range(std::nullopt, Min), range(std::nullopt, Max)),
            range(std::nullopt, Min));
}

} // namespace
} // namespace sinkguard::engine
