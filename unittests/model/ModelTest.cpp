//===--- ModelTest.cpp - The built-in rule table --------------------------===//
//
// The built-in model as the engine asks it: rules by the callee's qualified
// name, argument sets, and the name a declaration is looked up by.
//
//===----------------------------------------------------------------------===//

#include "model/Model.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sinkguard::model {
namespace {

/// The rule of \p Kind for \p Function in the built-in model, or null.
const Rule *builtinRule(llvm::StringRef Function, RuleKind Kind) {
  for (const Rule *R : Model::builtin().rulesFor(Function))
    if (R->Kind == Kind)
      return R;
  return nullptr;
}

std::vector<int> args(const ArgSet &S) {
  return {S.explicitArgs().begin(), S.explicitArgs().end()};
}

TEST(BuiltinModel, SystemRunsItsFirstArgumentInAShell) {
  const Rule *R = builtinRule("system", RuleKind::Sink);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Sink, SinkKind::ShellCommand);
  EXPECT_EQ(args(R->In), std::vector<int>{0});
  EXPECT_EQ(R->Origin, "built-in");
  EXPECT_NE(builtinRule("std::system", RuleKind::Sink), nullptr);
}

TEST(BuiltinModel, GetenvReturnsDataFromTheEnvironment) {
  const Rule *R = builtinRule("getenv", RuleKind::Source);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Source, SourceKind::Environment);
  EXPECT_TRUE(R->Out.contains(ReturnValue));
  EXPECT_FALSE(R->Out.contains(0));
}

TEST(BuiltinModel, FgetsFillsItsBufferAndIsBoundedByItsSize) {
  const Rule *Source = builtinRule("fgets", RuleKind::Source);
  ASSERT_NE(Source, nullptr);
  EXPECT_TRUE(Source->Out.contains(0));
  EXPECT_TRUE(Source->Out.contains(ReturnValue));
  const Rule *Size = builtinRule("fgets", RuleKind::Sink);
  ASSERT_NE(Size, nullptr);
  EXPECT_EQ(Size->Sink, SinkKind::Size);
  EXPECT_EQ(args(Size->In), std::vector<int>{1});
  EXPECT_EQ(Size->Buffer, 0);
}

TEST(BuiltinModel, StrcpyCopiesIntoAndReturnsItsDestination) {
  const Rule *R = builtinRule("strcpy", RuleKind::Propagator);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(args(R->In), std::vector<int>{1});
  EXPECT_EQ(args(R->Out), std::vector<int>{0});
  EXPECT_EQ(R->ReturnsArg, 0);
  EXPECT_FALSE(R->Appends);
  const Rule *Cat = builtinRule("strcat", RuleKind::Propagator);
  ASSERT_NE(Cat, nullptr);
  EXPECT_TRUE(Cat->Appends);
}

TEST(BuiltinModel, GetcharReturnsAByteOrEof) {
  const Rule *R = builtinRule("getchar", RuleKind::Source);
  ASSERT_NE(R, nullptr);
  using Range = std::pair<std::int64_t, std::int64_t>;
  EXPECT_EQ(R->ResultRange, std::optional<Range>(Range(-1, 255)));
}

TEST(BuiltinModel, TlsReadsCountWhatTheyStoreInTheirBuffer) {
  for (const char *Fn :
       {"SSL_read", "SSL_peek", "BIO_read", "BIO_gets", "gnutls_record_recv"}) {
    SCOPED_TRACE(Fn);
    const Rule *Source = builtinRule(Fn, RuleKind::Source);
    ASSERT_NE(Source, nullptr);
    EXPECT_EQ(args(Source->Out), std::vector<int>{1});
    EXPECT_EQ(Source->Source, SourceKind::Network);
    EXPECT_EQ(Source->CountedBuffer, 1);
    const Rule *Size = builtinRule(Fn, RuleKind::Sink);
    ASSERT_NE(Size, nullptr);
    EXPECT_EQ(args(Size->In), std::vector<int>{2});
    EXPECT_EQ(Size->Buffer, 1);
  }
}

TEST(BuiltinModel, ScatterReadsFillWhatTheirDescriptorsPointTo) {
  for (const char *Fn : {"recvmsg", "readv"}) {
    SCOPED_TRACE(Fn);
    const Rule *R = builtinRule(Fn, RuleKind::Source);
    ASSERT_NE(R, nullptr);
    EXPECT_TRUE(R->FillsPointees);
  }
  const Rule *Read = builtinRule("read", RuleKind::Source);
  ASSERT_NE(Read, nullptr);
  EXPECT_FALSE(Read->FillsPointees);
}

TEST(BuiltinModel, RegexecValidatesWhenItReturnsZero) {
  const Rule *R = builtinRule("regexec", RuleKind::Validator);
  ASSERT_NE(R, nullptr);
  EXPECT_TRUE(R->ValidWhenZero);
  EXPECT_TRUE(R->In.contains(1));
}

TEST(BuiltinModel, SnprintfFormatsItsVariadicArguments) {
  const Rule *R = builtinRule("snprintf", RuleKind::Propagator);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->FormatArg, 2);
  EXPECT_EQ(R->In.variadicFrom(), 3);
  EXPECT_TRUE(R->In.contains(7));
  EXPECT_FALSE(R->In.contains(2));
}

TEST(BuiltinModel, AFunctionNoRuleNamesHasNoRules) {
  EXPECT_TRUE(Model::builtin().rulesFor("strlen").empty());
  EXPECT_TRUE(Model::builtin().rulesFor("my_function").empty());
  // Names are qualified: the global function is not the member.
  EXPECT_TRUE(Model::builtin().rulesFor("ns::system").empty());
}

TEST(BuiltinModel, SinkNamesListEachFunctionOnce) {
  std::vector<std::string> Shell =
      Model::builtin().sinkNames(SinkKind::ShellCommand);
  EXPECT_TRUE(llvm::is_contained(Shell, "system"));
  EXPECT_TRUE(llvm::is_contained(Shell, "popen"));
  EXPECT_FALSE(llvm::is_contained(Shell, "execv"));
  for (const std::string &Name : Shell)
    EXPECT_EQ(llvm::count(Shell, Name), 1) << Name;
}

TEST(Model, DisabledFunctionsLoseTheirBuiltinRulesOnly) {
  Model M(Model::builtinRules(),
          {Rule::sink("run_shell", {0}, SinkKind::ShellCommand)}, {"system"});
  EXPECT_TRUE(M.rulesFor("system").empty());
  EXPECT_FALSE(M.rulesFor("popen").empty());
  ASSERT_EQ(M.rulesFor("run_shell").size(), 1U);
  EXPECT_EQ(M.rulesFor("run_shell")[0]->Sink, SinkKind::ShellCommand);
}

TEST(ArgSet, ExpandsAVariadicTailUpToTheCallsArguments) {
  ArgSet S = ArgSet::variadicFrom(2, {0});
  EXPECT_TRUE(S.contains(0));
  EXPECT_FALSE(S.contains(1));
  EXPECT_TRUE(S.contains(2));
  EXPECT_TRUE(S.contains(100));
  EXPECT_EQ(S.expand(4), (llvm::SmallVector<int, 4>{0, 2, 3}));
  EXPECT_EQ(S.expand(2), (llvm::SmallVector<int, 4>{0}));
  EXPECT_TRUE(ArgSet().empty());
  EXPECT_FALSE(ArgSet::variadicFrom(0).empty());
  EXPECT_EQ(args(ArgSet{1}.with(1).with(ReturnValue)),
            (std::vector<int>{1, ReturnValue}));
}

/// The qualified name ruleName gives the function named \p Name in \p Code.
std::string ruleNameIn(llvm::StringRef Code, llvm::StringRef Name) {
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(
          Code, {"-std=c++17", "-nostdinc++"}, "input.cpp");
  if (!AST)
    return "<no AST>";
  using namespace clang::ast_matchers;
  auto Found =
      match(functionDecl(hasName(Name)).bind("f"), AST->getASTContext());
  if (Found.empty())
    return "<not found>";
  return ruleName(Found[0].getNodeAs<clang::FunctionDecl>("f"));
}

TEST(RuleName, DropsInlineNamespacesAndTemplateArguments) {
  EXPECT_EQ(ruleNameIn(R"cpp(
namespace std { inline namespace __cxx11 {
template <class C> struct basic_string { basic_string &append(const C *); };
} }
void use(std::basic_string<char> &s) { s.append("x"); }
)cpp",
                       "append"),
            "std::basic_string::append");
  EXPECT_EQ(ruleNameIn("namespace { void helper(); }", "helper"), "helper");
  EXPECT_EQ(ruleNameIn("namespace a { namespace b { int f(); } }", "f"),
            "a::b::f");
}

} // namespace
} // namespace sinkguard::model
