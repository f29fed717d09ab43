//===--- UncheckedSizeCheck.h -----------------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_UNCHECKEDSIZECHECK_H
#define SINKGUARD_CHECKS_UNCHECKEDSIZECHECK_H

#include "TaintCheckSupport.h"

namespace clang::tidy::sinkguard {

/// Finds integers from untrusted input used as an allocation size or a copy
/// length without an upper bound on every path.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-unchecked-size.md
class UncheckedSizeCheck : public RangeCheckBase {
public:
  UncheckedSizeCheck(StringRef Name, ClangTidyContext *Context);

private:
  void report(const ::sinkguard::engine::SinkHit &Hit,
              ASTContext &Ctx) override;
};

} // namespace clang::tidy::sinkguard

#endif
