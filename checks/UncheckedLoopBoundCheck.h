//===--- UncheckedLoopBoundCheck.h ------------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_UNCHECKEDLOOPBOUNDCHECK_H
#define SINKGUARD_CHECKS_UNCHECKEDLOOPBOUNDCHECK_H

#include "TaintCheckSupport.h"

namespace clang::tidy::sinkguard {

/// Finds integers from untrusted input that bound a loop without an upper
/// bound on every path.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-unchecked-loop-bound.md
class UncheckedLoopBoundCheck : public TaintCheckBase {
public:
  UncheckedLoopBoundCheck(StringRef Name, ClangTidyContext *Context);

private:
  void configure(::sinkguard::engine::TaintOptions &Opts) const override;
  void report(const ::sinkguard::engine::SinkHit &Hit,
              ASTContext &Ctx) override;
};

} // namespace clang::tidy::sinkguard

#endif
