//===--- Model.h - Declarative model of functions that matter ---*- C++ -*-===//
//
// One rule type describes every function sinkguard cares about: where
// command strings are executed (sinks) and how a function writes data from
// some arguments into others (propagators), and what else the engine must
// know of a library function (that exit does not return, that strcmp == 0
// means equal text). Argument positions follow the Static Analyzer's
// GenericTaintChecker: 0-based, ReturnValue (-1) for the result, ThisObject
// (-2) for the implicit object of a member call, and "variadic from N" for
// every argument from N on.
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
#include "llvm/Support/Compiler.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
class NamedDecl;
class ValueDecl;
class VarDecl;
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

  // The kinds below say what a call means to the engine's reasoning, not
  // where data goes: rulesFor() leaves them out (a function known only by
  // them is, for data flow, one the model knows nothing of), and
  // Model::fact() finds them.

  /// Does not return (exit, abort): a branch that calls it leaves the
  /// function.
  NoReturn,
  /// A test on text whose meaning the engine reads from the comparison
  /// around the call (strcmp(s, "x") == 0, strspn(s, SET) == strlen(s)):
  /// which test is the rule's Test.
  TextTest,
  /// Returns the size of the object at In (`v.size()`, `std::size(a)`): an
  /// index compared with it is bounded by that object's size.
  SizeOf,
  /// An operator[] that does not check its index (std::vector's): the range
  /// checks judge the index as they judge an array's.
  UncheckedIndex,
  /// Calls the function passed at CallbackArg with the In arguments as its
  /// parameters, in order (pthread_create runs `fn(arg)`, qsort calls
  /// `cmp` with elements of its array): that function's sinks are reached
  /// with what they hold.
  CallsBack,
};

/// For propagators whose result is one of the In arguments: which one, for
/// the range checks.
enum class Pick : std::uint8_t {
  None,
  /// The smaller of two (std::min).
  Min,
  /// The larger of two (std::max).
  Max,
  /// The first, held between the second and the third (std::clamp).
  Clamp,
};

/// What a TextTest rule's result says about its arguments.
enum class TextTest : std::uint8_t {
  None,
  /// Zero when the texts at In[0] and In[1] are equal (strcmp): compared
  /// with a literal, the other argument is that literal.
  Equal,
  /// Non-zero only when the character at In[0] is a letter or a digit
  /// (isalnum): a loop that leaves the function on a character that fails
  /// it validates the string.
  AllowClass,
  /// The length of the text at In[0] (strlen), which SpanOfSet is compared
  /// with.
  Length,
  /// How many leading characters of the text at In[0] are in the set at
  /// SetArg (strspn): when that is the text's length, or its character
  /// there is '\0', every character is in the set.
  SpanOfSet,
  /// Null unless the character at In[0] is in the set at SetArg
  /// (strchr(SET, c)).
  FindInSet,
  /// npos unless a character of the text at In[0] is outside the set at
  /// SetArg (find_first_not_of).
  FindNotInSet,
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
  /// For formatters: the format is std::format's, where `{}` takes any
  /// type, so every argument that can carry text counts.
  bool BraceFormat = false;
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
  /// For propagators: which argument the result is (std::min's smaller).
  Pick Picks = Pick::None;
  /// For sources whose result is a number: the values it can take
  /// (getchar: -1 to 255), for the range checks.
  std::optional<std::pair<std::int64_t, std::int64_t>> ResultRange =
      std::nullopt;
  /// For a source that fills a buffer: the buffer's position when the
  /// result counts what the call stored there (-1 on failure). With a Size
  /// sink of the same function bounding that buffer (read, recv), the
  /// count is at most that sink's length; without one (getline), it is
  /// below the buffer's size (a terminator follows).
  int CountedBuffer = NoArg;
  /// For a source whose Out object describes the buffers it fills by
  /// pointers (recvmsg's msghdr and its iovecs, readv's iovec array): what
  /// the object's pointer fields designate is filled too.
  bool FillsPointees = false;
  /// For a propagator: called with a null first argument, it goes on in
  /// the text of its last call (strtok).
  bool Continues = false;
  /// For a source: Function names a global variable (getopt's optarg) whose
  /// every read is untrusted data, not a function.
  bool Global = false;
  /// For TextTest rules: which test, and the position of the character set
  /// it reads (strspn's accept), if any.
  TextTest Test = TextTest::None;
  int SetArg = NoArg;
  /// For the kinds that rulesFor() leaves out: Function is an unqualified
  /// name that matches a member function of that name in any class (a
  /// container's size(), whoever wrote the container).
  bool AnyClass = false;
  /// For validators: only on a const object (onFixedObject).
  bool FixedObject = false;
  /// For regular-expression validators: what the pattern (the call's
  /// regex_t or std::regex argument, when the program shows its text)
  /// must be for the match to validate the whole text.
  enum class PatternNeed : std::uint8_t {
    Any,
    /// Not visibly unanchored: a pattern the analysis cannot see counts
    /// (regexec, with the pattern compiled elsewhere).
    NotUnanchored,
    /// Visibly anchored at both ends, `^...$` (std::regex_search).
    Anchored,
  };
  PatternNeed Pattern = PatternNeed::Any;
  /// For CallsBack: the argument that is the function called.
  int CallbackArg = NoArg;
  /// For validators whose check depends on an option (getaddrinfo only
  /// accepts a numeric address with AI_NUMERICHOST in its hints): the
  /// argument designating the options' object, the field, and the name of
  /// the flag the program must set in it. FlagArg is NoArg when none.
  int FlagArg = NoArg;
  std::string FlagField = {};
  std::string FlagName = {};
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
  /// Every read of the global variable \p Var is untrusted data.
  static Rule globalSource(llvm::StringRef Var, SourceKind Kind);
  /// \p Fn calls its argument \p Callback with the arguments \p Passed.
  static Rule callsBack(llvm::StringRef Fn, int Callback, ArgSet Passed);
  static Rule noReturn(llvm::StringRef Fn);
  static Rule textTest(llvm::StringRef Fn, TextTest Test, ArgSet Args);
  static Rule sizeOf(llvm::StringRef Fn, int Object);
  static Rule uncheckedIndex(llvm::StringRef Fn);
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
  /// For a source: the result counts what it stored at \p Pos.
  Rule &counting(int Pos) {
    CountedBuffer = Pos;
    return *this;
  }
  /// For a source: the buffers the Out object's pointer fields designate
  /// are filled too.
  Rule &fillingPointees() {
    FillsPointees = true;
    return *this;
  }
  /// Called with a null first argument, it goes on where its last call
  /// left off (strtok's hidden state).
  Rule &continuing() {
    Continues = true;
    return *this;
  }
  /// The result is the argument \p P picks.
  Rule &picking(Pick P) {
    Picks = P;
    return *this;
  }
  /// For a TextTest: the character set is the argument at \p Pos.
  Rule &inSet(int Pos) {
    SetArg = Pos;
    return *this;
  }
  /// For a validator that is a member function (a container's count,
  /// contains or find): it validates only when its object is a fixed
  /// allow-list, declared const (`static const std::set<std::string>`).
  Rule &onFixedObject() {
    FixedObject = true;
    return *this;
  }
  /// For a regular-expression validator: what its pattern must be.
  Rule &withPattern(PatternNeed P) {
    Pattern = P;
    return *this;
  }
  /// For a validator: it validates only when the program sets the flag
  /// \p Flag in field \p Field of the object argument \p Arg designates.
  Rule &withFlag(int Arg, llvm::StringRef Field, llvm::StringRef Flag) {
    FlagArg = Arg;
    FlagField = Field.str();
    FlagName = Flag.str();
    return *this;
  }
  /// Matches a member function named Function in any class.
  Rule &inAnyClass() {
    AnyClass = true;
    return *this;
  }
  /// For a formatter: the format is std::format's.
  Rule &withBraces() {
    BraceFormat = true;
    return *this;
  }
  /// Whether rulesFor() returns this rule: it says where data goes.
  bool isDataFlow() const { return Kind <= RuleKind::Validator && !Global; }
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

  /// Whether some rule's function has the unqualified name \p Name: a
  /// cheap first test before a qualified name is built (a field called
  /// through, `ctx::read_cb`).
  bool namesSomething(llvm::StringRef Name) const {
    return SimpleNames.contains(Name);
  }

  /// The rule of kind \p Kind (NoReturn, TextTest, SizeOf, UncheckedIndex)
  /// for \p FD, or null.
  const Rule *fact(const clang::FunctionDecl *FD, RuleKind Kind) const;
  /// The same for a function named \p QualifiedName, or a macro named like
  /// one (glibc's isalnum).
  const Rule *fact(llvm::StringRef QualifiedName, RuleKind Kind) const;

  /// The source rule of the global variable \p VD (getopt's optarg), or
  /// null. Asked for every variable the analysis reads.
  const Rule *globalSource(const clang::ValueDecl *VD) const;

  /// Whether \p Program ("/bin/sh", "bash") is a shell: one that runs the
  /// argument after -c as a command line.
  bool isShell(llvm::StringRef Program) const;

  /// Names of every function with a sink rule of kind \p Kind, for building
  /// AST matchers.
  std::vector<std::string> sinkNames(SinkKind Kind) const;

private:
  void index();
  llvm::ArrayRef<const Rule *> lookUp(const clang::FunctionDecl *FD) const;
  const Rule *factFrom(llvm::ArrayRef<const Rule *> Candidates,
                       const clang::FunctionDecl *FD, RuleKind Kind) const;
  LLVM_ATTRIBUTE_NOINLINE const Rule *
  globalSourceNamed(const clang::VarDecl *Var, llvm::StringRef Name) const;

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
  /// The rules rulesFor() leaves out, by unqualified name.
  llvm::StringMap<llvm::SmallVector<const Rule *, 1>> Facts;
  /// Global sources by variable name, and a bit per (length, first
  /// character) of their names: a cheap first test for every variable read.
  llvm::StringMap<const Rule *> GlobalSources;
  std::uint64_t GlobalNameBits = 0;
  llvm::StringSet<> Shells;
};

/// The programs that run the argument after -c as a command line, by file
/// name.
llvm::ArrayRef<llvm::StringLiteral> builtinShells();

/// The qualified name a rule would use for \p FD, a function or a field
/// holding a function pointer (`ctx::read_cb`; an anonymous struct is named
/// by its typedef): template arguments and inline namespaces (std::__1,
/// std::__cxx11) are dropped.
std::string ruleName(const clang::NamedDecl *FD);

} // namespace sinkguard::model

#endif
