//===--- Options.cpp ------------------------------------------------------===//

#include "Options.h"
#include "SarifWriter.h"
#include "clang/Basic/Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory ScanCategory("sinkguard scan options");
cl::OptionCategory OutputCategory("sinkguard output options");
cl::OptionCategory LinkCategory("sinkguard link options");
cl::SubCommand MergeCommand("merge",
                            "Merge SARIF logs (e.g. of CI shards) into one "
                            "run: sinkguard merge a.sarif b.sarif -o "
                            "all.sarif");
cl::SubCommand LinkCommand("link",
                           "Rebuild the whole-program report from the "
                           "summary stores of scans (e.g. of CI shards): "
                           "sinkguard link cache-1 cache-2 -o all.sarif");

const char Overview[] =
    "sinkguard: finds untrusted input reaching shells, indexes and "
    "allocations.\n\n"
    "  sinkguard [scan] -p <build-dir> [paths...]\n"
    "  sinkguard merge <a.sarif> <b.sarif>... -o <all.sarif>\n"
    "  sinkguard link <cache-dir>... -o <all.sarif>\n\n"
    "Runs every sinkguard check over the files of <build-dir>/"
    "compile_commands.json (or the given files and directories of it).\n"
    "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or "
    "configuration error, 3 some files could not be analysed.\n";

cl::opt<std::string> BuildPath("p",
                               cl::desc("Build directory that holds "
                                        "compile_commands.json"),
                               cl::value_desc("build-dir"),
                               cl::cat(ScanCategory));

cl::list<std::string> Paths(cl::Positional,
                            cl::desc("[<file or directory> ...]"),
                            cl::cat(ScanCategory));

cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Additional argument to append to the compiler "
                       "command line"),
              cl::cat(ScanCategory));

cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Additional argument to prepend to the compiler "
                             "command line"),
                    cl::cat(ScanCategory));

cl::opt<std::string> Checks(
    "checks",
    cl::desc("Additional clang-tidy checks to run, as a clang-tidy glob "
             "(e.g. 'bugprone-*'). sinkguard's own checks always run unless "
             "disabled here with '-sinkguard-...'."),
    cl::init(""), cl::cat(ScanCategory));

cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of header names to report findings in, as "
             "in clang-tidy. Findings in the main files are always shown."),
    cl::init(""), cl::cat(ScanCategory));

cl::opt<std::string> Config(
    "config",
    cl::desc("Configuration in YAML or JSON, as clang-tidy's --config: it "
             "takes the place of .clang-tidy files. Example: "
             "--config=\"{CheckOptions: {sinkguard-...: ...}}\""),
    cl::init(""), cl::cat(ScanCategory));

cl::opt<unsigned>
    Jobs("j",
         cl::desc("Translation units analysed at the same time (default: "
                  "the number of cores)"),
         cl::value_desc("N"), cl::Prefix, cl::cat(ScanCategory));

cl::opt<std::string>
    Shard("shard",
          cl::desc("Analyse only slice K of N of the selected files, for CI "
                   "matrices; the slices of 1/N..N/N are disjoint and "
                   "together are all files"),
          cl::value_desc("K/N"), cl::cat(ScanCategory));

cl::opt<bool> Quiet("quiet",
                    cl::desc("Print findings only: no progress, no summary."),
                    cl::init(false), cl::cat(ScanCategory));

cl::opt<std::string>
    Format("format",
           cl::desc("Output format: text (default), sarif, json or "
                    "gitlab-codequality (GitLab's Code Quality report) or "
                    "html (one self-contained page)"),
           cl::value_desc("text|sarif|json|gitlab-codequality|html"),
           cl::cat(OutputCategory));

cl::opt<std::string> Output("o",
                            cl::desc("Write the report to <file> (atomically) "
                                     "instead of standard output"),
                            cl::value_desc("file"), cl::cat(OutputCategory));
cl::alias OutputLong("output", cl::desc("Alias for -o"), cl::aliasopt(Output),
                     cl::cat(OutputCategory));

cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Exit 1 when a finding has this level or a higher one: "
                    "error, warning (default), note or none"),
           cl::value_desc("level"), cl::cat(OutputCategory));

cl::opt<std::string>
    BaselinePath("baseline",
                 cl::desc("SARIF log of an earlier run: report only findings "
                          "that are not in it"),
                 cl::value_desc("file.sarif"), cl::cat(OutputCategory));

cl::opt<std::string>
    Category("category",
             cl::desc("Category of the analysis for GitHub code scanning "
                      "(SARIF automationDetails.id)"),
             cl::cat(OutputCategory));

cl::opt<std::string> SourceRootOption(
    "srcroot",
    cl::desc("Directory that report paths are relative to (default: the top "
             "of the git checkout of the current directory, or the current "
             "directory)"),
    cl::value_desc("dir"), cl::cat(OutputCategory));

cl::opt<std::string> DiffRange(
    "diff",
    cl::desc("Pull-request mode: report only findings whose path (source, "
             "steps or sink) touches a line that this git revision range "
             "changes, e.g. --diff=origin/main...HEAD; the whole path is "
             "kept"),
    cl::value_desc("range"), cl::cat(OutputCategory));

cl::opt<std::string> DiffFile(
    "diff-file",
    cl::desc("Pull-request mode with a unified diff (paths relative to the "
             "source root, as `git diff` writes them) instead of git"),
    cl::value_desc("file"), cl::cat(OutputCategory));

cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep the summary store of incremental scans here: a re-run "
             "parses only the units whose files, flags or options changed "
             "(default: <build-dir>/.sinkguard-cache; none with flags after "
             "'--')"),
    cl::value_desc("dir"), cl::cat(ScanCategory));

cl::opt<bool> NoCache("no-cache",
                      cl::desc("Neither read nor write the summary store"),
                      cl::init(false), cl::cat(ScanCategory));

cl::opt<bool> AllowCompilerPlugins(
    "allow-compiler-plugins",
    cl::desc("Trust the compile commands and .clang-tidy files of the "
             "scanned tree: keep the flags that load compiler plugins or "
             "choose where the compiler finds programs and configuration "
             "(dropped by default, with a notification) and let it start "
             "programs. See docs/security.md."),
    cl::init(false), cl::cat(ScanCategory));

cl::opt<std::string> TuTimeout(
    "tu-timeout",
    cl::desc("Abandon the analysis of a translation unit after this many "
             "seconds and report it (exit code 3); each unit then runs in a "
             "process of its own. Default: 0, no limit."),
    cl::value_desc("seconds"), cl::cat(ScanCategory));

cl::opt<std::string> WorkerUnit("worker-unit",
                                cl::desc("Internal: analyse this unit as a "
                                         "worker of --tu-timeout"),
                                cl::Hidden, cl::cat(ScanCategory));
cl::opt<std::string> WorkerOutput("worker-output",
                                  cl::desc("Internal: where a worker writes "
                                           "its record"),
                                  cl::Hidden, cl::cat(ScanCategory));

cl::opt<unsigned> WorkerParent("worker-parent",
                               cl::desc("Internal: the process id of the "
                                        "driver that started this worker"),
                               cl::Hidden, cl::cat(ScanCategory));

cl::opt<bool> PrintTiming("print-timing",
                          cl::desc("Print where the time went, to stderr"),
                          cl::Hidden, cl::cat(ScanCategory));

cl::opt<unsigned> CommitDelayMs(
    "testing-commit-delay-ms",
    cl::desc("Test hook: wait this long before renaming the output file"),
    cl::Hidden, cl::cat(OutputCategory));

cl::list<std::string> MergeInputs(cl::Positional, cl::OneOrMore,
                                  cl::desc("<a.sarif> <b.sarif> ..."),
                                  cl::sub(MergeCommand));
cl::opt<std::string> MergeOutput("o",
                                 cl::desc("Write the merged log to <file> "
                                          "(atomically)"),
                                 cl::value_desc("file"), cl::sub(MergeCommand));
cl::opt<std::string>
    MergeCategory("category",
                  cl::desc("Category of the merged run (automationDetails.id)"),
                  cl::sub(MergeCommand));

cl::list<std::string> LinkStores(cl::Positional, cl::OneOrMore,
                                 cl::desc("<cache-dir> ..."),
                                 cl::sub(LinkCommand), cl::cat(LinkCategory));
cl::opt<std::string> LinkOutput("o",
                                cl::desc("Write the report to <file> "
                                         "(atomically) instead of standard "
                                         "output"),
                                cl::value_desc("file"), cl::sub(LinkCommand),
                                cl::cat(LinkCategory));
cl::opt<std::string>
    LinkFormat("format",
               cl::desc("Output format: text (default), sarif, json or "
                        "gitlab-codequality or html"),
               cl::value_desc("text|sarif|json|gitlab-codequality|html"),
               cl::sub(LinkCommand), cl::cat(LinkCategory));
cl::opt<std::string>
    LinkCategoryOption("category",
                       cl::desc("Category of the report (default: the "
                                "scans')"),
                       cl::sub(LinkCommand), cl::cat(LinkCategory));
cl::opt<std::string>
    LinkSourceRoot("srcroot",
                   cl::desc("Directory that report paths are relative to "
                            "(default: the scans')"),
                   cl::value_desc("dir"), cl::sub(LinkCommand),
                   cl::cat(LinkCategory));
cl::opt<std::string>
    LinkFailOn("fail-on",
               cl::desc("Exit 1 when a finding has this level or a higher "
                        "one: error, warning (default), note or none"),
               cl::value_desc("level"), cl::sub(LinkCommand),
               cl::cat(LinkCategory));
cl::opt<bool> LinkStats("stats", cl::desc("Print what the link phase resolved"),
                        cl::init(false), cl::sub(LinkCommand),
                        cl::cat(LinkCategory));

// Not CommonOptionsParser's text: it promises a search for
// compile_commands.json through the parents of the first file, which the
// driver does not do.
cl::extrahelp ScanHelp(
    "\n-p <build-dir> names the directory that holds compile_commands.json "
    "(CMake writes\none with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON); only that "
    "directory is read, no\nparent directory is searched. Without -p, give "
    "the compiler flags after '--':\n  sinkguard scan file.c -- -Iinclude "
    "-DNDEBUG\n\n[paths...] are files of the database, or directories: "
    "then every file of the\ndatabase below them. A path the database does "
    "not list is reported and skipped.\n\nDocumentation: docs/ci.md in "
    "sinkguard's sources or installed documentation.\n");

/// --version: sinkguard's own version, and the LLVM it was built with.
void printVersion(llvm::raw_ostream &OS) {
  OS << "sinkguard " << report::toolVersion() << "\n  built with "
     << clang::getClangFullVersion() << " (LLVM " << LLVM_VERSION_STRING
     << ")\n";
}

/// LLVM registers -stats itself, for its statistics (which a release build
/// of LLVM does not collect); the scan's --stats is that option, as a
/// second one of the same name cannot be registered.
cl::Option *statsOption() {
  auto &Registered = cl::getRegisteredOptions();
  auto It = Registered.find("stats");
  return It == Registered.end() ? nullptr : It->second;
}

/// Whether --stats was given; turns LLVM's statistics off again, or LLVM
/// would say at exit that they are disabled.
bool statsRequested() {
  cl::Option *Stats = statsOption();
  if (!Stats || !Stats->getNumOccurrences())
    return false;
  Stats->addOccurrence(0, "stats", "false");
  return true;
}

/// Runs llvm::cl over \p Argv; on failure \p Error holds its complaint as
/// one line.
bool parse(std::vector<const char *> &Argv, std::string &Error) {
  cl::HideUnrelatedOptions({&ScanCategory, &OutputCategory, &LinkCategory});
  cl::SetVersionPrinter(printVersion);
  if (cl::Option *Stats = statsOption()) {
    Stats->setDescription("Print how many units were parsed and reused, and "
                          "what the link phase resolved, to stderr");
    Stats->addCategory(ScanCategory);
    Stats->setHiddenFlag(cl::NotHidden);
  }
  std::string Messages;
  llvm::raw_string_ostream Errs(Messages);
  if (cl::ParseCommandLineOptions(static_cast<int>(Argv.size()), Argv.data(),
                                  Overview, &Errs))
    return true;
  // "sinkguard: Unknown command line argument ...\nsinkguard: Did you
  // mean ...?" as one line without the program name.
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  llvm::StringRef(Messages).trim().split(Lines, '\n', -1, false);
  std::vector<std::string> Parts;
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.starts_with("sinkguard: "))
      Line = Line.drop_front(strlen("sinkguard: "));
    Parts.push_back(Line.str());
  }
  Error = Parts.empty() ? "invalid command line" : llvm::join(Parts, " ");
  return false;
}

/// Whether \p Arg (and maybe the next argument) is an option that does not
/// change the results (nor, with \p Shard, --shard); returns how many
/// arguments it takes.
unsigned resultNeutralArguments(llvm::StringRef Arg, bool Shard) {
  for (llvm::StringRef Name :
       {"-j", "--j", "-o", "--o", "-output", "--output", "-tu-timeout",
        "--tu-timeout", "-cache-dir", "--cache-dir"})
    if (Arg == Name)
      return 2;
  for (llvm::StringRef Prefix : {"-j",
                                 "--j",
                                 "-o=",
                                 "--o=",
                                 "-output=",
                                 "--output=",
                                 "--quiet",
                                 "-quiet",
                                 "--print-timing",
                                 "-print-timing",
                                 "--tu-timeout=",
                                 "-tu-timeout=",
                                 "--testing-commit-delay-ms",
                                 "-testing-commit-delay-ms",
                                 "--cache-dir=",
                                 "-cache-dir=",
                                 "--no-cache",
                                 "-no-cache",
                                 "--stats",
                                 "-stats"})
    if (Arg.starts_with(Prefix))
      return 1;
  if (Shard && (Arg == "-shard" || Arg == "--shard"))
    return 2;
  if (Shard && (Arg.starts_with("-shard=") || Arg.starts_with("--shard=")))
    return 1;
  return 0;
}

/// \p AsTyped without the options that do not change the results (nor,
/// with \p Shard, --shard), shell-quoted.
std::string resultCommandLine(llvm::ArrayRef<const char *> AsTyped,
                              bool Shard) {
  std::vector<std::string> Kept;
  for (size_t I = 0; I < AsTyped.size(); ++I) {
    llvm::StringRef A = AsTyped[I];
    if (unsigned Skip = resultNeutralArguments(A, Shard)) {
      I += Skip - 1;
      continue;
    }
    Kept.push_back(A.str());
  }
  return shellJoin(Kept);
}

/// --format's value, or an error; \p OutputPath decides without one.
bool parseFormat(llvm::StringRef F, llvm::StringRef OutputPath,
                 OutputFormat &Out, std::string &Error) {
  if (F.empty() || F == "text")
    Out = OutputFormat::Text;
  else if (F == "sarif")
    Out = OutputFormat::Sarif;
  else if (F == "json")
    Out = OutputFormat::Json;
  else if (F == "gitlab-codequality")
    Out = OutputFormat::GitLabCodeQuality;
  else if (F == "html")
    Out = OutputFormat::Html;
  else {
    Error = ("--format '" + F +
             "': expected text, sarif, json, gitlab-codequality or html")
                .str();
    return false;
  }
  // Without --format, the output file's extension decides.
  if (F.empty() && OutputPath.ends_with(".sarif"))
    Out = OutputFormat::Sarif;
  else if (F.empty() && OutputPath.ends_with(".json"))
    Out = OutputFormat::Json;
  else if (F.empty() && OutputPath.ends_with(".html"))
    Out = OutputFormat::Html;
  return true;
}

bool parseFailOn(llvm::StringRef Value, report::Level &Out,
                 std::string &Error) {
  std::optional<report::Level> L = report::parseLevel(Value);
  if (!L) {
    Error = ("--fail-on '" + Value + "': expected error, warning, note or none")
                .str();
    return false;
  }
  Out = *L;
  return true;
}

} // namespace

Command commandOf(std::vector<const char *> &Argv) {
  if (Argv.size() > 1 && llvm::StringRef(Argv[1]) == "merge")
    return Command::Merge;
  if (Argv.size() > 1 && llvm::StringRef(Argv[1]) == "link")
    return Command::Link;
  // `sinkguard scan ...` and `sinkguard ...` are the same command.
  if (Argv.size() > 1 && llvm::StringRef(Argv[1]) == "scan")
    Argv.erase(Argv.begin() + 1);
  return Command::Scan;
}

llvm::Expected<ShardSpec> parseShard(llvm::StringRef Text) {
  auto Bad = [&](llvm::StringRef Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   ("--shard '" + Text + "': " + Why).str());
  };
  auto [K, N] = Text.split('/');
  ShardSpec S;
  if (K.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count))
    return Bad("expected K/N, e.g. 1/4");
  if (S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return Bad("expected K/N with 1 <= K <= N");
  return S;
}

std::string automationIdFor(llvm::StringRef Category) {
  if (Category.empty() || Category.ends_with("/"))
    return Category.str();
  return (Category + "/").str();
}

std::string shellJoin(llvm::ArrayRef<std::string> Args) {
  std::string Line;
  for (const std::string &A : Args) {
    if (!Line.empty())
      Line += ' ';
    bool Plain = !A.empty() && llvm::all_of(A, [](char C) {
      return llvm::isAlnum(C) || llvm::StringRef("_@%+=:,./-").contains(C);
    });
    if (Plain) {
      Line += A;
      continue;
    }
    Line += '\'';
    for (char C : A) {
      if (C == '\'')
        Line += "'\\''";
      else
        Line += C;
    }
    Line += '\'';
  }
  return Line;
}

bool parseScanOptions(std::vector<const char *> Argv,
                      llvm::ArrayRef<const char *> AsTyped, ScanOptions &Out,
                      std::string &Error) {
  Out.Arguments.assign(Argv.begin(), Argv.end());

  // Flags after `--` make a database that compiles every path with them.
  int Argc = static_cast<int>(Argv.size());
  std::string FixedError;
  Out.FixedDatabase =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv.data(), FixedError);
  if (!FixedError.empty()) {
    Error = FixedError;
    return false;
  }
  Argv.resize(static_cast<size_t>(Argc));
  if (!parse(Argv, Error))
    return false;

  Out.BuildPath = BuildPath;
  Out.Paths.assign(Paths.begin(), Paths.end());
  Out.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Out.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  Out.Checks = Checks;
  if (Config.getNumOccurrences())
    Out.Config = Config;
  Out.HeaderFilter = HeaderFilter;
  Out.Quiet = Quiet;
  Out.OutputPath = Output;
  Out.BaselinePath = BaselinePath;
  Out.SourceRoot = SourceRootOption;
  Out.AutomationId = automationIdFor(Category);
  Out.PrintTiming = PrintTiming;
  Out.AllowCompilerPlugins = AllowCompilerPlugins;
  Out.WorkerUnit = WorkerUnit;
  Out.WorkerOutput = WorkerOutput;
  Out.WorkerParent = WorkerParent;
  Out.CommitDelayMs = CommitDelayMs;
  Out.CommandLine = resultCommandLine(AsTyped, /*Shard=*/false);
  Out.UnshardedCommandLine = resultCommandLine(AsTyped, /*Shard=*/true);
  Out.CacheDir = CacheDir;
  Out.NoCache = NoCache;
  Out.DiffRange = DiffRange;
  Out.DiffFile = DiffFile;
  Out.PrintStats = statsRequested();

  if (DiffRange.getNumOccurrences() && DiffFile.getNumOccurrences()) {
    Error = "--diff and --diff-file: give one of them";
    return false;
  }
  if (DiffRange.getNumOccurrences() && DiffRange.empty()) {
    Error = "--diff: expected a git revision range, e.g. origin/main...HEAD";
    return false;
  }
  if (Jobs.getNumOccurrences() && Jobs == 0) {
    Error = "-j 0: expected a positive number of jobs";
    return false;
  }
  Out.Jobs = Jobs.getNumOccurrences()
                 ? static_cast<unsigned>(Jobs)
                 : llvm::hardware_concurrency().compute_thread_count();

  if (!parseFormat(Format, Out.OutputPath, Out.Format, Error))
    return false;
  Out.FormatKnown = true;

  // Checked last: a report of the failure can be written from here on.
  if (FailOn.getNumOccurrences() && !parseFailOn(FailOn, Out.FailOn, Error))
    return false;
  if (TuTimeout.getNumOccurrences() &&
      llvm::StringRef(TuTimeout).getAsInteger(10, Out.TuTimeout)) {
    Error = "--tu-timeout '" + TuTimeout +
            "': expected a whole number of seconds (0: no limit)";
    return false;
  }
  if (Shard.getNumOccurrences()) {
    llvm::Expected<ShardSpec> S = parseShard(Shard);
    if (!S) {
      Error = llvm::toString(S.takeError());
      return false;
    }
    Out.Shard = *S;
  }
  return true;
}

bool parseMergeOptions(std::vector<const char *> Argv, MergeOptions &Out,
                       std::string &Error) {
  if (!parse(Argv, Error))
    return false;
  Out.Inputs.assign(MergeInputs.begin(), MergeInputs.end());
  Out.OutputPath = MergeOutput;
  if (MergeCategory.getNumOccurrences())
    Out.AutomationId = automationIdFor(MergeCategory);
  return true;
}

bool parseLinkOptions(std::vector<const char *> Argv, LinkOptions &Out,
                      std::string &Error) {
  if (!parse(Argv, Error))
    return false;
  Out.Stores.assign(LinkStores.begin(), LinkStores.end());
  Out.OutputPath = LinkOutput;
  Out.SourceRoot = LinkSourceRoot;
  Out.PrintStats = LinkStats;
  if (LinkCategoryOption.getNumOccurrences())
    Out.AutomationId = automationIdFor(LinkCategoryOption);
  if (!parseFormat(LinkFormat, Out.OutputPath, Out.Format, Error))
    return false;
  return !LinkFailOn.getNumOccurrences() ||
         parseFailOn(LinkFailOn, Out.FailOn, Error);
}

} // namespace sinkguard::driver
