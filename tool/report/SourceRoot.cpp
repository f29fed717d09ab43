//===--- SourceRoot.cpp ---------------------------------------------------===//

#include "SourceRoot.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace sinkguard::report {

static std::string withoutDots(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

static std::string realOrSame(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return withoutDots(Path);
  return std::string(Real);
}

/// \p Path below \p Dir, as a relative path; nullopt otherwise.
static std::optional<std::string> below(llvm::StringRef Path,
                                        llvm::StringRef Dir) {
  if (Dir == "/")
    return Path.drop_front().str();
  if (!Path.starts_with(Dir) || Path.size() <= Dir.size() ||
      Path[Dir.size()] != '/')
    return std::nullopt;
  return Path.drop_front(Dir.size() + 1).str();
}

SourceRoot::SourceRoot(llvm::StringRef Directory)
    : Root(withoutDots(Directory)), RealRoot(realOrSame(Directory)) {
  if (Root.size() > 1 && Root.back() == '/')
    Root.pop_back();
}

std::string SourceRoot::uri() const {
  std::string U = fileUri(RealRoot);
  if (U.back() != '/')
    U += '/';
  return U;
}

std::optional<std::string> SourceRoot::relative(llvm::StringRef File) const {
  auto [It, Inserted] = Cache.try_emplace(File);
  if (!Inserted)
    return It->second;
  std::optional<std::string> Rel = below(realOrSame(File), RealRoot);
  if (!Rel)
    Rel = below(withoutDots(File), Root);
  It->second = Rel;
  return Rel;
}

std::string SourceRoot::display(llvm::StringRef File) const {
  if (std::optional<std::string> Rel = relative(File))
    return *Rel;
  return File.str();
}

std::string SourceRoot::uriFor(llvm::StringRef File) const {
  if (std::optional<std::string> Rel = relative(File))
    return percentEncodePath(*Rel);
  return fileUri(File);
}

std::string defaultSourceRoot() {
  llvm::SmallString<256> Dir;
  if (llvm::sys::fs::current_path(Dir))
    return ".";
  std::string Current(Dir);
  while (!Dir.empty()) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Dir);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent.size() == Dir.size())
      break;
    Dir.resize(Parent.size());
  }
  return Current;
}

std::string percentEncodePath(llvm::StringRef Path) {
  std::string Out;
  Out.reserve(Path.size());
  for (char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(static_cast<unsigned char>(C) >> 4);
    Out += llvm::hexdigit(static_cast<unsigned char>(C) & 15);
  }
  return Out;
}

std::string fileUri(llvm::StringRef Path) {
  return "file://" + percentEncodePath(Path);
}

} // namespace sinkguard::report
