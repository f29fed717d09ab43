//===--- ChangedLinesTest.cpp - The lines a unified diff touches ----------===//

#include "ChangedLines.h"
#include "llvm/Support/Error.h"
#include "gtest/gtest.h"
#include <string>

namespace sinkguard::report {
namespace {

constexpr llvm::StringLiteral Base = "/nonexistent-sinkguard-root";

std::string at(llvm::StringRef Relative) {
  return (Base + "/" + Relative).str();
}

/// The error of parsing \p Diff, or "" when it parsed.
std::string parseError(llvm::StringRef Diff) {
  llvm::Expected<ChangedLines> C = ChangedLines::parse(Diff, Base);
  return C ? "" : llvm::toString(C.takeError());
}

TEST(ChangedLines, AddedLinesAreTouched) {
  llvm::Expected<ChangedLines> C =
      ChangedLines::parse(R"(diff --git a/src/a.c b/src/a.c
index 1111111..2222222 100644
--- a/src/a.c
+++ b/src/a.c
@@ -10,2 +10,4 @@ void run(void) {
 int x;
+int y;
+int z;
 int w;
@@ -30 +32,2 @@
 return;
+}
)",
                          Base);
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->files(), 1U);
  EXPECT_FALSE(C->touches(at("src/a.c"), 10));
  EXPECT_TRUE(C->touches(at("src/a.c"), 11));
  EXPECT_TRUE(C->touches(at("src/a.c"), 12));
  EXPECT_FALSE(C->touches(at("src/a.c"), 13));
  EXPECT_FALSE(C->touches(at("src/a.c"), 32));
  EXPECT_TRUE(C->touches(at("src/a.c"), 33));
  EXPECT_FALSE(C->touches(at("src/b.c"), 11));
  // Paths are compared without dots.
  EXPECT_TRUE(C->touches(at("src/../src/./a.c"), 12));
}

TEST(ChangedLines, ARemovalTouchesTheLinesAroundIt) {
  llvm::Expected<ChangedLines> C = ChangedLines::parse(R"(+++ b/a.c
@@ -4,3 +4,2 @@
 if (n < 0)
-  return;
 use(n);
)",
                                                       Base);
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_FALSE(C->touches(at("a.c"), 3));
  EXPECT_TRUE(C->touches(at("a.c"), 4));
  EXPECT_TRUE(C->touches(at("a.c"), 5));
  EXPECT_FALSE(C->touches(at("a.c"), 6));
}

TEST(ChangedLines, DeletedFilesAndFilesOutsideTheRootTouchNothing) {
  llvm::Expected<ChangedLines> C = ChangedLines::parse(R"(--- a/gone.c
+++ /dev/null
@@ -1,1 +0,0 @@
-int gone;
+++ /somewhere-else/x.c
@@ -0,0 +1 @@
+int x;
+++ b/new.c
@@ -0,0 +1,2 @@
+int a;
+int b;
\ No newline at end of file
)",
                                                       Base);
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->files(), 1U);
  EXPECT_FALSE(C->touches(at("gone.c"), 1));
  EXPECT_FALSE(C->touches("/somewhere-else/x.c", 1));
  EXPECT_TRUE(C->touches(at("new.c"), 1));
  EXPECT_TRUE(C->touches(at("new.c"), 2));
}

TEST(ChangedLines, AFindingIsTouchedThroughAnyStepOfItsPath) {
  llvm::Expected<ChangedLines> C = ChangedLines::parse(
      "+++ b/a.c\n@@ -7,0 +8 @@\n+x = getenv(\"X\");\n", Base);
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  Finding F;
  F.Where.File = at("a.c");
  F.Where.Start.Line = F.Where.Point.Line = 20;
  EXPECT_FALSE(C->touches(F));
  Note Source;
  Source.Where.File = at("a.c");
  Source.Where.Start.Line = Source.Where.Point.Line = 8;
  F.Notes.push_back(Source);
  EXPECT_TRUE(C->touches(F));
}

TEST(ChangedLines, ABrokenDiffIsAnErrorWithItsLine) {
  EXPECT_EQ(parseError("+++ b/a.c\n@@ -1 +1 @@ int main() {\n-a\n+b\n"), "");
  EXPECT_EQ(parseError("+++ b/a.c\n@@ -x +1 @@\n"),
            "line 2: not a hunk header: '@@ -x +1 @@'");
  EXPECT_EQ(parseError("+++ b/a.c\n@@ -1,2 +1,2 @@\n a\n"),
            "line 3: the diff ends inside a hunk");
  EXPECT_EQ(parseError("+++ b/a.c\n@@ -1,1 +1,1 @@\n+a\n+b\n"),
            "line 4: the hunk ends before its header says");
}

} // namespace
} // namespace sinkguard::report
