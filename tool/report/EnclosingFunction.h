//===--- EnclosingFunction.h - Which function a line belongs to -*- C++ -*-===//
//
// The stable fingerprint names the function a finding is in, so that it
// survives edits elsewhere in the file. clang-tidy's diagnostics carry only
// offsets, and a second parse would cost as much as the scan; so the driver
// finds function bodies with a lexical scan of the file: comments, string
// and character literals (raw strings too) and the later branches of
// preprocessor conditionals are skipped, braces are matched, and a brace
// opens a function body when the tokens before it end in a parameter list
// (optionally followed by qualifiers, a trailing return type or a
// constructor's initializers). Namespaces, `extern "C"` blocks and class
// bodies are looked into. The result only has to be stable, not exact: an
// unusual declaration makes a finding "not in a function", nothing worse.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_ENCLOSINGFUNCTION_H
#define SINKGUARD_TOOL_REPORT_ENCLOSINGFUNCTION_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sinkguard::report {

class FunctionIndex {
public:
  explicit FunctionIndex(llvm::StringRef Text);

  /// The qualified name ("ns::Class::method") of the outermost function
  /// whose body contains byte \p Offset; empty outside every function.
  llvm::StringRef functionAt(unsigned Offset) const;

  struct Body {
    unsigned Begin = 0; ///< Offset of the opening brace.
    unsigned End = 0;   ///< Offset one past the closing brace.
    std::string Name;
  };
  const std::vector<Body> &bodies() const { return Bodies; }

private:
  std::vector<Body> Bodies; // In order, not overlapping.
};

} // namespace sinkguard::report

#endif
