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
class UncheckedLoopBoundCheck : public RangeCheckBase {
public:
  UncheckedLoopBoundCheck(StringRef Name, ClangTidyContext *Context);

private:
  void report(const ::sinkguard::engine::SinkHit &Hit,
              ASTContext &Ctx) override;
};

} // namespace clang::tidy::sinkguard

#endif
