//===--- Taint.h - Where untrusted data goes --------------------*- C++ -*-===//
//
// A forward dataflow analysis over each function's CFG that tracks
// untrusted data from sources (the model's source rules, main's argv and
// envp, getopt's optarg) through variables, struct fields, buffers,
// pointers, strings, streams and containers, into sinks. Branches refine
// the state: on the side of a branch where an allow-list check passed, the
// checked value is clean, so a check that dominates a sink on every path
// cleans the data at the sink, and one that covers only some paths does not.
//
// Calls to functions defined in the translation unit go through summaries
// (parameter -> return value, parameter -> pointee of another parameter or
// member, parameter -> sink, source -> return, "returns true only when the
// parameter is safe"), computed once per function, with a fixpoint for
// recursion.
//
// Knows Clang's AST and CFG and the model, never clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_TAINT_H
#define SINKGUARD_CHECKS_ENGINE_TAINT_H

#include "../model/Model.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXMethodDecl;
class Decl;
class Expr;
class FieldDecl;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace sinkguard::engine {

/// Where tainted data came from: a real source, or (while summarising a
/// function) one of the function's parameters; in whole-program mode, also
/// what only the link phase can judge: the result of a call to a function
/// defined in another unit, what such a call leaves in an object passed to
/// it, and a global variable's value.
struct FieldPath;

struct Origin {
  enum Kind : std::uint8_t { Source, Parameter, CallResult, CallOut, Global };
  Kind K;
  /// For Parameter: the index, or model::ThisObject. For CallResult and
  /// CallOut: the external call's index (TaintEngine::externalCalls); for
  /// Global: the global's index (TaintEngine::globals).
  int Param = 0;
  model::SourceKind Category = model::SourceKind::Other;
  /// What produced the data: "fgets", "argv", "std::cin".
  std::string What;
  /// True when a call produced it ("read by 'fgets'"), false for a
  /// variable (main's argv, getopt's optarg).
  bool ByCall = true;
  clang::SourceLocation Loc;
  /// For CallOut: the argument's position; 0 otherwise.
  int Arg = 0;
  /// For CallOut and Global: the fields read inside the object
  /// ("opts.host" read after `parse(&opts)`: "host"), dot-separated.
  std::string Fields = {};
  /// For Parameter: the field read inside the object the parameter is or
  /// designates (`r->len`: len), when one was; a caller maps it to what
  /// that field of its argument holds, not to the whole argument.
  const FieldPath *Path = nullptr;

  /// Whether only the link phase knows if the data is untrusted.
  bool symbolic() const { return K >= CallResult; }
};

/// One step of a path. Steps form persistent lists from the newest step back
/// to the origin's step, so paths share their common prefix.
struct Step {
  const Step *Prev;
  const Origin *Root;
  clang::SourceLocation Loc;
  std::string Message;
  unsigned Length;
  /// Whole-program mode: the data passed a check by a function defined in
  /// another unit (its external call's index, and the argument); the link
  /// phase knows whether that function is a validator.
  int GuardCall = -1;
  int GuardArg = 0;
  /// Some step up to this one is such a check.
  bool Guarded = false;
  /// The data is a position in a buffer: some step up to this one took
  /// the distance between two pointers into it (`end - start`). Such a
  /// value is no larger than the buffer it was measured in; it matters at
  /// a range sink only where the sink's own extent is known (a copy into
  /// a fixed array), not for an allocation, a loop or a heap buffer.
  bool Positional = false;
  /// A callee's path replayed after Prev: this step stands for the steps of
  /// Replay's path after its origin (a caller's data going through the
  /// callee), which pathTo() lists in its place. Loc is the last of them;
  /// Message is empty. Made once per (Prev, Replay), so a path through a
  /// callee costs one step, not one per step of the callee's path.
  const Step *Replay = nullptr;
};

/// The last step of \p S's path that has a place and a message of its own
/// (\p S itself unless it is a replayed path).
inline const Step *lastRealStep(const Step *S) {
  while (S->Replay)
    S = S->Replay;
  return S;
}

/// [absolute file, line, column, byte offset] of \p Loc's expansion, as
/// the link phase's facts write places; null when it has none.
llvm::json::Value factsPlace(clang::ASTContext &Ctx, clang::SourceLocation Loc);

/// The steps from the origin to \p Tip, origin first.
llvm::SmallVector<const Step *, 8> pathTo(const Step *Tip);

/// What is known of an integer value on every path to a point: a lower
/// bound, an upper bound whose value may be unknown (a comparison with a
/// variable or a container's size), both inclusive.
struct IntRange {
  std::optional<std::int64_t> Lo;
  std::optional<std::int64_t> Hi;
  /// Hi comes only from the value's (narrow) type, not from a check.
  bool HiFromType = false;
  /// Some upper bound holds whose value is not known (when Hi is empty).
  bool Symbolic = false;
  /// With Symbolic: the object whose size() bounds the value, if any.
  const void *SizeOf = nullptr;
  /// With Symbolic: the bound is a value copied from a parameter
  /// (`n = limit`): it holds for data from a source, not for data the
  /// parameter itself brings in from a caller.
  bool FromParameter = false;
  /// The range of a local array's elements (the hull of what was stored):
  /// a loop widens it to the next power of two, not to nothing.
  bool Elements = false;
  /// The value is at most an integer field of an object (its length, size
  /// or count) plus LenDelta: `i < frame->size - 2` gives frame and -3.
  /// The object is LenBase with the path LenPath (null: the variable).
  /// It bounds an index into a pointer field of that same object, whatever
  /// the field holds: the object describes its own buffer.
  const void *LenBase = nullptr;
  const FieldPath *LenPath = nullptr;
  std::int64_t LenDelta = 0;
  /// The value is that field itself, moved by a constant or reduced
  /// (`ds->length`, `b->size - n`): the object's own bookkeeping, not
  /// a check.
  bool LenOwn = false;

  bool hasUpper() const { return Hi || Symbolic; }
  bool operator==(const IntRange &O) const {
    return Lo == O.Lo && Hi == O.Hi && HiFromType == O.HiFromType &&
           Symbolic == O.Symbolic && SizeOf == O.SizeOf &&
           FromParameter == O.FromParameter && Elements == O.Elements &&
           LenBase == O.LenBase && LenPath == O.LenPath &&
           LenDelta == O.LenDelta && LenOwn == O.LenOwn;
  }
  /// Copies \p From's object length (LenBase to LenOwn).
  void lengthFrom(const IntRange &From) { lengthFrom(From, From.LenDelta); }
  /// The same, at \p Delta from that length instead of From's.
  void lengthFrom(const IntRange &From, std::int64_t Delta) {
    LenBase = From.LenBase;
    LenPath = From.LenPath;
    LenDelta = Delta;
    LenOwn = From.LenOwn;
  }
  /// What holds on either of two paths.
  static IntRange hull(const IntRange &A, const IntRange &B);
  /// What holds when both hold.
  static IntRange meet(const IntRange &A, const IntRange &B);
};

/// Whether \p R keeps a number within bounds on both sides, as an index or
/// a size needs: an upper bound, and no value below zero.
inline bool boundedNumber(const IntRange &R) {
  return R.hasUpper() && R.Lo && *R.Lo >= 0;
}

/// Why an untrusted index or offset is out of bounds.
enum class IndexProblem : std::uint8_t {
  None,
  /// No upper bound on some path.
  NoUpperBound,
  /// Signed and may be negative.
  NoLowerBound,
  /// Checked against a limit larger than the array.
  ExceedsExtent,
  /// Checked against the size of another container.
  OtherContainer,
};

/// For index, offset, size and loop-bound sinks: the use and what is known
/// of the value.
struct IndexUse {
  /// The subscript, pointer arithmetic, operator[] call, size argument,
  /// new[] expression or loop limit.
  const clang::Expr *Use = nullptr;
  /// The array, pointer or container indexed (for a size, the buffer it
  /// bounds, if any), and the variable it is.
  const clang::Expr *Base = nullptr;
  const void *BaseObject = nullptr;
  IntRange Range;
  /// The number of elements (for a size, of bytes), when known.
  std::optional<std::uint64_t> Extent;
  /// For a loop bound: the loop, and whether the value is the counter
  /// itself, counted down (`while (n--)`), rather than a limit (`i < n`).
  const clang::Stmt *Loop = nullptr;
  bool CountsDown = false;
  IndexProblem Problem = IndexProblem::None;
  /// The index is a parameter the function never modifies, so a caller's
  /// check on its argument applies at the use.
  bool ParamExact = false;
  /// With ParamExact: where the value is not the parameter itself but
  /// computed from it and constants (`size ? size : 1`, `off / 64`, `n +
  /// 1`), that computation, in terms of the parameter of the function the
  /// use is judged for, and of each callee's on the way, outermost first
  /// (`xmalloc(n + 1)` and then `size ? size : 1`): the caller's range of
  /// the argument is carried through them (FunctionAnalysis::derivedRange).
  /// None: the parameter itself.
  llvm::SmallVector<const clang::Expr *, 1> ParamValue;
  /// The indexed pointer is this parameter, never modified (-1: another
  /// base): the caller's argument may be an array of known size.
  int BaseParam = -1;
  /// The object whose pointer field (or getter) Base is, if any: an index
  /// bounded by that object's own length is in range (IntRange::LenBase).
  const void *OwnerBase = nullptr;
  const FieldPath *OwnerPath = nullptr;
  /// Judged in range by the owner's length.
  bool OwnLength = false;
  /// For a loop bound that is the length parameter following a buffer
  /// parameter, over a body that walks that buffer: the buffer parameter's
  /// position. Whether the rounds are bounded is the callers' question: a
  /// length they bound, or one of the buffer they pass, is no finding.
  int LengthOf = -1;
  /// The use is in a function defined in another file, known from the
  /// summary store: Use is the argument passed to it, and Base is null.
  bool InCallee = false;
};

/// A path of untrusted data into a sink.
struct SinkHit {
  enum Kind : std::uint8_t {
    /// A shell interprets the argument as a command line.
    ShellCommand,
    /// The program that exec*/posix_spawn runs.
    ExecProgram,
    /// An argument of a program that is not a shell (argument injection).
    ExecArgument,
    /// An array subscript or a container's operator[] (range checks).
    Index,
    /// A pointer plus an integer (range checks).
    Offset,
    /// The size of an allocation (malloc, new[], a variable-length array)
    /// or the length of a copy or read (range checks).
    Size,
    /// What bounds a loop: the limit its counter is compared with, or a
    /// counter counted down to zero (range checks).
    LoopBound,
    /// Text converted to a number by atoi, strtol, sscanf... (range checks;
    /// the conversion check judges how failure is detected).
    Conversion,
    /// An argument of a call to a function defined in another unit
    /// (whole-program mode): the link phase follows it into the callee.
    ExternalArg,
  };
  Kind K;
  /// Null for Index and Offset on built-in arrays and pointers, for the
  /// Size of new[] and variable-length arrays, and for LoopBound.
  const clang::CallExpr *Call;
  const clang::FunctionDecl *Sink;
  /// The argument, or for Index and Offset the index expression, for Size
  /// the size, for LoopBound the limit or counter.
  const clang::Expr *Arg;
  /// The last step before the sink; its Root is a Source origin.
  const Step *Path;
  /// For Index, Offset, Size and LoopBound: the use and what is known of
  /// the value there.
  IndexUse Indexing = {};
  /// For ExternalArg of an object (a pointer to a struct, a struct passed
  /// by reference): the field of it the data lies in, when only one does
  /// (`run(&ctx)` after `ctx.argv = argv`: argv); null for the whole.
  const FieldPath *ArgFields = nullptr;

  /// Whether the hit is about an integer's range rather than text.
  static bool isRange(Kind K) {
    return K == Index || K == Offset || K == Size || K == LoopBound;
  }
};

/// The name of the function a call sink passes the value to: the callee,
/// or for a call through a struct field (a model file's `ctx::alloc`) the
/// field; empty when there is no call.
std::string sinkName(const SinkHit &Hit);

/// Whether \p Hit brings only a distance measured in a buffer
/// (Step::Positional) to a range sink whose own extent is unknown (an
/// allocation, a loop, a pointer): no larger than the buffer it was
/// measured in, it is no finding there.
inline bool positionalOnly(const SinkHit &Hit) {
  return SinkHit::isRange(Hit.K) && Hit.Path && Hit.Path->Positional &&
         !Hit.Indexing.Extent;
}

class LinkedProgram;

struct TaintOptions {
  /// Source categories whose data counts as trusted.
  llvm::SmallVector<model::SourceKind, 2> Trusted;
  /// Report exec* program paths and arguments of non-shell programs.
  bool ReportExecArguments = true;
  /// Track integer ranges and report untrusted indexes, offsets, sizes and
  /// loop bounds that are not bounded on every path, and untrusted text
  /// converted to numbers. Off for the command checks, which need none of
  /// it.
  bool RangeChecks = false;
  /// Whether an `assert` compiled into the code counts as a check (release
  /// builds compile it out).
  bool CountAsserts = true;
  /// Describe every function for the link phase (engine/Facts.h): calls
  /// to functions defined elsewhere, globals and parameters become origins
  /// and sinks that the link resolves.
  bool WholeProgram = false;
  /// What the last scan's link phase knows of functions defined in other
  /// units; null for none.
  std::shared_ptr<const LinkedProgram> Linked;
};

/// What the link phase of the last whole-program scan resolved about a
/// function defined in another unit (the summary store), for hosts that
/// analyse one file at a time (clang-tidy, clangd).
struct LinkedFunction {
  /// How the function gets the untrusted data it returns ("read by 'fgets'
  /// at net.c:12"); empty when it returns none.
  std::string ReturnsSource;
  /// Parameters whose data it returns.
  llvm::SmallVector<int, 2> ToReturn;
  /// Those of ToReturn of which it returns only a distance measured in the
  /// data (Step::Positional).
  llvm::SmallVector<int, 1> PositionalReturn;
  /// Parameters whose data reaches a sink, in it or in what it calls.
  struct ParamSink {
    int Param;
    SinkHit::Kind Kind;
    /// "'system' at run.c:4".
    std::string Where;
    /// A range sink's extent is known (positionalOnly).
    bool Fixed = false;
    /// The field of the parameter's object whose data reaches the sink,
    /// dot-separated ("" the whole, or not known).
    std::string Fields = {};
  };
  std::vector<ParamSink> Sinks;
  /// Parameters that are safe when it returns non-zero.
  llvm::SmallVector<int, 2> Validates;
  /// The definition's signature (Signatures.h): a call binds to it only
  /// when it fits.
  std::string Signature;
};

/// The linked summaries of a program, by USR.
class LinkedProgram {
public:
  virtual ~LinkedProgram();
  /// The definitions of \p Usr that a call in the unit whose main file is
  /// one of \p UnitNames (as the facts name it, then its real path) binds
  /// to: one for a function defined once, those of the unit's programs for
  /// a name several programs define (none when the link could not tell).
  virtual llvm::SmallVector<const LinkedFunction *, 1>
  find(llvm::StringRef Usr, llvm::ArrayRef<std::string> UnitNames) const = 0;
};

/// A call to a function whose definition this unit does not have (or a
/// call through a struct field holding a function pointer), for the link.
struct ExternalCall {
  const clang::CallExpr *Call;
  /// The function called, or the field called through.
  const clang::Decl *Target;
  /// Where the call is.
  const clang::FunctionDecl *Caller;
  /// A virtual call through a pointer or reference of a base type: the
  /// link binds it to every definition and override of Target, as a call
  /// through a field to what is stored there.
  bool Dispatch = false;
};

class FunctionAnalysis;

/// Taint analysis for one translation unit: function summaries are cached
/// here and computed on demand.
class TaintEngine {
public:
  TaintEngine(const model::Model &M, clang::ASTContext &Ctx,
              TaintOptions Opts = {});
  ~TaintEngine();

  /// Analyses \p FD (and, through summaries, what it calls); returns the
  /// paths from real sources into sinks found in it or in its callees that
  /// were not returned before.
  std::vector<SinkHit> analyze(const clang::FunctionDecl *FD);

  const model::Model &model() const { return M; }
  clang::ASTContext &context() const { return Ctx; }
  const TaintOptions &options() const { return Opts; }

  /// The facts of the functions summarised so far, for the link phase:
  /// \p Describe renders the findings a sink would produce (check, message
  /// with OriginPlaceholder where the origin's description goes).
  llvm::json::Object
  facts(llvm::function_ref<llvm::json::Array(const SinkHit &)> Describe);

  /// One file at a time (not whole-program): those of \p Analysed (in
  /// order) whose analysis read a global before the unit's functions had
  /// stored all they store there (a reader defined before its writer).
  /// restartUnit(), then analyze() of these, finds what they missed.
  std::vector<const clang::FunctionDecl *>
  staleReaders(llvm::ArrayRef<const clang::FunctionDecl *> Analysed) const;
  /// Forgets the summaries and scans of the unit, keeps what its functions
  /// store in globals and which sinks were reported: analyze() again
  /// returns only the sinks the first round missed.
  void restartUnit();

private:
  // The engine's implementation (FunctionAnalysis and the files of
  // checks/engine/) uses what follows; the checks see only the above.
  friend class FunctionAnalysis;
  struct Summary;
  const Summary *summaryFor(const clang::FunctionDecl *FD);
  /// Function-pointer parameters bound to the functions a call passes
  /// (`run_child(child_main, cmd)`): parameter index, function.
  using Callbacks =
      llvm::SmallVector<std::pair<unsigned, const clang::FunctionDecl *>, 1>;
  /// The summary of \p FD when its parameters \p Bound hold those
  /// functions: the calls through them go to them (one per binding, made
  /// on first use; the plain summary while \p FD is being analysed).
  const Summary *summaryFor(const clang::FunctionDecl *FD,
                            const Callbacks &Bound);
  /// Whether \p FD calls through its parameter \p P (found once).
  bool callsThrough(const clang::FunctionDecl *FD, unsigned P);
  const Origin *makeOrigin(Origin O);
  const FieldPath *fieldPath(const FieldPath *Parent,
                             const clang::FieldDecl *F);
  const Step *makeStep(const Step *Prev, const Origin *Root,
                       clang::SourceLocation Loc, std::string Message,
                       bool Positional = false);
  /// The steps of \p Inner after its origin, on top of \p Onto.
  const Step *replay(const Step *Onto, const Step *Inner);
  /// A step past a check by a function defined elsewhere (whole-program).
  const Step *makeGuardStep(const Step *Prev, clang::SourceLocation Loc,
                            std::string Message, int Call, int Arg);
  void report(const SinkHit &Hit);
  /// Whether \p FD reads a source, or calls a function that exports one
  /// (exportsSource): only such functions can start a path by themselves.
  bool mayProduceSource(const clang::FunctionDecl *FD);
  /// Whether \p FD, given nothing untrusted, may hand its caller untrusted
  /// data: return it, or leave it where a pointer or reference parameter
  /// points (or, whole-program, in a global). Only then does a caller that
  /// passes it nothing untrusted need its summary. Computes the summary.
  bool exportsSource(const clang::FunctionDecl *FD);
  bool isTrusted(model::SourceKind K) const;
  /// Whether a call to \p Callee may hand its caller untrusted data by
  /// itself (a source rule, a linked summary, or exportsSource).
  bool handsOverSource(const clang::FunctionDecl *Callee);
  /// Whether \p S reads a source or calls what hands one over.
  bool readsSource(const clang::Stmt *S);

  // Whole-program mode.
  /// The index of \p Call to a function defined elsewhere, made on first use.
  int externalCall(const clang::CallExpr *Call, const clang::Decl *Target,
                   const clang::FunctionDecl *Caller, bool Dispatch = false);
  const std::vector<ExternalCall> &externalCalls() const { return Calls; }
  /// The index of global \p VD, made on first use.
  int global(const clang::VarDecl *VD);
  /// The index of the global whose cells have base \p Base, or -1.
  int globalAt(const void *Base) const {
    auto It = GlobalIndex.find(static_cast<const clang::VarDecl *>(Base));
    return It == GlobalIndex.end() ? -1 : It->second;
  }
  const std::vector<const clang::VarDecl *> &globals() const {
    return GlobalVars;
  }
  /// The index of \p VD when the analysis follows it as a global (of the
  /// program, not const, not a system header's), else -1; made on first
  /// use.
  int trackedGlobal(const clang::ValueDecl *VD);
  /// Whether every pattern regcomp compiles into the regex_t \p Object in
  /// this unit is a literal anchored at both ends (without REG_NEWLINE);
  /// none when a pattern is not a literal or none is compiled here.
  std::optional<bool> compiledAnchored(const clang::Decl *Object);

  // One file at a time: what the unit's functions store in its globals.
  /// Untrusted data \p T (paths from sources) stored at \p Path of global
  /// \p G, with the range of the stored value when known (an integer):
  /// a number in a range (boundedNumber) is not kept.
  void storeInGlobal(int G, const FieldPath *Path,
                     const llvm::SmallVector<const Step *, 2> &T,
                     std::optional<IntRange> Range);
  /// What reads of global \p G at \p Path see: paths from sources.
  llvm::SmallVector<const Step *, 2> globalContents(int G,
                                                    const FieldPath *Path);
  /// Function pointers stored in struct fields anywhere in the unit
  /// (`ops.run = do_run`, `{.run = do_run}`), found once.
  const std::vector<
      std::pair<const clang::FieldDecl *, const clang::FunctionDecl *>> &
  fieldTargets();
  /// The functions defined in the unit that it stores in \p Field and that
  /// a call with \p Args arguments fits (at most MaxFieldCallees, first
  /// stored first).
  llvm::SmallVector<const clang::FunctionDecl *, 2>
  storedIn(const clang::FieldDecl *Field, unsigned Args);
  /// The functions the unit stores in elements of \p Table, a variable or
  /// a field (`handlers[type] = on_data`), in the order stored.
  llvm::SmallVector<const clang::FunctionDecl *, 2>
  storedInTable(const clang::ValueDecl *Table);
  /// The methods defined in the unit that override \p MD (directly or
  /// through another override), found once.
  llvm::ArrayRef<const clang::FunctionDecl *>
  overridersOf(const clang::CXXMethodDecl *MD);
  /// The virtual methods the unit defines, each with itself and each
  /// method it overrides (directly or not): what a virtual call of one of
  /// those may run, for the link.
  llvm::ArrayRef<
      std::pair<const clang::CXXMethodDecl *, const clang::CXXMethodDecl *>>
  dispatchTargets();
  /// What the unit puts in the `std::function` member \p Field: the
  /// lambdas and functions assigned to it in any method, given to its
  /// constructor initializer or default member initializer, or passed to
  /// a function that stores its parameter there (at most
  /// MaxFieldCallees), found once.
  llvm::ArrayRef<const clang::Expr *> heldIn(const clang::FieldDecl *Field);
  /// Whether another unit may call \p FD: by name, or through a function
  /// pointer stored in a field.
  bool callableElsewhere(const clang::FunctionDecl *FD);
  /// Whether \p Callee's body is in another unit: declared here, defined
  /// nowhere here, neither a builtin nor the C library's.
  bool bodyElsewhere(const clang::FunctionDecl *Callee) const;
  /// The last scan's linked summaries of \p Callee (per-file mode with a
  /// summary store), when its body is elsewhere and the store knows it:
  /// the definitions the link bound this unit's calls to whose signature
  /// \p Call fits (the declaration's, without a call).
  llvm::SmallVector<const LinkedFunction *, 1>
  linkedSummaries(const clang::FunctionDecl *Callee,
                  const clang::CallExpr *Call = nullptr) const;
  /// The unit's main file as the facts name it (absolute, without dots),
  /// then its real path when that differs.
  llvm::ArrayRef<std::string> unitNames() const;

  const model::Model &M;
  clang::ASTContext &Ctx;
  TaintOptions Opts;
  llvm::BumpPtrAllocator Arena;
  std::vector<std::unique_ptr<Origin>> Origins;
  std::map<std::tuple<int, int, int, unsigned, bool, std::string, int,
                      std::string, const void *>,
           const Origin *>
      OriginIndex;
  std::vector<std::unique_ptr<Step>> Steps;
  /// Steps by (previous step, origin, location, hash of the message).
  llvm::DenseMap<std::tuple<const Step *, const Origin *, unsigned, unsigned>,
                 llvm::SmallVector<const Step *, 1>>
      StepIndex;
  /// A callee's path replayed on a caller's step (FunctionAnalysis::replay):
  /// each fixpoint round and each call site of a callee asks again.
  llvm::DenseMap<std::pair<const Step *, const Step *>, const Step *> Replayed;
  llvm::DenseMap<std::pair<const FieldPath *, const clang::FieldDecl *>,
                 const FieldPath *>
      FieldPaths;
  std::vector<std::unique_ptr<FieldPath>> FieldPathStore;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Summary>>
      Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  std::map<std::pair<const clang::FunctionDecl *, Callbacks>,
           std::unique_ptr<Summary>>
      Specialized;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool>
      CallsThrough;
  enum class Scan : std::uint8_t { Running, No, Yes };
  llvm::DenseMap<const clang::FunctionDecl *, Scan> ProducesSource;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Exports;
  llvm::DenseSet<const clang::FunctionDecl *> Recursive;
  llvm::DenseSet<
      std::tuple<const clang::Expr *, const clang::Expr *, const FieldPath *>>
      Reported;
  std::vector<SinkHit> Pending;
  std::vector<ExternalCall> Calls;
  llvm::DenseMap<const clang::CallExpr *, int> CallIndex;
  std::vector<const clang::VarDecl *> GlobalVars;
  llvm::DenseMap<const clang::VarDecl *, int> GlobalIndex;
  /// Real sources passed to functions defined elsewhere.
  std::vector<SinkHit> SourceToExternal;
  /// Paths from real sources into sinks that passed a check by a function
  /// defined elsewhere: the link phase reports them unless it validates.
  std::vector<SinkHit> Guarded;

  /// What the unit's functions store in a global (one file at a time),
  /// per field path: the paths from sources (numbers checked into a range
  /// before they were stored are not kept).
  struct UnitStore {
    const FieldPath *Path;
    llvm::SmallVector<const Step *, 2> Data;
  };
  llvm::DenseMap<int, std::vector<UnitStore>> UnitStores;
  /// Per global: the count of changes to what is stored in it.
  llvm::DenseMap<int, unsigned> StoreChanges;
  /// Which globals (and at which count of changes, the first time) each
  /// function analyze() was given read, in it or in its callees.
  using GlobalReads = llvm::SmallVector<std::pair<int, unsigned>, 2>;
  llvm::DenseMap<const clang::FunctionDecl *, GlobalReads> TopReads;
  const clang::FunctionDecl *CurrentTop = nullptr;
  /// The globals each function's own body names, as mayProduceSource's scan
  /// found them (with the count of changes then), and the function whose
  /// body is being scanned.
  llvm::DenseMap<const clang::FunctionDecl *, GlobalReads> ScanReads;
  const clang::FunctionDecl *Scanning = nullptr;
  /// The summaries being computed, innermost last: each records the
  /// globals read while it is.
  std::vector<Summary *> Computing;
  /// Records that global \p G was read with \p Count changes made to it,
  /// for the function being analysed and the summaries being computed.
  void noteRead(int G, unsigned Count);
  /// Adds (\p G, \p Count) to \p Reads, keeping the first (least) count.
  static void addRead(llvm::SmallVectorImpl<std::pair<int, unsigned>> &Reads,
                      int G, unsigned Count);
  /// The count of changes made so far to what global \p G holds.
  unsigned storeCount(int G) const;
  /// Whether a global of \p Reads changed since it was read.
  bool changedSince(llvm::ArrayRef<std::pair<int, unsigned>> Reads) const;

  bool FieldTargetsKnown = false;
  bool OverridersKnown = false;
  bool HeldKnown = false;
  llvm::DenseMap<const clang::FieldDecl *,
                 llvm::SmallVector<const clang::Expr *, 2>>
      HeldBy;
  /// compiledAnchored()'s answer per regex_t object: one walk of the unit
  /// each, whichever function asks.
  llvm::DenseMap<const clang::Decl *, std::optional<bool>> CompiledPatterns;
  llvm::DenseMap<const clang::CXXMethodDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 2>>
      OverridersBy;
  /// dispatchTargets(), found with OverridersBy.
  std::vector<
      std::pair<const clang::CXXMethodDecl *, const clang::CXXMethodDecl *>>
      DispatchPairs;
  /// unitNames(), found on first use.
  mutable std::vector<std::string> UnitNames;
  std::vector<std::pair<const clang::FieldDecl *, const clang::FunctionDecl *>>
      StoredTargets;
  std::vector<std::pair<const clang::ValueDecl *, const clang::FunctionDecl *>>
      TableTargets;
  llvm::DenseSet<const clang::FunctionDecl *> StoredFunctions;
};

} // namespace sinkguard::engine

#endif
