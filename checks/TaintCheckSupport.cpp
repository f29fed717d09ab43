//===--- TaintCheckSupport.cpp --------------------------------------------===//

#include "TaintCheckSupport.h"
#include "CheckMetadata.h"
#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "engine/Facts.h"
#include "engine/FunctionNames.h"
#include "model/ModelLoading.h"
#include "store/SummaryLoading.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>
#include <optional>

using namespace clang::ast_matchers;
namespace engine = ::sinkguard::engine;
namespace model = ::sinkguard::model;
namespace store = ::sinkguard::store;

namespace clang::tidy::sinkguard {

/// Each check's id and Engine, from Checks.def (the check metadata library
/// is not linked into the plugin).
static constexpr std::pair<llvm::StringLiteral, ::sinkguard::CheckEngine>
    CheckEngines[] = {
#define SINKGUARD_CHECK(Id, Class, Header, Summary, Cwes, Asvs, Severity,      \
                        Precision, Level, Engine)                              \
  {Id, ::sinkguard::CheckEngine::Engine},
#include "Checks.def"
};

static std::optional<model::SourceKind> sourceKindNamed(StringRef Name) {
  return llvm::StringSwitch<std::optional<model::SourceKind>>(Name.trim())
      .Case("command-line", model::SourceKind::CommandLine)
      .Case("environment", model::SourceKind::Environment)
      .Case("stdin", model::SourceKind::Stdin)
      .Case("file", model::SourceKind::File)
      .Case("network", model::SourceKind::Network)
      .Default(std::nullopt);
}

llvm::SmallVector<model::SourceKind, 2>
parseTrustedSources(StringRef Value,
                    llvm::function_ref<void(StringRef)> ReportUnknown) {
  llvm::SmallVector<model::SourceKind, 2> Kinds;
  for (StringRef Item : utils::options::parseStringList(Value)) {
    if (Item.trim().empty())
      continue;
    if (std::optional<model::SourceKind> K = sourceKindNamed(Item))
      Kinds.push_back(*K);
    else
      ReportUnknown(Item.trim());
  }
  return Kinds;
}

std::string describeOrigin(const engine::Origin &O, SourceLocation At,
                           const SourceManager &SM) {
  // Known only to the link phase, which puts the source's description here.
  if (O.K != engine::Origin::Source)
    return ::sinkguard::engine::OriginPlaceholder.str();
  std::string Text =
      O.ByCall ? "read by '" + O.What + "'" : "from '" + O.What + "'";
  SourceLocation Loc = SM.getExpansionLoc(O.Loc);
  if (Loc.isInvalid())
    return Text;
  PresumedLoc P = SM.getPresumedLoc(Loc);
  if (P.isInvalid())
    return Text;
  if (SM.getFileID(Loc) == SM.getFileID(SM.getExpansionLoc(At)))
    return Text + " at line " + std::to_string(P.getLine());
  return Text + " at " + llvm::sys::path::filename(P.getFilename()).str() +
         ":" + std::to_string(P.getLine());
}

std::string spelledAs(const Expr *E, ASTContext &Ctx, StringRef Fallback) {
  // A sink the link phase found in another file has no expression here.
  if (!E)
    return Fallback.str();
  const SourceManager &SM = Ctx.getSourceManager();
  // A macro argument as the user wrote it; a macro body as its expansion.
  SourceRange R = E->IgnoreParenImpCasts()->getSourceRange();
  CharSourceRange Range = CharSourceRange::getTokenRange(
      SM.getFileLoc(R.getBegin()), SM.getFileLoc(R.getEnd()));
  std::string Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).trim().str();
  if (Text.empty()) {
    Text = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                    SM.getExpansionRange(R).getAsRange()),
                                SM, Ctx.getLangOpts())
               .trim()
               .str();
  }
  if (Text.empty())
    return Fallback.str();
  if (Text.size() > 40)
    Text = Text.substr(0, 37) + "...";
  return Text;
}

/// The main file of \p SM as an absolute path (as its file manager resolves
/// it); empty without one.
static std::string absoluteMainFile(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return "";
  llvm::SmallString<256> Path(Main->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  return std::string(Path);
}

std::shared_ptr<SharedEngine>
SharedEngine::get(const ClangTidyContext *Context, StringRef ModelFile,
                  StringRef SummaryStore, const engine::TaintOptions &Opts) {
  // One engine per clang-tidy run (a driver task, a clangd build) and
  // configuration; checks of other runs on other threads have their own.
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << static_cast<const void *>(Context) << '|' << Opts.RangeChecks
     << Opts.ReportExecArguments << Opts.CountAsserts << '|';
  llvm::SmallVector<model::SourceKind, 2> Trusted = Opts.Trusted;
  llvm::sort(Trusted);
  for (model::SourceKind K : Trusted)
    OS << static_cast<int>(K) << ',';
  OS << '|' << ModelFile << '|' << SummaryStore;
  static std::mutex Lock;
  static llvm::StringMap<std::weak_ptr<SharedEngine>> Engines;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Engines.begin(); It != Engines.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      Engines.erase(It);
    It = Next;
  }
  std::weak_ptr<SharedEngine> &Slot = Engines[Key];
  std::shared_ptr<SharedEngine> Shared = Slot.lock();
  if (!Shared) {
    Shared = std::make_shared<SharedEngine>(Context, ModelFile.str(),
                                            SummaryStore.str(), Opts);
    Slot = Shared;
  }
  return Shared;
}

const std::vector<engine::SinkHit> &
SharedEngine::hitsFor(const FunctionDecl *Fn, ASTContext &Ctx,
                      llvm::function_ref<void(StringRef)> ReportModelError) {
  if (!Engine || Context != &Ctx) {
    reset();
    Model = ::sinkguard::modelForTranslationUnit(
        ModelFile, Ctx.getSourceManager(), [&](StringRef Problem) {
          ReportModelError(("model file ignored: " + Problem).str());
        });
    engine::TaintOptions EngineOpts = Opts;
    // A host that links the program collects facts on this thread; one that
    // checks a file at a time reads what the last scan linked.
    EngineOpts.WholeProgram = engine::currentFactsCollector() != nullptr;
    if (!EngineOpts.WholeProgram && SummaryStore != "none") {
      std::string Path = SummaryStore;
      if (Path.empty())
        Path = store::discoverSummaryStore(
            Tidy ? Tidy->getCurrentBuildDirectory() : std::string(),
            absoluteMainFile(Ctx.getSourceManager()));
      std::string Problem;
      EngineOpts.Linked = store::loadLinkedProgram(
          Path, configurationKey(),
          /*MustExist=*/!SummaryStore.empty(), Problem);
      if (!Problem.empty())
        ReportModelError(Problem);
    }
    Engine = std::make_unique<engine::TaintEngine>(*Model, Ctx, EngineOpts);
    Context = &Ctx;
  }
  auto [It, New] = Hits.try_emplace(Fn);
  if (New) {
    It->second = Engine->analyze(Fn);
    Order.push_back(Fn);
  }
  return It->second;
}

const std::vector<engine::SinkHit> &SharedEngine::lateHits() {
  if (LateDone || !Engine)
    return Late;
  LateDone = true;
  // A function that read a global before the functions that store
  // untrusted data there were analysed missed it: once more, with what is
  // known now (twice for a global stored from another global).
  for (int Round = 0; Round < 2; ++Round) {
    std::vector<const FunctionDecl *> Stale = Engine->staleReaders(Order);
    if (Stale.empty())
      break;
    Engine->restartUnit();
    for (const FunctionDecl *Fn : Stale)
      for (const engine::SinkHit &Hit : Engine->analyze(Fn))
        Late.push_back(Hit);
  }
  return Late;
}

void SharedEngine::finishUnit(TaintCheckBase *Check) {
  if (!llvm::is_contained(Finished, Check))
    Finished.push_back(Check);
  if (llvm::all_of(Users, [&](TaintCheckBase *User) {
        return llvm::is_contained(Finished, User);
      }))
    reset();
}

void SharedEngine::addUser(TaintCheckBase *Check) {
  if (!llvm::is_contained(Users, Check))
    Users.push_back(Check);
}

void SharedEngine::removeUser(TaintCheckBase *Check) {
  llvm::erase(Users, Check);
}

void SharedEngine::exportFacts() {
  engine::FactsCollector *Collector = engine::currentFactsCollector();
  if (!Collector || !Engine || !Context || Exported)
    return;
  Exported = true;
  ASTContext &Ctx = const_cast<ASTContext &>(*Context);
  const SourceManager &SM = Ctx.getSourceManager();
  // The files the unit read, for the summary store's key.
  std::vector<std::string> Inputs;
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    Inputs.push_back(Main->getName().str());
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    llvm::StringRef Name = It->first.getName();
    if (Inputs.empty() || Name != Inputs.front())
      Inputs.push_back(Name.str());
  }
  if (Inputs.size() > 1)
    std::sort(Inputs.begin() + 1, Inputs.end());
  Collector->inputs(std::move(Inputs));
  // The function of each finding, for reports of the link (found once).
  std::optional<engine::FunctionBodies> Bodies;
  llvm::json::Object Facts = Engine->facts([&](const engine::SinkHit &Hit) {
    if (!Bodies)
      Bodies.emplace(Ctx);
    llvm::json::Array All;
    for (TaintCheckBase *User : Users)
      for (llvm::json::Value &V : User->describe(Hit, Ctx, *Bodies))
        All.push_back(std::move(V));
    return All;
  });
  Facts["version"] = engine::FactsFormatVersion;
  std::string Key = configurationKey();
  llvm::json::Array Checks;
  for (TaintCheckBase *User : Users)
    Checks.push_back(User->checkName().str());
  Facts["configuration"] = Key;
  Facts["checks"] = std::move(Checks);
  Collector->facts(std::move(Facts));
}

std::string SharedEngine::configurationKey() const {
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << Opts.RangeChecks << Opts.ReportExecArguments << Opts.CountAsserts << '|'
     << ModelFile;
  return Key;
}

void SharedEngine::reset() {
  Hits.clear();
  Order.clear();
  Late.clear();
  LateDone = false;
  Exported = false;
  Finished.clear();
  Engine.reset();
  Model.reset();
  Context = nullptr;
}

TaintCheckBase::TaintCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      TrustedSources(Options.get("TrustedSources", "")),
      ModelFile(Options.get("ModelFile", "")),
      SummaryStore(Options.get("SummaryStore", "")) {
  Trusted = parseTrustedSources(TrustedSources, [&](StringRef Item) {
    configurationDiag("invalid value '%0' in %1.TrustedSources; expected "
                      "command-line, environment, stdin, file or network")
        << Item << Name;
  });
}

void TaintCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TrustedSources", TrustedSources);
  Options.store(Opts, "ModelFile", ModelFile);
  Options.store(Opts, "SummaryStore", SummaryStore);
}

void TaintCheckBase::registerMatchers(MatchFinder *Finder) {
  // Every function definition outside system headers; callees are
  // summarised on demand.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("fn"),
                     this);
}

void TaintCheckBase::check(const MatchFinder::MatchResult &Result) {
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Fn || Fn->isDependentContext() || Fn->isInvalidDecl())
    return;
  ASTContext &Ctx = *Result.Context;
  if (!Engine) {
    engine::TaintOptions Opts;
    Opts.Trusted = Trusted;
    configure(Opts);
    // When a range check runs too, its engine (ranges on) finds the same
    // paths to shells: one analysis of the file serves both.
    if (!Opts.RangeChecks) {
      Opts.RangeChecks = llvm::any_of(CheckEngines, [&](const auto &Check) {
        return Check.second == ::sinkguard::CheckEngine::Range &&
               TidyContext->isCheckEnabled(Check.first);
      });
    }
    Engine = SharedEngine::get(TidyContext, ModelFile, SummaryStore, Opts);
    Engine->addUser(this);
  }
  for (const engine::SinkHit &Hit :
       Engine->hitsFor(Fn, Ctx, [&](StringRef Problem) {
         if (ReportedModelErrors.insert(Problem).second)
           configurationDiag("%0") << Problem;
       }))
    report(Hit, Ctx);
}

void TaintCheckBase::onEndOfTranslationUnit() {
  if (!Engine)
    return;
  if (const ASTContext *Ctx = Engine->context())
    for (const engine::SinkHit &Hit : Engine->lateHits())
      report(Hit, const_cast<ASTContext &>(*Ctx));
  Engine->exportFacts();
  Engine->finishUnit(this);
}

TaintCheckBase::~TaintCheckBase() {
  if (Engine)
    Engine->removeUser(this);
}

/// Receives the diagnostics of a check while it describes a hit.
struct TaintCheckBase::Capture : public DiagnosticConsumer {
  struct Captured {
    DiagnosticsEngine::Level Level;
    SourceLocation Loc;
    std::string Message;
    llvm::SmallVector<CharSourceRange, 2> Ranges;
    /// A NOLINT comment at the place silences the check there.
    bool Suppressed = false;
  };

  explicit Capture(StringRef CheckName)
      : CheckName(CheckName.str()),
        Engine(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), Options, this,
               /*ShouldOwnClient=*/false) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    Captured C{Level, Info.getLocation(), std::string(Text), {}};
    // The link reports a finding where this unit's sink is, and the editor
    // where the call is: a NOLINT, NOLINTNEXTLINE or NOLINTBEGIN/END at the
    // sink, as clang-tidy reads them, must hold for both.
    llvm::SmallVector<tooling::Diagnostic, 1> NoLintErrors;
    C.Suppressed = Level == DiagnosticsEngine::Warning &&
                   NoLint.shouldSuppress(Level, Info, CheckName, NoLintErrors,
                                         /*AllowIO=*/true,
                                         /*EnableNoLintBlocks=*/true);
    for (const CharSourceRange &R : Info.getRanges())
      C.Ranges.push_back(R);
    Seen.push_back(std::move(C));
  }

  const std::string CheckName;
  NoLintDirectiveHandler NoLint;
  DiagnosticOptions Options;
  DiagnosticsEngine Engine;
  std::vector<Captured> Seen;
};

DiagnosticBuilder TaintCheckBase::finding(SourceLocation Loc,
                                          StringRef Description,
                                          DiagnosticIDs::Level Level) {
  if (!InDescribe)
    return ClangTidyCheck::diag(Loc, Description, Level);
  DiagnosticsEngine &DE = Capturing->Engine;
  unsigned ID = DE.getDiagnosticIDs()->getCustomDiagID(Level, Description);
  return DE.Report(Loc, ID);
}

llvm::json::Array
TaintCheckBase::describe(const engine::SinkHit &Hit, ASTContext &Ctx,
                         const engine::FunctionBodies &Bodies) {
  if (!Capturing)
    Capturing = std::make_unique<Capture>(getID());
  Capturing->Engine.setSourceManager(&Ctx.getSourceManager());
  Capturing->Seen.clear();
  InDescribe = true;
  report(Hit, Ctx);
  InDescribe = false;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::json::Array Out;
  for (const Capture::Captured &C : Capturing->Seen) {
    if (C.Level == DiagnosticsEngine::Note || C.Suppressed)
      continue;
    llvm::json::Array Ranges;
    for (const CharSourceRange &R : C.Ranges) {
      CharSourceRange File = Lexer::makeFileCharRange(R, SM, getLangOpts());
      if (File.isInvalid())
        continue;
      auto [FID, Begin] = SM.getDecomposedLoc(File.getBegin());
      auto [EndFID, End] = SM.getDecomposedLoc(File.getEnd());
      if (FID != EndFID || End < Begin)
        continue;
      Ranges.push_back(llvm::json::Array{Begin, End - Begin});
    }
    Out.push_back(
        llvm::json::Object{{"check", getID().str()},
                           {"message", C.Message},
                           {"at", ::sinkguard::engine::factsPlace(Ctx, C.Loc)},
                           {"ranges", std::move(Ranges)},
                           {"function", Bodies.nameAt(C.Loc).str()}});
  }
  Capturing->Seen.clear();
  return Out;
}

void TaintCheckBase::notePath(const engine::SinkHit &Hit) {
  for (const engine::Step *S : engine::pathTo(Hit.Path))
    if (S->Loc.isValid())
      finding(S->Loc, S->Message, DiagnosticIDs::Note);
}

RangeCheckBase::RangeCheckBase(StringRef Name, ClangTidyContext *Context)
    : TaintCheckBase(Name, Context),
      CountAsserts(Options.get("CountAsserts", true)) {}

void RangeCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TaintCheckBase::storeOptions(Opts);
  Options.store(Opts, "CountAsserts", CountAsserts);
}

bool RangeCheckBase::reportInCallee(const engine::SinkHit &Hit, ASTContext &Ctx,
                                    StringRef Use) {
  if (!Hit.Indexing.InCallee || !Hit.Sink)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At =
      SM.getFileLoc(Hit.Arg->IgnoreParenImpCasts()->getBeginLoc());
  finding(At, "'%0' %1 is passed to '%2', which uses it as %3 with no upper "
              "bound")
      << spelledAs(Hit.Arg, Ctx, "the argument")
      << describeOrigin(*Hit.Path->Root, At, SM) << Hit.Sink->getName() << Use
      << Hit.Arg->getSourceRange();
  notePath(Hit);
  return true;
}

namespace {

/// A field of a structure declared in a system header that \p E reads
/// (`cmsg->cmsg_len`, `hdr.nlmsg_len`), if any.
const FieldDecl *systemField(const Stmt *E, const SourceManager &SM) {
  if (!E)
    return nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (SM.isInSystemHeader(F->getLocation()))
        return F;
  for (const Stmt *Child : E->children())
    if (const FieldDecl *F = systemField(Child, SM))
      return F;
  return nullptr;
}

} // namespace

void RangeCheckBase::noteCertainty(const engine::SinkHit &Hit, ASTContext &Ctx,
                                   SourceLocation At) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (const FieldDecl *F = systemField(Hit.Arg, SM)) {
    finding(At,
            (::sinkguard::LessCertainNote +
             "'%0' is a field of '%1', which the system "
             "fills in")
                .str(),
            DiagnosticIDs::Note)
        << F->getName() << F->getParent()->getName();
    return;
  }
  const engine::IndexUse &U = Hit.Indexing;
  if (!U.Base || U.Extent || U.Problem != engine::IndexProblem::NoUpperBound ||
      !U.Base->IgnoreParenImpCasts()->getType()->isPointerType())
    return;
  finding(At,
          (::sinkguard::LessCertainNote + "the size of '%0' is not known here")
              .str(),
          DiagnosticIDs::Note)
      << spelledAs(U.Base, Ctx, "the buffer");
}

void RangeCheckBase::configure(engine::TaintOptions &Opts) const {
  Opts.RangeChecks = true;
  Opts.CountAsserts = CountAsserts;
}

} // namespace clang::tidy::sinkguard
