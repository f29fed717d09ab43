//===--- EngineTestSupport.h - The engine run on a snippet ------*- C++ -*-===//
//
// The engine's unit tests go through its public face: a snippet of C or
// C++ is parsed into an AST (no headers: the snippet declares the library
// functions it calls, which the built-in model knows by name), one of its
// functions is analysed by a TaintEngine, and the tests read the SinkHits.
// They pin what the engine's internals (state, joins, widening, the
// solver, field paths) must keep doing, whatever files those live in.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_UNITTESTS_ENGINE_ENGINETESTSUPPORT_H
#define SINKGUARD_UNITTESTS_ENGINE_ENGINETESTSUPPORT_H

#include "engine/Taint.h"
#include "model/Model.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTUnit;
} // namespace clang

namespace sinkguard::engine::test {

/// Declarations of the C library functions the snippets use, as a C file
/// would have them from its headers.
extern const char *const LibcDeclarations;

/// A snippet parsed and one of its functions analysed.
class AnalysedCode {
public:
  /// Parses LibcDeclarations followed by \p Code as C (\p Cxx: C++17) and
  /// analyses the function named \p Function with the built-in model.
  AnalysedCode(llvm::StringRef Code, llvm::StringRef Function,
               TaintOptions Options = {}, bool Cxx = false);
  ~AnalysedCode();
  AnalysedCode(const AnalysedCode &) = delete;
  AnalysedCode &operator=(const AnalysedCode &) = delete;

  /// Whether the snippet parsed without errors and has the function.
  bool analysed() const { return Analysed; }
  const std::vector<SinkHit> &hits() const { return Hits; }
  /// The hits of kind \p K.
  std::vector<const SinkHit *> hitsOf(SinkHit::Kind K) const;
  /// The line of \p Loc in the snippet (1 is Code's first line).
  unsigned line(clang::SourceLocation Loc) const;
  /// The line of \p Hit's argument (the sink's).
  unsigned sinkLine(const SinkHit &Hit) const;
  /// The sink line of every hit, in the engine's order.
  std::vector<unsigned> sinkLines() const;
  /// The Index hits, each as "<problem> <range> of <extent>", joined by
  /// "; "; "" for none (indexes within their arrays are not reported).
  std::string indexVerdicts() const;
  /// The messages of the steps from the origin to \p Hit's sink.
  std::vector<std::string> pathMessages(const SinkHit &Hit) const;
  /// The name of the variable \p Hit's argument reads, or "".
  std::string argumentName(const SinkHit &Hit) const;

private:
  std::unique_ptr<clang::ASTUnit> AST;
  // One model per AST: a Model caches lookups per FunctionDecl.
  model::Model Model;
  std::unique_ptr<TaintEngine> Engine;
  std::vector<SinkHit> Hits;
  unsigned PreambleLines = 0;
  bool Analysed = false;
};

/// Options with the range checks on, as the unchecked-* checks run the
/// engine.
TaintOptions rangeOptions();

/// A range as the tests spell it: "[0, 63]", "[-inf, 255 from type]",
/// "[0, symbolic]", "[1, +inf]".
std::string describe(const IntRange &R);

/// AnalysedCode(Code, "store", rangeOptions()).indexVerdicts(), or
/// "<not analysed>".
std::string indexVerdicts(llvm::StringRef Code);

/// AnalysedCode(Code, Function).sinkLines(): empty when nothing is
/// reported, or when the snippet does not parse (so a test names a line
/// that must be reported).
std::vector<unsigned> sinkLines(llvm::StringRef Code, llvm::StringRef Function);

/// `static int table[<Extent>];`, for a snippet to index.
std::string table(unsigned Extent);

} // namespace sinkguard::engine::test

#endif
