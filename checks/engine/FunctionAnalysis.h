//===--- FunctionAnalysis.h - The analysis of one function -----*- C++ -*-===//
//
// Internal to the engine. FunctionAnalysis runs the taint (and range)
// analysis of one function over its CFG and fills its summary. Its methods
// live in one file per concern: Memory.cpp (locations, reads and writes),
// Transfer.cpp (expressions and blocks), Calls.cpp (model rules, dispatch,
// calls elsewhere), Summaries.cpp (applying and extracting summaries),
// Ranges.cpp (integer ranges), Branches.cpp (refinement, validators),
// Sinks.cpp (verdicts at sinks), Paths.cpp (path steps) and Solver.cpp (the
// fixpoint).
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_FUNCTIONANALYSIS_H
#define SINKGUARD_CHECKS_ENGINE_FUNCTIONANALYSIS_H

#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace sinkguard::engine {

using clang::ASTContext;
using clang::BinaryOperator;
using clang::BinaryOperatorKind;
using clang::CallExpr;
using clang::CFGBlock;
using clang::CXXConstructExpr;
using clang::Decl;
using clang::Expr;
using clang::FieldDecl;
using clang::FunctionDecl;
using clang::ParmVarDecl;
using clang::QualType;
using clang::ReturnStmt;
using clang::SourceLocation;
using clang::SourceManager;
using clang::Stmt;
using clang::ValueDecl;
using clang::VarDecl;

struct TaintEngine::Summary {
  /// Paths into the return value: rooted at Parameter or Source origins.
  TaintSet Return;
  /// Paths into the object a pointer/reference parameter (or *this)
  /// designates, per field path.
  struct OutFlow {
    int Param;
    const FieldPath *Path;
    TaintSet From;
  };
  std::vector<OutFlow> Out;
  /// Parameters that reach a sink, with the path inside the function.
  struct SinkFlow {
    SinkHit Hit; // Path rooted at a Parameter origin
  };
  std::vector<SinkFlow> Sinks;
  /// Parameters that are safe when the function returns non-zero.
  llvm::SmallVector<int, 2> Validates;
  /// Integer parameters known to lie in a range when the function returns
  /// non-zero (range checks only): `bool valid_slot(int n)`.
  llvm::SmallVector<std::pair<int, IntRange>, 1> RangeValidates;
  /// Paths into global variables, per field path (whole-program mode).
  struct GlobalFlow {
    int Global;
    const FieldPath *Path;
    TaintSet From;
  };
  std::vector<GlobalFlow> Globals;
  /// One file at a time: the globals it (or a callee) read, each with the
  /// count of changes made to it then (TaintEngine::staleReaders).
  llvm::SmallVector<std::pair<int, unsigned>, 1> ReadGlobals;
  bool Done = false;

  bool sameAs(const Summary &O) const {
    if (!sameOrigins(Return, O.Return) || Out.size() != O.Out.size() ||
        Sinks.size() != O.Sinks.size() || Validates != O.Validates)
      return false;
    for (size_t I = 0; I < Out.size(); ++I)
      if (Out[I].Param != O.Out[I].Param || Out[I].Path != O.Out[I].Path ||
          !sameOrigins(Out[I].From, O.Out[I].From))
        return false;
    return true;
  }
};

/// The order in which the solver runs a function's blocks (Solver.cpp).
struct BlockOrder {
  /// Position in reverse post-order, by block id: an edge to a block of no
  /// greater rank is a loop's back edge.
  std::vector<unsigned> Rank;
  /// The blocks the entry reaches, in the solver's order: loops (strongly
  /// connected components) in topological order, each in reverse
  /// post-order; a loop is done before what follows it runs.
  std::vector<const CFGBlock *> Blocks;
  /// Position in Blocks, by block id.
  std::vector<unsigned> Priority;
  /// Whether the block is in a loop, by block id: it may run more than once.
  std::vector<bool> Cyclic;
  /// Whether the block's sinks judge in the pass after the fixpoint (in a
  /// loop, or after one), by block id; the others judge as the solver
  /// runs them, once, on their final input.
  std::vector<bool> Late;
};
BlockOrder orderBlocks(const clang::CFG &Cfg);

class FunctionAnalysis {
public:
  FunctionAnalysis(TaintEngine &E, const FunctionDecl *FD,
                   TaintEngine::Summary &Out, TaintEngine::Callbacks Bound = {})
      : E(E), M(E.model()), Ctx(E.context()), SM(Ctx.getSourceManager()),
        FD(FD), Out(Out), TrackRanges(E.options().RangeChecks),
        Bound(std::move(Bound)) {}

  void run();

private:
  // Locations.
  const FieldPath *child(const FieldPath *Parent, const FieldDecl *F);
  Location varLoc(const ValueDecl *VD) const { return {VD, nullptr}; }
  /// The object `new T(...)` makes, when T is a class of the program
  /// made with an initializer: a cell of its own; invalid otherwise.
  static Location heapObject(const clang::CXXNewExpr *New);
  Location locOf(const Expr *E, State &S);
  /// Whether \p Cond can validate anything (a call, a comparison), so
  /// that refining a state by it is worth a copy.
  bool mayValidate(const Expr *Cond) const;
  /// Whether \p L is validated where \p Cond takes \p Truth.
  bool validatedBy(const Expr *Cond, bool Truth, Location L, State &S);
  /// `valid(c) ? c : "true"`: each side's value under its condition.
  TaintSet evalSides(const clang::ConditionalOperator *C, State &S);
  /// `a || b` holding (`a && b` failing): what holds either way.
  void refineEither(const clang::BinaryOperator *BO, State &S);
  TaintSet read(Location L, const State &S, QualType T, int Depth = 0);
  /// \p Rel, a field path relative to some object (a pointer's target, a
  /// callee's parameter) or below \p From, re-rooted under \p Target.
  Location rebase(Location Target, const FieldPath *Rel,
                  const FieldPath *From = nullptr);
  /// \p Inner, a path below \p Outer, re-rooted under \p Under (the
  /// path from Outer down to Inner, appended to Under).
  const FieldPath *moved(const FieldPath *Under, const FieldPath *Inner,
                         const FieldPath *Outer) const;
  /// What a read of field path \p Inner sees of taint \p T stored at
  /// its enclosing \p Outer: what an external call or a global may hold
  /// there is narrowed to the fields read, for the link phase; a
  /// parameter's object, to the field read, for the callers.
  TaintSet narrowed(const TaintSet &T, const FieldPath *Outer,
                    const FieldPath *Inner) const;

  /// Writes \p T at \p L (replacing what it held when \p Strong);
  /// \p Stored is the range of the value stored, when known.
  void write(Location L, const TaintSet &T, State &S, bool Strong,
             std::optional<IntRange> Stored = std::nullopt);
  /// Per location of a global: whether every store of data there left a
  /// number in a range (a summary does not carry such a store).
  llvm::DenseMap<Location, bool> GlobalStoresBounded;
  void clean(Location L, State &S);
  /// The location of the field \p ME itself (locOf gives the object it
  /// designates when it is a pointer set to one).
  Location fieldOf(const clang::MemberExpr *ME, State &S);
  /// Copies the object at \p Src into \p Dst field by field (a struct
  /// assignment, initialisation or memcpy): each field of Dst then holds
  /// what the same field of Src held, and what Src held as a whole Dst
  /// holds as a whole; ranges go along. A pointer stored in one field
  /// stays in that field (reading the whole object would taint every
  /// field of the copy). \p Extend adds the step of the copy to each
  /// taint. Returns false when it cannot: Src designates one of several
  /// objects or a global of the whole program, or the two overlap.
  bool copyObject(Location Dst, Location Src, State &S, bool Strong,
                  llvm::function_ref<TaintSet(const TaintSet &)> Extend);
  /// Writes what each initialiser of \p IL holds into its field of
  /// \p Object (nested lists into nested fields); false when the list is
  /// not one for a struct's fields (a union, an array range).
  bool initFields(Location Object, const clang::InitListExpr *IL, State &S,
                  llvm::function_ref<TaintSet(const TaintSet &)> Extend);
  /// What a constructor defined here (\p CE) stores in each field of the
  /// object it makes, written into that field of \p Object (`Frame
  /// f(bytes)`: the field it keeps bytes in, not every field of f); false
  /// when the constructor's summary is not known.
  bool constructFields(Location Object, const clang::CXXConstructExpr *CE,
                       State &S,
                       llvm::function_ref<TaintSet(const TaintSet &)> Extend);
  /// The summary of the constructor \p CE calls when it is defined here
  /// (and is neither a copy or move nor the library's), or null.
  const TaintEngine::Summary *
  constructorSummary(const clang::CXXConstructExpr *CE);
  /// What the constructor \p CE calls stores in the object through one
  /// flow \p From of its summary into *this: the paths of the arguments it
  /// comes from, continued through the constructor.
  TaintSet constructed(const clang::CXXConstructExpr *CE, const TaintSet &From,
                       State &S);
  /// What field \p Path of \p Object, a temporary its constructor makes
  /// (`Runner(argv[1]).run()`), holds: what the constructor stores there.
  TaintSet temporaryField(const Expr *Object, const FieldPath *Path, State &S);
  /// `auto f = [cmd] { ... }`: each capture's field of the closure at
  /// \p Object holds what its variable holds now; false when \p Init
  /// makes no closure.
  bool captureFields(Location Object, const Expr *Init, State &S);
  /// What a capture's initialiser \p Value holds (for a reference or a
  /// pointer, what it designates too).
  TaintSet captured(const Expr *Value, State &S);
  /// What the captures of the closure \p L makes hold, together.
  TaintSet capturedAll(const clang::LambdaExpr *L, State &S);
  /// What an argument that designates an object (a pointer to a struct, a
  /// struct by reference) holds in its fields: each field's path relative
  /// to the object with its cell, in field order, and every path some
  /// field holds.
  struct ObjectParts {
    bool Object = false;
    llvm::SmallVector<std::pair<const FieldPath *, const TaintSet *>, 4> Fields;
    llvm::DenseSet<const Step *> InAField;
  };
  ObjectParts objectParts(const Expr *A, State &S);
  /// Reports \p Hit, an object passed on to another unit, in each field of
  /// \p Parts that holds \p Outer, the caller's step it continues (whole
  /// where none does).
  void reportInFields(SinkHit Hit, const Step *Outer, const ObjectParts &Parts);
  /// Whether \p L is `*p` with p designating an array (`char *p = buf`,
  /// moved along it by `p++`): a store there writes one element.
  bool elementThroughPointer(const Expr *L, State &S);
  /// Whether values of \p T are objects copied field by field: records
  /// other than text and library containers.
  static bool copiedByField(QualType T);
  /// The argument a copy rule (memcpy) fills with a copy of the object
  /// another argument points to, of the same type, when it is one.
  std::optional<int> copiesObject(const CallExpr *Call, const model::Rule &R);

  // Evaluation.
  TaintSet eval(const Expr *E, State &S);
  TaintSet evalUncached(const Expr *E, State &S);
  TaintSet evalCall(const CallExpr *Call, const FunctionDecl *Callee, State &S);
  TaintSet evalConstruct(const CXXConstructExpr *CE, State &S);
  /// A source's output argument \p A gets its data: the object it
  /// designates, or for a descriptor of buffers (\p Descriptor: recvmsg's
  /// msghdr) the pointer fields that carry the data.
  void writeFilled(const Expr *A, bool Descriptor, const Step *St, State &S);
  /// A stream read \p R describes, of the string stream \p Stream: the
  /// stream's text goes to the rule's outputs (and back, when the call
  /// returns the stream).
  TaintSet readStringStream(const clang::CallExpr *Call, const model::Rule &R,
                            const std::string &Fn, const clang::Expr *Stream,
                            State &S);
  TaintSet applyRule(const CallExpr *Call, const FunctionDecl *Callee,
                     const model::Rule &R,
                     llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S,
                     bool &Handled);
  /// \p ThroughPointer: a call through a function pointer, which leaves
  /// nothing in the objects passed (as the link's callElsewhere).
  /// \p ArgExprs: for a call the library makes (callBack), the caller's
  /// expression passed as each of the callee's parameters.
  TaintSet applySummary(const CallExpr *Call, const FunctionDecl *Callee,
                        const TaintEngine::Summary &Sum,
                        llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S,
                        bool ThroughPointer = false,
                        llvm::ArrayRef<const Expr *> ArgExprs = {});
  /// Where the indexed pointer is a parameter (IndexUse::BaseParam) and
  /// the caller passes \p Base, an array of the same element type: its
  /// size is the extent (or the caller's own parameter is the base).
  void passedExtent(IndexUse &U, const Expr *Base);
  /// A value the callee takes from its parameter (\p Flow: the callee's
  /// use, IndexUse::ParamExact), reached through a call passing \p Arg:
  /// the caller's range of Arg carried through what the callee computes
  /// (IndexUse::ParamValue) is met into \p Judged's range, and Judged is
  /// exact where Arg is the caller's parameter, unchanged. Returns whether
  /// the range could be carried.
  bool carryRange(IndexUse &Judged, const IndexUse &Flow, const Expr *Arg,
                  State &S);
  /// \p Hit, an integer the callee passes unchanged from its parameter to
  /// a function of another unit, reached through a call passing \p Arg:
  /// the caller's range of Arg holds there, and whether the caller passes
  /// its own parameter on unchanged (the link's IndexUse::ParamExact).
  void passedOn(SinkHit &Hit, const Expr *Arg, State &S);
  /// A range sink of a callee reached through \p Call, judged with what
  /// the caller knows of the arguments (IndexUse::LengthOf, ParamExact):
  /// true when no finding is left. \p DirectCall: the call passes the
  /// callee's parameters itself (not a library's call back).
  bool judgedAtCall(const CallExpr *Call, SinkHit &Judged, bool DirectCall,
                    llvm::function_ref<const Expr *(int)> ArgOf, State &S);
  /// The function \p A passes (`fn`, `&fn`, a pointer known to hold one
  /// function here), when the unit defines it outside system headers.
  const FunctionDecl *passedFunction(const Expr *A, const State &S) const;
  /// A call through \p Field when the model has rules for it (a model
  /// file's `Name: ctx::read_cb`): what they make of the call; none when
  /// it has none.
  std::optional<TaintSet>
  applyFieldRules(const CallExpr *Call, const FieldDecl *Field,
                  llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S);
  /// `pthread_create(&t, NULL, worker, job)`: the library calls the
  /// function passed (model::RuleKind::CallsBack) with the data passed.
  void callBack(const CallExpr *Call, const model::Rule &R,
                llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S);
  /// `std::thread t(worker, cmd)`, `std::async(policy, [cmd] { ... })`:
  /// the library calls the callable among \p Args at the rule's position
  /// with the arguments after it; evaluated as that call, written out
  /// once per \p Site (Invocations).
  void invokeCallable(const Expr *Site, llvm::ArrayRef<const Expr *> Args,
                      const model::Rule &R, State &S);
  /// The call `fn(args...)` or `closure(args...)` \p Callable stands for,
  /// made in the AST context; null when it names no function defined here.
  const CallExpr *invocation(const Expr *Callable,
                             llvm::ArrayRef<const Expr *> Args,
                             SourceLocation Loc, const State &S);
  llvm::DenseMap<const Expr *, const CallExpr *> Invocations;
  /// `Fn(args...)` made in the AST context, the object first for a method.
  const CallExpr *callOf(const FunctionDecl *Fn, llvm::ArrayRef<Expr *> Args,
                         SourceLocation Loc);
  /// `f(args...)` on a `std::function` \p Call: the calls of what f holds
  /// (a local's initialiser and what the function assigns to it, a
  /// parameter's bound callback), written out once per call.
  llvm::ArrayRef<const CallExpr *> functionObjectCalls(const CallExpr *Call,
                                                       const State &S);
  /// `f(cmd)` on a std::function (\p MD its operator()): what the calls of
  /// what f holds give; none when f holds nothing known here.
  std::optional<TaintSet> callHeld(const CallExpr *Call,
                                   const clang::CXXMethodDecl *MD, State &S);
  llvm::DenseMap<const CallExpr *, llvm::SmallVector<const CallExpr *, 1>>
      FunctionObjectCalls;
  TaintSet applyLinked(const CallExpr *Call, const FunctionDecl *Callee,
                       const LinkedFunction &L,
                       llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S);

  /// Forgets the ranges of what \p Call's pointer and non-const reference
  /// arguments designate: \p Callee may write there.
  void forgetWritten(const CallExpr *Call, const FunctionDecl *Callee,
                     State &S);
  /// The construction `std::make_unique<T>(args)` (\p Call) performs, of
  /// T (\p Class), made once; null when no single constructor of T with a
  /// body fits the arguments.
  const CXXConstructExpr *madeObject(const CallExpr *Call,
                                     const clang::CXXRecordDecl *Class);
  llvm::DenseMap<const CallExpr *, const CXXConstructExpr *> MadeObjects;
  /// What a library call without a rule gives: an operator's object's
  /// data (`*it`, `p->x`, `c[i]`), or the text a standard library holder
  /// was given (`std::make_pair`, `opt.value()`); nullopt for anything
  /// else.
  std::optional<TaintSet>
  libraryHolder(const CallExpr *Call, const FunctionDecl *Callee,
                llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S);
  /// Whether an argument of \p Call (or its object) is, or points to, an
  /// object with untrusted data in a field (`job->run()` after `job = new
  /// Job(cmd)`, `(*job).run()`): the callee may read it.
  bool designatesTaintedFields(const CallExpr *Call, State &S);
  /// Whether \p Call is a virtual call through a pointer or reference of
  /// a base type, whose callee is not known here (`task->run()`).
  static bool dispatches(const CallExpr *Call);
  /// The overrides the unit defines of the virtual method \p Call calls
  /// through a pointer or reference of a base type (none when the dynamic
  /// type is known or the call names its class).
  llvm::ArrayRef<const FunctionDecl *> overridesCalled(const CallExpr *Call);
  /// A call through struct field \p Field, one file at a time: each
  /// function the file stores in that field (TaintEngine::storedIn).
  TaintSet callStored(const CallExpr *Call, const FieldDecl *Field,
                      llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S);
  TaintSet callElsewhere(const CallExpr *Call, const Decl *Target,
                         llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                         State &S, bool Dispatch = false);
  /// Whether \p Callee's definition is in another unit (whole-program
  /// mode): declared here, defined nowhere here, not the C library's.
  bool definedElsewhere(const FunctionDecl *Callee) const;
  TaintSet formatInputs(const CallExpr *Call, const model::Rule &R,
                        llvm::ArrayRef<std::pair<int, TaintSet>> Args);
  /// A source that fills \p Obj, a descriptor of buffers (recvmsg's
  /// msghdr, readv's iovecs), fills the buffers its pointer fields were set
  /// to designate before \p Call, \p Depth descriptors down.
  void fillPointees(const Expr *Obj, const CallExpr *Call, const Origin *O,
                    llvm::StringRef Fn, State &S, unsigned Depth);
  void checkExecSink(const CallExpr *Call, const FunctionDecl *Callee,
                     const model::Rule &R, State &S);
  /// Adds \p Hit (its path from a parameter or from what only the link
  /// can judge) to the summary.
  void keepSink(const SinkHit &Hit);
  /// Reports \p Hit when its path starts at a real source; otherwise keeps
  /// it for the callers, once per call, argument, origin and field of an
  /// object argument (SinkHit::ArgFields).
  void reportOrKeep(const SinkHit &Hit);
  /// Reports \p Hit, a path from a real source, to the engine.
  void reportHit(const SinkHit &Hit);
  /// What a sink decided, kept for later (Deferring).
  struct Deferred {
    enum Action : std::uint8_t { Report, Keep, Note } What;
    SinkHit Hit;
  };
  /// Where reportHit, keepSink and noteIndexHit put what they are given
  /// instead of acting on it, or null: the verdicts of a block after a loop,
  /// judged as the solver runs it (once, on its final input) and acted on
  /// in the judging pass, in the order the sinks of the loop before it
  /// come first (Solver.cpp).
  std::vector<Deferred> *Deferring = nullptr;
  /// Whether the summary keeps a sink \p Same says is the same, or one is
  /// waiting to be kept (Deferring).
  template <class Pred> bool kept(Pred Same) const {
    if (llvm::any_of(Out.Sinks, Same))
      return true;
    return Deferring && llvm::any_of(*Deferring, [&](const Deferred &D) {
             return D.What == Deferred::Keep && Same(D);
           });
  }
  size_t ExternalArgsKept = 0;
  llvm::DenseSet<std::tuple<const void *, const void *, int>> ExternalArgsSeen;
  void sinkHit(SinkHit::Kind K, const CallExpr *Call,
               const FunctionDecl *Callee, const Expr *Arg, const TaintSet &T);
  void assign(const Expr *LHS, const Expr *RHS, const TaintSet &T, State &S,
              bool Strong, SourceLocation At);
  void declare(const VarDecl *VD, State &S);

  // Paths.
  /// extend() for a step whose place and message are fixed by \p Site
  /// (an expression, declaration or rule, with a discriminator): each
  /// step of \p T is extended once per site, and \p Message is built only
  /// then (an empty message leaves the step as it is). The fixpoint
  /// evaluates the same statements on every round.
  TaintSet extendAt(const TaintSet &T, SourceLocation Loc,
                    std::tuple<const void *, const void *, int> Site,
                    llvm::function_ref<std::string()> Message);
  llvm::DenseMap<std::tuple<const Step *, const void *, const void *, int>,
                 const Step *>
      Extended;
  TaintSet extend(const TaintSet &T, SourceLocation Loc,
                  const std::string &Message);
  /// \p S extended by a step at \p Loc, unless its last step is that one.
  const Step *extendOne(const Step *S, SourceLocation Loc,
                        const std::string &Message);

  // Integer ranges (range checks only).
  /// The range of a conversion's result (rangeOf).
  IntRange castRange(const clang::CastExpr *C, State &S);
  IntRange rangeOf(const Expr *Ex, State &S);
  /// A value that is a length of the object \p Owner (IntRange::LenOwn).
  static IntRange ownLength(Location Owner);
  /// The field \p F returns when it is a getter of the object its first
  /// parameter points to (`return b->size_;`), as a path in that object.
  const FieldPath *getterField(const FunctionDecl *F);
  /// The object whose buffer \p Buffer is: the object of a pointer field
  /// (`ds->string`, or a pointer set from one) or the first argument of a
  /// function of the program handing one out (`dp_packet_data(b)`).
  Location ownerOf(const Expr *Buffer, State &S);
  /// Records in \p U the object whose buffer \p Buffer is, when U's value
  /// is below some object's length (ownerOf).
  void noteOwner(IndexUse &U, const Expr *Buffer, State &S);
  /// \p R gets the length of the object \p Ex, at \p L, is a field of,
  /// when it is one (IntRange::LenOwn).
  void ownField(const Expr *Ex, Location L, IntRange &R);
  /// The range of the variable or field \p Ex reads: what this function
  /// set or checked, else the length it is of its object (ownField).
  IntRange storedRange(const Expr *Ex, State &S);
  /// The pointer parameter whose length \p Ex, a parameter of this
  /// function right after it, is (`(const uint8_t *data, uint16_t size)`).
  const ParmVarDecl *pairedBuffer(const Expr *Ex) const;
  /// Whether the length argument \p LenParam of \p Call is bounded, or a
  /// length of the buffer argument \p BufParam (IndexUse::LengthOf):
  /// LengthFitsBuffer; the
  /// position of this function's buffer parameter when the two are this
  /// function's own (buffer, length) pair, passed on; -1 when not known.
  int lengthFits(const CallExpr *Call, int BufParam, int LenParam, State &S);
  static constexpr int LengthFitsBuffer = -2;
  /// \p Sub, at \p L, is known to be in \p C now, as well as before.
  void narrowRange(const Expr *Sub, Location L, IntRange C, State &S);
  /// The range of a getter's result (getterField): that field's length.
  std::optional<IntRange> getterRange(const CallExpr *Call, State &S);
  /// \p C, of a value compared by \p Op with one of range \p O (moved by
  /// \p Shift), gets O's object length (IntRange::LenBase).
  static void boundByLength(BinaryOperatorKind Op, const IntRange &O,
                            std::int64_t Shift, IntRange &C);
  /// \p R moved by \p Delta in type \p T (`n++`, `n--`); none when the
  /// value may wrap or nothing is known.
  std::optional<IntRange> stepped(const IntRange &R, std::int64_t Delta,
                                  QualType T) const;
  /// A + B or A - B of \p Op, when A (or B of a sum) is below an object's
  /// length: \p Out is too, moved by the constant or reduced.
  static void carryLength(BinaryOperatorKind Op, const IntRange &A,
                          const IntRange &B, IntRange &Out);
  /// A + B or A - B in type \p T, each end moved by B's matching one;
  /// none when the result may leave the type (unsigned wrap).
  std::optional<IntRange> sumRange(BinaryOperatorKind Op, const IntRange &A,
                                   const IntRange &B, QualType T) const;
  /// \p Ex's value if it is a constant (that fits in 64 bits); evaluated
  /// once per expression, not on every round and every enclosing range.
  std::optional<std::int64_t> constantOf(const Expr *Ex);
  IntRange binaryRange(BinaryOperatorKind Op, const Expr *L, const Expr *R,
                       State &S);
  void refineRanges(const Expr *Cond, bool Truth, State &S);
  /// The result of a call that counts what it stored (model's
  /// CountedBuffer, \p Count): read's at most its length.
  IntRange countRange(const CallExpr *Call, const model::Rule &Count, State &S);
  IntRange typeRange(QualType T) const;
  /// The range of \p Ex, a computation from one parameter and constants
  /// (IndexUse::ParamValue), when the parameter is in \p Param; none
  /// when \p Ex is another kind of expression.
  std::optional<IntRange> derivedRange(const Expr *Ex,
                                       const IntRange &Param) const;
  /// Whether \p Ex is computed only from one parameter this function
  /// never modifies and from constants, in a way derivedRange follows.
  bool derivedFromParam(const Expr *Ex);
  const Expr *rangeSubject(const Expr *Ex) const;
  void refineRange(const BinaryOperator *BO, bool Truth, State &S);
  void constrain(const Expr *Subject, BinaryOperatorKind Op, const Expr *Other,
                 bool UnsignedCompare, State &S, std::int64_t Shift = 0);
  void forgetRange(Location L, State &S);
  /// Whether \p Ex reads variables (or fields) and no untrusted data: a
  /// bound of the program's own, like a comparison with it.
  bool trustedBound(const Expr *Ex, State &S);
  /// The values the elements of a local integer array can hold (the range
  /// at the array's location): none stored yet when it is declared without
  /// initialiser, its initialiser's constants, then each store's range.
  void declareElementRange(const VarDecl *VD, State &S);
  void storeElementRange(const clang::ArraySubscriptExpr *AS, const Expr *RHS,
                         std::optional<IntRange> Held, State &S);
  /// The local integer array \p AS indexes, if it is one.
  const VarDecl *elementsOf(const clang::ArraySubscriptExpr *AS) const;
  /// What the elements of the local array \p AS indexes hold, if known.
  std::optional<IntRange> elementRange(const clang::ArraySubscriptExpr *AS,
                                       const State &S) const;
  /// The location that stands for `A + B` or `A - B` of two integer
  /// objects (\p Ex), whose range a check of the expression itself
  /// (`len - off >= sizeof name`) or a comparison of the two (`off <=
  /// len`) gives; invalid when \p Ex is not such an expression.
  Location pairLocation(const Expr *Ex, State &S);
  Location pairKey(BinaryOperatorKind Op, Location A, Location B);
  /// Bounds \p Offset, added to a pointer compared with another pointer:
  /// `p + n <= end`.
  void constrainOffset(const Expr *Offset, State &S);
  void setRange(const Expr *LHS, const Expr *RHS, bool Trusted,
                bool FromParameter, State &S);
  void checkIndex(SinkHit::Kind K, const Expr *Use, const Expr *Base,
                  const Expr *Idx, const TaintSet &T, const CallExpr *Call,
                  State &S);
  IndexProblem judge(IndexUse &U, SinkHit::Kind K) const;
  void checkSize(const Expr *Use, const Expr *Size, const Expr *Buffer,
                 const TaintSet &T, const CallExpr *Call, State &S);
  void checkLoopBound(const Stmt *Loop, State S);
  const Expr *valueAsWritten(const Expr *Ex) const;
  void noteIndexHit(const SinkHit &Hit);
  bool isUnmodifiedParam(const Expr *Ex);
  /// The position of the parameter \p Ex is, when the function never
  /// modifies it (isUnmodifiedParam); -1 otherwise.
  int unmodifiedParamIndex(const Expr *Ex);
  /// Marks \p U as taken from a parameter (IndexUse::ParamExact) when
  /// \p Value, the index or size, is one, or is computed from one
  /// (IndexUse::ParamValue).
  void noteParamUse(IndexUse &U, const Expr *Value);
  void flushIndexHits();

  // Branches.
  void refine(const Expr *Cond, bool Truth, State &S);
  /// Whether \p Ex is fixed text: a literal, or an element of an array of
  /// literals of `const char *`.
  bool fixedText(const Expr *Ex) const;
  /// Whether \p Call's object is a fixed (const) allow-list.
  bool fixedObject(const CallExpr *Call);
  /// \p Call made to each of \p Targets, the states joined.
  TaintSet callEach(const CallExpr *Call,
                    llvm::ArrayRef<const FunctionDecl *> Targets, State &S);
  /// The functions a table's initializer names, when \p Callee is an
  /// element of it (`handlers[type]`, `*verbs[i]`): at most MaxCallTargets.
  void tableTargets(const Expr *Callee,
                    llvm::SmallVectorImpl<const FunctionDecl *> &Out);
  /// Whether the regular expression \p Call matches with (its std::regex
  /// or regex_t argument) is anchored at both ends; none when its text is
  /// not known here.
  std::optional<bool> patternAnchored(const CallExpr *Call);
  /// The `X.find(v)` of `X.find(v) != X.end()` (either order), or null.
  const CallExpr *foundUnlessEnd(const clang::CXXOperatorCallExpr *Op);
  /// Validates the arguments validator rule \p R of \p Call names (on a
  /// fixed object only, when the rule says so).
  void validateArgs(const CallExpr *Call, const model::Rule &R, State &S);
  /// Whether the program sets the flag validator \p R needs (Rule::FlagArg)
  /// in the object \p Call passes.
  bool flagSet(const CallExpr *Call, const model::Rule &R);
  /// Validates what the validator rules of \p Find (a container's find
  /// whose result is not its end()) name.
  void validateFound(const CallExpr *Find, State &S);
  void refineZero(const Expr *E, bool IsZero, State &S);
  /// After \p LHS is assigned \p RHS: when RHS compares local integers
  /// and LHS is a local, testing LHS tests RHS from here
  /// (State::Conditions).
  void noteCondition(const Expr *LHS, const Expr *RHS, State &S);
  void noteCondition(const clang::VarDecl *Flag, const Expr *RHS, State &S);
  /// Where \p Ex, a local State::Conditions holds, is \p Truth: its
  /// comparison is.
  void testCondition(const Expr *Ex, bool Truth, State &S);
  void validate(const Expr *Subject, State &S);
  /// Cleans \p L and remembers that it was validated (State::Validated).
  void markValidated(Location L, State &S);
  /// `ok = 0`, `ok = 1`, `int ok = 0`: what the flag \p VD now means
  /// (State::Flags), given the value stored (null when not known).
  void setFlag(const VarDecl *VD, const Expr *Value, State &S);
  /// `if (ok)`: \p Ex, a flag, is non-zero; what it vouches for holds.
  void applyFlag(const Expr *Ex, State &S);
  /// Leaving \p Loop because its condition \p Cond failed: when the loop
  /// can also break out, its index is a flag (State::Flags) that the
  /// condition holds only where it broke out. A loop `a && b` without a
  /// break leaves where b fails while a holds as if it broke out there:
  /// a is the flag's condition (\p Cond is a or b, whichever failed).
  void exitLoop(const Stmt *Loop, const Expr *Cond, State &S);
  /// `if (!allowed[i]) return;`, `if (i == n) ...` after such a loop:
  /// where \p Cond taking \p Truth means the loop's condition held, what
  /// was validated where it broke out holds.
  void applyLoopFlags(const Expr *Cond, bool Truth, State &S);
  /// Whether \p VD is a local integer that the function sets to a
  /// non-zero constant somewhere: the variables State::Flags tracks.
  bool flagVariable(const VarDecl *VD);
  const Expr *validationLoopSubject(const Stmt *Loop);

  void transfer(const CFGBlock &B, State &S);
  /// The blocks to run, by their place in the solver's order
  /// (BlockOrder::Priority) and id.
  using WorkList = std::set<std::pair<unsigned, unsigned>>;
  /// Hands \p S, the state at the end of \p B, to its successors, refined
  /// by the branch each takes. While solving (with \p Work), joins it into
  /// their inputs \p In (widened along back edges) and queues those that
  /// changed; in the judging pass (no \p Work), only judges the loop bounds
  /// the edges enter.
  void propagate(const CFGBlock &B, State &&S, std::vector<State> &In,
                 const BlockOrder &Order, State::Widening Widen,
                 WorkList *Work);
  /// The pass after the fixpoint that judges the sinks of the blocks in or
  /// after loops (BlockOrder::Late) over the converged states \p In.
  void judgeSinks(const clang::CFG &Cfg, const BlockOrder &Order,
                  std::vector<State> &In, std::vector<State> &Saved,
                  const std::vector<bool> &MeetsSink,
                  std::vector<std::vector<Deferred>> &Verdicts);
  /// Whether running \p B may meet a sink (Sinks.cpp): a call that is not
  /// only a source, propagator or sanitizer of the model, a construction,
  /// an index, an offset, an allocation, a variable-length array, or
  /// (range checks) an edge into a loop.
  bool meetsSink(const CFGBlock &B) const;
  void extractSummary(const State &Exit);
  void extractRangeValidation();

  TaintEngine &E;
  const model::Model &M;
  ASTContext &Ctx;
  const SourceManager &SM;
  const FunctionDecl *FD;
  TaintEngine::Summary &Out;

  llvm::DenseMap<const Expr *, TaintSet> Cache;
  llvm::DenseMap<const Stmt *, const Expr *> LoopSubjects;
  /// States at `return` statements, for summaries and validators.
  std::vector<std::pair<const ReturnStmt *, State>> Returns;
  llvm::DenseMap<const ParmVarDecl *, const Origin *> ParamOrigins;
  /// Index and offset hits by use and origin, noted by the judging pass
  /// and reported when the function is done.
  llvm::MapVector<std::pair<const Expr *, const Origin *>, SinkHit> IndexHits;
  llvm::DenseMap<const ParmVarDecl *, bool> ParamModified;
  /// In a lambda's call operator: the closure's field for each variable
  /// it captures (a captured variable is a field of *this).
  llvm::DenseMap<const ValueDecl *, FieldDecl *> CaptureFields;
  /// Bases of the locations with a field path made in this function: the
  /// others have one location each (clean and forgetRange look it up).
  llvm::SmallPtrSet<const void *, 8> FieldBases;
  /// The local and parameter arrays declared so far (elementThroughPointer).
  llvm::SmallPtrSet<const void *, 8> ArrayBases;
  llvm::DenseMap<const Expr *, std::optional<std::int64_t>> Constants;
  /// The value each `n++`, `--n` last evaluated to (rangeOf).
  llvm::DenseMap<const Expr *, IntRange> Stepped;
  /// pairLocation's bases: one per operator and pair of objects; and per
  /// object's base, the pairs that read it (forgetRange forgets them).
  llvm::DenseMap<std::tuple<int, Location, Location>, std::unique_ptr<char>>
      PairBases;
  llvm::DenseMap<const void *, llvm::SmallVector<std::pair<Location, Location>>>
      PairsOf;
  /// Pointer sums compared with another pointer (`p + n > end`): a check,
  /// not an access.
  llvm::SmallPtrSet<const Expr *, 4> PointerComparands;
  /// Whether the buffer (the second) was allocated with the length the
  /// size (the first) reads, per checkSize's use.
  llvm::DenseMap<std::pair<const Expr *, const ValueDecl *>, bool>
      AllocatedWith;
  /// Per pointer: the sizes of its allocations in this function.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 2>>
      AllocationSizes;
  llvm::ArrayRef<const Expr *> allocationsOf(const ValueDecl *Ptr);
  /// A caller's step (the middle) through a call (the first) to the callee's
  /// path from a parameter (the last): the step that stands for it.
  llvm::DenseMap<std::tuple<const CallExpr *, const Step *, const Step *>,
                 const Step *>
      PassedThrough;
  bool TrackRanges = false;
  /// flagVariable's answer, found once per function.
  std::optional<llvm::SmallPtrSet<const VarDecl *, 2>> FlagVars;
  /// Per loop, whether its body breaks out of it (exitLoop).
  llvm::DenseMap<const Stmt *, bool> LoopBreaks;
  /// The loops whose condition is a conjunction, by that condition; found
  /// once per function, when first needed (loopOfCondition).
  std::optional<llvm::DenseMap<const Stmt *, const Stmt *>> ConjunctionLoops;
  /// The loop whose condition is \p Cond, a `&&`; null for another.
  const Stmt *loopOfCondition(const Stmt *Cond);
  /// Function-pointer parameters bound to the functions the caller passes.
  TaintEngine::Callbacks Bound;
  /// The functions \p Call passes to function-pointer parameters of
  /// \p Def that it calls through.
  TaintEngine::Callbacks callbacksOf(const CallExpr *Call,
                                     const FunctionDecl *Def, const State &S);
  /// Whether sinks are judged: only over converged states, in the pass
  /// that follows the fixpoint (Solver.cpp), or in the fixpoint's one pass
  /// over a function without loops. While a fixpoint over loops runs, the
  /// states are not final and no sink looks at them.
  bool Judging = false;
  bool IsMain = false;
  /// Only functions returning a truth value can be validators; the others
  /// need not keep the state at each return.
  bool KeepReturnStates = false;
};

} // namespace sinkguard::engine

#endif
