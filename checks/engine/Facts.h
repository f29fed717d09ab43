//===--- Facts.h - What one translation unit tells the link phase -*- C++
//-*-===//
//
// During the normal per-unit parse, the engine describes each function it
// analysed in portable terms (USRs, file:line:column, messages): which of its
// parameters reach its return value, its out-parameters, a sink or a call to
// a function defined elsewhere; what sources reach those; which globals it
// writes and reads. A host that links a whole program (the driver) installs
// a collector for the thread that parses the unit; the checks hand it what
// they found, and the host stores it (the summary store) and links it.
//
// Knows nothing of clang-tidy, the driver or SARIF: plain JSON values.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_FACTS_H
#define SINKGUARD_CHECKS_ENGINE_FACTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace sinkguard::engine {

/// The version of the facts' format; a store with another is ignored.
/// 2: signatures, the unit's main file, several definitions of a name.
/// 3: a parameter's flow names the field of its object it starts from.
/// 4: a flow says whether it carries a distance measured in the data, a
/// sink whether its extent is known (positionalOnly).
constexpr int FactsFormatVersion = 4;

/// Where a finding's message that the link phase completes names the
/// origin of the data (a message is text, and a diagnostic formatter
/// escapes control characters).
constexpr llvm::StringLiteral OriginPlaceholder = "{{origin}}";

/// Whether field paths \p A and \p B, dot-separated as the facts write
/// them ("reader.buf"), overlap: one is the other or a field inside it (""
/// is the whole object). The link's field contexts and the per-file hosts'
/// linked summaries compare paths with it.
bool fieldPathsOverlap(llvm::StringRef A, llvm::StringRef B);

/// Receives the facts of the unit parsed on this thread.
class FactsCollector {
public:
  virtual ~FactsCollector();
  /// The files the unit read, main file first, as the compiler opened them.
  virtual void inputs(std::vector<std::string> Files) = 0;
  /// The facts of the unit, for the checks \p CheckIds (one engine
  /// configuration); called at most once per configuration.
  virtual void facts(llvm::json::Object Facts) = 0;
};

/// The collector of this thread, or null when no host links.
FactsCollector *currentFactsCollector();

/// Installs \p C for this thread until the returned guard ends.
class FactsCollectorScope {
public:
  explicit FactsCollectorScope(FactsCollector *C);
  ~FactsCollectorScope();
  FactsCollectorScope(const FactsCollectorScope &) = delete;
  FactsCollectorScope &operator=(const FactsCollectorScope &) = delete;

private:
  FactsCollector *Previous;
};

} // namespace sinkguard::engine

#endif
