//===--- ProgramGroupingTest.cpp - Programs the link infers ---------------===//
//
// tool/driver/LinkPrograms.h: a name defined once binds everywhere; of a
// name several units define, a reference binds to the definition its
// unit's program took in (by the names only one unit defines, by what the
// program already has, then by the nearest directory), to each program's
// for a unit in several, and to none when nothing tells them apart.
//
//===----------------------------------------------------------------------===//

#include "LinkPrograms.h"
#include "llvm/ADT/StringMap.h"
#include "gtest/gtest.h"
#include <map>
#include <string>
#include <vector>

namespace sinkguard::driver {
namespace {

/// A database written as units with their definitions and references.
class Database {
public:
  /// A unit \p File defining \p Defines (names; "main" makes it a root) and
  /// referring to \p Refers; a name may have a signature after a '|'.
  void unit(const std::string &File, std::vector<std::string> Defines,
            std::vector<std::string> Refers) {
    Units.push_back({File, std::move(Defines), std::move(Refers)});
  }

  /// For each (unit, name) it refers to, the units of the definitions it
  /// binds to; units added in the given order, or reversed.
  std::map<std::string, std::vector<std::string>> bind(bool Reversed = false) {
    ProgramGrouping G;
    std::vector<const UnitSpec *> Order;
    Order.reserve(Units.size());
    for (const UnitSpec &U : Units)
      Order.push_back(&U);
    if (Reversed)
      std::reverse(Order.begin(), Order.end());
    // Definitions are numbered by unit and name.
    std::vector<std::pair<std::string, std::string>> Defs;
    for (const UnitSpec *U : Order) {
      int Unit = G.addUnit(U->File);
      UnitOf[U->File] = Unit;
      for (const std::string &Spec : U->Defines) {
        auto [Name, Signature] = llvm::StringRef(Spec).split('|');
        int Def = static_cast<int>(Defs.size());
        Defs.push_back({U->File, Name.str()});
        G.addDefinition(Def, intern(Name), Unit, intern(Signature));
        if (Name == "main")
          G.setRoot(Unit);
      }
    }
    std::vector<std::pair<std::string, int>> Refs;
    for (const UnitSpec *U : Order) {
      for (const std::string &Spec : U->Refers) {
        auto [Name, Signature] = llvm::StringRef(Spec).split('|');
        Refs.push_back(
            {U->File + " " + Name.str(),
             G.addReference(UnitOf[U->File], intern(Name), intern(Signature))});
      }
    }
    G.group();
    std::map<std::string, std::vector<std::string>> Result;
    for (const auto &[Key, Ref] : Refs) {
      std::vector<std::string> &Into = Result[Key];
      for (int D : G.bound(Ref))
        Into.push_back(Defs[static_cast<size_t>(D)].first);
      std::sort(Into.begin(), Into.end());
    }
    return Result;
  }

private:
  struct UnitSpec {
    std::string File;
    std::vector<std::string> Defines;
    std::vector<std::string> Refers;
  };
  llvm::StringRef intern(llvm::StringRef S) {
    return Strings.try_emplace(S).first->getKey();
  }
  std::vector<UnitSpec> Units;
  std::map<std::string, int> UnitOf;
  llvm::StringMap<char> Strings;
};

using Bound = std::vector<std::string>;

TEST(ProgramGrouping, ANameDefinedOnceBindsEverywhere) {
  Database D;
  D.unit("/p/daemon/main.c", {"main"}, {"parse"});
  D.unit("/p/client/main.c", {"main"}, {"parse"});
  D.unit("/p/lib/parse.c", {"parse"}, {});
  D.unit("/p/lib/unused.c", {}, {"parse"});
  auto B = D.bind();
  EXPECT_EQ(B["/p/daemon/main.c parse"], Bound{"/p/lib/parse.c"});
  EXPECT_EQ(B["/p/client/main.c parse"], Bound{"/p/lib/parse.c"});
  EXPECT_EQ(B["/p/lib/unused.c parse"], Bound{"/p/lib/parse.c"});
}

TEST(ProgramGrouping, NeverADefinitionTheCallDoesNotFit) {
  // The daemon's fatal(const char *, ...) and the client's fatal(int,
  // const char *, ...): a unit in both programs binds each call to the one
  // it fits, and so does a unit in none.
  const std::string Daemon = "fatal|vvoid;pchar*;...";
  const std::string Client = "fatal|vvoid;iint;pchar*;...";
  Database D;
  D.unit("/p/daemon/main.c", {"main"}, {"shared", "log_d|vvoid"});
  D.unit("/p/daemon/log.c", {Daemon, "log_d|vvoid"}, {});
  D.unit("/p/client/main.c", {"main"}, {"shared", "log_c"});
  D.unit("/p/client/log.c", {Client, "log_c"}, {});
  D.unit("/p/lib/shared.c", {"shared"}, {Client});
  D.unit("/p/lib/other.c", {}, {Daemon});
  auto B = D.bind();
  EXPECT_EQ(B["/p/lib/shared.c fatal"], Bound{"/p/client/log.c"});
  EXPECT_EQ(B["/p/lib/other.c fatal"], Bound{"/p/daemon/log.c"});
  // A name defined once, declared otherwise: not bound either.
  D.unit("/p/lib/wrong.c", {}, {"log_d|vvoid;iint"});
  D.unit("/p/lib/right.c", {}, {"log_d|vvoid"});
  B = D.bind();
  EXPECT_EQ(B["/p/lib/wrong.c log_d"], Bound{});
  EXPECT_EQ(B["/p/lib/right.c log_d"], Bound{"/p/daemon/log.c"});
}

TEST(ProgramGrouping, OfSeveralThatFitTheExactOne) {
  Database D;
  D.unit("/p/a/conn.c", {"helper|vvoid;pconn*"}, {});
  D.unit("/p/b/any.c", {"helper|vvoid;pvoid*"}, {});
  D.unit("/p/a/use.c", {}, {"helper|vvoid;pvoid*"});
  auto B = D.bind();
  EXPECT_EQ(B["/p/a/use.c helper"], Bound{"/p/b/any.c"});
}

TEST(ProgramGrouping, TheNearestDefinitionOfEachProgram) {
  Database D;
  D.unit("/p/daemon/main.c", {"main"}, {"notify"});
  D.unit("/p/daemon/notify.c", {"notify"}, {});
  D.unit("/p/client/main.c", {"main"}, {"notify"});
  D.unit("/p/client/notify.c", {"notify"}, {});
  for (bool Reversed : {false, true}) {
    auto B = D.bind(Reversed);
    EXPECT_EQ(B["/p/daemon/main.c notify"], Bound{"/p/daemon/notify.c"});
    EXPECT_EQ(B["/p/client/main.c notify"], Bound{"/p/client/notify.c"});
  }
}

TEST(ProgramGrouping, WhatOnlyOneUnitDefinesDecidesFirst) {
  // One directory: a_init puts a-util.c in tool-a's program, and with it
  // its notify; tool-b likewise. Nearest alone could not tell.
  Database D;
  D.unit("/p/tools/tool-a.c", {"main"}, {"a_init", "notify"});
  D.unit("/p/tools/a-util.c", {"a_init", "notify"}, {});
  D.unit("/p/tools/tool-b.c", {"main"}, {"notify", "b_init"});
  D.unit("/p/tools/b-util.c", {"b_init", "notify"}, {});
  D.unit("/p/tools/orphan.c", {}, {"notify"});
  for (bool Reversed : {false, true}) {
    auto B = D.bind(Reversed);
    EXPECT_EQ(B["/p/tools/tool-a.c notify"], Bound{"/p/tools/a-util.c"});
    EXPECT_EQ(B["/p/tools/tool-b.c notify"], Bound{"/p/tools/b-util.c"});
    // In no program, and two candidates as near: none.
    EXPECT_EQ(B["/p/tools/orphan.c notify"], Bound{});
  }
}

TEST(ProgramGrouping, NeverADefinitionWhoseUnitConflicts) {
  // x-util.c is nearer, but it defines log_open, which the program has its
  // own of: the program takes y-util.c's notify.
  Database D;
  D.unit("/p/a/main.c", {"main", "log_open"}, {"notify"});
  D.unit("/p/a/x-util.c", {"log_open", "notify"}, {});
  D.unit("/p/b/y-util.c", {"notify"}, {});
  D.unit("/p/c/main.c", {"main"}, {"log_open"});
  auto B = D.bind();
  EXPECT_EQ(B["/p/a/main.c notify"], Bound{"/p/b/y-util.c"});
  // The other program has no log_open of its own, and a/main.c, with
  // another main, cannot be in it: x-util.c's.
  EXPECT_EQ(B["/p/c/main.c log_open"], Bound{"/p/a/x-util.c"});
}

TEST(ProgramGrouping, AUnitInSeveralProgramsBindsToEach) {
  // shared.c is linked into both programs and calls the fatal each
  // program defines.
  Database D;
  D.unit("/p/daemon/main.c", {"main", "fatal"}, {"shared"});
  D.unit("/p/client/main.c", {"main", "fatal"}, {"shared"});
  D.unit("/p/lib/shared.c", {"shared"}, {"fatal"});
  auto B = D.bind();
  EXPECT_EQ(B["/p/lib/shared.c fatal"],
            (Bound{"/p/client/main.c", "/p/daemon/main.c"}));
}

TEST(ProgramGrouping, OutsideEveryProgramTheNearestOrNone) {
  // Units no main reaches: the nearest definition, if only one is.
  Database D;
  D.unit("/p/a/main.c", {"main"}, {});
  D.unit("/p/b/main.c", {"main"}, {});
  D.unit("/p/a/log.c", {"fatal"}, {});
  D.unit("/p/b/log.c", {"fatal"}, {});
  D.unit("/p/a/extra.c", {}, {"fatal"});
  D.unit("/p/plugin/x.c", {}, {"fatal"});
  auto B = D.bind();
  EXPECT_EQ(B["/p/a/extra.c fatal"], Bound{"/p/a/log.c"});
  EXPECT_EQ(B["/p/plugin/x.c fatal"], Bound{});
}

} // namespace
} // namespace sinkguard::driver
