//===--- Options.h - The driver's command line ------------------*- C++ -*-===//
//
//   sinkguard [scan] -p <build-dir> [paths...] [options] [-- <compiler flags>]
//   sinkguard merge <a.sarif> <b.sarif>... -o <all.sarif> [--category <c>]
//   sinkguard link <cache-dir>... -o <all.sarif> [options]
//
// The command line is read once, into plain values; everything that can be
// wrong with a value is found here, before any work starts, and reported as
// one line.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_OPTIONS_H
#define SINKGUARD_TOOL_DRIVER_OPTIONS_H

#include "Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::driver {

/// The driver's exit codes, part of its interface (docs/ci.md).
enum ExitCode : std::uint8_t {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitIncomplete = 3,
};

enum class OutputFormat : std::uint8_t {
  Text,
  Sarif,
  Json,
  GitLabCodeQuality,
  Html
};

/// --shard K/N: the K-th (1-based) of N slices of the selected files.
struct ShardSpec {
  unsigned Index = 1;
  unsigned Count = 1;
};

struct ScanOptions {
  std::string BuildPath;
  std::vector<std::string> Paths;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// The flags after `--`, when given: every path is compiled with them.
  std::unique_ptr<clang::tooling::CompilationDatabase> FixedDatabase;

  std::string Checks;
  std::optional<std::string> Config;
  std::string HeaderFilter;
  bool Quiet = false;
  unsigned Jobs = 1;

  OutputFormat Format = OutputFormat::Text;
  /// Empty: standard output.
  std::string OutputPath;
  report::Level FailOn = report::Level::Warning;
  std::string BaselinePath;
  std::optional<ShardSpec> Shard;
  /// automationDetails.id, as GitHub's upload action spells a category.
  std::string AutomationId;
  std::string SourceRoot;

  /// The command line, shell-quoted, without the options that do not change
  /// the results (-j, -o, --quiet, --tu-timeout), for SARIF's invocation: the
  /// report of a scan is the same bytes whatever they are.
  std::string CommandLine;
  /// The same without --shard: the command line of the whole scan that the
  /// shards are slices of (Store.h).
  std::string UnshardedCommandLine;
  /// --cache-dir; empty for the default (Store.h).
  std::string CacheDir;
  /// --no-cache: neither read nor write the summary store.
  bool NoCache = false;
  /// --stats: print what was parsed, reused and linked.
  bool PrintStats = false;
  /// Pull-request mode: --diff=<git revision range> or --diff-file=<unified
  /// diff>; only findings whose path touches a changed line are reported.
  std::string DiffRange;
  std::string DiffFile;
  /// The diff of --diff (read with git before the scan starts no program
  /// any more) and the directory its paths are relative to.
  std::string DiffText;
  std::string DiffBase;
  /// Set once --format and -o are known, so that a failure can be
  /// reported in the requested format.
  bool FormatKnown = false;
  bool PrintTiming = false;
  /// --allow-compiler-plugins: the compile commands and .clang-tidy files
  /// are trusted; nothing is dropped and the compiler may start programs.
  bool AllowCompilerPlugins = false;
  /// --tu-timeout: seconds one unit may take; 0 for no limit.
  unsigned TuTimeout = 0;
  /// This executable and the command line as parsed (argv[0] first), for
  /// the workers.
  std::string Executable;
  std::vector<std::string> Arguments;
  /// In a worker process (Worker.h): the unit to analyse and where to write
  /// its record.
  std::string WorkerUnit;
  std::string WorkerOutput;
  /// The driver's process id.
  unsigned WorkerParent = 0;
  /// Test hook: wait this long with the temporary output file in place.
  unsigned CommitDelayMs = 0;
};

struct MergeOptions {
  std::vector<std::string> Inputs;
  std::string OutputPath;
  std::optional<std::string> AutomationId;
};

struct LinkOptions {
  /// Cache directories of scans (--cache-dir).
  std::vector<std::string> Stores;
  OutputFormat Format = OutputFormat::Text;
  /// Empty: standard output.
  std::string OutputPath;
  /// Empty: the scans' own.
  std::optional<std::string> AutomationId;
  std::string SourceRoot;
  report::Level FailOn = report::Level::Warning;
  bool PrintStats = false;
};

/// Which command the command line asks for; Argv without the word `scan`.
enum class Command : std::uint8_t { Scan, Merge, Link };
Command commandOf(std::vector<const char *> &Argv);

/// Parses a scan command line \p Argv; \p AsTyped is what the user typed
/// (Argv may have more), for the report. On failure, \p Error says why in
/// one line, and Out.FormatKnown says whether a report can still be
/// written.
bool parseScanOptions(std::vector<const char *> Argv,
                      llvm::ArrayRef<const char *> AsTyped, ScanOptions &Out,
                      std::string &Error);

/// Parses `sinkguard merge ...` (Argv[1] is "merge").
bool parseMergeOptions(std::vector<const char *> Argv, MergeOptions &Out,
                       std::string &Error);

/// Parses `sinkguard link ...` (Argv[1] is "link").
bool parseLinkOptions(std::vector<const char *> Argv, LinkOptions &Out,
                      std::string &Error);

/// "K/N" as a shard, or an error that says what is wrong.
llvm::Expected<ShardSpec> parseShard(llvm::StringRef Text);

/// --category as automationDetails.id: GitHub's upload action appends '/'.
std::string automationIdFor(llvm::StringRef Category);

/// \p Args as one shell command line, quoting what needs it.
std::string shellJoin(llvm::ArrayRef<std::string> Args);

} // namespace sinkguard::driver

#endif
