//===--- ChangedLines.h - The lines a change touches ------------*- C++ -*-===//
//
// Pull-request mode (`--diff`, `--diff-file`): the lines of the new version
// of each file that a unified diff adds or changes, and, where it only
// removes lines, the lines on either side of the removal (a deleted check
// is next to the code it guarded). A finding is kept when its path touches
// one: the sink, the source or any step.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_CHANGEDLINES_H
#define SINKGUARD_TOOL_REPORT_CHANGEDLINES_H

#include "Finding.h"
#include "SourceRoot.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <set>
#include <string>

namespace sinkguard::report {

class ChangedLines {
public:
  /// The lines \p Diff (`git diff` output, or any unified diff) touches;
  /// its paths are relative to \p Base (a `b/` prefix is dropped).
  static llvm::Expected<ChangedLines> parse(llvm::StringRef Diff,
                                            llvm::StringRef Base);

  /// Whether line \p Line of \p File (absolute; symbolic links are
  /// resolved as the source root resolves them) is touched.
  bool touches(llvm::StringRef File, unsigned Line) const;
  /// Whether \p F's path (its place, and each note's) touches a line.
  bool touches(const Finding &F) const;
  /// How many files the diff changes.
  size_t files() const { return Lines.size(); }

private:
  explicit ChangedLines(llvm::StringRef Base) : Base(Base) {}

  /// The directory the diff's paths are relative to.
  SourceRoot Base;
  /// By path relative to Base, '/'-separated.
  llvm::StringMap<std::set<unsigned>> Lines;
};

} // namespace sinkguard::report

#endif
