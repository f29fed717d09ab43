//===--- TaintedShellCommandCheck.h -----------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_TAINTEDSHELLCOMMANDCHECK_H
#define SINKGUARD_CHECKS_TAINTEDSHELLCOMMANDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/Model.h"
#include "llvm/ADT/StringSet.h"
#include <memory>

namespace sinkguard::engine {
class TaintEngine;
struct SinkHit;
} // namespace sinkguard::engine

namespace clang::tidy::sinkguard {

/// Finds untrusted input that reaches a shell or the program and arguments of
/// exec without a sanitizer.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-tainted-shell-command.md
class TaintedShellCommandCheck : public ClangTidyCheck {
public:
  TaintedShellCommandCheck(StringRef Name, ClangTidyContext *Context);
  ~TaintedShellCommandCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const ::sinkguard::engine::SinkHit &Hit, ASTContext &Ctx);

  const std::string TrustedSources;
  const bool ReportArgumentInjection;
  const std::string ModelFile;
  /// Model-file problems already reported, so each is said once.
  llvm::StringSet<> ReportedModelErrors;
  /// The model of the current translation unit; the engine refers to it.
  std::unique_ptr<::sinkguard::model::Model> TUModel;
  llvm::SmallVector<::sinkguard::model::SourceKind, 2> Trusted;
  std::unique_ptr<::sinkguard::engine::TaintEngine> Engine;
  const ASTContext *EngineContext = nullptr;
};

} // namespace clang::tidy::sinkguard

#endif
