//===--- CheckSelection.cpp -----------------------------------------------===//

#include "CheckSelection.h"
#include "../common/CodeLoadingFlags.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SourceMgr.h"

namespace sinkguard::driver {

namespace {

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message.str());
}

/// Every check this binary can run: those of the linked clang-tidy modules
/// (sinkguard's among them) and the Static Analyzer's.
llvm::StringSet<> knownChecks() {
  llvm::StringSet<> Names;
  clang::tidy::ClangTidyCheckFactories Factories;
  for (const clang::tidy::ClangTidyModuleRegistry::entry &Module :
       clang::tidy::ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  for (const auto &Factory : Factories)
    Names.insert(Factory.getKey());
  for (llvm::StringRef Checker :
       clang::AnalyzerOptions::getRegisteredCheckers())
    Names.insert(("clang-analyzer-" + Checker).str());
  return Names;
}

llvm::StringRef closest(llvm::StringRef Name, const llvm::StringSet<> &Names) {
  unsigned Best = 4;
  llvm::StringRef Closest;
  for (const auto &Entry : Names) {
    unsigned Distance = Name.edit_distance(Entry.getKey(), true, Best);
    if (Distance < Best) {
      Best = Distance;
      Closest = Entry.getKey();
    }
  }
  return Closest;
}

/// Fails on the first item of \p Glob that names no known check.
llvm::Error verifyChecks(llvm::StringRef Glob, llvm::StringRef Source) {
  static const llvm::StringSet<> Known = knownChecks();
  clang::tidy::GlobList Globs(Glob);
  for (const auto &Item : Globs.getItems()) {
    // Compiler warnings are checks of every name Clang has.
    if (Item.Text.starts_with("clang-diagnostic"))
      continue;
    bool Matches = llvm::any_of(
        Known.keys(), [&](llvm::StringRef K) { return Item.Regex.match(K); });
    if (Matches)
      continue;
    if (Item.Text.contains('*'))
      return failure(Source + ": '" + Item.Text + "' matches no check");
    std::string Message =
        (Source + ": unknown check '" + Item.Text + "'").str();
    llvm::StringRef Suggestion = closest(Item.Text, Known);
    if (!Suggestion.empty())
      Message += ("; did you mean '" + Suggestion + "'?").str();
    return failure(Message);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<TidySettings> tidySettings(const ScanOptions &Options) {
  TidySettings S;
  S.AllowCompilerPlugins = Options.AllowCompilerPlugins;
  std::string Checks = "sinkguard-*";
  if (!Options.Checks.empty()) {
    if (llvm::Error E = verifyChecks(Options.Checks, "--checks"))
      return std::move(E);
    Checks += "," + Options.Checks;
  }
  S.Overrides.Checks = Checks;
  if (!Options.HeaderFilter.empty())
    S.Overrides.HeaderFilterRegex = Options.HeaderFilter;
  if (Options.Config) {
    // The YAML parser's complaint, as one line instead of a snippet.
    std::string Why;
    llvm::ErrorOr<clang::tidy::ClangTidyOptions> Parsed =
        clang::tidy::parseConfigurationWithDiags(
            llvm::MemoryBufferRef(*Options.Config, "--config"),
            [&](const llvm::SMDiagnostic &D) {
              if (Why.empty())
                Why = (llvm::Twine(D.getLineNo()) + ":" +
                       llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                          .str();
            });
    if (!Parsed)
      return failure("invalid --config: " +
                     (Why.empty() ? Parsed.getError().message() : Why));
    if (const std::optional<std::string> &ConfigChecks = Parsed->Checks)
      if (llvm::Error E = verifyChecks(*ConfigChecks, "--config"))
        return std::move(E);
    S.Config = std::move(*Parsed);
  }
  return S;
}

namespace {

/// \p Base's options without the code-loading flags in their extra
/// arguments.
class WithoutCodeLoadingArgs : public clang::tidy::ClangTidyOptionsProvider {
public:
  WithoutCodeLoadingArgs(
      std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Base,
      std::vector<std::string> &Dropped)
      : Base(std::move(Base)), Dropped(Dropped) {}

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Base->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources = Base->getRawOptions(FileName);
    for (OptionsSource &Source : Sources) {
      clean(Source.first.ExtraArgs);
      clean(Source.first.ExtraArgsBefore);
    }
    return Sources;
  }

private:
  void clean(std::optional<std::vector<std::string>> &Args) {
    if (!Args)
      return;
    // withoutCodeLoadingFlags reads a command line: argv[0] first.
    std::vector<std::string> Command = {""};
    Command.insert(Command.end(), Args->begin(), Args->end());
    Command = withoutCodeLoadingFlags(Command, Dropped);
    Args->assign(Command.begin() + 1, Command.end());
  }

  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Base;
  std::vector<std::string> &Dropped;
};

std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeTrustedOptionsProvider(const TidySettings &Settings,
                           llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  // clang-tidy's defaults enable clang-diagnostic-* and clang-analyzer-*;
  // the driver runs what the project's files and the command line name, and
  // sinkguard's checks.
  clang::tidy::ClangTidyOptions Defaults =
      clang::tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*";
  if (Settings.Config)
    return std::make_unique<clang::tidy::ConfigOptionsProvider>(
        clang::tidy::ClangTidyGlobalOptions(), Defaults, *Settings.Config,
        Settings.Overrides, std::move(FS));
  return std::make_unique<clang::tidy::FileOptionsProvider>(
      clang::tidy::ClangTidyGlobalOptions(), Defaults, Settings.Overrides,
      std::move(FS));
}

} // namespace

std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const TidySettings &Settings,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                    std::vector<std::string> *Dropped) {
  auto Provider = makeTrustedOptionsProvider(Settings, std::move(FS));
  if (!Dropped)
    return Provider;
  return std::make_unique<WithoutCodeLoadingArgs>(std::move(Provider),
                                                  *Dropped);
}

} // namespace sinkguard::driver
