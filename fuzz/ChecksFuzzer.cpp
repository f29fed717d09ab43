//===--- ChecksFuzzer.cpp - Every check on an arbitrary main file ---------===//
//
// libFuzzer target. The first byte of the input picks the language and
// standard (and, by bit 2, whole-program mode), the rest is the main file. It
// is parsed with the mock system headers of test/Inputs (so seeds from
// test/checkers that include <stdio.h> compile as in the tests) and every
// sinkguard check runs on it, through clang-tidy's engine as in the driver.
// Compiler errors are part of the game: the checks must survive whatever AST
// error recovery leaves.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "engine/Facts.h"
#include "clang/Basic/Stack.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

namespace {

struct Language {
  const char *File;
  const char *Mode;
  const char *Standard;
};

// The main file lives only in memory, in a directory that exists on disk
// (ClangTool gives up on a compile command whose directory does not).
constexpr Language Languages[] = {
    {"/sinkguard-fuzz-input.c", "-xc", "-std=c11"},
    {"/sinkguard-fuzz-input.c", "-xc", "-std=gnu89"},
    {"/sinkguard-fuzz-input.cpp", "-xc++", "-std=c++17"},
    {"/sinkguard-fuzz-input.cpp", "-xc++", "-std=c++20"},
};

class TidyAction : public clang::ASTFrontendAction {
public:
  explicit TidyAction(clang::tidy::ClangTidyASTConsumerFactory &Factory)
      : Factory(Factory) {}

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &Compiler,
                    llvm::StringRef File) override {
    return Factory.createASTConsumer(Compiler, File);
  }

private:
  clang::tidy::ClangTidyASTConsumerFactory &Factory;
};

class TidyActionFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit TidyActionFactory(clang::tidy::ClangTidyContext &Context)
      : Factory(Context) {}

  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<TidyAction>(Factory);
  }

  // As clang-tidy runs the compiler: __clang_analyzer__ defined, and no
  // "N warnings generated" on every input.
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                     clang::FileManager *Files,
                     std::shared_ptr<clang::PCHContainerOperations> PCH,
                     clang::DiagnosticConsumer *Diagnostics) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), Diagnostics);
  }

private:
  clang::tidy::ClangTidyASTConsumerFactory Factory;
};

/// Writes the facts for the link phase out and drops them: the export of
/// every function's summary runs on every input, as in the driver.
class DiscardFacts : public ::sinkguard::engine::FactsCollector {
public:
  void inputs(std::vector<std::string> Files) override { (void)Files; }
  void facts(llvm::json::Object Facts) override {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS << llvm::json::Value(std::move(Facts));
  }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // Lets Clang move deep recursion to a fresh stack, as in the driver.
  clang::noteBottomOfStack();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  const Language &Lang = Languages[Data[0] % std::size(Languages)];
  // A copy: the lexer needs the NUL after the end that std::string keeps.
  const std::string Code(reinterpret_cast<const char *>(Data + 1), Size - 1);

  clang::tidy::ClangTidyOptions Options =
      clang::tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,sinkguard-*";
  clang::tidy::ClangTidyContext Context(
      std::make_unique<clang::tidy::DefaultOptionsProvider>(
          clang::tidy::ClangTidyGlobalOptions(), Options));
  clang::tidy::ClangTidyDiagnosticConsumer Diagnostics(Context);
  auto DiagOpts = std::make_unique<clang::DiagnosticOptions>();
  clang::DiagnosticsEngine Engine(clang::DiagnosticIDs::create(), *DiagOpts,
                                  &Diagnostics, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);

  clang::tooling::FixedCompilationDatabase Db("/", {Lang.Mode, Lang.Standard,
                                                    "-nostdinc", "-isystem",
                                                    SINKGUARD_FUZZ_INPUTS});
  clang::tooling::ClangTool Tool(Db, {Lang.File});
  Tool.mapVirtualFile(Lang.File, Code);
  Tool.setPrintErrorMessage(false);
  Tool.setDiagnosticConsumer(&Diagnostics);
  TidyActionFactory Factory(Context);
  DiscardFacts Facts;
  {
    // Bit 2 of the first byte: whole-program mode (the driver's) when
    // clear, as in the seeds; per-file mode (clang-tidy's) when set.
    ::sinkguard::engine::FactsCollectorScope Collecting(
        (Data[0] & 4) == 0 ? &Facts : nullptr);
    Tool.run(&Factory);
  }
  (void)Diagnostics.take();
  return 0;
}
