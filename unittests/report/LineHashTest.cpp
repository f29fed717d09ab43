//===--- LineHashTest.cpp - GitHub's primaryLocationLineHash --------------===//
//
// The expected values are the test vectors of GitHub's upload action
// (github/codeql-action, src/fingerprints.test.ts), as test/sarif does.
//
//===----------------------------------------------------------------------===//

#include "LineHash.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace sinkguard::report {
namespace {

TEST(LineHash, AnEmptyFileHasOneLine) {
  EXPECT_EQ(computeLineHashes(""),
            std::vector<std::string>{"c129715d7a2bc9a3:1"});
}

TEST(LineHash, MatchesTheActionsVectors) {
  EXPECT_EQ(
      computeLineHashes(" a\nb\n  \t\tc\n d"),
      (std::vector<std::string>{"271789c17abda88f:1", "54703d4cd895b18:1",
                                "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
}

TEST(LineHash, LineEndsDoNotMatter) {
  std::vector<std::string> Lf =
      computeLineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n");
  EXPECT_EQ(Lf[0], "e9496ae3ebfced30:1");
  EXPECT_EQ(Lf[1], "fb7c023a8b9ccb3f:1");
  EXPECT_EQ(
      computeLineHashes(" hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r"),
      Lf);
  EXPECT_EQ(computeLineHashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  "
                              "\t\tGreetings\r\n End\r\n"),
            Lf);
}

TEST(LineHash, SpacesAndTabsDoNotMatter) {
  EXPECT_EQ(computeLineHashes("int x;\n"), computeLineHashes("int\tx ;  \n"));
}

TEST(LineHash, ARepeatedHashIsNumbered) {
  // Far from the end, every line of a run of equal lines sees the same
  // window of 100 units.
  std::string Text;
  for (int I = 0; I < 300; ++I)
    Text += "x\n";
  std::vector<std::string> H = computeLineHashes(Text);
  ASSERT_EQ(H.size(), 301U);
  std::string Hash = H[0].substr(0, H[0].find(':'));
  EXPECT_EQ(H[0], Hash + ":1");
  EXPECT_EQ(H[1], Hash + ":2");
  EXPECT_EQ(H[2], Hash + ":3");
  EXPECT_NE(H[299].substr(0, H[299].find(':')), Hash);
}

} // namespace
} // namespace sinkguard::report
