//===--- FactsCodec.h - A unit's facts as the store keeps them --*- C++ -*-===//
//
// The engine describes a unit in JSON (engine/Facts.h). The link reads
// every unit of the program on every scan, also the units the store kept,
// and JSON's parse dominated its time. So the scan encodes each unit's facts
// once, on its own thread, into this form, and the store keeps it:
//
//   "SGFACTS" version
//   string count, then each string (length, bytes): every name, path and
//   message once
//   configuration count, then each configuration's section
//
// Numbers are LEB128; strings are indexes into the table. Findings that
// several functions reach are one entry of a table the sinks refer to. The
// layout of a section is what FactsReader's users read, in order: see
// encodeFacts.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_STORE_FACTSCODEC_H
#define SINKGUARD_CHECKS_STORE_FACTSCODEC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sinkguard::store {

/// The version of this encoding (with the engine's facts version, it keys
/// the store's entries). 3: a finding has the function it is in. 4: the
/// unit's main file, a function's place and signature, a call's signature.
/// 5: a parameter root's field path. 6: whether a flow carries a distance
/// measured in the data (engine::Step::Positional), whether a sink's extent
/// is known. 7: the field of an object argument that holds a source's data.
/// 8: whether a call argument is the caller's parameter, unchanged
/// (`paramExact`: a bound the caller's callers checked holds in the callee).
constexpr int FactsCodecVersion = 8;

/// The kinds of a flow's root, as encoded.
enum class RootKind : std::uint8_t {
  None,
  Source,
  Param,
  Call,
  CallOut,
  Global
};

/// Encodes the facts of one unit: one JSON object per engine configuration,
/// as the engine's collector received them.
std::string encodeFacts(const llvm::json::Array &Configurations);

/// Reads an encoded unit. Every read is checked: past the end, a string
/// index out of the table or a count larger than the bytes left makes the
/// reader fail, and from then on it returns zeros and empty strings.
class FactsReader {
public:
  explicit FactsReader(llvm::StringRef Data);

  bool ok() const { return Error.empty(); }
  /// Why the data cannot be read.
  const std::string &error() const { return Error; }
  bool atEnd() const { return Pos == Data.size(); }

  std::uint64_t number();
  std::int64_t integer();
  /// A position or index: within +-2^30, so that adding it to a count of
  /// the program's calls or globals cannot overflow; larger fails.
  int index();
  bool flag() { return number() != 0; }
  llvm::StringRef string();
  /// A string's index, checked against the table; for a reader that keeps
  /// its own copy of each string.
  std::optional<size_t> stringIndex();
  size_t stringCount() const { return Strings.size(); }
  llvm::StringRef stringAt(size_t I) const { return Strings[I]; }
  /// A count of items that follow, each at least one byte.
  size_t count();

private:
  void fail(const char *Why);
  /// One LEB128 number, decoded by \p Decode.
  template <typename T, typename Decoder> T leb(Decoder Decode);

  llvm::StringRef Data;
  size_t Pos = 0;
  std::vector<llvm::StringRef> Strings;
  std::string Error;
};

} // namespace sinkguard::store

#endif // SINKGUARD_CHECKS_STORE_FACTSCODEC_H
