//===--- TaintCheckSupport.h - What the taint checks share ------*- C++ -*-===//
//
// The checks that drive the taint engine share a base: the same options
// (TrustedSources, ModelFile), one engine per translation unit, every
// function definition analysed, origins and paths described the same way.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_TAINTCHECKSUPPORT_H
#define SINKGUARD_CHECKS_TAINTCHECKSUPPORT_H

#include "clang-tidy/ClangTidyCheck.h"
#include "engine/Taint.h"
#include "model/Model.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>

namespace clang {
class ASTContext;
class SourceManager;
} // namespace clang

namespace clang::tidy::sinkguard {

/// The source categories named in a TrustedSources option value (`;`- or
/// `,`-separated); each unknown name is passed to \p ReportUnknown.
llvm::SmallVector<::sinkguard::model::SourceKind, 2>
parseTrustedSources(llvm::StringRef Value,
                    llvm::function_ref<void(llvm::StringRef)> ReportUnknown);

/// "read by 'fgets' at line 12", "from 'argv' at line 3"; the file is named
/// when it is not the one of \p At.
std::string describeOrigin(const ::sinkguard::engine::Origin &O,
                           SourceLocation At, const SourceManager &SM);

/// The model and taint engine of the translation unit being checked.
class TranslationUnitEngine {
public:
  /// The engine for \p Ctx, made on first use with the model that
  /// \p ModelFile (or the project's .sinkguard.yaml) gives; model-file
  /// problems are passed to \p ReportModelError.
  ::sinkguard::engine::TaintEngine &
  get(ASTContext &Ctx, llvm::StringRef ModelFile,
      const ::sinkguard::engine::TaintOptions &Opts,
      llvm::function_ref<void(llvm::StringRef)> ReportModelError);
  /// Drops the engine at the end of a translation unit.
  void reset();

private:
  std::unique_ptr<::sinkguard::model::Model> Model;
  std::unique_ptr<::sinkguard::engine::TaintEngine> Engine;
  const ASTContext *Context = nullptr;
};

/// A check that runs the taint engine over every function definition and
/// reports the hits it cares about.
class TaintCheckBase : public ClangTidyCheck {
public:
  TaintCheckBase(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  /// This check's engine options; TrustedSources is already set.
  virtual void configure(::sinkguard::engine::TaintOptions &Opts) const = 0;
  /// Reports \p Hit, or ignores a kind of hit the check is not about.
  virtual void report(const ::sinkguard::engine::SinkHit &Hit,
                      ASTContext &Ctx) = 0;
  /// A note at each step of the hit's path, origin first.
  void notePath(const ::sinkguard::engine::SinkHit &Hit);

private:
  const std::string TrustedSources;
  const std::string ModelFile;
  llvm::SmallVector<::sinkguard::model::SourceKind, 2> Trusted;
  /// Model-file problems already reported, so each is said once.
  llvm::StringSet<> ReportedModelErrors;
  TranslationUnitEngine TUEngine;
};

} // namespace clang::tidy::sinkguard

#endif
