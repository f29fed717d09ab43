//===--- FieldPathTest.cpp - Struct fields as places of their own ---------===//
//
// A field of a struct is a location of its own, nested fields too (field
// paths), reached directly, through a pointer or from a callee; a copy of
// the whole struct reads every field; a pointer walking a list
// (`p = p->next`) designates its nodes without the paths growing without
// end. Each snippet has clean sinks beside the tainted one, and the tests
// name the lines reported.
//
//===----------------------------------------------------------------------===//

#include "EngineTestSupport.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace sinkguard::engine::test {
namespace {

/// The lines of the sinks reported in `run` of \p Code, which follows two
/// lines of record types (so that its first line is line 3).
std::vector<unsigned> reportedInRun(const char *Code) {
  return sinkLines(std::string(R"c(struct inner { char *a; char *b; };
struct outer { struct inner in; char *c; };
)c") + Code,
                   "run");
}

TEST(FieldPath, AFieldIsTaintedAloneNotItsSibling) {
  EXPECT_EQ(reportedInRun(R"c(
void run(void) {
  struct inner s = {"ls", "pwd"};
  s.a = getenv("CMD");
  system(s.b);
  system(s.a);
}
)c"),
            std::vector<unsigned>{8});
}

TEST(FieldPath, NestedFieldsAreTheirOwnPlaces) {
  EXPECT_EQ(reportedInRun(R"c(
void run(void) {
  struct outer o = {{"ls", "pwd"}, "id"};
  o.in.b = getenv("CMD");
  system(o.in.a);
  system(o.c);
  system(o.in.b);
}
)c"),
            std::vector<unsigned>{9});
}

TEST(FieldPath, AWriteThroughAPointerReachesTheField) {
  EXPECT_EQ(reportedInRun(R"c(
void run(void) {
  struct outer o = {{"ls", "pwd"}, "id"};
  struct inner *p = &o.in;
  p->a = getenv("CMD");
  system(o.in.a);
  system(o.in.b);
}
)c"),
            std::vector<unsigned>{8});
}

TEST(FieldPath, ACopyOfTheStructKeepsEachFieldsTaint) {
  // A struct copied whole is copied field by field: the pointer to
  // untrusted text is in the copy's field a, not in its neighbours.
  EXPECT_EQ(reportedInRun(R"c(
void run(void) {
  struct outer o = {{"ls", "pwd"}, "id"};
  o.in.a = getenv("CMD");
  struct outer copy = o;
  system(o.in.b);
  system(copy.in.b);
  system(copy.c);
  system(copy.in.a);
}
)c"),
            std::vector<unsigned>{11});
  // Assigned, the same.
  EXPECT_EQ(reportedInRun(R"c(
void run(struct outer *out) {
  struct outer o = {{"ls", "pwd"}, "id"};
  o.in.a = getenv("CMD");
  *out = o;
  system(out->c);
  system(out->in.a);
}
)c"),
            std::vector<unsigned>{9});
  // A copy of a clean struct is clean.
  EXPECT_EQ(reportedInRun(R"c(
void run(void) {
  struct outer o = {{"ls", "pwd"}, "id"};
  char *command = getenv("CMD");
  struct outer copy = o;
  system(copy.in.a);
  system(command);
}
)c"),
            std::vector<unsigned>{9});
}

TEST(FieldPath, AFieldFilledByACalleeIsTaintedInTheCaller) {
  EXPECT_EQ(reportedInRun(R"c(
static void fill(struct inner *s) { s->b = getenv("CMD"); }
void run(void) {
  struct inner s = {"ls", "pwd"};
  fill(&s);
  system(s.a);
  system(s.b);
}
)c"),
            std::vector<unsigned>{9});
}

TEST(FieldPath, WalkingAListEnds) {
  EXPECT_EQ(sinkLines(R"c(
struct node { struct node *next; char *text; };
void run(struct node *list) {
  list->text = getenv("CMD");
  for (struct node *p = list; p; p = p->next)
    system(p->text);
}
)c",
                      "run"),
            std::vector<unsigned>{6});
}

} // namespace
} // namespace sinkguard::engine::test
