//===--- Model.h - Declarative model of functions that matter ---*- C++ -*-===//
//
// One rule type describes every function sinkguard cares about: where
// command strings are executed (sinks) and how a function writes data from
// some arguments into others (propagators). Argument positions follow the
// Static Analyzer's GenericTaintChecker: 0-based, ReturnValue (-1) for the
// result, ThisObject (-2) for the implicit object of a member call, and
// "variadic from N" for every argument from N on.
//
// The model knows Clang's AST only to match a call to a rule; it knows
// nothing of clang-tidy or of how findings are shown.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_MODEL_MODEL_H
#define SINKGUARD_CHECKS_MODEL_MODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
} // namespace clang

namespace sinkguard::model {

constexpr int ReturnValue = -1;
constexpr int ThisObject = -2;
constexpr int NoArg = -3;

/// A set of argument positions, optionally open-ended ("from N on").
class ArgSet {
public:
  ArgSet() = default;
  ArgSet(std::initializer_list<int> Args) : Args(Args) {}
  static ArgSet variadicFrom(int First, std::initializer_list<int> Args = {}) {
    ArgSet S(Args);
    S.VariadicFrom = First;
    return S;
  }

  bool contains(int Arg) const;
  bool empty() const { return Args.empty() && VariadicFrom == NoArg; }
  /// The explicit positions and, for a variadic set, every position from
  /// VariadicFrom up to (excluding) \p NumArgs.
  llvm::SmallVector<int, 4> expand(unsigned NumArgs) const;

private:
  llvm::SmallVector<int, 2> Args;
  int VariadicFrom = NoArg;
};

enum class RuleKind : std::uint8_t {
  /// Executes or interprets its input as a command.
  Sink,
  /// Writes data from the In arguments into the Out arguments.
  Propagator,
  /// The Out arguments hold text that cannot inject, whatever the input
  /// (a number rendered as digits, a quoted string).
  Sanitizer,
};

enum class SinkKind : std::uint8_t {
  None,
  /// The argument is a command line that a shell interprets.
  ShellCommand,
};

struct Rule {
  RuleKind Kind;
  /// Qualified name as written by users: "system", "std::system",
  /// "std::basic_string::append". A member rule matches any class
  /// template specialisation of the named class.
  std::string Function;
  ArgSet In;
  ArgSet Out;
  SinkKind Sink = SinkKind::None;
  /// For printf-like propagators: the position of the format string, whose
  /// conversions decide which variadic arguments can carry text.
  int FormatArg = NoArg;
  /// True when the Out arguments keep their old contents (strcat, append):
  /// the destination is extended rather than overwritten.
  bool Appends = false;

  // Named constructors, so the built-in table reads as a declaration.
  static Rule sink(llvm::StringRef Fn, ArgSet Args, SinkKind Kind);
  static Rule propagator(llvm::StringRef Fn, ArgSet In, ArgSet Out);
  static Rule formatter(llvm::StringRef Fn, int Format, ArgSet In, ArgSet Out);
  static Rule appender(llvm::StringRef Fn, ArgSet In, ArgSet Out);
  static Rule sanitizer(llvm::StringRef Fn, ArgSet Out);
};

/// The rules in force for one analysis: the built-in table plus any user
/// rules. Lookups are by the callee's qualified name.
class Model {
public:
  /// The built-in model for libc, POSIX and the C++ standard library.
  static const Model &builtin();

  explicit Model(std::vector<Rule> Rules);

  /// Rules for \p FD, matched by qualified name; empty when none apply.
  llvm::ArrayRef<const Rule *> rulesFor(const clang::FunctionDecl *FD) const;
  llvm::ArrayRef<const Rule *> rulesFor(llvm::StringRef QualifiedName) const;

  /// Names of every function with a sink rule of kind \p Kind, for building
  /// AST matchers.
  std::vector<std::string> sinkNames(SinkKind Kind) const;

private:
  std::vector<Rule> Rules;
  llvm::StringMap<llvm::SmallVector<const Rule *, 2>> ByName;
  /// The unqualified names of every rule's function ("append", "system"):
  /// a cheap first test before the qualified name is built.
  llvm::StringSet<> SimpleNames;
};

/// The qualified name a rule would use for \p FD: template arguments and
/// inline namespaces (std::__1, std::__cxx11) are dropped.
std::string ruleName(const clang::FunctionDecl *FD);

} // namespace sinkguard::model

#endif
