//===--- FieldContextsTest.cpp - Field paths of the link ------------------===//
//
// tool/driver/FieldContexts.h: which paths overlap and enclose each other,
// where data at one path lies in the value of another, composed paths and
// their limit.
//
//===----------------------------------------------------------------------===//

#include "FieldContexts.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace sinkguard::driver::fields {
namespace {

/// Two paths and whether they are related so.
struct Pair {
  const char *A;
  const char *B;
  bool Holds;
};

TEST(FieldContexts, Overlaps) {
  const Pair Cases[] = {
      {"", "a.b", true},
      {"a.b", "", true},
      {"a", "a.b", true},
      {"a.b", "a", true},
      {"a.b", "a.b", true},
      {"a", "b", false},
      {"a.b", "a.c", false},
      // A name that starts like another is another field.
      {"buf", "bufEnd", false},
      {"m_buffer", "m_bufferEnd.x", false},
  };
  for (const Pair &C : Cases)
    EXPECT_EQ(overlaps(C.A, C.B), C.Holds) << C.A << " and " << C.B;
}

TEST(FieldContexts, Encloses) {
  const Pair Cases[] = {
      {"", "", true},       {"", "a", true},     {"a", "a.b", true},
      {"a.b", "a.b", true}, {"a.b", "a", false}, {"a", "", false},
      {"a", "ab", false},
  };
  for (const Pair &C : Cases)
    EXPECT_EQ(encloses(C.A, C.B), C.Holds) << C.A << " and " << C.B;
}

TEST(FieldContexts, Below) {
  // The value of the field read holds the data deeper down.
  EXPECT_EQ(below("reader.buf", "reader"), "buf");
  EXPECT_EQ(below("a.b.c", "a"), "b.c");
  // The value read is the data, or inside it: all of it.
  EXPECT_EQ(below("len", "len"), "");
  EXPECT_EQ(below("reader", "reader.ridx"), "");
  // The whole object read: the data where it was; data anywhere stays so.
  EXPECT_EQ(below("reader.buf", ""), "reader.buf");
  EXPECT_EQ(below("", "reader"), "");
}

TEST(FieldContexts, Inside) {
  EXPECT_EQ(inside("reader", "buf"), "reader.buf");
  EXPECT_EQ(inside("", "buf"), "buf");
  EXPECT_EQ(inside("reader", ""), "reader");
  EXPECT_EQ(inside("", ""), "");
  // At most MaxDepth fields: the enclosing path of the first ones.
  EXPECT_EQ(inside("next.next.next", "next.next.next"),
            "next.next.next.next.next.next");
  EXPECT_EQ(inside("next.next.next", "next.next.next.next"),
            "next.next.next.next.next.next");
  EXPECT_EQ(inside("a.b.c.d.e.f", "g"), "a.b.c.d.e.f");
}

TEST(FieldContexts, Enclosing) {
  std::vector<std::string> Seen;
  enclosing("a.b.c", [&](llvm::StringRef P) { Seen.push_back(P.str()); });
  EXPECT_EQ(Seen, (std::vector<std::string>{"", "a", "a.b", "a.b.c"}));
  Seen.clear();
  enclosing("", [&](llvm::StringRef P) { Seen.push_back(P.str()); });
  EXPECT_EQ(Seen, (std::vector<std::string>{""}));
}

} // namespace
} // namespace sinkguard::driver::fields
