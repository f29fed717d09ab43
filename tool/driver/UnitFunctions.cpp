//===--- UnitFunctions.cpp ------------------------------------------------===//

#include "UnitFunctions.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

namespace sinkguard::driver {

namespace {

thread_local UnitFunctions *Current = nullptr;

/// The key of a file: the build directory and the name, as a diagnostic
/// of clang-tidy gives them (ClangTidyError::BuildDirectory and the
/// message's FilePath).
std::string fileKey(llvm::StringRef BuildDirectory, llvm::StringRef Name) {
  return (BuildDirectory + llvm::StringRef("\0", 1) + Name).str();
}

class IndexConsumer : public clang::ASTConsumer {
public:
  IndexConsumer(UnitFunctions &Into, std::string BuildDirectory)
      : Into(Into), BuildDirectory(std::move(BuildDirectory)) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    Into.add(Ctx.getSourceManager(), ::sinkguard::engine::FunctionBodies(Ctx),
             BuildDirectory);
  }

private:
  UnitFunctions &Into;
  const std::string BuildDirectory;
};

/// Runs after clang-tidy's action in every parse of the process.
class IndexAction : public clang::PluginASTAction {
protected:
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    UnitFunctions *Into = UnitFunctions::current();
    if (!Into)
      return std::make_unique<clang::ASTConsumer>();
    // What clang-tidy takes as the diagnostics' build directory.
    llvm::ErrorOr<std::string> Directory =
        CI.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
    return std::make_unique<IndexConsumer>(*Into, Directory ? *Directory : "");
  }

  bool ParseArgs(const clang::CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }
};

clang::FrontendPluginRegistry::Add<IndexAction>
    Registration("sinkguard-unit-functions",
                 "the function bodies of the unit, for the driver's reports");

} // namespace

UnitFunctions::UnitFunctions() : Previous(Current) { Current = this; }

UnitFunctions::~UnitFunctions() { Current = Previous; }

UnitFunctions *UnitFunctions::current() { return Current; }

void UnitFunctions::add(const clang::SourceManager &SM,
                        const ::sinkguard::engine::FunctionBodies &Bodies,
                        llvm::StringRef BuildDirectory) {
  for (const auto &[File, List] : Bodies.files()) {
    clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
    if (!Entry)
      continue;
    std::vector<::sinkguard::engine::FunctionBody> &Into =
        Files[fileKey(BuildDirectory, Entry->getName())];
    Into.insert(Into.end(), List.begin(), List.end());
  }
  Normalized = false;
}

std::vector<std::string>
UnitFunctions::namesOf(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors) {
  // A unit parsed with several compile commands adds a file once for each.
  if (!Normalized)
    for (auto &Entry : Files)
      ::sinkguard::engine::normalizeBodies(Entry.second);
  Normalized = true;
  std::vector<std::string> Names;
  Names.reserve(Errors.size());
  for (const clang::tidy::ClangTidyError &E : Errors) {
    auto It = Files.find(fileKey(E.BuildDirectory, E.Message.FilePath));
    const ::sinkguard::engine::FunctionBody *Body =
        It == Files.end()
            ? nullptr
            : ::sinkguard::engine::bodyAt(It->second, E.Message.FileOffset);
    Names.push_back(Body ? Body->Name : std::string());
  }
  return Names;
}

} // namespace sinkguard::driver
