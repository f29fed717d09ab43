//===--- CheckSelection.h - clang-tidy options for the scan -----*- C++ -*-===//
//
// The driver runs clang-tidy's own option machinery: .clang-tidy files (or
// --config in their place), check options, WarningsAsErrors and
// HeaderFilterRegex behave as in clang-tidy. On top of the files the driver
// enables sinkguard-* and whatever --checks adds (or removes); check names
// on the command line must exist, so that a typo fails loudly instead of
// silently checking nothing.
//
// Each task of the scan gets its own options provider: clang-tidy's
// providers cache what they read and are not thread-safe.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_CHECKSELECTION_H
#define SINKGUARD_TOOL_DRIVER_CHECKSELECTION_H

#include "Options.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <optional>

namespace sinkguard::driver {

struct TidySettings {
  /// sinkguard-*, --checks and --header-filter.
  clang::tidy::ClangTidyOptions Overrides;
  /// --config, which replaces the .clang-tidy files.
  std::optional<clang::tidy::ClangTidyOptions> Config;
  /// --allow-compiler-plugins.
  bool AllowCompilerPlugins = false;
};

/// The settings of \p Options, after checking --config and the check names.
llvm::Expected<TidySettings> tidySettings(const ScanOptions &Options);

/// A fresh options provider reading through \p FS. With \p Dropped, the
/// flags that load code into the compiler (CodeLoadingFlags.h) are removed
/// from the ExtraArgs and ExtraArgsBefore of the .clang-tidy files and
/// appended to \p Dropped, as from the compile commands: a .clang-tidy file
/// of the scanned tree is no more trusted than its compile commands.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const TidySettings &Settings,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                    std::vector<std::string> *Dropped = nullptr);

} // namespace sinkguard::driver

#endif
