//===--- LinkCommand.cpp --------------------------------------------------===//

#include "LinkCommand.h"
#include "Assembly.h"
#include "OutputFile.h"
#include "Progress.h"
#include "Store.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>

namespace sinkguard::driver {

namespace {

struct LoadedManifest {
  std::string Store;
  Manifest M;
};

/// The value all manifests agree on, or the first with a warning.
std::string agreed(const std::vector<LoadedManifest> &Manifests,
                   std::string Manifest::*Member, llvm::StringRef What) {
  const std::string &First = Manifests.front().M.*Member;
  for (const LoadedManifest &L : Manifests) {
    if (L.M.*Member != First) {
      printWarning("the scans' " + What + " differ; the report takes '" +
                   First + "'");
      break;
    }
  }
  return First;
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  if (llvm::sys::fs::make_absolute(Abs))
    return Path.str();
  return std::string(Abs);
}

} // namespace

int runLink(const LinkOptions &Options) {
  auto Start = std::chrono::steady_clock::now();
  if (llvm::Error E = checkWritable(Options.OutputPath)) {
    printError(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  // What is missing from the report, as notifications of the report.
  std::vector<report::Notification> Missing;
  auto Missed = [&](const std::string &Message, bool Error) {
    if (Error)
      printError(Message);
    else
      printWarning(Message);
    report::Notification N;
    N.Message = Message;
    Missing.push_back(std::move(N));
  };
  auto Lost = [&](const std::string &Message) { Missed(Message, false); };
  auto Unreadable = [&](const std::string &Message) { Missed(Message, true); };

  std::vector<LoadedManifest> Manifests;
  for (const std::string &Store : Options.Stores) {
    if (!llvm::sys::fs::is_directory(Store)) {
      Unreadable(Store +
                 ": not a directory (expected the --cache-dir of a scan)");
      continue;
    }
    llvm::Expected<std::vector<std::string>> Paths = manifestsIn(Store);
    if (!Paths) {
      Unreadable(llvm::toString(Paths.takeError()));
      continue;
    }
    if (Paths->empty()) {
      Unreadable(Store + ": no scan manifest (scan-K-of-N.json); not the "
                         "--cache-dir of a finished scan");
      continue;
    }
    for (const std::string &Path : *Paths) {
      llvm::Expected<Manifest> M = readManifest(Path);
      if (!M) {
        Unreadable(llvm::toString(M.takeError()) +
                   "; the units of that scan are missing");
        continue;
      }
      Manifests.push_back({Store, std::move(*M)});
    }
  }
  if (Manifests.empty()) {
    printError("no store could be read; nothing to link");
    return ExitUsage;
  }

  // Every slice of every partitioning that was given must be there.
  std::map<unsigned, std::set<unsigned>> Slices;
  for (const LoadedManifest &L : Manifests)
    Slices[L.M.Shard.Count].insert(L.M.Shard.Index);
  for (const auto &[Count, Indexes] : Slices) {
    for (unsigned K = 1; K <= Count; ++K)
      if (!Indexes.count(K))
        Lost("shard " + std::to_string(K) + "/" + std::to_string(Count) +
             " is in none of the stores; its units are missing");
  }

  Assembly A;
  A.FailOn = Options.FailOn;
  A.Format = Options.Format;
  llvm::StringSet<> Rules;
  llvm::StringSet<> SkippedSeen;
  llvm::StringSet<> EntriesSeen;
  std::vector<StoredUnit> Stored;
  for (const LoadedManifest &L : Manifests) {
    for (const std::string &Id : L.M.DefaultRules)
      Rules.insert(Id);
    for (const report::Notification &N : L.M.Skipped)
      if (SkippedSeen.insert(N.Message).second)
        A.SelectionSkipped.push_back(N);
    for (const std::string &Entry : L.M.Entries) {
      if (!EntriesSeen.insert(Entry).second)
        continue;
      llvm::SmallString<256> Path(L.Store);
      llvm::sys::path::append(Path, Entry);
      llvm::Expected<StoredUnit> U = loadEntry(Path);
      if (!U) {
        Lost((Path + ": " + llvm::toString(U.takeError()) +
              "; its unit is missing from the report")
                 .str());
        continue;
      }
      Stored.push_back(std::move(*U));
    }
  }
  for (const auto &Id : Rules)
    A.DefaultRules.push_back(Id.getKey().str());
  llvm::sort(A.DefaultRules);
  // The order of a scan (selectUnits), which orders the notifications.
  llvm::sort(Stored, [](const StoredUnit &X, const StoredUnit &Y) {
    return std::make_tuple(!X.Cxx, -static_cast<int64_t>(X.Size),
                           llvm::StringRef(X.Result.File)) <
           std::make_tuple(!Y.Cxx, -static_cast<int64_t>(Y.Size),
                           llvm::StringRef(Y.Result.File));
  });
  std::vector<UnitResult> Units;
  Units.reserve(Stored.size());
  for (StoredUnit &U : Stored)
    Units.push_back(std::move(U.Result));

  std::string Root =
      Options.SourceRoot.empty()
          ? agreed(Manifests, &Manifest::SourceRoot, "source roots")
          : absolute(Options.SourceRoot);
  if (Root.empty())
    Root = report::defaultSourceRoot();
  report::Report R{report::SourceRoot(Root)};
  R.CommandLine = agreed(Manifests, &Manifest::CommandLine, "command lines");
  R.AutomationId =
      Options.AutomationId
          ? *Options.AutomationId
          : agreed(Manifests, &Manifest::AutomationId, "categories");
  int Exit = assembleReport(R, Units, A);
  if (!Missing.empty()) {
    std::move(Missing.begin(), Missing.end(),
              std::back_inserter(R.Notifications));
    Exit = ExitIncomplete;
    R.ExitCode = Exit;
    R.ExecutionSuccessful = false;
  }
  if (llvm::Error E = writeReport(R, Options.OutputPath, Options.Format)) {
    printError(llvm::toString(std::move(E)));
    return ExitUsage;
  }
  printSummary(R, A, secondsSince(Start));
  if (Options.PrintStats)
    printStats(std::to_string(Units.size()) + " unit(s) from " +
                   std::to_string(Manifests.size()) + " scan(s)",
               A.Link);
  return Exit;
}

} // namespace sinkguard::driver
