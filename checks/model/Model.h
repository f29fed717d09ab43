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
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <memory>
#include <optional>
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

  /// This set plus \p Arg.
  ArgSet with(int Arg) const {
    ArgSet S = *this;
    if (!S.contains(Arg))
      S.Args.push_back(Arg);
    return S;
  }
  int variadicFrom() const { return VariadicFrom; }
  llvm::ArrayRef<int> explicitArgs() const { return Args; }

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
  /// Produces untrusted data in its Out positions.
  Source,
  /// Executes or interprets the In arguments.
  Sink,
  /// Writes data from the In arguments into the Out arguments.
  Propagator,
  /// The Out positions hold data that cannot inject, whatever the input (a
  /// number rendered as digits, a quoted string).
  Sanitizer,
  /// Returns non-zero (true) only when the In arguments are safe: a branch
  /// on that result cleans them on its true side.
  Validator,
};

/// Where a source's data comes from; checks may trust some of these.
enum class SourceKind : std::uint8_t {
  CommandLine,
  Environment,
  Stdin,
  File,
  Network,
  Other,
};

enum class SinkKind : std::uint8_t {
  None,
  /// The argument is a command line that a shell interprets.
  ShellCommand,
  /// exec*-style: In = {program, first argument}; the arguments are a list
  /// ending in NULL (execl, execlp, execle).
  ExecList,
  /// exec*-style: In = {program, argument vector} (execv, execvp, execve,
  /// posix_spawn, posix_spawnp).
  ExecVector,
  /// The arguments size an allocation or bound a copy (malloc, memcpy's
  /// length): the range checks want an upper bound on them.
  Size,
  /// The argument is text converted to a number (atoi, strtol, sscanf): the
  /// conversion check looks at how failure is detected.
  Conversion,
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
  SourceKind Source = SourceKind::Other;
  /// For printf-like propagators: the position of the format string, whose
  /// conversions decide which variadic arguments can carry text.
  int FormatArg = NoArg;
  /// True when the Out arguments keep their old contents (strcat, append):
  /// the destination is extended rather than overwritten.
  bool Appends = false;
  /// The position whose object the return value designates (strcpy returns
  /// its destination, `os << x` returns os, c_str() points into *this);
  /// NoArg when the result is a new value.
  int ReturnsArg = NoArg;
  /// For Size sinks: the buffer the length bounds (memcpy's destination),
  /// whose size, when known, the length must not exceed; NoArg for
  /// allocations.
  int Buffer = NoArg;
  /// For validators: the arguments are safe when the call returns zero
  /// (regexec) rather than non-zero.
  bool ValidWhenZero = false;
  /// For sources whose result is a number: the values it can take
  /// (getchar: -1 to 255), for the range checks.
  std::optional<std::pair<std::int64_t, std::int64_t>> ResultRange =
      std::nullopt;
  /// Where the rule was declared: "built-in", or "file:line" of a model
  /// file, or "annotation".
  std::string Origin = "built-in";

  // Named constructors, so the built-in table reads as a declaration.
  static Rule source(llvm::StringRef Fn, ArgSet Out, SourceKind Kind);
  static Rule sink(llvm::StringRef Fn, ArgSet Args, SinkKind Kind);
  static Rule propagator(llvm::StringRef Fn, ArgSet In, ArgSet Out);
  static Rule formatter(llvm::StringRef Fn, int Format, ArgSet In, ArgSet Out);
  static Rule appender(llvm::StringRef Fn, ArgSet In, ArgSet Out);
  static Rule sanitizer(llvm::StringRef Fn, ArgSet Out);
  static Rule validator(llvm::StringRef Fn, ArgSet Args);
  /// The return value designates the object at \p Pos.
  Rule &returning(int Pos) {
    ReturnsArg = Pos;
    return *this;
  }
  /// For a Size sink: the length bounds the buffer at \p Pos.
  Rule &bounding(int Pos) {
    Buffer = Pos;
    return *this;
  }
  /// The result lies in [\p Lo, \p Hi].
  Rule &ranging(std::int64_t Lo, std::int64_t Hi) {
    ResultRange = {Lo, Hi};
    return *this;
  }
};

/// The rules in force for one analysis: the built-in table, minus the
/// functions a user disabled, plus user rules (model files) and rules
/// declared in source with __attribute__((annotate("sinkguard::..."))).
/// Lookups are by the callee's qualified name.
class Model {
public:
  /// The built-in model for libc, POSIX and the C++ standard library.
  static const Model &builtin();
  /// The built-in rules as a list, for composing a model with user rules.
  static const std::vector<Rule> &builtinRules();

  explicit Model(std::vector<Rule> Rules);
  /// \p Base's rules minus those for the functions in \p Disabled, plus
  /// \p Extra.
  Model(const std::vector<Rule> &Base, std::vector<Rule> Extra,
        llvm::ArrayRef<std::string> Disabled);

  /// Rules for \p FD: by qualified name, then from its annotations.
  llvm::ArrayRef<const Rule *> rulesFor(const clang::FunctionDecl *FD) const;
  llvm::ArrayRef<const Rule *> rulesFor(llvm::StringRef QualifiedName) const;

  /// Names of every function with a sink rule of kind \p Kind, for building
  /// AST matchers.
  std::vector<std::string> sinkNames(SinkKind Kind) const;

private:
  void index();
  llvm::ArrayRef<const Rule *> lookUp(const clang::FunctionDecl *FD) const;

  std::vector<Rule> Rules;
  llvm::StringMap<llvm::SmallVector<const Rule *, 2>> ByName;
  /// The unqualified names of every rule's function ("append", "system"):
  /// a cheap first test before the qualified name is built.
  llvm::StringSet<> SimpleNames;
  /// Rules made from annotations, per function, made on first lookup.
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<llvm::SmallVector<Rule, 1>>>
      AnnotationRules;
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         llvm::SmallVector<const Rule *, 1>>
      AnnotationIndex;
  /// rulesFor's answer per declaration: checks ask for every call.
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         llvm::ArrayRef<const Rule *>>
      Lookups;
};

/// The qualified name a rule would use for \p FD: template arguments and
/// inline namespaces (std::__1, std::__cxx11) are dropped.
std::string ruleName(const clang::FunctionDecl *FD);

} // namespace sinkguard::model

#endif
