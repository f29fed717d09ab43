//===--- TaintCheckSupport.h - What the taint checks share ------*- C++ -*-===//
//
// The checks that drive the taint engine share a base: the same options
// (TrustedSources, ModelFile), one engine per translation unit for all the
// checks that configure it alike, every function definition analysed,
// origins and paths described the same way.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_TAINTCHECKSUPPORT_H
#define SINKGUARD_CHECKS_TAINTCHECKSUPPORT_H

#include "clang-tidy/ClangTidyCheck.h"
#include "engine/Taint.h"
#include "model/Model.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class SourceManager;
} // namespace clang

namespace sinkguard::engine {
class FunctionBodies;
} // namespace sinkguard::engine

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

/// \p E as written, `n` or `hdr.count + 1` (a macro argument as the user
/// wrote it, a macro body as its expansion); long expressions are cut;
/// \p Fallback when there is no text or no \p E (a sink in another file).
std::string spelledAs(const Expr *E, ASTContext &Ctx, llvm::StringRef Fallback);

/// The model and taint engine of the translation unit being checked, and the
/// hits found per function. Checks whose engine options are the same (the
/// range checks) share one, so a file is analysed once for all of them.
class SharedEngine {
public:
  /// The engine for the checks of \p Context whose options are \p Opts
  /// and \p ModelFile; made on first use, kept while a check holds it.
  static std::shared_ptr<SharedEngine>
  get(const ClangTidyContext *Context, llvm::StringRef ModelFile,
      llvm::StringRef SummaryStore,
      const ::sinkguard::engine::TaintOptions &Opts);

  /// The hits of \p Fn (and, through summaries, of what it calls that were
  /// not found before), analysed once; model-file problems are passed to
  /// \p ReportModelError when the engine is made.
  const std::vector<::sinkguard::engine::SinkHit> &
  hitsFor(const FunctionDecl *Fn, ASTContext &Ctx,
          llvm::function_ref<void(llvm::StringRef)> ReportModelError);
  /// The hits a second round over the unit's functions finds that the
  /// first did not (one file at a time: a global read by a function
  /// defined before those that store in it), found once per unit.
  const std::vector<::sinkguard::engine::SinkHit> &lateHits();
  /// \p Check is done with the unit: once every check is, the engine and
  /// the hits are dropped.
  void finishUnit(class TaintCheckBase *Check);
  /// The unit being analysed, if any.
  const ASTContext *context() const { return Context; }
  /// Drops the engine and the hits at the end of a translation unit.
  void reset();
  /// A check that reports this engine's hits: it renders the findings the
  /// link phase may report.
  void addUser(class TaintCheckBase *Check);
  void removeUser(class TaintCheckBase *Check);
  /// Hands the unit's facts to the thread's collector (engine/Facts.h),
  /// once per unit; a no-op without a collector.
  void exportFacts();

  SharedEngine(const ClangTidyContext *Tidy, std::string ModelFile,
               std::string SummaryStore, ::sinkguard::engine::TaintOptions Opts)
      : Tidy(Tidy), ModelFile(std::move(ModelFile)),
        SummaryStore(std::move(SummaryStore)), Opts(std::move(Opts)) {}

private:
  /// The configuration key of the engine's facts and linked summaries.
  std::string configurationKey() const;

  const ClangTidyContext *Tidy;
  const std::string ModelFile;
  /// The SummaryStore option: empty to look next to the compile database,
  /// "none" for no store.
  const std::string SummaryStore;
  const ::sinkguard::engine::TaintOptions Opts;
  std::unique_ptr<::sinkguard::model::Model> Model;
  std::unique_ptr<::sinkguard::engine::TaintEngine> Engine;
  const ASTContext *Context = nullptr;
  llvm::DenseMap<const FunctionDecl *,
                 std::vector<::sinkguard::engine::SinkHit>>
      Hits;
  std::vector<class TaintCheckBase *> Users;
  /// The functions analysed, in order (lateHits() goes over them again).
  std::vector<const FunctionDecl *> Order;
  std::vector<::sinkguard::engine::SinkHit> Late;
  bool LateDone = false;
  bool Exported = false;
  /// The users done with the unit (finishUnit).
  std::vector<class TaintCheckBase *> Finished;
};

/// A check that runs the taint engine over every function definition and
/// reports the hits it cares about.
class TaintCheckBase : public ClangTidyCheck {
public:
  TaintCheckBase(StringRef Name, ClangTidyContext *Context);
  ~TaintCheckBase() override;
  /// The findings this check would report for \p Hit, whose path starts at
  /// a parameter or at something only the link phase can judge: JSON
  /// objects {check, message, at, ranges, function}, with OriginPlaceholder
  /// in the message where the origin's description goes, and the function
  /// of the place (\p Bodies are the unit's).
  llvm::json::Array describe(const ::sinkguard::engine::SinkHit &Hit,
                             ASTContext &Ctx,
                             const ::sinkguard::engine::FunctionBodies &Bodies);
  StringRef checkName() const { return getID(); }
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
  /// Whether the user declared data of category \p K trusted.
  bool trusts(::sinkguard::model::SourceKind K) const {
    return llvm::is_contained(Trusted, K);
  }
  /// A note at each step of the hit's path, origin first.
  void notePath(const ::sinkguard::engine::SinkHit &Hit);
  /// A finding or one of its notes: ClangTidyCheck::diag, except while
  /// describe() runs: then the diagnostic is captured rather than reported.
  DiagnosticBuilder
  finding(SourceLocation Loc, StringRef Description,
          DiagnosticIDs::Level Level = DiagnosticIDs::Warning);

private:
  struct Capture;
  std::unique_ptr<Capture> Capturing;
  bool InDescribe = false;
  const ClangTidyContext *TidyContext;
  const std::string TrustedSources;
  const std::string ModelFile;
  const std::string SummaryStore;
  llvm::SmallVector<::sinkguard::model::SourceKind, 2> Trusted;
  /// Model-file problems already reported, so each is said once.
  llvm::StringSet<> ReportedModelErrors;
  std::shared_ptr<SharedEngine> Engine;
};

/// A check about integer ranges (index, size, loop bound, conversion): the
/// engine runs with ranges on, and the CountAsserts option says whether an
/// `assert` compiled into the code counts as a check. The range checks
/// configure the engine alike, so they share it.
class RangeCheckBase : public TaintCheckBase {
public:
  RangeCheckBase(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void configure(::sinkguard::engine::TaintOptions &Opts) const override;
  /// Reports \p Hit when its use is in a function defined in another file
  /// (IndexUse::InCallee), which uses the argument as \p Use ("an index");
  /// false for a use in this file.
  bool reportInCallee(const ::sinkguard::engine::SinkHit &Hit, ASTContext &Ctx,
                      llvm::StringRef Use);
  /// Adds a note at \p At when the finding relies on something weak: the
  /// value is a field of a structure the system fills in (a cmsghdr's
  /// cmsg_len), or the buffer's size is not known here.
  void noteCertainty(const ::sinkguard::engine::SinkHit &Hit, ASTContext &Ctx,
                     SourceLocation At);

private:
  const bool CountAsserts;
};

} // namespace clang::tidy::sinkguard

#endif
