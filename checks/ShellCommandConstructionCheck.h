//===--- ShellCommandConstructionCheck.h ------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_SHELLCOMMANDCONSTRUCTIONCHECK_H
#define SINKGUARD_CHECKS_SHELLCOMMANDCONSTRUCTIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/Model.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <string>
#include <vector>

namespace sinkguard::engine {
class CommandAssemblyAnalyzer;
class CommandAssemblyCache;
struct CommandAssembly;
} // namespace sinkguard::engine

namespace clang::tidy::sinkguard {

/// Finds shell commands assembled from non-constant parts and passed to a
/// shell.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-shell-command-construction.md
class ShellCommandConstructionCheck : public ClangTidyCheck {
public:
  ShellCommandConstructionCheck(StringRef Name, ClangTidyContext *Context);
  ~ShellCommandConstructionCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  bool isAllowedWrapper(const FunctionDecl *Fn) const;
  /// Reports \p Call, a shell sink in the function whose body is \p Body,
  /// when its command was assembled from non-constant parts.
  void reportSink(const CallExpr *Call, const Stmt *Body,
                  ::sinkguard::engine::CommandAssemblyAnalyzer &Analyzer,
                  ASTContext &Ctx);
  /// Reports that \p Command, passed to \p Call, was assembled as \p A
  /// says; false when \p A has no step (a constant command).
  bool reportAssembly(const CallExpr *Call, const Expr *Command,
                      const ::sinkguard::engine::CommandAssembly &A,
                      ASTContext &Ctx);

  /// The option's text; AllowedWrappers points into it.
  const std::string RawAllowedWrappers;
  const std::vector<StringRef> AllowedWrappers;
  const std::string ModelFile;
  llvm::StringSet<> ReportedModelErrors;
  /// The model of the current translation unit; the cache refers to it.
  std::unique_ptr<::sinkguard::model::Model> TUModel;
  std::unique_ptr<::sinkguard::engine::CommandAssemblyCache> Cache;
  const ASTContext *CacheContext = nullptr;
};

} // namespace clang::tidy::sinkguard

#endif
