//===--- SourceFile.cpp ---------------------------------------------------===//

#include "SourceFile.h"
#include "LineHash.h"
#include "Utf8.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace sinkguard::report {

SourceFile::SourceFile(std::unique_ptr<llvm::MemoryBuffer> Buf)
    : Buffer(std::move(Buf)) {
  llvm::StringRef Text = Buffer->getBuffer();
  LineStarts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\r' && I + 1 < Text.size() && Text[I + 1] == '\n')
      ++I;
    if (Text[I] == '\n' || Text[I] == '\r')
      LineStarts.push_back(static_cast<unsigned>(I + 1));
  }
}

std::unique_ptr<SourceFile> SourceFile::load(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return nullptr;
  return std::unique_ptr<SourceFile>(new SourceFile(std::move(*Buf)));
}

std::unique_ptr<SourceFile> SourceFile::fromText(llvm::StringRef Text) {
  return std::unique_ptr<SourceFile>(
      new SourceFile(llvm::MemoryBuffer::getMemBufferCopy(Text)));
}

Position SourceFile::position(unsigned Offset) const {
  Offset = std::min<unsigned>(Offset, text().size());
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - LineStarts.begin());
  unsigned Start = LineStarts[Line - 1];
  Position P;
  P.Line = Line;
  P.Column = Offset - Start + 1;
  P.Utf16Column = utf16Length(text().slice(Start, Offset)) + 1;
  return P;
}

unsigned SourceFile::offset(unsigned Line, unsigned Column) const {
  if (Line == 0 || Line > LineStarts.size())
    return static_cast<unsigned>(text().size());
  return std::min<unsigned>(LineStarts[Line - 1] + Column - 1, text().size());
}

llvm::StringRef SourceFile::line(unsigned Line) const {
  if (Line == 0 || Line > LineStarts.size())
    return {};
  unsigned Start = LineStarts[Line - 1];
  unsigned End = Line < LineStarts.size()
                     ? LineStarts[Line]
                     : static_cast<unsigned>(text().size());
  llvm::StringRef Text = text().slice(Start, End);
  return Text.rtrim("\r\n");
}

static bool isIdentifierByte(char C) {
  // Bytes of non-ASCII characters count: Clang accepts them in identifiers.
  return llvm::isAlnum(C) || C == '_' || C == '$' ||
         static_cast<unsigned char>(C) >= 0x80;
}

unsigned SourceFile::tokenEnd(unsigned Offset) const {
  llvm::StringRef Text = text();
  if (Offset >= Text.size())
    return static_cast<unsigned>(Text.size());
  if (!isIdentifierByte(Text[Offset]) || Text[Offset] == '\r' ||
      Text[Offset] == '\n')
    return Offset + 1;
  unsigned End = Offset;
  while (End < Text.size() && isIdentifierByte(Text[End]))
    ++End;
  return End;
}

llvm::StringRef SourceFile::lineHash(unsigned Line) const {
  if (!LineHashes)
    LineHashes = computeLineHashes(text());
  if (Line == 0 || Line > LineHashes->size())
    return {};
  return (*LineHashes)[Line - 1];
}

const SourceFile *SourceCache::get(llvm::StringRef Path) {
  auto [It, Inserted] = Files.try_emplace(Path);
  if (Inserted)
    It->second = SourceFile::load(Path);
  return It->second.get();
}

unsigned utf16Length(llvm::StringRef Bytes) {
  unsigned Units = 0;
  decodeUtf8ToUtf16(Bytes, [&](std::uint16_t) { ++Units; });
  return Units;
}

} // namespace sinkguard::report
