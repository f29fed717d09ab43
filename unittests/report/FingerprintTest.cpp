//===--- FingerprintTest.cpp - The stable fingerprint ---------------------===//
//
// sinkguard/v1 hashes the rule, the path below the source root, the
// function and the normalised code of the sink and the source; equal keys
// in report order are numbered. Baselines depend on these values: a change
// to what goes into the key must be deliberate (and change the version).
//
//===----------------------------------------------------------------------===//

#include "Fingerprint.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace sinkguard::report {
namespace {

// A root that does not exist: paths below it are compared as written.
constexpr llvm::StringLiteral Root = "/nonexistent-sinkguard-root/src";

Finding finding(llvm::StringRef File, unsigned Line) {
  Finding F;
  F.RuleId = "sinkguard-tainted-shell-command";
  F.Where.File = File.str();
  F.Where.Start.Line = Line;
  F.Where.Start.Column = 3;
  F.Function = "run";
  F.SinkText = "system(command)";
  F.SourceText = "getenv(\"CMD\")";
  return F;
}

std::vector<std::string> fingerprints(std::vector<Finding> Findings,
                                      llvm::StringRef RootDir = Root) {
  assignFingerprints(Findings, SourceRoot(RootDir));
  std::vector<std::string> Out;
  Out.reserve(Findings.size());
  for (const Finding &F : Findings)
    Out.push_back(F.Fingerprint);
  return Out;
}

TEST(NormalizeCode, DropsAllWhitespace) {
  EXPECT_EQ(normalizeCode(" system ( cmd\t)\n;\r\n"), "system(cmd);");
  EXPECT_EQ(normalizeCode(""), "");
  EXPECT_EQ(normalizeCode(" \t\n"), "");
}

TEST(NormalizeCode, KeepsAtMost256BytesOfCode) {
  std::string Long(300, 'x');
  EXPECT_EQ(normalizeCode(Long), std::string(256, 'x'));
  // Whitespace does not count.
  std::string Spaced;
  for (int I = 0; I < 300; ++I)
    Spaced += "y ";
  EXPECT_EQ(normalizeCode(Spaced), std::string(256, 'y'));
}

TEST(Fingerprint, IsStableAcrossVersions) {
  // The value baselines written by earlier versions hold: the first 16
  // bytes of the SHA-256 of "v1", the rule, the relative path, the
  // function, the sink's and the source's code, each followed by a NUL.
  std::vector<std::string> F =
      fingerprints({finding(std::string(Root) + "/lib/run.c", 12)});
  ASSERT_EQ(F.size(), 1U);
  EXPECT_EQ(F[0], "6c1452f20629d2a04304a1a81d1c356f:1");
}

TEST(Fingerprint, IgnoresLinesAndCheckoutPlace) {
  std::string File = std::string(Root) + "/lib/run.c";
  std::string Moved = "/elsewhere-sinkguard-checkout/src/lib/run.c";
  EXPECT_EQ(
      fingerprints({finding(File, 12)}),
      fingerprints({finding(Moved, 40)}, "/elsewhere-sinkguard-checkout/src"));
}

TEST(Fingerprint, NumbersEqualKeysInReportOrder) {
  std::string File = std::string(Root) + "/a.c";
  std::vector<std::string> F =
      fingerprints({finding(File, 1), finding(File, 5), finding(File, 9)});
  ASSERT_EQ(F.size(), 3U);
  std::string Key = F[0].substr(0, F[0].find(':'));
  EXPECT_EQ(F[0], Key + ":1");
  EXPECT_EQ(F[1], Key + ":2");
  EXPECT_EQ(F[2], Key + ":3");
}

TEST(Fingerprint, EachPartOfTheKeyCounts) {
  std::string File = std::string(Root) + "/a.c";
  Finding Base = finding(File, 1);
  std::vector<Finding> Variants(6, Base);
  Variants[1].RuleId = "sinkguard-unchecked-index";
  Variants[2].Where.File = std::string(Root) + "/b.c";
  Variants[3].Function = "other";
  Variants[4].SinkText = "popen(command)";
  Variants[5].SourceText = "getenv(\"HOME\")";
  std::vector<std::string> F = fingerprints(Variants);
  for (size_t I = 0; I < F.size(); ++I) {
    EXPECT_EQ(F[I].substr(F[I].find(':')), ":1") << I;
    for (size_t J = I + 1; J < F.size(); ++J)
      EXPECT_NE(F[I], F[J]) << I << " " << J;
  }
}

TEST(Fingerprint, PartsDoNotRunIntoEachOther) {
  // "ab" + "c" and "a" + "bc" are different keys.
  std::string File = std::string(Root) + "/a.c";
  Finding A = finding(File, 1);
  Finding B = A;
  A.SinkText = "ab";
  A.SourceText = "c";
  B.SinkText = "a";
  B.SourceText = "bc";
  std::vector<std::string> F = fingerprints({A, B});
  EXPECT_NE(F[0], F[1]);
}

} // namespace
} // namespace sinkguard::report
