//===--- Database.cpp -----------------------------------------------------===//

#include "Database.h"
#include "../common/CodeLoadingFlags.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>
#include <tuple>

namespace sinkguard::driver {

namespace {

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message.str());
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

/// \p Path with symbolic links resolved, or normalizedPath() when it cannot
/// be (a file that does not exist).
std::string realPathOf(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return normalizedPath(Path);
  return std::string(Real);
}

/// Whether \p Unit is compiled as C++: by its compiler (clang++, g++,
/// -x c++) or else by its extension.
bool isCxx(const TranslationUnit &Unit) {
  for (const clang::tooling::CompileCommand &C : Unit.Commands) {
    const std::vector<std::string> &Args = C.CommandLine;
    if (!Args.empty() && llvm::StringRef(Args.front()).ends_with("++"))
      return true;
    for (size_t I = 0; I + 1 < Args.size(); ++I)
      if (Args[I] == "-x")
        return llvm::StringRef(Args[I + 1]).starts_with("c++");
  }
  llvm::StringRef Ext = llvm::sys::path::extension(Unit.File);
  return llvm::is_contained({".cpp", ".cc", ".cxx", ".c++", ".C", ".mm"}, Ext);
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadBuildDirectory(llvm::StringRef BuildPath) {
  if (!llvm::sys::fs::is_directory(BuildPath))
    return failure("build directory '" + BuildPath + "' does not exist");
  llvm::SmallString<256> Json(BuildPath);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (!llvm::sys::fs::exists(Json))
    return failure("no compile_commands.json in '" + BuildPath +
                   "' (CMake writes one with "
                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> Db =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          Json, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db) {
    llvm::StringRef FirstLine = llvm::StringRef(Error).split('\n').first;
    return failure(Json + ": " + FirstLine);
  }
  if (Db->getAllFiles().empty())
    return failure("the compilation database in '" + BuildPath +
                   "' lists no files to analyse");
  // What Clang's own tools do with a database found in a directory.
  return clang::tooling::inferTargetAndDriverMode(
      clang::tooling::expandResponseFiles(std::move(Db),
                                          llvm::vfs::getRealFileSystem()));
}

} // namespace

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(ScanOptions &Options) {
  std::unique_ptr<clang::tooling::CompilationDatabase> Db;
  if (Options.FixedDatabase) {
    Db = std::move(Options.FixedDatabase);
  } else if (Options.BuildPath.empty()) {
    return failure("give the build directory that holds "
                   "compile_commands.json with -p, or paths to analyse");
  } else {
    auto Loaded = loadBuildDirectory(Options.BuildPath);
    if (!Loaded)
      return Loaded.takeError();
    Db = std::move(*Loaded);
  }
  auto Adjusting =
      std::make_unique<clang::tooling::ArgumentsAdjustingCompilations>(
          std::move(Db));
  Adjusting->appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      Options.ExtraArgsBefore, clang::tooling::ArgumentInsertPosition::BEGIN));
  Adjusting->appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      Options.ExtraArgs, clang::tooling::ArgumentInsertPosition::END));
  return std::unique_ptr<clang::tooling::CompilationDatabase>(
      std::move(Adjusting));
}

bool inShard(llvm::StringRef Path, const ShardSpec &Shard) {
  uint64_t Hash = 14695981039346656037ULL;
  for (char C : Path) {
    Hash ^= static_cast<unsigned char>(C);
    Hash *= 1099511628211ULL;
  }
  return Hash % Shard.Count == Shard.Index - 1;
}

llvm::Expected<Selection>
selectUnits(const clang::tooling::CompilationDatabase &Db,
            const ScanOptions &Options, const report::SourceRoot &Root) {
  Selection Result;
  std::vector<std::string> AllFiles = Db.getAllFiles();
  // A fixed database (flags after `--`) lists no files: it has a command for
  // every file.
  bool Fixed = AllFiles.empty();
  if (Fixed && Options.Paths.empty())
    return failure("give the files to analyse with the flags after '--'");

  std::vector<std::string> Chosen;
  llvm::StringSet<> Seen;
  if (Options.Paths.empty()) {
    for (const std::string &F : AllFiles)
      if (Seen.insert(normalizedPath(F)).second)
        Chosen.push_back(F);
  }
  // The database's own spelling of each file, by normalized path; and, for
  // a path named through other symbolic links than the database's (a
  // checkout reached through a link, a shell's resolved working directory),
  // each file's real path, found on first need.
  llvm::StringMap<std::string> Listed;
  for (const std::string &F : AllFiles)
    Listed.try_emplace(normalizedPath(F), F);
  std::vector<std::string> RealPaths;
  auto RealOf = [&](size_t I) -> const std::string & {
    if (RealPaths.empty())
      for (const std::string &F : AllFiles)
        RealPaths.push_back(realPathOf(normalizedPath(F)));
    return RealPaths[I];
  };
  for (const std::string &Path : Options.Paths) {
    std::string Norm = normalizedPath(Path);
    if (!Fixed && llvm::sys::fs::is_directory(Norm)) {
      std::string Prefix = Norm + "/";
      std::string RealPrefix = realPathOf(Norm) + "/";
      size_t Before = Chosen.size();
      for (size_t I = 0; I < AllFiles.size(); ++I) {
        std::string NF = normalizedPath(AllFiles[I]);
        bool Below = llvm::StringRef(NF).starts_with(Prefix) ||
                     llvm::StringRef(RealOf(I)).starts_with(RealPrefix);
        if (Below && Seen.insert(NF).second)
          Chosen.push_back(AllFiles[I]);
      }
      if (Chosen.size() == Before)
        return failure(Path + ": no file of the compilation database is in "
                              "this directory");
      continue;
    }
    if (!Fixed && !Listed.contains(Norm)) {
      std::string RealNorm = realPathOf(Norm);
      size_t I = 0;
      while (I < AllFiles.size() && RealOf(I) != RealNorm)
        ++I;
      if (I < AllFiles.size()) {
        if (Seen.insert(normalizedPath(AllFiles[I])).second)
          Chosen.push_back(AllFiles[I]);
        continue;
      }
      report::Notification N;
      N.File = Norm;
      N.Message = Path + ": not in the compilation database; skipped";
      Result.Skipped.push_back(std::move(N));
      continue;
    }
    if (Seen.insert(Norm).second)
      Chosen.push_back(Fixed ? Norm : Listed.lookup(Norm));
  }

  Result.SelectedBeforeShard = Chosen.size();
  for (const std::string &File : Chosen) {
    std::string Norm = normalizedPath(File);
    if (Options.Shard && !inShard(Root.display(Norm), *Options.Shard))
      continue;
    TranslationUnit U;
    U.File = Norm;
    U.Commands = Db.getCompileCommands(Fixed ? Norm : File);
    if (!Options.AllowCompilerPlugins)
      for (clang::tooling::CompileCommand &C : U.Commands)
        C.CommandLine = withoutCodeLoadingFlags(C.CommandLine, U.DroppedFlags);
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(Norm, Status))
      U.Size = Status.getSize();
    U.Cxx = isCxx(U);
    Result.Units.push_back(std::move(U));
  }
  // The costliest first, so that no long unit starts last and leaves the
  // other cores idle at the end; ties by name, so that the schedule is the
  // same every time.
  llvm::sort(Result.Units,
             [](const TranslationUnit &A, const TranslationUnit &B) {
               return std::make_tuple(!A.Cxx, -static_cast<int64_t>(A.Size),
                                      llvm::StringRef(A.File)) <
                      std::make_tuple(!B.Cxx, -static_cast<int64_t>(B.Size),
                                      llvm::StringRef(B.File));
             });
  return Result;
}

} // namespace sinkguard::driver
