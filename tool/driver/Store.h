//===--- Store.h - The summary store of incremental scans -------*- C++ -*-===//
//
// A directory (--cache-dir) that keeps what the analysis of each
// translation unit gave, so that a re-run parses only the units that
// changed and `sinkguard link` can rebuild a report from the stores of
// several shards:
//
//   <dir>/units/<hash of the file and its compile commands>.json
//       one entry per unit: the format and its version, the tool version,
//       the key (the main file's content, the compile commands, the
//       options that change results, the clang-tidy options in effect for
//       the file, the model files that apply to it and their content, the
//       tool's version), the files the unit read with a hash of each, and the
//       unit's record (UnitRecord.h) with its facts for the link phase;
//   <dir>/scan-K-of-N.json
//       one manifest per scan (per shard): the entries it covered and what
//       the report needs besides them;
//   <dir>/linked.json
//       the linked summaries (Link.h).
//
// An entry is reused when its key matches and every file it read has the
// same content; a unit whose inputs are unknown, that did not compile, was
// skipped or abandoned is always analysed again (its entry is kept for
// `link` only). Every file is written atomically (OutputFile.h); an entry
// or manifest that cannot be read is ignored with a warning, never trusted.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_STORE_H
#define SINKGUARD_TOOL_DRIVER_STORE_H

#include "CheckSelection.h"
#include "Database.h"
#include "Options.h"
#include "UnitResult.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::driver {

/// The version of the store's files; files of another version are ignored.
/// 2: the function of a finding comes from the parse, no longer from a
/// lexical scan of the file.
inline constexpr int64_t StoreVersion = 2;

/// The cache directory of the scan: --cache-dir, else <build dir>/
/// .sinkguard-cache when there is a build directory; none with --no-cache.
std::optional<std::string> cacheDirectoryOf(const ScanOptions &Options);

class SummaryStore {
public:
  SummaryStore(std::string Directory, const TidySettings &Settings,
               const ScanOptions &Options);

  const std::string &directory() const { return Directory; }

  /// The entry of \p Unit, relative to the directory.
  static std::string entryName(const TranslationUnit &Unit);

  /// What the results of \p Unit depend on besides the files it reads.
  std::string keyOf(const TranslationUnit &Unit);

  /// Fills \p R from the entry of \p Unit when the entry has \p Key and the
  /// files it read are unchanged.
  bool restore(const TranslationUnit &Unit, llvm::StringRef Key, UnitResult &R);

  /// Writes the entry of \p Unit, whose analysis gave \p R and \p Record.
  void save(const TranslationUnit &Unit, llvm::StringRef Key,
            const UnitResult &R, llvm::json::Object Record);

  /// The warnings so far (unreadable entries, entries not written), sorted.
  std::vector<std::string> takeWarnings();

private:
  /// Adds to \p Key the model files that apply to \p Unit (the nearest
  /// .sinkguard.yaml, the ModelFile options' files), with their content.
  void addModelFiles(std::string &Key, const TranslationUnit &Unit,
                     const clang::tidy::ClangTidyOptions &Tidy);
  /// The hash of \p Path's content, or none when it cannot be read.
  std::optional<std::string> contentHash(llvm::StringRef Path);
  void warn(std::string Message);

  std::string Directory;
  const TidySettings &Settings;
  std::string OptionsKey;
  /// When the scan began; a unit that read a file changed since then is
  /// not reused.
  llvm::sys::TimePoint<> Started;
  std::mutex Lock;
  llvm::StringMap<std::optional<std::string>> Hashes;
  std::vector<std::string> Warnings;
};

/// What a scan records beside its entries: which units it covered, and
/// what the report needs besides them.
struct Manifest {
  ShardSpec Shard;
  /// The scan's command line without --shard.
  std::string CommandLine;
  std::string AutomationId;
  std::string SourceRoot;
  /// The rules a scan that analyses nothing reports.
  std::vector<std::string> DefaultRules;
  /// The paths named on the command line that were not analysed.
  std::vector<report::Notification> Skipped;
  /// Relative to the store's directory.
  std::vector<std::string> Entries;
};

/// "scan-K-of-N.json".
std::string manifestName(const ShardSpec &Shard);

/// Writes \p M into \p Directory and removes the manifests of scans split
/// into another number of shards.
llvm::Error writeManifest(llvm::StringRef Directory, const Manifest &M);

/// The manifests in \p Directory, sorted by name.
llvm::Expected<std::vector<std::string>> manifestsIn(llvm::StringRef Directory);

llvm::Expected<Manifest> readManifest(llvm::StringRef Path);

/// A unit as an entry records it, without checking its inputs (for link).
struct StoredUnit {
  UnitResult Result;
  bool Cxx = false;
  uint64_t Size = 0;
};
llvm::Expected<StoredUnit> loadEntry(llvm::StringRef Path);

} // namespace sinkguard::driver

#endif
