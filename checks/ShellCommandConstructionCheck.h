//===--- ShellCommandConstructionCheck.h ------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_SHELLCOMMANDCONSTRUCTIONCHECK_H
#define SINKGUARD_CHECKS_SHELLCOMMANDCONSTRUCTIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace sinkguard::engine {
class CommandAssemblyAnalyzer;
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
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void reportSink(const CallExpr *Call,
                  ::sinkguard::engine::CommandAssemblyAnalyzer &Analyzer,
                  ASTContext &Ctx);
};

} // namespace clang::tidy::sinkguard

#endif
