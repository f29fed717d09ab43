//===--- Utf8.h - Decode UTF-8 as browsers and Node.js do -------*- C++ -*-===//
//
// Source files are bytes; GitHub and SARIF viewers read them as UTF-8 into
// UTF-16 strings. To count columns and hash lines as they do, invalid bytes
// must decode exactly as the WHATWG Encoding Standard says: one U+FFFD per
// maximal invalid subpart.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_UTF8_H
#define SINKGUARD_TOOL_REPORT_UTF8_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace sinkguard::report {

/// Calls \p OnCodePoint(uint32_t) for each code point of \p Bytes.
template <typename Callback>
void decodeUtf8(llvm::StringRef Bytes, Callback OnCodePoint) {
  const std::uint32_t Replacement = 0xFFFD;
  std::uint32_t CodePoint = 0;
  unsigned Needed = 0;
  unsigned Seen = 0;
  unsigned Lower = 0x80;
  unsigned Upper = 0xBF;
  for (size_t I = 0; I < Bytes.size(); ++I) {
    unsigned Byte = static_cast<unsigned char>(Bytes[I]);
    if (Needed == 0) {
      if (Byte <= 0x7F) {
        OnCodePoint(Byte);
      } else if (Byte >= 0xC2 && Byte <= 0xDF) {
        Needed = 1;
        CodePoint = Byte & 0x1F;
      } else if (Byte >= 0xE0 && Byte <= 0xEF) {
        Lower = Byte == 0xE0 ? 0xA0 : 0x80;
        Upper = Byte == 0xED ? 0x9F : 0xBF;
        Needed = 2;
        CodePoint = Byte & 0x0F;
      } else if (Byte >= 0xF0 && Byte <= 0xF4) {
        Lower = Byte == 0xF0 ? 0x90 : 0x80;
        Upper = Byte == 0xF4 ? 0x8F : 0xBF;
        Needed = 3;
        CodePoint = Byte & 0x07;
      } else {
        OnCodePoint(Replacement);
      }
      continue;
    }
    if (Byte < Lower || Byte > Upper) {
      // The sequence so far is one maximal invalid subpart; this byte starts
      // afresh.
      CodePoint = 0;
      Needed = Seen = 0;
      Lower = 0x80;
      Upper = 0xBF;
      OnCodePoint(Replacement);
      --I;
      continue;
    }
    Lower = 0x80;
    Upper = 0xBF;
    CodePoint = (CodePoint << 6) | (Byte & 0x3F);
    if (++Seen == Needed) {
      OnCodePoint(CodePoint);
      CodePoint = 0;
      Needed = Seen = 0;
    }
  }
  if (Needed != 0)
    OnCodePoint(Replacement);
}

/// Calls \p OnUnit(uint16_t) for each UTF-16 code unit of \p Bytes.
template <typename Callback>
void decodeUtf8ToUtf16(llvm::StringRef Bytes, Callback OnUnit) {
  decodeUtf8(Bytes, [&](std::uint32_t CodePoint) {
    if (CodePoint < 0x10000) {
      OnUnit(static_cast<std::uint16_t>(CodePoint));
      return;
    }
    CodePoint -= 0x10000;
    OnUnit(static_cast<std::uint16_t>(0xD800 + (CodePoint >> 10)));
    OnUnit(static_cast<std::uint16_t>(0xDC00 + (CodePoint & 0x3FF)));
  });
}

} // namespace sinkguard::report

#endif
