//===--- SourceRootTest.cpp - Paths as reports name them ------------------===//

#include "SourceRoot.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

namespace sinkguard::report {
namespace {

TEST(SourceRoot, FilesBelowTheRootAreRelative) {
  SourceRoot Root("/nonexistent-sinkguard-root/src/");
  EXPECT_EQ(Root.path(), "/nonexistent-sinkguard-root/src");
  EXPECT_EQ(Root.relative("/nonexistent-sinkguard-root/src/lib/a.c"),
            "lib/a.c");
  EXPECT_EQ(Root.display("/nonexistent-sinkguard-root/src/lib/../b.c"), "b.c");
  EXPECT_EQ(Root.uri(), "file:///nonexistent-sinkguard-root/src/");
}

TEST(SourceRoot, FilesOutsideTheRootKeepTheirAbsolutePath) {
  SourceRoot Root("/nonexistent-sinkguard-root/src");
  EXPECT_FALSE(Root.relative("/nonexistent-sinkguard-root/srcfoo/a.c"));
  EXPECT_FALSE(Root.relative("/usr/include/stdio.h"));
  EXPECT_EQ(Root.display("/usr/include/stdio.h"), "/usr/include/stdio.h");
  EXPECT_EQ(Root.uriFor("/usr/include/std io.h"),
            "file:///usr/include/std%20io.h");
}

TEST(SourceRoot, UrisArePercentEncoded) {
  SourceRoot Root("/nonexistent-sinkguard-root/src");
  EXPECT_EQ(Root.uriFor("/nonexistent-sinkguard-root/src/new dir/\xc3\xbc.c"),
            "new%20dir/%C3%BC.c");
  EXPECT_EQ(percentEncodePath("a-b_c.d~/e"), "a-b_c.d~/e");
  EXPECT_EQ(percentEncodePath("a#b?c%d"), "a%23b%3Fc%25d");
  EXPECT_EQ(fileUri("/a b"), "file:///a%20b");
}

TEST(SourceRoot, TheRootDirectoryHoldsEveryFile) {
  SourceRoot Root("/");
  EXPECT_EQ(Root.relative("/nonexistent-sinkguard-root/a.c"),
            "nonexistent-sinkguard-root/a.c");
}

TEST(SourceRoot, ALinkToTheRootNamesTheSameFiles) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("sinkguard-root", Dir));
  llvm::SmallString<128> Real(Dir);
  llvm::sys::path::append(Real, "real");
  llvm::SmallString<128> Link(Dir);
  llvm::sys::path::append(Link, "link");
  ASSERT_FALSE(llvm::sys::fs::create_directory(Real));
  ASSERT_FALSE(llvm::sys::fs::create_link(Real, Link));
  int FD = -1;
  llvm::SmallString<128> File(Real);
  llvm::sys::path::append(File, "a.c");
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(File, FD));
  llvm::sys::fs::file_t Handle = llvm::sys::fs::convertFDToNativeFile(FD);
  EXPECT_FALSE(llvm::sys::fs::closeFile(Handle));

  SourceRoot ThroughLink(Link);
  EXPECT_EQ(ThroughLink.relative(File), "a.c");
  SourceRoot Direct(Real);
  llvm::SmallString<128> Linked(Link);
  llvm::sys::path::append(Linked, "a.c");
  EXPECT_EQ(Direct.relative(Linked), "a.c");

  EXPECT_FALSE(llvm::sys::fs::remove_directories(Dir));
}

} // namespace
} // namespace sinkguard::report
