//===--- Store.cpp --------------------------------------------------------===//

#include "Store.h"
#include "OutputFile.h"
#include "SarifWriter.h"
#include "UnitRecord.h"
#include "engine/Facts.h"
#include "model/ModelFile.h"
#include "store/FactsCodec.h"
#include "store/LinkedFormat.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace sinkguard::driver {

namespace {

constexpr llvm::StringLiteral EntryFormat = "sinkguard-store";
constexpr llvm::StringLiteral ManifestFormat = "sinkguard-store-manifest";

std::string hexHash(llvm::StringRef Data) {
  llvm::XXH128_hash_t H =
      llvm::xxh3_128bits(llvm::ArrayRef(Data.bytes_begin(), Data.size()));
  std::string Hex;
  llvm::raw_string_ostream OS(Hex);
  OS << llvm::format_hex_no_prefix(H.high64, 16)
     << llvm::format_hex_no_prefix(H.low64, 16);
  return Hex;
}

/// Appends \p Part to \p Key so that no two lists of parts give one key.
void addPart(std::string &Key, llvm::StringRef Part) {
  Key += std::to_string(Part.size());
  Key += ':';
  Key += Part;
}

void addCommands(std::string &Key, const TranslationUnit &Unit) {
  addPart(Key, Unit.File);
  for (const clang::tooling::CompileCommand &C : Unit.Commands) {
    addPart(Key, C.Directory);
    addPart(Key, C.Filename);
    addPart(Key, C.Output);
    addPart(Key, std::to_string(C.CommandLine.size()));
    for (const std::string &Arg : C.CommandLine)
      addPart(Key, Arg);
  }
}

llvm::Error fail(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why.str());
}

/// The format, version and tool of a store file, checked.
llvm::Error checkHeader(const llvm::json::Object &O, llvm::StringRef Format) {
  if (O.getString("format") != Format)
    return fail("not a " + Format + " file");
  std::optional<int64_t> Version = O.getInteger("version");
  if (Version != StoreVersion)
    return fail("store version " +
                (Version ? std::to_string(*Version) : std::string("missing")) +
                ", expected " + std::to_string(StoreVersion));
  return llvm::Error::success();
}

/// Whether \p Name is a manifest's, and then its shard.
std::optional<ShardSpec> manifestShard(llvm::StringRef Name) {
  if (!Name.consume_front("scan-") || !Name.consume_back(".json"))
    return std::nullopt;
  auto [K, N] = Name.split("-of-");
  ShardSpec S;
  if (K.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Index == 0 || S.Index > S.Count)
    return std::nullopt;
  return S;
}

std::string absoluteIn(llvm::StringRef Directory, llvm::StringRef Path) {
  if (llvm::sys::path::is_absolute(Path) || Directory.empty())
    return Path.str();
  llvm::SmallString<256> Abs(Directory);
  llvm::sys::path::append(Abs, Path);
  return std::string(Abs);
}

/// Where the store keeps the encoded facts of the unit whose entry is
/// \p EntryPath: beside it, as bytes (JSON would have them in base64, and
/// parse them on every look-up).
std::string factsPathOf(llvm::StringRef EntryPath) {
  llvm::SmallString<256> Path(EntryPath);
  llvm::sys::path::replace_extension(Path, "facts");
  return std::string(Path);
}

/// Reads \p Record, an entry's, and the facts kept beside the entry.
llvm::Error readStoredRecord(const llvm::json::Object &Record,
                             llvm::StringRef EntryPath, UnitResult &R) {
  if (llvm::Error E = readUnitRecord(Record, R))
    return E;
  if (Record.getString("facts"))
    return llvm::Error::success();
  std::optional<llvm::StringRef> Hash = Record.getString("factsHash");
  if (!Hash)
    return fail("bad record: no facts");
  std::string Path = factsPathOf(EntryPath);
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return fail(Path + ": " + Buffer.getError().message());
  R.Facts = (*Buffer)->getBuffer().str();
  if (factsChecksum(R.Facts) != *Hash)
    return fail(Path + ": the facts do not match their hash");
  return llvm::Error::success();
}

} // namespace

std::optional<std::string> cacheDirectoryOf(const ScanOptions &Options) {
  if (Options.NoCache)
    return std::nullopt;
  if (!Options.CacheDir.empty())
    return Options.CacheDir;
  if (Options.FixedDatabase || Options.BuildPath.empty())
    return std::nullopt;
  llvm::SmallString<256> Dir(Options.BuildPath);
  llvm::sys::path::append(Dir, store::StoreDirectoryName);
  return std::string(Dir);
}

SummaryStore::SummaryStore(std::string Directory, const TidySettings &Settings,
                           const ScanOptions &Options)
    : Directory(std::move(Directory)), Settings(Settings),
      Started(std::chrono::system_clock::now()) {
  addPart(OptionsKey, report::toolVersion());
  addPart(OptionsKey, clang::getClangFullVersion());
  addPart(OptionsKey,
          "facts:" + std::to_string(::sinkguard::engine::FactsFormatVersion) +
              "/" + std::to_string(store::FactsCodecVersion));
  addPart(OptionsKey, Options.Checks);
  addPart(OptionsKey, Options.Config ? "config:" + *Options.Config : "");
  addPart(OptionsKey, Options.HeaderFilter);
  addPart(OptionsKey, llvm::join(Options.ExtraArgsBefore, "\n"));
  addPart(OptionsKey, llvm::join(Options.ExtraArgs, "\n"));
  addPart(OptionsKey, Options.AllowCompilerPlugins ? "trusted" : "");
}

std::string SummaryStore::entryName(const TranslationUnit &Unit) {
  std::string Key;
  addCommands(Key, Unit);
  return "units/" + hexHash(Key) + ".json";
}

std::string SummaryStore::keyOf(const TranslationUnit &Unit) {
  std::string Key = OptionsKey;
  addCommands(Key, Unit);
  addPart(Key, contentHash(Unit.File).value_or("unreadable"));
  // The .clang-tidy files that apply to the file, as clang-tidy merges them.
  auto Provider =
      makeOptionsProvider(Settings, llvm::vfs::createPhysicalFileSystem());
  clang::tidy::ClangTidyOptions Tidy = Provider->getOptions(Unit.File);
  addPart(Key, clang::tidy::configurationAsText(Tidy));
  addModelFiles(Key, Unit, Tidy);
  return hexHash(Key);
}

void SummaryStore::addModelFiles(std::string &Key, const TranslationUnit &Unit,
                                 const clang::tidy::ClangTidyOptions &Tidy) {
  // The project's model file the checks would find (none is a state too:
  // adding one must miss), and every file a ModelFile option names, by
  // path and content. A relative ModelFile is relative to the compile
  // command's directory, as the checks open it.
  auto AddFile = [&](llvm::StringRef Path) {
    addPart(Key, Path);
    addPart(Key,
            Path.empty() ? "none" : contentHash(Path).value_or("unreadable"));
  };
  AddFile(::sinkguard::model::findProjectModelFile(
      Unit.File, *llvm::vfs::getRealFileSystem()));
  llvm::StringRef Directory =
      Unit.Commands.empty() ? "" : llvm::StringRef(Unit.Commands[0].Directory);
  std::vector<std::string> Named;
  for (const auto &[Name, Value] : Tidy.CheckOptions)
    if (Name.ends_with(".ModelFile") && !Value.Value.empty())
      Named.push_back(absoluteIn(Directory, Value.Value));
  llvm::sort(Named);
  Named.erase(std::unique(Named.begin(), Named.end()), Named.end());
  for (const std::string &Path : Named)
    AddFile(Path);
}

std::optional<std::string> SummaryStore::contentHash(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<std::string> Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/
                                                false))
    Hash = hexHash((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Guard(Lock);
  Hashes.try_emplace(Path, Hash);
  return Hash;
}

void SummaryStore::warn(std::string Message) {
  std::lock_guard<std::mutex> Guard(Lock);
  Warnings.push_back(std::move(Message));
}

std::vector<std::string> SummaryStore::takeWarnings() {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<std::string> Taken = std::move(Warnings);
  Warnings.clear();
  llvm::sort(Taken);
  return Taken;
}

bool SummaryStore::restore(const TranslationUnit &Unit, llvm::StringRef Key,
                           UnitResult &R) {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, entryName(Unit));
  if (!llvm::sys::fs::exists(Path))
    return false;
  auto Bad = [&](const llvm::Twine &Why) {
    warn((Path + ": " + Why + "; re-analysing").str());
    return false;
  };
  llvm::Expected<llvm::json::Value> Parsed = readJsonFile(Path);
  if (!Parsed)
    return Bad(llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Entry = Parsed->getAsObject();
  if (!Entry)
    return Bad("not a sinkguard-store file");
  if (llvm::Error E = checkHeader(*Entry, EntryFormat))
    return Bad(llvm::toString(std::move(E)));
  // Another version of sinkguard, another unit of the same hash, other
  // options or a unit that must be analysed again: a miss, not a fault.
  if (Entry->getString("tool") != report::toolVersion() ||
      Entry->getString("file") != Unit.File || Entry->getString("key") != Key ||
      Entry->getBoolean("reusable") != true)
    return false;
  const llvm::json::Array *Inputs = Entry->getArray("inputs");
  const llvm::json::Object *Record = Entry->getObject("record");
  if (!Inputs || !Record)
    return Bad("no inputs or no record");
  if (Inputs->empty())
    return false;
  for (const llvm::json::Value &V : *Inputs) {
    const llvm::json::Object *Input = V.getAsObject();
    std::optional<llvm::StringRef> File =
        Input ? Input->getString("file") : std::nullopt;
    std::optional<llvm::StringRef> Hash =
        Input ? Input->getString("hash") : std::nullopt;
    if (!File || !Hash)
      return Bad("an input without a file or a hash");
    if (contentHash(*File) != *Hash)
      return false;
  }
  UnitResult Restored;
  if (llvm::Error E = readStoredRecord(*Record, Path, Restored))
    return Bad(llvm::toString(std::move(E)));
  for (const llvm::json::Value &V : *Inputs)
    if (const llvm::json::Object *Input = V.getAsObject())
      Restored.Inputs.push_back(Input->getString("file").value_or("").str());
  if (Restored.File != Unit.File)
    return Bad("the record is of another file");
  Restored.Reused = true;
  R = std::move(Restored);
  return true;
}

void SummaryStore::save(const TranslationUnit &Unit, llvm::StringRef Key,
                        const UnitResult &R, llvm::json::Object Record) {
  bool Reusable = R.Skipped.empty() && R.Abandoned.empty() &&
                  !R.Diagnostics.compilerErrors() && !R.Inputs.empty();
  llvm::StringRef Directory =
      Unit.Commands.empty() ? "" : llvm::StringRef(Unit.Commands[0].Directory);
  llvm::json::Array Inputs;
  for (const std::string &Input : R.Inputs) {
    std::string File = absoluteIn(Directory, Input);
    std::optional<std::string> Hash = contentHash(File);
    // The hashes are taken after the parse: a file changed since the scan
    // began may have been read in another version than the one hashed.
    llvm::sys::fs::file_status Status;
    if (!Hash || llvm::sys::fs::status(File, Status) ||
        Status.getLastModificationTime() >= Started) {
      Reusable = false;
      break;
    }
    Inputs.push_back(llvm::json::Object{{"file", File}, {"hash", *Hash}});
  }
  if (!Reusable)
    Inputs.clear();
  llvm::SmallString<256> Path(this->Directory);
  llvm::sys::path::append(Path, entryName(Unit));
  if (std::error_code EC = llvm::sys::fs::create_directories(
          llvm::sys::path::parent_path(Path))) {
    warn((llvm::sys::path::parent_path(Path) + ": " + EC.message() +
          "; the store is not updated")
             .str());
    return;
  }
  keepConverted(Record, R);
  // The record's list of inputs is the entry's, with their hashes.
  Record.erase("inputs");
  // The facts go beside the entry, as bytes; written first, so that an
  // entry never names facts that are not there (their hash is checked).
  if (Record.getString("facts")) {
    if (llvm::Error E = writeOutput(
            factsPathOf(Path), [&](llvm::raw_ostream &OS) { OS << R.Facts; })) {
      warn(llvm::toString(std::move(E)) + "; the store is not updated");
      return;
    }
    Record.erase("facts");
  }
  llvm::json::Object Entry{
      {"format", EntryFormat},
      {"version", StoreVersion},
      {"tool", report::toolVersion()},
      {"file", Unit.File},
      {"key", Key},
      {"reusable", Reusable},
      {"cxx", Unit.Cxx},
      {"size", static_cast<int64_t>(Unit.Size)},
      {"inputs", std::move(Inputs)},
      {"record", std::move(Record)},
  };
  std::string Text = jsonText(llvm::json::Value(std::move(Entry)));
  if (llvm::Error E =
          writeOutput(Path, [&](llvm::raw_ostream &OS) { OS << Text << "\n"; }))
    warn(llvm::toString(std::move(E)) + "; the store is not updated");
}

std::string manifestName(const ShardSpec &Shard) {
  return "scan-" + std::to_string(Shard.Index) + "-of-" +
         std::to_string(Shard.Count) + ".json";
}

llvm::Error writeManifest(llvm::StringRef Directory, const Manifest &M) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return fail(Directory + ": " + EC.message());
  llvm::json::Array Skipped;
  for (const report::Notification &N : M.Skipped)
    Skipped.push_back(
        llvm::json::Object{{"file", N.File}, {"message", N.Message}});
  llvm::json::Array Rules;
  for (const std::string &Id : M.DefaultRules)
    Rules.push_back(Id);
  llvm::json::Array Entries;
  for (const std::string &E : M.Entries)
    Entries.push_back(E);
  llvm::json::Object Object{
      {"format", ManifestFormat},
      {"version", StoreVersion},
      {"tool", report::toolVersion()},
      {"shard", llvm::json::Array{M.Shard.Index, M.Shard.Count}},
      {"commandLine", M.CommandLine},
      {"automationId", M.AutomationId},
      {"sourceRoot", M.SourceRoot},
      {"defaultRules", std::move(Rules)},
      {"skipped", std::move(Skipped)},
      {"entries", std::move(Entries)},
  };
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, manifestName(M.Shard));
  std::string Text = jsonText(llvm::json::Value(std::move(Object)));
  if (llvm::Error E =
          writeOutput(Path, [&](llvm::raw_ostream &OS) { OS << Text << "\n"; }))
    return E;
  // The slices of another number of shards overlap these.
  llvm::Expected<std::vector<std::string>> Others = manifestsIn(Directory);
  if (!Others)
    return Others.takeError();
  for (const std::string &Other : *Others) {
    std::optional<ShardSpec> S =
        manifestShard(llvm::sys::path::filename(Other));
    if (S && S->Count != M.Shard.Count)
      if (std::error_code EC = llvm::sys::fs::remove(Other))
        return fail("cannot remove " + Other + ": " + EC.message());
  }
  return llvm::Error::success();
}

llvm::Expected<std::vector<std::string>>
manifestsIn(llvm::StringRef Directory) {
  std::vector<std::string> Found;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Directory, EC), End;
       It != End && !EC; It.increment(EC))
    if (manifestShard(llvm::sys::path::filename(It->path())))
      Found.push_back(It->path());
  if (EC)
    return fail(Directory + ": " + EC.message());
  llvm::sort(Found);
  return Found;
}

llvm::Expected<Manifest> readManifest(llvm::StringRef Path) {
  auto Bad = [&](const llvm::Twine &Why) { return fail(Path + ": " + Why); };
  llvm::Expected<llvm::json::Value> Parsed = readJsonFile(Path);
  if (!Parsed)
    return Bad(llvm::toString(Parsed.takeError()));
  const llvm::json::Object *O = Parsed->getAsObject();
  if (!O)
    return Bad("not a " + ManifestFormat + " file");
  if (llvm::Error E = checkHeader(*O, ManifestFormat))
    return Bad(llvm::toString(std::move(E)));
  if (O->getString("tool") != report::toolVersion())
    return Bad("written by sinkguard " +
               O->getString("tool").value_or("(unknown)") + ", this is " +
               report::toolVersion());
  Manifest M;
  const llvm::json::Array *Shard = O->getArray("shard");
  const llvm::json::Array *Entries = O->getArray("entries");
  if (!Shard || Shard->size() != 2 || !Entries)
    return Bad("no shard or no entries");
  M.Shard.Index = static_cast<unsigned>((*Shard)[0].getAsInteger().value_or(0));
  M.Shard.Count = static_cast<unsigned>((*Shard)[1].getAsInteger().value_or(0));
  if (M.Shard.Index == 0 || M.Shard.Index > M.Shard.Count)
    return Bad("bad shard");
  M.CommandLine = O->getString("commandLine").value_or("").str();
  M.AutomationId = O->getString("automationId").value_or("").str();
  M.SourceRoot = O->getString("sourceRoot").value_or("").str();
  if (const llvm::json::Array *Rules = O->getArray("defaultRules"))
    for (const llvm::json::Value &V : *Rules)
      if (auto S = V.getAsString())
        M.DefaultRules.push_back(S->str());
  if (const llvm::json::Array *Skipped = O->getArray("skipped")) {
    for (const llvm::json::Value &V : *Skipped) {
      if (const llvm::json::Object *S = V.getAsObject()) {
        report::Notification N;
        N.File = S->getString("file").value_or("").str();
        N.Message = S->getString("message").value_or("").str();
        M.Skipped.push_back(std::move(N));
      }
    }
  }
  for (const llvm::json::Value &V : *Entries) {
    std::optional<llvm::StringRef> E = V.getAsString();
    if (!E)
      return Bad("an entry that is not a file name");
    M.Entries.push_back(E->str());
  }
  return M;
}

llvm::Expected<StoredUnit> loadEntry(llvm::StringRef Path) {
  llvm::Expected<llvm::json::Value> Parsed = readJsonFile(Path);
  if (!Parsed)
    return Parsed.takeError();
  const llvm::json::Object *Entry = Parsed->getAsObject();
  if (!Entry)
    return fail("not a " + EntryFormat + " file");
  if (llvm::Error E = checkHeader(*Entry, EntryFormat))
    return E;
  if (Entry->getString("tool") != report::toolVersion())
    return fail("written by sinkguard " +
                Entry->getString("tool").value_or("(unknown)") + ", this is " +
                report::toolVersion());
  const llvm::json::Object *Record = Entry->getObject("record");
  if (!Record)
    return fail("no record");
  StoredUnit U;
  if (llvm::Error E = readStoredRecord(*Record, Path, U.Result))
    return E;
  U.Result.Reused = true;
  U.Cxx = Entry->getBoolean("cxx").value_or(false);
  U.Size = static_cast<uint64_t>(Entry->getInteger("size").value_or(0));
  return U;
}

} // namespace sinkguard::driver
