//===--- UncheckedConversionCheck.h -----------------------------*- C++ -*-===//

#ifndef SINKGUARD_CHECKS_UNCHECKEDCONVERSIONCHECK_H
#define SINKGUARD_CHECKS_UNCHECKEDCONVERSIONCHECK_H

#include "TaintCheckSupport.h"

namespace clang::tidy::sinkguard {

/// Finds untrusted text converted to a number in a way whose failure or
/// overflow goes unnoticed.
///
/// For the user-facing documentation see:
/// docs/checks/sinkguard-unchecked-conversion.md
class UncheckedConversionCheck : public RangeCheckBase {
public:
  UncheckedConversionCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void report(const ::sinkguard::engine::SinkHit &Hit,
              ASTContext &Ctx) override;
  /// strtol and friends: errno and the end pointer checked before the
  /// result is used; true when it reported.
  bool checkStrtol(const CallExpr *Call, StringRef Origin, ASTContext &Ctx);
  /// The scanf family: the result compared with the number of values.
  void checkScanResult(const CallExpr *Call, unsigned FormatArg,
                       StringRef Origin, ASTContext &Ctx);
};

} // namespace clang::tidy::sinkguard

#endif
