//===--- SinkguardMain.cpp - The sinkguard driver for CI ------------------===//
//
// Runs every sinkguard check (and any clang-tidy check named with --checks)
// over the files of a compilation database, through clang-tidy's own engine
// so .clang-tidy files, check options and NOLINT comments behave as they do
// in clang-tidy.
//
// Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
// 3 some translation units could not be analysed.
//
//===----------------------------------------------------------------------===//

#include "../common/ResourceDir.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyForceLinker.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstdint>
#include <iterator>

namespace clang::tidy {
extern volatile int SinkguardModuleAnchorSource;
// NOLINTNEXTLINE(misc-use-internal-linkage)
static int SinkguardModuleAnchorDestination = SinkguardModuleAnchorSource;
} // namespace clang::tidy

namespace {

namespace cl = llvm::cl;

enum ExitCode : std::uint8_t {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitIncomplete = 3,
};

cl::OptionCategory SinkguardCategory("sinkguard options");

const char Overview[] =
    "sinkguard: finds untrusted input reaching shells, indexes and "
    "allocations.\n\n"
    "  sinkguard [scan] -p <build-dir> [paths...]\n\n"
    "Runs every sinkguard check over the files of <build-dir>/"
    "compile_commands.json (or the given paths).\n";

cl::opt<std::string> ExtraChecks(
    "checks",
    cl::desc("Additional clang-tidy checks to run, as a clang-tidy glob "
             "(e.g. 'bugprone-*'). sinkguard's own checks always run unless "
             "disabled here with '-sinkguard-...'."),
    cl::init(""), cl::cat(SinkguardCategory));

cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of header names to report findings in, as "
             "in clang-tidy. Findings in the main files are always shown."),
    cl::init(""), cl::cat(SinkguardCategory));

cl::opt<std::string> Config(
    "config",
    cl::desc("Configuration in YAML or JSON, as clang-tidy's --config: it "
             "takes the place of .clang-tidy files. Example: "
             "--config=\"{CheckOptions: {sinkguard-...: ...}}\""),
    cl::init(""), cl::cat(SinkguardCategory));

cl::opt<bool> Quiet("quiet", cl::desc("Print findings only, no statistics."),
                    cl::init(false), cl::cat(SinkguardCategory));

cl::extrahelp CommonHelp(clang::tooling::CommonOptionsParser::HelpMessage);

/// The database in \p BuildPath itself (no search of parent directories:
/// -p names the build directory), or null after printing why not.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabase(llvm::StringRef BuildPath) {
  if (!llvm::sys::fs::is_directory(BuildPath)) {
    llvm::errs() << "sinkguard: error: build directory '" << BuildPath
                 << "' does not exist\n";
    return nullptr;
  }
  llvm::SmallString<256> Json(BuildPath);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (!llvm::sys::fs::exists(Json)) {
    llvm::errs() << "sinkguard: error: no compile_commands.json in '"
                 << BuildPath
                 << "' (CMake writes one with "
                    "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)\n";
    return nullptr;
  }
  std::string Error;
  auto Db = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Json, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db) {
    llvm::StringRef FirstLine = llvm::StringRef(Error).split('\n').first;
    llvm::errs() << "sinkguard: error: " << Json << ": " << FirstLine << "\n";
    return nullptr;
  }
  return Db;
}

/// \p Path made absolute with `.` and `..` removed, for comparing paths
/// from the command line with those in the database.
std::string normalizedPath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  // Without a current directory a relative path cannot be compared.
  if (llvm::sys::fs::make_absolute(Abs))
    return Path.str();
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

} // namespace

int main(int Argc, const char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  (void)clang::tidy::SinkguardModuleAnchorDestination;

  // `sinkguard scan ...` and `sinkguard ...` are the same command.
  std::vector<const char *> Raw(Argv, Argv + Argc);
  if (Raw.size() > 1 && llvm::StringRef(Raw[1]) == "scan")
    Raw.erase(Raw.begin() + 1);

  std::vector<std::string> Storage;
  std::vector<const char *> Args = sinkguard::withResourceDir(
      static_cast<int>(Raw.size()), Raw.data(),
      "--extra-arg-before=-resource-dir=", "resource-dir", Storage);
  int ArgCount = static_cast<int>(Args.size());

  auto Parsed = clang::tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), SinkguardCategory, cl::ZeroOrMore, Overview);
  if (!Parsed) {
    llvm::errs() << "sinkguard: error: " << llvm::toString(Parsed.takeError())
                 << "\n";
    return ExitUsage;
  }

  // Without paths CommonOptionsParser loads no database: load -p's
  // ourselves and parse again with every file it lists, so that the
  // --extra-arg adjusters apply as usual.
  std::vector<std::string> AllFiles;
  if (Parsed->getSourcePathList().empty()) {
    std::string BuildPath;
    auto &Registered = cl::getRegisteredOptions();
    auto It = Registered.find("p");
    if (It != Registered.end())
      BuildPath = static_cast<cl::opt<std::string> *>(It->second)->getValue();
    if (BuildPath.empty()) {
      llvm::errs() << "sinkguard: error: give the build directory that holds "
                      "compile_commands.json with -p, or paths to analyse\n";
      return ExitUsage;
    }
    std::unique_ptr<clang::tooling::CompilationDatabase> Loaded =
        loadDatabase(BuildPath);
    if (!Loaded)
      return ExitUsage;
    AllFiles = Loaded->getAllFiles();
    if (AllFiles.empty()) {
      llvm::errs() << "sinkguard: error: the compilation database in '"
                   << BuildPath << "' lists no files to analyse\n";
      return ExitUsage;
    }
    auto DashDash = std::find_if(Args.begin(), Args.end(), [](const char *A) {
      return llvm::StringRef(A) == "--";
    });
    size_t At = static_cast<size_t>(DashDash - Args.begin());
    for (const std::string &F : AllFiles)
      Args.insert(Args.begin() + static_cast<std::ptrdiff_t>(At++), F.c_str());
    ArgCount = static_cast<int>(Args.size());
    Parsed = clang::tooling::CommonOptionsParser::create(
        ArgCount, Args.data(), SinkguardCategory, cl::ZeroOrMore, Overview);
    if (!Parsed) {
      llvm::errs() << "sinkguard: error: " << llvm::toString(Parsed.takeError())
                   << "\n";
      return ExitUsage;
    }
  }
  const clang::tooling::CompilationDatabase &Db = Parsed->getCompilations();

  // Paths select files of the database: a file must be listed in it (the
  // tooling library would otherwise guess flags from a neighbour), a
  // directory selects every listed file below it.
  if (AllFiles.empty())
    AllFiles = Db.getAllFiles();
  llvm::StringSet<> Listed;
  for (const std::string &F : AllFiles)
    Listed.insert(normalizedPath(F));
  unsigned Failed = 0;
  std::vector<std::string> Analysable;
  llvm::StringSet<> Seen;
  for (const std::string &Path : Parsed->getSourcePathList()) {
    std::string Norm = normalizedPath(Path);
    if (llvm::sys::fs::is_directory(Norm)) {
      std::string Prefix = Norm + "/";
      size_t Before = Analysable.size();
      for (const std::string &F : AllFiles) {
        std::string NF = normalizedPath(F);
        if (llvm::StringRef(NF).starts_with(Prefix) && Seen.insert(NF).second)
          Analysable.push_back(F);
      }
      if (Analysable.size() == Before) {
        llvm::errs() << "sinkguard: error: " << Path
                     << ": no file of the compilation database is in this "
                        "directory\n";
        return ExitUsage;
      }
      continue;
    }
    // A fixed database (flags after `--`) lists no files: it has a command
    // for every file.
    bool FixedDatabase = AllFiles.empty();
    if (!FixedDatabase && !Listed.contains(Norm)) {
      llvm::errs() << "sinkguard: error: " << Path
                   << ": not in the compilation database; skipped\n";
      ++Failed;
      continue;
    }
    if (Seen.insert(Norm).second)
      Analysable.push_back(Path);
  }

  clang::tidy::ClangTidyOptions Overrides;
  std::string Checks = "sinkguard-*";
  if (!ExtraChecks.empty())
    Checks += "," + ExtraChecks;
  Overrides.Checks = Checks;
  if (!HeaderFilter.empty())
    Overrides.HeaderFilterRegex = HeaderFilter;

  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
  if (Config.getNumOccurrences()) {
    llvm::ErrorOr<clang::tidy::ClangTidyOptions> Parsed =
        clang::tidy::parseConfiguration(
            llvm::MemoryBufferRef(Config, "--config"));
    if (!Parsed) {
      llvm::errs() << "sinkguard: error: invalid --config: "
                   << Parsed.getError().message() << "\n";
      return ExitUsage;
    }
    Provider = std::make_unique<clang::tidy::ConfigOptionsProvider>(
        clang::tidy::ClangTidyGlobalOptions(),
        clang::tidy::ClangTidyOptions::getDefaults(), *Parsed, Overrides,
        BaseFS);
  } else {
    Provider = std::make_unique<clang::tidy::FileOptionsProvider>(
        clang::tidy::ClangTidyGlobalOptions(),
        clang::tidy::ClangTidyOptions::getDefaults(), Overrides, BaseFS);
  }
  clang::tidy::ClangTidyContext Context(std::move(Provider));

  // One file at a time, in the database's order.
  std::vector<clang::tidy::ClangTidyError> Errors;
  for (const std::string &File : Analysable) {
    std::vector<clang::tidy::ClangTidyError> FileErrors =
        clang::tidy::runClangTidy(Context, Db, File, BaseFS,
                                  /*ApplyAnyFix=*/false,
                                  /*EnableCheckProfile=*/false, "",
                                  /*Quiet=*/true);
    std::move(FileErrors.begin(), FileErrors.end(), std::back_inserter(Errors));
  }

  unsigned Findings = 0;
  unsigned CompileErrors = 0;
  for (const auto &E : Errors) {
    if (E.DiagnosticName == "clang-diagnostic-error")
      ++CompileErrors;
    else
      ++Findings;
  }
  unsigned WarningsAsErrors = 0;
  clang::tidy::handleErrors(Errors, Context, clang::tidy::FB_NoFix,
                            WarningsAsErrors, BaseFS);
  if (!Quiet)
    llvm::errs() << "sinkguard: " << Analysable.size() << " file(s) analysed, "
                 << Findings << " finding(s)"
                 << (CompileErrors ? ", " + std::to_string(CompileErrors) +
                                         " compiler error(s)"
                                   : std::string())
                 << "\n";
  if (Failed || CompileErrors)
    return ExitIncomplete;
  return Findings ? ExitFindings : ExitClean;
}
