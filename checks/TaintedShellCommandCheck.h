//===--- TaintedShellCommandCheck.h -----------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_TAINTEDSHELLCOMMANDCHECK_H
#define SINKGUARD_CHECKS_TAINTEDSHELLCOMMANDCHECK_H

#include "TaintCheckSupport.h"

namespace clang::tidy::sinkguard {

/// Finds untrusted input that reaches a shell or the program and arguments of
/// exec without a sanitizer.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-tainted-shell-command.md
class TaintedShellCommandCheck : public TaintCheckBase {
public:
  TaintedShellCommandCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void configure(::sinkguard::engine::TaintOptions &Opts) const override;
  void report(const ::sinkguard::engine::SinkHit &Hit,
              ASTContext &Ctx) override;

  const bool ReportArgumentInjection;
};

} // namespace clang::tidy::sinkguard

#endif
