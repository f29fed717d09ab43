//===--- UncheckedIndexCheck.h ----------------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_UNCHECKEDINDEXCHECK_H
#define SINKGUARD_CHECKS_UNCHECKEDINDEXCHECK_H

#include "TaintCheckSupport.h"

namespace clang::tidy::sinkguard {

/// Finds integers from untrusted input used as an array index, pointer offset
/// or container subscript without a bounds check on every path.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-unchecked-index.md
class UncheckedIndexCheck : public RangeCheckBase {
public:
  UncheckedIndexCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(const ::sinkguard::engine::SinkHit &Hit,
              ASTContext &Ctx) override;

  const bool ReportPointerOffsets;
};

} // namespace clang::tidy::sinkguard

#endif
