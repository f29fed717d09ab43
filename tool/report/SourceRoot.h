//===--- SourceRoot.h - Paths as reports name them --------------*- C++ -*-===//
//
// Reports name files relative to the source root (--srcroot: by default the
// top of the git checkout around the current directory), so that they do
// not depend on where the repository was checked out: SARIF uses relative
// URIs with uriBaseId %SRCROOT%, and the stable fingerprint hashes the
// relative path. Files outside the root keep absolute file:// URIs.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_SOURCEROOT_H
#define SINKGUARD_TOOL_REPORT_SOURCEROOT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace sinkguard::report {

class SourceRoot {
public:
  /// \p Directory must be absolute; symbolic links in it are resolved.
  explicit SourceRoot(llvm::StringRef Directory);

  /// The root, absolute, without a trailing separator.
  const std::string &path() const { return Root; }
  /// The root as a file URI ending in '/', for originalUriBaseIds.
  std::string uri() const;

  /// \p File relative to the root with '/' separators, when it is below the
  /// root (after resolving symbolic links in both); nullopt otherwise.
  std::optional<std::string> relative(llvm::StringRef File) const;
  /// What reports show for \p File: relative() or else the absolute path.
  std::string display(llvm::StringRef File) const;
  /// The URI SARIF gives \p File: relative() percent-encoded (to be read
  /// against %SRCROOT%), or else an absolute file URI.
  std::string uriFor(llvm::StringRef File) const;

private:
  std::string Root;
  std::string RealRoot;
  mutable llvm::StringMap<std::optional<std::string>> Cache;
};

/// The directory the driver uses when --srcroot is not given: the nearest
/// directory at or above the current one that has a `.git` entry (the top of
/// the checkout, as `git rev-parse --show-toplevel` prints it), or else the
/// current directory.
std::string defaultSourceRoot();

/// \p Path with every byte other than RFC 3986's unreserved characters and
/// '/' percent-encoded: spaces, non-ASCII and invalid UTF-8 stay valid.
std::string percentEncodePath(llvm::StringRef Path);

/// The file URI of absolute path \p Path ("file:///a%20b/c.c").
std::string fileUri(llvm::StringRef Path);

} // namespace sinkguard::report

#endif
