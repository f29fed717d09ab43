//===--- Database.h - Which translation units to analyse --------*- C++ -*-===//
//
// -p names the build directory itself: its compile_commands.json is read
// (no parent directory is searched), with response files expanded and the
// compiler's target and driver mode inferred as Clang's tools do, and with
// --extra-arg(-before) applied. Paths select files of the database: a file
// must be listed (the tooling library would otherwise guess its flags from
// a neighbour), a directory selects every listed file below it. --shard
// keeps a deterministic slice.
//
// Unless --allow-compiler-plugins, the flags that load code into the
// compiler or choose where it finds programs are dropped from the commands
// (after --extra-arg was applied: they are dropped wherever they come from).
//
// The compile commands are looked up here, once, on the main thread; the
// scan's tasks never touch the database.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_DATABASE_H
#define SINKGUARD_TOOL_DRIVER_DATABASE_H

#include "Finding.h"
#include "Options.h"
#include "SourceRoot.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace sinkguard::driver {

struct TranslationUnit {
  /// Absolute, as the database names it.
  std::string File;
  std::vector<clang::tooling::CompileCommand> Commands;
  /// For scheduling the costliest first: C++ (whose standard headers are
  /// most of a unit's time), then the largest.
  bool Cxx = false;
  uint64_t Size = 0;
  /// The flags dropped from its commands (see CodeLoadingFlags.h).
  std::vector<std::string> DroppedFlags;
};

struct Selection {
  /// What to analyse, the costliest first.
  std::vector<TranslationUnit> Units;
  /// Paths named on the command line that cannot be analysed.
  std::vector<report::Notification> Skipped;
  /// Files selected before --shard kept its slice.
  size_t SelectedBeforeShard = 0;
};

/// The database of -p (or of the flags after `--`) with the extra
/// arguments applied; an error says in one line what is wrong with it.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(ScanOptions &Options);

/// The translation units \p Options selects from \p Db.
llvm::Expected<Selection>
selectUnits(const clang::tooling::CompilationDatabase &Db,
            const ScanOptions &Options, const report::SourceRoot &Root);

/// Whether \p Path (relative to the source root) is in \p Shard: FNV-1a of
/// the path, modulo the shard count.
bool inShard(llvm::StringRef Path, const ShardSpec &Shard);

} // namespace sinkguard::driver

#endif
