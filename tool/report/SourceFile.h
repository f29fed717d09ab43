//===--- SourceFile.h - Source text for positions and snippets --*- C++ -*-===//
//
// Diagnostics arrive as byte offsets. Reports need lines, byte columns,
// UTF-16 columns (SARIF), the text of a line (text output), and the text of
// a range (fingerprints). Lines end at "\n", "\r\n" or a lone "\r", as in
// Clang and in GitHub's line hash.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_SOURCEFILE_H
#define SINKGUARD_TOOL_REPORT_SOURCEFILE_H

#include "Finding.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::report {

class SourceFile {
public:
  /// The file at \p Path, or null when it cannot be read.
  static std::unique_ptr<SourceFile> load(llvm::StringRef Path);
  /// A file with the given contents (for tests and tools).
  static std::unique_ptr<SourceFile> fromText(llvm::StringRef Text);

  llvm::StringRef text() const { return Buffer->getBuffer(); }
  unsigned lineCount() const {
    return static_cast<unsigned>(LineStarts.size());
  }

  /// The position of byte \p Offset (clamped to the end of the file).
  Position position(unsigned Offset) const;
  /// The byte offset of \p P's line and byte column.
  unsigned offset(unsigned Line, unsigned Column) const;
  /// Line \p Line (1-based) without its line break; empty when out of range.
  llvm::StringRef line(unsigned Line) const;
  /// The end of the token that starts at \p Offset: an identifier or number
  /// extends over its characters, anything else is one character. Used to
  /// give a diagnostic without a range a region that covers its token.
  unsigned tokenEnd(unsigned Offset) const;
  /// GitHub's primaryLocationLineHash of line \p Line (LineHash.h), the
  /// file hashed on first use; empty when out of range.
  llvm::StringRef lineHash(unsigned Line) const;

private:
  explicit SourceFile(std::unique_ptr<llvm::MemoryBuffer> Buffer);

  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  /// Byte offset of the first character of each line.
  std::vector<unsigned> LineStarts;
  mutable std::optional<std::vector<std::string>> LineHashes;
};

/// Files read once per report, by absolute path. Not thread-safe: each
/// thread keeps its own.
class SourceCache {
public:
  /// The file, or null when it cannot be read.
  const SourceFile *get(llvm::StringRef Path);

private:
  llvm::StringMap<std::unique_ptr<SourceFile>> Files;
};

/// The number of UTF-16 code units in \p Bytes, decoding invalid UTF-8 the
/// way browsers and Node.js do (one U+FFFD per maximal invalid subpart).
unsigned utf16Length(llvm::StringRef Bytes);

} // namespace sinkguard::report

#endif
