//===--- ModelFileTest.cpp - Model files parsed from text -----------------===//
//
// A model file is parsed whole or rejected with one "file:line:col:
// message"; its rules carry the line they were declared on. (test/model
// covers the format key by key through sinkguard-test-model.)
//
//===----------------------------------------------------------------------===//

#include "model/ModelFile.h"
#include "llvm/Support/Error.h"
#include "gtest/gtest.h"

namespace sinkguard::model {
namespace {

/// The one-line error of parsing \p Text as \p Path, or "" when it parsed.
std::string parseError(llvm::StringRef Text, llvm::StringRef Path = "m.yaml") {
  llvm::Expected<ModelFile> File = parseModelFile(Text, Path);
  if (File)
    return "";
  return llvm::toString(File.takeError());
}

TEST(ModelFile, RulesCarryTheirFileAndLine) {
  llvm::Expected<ModelFile> File = parseModelFile(R"yaml(# comment
Sources:
  - Name: read_packet
    Args: [1]
    Kind: network
Sinks:
  - Name: run_shell
    Args: [0]
Disable:
  - popen
)yaml",
                                                  "dir/model.yaml");
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  ASSERT_EQ(File->Rules.size(), 2U);
  EXPECT_EQ(File->Rules[0].Kind, RuleKind::Source);
  EXPECT_EQ(File->Rules[0].Function, "read_packet");
  EXPECT_EQ(File->Rules[0].Source, SourceKind::Network);
  EXPECT_EQ(File->Rules[0].Origin, "dir/model.yaml:3");
  EXPECT_EQ(File->Rules[1].Sink, SinkKind::ShellCommand);
  EXPECT_EQ(File->Rules[1].Origin, "dir/model.yaml:7");
  EXPECT_EQ(File->Disabled, std::vector<std::string>{"popen"});
  EXPECT_EQ(File->Path, "dir/model.yaml");
}

TEST(ModelFile, AnEmptyFileAddsNothing) {
  llvm::Expected<ModelFile> File = parseModelFile("", "empty.yaml");
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_TRUE(File->Rules.empty());
  EXPECT_TRUE(File->Disabled.empty());
}

TEST(ModelFile, AnErrorNamesTheFileLineAndColumn) {
  EXPECT_EQ(parseError(R"yaml(Sinks:
  - Name: spawn
    Args: [0, 1]
    Kind: exec_vector
)yaml"),
            "m.yaml:4:11: unknown sink Kind 'exec_vector'; expected shell, "
            "exec-list, exec-vector or size; did you mean 'exec-vector'?");
}

TEST(ModelFile, AMissingKeyIsAnErrorAtItsEntry) {
  std::string Error = parseError(R"yaml(Sinks:
  - Name: run
)yaml");
  EXPECT_EQ(Error.rfind("m.yaml:2:", 0), 0U) << Error;
  EXPECT_NE(Error.find("'Args'"), std::string::npos) << Error;
}

TEST(ModelFile, BrokenYamlIsAnErrorNotACrash) {
  for (llvm::StringRef Text :
       {llvm::StringRef("Sinks: [{Name: run, Args: [0]"),
        llvm::StringRef("Sinks:\n  - Name: run\n    Args: [0]\n  bad"),
        llvm::StringRef("\x01\x02"), llvm::StringRef("a: *alias"),
        llvm::StringRef("Sinks: 3"), llvm::StringRef("- just\n- a list")}) {
    std::string Error = parseError(Text);
    EXPECT_EQ(Error.rfind("m.yaml:", 0), 0U) << Text.str() << ": " << Error;
    EXPECT_EQ(Error.find('\n'), std::string::npos) << Error;
  }
}

TEST(ModelFile, TheModelForAFileIsTheBuiltinOneChanged) {
  llvm::Expected<ModelFile> File = parseModelFile(R"yaml(Sinks:
  - Name: run_shell
    Args: [0]
Disable: [system]
)yaml",
                                                  "m.yaml");
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  std::unique_ptr<Model> M = modelFor(*File);
  EXPECT_TRUE(M->rulesFor("system").empty());
  EXPECT_FALSE(M->rulesFor("getenv").empty());
  ASSERT_EQ(M->rulesFor("run_shell").size(), 1U);
  EXPECT_EQ(M->rulesFor("run_shell")[0]->Origin, "m.yaml:2");
}

TEST(ModelFile, KindsHaveTheirFileSpelling) {
  EXPECT_EQ(sourceKindName(SourceKind::CommandLine), "command-line");
  EXPECT_EQ(sourceKindName(SourceKind::Environment), "environment");
  EXPECT_EQ(sinkKindName(SinkKind::ExecVector), "exec-vector");
  EXPECT_EQ(sinkKindName(SinkKind::ShellCommand), "shell");
}

} // namespace
} // namespace sinkguard::model
