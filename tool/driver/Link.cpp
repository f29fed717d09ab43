//===--- Link.cpp ---------------------------------------------------------===//
//
// The program is a graph. Its nodes: each function's parameters, return
// value and out-parameters (by USR and place, so a function defined in a
// header is one entry however many units include it, and each program of
// the database that defines a name has its own); each call to a function
// defined elsewhere (its arguments, its result, what it leaves in the
// objects passed to it), bound to the definitions LinkPrograms.h chooses;
// each global; each sink. Its edges are the flows the units recorded,
// each with the steps that explain it.
//
// Two passes, both near-linear in the edges:
//  1. Summaries, bottom-up to a fixpoint: which parameters of a function
//     reach its return value or out-parameters, also through calls to
//     functions of other units.
//  2. Sources, forward: a source's data follows the edges; at a call it
//     enters the callee (and never returns from there to another caller:
//     the summary of pass 1 carries it past the call), at a return value
//     reached from a source it goes to every caller; what is stored in a
//     global reaches every read of the same field (or of a field inside
//     it, or of the whole struct). A sink it reaches is a finding, unless
//     the unit of the sink already reported it.
//
// Both passes follow data field by field through the objects passed
// between functions (FieldContexts.h): what a callee stores in one field
// of its argument's object reaches, in the caller, the reads of that field
// (of the object, of a field inside it), and a function the object is
// passed on to only through the flows that start from that field of its
// parameter. A traversal's state is a node and the field path the data
// occupies in the object the node passes on ("" when it is the value
// itself, or not known).
//
//===----------------------------------------------------------------------===//

#include "Link.h"
#include "Conversion.h"
#include "FieldContexts.h"
#include "LinkPrograms.h"
#include "OutputFile.h"
#include "SourceFile.h"
#include "UnitResult.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "engine/Facts.h"
#include "engine/Taint.h"
#include "store/FactsCodec.h"
#include "store/LinkedFormat.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <array>
#include <chrono>
#include <deque>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <type_traits>

namespace sinkguard::driver {

namespace {

using store::FactsReader;
using store::RootKind;

/// A place as the facts write it: [file, line, column, offset].
struct Place {
  /// Interned (Strings below): places are many, files few.
  llvm::StringRef File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  bool valid() const { return !File.empty(); }
};

/// The strings of the program being linked: file paths and step messages
/// are stored once.
thread_local llvm::StringSet<> *CurrentStrings = nullptr;

llvm::StringRef intern(llvm::StringRef S) {
  return CurrentStrings->insert(S).first->getKey();
}

/// An interned string by its address.
const void *interned(llvm::StringRef S) { return S.data(); }

struct StepRec {
  Place At;
  llvm::StringRef Message; // interned
};

// Strings in the records below are interned (Program::Strings).

struct SourceRec {
  llvm::StringRef What;
  bool ByCall = true;
  Place At;
};

/// One flow a unit recorded: from a root to a target, with its steps.
struct Edge {
  int From = -1; // node; -1 for a source
  int To = -1;
  int Source = -1; // index into Sources when From is -1
  /// Its steps: StepPool[StepsBegin, StepsBegin + StepsSize).
  std::uint32_t StepsBegin = 0;
  std::uint32_t StepsSize = 0;
  /// For an edge into a call's argument: what is known of an integer.
  bool Bounded = false;
  /// For an edge from a parameter into a call's argument: the argument is
  /// the parameter, unchanged, so a bound its caller checked still holds.
  bool PassesParam = false;
  /// For a flow from a parameter: the field of its object the flow starts
  /// from ("" the parameter itself); interned.
  llvm::StringRef RootFields;
  /// For a source's flow into an object passed to a call: the field of the
  /// object that holds the data ("" the whole); interned.
  llvm::StringRef ArgFields;
  /// Checks by functions of other units on the way: (call, argument). The
  /// edge holds unless one of them is a validator.
  std::vector<std::pair<int, int>> Guards;
  /// The flow carries a distance measured in the data
  /// (engine::Step::Positional).
  bool Positional = false;
};

/// A finding a sink gives, as the unit's check rendered it.
struct FindingRec {
  llvm::StringRef Check; // interned
  Place At;
  llvm::StringRef Message; // interned
  llvm::SmallVector<std::pair<unsigned, unsigned>, 1> Ranges;
  /// The function At is in (engine/FunctionNames.h); interned.
  llvm::StringRef Function;
};

struct SinkRec {
  /// Indexes into the program's findings.
  std::vector<int> Findings;
  /// engine::SinkHit::Kind, and the function that is the sink (if any).
  int Kind = 0;
  llvm::StringRef Name;
  Place At;
  bool ParamExact = false;
  /// The sink's extent is known (a fixed array): a distance measured in
  /// other data may exceed it (engine::positionalOnly).
  bool Fixed = false;
  /// Whether a distance measured in the data (Visit::Positional) is a
  /// finding here: only at a range sink of known extent, or at one that is
  /// no range sink.
  bool takesDistance() const {
    return Fixed ||
           !engine::SinkHit::isRange(static_cast<engine::SinkHit::Kind>(Kind));
  }
  /// A path inside one unit that passed a check by a function of another:
  /// the unit left it to the link.
  bool Deferred = false;
};

enum class NodeKind : std::uint8_t {
  Param,
  Return,
  Out,
  CallResult,
  CallOut,
  CallArg,
  /// A global (at a field path) as a function reads it.
  Global,
  /// What a function stores in a global (at a field path): it reaches
  /// every read of the global whose path overlaps.
  GlobalIn,
  Sink
};

struct Node {
  NodeKind K;
  /// Param, Return, Out: the function's index. CallResult, CallOut,
  /// CallArg: the call's index. Global, GlobalIn: the global's index.
  /// Sink: the sink's index.
  int Owner = -1;
  int Index = 0;          // parameter, argument
  llvm::StringRef Fields; // interned
};

struct Function {
  llvm::StringRef Usr;
  llvm::StringRef Name;
  /// Where it is defined, its signature (engine/Signatures.h) and the unit
  /// whose facts describe it.
  Place At;
  llvm::StringRef Signature;
  int Unit = -1;
  std::vector<llvm::StringRef> Params;
  std::set<int> Validates;
  /// One way a parameter's data reaches a target: from which field of the
  /// parameter's object (Entry, "" the whole; interned), with the steps
  /// inside the function of one path.
  struct Reach {
    llvm::StringRef Entry;
    std::vector<StepRec> Steps;
    /// What reaches is a distance measured in the data
    /// (engine::Step::Positional).
    bool Positional = false;
  };
  /// Pass 1: parameters that reach the return value; (parameter, out
  /// parameter, fields) that reach an out-parameter: the ways each does,
  /// in the order found, none from a field another's Entry encloses.
  std::map<int, std::vector<Reach>> ReturnSteps;
  std::map<std::tuple<int, int, std::string>, std::vector<Reach>> OutSteps;
  std::vector<int> ParamNodes;
  /// Its nodes, found without a look-up: the return value, and each
  /// parameter's (parameter index, node).
  int ReturnNode = -1;
  llvm::SmallVector<std::pair<int, int>, 4> ParamNodeOf;
  std::vector<int> Calls;   // calls made in it (by index)
  std::vector<int> Callers; // calls that resolve to it
};

struct Call {
  llvm::StringRef Target;
  llvm::StringRef Name;
  bool Field = false;
  Place At;
  /// What the call is made through (engine/Signatures.h), and its unit.
  llvm::StringRef Signature;
  int Unit = -1;
  int Caller = -1;          // function index, -1 when unknown
  std::vector<int> Callees; // function indexes
  /// Its nodes: the result, and each argument's (argument index, node).
  int ResultNode = -1;
  llvm::SmallVector<std::pair<int, int>, 2> ArgNodes;
};

using fields::overlaps;

/// The first of \p Ways whose Entry data at \p Context reaches; null for
/// none.
const Function::Reach *reachFrom(const std::vector<Function::Reach> &Ways,
                                 llvm::StringRef Context) {
  // The data itself before a distance measured in it.
  const Function::Reach *Found = nullptr;
  for (const Function::Reach &W : Ways)
    if (overlaps(Context, W.Entry) && (!Found || Found->Positional))
      Found = &W;
  return Found;
}

/// Whether \p Ways has one from \p Entry or a field that encloses it that
/// says as much (the data itself, or a distance as \p Positional is): one
/// from \p Entry would add nothing.
bool reaches(const std::vector<Function::Reach> &Ways, llvm::StringRef Entry,
             bool Positional) {
  return llvm::any_of(Ways, [&](const Function::Reach &W) {
    return fields::encloses(W.Entry, Entry) && (!W.Positional || Positional);
  });
}

/// The findings the units reported: (check, file, line, column).
using KnownFindings = llvm::DenseSet<
    std::tuple<llvm::StringRef, llvm::StringRef, unsigned, unsigned>>;

class Program {
public:
  explicit Program(std::vector<std::string> &Problems) : Problems(Problems) {
    CurrentStrings = &Strings;
  }
  ~Program() {
    if (CurrentStrings == &Strings)
      CurrentStrings = nullptr;
  }
  Program(const Program &) = delete;
  Program &operator=(const Program &) = delete;

  /// Reads one configuration's section of a unit's encoded facts.
  void addUnit(FactsReader &R, llvm::StringRef UnitFile);
  void resolve();
  void summarise();
  void findings(const KnownFindings &Existing);
  TidyDiagnostics takeFindings() { return std::move(Out); }

  size_t functionCount() const { return Functions.size(); }
  /// What the link resolved of each function, for the per-file hosts, in
  /// order of USR (and place); in \p Bindings, for each unit, which
  /// definitions of a name defined several times its calls bind to.
  std::vector<store::LinkedEntry>
  linkedSummaries(std::vector<store::LinkedBinding> &Bindings);
  size_t callCount() const { return Calls.size(); }
  size_t resolvedCount() const {
    return llvm::count_if(Calls,
                          [](const Call &C) { return !C.Callees.empty(); });
  }

private:
  /// How a node was reached: from a source or a global directly (Free: a
  /// return value goes back to every caller), through a call (Entered), or
  /// through a call whose integer argument the caller bounded
  /// (EnteredBounded: a range sink on that parameter holds).
  enum Mode : std::uint8_t { EnteredBounded, Entered, Free };

  /// The node of \p K, \p Owner, \p Index and \p Fields (interned: its
  /// address is its identity).
  int node(NodeKind K, int Owner, int Index = 0, llvm::StringRef Fields = "") {
    // Most nodes have a slot in their owner; those with a field path are
    // looked up.
    int *Slot = slot(K, Owner, Index, /*Create=*/true);
    if (Slot && *Slot >= 0)
      return *Slot;
    int N = static_cast<int>(Nodes.size());
    if (!Slot) {
      auto Key = std::make_tuple(static_cast<int>(K), Owner, Index,
                                 Fields.empty() ? nullptr : Fields.data());
      auto [It, New] = NodeIndex.try_emplace(Key, N);
      if (!New)
        return It->second;
    } else {
      *Slot = N;
    }
    Nodes.push_back({K, Owner, Index, Fields});
    Adjacent.emplace_back();
    if (K == NodeKind::Param)
      Functions[static_cast<size_t>(Owner)].ParamNodes.push_back(N);
    return N;
  }
  /// The slot of a node without a field path; null for the others (and,
  /// without \p Create, for a parameter or argument that has none).
  int *slot(NodeKind K, int Owner, int Index, bool Create) {
    auto Pair = [&](auto &List) -> int * {
      for (auto &Entry : List)
        if (Entry.first == Index)
          return &Entry.second;
      if (!Create)
        return nullptr;
      List.push_back({Index, -1});
      return &List.back().second;
    };
    auto In = [&](std::vector<int> &List) {
      if (List.size() <= static_cast<size_t>(Owner))
        List.resize(static_cast<size_t>(Owner) + 1, -1);
      return &List[static_cast<size_t>(Owner)];
    };
    switch (K) {
    case NodeKind::Return:
      return &Functions[static_cast<size_t>(Owner)].ReturnNode;
    case NodeKind::Param:
      return Pair(Functions[static_cast<size_t>(Owner)].ParamNodeOf);
    case NodeKind::CallResult:
      return &Calls[static_cast<size_t>(Owner)].ResultNode;
    case NodeKind::CallArg:
      return Pair(Calls[static_cast<size_t>(Owner)].ArgNodes);
    case NodeKind::Sink:
      return In(SinkNodes);
    case NodeKind::Out:
    case NodeKind::CallOut:
    case NodeKind::Global:
    case NodeKind::GlobalIn:
      return nullptr;
    }
    return nullptr;
  }
  /// The definition of \p Usr when the program has only one.
  int function(llvm::StringRef Usr) {
    auto It = FunctionIndex.find(Usr);
    return It == FunctionIndex.end() || It->second.size() != 1
               ? -1
               : It->second.front();
  }
  /// Among \p Defs, the definition at \p At (a function of a header that
  /// an earlier unit included too), or -1.
  int definitionAt(llvm::ArrayRef<int> Defs, const Place &At) {
    for (int F : Defs) {
      const Place &Other = Functions[static_cast<size_t>(F)].At;
      if (!At.valid() || !Other.valid() ||
          (Other.File == At.File && Other.Offset == At.Offset))
        return F;
    }
    return -1;
  }
  int global(llvm::StringRef Usr) {
    auto [It, New] =
        GlobalIndex.try_emplace(Usr, static_cast<int>(GlobalNames.size()));
    if (New)
      GlobalNames.push_back(Usr.str());
    return It->second;
  }
  /// A string of the unit being read, interned.
  llvm::StringRef text(FactsReader &R) {
    std::optional<size_t> I = R.stringIndex();
    if (!I)
      return "";
    llvm::StringRef &S = UnitStrings[*I];
    if (!S.data())
      S = intern(R.stringAt(*I));
    return S;
  }
  Place place(FactsReader &R);
  /// The node a flow's root designates inside function \p Fn of a unit
  /// whose calls start at \p CallBase; -1 for a source (its index in
  /// \p Source), -2 for a root the link does not follow, -3 for a flow
  /// the unit did not record (nothing follows it). For a parameter, the
  /// field of its object the flow starts from in \p ParamFields.
  int rootNode(FactsReader &R, int Fn, int CallBase,
               const std::vector<int> &Globals, int &Source,
               llvm::StringRef &ParamFields);
  /// A flow into node \p To (-1: read and drop it).
  /// Adds \p E, an edge from a node or (From -1) from a source.
  void addEdge(Edge E);
  /// (\p ArgFields: the field of an object argument that holds a source's
  /// data, Edge::ArgFields; \p PassesParam: Edge::PassesParam.)
  void addFlow(FactsReader &R, int Fn, int CallBase,
               const std::vector<int> &Globals, int To, bool Bounded = false,
               llvm::StringRef ArgFields = "", bool PassesParam = false);
  /// A sink of function \p Fn (-1: of the unit), and the flow into it;
  /// \p Deferred for a path inside the unit that passed a check by another
  /// unit's function.
  void addSink(FactsReader &R, int Fn, int CallBase,
               const std::vector<int> &Globals, bool Deferred);
  /// A flow into the argument of a call to another unit's function.
  void addCallArg(FactsReader &R, int Fn, int CallBase,
                  const std::vector<int> &Globals);
  void reachFromParam(int F, int P, Function &Into);
  /// A node reached past a call, the field context there, and the steps
  /// inside the callee.
  struct Past {
    int Node;
    llvm::StringRef Context;
    std::vector<StepRec> Steps;
    /// A distance measured in the data passed (engine::Step::Positional).
    bool Positional = false;
  };
  /// The nodes a call's argument, holding data at field \p Context of
  /// what it passes, reaches past the call (pass 1's summary of the
  /// callees), with the steps inside the callee. (Without \p WithSteps,
  /// only the nodes.)
  void pastCall(int CallArg, llvm::StringRef Context,
                llvm::SmallVectorImpl<Past> &Out, bool WithSteps = true);
  /// The field context past edge \p EdgeIndex from node \p From of data
  /// at \p Context there; none when the edge does not carry that data (a
  /// parameter's flow from another field).
  std::optional<llvm::StringRef> along(int From, int EdgeIndex,
                                       llvm::StringRef Context);
  /// The field context, in what a call leaves in its argument as the
  /// caller reads it (\p CallOut), of data a callee stored at \p Stored of
  /// the object; none when the read is of another field.
  std::optional<llvm::StringRef> readBack(llvm::StringRef Stored, int CallOut);
  /// A path composed of two, interned.
  llvm::StringRef inside(llvm::StringRef Outer, llvm::StringRef Inner) {
    if (Inner.empty())
      return Outer;
    return intern(fields::inside(Outer, Inner));
  }
  /// The step of call \p C passing its argument \p Arg to \p Callee.
  StepRec passedStep(const Call &C, int Callee, int Arg) {
    const Function &F = Functions[static_cast<size_t>(Callee)];
    std::string As =
        Arg >= 0 && static_cast<size_t>(Arg) < F.Params.size()
            ? (" as '" + F.Params[static_cast<size_t>(Arg)] + "'").str()
            : "";
    return {C.At, intern(("passed to '" + C.Name + "'" + As).str())};
  }
  void reportSink(int State);
  /// The unit's table of functions stored in fields, stored by \p Unit.
  void readFieldTargets(FactsReader &R, int Unit);
  /// The unit of the function or call node \p N is in; -1 for others.
  int unitOf(int N) const;
  /// Whether a function of another unit that the edge's data passed
  /// validates it.
  bool blocked(int EdgeIndex) const;
  /// The node (without a field path) of \p K, \p Owner and \p Index; -1
  /// when there is none.
  int find(NodeKind K, int Owner, int Index = 0) {
    if (K != NodeKind::Out && K != NodeKind::CallOut) {
      int *Slot = slot(K, Owner, Index, /*Create=*/false);
      return Slot ? *Slot : -1;
    }
    auto It = NodeIndex.find(std::make_tuple(
        static_cast<int>(K), Owner, Index, static_cast<const char *>(nullptr)));
    return It == NodeIndex.end() ? -1 : It->second;
  }
  /// (\p Positional: the transition measures a distance in the data.)
  void push(int Node, Mode How, llvm::StringRef Context, int Prev, int Via,
            std::vector<StepRec> Steps = {}, bool Positional = false);
  /// The state at \p Node in mode \p How whose field context encloses
  /// \p Context (it goes everywhere a state at \p Context would); -1 for
  /// none.
  int covering(int Node, llvm::StringRef Context, int How) const;
  const KnownFindings *Existing = nullptr;
  /// Node -> state per mode: in the context "", and in each other; and the
  /// first in any context.
  std::vector<std::array<int, 3>> Seen;
  llvm::DenseMap<std::pair<int, llvm::StringRef>, std::array<int, 3>> SeenIn;
  std::vector<std::array<int, 3>> SeenAny;
  std::string describeSource(const SourceRec &S, const Place &At) const;

  std::vector<std::string> &Problems;
  llvm::StringSet<> Strings;
  /// The unit being read: its strings as interned so far.
  std::vector<llvm::StringRef> UnitStrings;
  /// Reading a function another unit already defined: its records are
  /// read past, not added.
  bool Discarding = false;
  std::vector<FindingRec> FindingTable;
  size_t FindingBase = 0; // the unit's first finding
  std::vector<Node> Nodes;
  std::vector<std::vector<int>> Adjacent; // node -> edges
  /// Nodes with a field path (Out, CallOut, Global, GlobalIn).
  llvm::DenseMap<std::tuple<int, int, int, const char *>, int> NodeIndex;
  /// Each global's nodes by field path: as read, as written.
  std::map<int, std::vector<int>> GlobalReads, GlobalWrites;
  std::vector<int> SinkNodes; // sink -> node
  std::vector<Edge> Edges;
  /// The steps of every edge, one after the other.
  std::vector<StepRec> StepPool;
  llvm::ArrayRef<StepRec> steps(int EdgeIndex) const {
    const Edge &E = Edges[static_cast<size_t>(EdgeIndex)];
    return llvm::ArrayRef(StepPool).slice(E.StepsBegin, E.StepsSize);
  }
  std::vector<int> SourceEdges;
  std::vector<SourceRec> Sources;
  std::vector<SinkRec> Sinks;
  std::vector<Function> Functions;
  /// Each name's definitions: one, or one per program that has its own.
  llvm::StringMap<llvm::SmallVector<int, 1>> FunctionIndex;
  std::vector<Call> Calls;
  std::vector<llvm::StringRef> CallerUsrs;
  /// The units' main files, and the programs they form.
  std::vector<llvm::StringRef> UnitFiles;
  ProgramGrouping Grouping;
  /// The references of direct calls (as the per-file hosts make them).
  llvm::DenseSet<int> DirectReferences;
  std::vector<std::string> GlobalNames;
  llvm::StringMap<int> GlobalIndex;
  /// The functions stored in each field (by USR), with the units that
  /// store them there.
  llvm::StringMap<std::vector<std::pair<llvm::StringRef, std::vector<int>>>>
      FieldTargets;
  /// CallOut nodes by (call, argument).
  std::map<std::pair<int, int>, std::vector<int>> CallOuts;

  // Pass 2.
  struct Visit {
    int Node;
    Mode How;
    llvm::StringRef Context;    // the field context
    int Prev;                   // state index, -1 for the start
    int Via;                    // edge index, or -1 for a transition
    std::vector<StepRec> Steps; // for a transition
    /// The data is a distance measured in the data of the source
    /// (engine::Step::Positional): some edge on the way says so.
    bool Positional = false;
    /// The programs the path may run in (a bit per program of the
    /// grouping; all when there are more than MaskedPrograms or none), and
    /// those the states at this node and mode explored so far were in.
    std::uint64_t Programs = ~0ULL;
    std::uint64_t Covers = ~0ULL;
  };
  /// The most programs a state's 64-bit set tells apart; with more, every
  /// state is in all and reportSink checks the path's units instead.
  static constexpr size_t MaskedPrograms = 64;
  /// The programs of the unit of node \p N, as Visit::Programs.
  std::uint64_t programMask(int N);
  std::vector<std::uint64_t> UnitMasks;
  std::vector<Visit> States;
  std::set<std::pair<std::string, unsigned>> Reported;

  // The editor's summaries.
  struct ParamSinkState {
    bool Busy = false;
    bool Done = false;
    /// Sink nodes, each with the field of the parameter's object whose
    /// data reaches it ("" the whole, or not known); interned.
    llvm::SmallVector<std::pair<int, llvm::StringRef>, 4> Sinks;
  };
  /// The sinks (at most 4) parameter node \p P reaches, in its function
  /// or below it.
  const llvm::SmallVector<std::pair<int, llvm::StringRef>, 4> &
  sinksFrom(int P, int Depth);
  /// Of each parameter node (ParamSinkIndex: node -> index, -1 for the
  /// other nodes; both made when the summaries are).
  std::vector<ParamSinkState> ParamSinks;
  std::vector<int> ParamSinkIndex;
  ParamSinkState &paramSinks(int Node) {
    return ParamSinks[static_cast<size_t>(
        ParamSinkIndex[static_cast<size_t>(Node)])];
  }
  TidyDiagnostics Out;
};

Place Program::place(FactsReader &R) {
  Place P;
  std::uint64_t File = R.number();
  if (File == 0 || File > UnitStrings.size())
    return P;
  llvm::StringRef &S = UnitStrings[File - 1];
  if (!S.data())
    S = intern(R.stringAt(File - 1));
  P.File = S;
  P.Line = static_cast<unsigned>(R.number());
  P.Column = static_cast<unsigned>(R.number());
  P.Offset = static_cast<unsigned>(R.number());
  if (P.File.empty())
    P = Place();
  return P;
}

int Program::rootNode(FactsReader &R, int Fn, int CallBase,
                      const std::vector<int> &Globals, int &Source,
                      llvm::StringRef &ParamFields) {
  Source = -1;
  ParamFields = "";
  switch (static_cast<RootKind>(R.number())) {
  case RootKind::Source: {
    SourceRec S;
    S.What = text(R);
    S.ByCall = R.flag();
    S.At = place(R);
    if (Discarding)
      return -2;
    Sources.push_back(S);
    Source = static_cast<int>(Sources.size() - 1);
    return -1;
  }
  case RootKind::Param: {
    int P = R.index();
    ParamFields = text(R);
    return Fn < 0 || Discarding ? -2 : node(NodeKind::Param, Fn, P);
  }
  case RootKind::Call: {
    int C = CallBase + R.index();
    if (Discarding || C < CallBase || C >= static_cast<int>(Calls.size()))
      return -2;
    return node(NodeKind::CallResult, C);
  }
  case RootKind::CallOut: {
    int C = CallBase + R.index();
    int Arg = R.index();
    llvm::StringRef Fields = text(R);
    if (Discarding || C < CallBase || C >= static_cast<int>(Calls.size()))
      return -2;
    int N = node(NodeKind::CallOut, C, Arg, Fields);
    auto &List = CallOuts[{C, Arg}];
    if (!llvm::is_contained(List, N))
      List.push_back(N);
    return N;
  }
  case RootKind::Global: {
    int G = R.index();
    llvm::StringRef Fields = text(R);
    if (Discarding || G < 0 || static_cast<size_t>(G) >= Globals.size())
      return -2;
    int Owner = Globals[static_cast<size_t>(G)];
    int N = node(NodeKind::Global, Owner, 0, Fields);
    auto &List = GlobalReads[Owner];
    if (!llvm::is_contained(List, N))
      List.push_back(N);
    return N;
  }
  case RootKind::None:
    return -3;
  }
  R.number(); // an unknown kind: the data is not ours
  return -3;
}

void Program::addFlow(FactsReader &R, int Fn, int CallBase,
                      const std::vector<int> &Globals, int To, bool Bounded,
                      llvm::StringRef ArgFields, bool PassesParam) {
  int Source = -1;
  llvm::StringRef ParamFields;
  int From = rootNode(R, Fn, CallBase, Globals, Source, ParamFields);
  if (From == -3)
    return;
  Edge E;
  E.From = From;
  E.To = To;
  E.Source = Source;
  E.Bounded = Bounded;
  E.PassesParam = PassesParam;
  E.RootFields = ParamFields;
  E.ArgFields = ArgFields;
  size_t Steps = R.count();
  size_t PoolSize = StepPool.size();
  for (size_t I = 0; I < Steps && R.ok(); ++I) {
    StepRec S;
    S.At = place(R);
    S.Message = text(R);
    StepPool.push_back(S);
  }
  size_t Guards = R.count();
  for (size_t I = 0; I < Guards && R.ok(); ++I) {
    int Call = CallBase + R.index();
    int Arg = R.index();
    if (Call >= CallBase && Call < static_cast<int>(Calls.size()))
      E.Guards.push_back({Call, Arg});
  }
  E.Positional = R.flag();
  if (From == -2 || To < 0 || !R.ok()) {
    StepPool.resize(PoolSize);
    return;
  }
  // A parameter's first step is the parameter itself: the call that
  // passes the data says it better.
  if (From >= 0 && Nodes[static_cast<size_t>(From)].K == NodeKind::Param &&
      StepPool.size() > PoolSize)
    StepPool.erase(StepPool.begin() + static_cast<std::ptrdiff_t>(PoolSize));
  E.StepsBegin = static_cast<std::uint32_t>(PoolSize);
  E.StepsSize = static_cast<std::uint32_t>(StepPool.size() - PoolSize);
  addEdge(std::move(E));
}

void Program::addEdge(Edge E) {
  int From = E.From;
  Edges.push_back(std::move(E));
  int Index = static_cast<int>(Edges.size() - 1);
  if (From >= 0)
    Adjacent[static_cast<size_t>(From)].push_back(Index);
  else
    SourceEdges.push_back(Index);
}

void Program::addSink(FactsReader &R, int Fn, int CallBase,
                      const std::vector<int> &Globals, bool Deferred) {
  SinkRec Rec;
  Rec.Deferred = Deferred;
  Rec.ParamExact = R.flag();
  Rec.Fixed = R.flag();
  Rec.Kind = R.index();
  Rec.Name = text(R);
  size_t N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I) {
    std::uint64_t F = R.number();
    if (F < FindingTable.size() - FindingBase)
      Rec.Findings.push_back(static_cast<int>(FindingBase + F));
  }
  if (!Rec.Findings.empty())
    Rec.At = FindingTable[static_cast<size_t>(Rec.Findings.front())].At;
  int To = -1;
  if (!Discarding && R.ok()) {
    Sinks.push_back(std::move(Rec));
    To = node(NodeKind::Sink, static_cast<int>(Sinks.size() - 1));
  }
  addFlow(R, Fn, CallBase, Globals, To);
}

void Program::addCallArg(FactsReader &R, int Fn, int CallBase,
                         const std::vector<int> &Globals) {
  int Call = CallBase + R.index();
  int Arg = R.index();
  bool Bounded = R.flag();
  bool PassesParam = R.flag();
  llvm::StringRef Fields = text(R);
  int To = -1;
  if (!Discarding && Call >= CallBase &&
      Call < static_cast<int>(Calls.size()) && R.ok())
    To = node(NodeKind::CallArg, Call, Arg);
  addFlow(R, Fn, CallBase, Globals, To, Bounded, Fields, PassesParam);
}

void Program::readFieldTargets(FactsReader &R, int Unit) {
  size_t N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I) {
    llvm::StringRef Field = text(R);
    llvm::StringRef Fn = text(R);
    if (Field.empty() || Fn.empty())
      continue;
    auto &List = FieldTargets[Field];
    auto Known =
        llvm::find_if(List, [&](const auto &E) { return E.first == Fn; });
    if (Known == List.end())
      List.push_back({Fn, {Unit}});
    else if (!llvm::is_contained(Known->second, Unit))
      Known->second.push_back(Unit);
  }
}

void Program::addUnit(FactsReader &R, llvm::StringRef UnitFile) {
  CurrentStrings = &Strings;
  UnitStrings.assign(R.stringCount(), llvm::StringRef());
  Discarding = false;
  int CallBase = static_cast<int>(Calls.size());
  if (!R.flag()) {
    Problems.push_back(UnitFile.str() + ": facts without calls or functions; "
                                        "its cross-file flows are missing");
    return;
  }
  llvm::StringRef MainFile = text(R);
  if (MainFile.empty())
    MainFile = intern(UnitFile);
  int Unit = Grouping.addUnit(MainFile);
  UnitFiles.push_back(MainFile);
  size_t N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I) {
    Call C;
    C.Target = text(R);
    C.Name = text(R);
    C.Field = R.flag();
    C.At = place(R);
    // The caller's index is set once the functions are known.
    C.Caller = -1;
    CallerUsrs.push_back(text(R));
    C.Signature = text(R);
    C.Unit = Unit;
    Calls.push_back(std::move(C));
  }
  std::vector<int> Globals;
  N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I)
    Globals.push_back(global(text(R)));
  readFieldTargets(R, Unit);
  FindingBase = FindingTable.size();
  N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I) {
    FindingRec F;
    F.Check = text(R);
    F.At = place(R);
    F.Message = text(R);
    size_t Ranges = R.count();
    for (size_t J = 0; J < Ranges && R.ok(); ++J) {
      auto Offset = static_cast<unsigned>(R.number());
      auto Length = static_cast<unsigned>(R.number());
      F.Ranges.push_back({Offset, Length});
    }
    F.Function = text(R);
    FindingTable.push_back(std::move(F));
  }

  // The unit's functions by USR (interned: by address), for its calls'
  // callers.
  llvm::DenseMap<const void *, int> Local;
  N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I) {
    llvm::StringRef Usr = text(R);
    llvm::StringRef Name = text(R);
    Place At = place(R);
    llvm::StringRef Signature = text(R);
    Function Fn;
    size_t Params = R.count();
    for (size_t J = 0; J < Params && R.ok(); ++J)
      Fn.Params.push_back(text(R));
    size_t Validates = R.count();
    for (size_t J = 0; J < Validates && R.ok(); ++J)
      Fn.Validates.insert(R.index());
    // A function defined in a header, or inline in several units: one
    // entry, the first unit's. A name defined elsewhere too (another
    // program's): an entry of its own.
    llvm::SmallVector<int, 1> *Defs =
        Usr.empty() ? nullptr : &FunctionIndex[Usr];
    int Same = Defs ? definitionAt(*Defs, At) : -1;
    Discarding = !Defs || Same >= 0;
    int F = -1;
    if (!Discarding) {
      F = static_cast<int>(Functions.size());
      Defs->push_back(F);
      Fn.Usr = Usr;
      Fn.Name = Name;
      Fn.At = At;
      Fn.Signature = Signature;
      Fn.Unit = Unit;
      Functions.push_back(std::move(Fn));
    }
    if (int Def = Discarding ? Same : F; Def >= 0) {
      Local[interned(Usr)] = Def;
      Grouping.addDefinition(Def, Usr, Unit,
                             Functions[static_cast<size_t>(Def)].Signature);
      if (Name == "main")
        Grouping.setRoot(Unit);
    }
    int Ret = Discarding ? -1 : node(NodeKind::Return, F);
    size_t Returns = R.count();
    for (size_t J = 0; J < Returns && R.ok(); ++J)
      addFlow(R, F, CallBase, Globals, Ret);
    size_t Outs = R.count();
    for (size_t J = 0; J < Outs && R.ok(); ++J) {
      int Param = R.index();
      llvm::StringRef Fields = text(R);
      int To = Discarding ? -1 : node(NodeKind::Out, F, Param, Fields);
      size_t Flows = R.count();
      for (size_t K = 0; K < Flows && R.ok(); ++K)
        addFlow(R, F, CallBase, Globals, To);
    }
    size_t Written = R.count();
    for (size_t J = 0; J < Written && R.ok(); ++J) {
      int Index = R.index();
      llvm::StringRef Fields = text(R);
      int To = -1;
      if (!Discarding && Index >= 0 &&
          static_cast<size_t>(Index) < Globals.size()) {
        int Owner = Globals[static_cast<size_t>(Index)];
        To = node(NodeKind::GlobalIn, Owner, 0, Fields);
        auto &List = GlobalWrites[Owner];
        if (!llvm::is_contained(List, To))
          List.push_back(To);
      }
      size_t Flows = R.count();
      for (size_t K = 0; K < Flows && R.ok(); ++K)
        addFlow(R, F, CallBase, Globals, To);
    }
    size_t SinkCount = R.count();
    for (size_t J = 0; J < SinkCount && R.ok(); ++J)
      addSink(R, F, CallBase, Globals, /*Deferred=*/false);
    size_t CallArgs = R.count();
    for (size_t J = 0; J < CallArgs && R.ok(); ++J)
      addCallArg(R, F, CallBase, Globals);
    Discarding = false;
  }
  N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I)
    addSink(R, -1, CallBase, Globals, /*Deferred=*/true);
  N = R.count();
  for (size_t I = 0; I < N && R.ok(); ++I)
    addCallArg(R, -1, CallBase, Globals);
  // Each call is in a function of its unit (of a header, the first unit's).
  for (size_t I = static_cast<size_t>(CallBase); I < Calls.size(); ++I) {
    auto It = Local.find(interned(CallerUsrs[I]));
    if (It != Local.end())
      Calls[I].Caller = It->second;
  }
}

void Program::resolve() {
  // What is stored in a global at a field path reaches each read of an
  // overlapping path (the field itself, an enclosing struct, a field
  // inside it), in whichever function and unit: globals are
  // flow-insensitive, but a field written is not another field read.
  for (const auto &[G, Writes] : GlobalWrites) {
    auto Reads = GlobalReads.find(G);
    if (Reads == GlobalReads.end())
      continue;
    for (int W : Writes) {
      for (int Rd : Reads->second) {
        if (overlaps(Nodes[static_cast<size_t>(W)].Fields,
                     Nodes[static_cast<size_t>(Rd)].Fields)) {
          Edge E;
          E.From = W;
          E.To = Rd;
          addEdge(std::move(E));
        }
      }
    }
  }
  // Each call's references (one per function it may call), then the
  // programs, then what each call binds to.
  // (For a call through a field, the units that stored the function there.)
  std::vector<std::tuple<int, int, const std::vector<int> *>> CallReferences;
  for (size_t I = 0; I < Calls.size(); ++I) {
    Call &C = Calls[I];
    int Index = static_cast<int>(I);
    if (C.Caller < 0)
      C.Caller = function(CallerUsrs[I]);
    if (C.Caller >= 0)
      Functions[static_cast<size_t>(C.Caller)].Calls.push_back(Index);
    std::vector<std::pair<llvm::StringRef, const std::vector<int> *>> Targets;
    if (C.Field) {
      auto It = FieldTargets.find(C.Target);
      if (It != FieldTargets.end())
        for (const auto &[Fn, StoredBy] : It->second)
          Targets.push_back({Fn, &StoredBy});
    } else {
      Targets.push_back({C.Target, nullptr});
    }
    for (const auto &[T, StoredBy] : Targets) {
      if (!FunctionIndex.count(T))
        continue;
      int Ref = Grouping.addReference(C.Unit, T, C.Signature, !C.Field);
      CallReferences.push_back({Index, Ref, StoredBy});
      if (!C.Field)
        DirectReferences.insert(Ref);
    }
  }
  Grouping.group();
  for (const auto &[Index, Ref, StoredBy] : CallReferences) {
    Call &C = Calls[static_cast<size_t>(Index)];
    // A function stored in a field is called through it only in the
    // programs of a unit that stores it there: a library's dispatch loop
    // calls the handlers of the program it is linked into, not every
    // program's.
    if (StoredBy && llvm::none_of(*StoredBy, [&](int U) {
          return Grouping.together(U, C.Unit);
        }))
      continue;
    for (int F : Grouping.bound(Ref)) {
      if (llvm::is_contained(C.Callees, F))
        continue;
      C.Callees.push_back(F);
      Functions[static_cast<size_t>(F)].Callers.push_back(Index);
    }
  }
}

std::uint64_t Program::programMask(int N) {
  int U = unitOf(N);
  size_t Count = Grouping.programCount();
  if (U < 0 || Count < 2 || Count > MaskedPrograms)
    return ~0ULL;
  if (UnitMasks.empty()) {
    UnitMasks.resize(UnitFiles.size(), 0);
    for (size_t I = 0; I < UnitMasks.size(); ++I) {
      llvm::BitVector In = Grouping.programsOf(static_cast<int>(I));
      for (unsigned B : In.set_bits())
        UnitMasks[I] |= std::uint64_t(1) << B;
    }
  }
  return static_cast<size_t>(U) < UnitMasks.size()
             ? UnitMasks[static_cast<size_t>(U)]
             : ~0ULL;
}

int Program::unitOf(int N) const {
  if (N < 0)
    return -1;
  const Node &Nd = Nodes[static_cast<size_t>(N)];
  switch (Nd.K) {
  case NodeKind::Param:
  case NodeKind::Return:
  case NodeKind::Out:
    return Functions[static_cast<size_t>(Nd.Owner)].Unit;
  case NodeKind::CallArg:
  case NodeKind::CallResult:
  case NodeKind::CallOut:
    return Calls[static_cast<size_t>(Nd.Owner)].Unit;
  default:
    return -1;
  }
}

bool Program::blocked(int EdgeIndex) const {
  for (const auto &[Call, Arg] : Edges[static_cast<size_t>(EdgeIndex)].Guards)
    for (int Callee : Calls[static_cast<size_t>(Call)].Callees)
      if (Functions[static_cast<size_t>(Callee)].Validates.count(Arg))
        return true;
  return false;
}

std::optional<llvm::StringRef> Program::along(int From, int EdgeIndex,
                                              llvm::StringRef Context) {
  const Node &N = Nodes[static_cast<size_t>(From)];
  const Edge &E = Edges[static_cast<size_t>(EdgeIndex)];
  switch (N.K) {
  case NodeKind::Param: {
    // The flow reads one field of the parameter's object: what lies there
    // (in the field of the object passed on that holds it, if one does).
    if (!overlaps(Context, E.RootFields))
      return std::nullopt;
    llvm::StringRef Below = fields::below(Context, E.RootFields);
    return E.ArgFields.empty() ? Below : inside(E.ArgFields, Below);
  }
  case NodeKind::GlobalIn: {
    // Stored in one field of a global, read at another path of it.
    llvm::StringRef Stored = inside(N.Fields, Context);
    llvm::StringRef Read = Nodes[static_cast<size_t>(E.To)].Fields;
    if (!overlaps(Stored, Read))
      return std::nullopt;
    return fields::below(Stored, Read);
  }
  default:
    return Context;
  }
}

std::optional<llvm::StringRef> Program::readBack(llvm::StringRef Stored,
                                                 int CallOut) {
  llvm::StringRef Read = Nodes[static_cast<size_t>(CallOut)].Fields;
  if (!overlaps(Stored, Read))
    return std::nullopt;
  return fields::below(Stored, Read);
}

void Program::pastCall(int CallArg, llvm::StringRef Context,
                       llvm::SmallVectorImpl<Past> &Result, bool WithSteps) {
  const Node &N = Nodes[static_cast<size_t>(CallArg)];
  const Call &C = Calls[static_cast<size_t>(N.Owner)];
  for (int Callee : C.Callees) {
    const Function &F = Functions[static_cast<size_t>(Callee)];
    std::vector<StepRec> Passed;
    if (WithSteps)
      Passed.push_back(passedStep(C, Callee, N.Index));
    auto Along = [&](const Function::Reach &Inside) {
      if (!WithSteps)
        return std::vector<StepRec>();
      std::vector<StepRec> All = Passed;
      All.insert(All.end(), Inside.Steps.begin(), Inside.Steps.end());
      return All;
    };
    // What the callee made of the data is a value of its own: the field
    // context starts again.
    auto Ret = F.ReturnSteps.find(N.Index);
    if (Ret != F.ReturnSteps.end()) {
      int R = find(NodeKind::CallResult, N.Owner);
      if (const Function::Reach *Way = reachFrom(Ret->second, Context);
          Way && R >= 0)
        Result.push_back({R, "", Along(*Way), Way->Positional});
    }
    for (const auto &[Key, Ways] : F.OutSteps) {
      const auto &[From, Param, Fields] = Key;
      if (From != N.Index)
        continue;
      const Function::Reach *Way = reachFrom(Ways, Context);
      auto It = CallOuts.find({N.Owner, Param});
      if (!Way || It == CallOuts.end())
        continue;
      for (int Out : It->second)
        if (std::optional<llvm::StringRef> Read = readBack(Fields, Out))
          Result.push_back({Out, *Read, Along(*Way), Way->Positional});
    }
  }
}

void Program::reachFromParam(int F, int P, Function &Into) {
  int Param = Nodes[static_cast<size_t>(P)].Index;
  // Breadth first, with how each state was reached, for the steps. A
  // state is a node, the field context of the data there, and the field
  // of the parameter's object the data came from (Entry).
  struct From {
    int Node;
    llvm::StringRef Context;
    llvm::StringRef Entry;
    int Prev;
    int Edge;
    std::vector<StepRec> Steps;
    /// A distance measured in the data (engine::Step::Positional).
    bool Positional = false;
  };
  std::vector<From> How;
  // (DenseMapInfo has no bool: the last element is 1 for a distance.)
  llvm::DenseSet<std::tuple<int, llvm::StringRef, llvm::StringRef, int>> Known;
  // Whether a state covers this one: at the node, from an enclosing
  // field, with an enclosing context, the data itself or a distance as
  // this one is.
  auto Covered = [&](int N, llvm::StringRef Context, llvm::StringRef Entry,
                     bool Positional) {
    bool Found = false;
    fields::enclosing(Context, [&](llvm::StringRef C) {
      fields::enclosing(Entry, [&](llvm::StringRef En) {
        Found = Found || Known.contains({N, C, En, 0}) ||
                (Positional && Known.contains({N, C, En, 1}));
      });
    });
    return Found;
  };
  auto Add = [&](From State) {
    if (Covered(State.Node, State.Context, State.Entry, State.Positional))
      return;
    Known.insert(
        {State.Node, State.Context, State.Entry, State.Positional ? 1 : 0});
    How.push_back(std::move(State));
  };
  How.push_back({P, "", "", -1, -1, {}});
  auto StepsTo = [&](int S, int LastEdge) {
    std::vector<llvm::ArrayRef<StepRec>> Parts;
    Parts.push_back(steps(LastEdge));
    for (int At = S; At >= 0;) {
      const From &H = How[static_cast<size_t>(At)];
      if (H.Edge >= 0)
        Parts.push_back(steps(H.Edge));
      if (!H.Steps.empty())
        Parts.push_back(H.Steps);
      At = H.Prev;
    }
    std::vector<StepRec> All;
    for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
      All.insert(All.end(), It->begin(), It->end());
    return All;
  };
  for (size_t I = 0; I < How.size(); ++I) {
    int S = static_cast<int>(I);
    int N = How[I].Node;
    for (int EI : Adjacent[static_cast<size_t>(N)]) {
      if (blocked(EI))
        continue;
      // The parameter's flows each start from a field of its object.
      llvm::StringRef Entry = How[I].Entry;
      llvm::StringRef Context = How[I].Context;
      if (N == P)
        Entry = Edges[static_cast<size_t>(EI)].RootFields;
      int To = Edges[static_cast<size_t>(EI)].To;
      const Node &T = Nodes[static_cast<size_t>(To)];
      bool Positional =
          How[I].Positional || Edges[static_cast<size_t>(EI)].Positional;
      switch (T.K) {
      case NodeKind::Return:
        if (T.Owner == F &&
            !reaches(Into.ReturnSteps[Param], Entry, Positional))
          Into.ReturnSteps[Param].push_back(
              {Entry, StepsTo(S, EI), Positional});
        break;
      case NodeKind::Out:
        if (T.Owner == F) {
          auto Key =
              std::make_tuple(Param, T.Index, inside(T.Fields, Context).str());
          if (std::vector<Function::Reach> &Ways = Into.OutSteps[Key];
              !reaches(Ways, Entry, Positional))
            Ways.push_back({Entry, StepsTo(S, EI), Positional});
        }
        break;
      case NodeKind::CallArg: {
        llvm::SmallVector<Past, 4> Beyond;
        pastCall(To, Context, Beyond);
        for (Past &Next : Beyond) {
          bool Through = Positional || Next.Positional;
          if (Covered(Next.Node, Next.Context, Entry, Through))
            continue;
          // The edge into the argument, then the steps through the call.
          std::vector<StepRec> Steps = steps(EI);
          Steps.insert(Steps.end(), Next.Steps.begin(), Next.Steps.end());
          Add({Next.Node, Next.Context, Entry, S, -1, std::move(Steps),
               Through});
        }
        break;
      }
      default:
        break;
      }
    }
  }
}

void Program::summarise() {
  CurrentStrings = &Strings;
  std::deque<int> Work;
  std::vector<bool> Queued(Functions.size(), true);
  for (size_t I = 0; I < Functions.size(); ++I)
    Work.push_back(static_cast<int>(I));
  auto Ways = [](const auto &Summary) {
    size_t N = 0;
    for (const auto &Entry : Summary)
      N += Entry.second.size();
    return N;
  };
  // The sets only grow, so this ends: each function is summarised again
  // only when a callee's summary grew.
  while (!Work.empty()) {
    int F = Work.front();
    Work.pop_front();
    Queued[static_cast<size_t>(F)] = false;
    Function &Fn = Functions[static_cast<size_t>(F)];
    Function Next;
    for (int P : Fn.ParamNodes)
      reachFromParam(F, P, Next);
    if (Ways(Next.ReturnSteps) == Ways(Fn.ReturnSteps) &&
        Ways(Next.OutSteps) == Ways(Fn.OutSteps))
      continue;
    Fn.ReturnSteps = std::move(Next.ReturnSteps);
    Fn.OutSteps = std::move(Next.OutSteps);
    for (int C : Fn.Callers) {
      int Caller = Calls[static_cast<size_t>(C)].Caller;
      if (Caller >= 0 && !Queued[static_cast<size_t>(Caller)]) {
        Queued[static_cast<size_t>(Caller)] = true;
        Work.push_back(Caller);
      }
    }
  }
}

int Program::covering(int Node, llvm::StringRef Context, int How) const {
  int Found = Seen[static_cast<size_t>(Node)][static_cast<size_t>(How)];
  if (Found >= 0 || Context.empty() || SeenIn.empty())
    return Found;
  fields::enclosing(Context, [&](llvm::StringRef C) {
    if (Found >= 0 || C.empty())
      return;
    auto It = SeenIn.find({Node, C});
    if (It != SeenIn.end())
      Found = It->second[static_cast<size_t>(How)];
  });
  return Found;
}

void Program::push(int Node, Mode How, llvm::StringRef Context, int Prev,
                   int Via, std::vector<StepRec> Steps, bool Positional) {
  // Reached from a source directly, a node may also return to every caller
  // of its function: that covers what reaching it through a call does; an
  // unbounded entry covers a bounded one; the data at a field, the data at
  // a field inside it. The data itself covers a distance measured in it
  // (Visit::Positional), not the other way round.
  Positional = Positional ||
               (Prev >= 0 && States[static_cast<size_t>(Prev)].Positional) ||
               (Via >= 0 && Edges[static_cast<size_t>(Via)].Positional);
  // A path runs in one program (Visit::Programs): the programs it may be
  // in so far, and this node's. States of some programs do not cover
  // another's: a library function reached from one program's main first
  // is reached again from another's.
  std::uint64_t Programs =
      (Prev >= 0 ? States[static_cast<size_t>(Prev)].Programs : ~0ULL) &
      programMask(Node);
  if (!Programs)
    return;
  std::uint64_t Inherit = 0;
  for (int M = How; M <= Free; ++M) {
    int F = covering(Node, Context, M);
    if (F < 0)
      continue;
    const Visit &Old = States[static_cast<size_t>(F)];
    if (!Positional && Old.Positional)
      continue;
    if ((Old.Covers & Programs) == Programs)
      return;
    if (M == How)
      Inherit = Old.Covers;
  }
  States.push_back({Node, How, Context, Prev, Via, std::move(Steps), Positional,
                    Programs, Programs | Inherit});
  int State = static_cast<int>(States.size() - 1);
  if (Context.empty())
    Seen[static_cast<size_t>(Node)][How] = State;
  else
    SeenIn.try_emplace({Node, Context}, std::array<int, 3>{-1, -1, -1})
        .first->second[How] = State;
  int &Any = SeenAny[static_cast<size_t>(Node)][How];
  if (Any < 0)
    Any = State;
}

std::string Program::describeSource(const SourceRec &S, const Place &At) const {
  std::string Text = S.ByCall ? ("read by '" + S.What + "'").str()
                              : ("from '" + S.What + "'").str();
  if (!S.At.valid())
    return Text;
  if (S.At.File == At.File)
    return Text + " at line " + std::to_string(S.At.Line);
  return Text + " at " + llvm::sys::path::filename(S.At.File).str() + ":" +
         std::to_string(S.At.Line);
}

void Program::reportSink(int State) {
  const Visit &Last = States[static_cast<size_t>(State)];
  const SinkRec &Sink =
      Sinks[static_cast<size_t>(Nodes[static_cast<size_t>(Last.Node)].Owner)];
  // A distance measured in the data, at a range sink of unknown extent
  // (engine::positionalOnly).
  if (Last.Positional && !Sink.takesDistance())
    return;
  // A range sink on a parameter the callee uses unchanged: the caller's
  // check of its argument holds there.
  if (Sink.ParamExact && Last.How == EnteredBounded && Last.Via >= 0) {
    const Edge &E = Edges[static_cast<size_t>(Last.Via)];
    if (E.From >= 0 && Nodes[static_cast<size_t>(E.From)].K == NodeKind::Param)
      return;
  }
  std::vector<const Visit *> Chain;
  for (int S = State; S >= 0; S = States[static_cast<size_t>(S)].Prev)
    Chain.push_back(&States[static_cast<size_t>(S)]);
  std::reverse(Chain.begin(), Chain.end());
  // A path runs in one program: the units of the functions it goes through
  // must share one (a library's dispatch loop, in every program, does not
  // carry one program's data into another's handlers). Up to MaskedPrograms
  // programs, each state carries that already (Visit::Programs).
  if (Grouping.programCount() > MaskedPrograms) {
    llvm::BitVector Common;
    for (const Visit *V : Chain) {
      int U = unitOf(V->Node);
      if (U < 0)
        continue;
      llvm::BitVector In = Grouping.programsOf(U);
      if (Common.empty())
        Common = std::move(In);
      else
        Common &= In;
      if (Common.none())
        return;
    }
  }
  const Visit &First = *Chain.front();
  if (First.Via < 0)
    return;
  int SourceIndex = Edges[static_cast<size_t>(First.Via)].Source;
  if (SourceIndex < 0)
    return;
  const SourceRec &Src = Sources[static_cast<size_t>(SourceIndex)];
  std::vector<StepRec> Steps;
  for (const Visit *V : Chain) {
    if (V->Via >= 0) {
      llvm::ArrayRef<StepRec> More = steps(V->Via);
      Steps.insert(Steps.end(), More.begin(), More.end());
    } else {
      Steps.insert(Steps.end(), V->Steps.begin(), V->Steps.end());
    }
  }
  // Only flows that cross units: a path inside one file is the unit's,
  // unless it goes through a global, which only the link follows from the
  // function that writes it to the one that reads it.
  bool Crosses =
      llvm::any_of(Steps,
                   [&](const StepRec &S) {
                     return S.At.File != Steps.front().At.File;
                   }) ||
      llvm::any_of(Chain, [&](const Visit *V) {
        // Through a global, or through a call the link resolved (into the
        // callee, or past it): a function defined in another unit, whose
        // steps may all be in the caller's file (`return atoi(s)` has
        // none of its own), which the caller's unit could not follow.
        return V->Node >= 0 &&
               (Nodes[static_cast<size_t>(V->Node)].K == NodeKind::Global ||
                (V->Prev >= 0 &&
                 Nodes[static_cast<size_t>(
                           States[static_cast<size_t>(V->Prev)].Node)]
                         .K == NodeKind::CallArg));
      });
  for (int FI : Sink.Findings) {
    const FindingRec &F = FindingTable[static_cast<size_t>(FI)];
    std::string Check = F.Check.str();
    const Place &At = F.At;
    if (Check.empty() || !At.valid())
      continue;
    if (!Sink.Deferred && !Crosses && !Steps.empty() &&
        Steps.front().At.File == At.File)
      continue;
    if ((!Sink.Deferred &&
         Existing->count({Check, At.File, At.Line, At.Column})) ||
        !Reported.insert({Check + "\n" + At.File.str(), At.Offset}).second)
      continue;
    std::string Message = F.Message.str();
    std::string Origin = describeSource(Src, At);
    llvm::StringRef Placeholder = ::sinkguard::engine::OriginPlaceholder;
    for (size_t Pos = Message.find(Placeholder); Pos != std::string::npos;
         Pos = Message.find(Placeholder, Pos + Origin.size()))
      Message.replace(Pos, Placeholder.size(), Origin);
    clang::tidy::ClangTidyError E(Check, clang::tooling::Diagnostic::Warning,
                                  "", /*IsWarningAsError=*/false);
    E.Message = clang::tooling::DiagnosticMessage(Message);
    E.Message.FilePath = At.File;
    E.Message.FileOffset = At.Offset;
    for (const auto &[Offset, Length] : F.Ranges) {
      clang::tooling::FileByteRange Range;
      Range.FilePath = At.File;
      Range.FileOffset = Offset;
      Range.Length = Length;
      E.Message.Ranges.push_back(std::move(Range));
    }
    for (const StepRec &S : Steps) {
      clang::tooling::DiagnosticMessage Note(S.Message);
      Note.FilePath = S.At.File;
      Note.FileOffset = S.At.Offset;
      E.Notes.push_back(std::move(Note));
    }
    Out.Errors.push_back(std::move(E));
    Out.Functions.push_back(F.Function.str());
  }
}

void Program::findings(const KnownFindings &Known) {
  Existing = &Known;
  CurrentStrings = &Strings;
  Seen.assign(Nodes.size(), {-1, -1, -1});
  SeenAny.assign(Nodes.size(), {-1, -1, -1});
  SeenIn.clear();
  // A source's data starts where it lies in the object passed.
  for (int EI : SourceEdges)
    if (!blocked(EI))
      push(Edges[static_cast<size_t>(EI)].To, Free,
           Edges[static_cast<size_t>(EI)].ArgFields, -1, EI);
  for (size_t I = 0; I < States.size(); ++I) {
    int S = static_cast<int>(I);
    int N = States[I].Node;
    Mode How = States[I].How;
    llvm::StringRef Context = States[I].Context;
    // A state reached entered and later free: the free one does the work.
    bool Covered = false;
    for (int M = How + 1; M <= Free; ++M) {
      int F = covering(N, Context, M);
      if (F < 0)
        continue;
      const Visit &Old = States[static_cast<size_t>(F)];
      if ((States[I].Positional || !Old.Positional) &&
          (Old.Covers & States[I].Programs) == States[I].Programs)
        Covered = true;
    }
    if (Covered)
      continue;
    const Node &Nd = Nodes[static_cast<size_t>(N)];
    switch (Nd.K) {
    case NodeKind::Sink:
      reportSink(S);
      break;
    case NodeKind::Return:
      if (How == Free) {
        for (int C : Functions[static_cast<size_t>(Nd.Owner)].Callers) {
          int R = find(NodeKind::CallResult, C);
          if (R >= 0)
            push(R, Free, Context, S, -1);
        }
      }
      break;
    case NodeKind::Out:
      if (How == Free) {
        llvm::StringRef Stored = inside(Nd.Fields, Context);
        for (int C : Functions[static_cast<size_t>(Nd.Owner)].Callers) {
          auto It = CallOuts.find({C, Nd.Index});
          if (It == CallOuts.end())
            continue;
          for (int O : It->second)
            if (std::optional<llvm::StringRef> Read = readBack(Stored, O))
              push(O, Free, *Read, S, -1);
        }
      }
      break;
    case NodeKind::CallArg: {
      const Call &C = Calls[static_cast<size_t>(Nd.Owner)];
      int Via = States[I].Via;
      // Bounded where the caller checked it, or where its own caller did
      // and it passes its parameter on unchanged.
      const Edge *In = Via >= 0 ? &Edges[static_cast<size_t>(Via)] : nullptr;
      Mode Into =
          In && (In->Bounded || (In->PassesParam && How == EnteredBounded))
              ? EnteredBounded
              : Entered;
      for (int Callee : C.Callees) {
        int P = find(NodeKind::Param, Callee, Nd.Index);
        if (P >= 0)
          push(P, Into, Context, S, -1, {passedStep(C, Callee, Nd.Index)});
      }
      llvm::SmallVector<Past, 4> Beyond;
      pastCall(N, Context, Beyond);
      for (Past &Next : Beyond)
        push(Next.Node, How, Next.Context, S, -1, std::move(Next.Steps),
             Next.Positional);
      break;
    }
    case NodeKind::Param:
    case NodeKind::CallResult:
    case NodeKind::CallOut:
    case NodeKind::Global:
    case NodeKind::GlobalIn:
      for (int EI : Adjacent[static_cast<size_t>(N)]) {
        if (blocked(EI))
          continue;
        if (std::optional<llvm::StringRef> Next = along(N, EI, Context)) {
          push(Edges[static_cast<size_t>(EI)].To,
               Nd.K == NodeKind::Global || Nd.K == NodeKind::GlobalIn ? Free
                                                                      : How,
               *Next, S, EI);
        }
      }
      break;
    }
  }
}

const llvm::SmallVector<std::pair<int, llvm::StringRef>, 4> &
Program::sinksFrom(int P, int Depth) {
  constexpr size_t Most = 4;
  ParamSinkState &State = paramSinks(P);
  if (State.Done || State.Busy)
    return State.Sinks;
  State.Busy = true;
  llvm::SmallVector<std::pair<int, llvm::StringRef>, 4> Found;
  // A distance measured in the data (Pos) reaches only range sinks of
  // known extent (engine::positionalOnly). A sink reached from several
  // fields of the parameter's object is reached from the whole.
  auto Add = [&](int SinkNode, bool Pos, llvm::StringRef Entry) {
    const SinkRec &Sink =
        Sinks[static_cast<size_t>(Nodes[static_cast<size_t>(SinkNode)].Owner)];
    if (Pos && !Sink.takesDistance())
      return;
    auto *Known = llvm::find_if(
        Found, [&](const auto &F) { return F.first == SinkNode; });
    if (Known != Found.end()) {
      if (Known->second != Entry)
        Known->second = "";
      return;
    }
    if (Found.size() < Most)
      Found.push_back({SinkNode, Entry});
  };
  // Nodes with the field context of the data there (as in findings()),
  // whether it is a distance measured in the data, and the field of the
  // parameter's object the data came from (as the first flow read it).
  // (DenseMapInfo has no bool: Pos is 0 or 1.)
  using Item = std::tuple<int, llvm::StringRef, int, llvm::StringRef>;
  llvm::DenseSet<std::tuple<int, llvm::StringRef, int>> Visited{{P, "", 0}};
  std::vector<Item> Work{{P, "", 0, ""}};
  size_t Budget = 4096;
  while (!Work.empty() && Found.size() < Most && Budget-- > 0) {
    auto [N, Context, Pos, Entry] = Work.back();
    Work.pop_back();
    auto Visit = [&](int To, llvm::StringRef C, bool ToPos,
                     llvm::StringRef From) {
      int K = ToPos ? 1 : 0;
      if (!Visited.contains({To, "", K}) && Visited.insert({To, C, K}).second)
        Work.push_back({To, C, K, From});
    };
    const Node &Nd = Nodes[static_cast<size_t>(N)];
    if (Nd.K == NodeKind::Sink) {
      const SinkRec &Sink = Sinks[static_cast<size_t>(Nd.Owner)];
      if (!Sink.Deferred && Sink.At.valid())
        Add(N, Pos != 0, Entry);
      continue;
    }
    if (Nd.K == NodeKind::CallArg) {
      for (int Callee : Calls[static_cast<size_t>(Nd.Owner)].Callees) {
        int CP = find(NodeKind::Param, Callee, Nd.Index);
        if (CP < 0)
          continue;
        // What a callee's parameter reaches is the same from every
        // caller: found once (unless it is on the way, a recursion, or
        // only some fields of what is passed hold the data).
        if (Context.empty() && Depth < 64 && !paramSinks(CP).Busy) {
          if (Visited.insert({CP, "", Pos}).second)
            for (const auto &[S, Inner] : sinksFrom(CP, Depth + 1))
              Add(S, Pos != 0, N == P || Entry.empty() ? Inner : Entry);
          continue;
        }
        Visit(CP, Context, Pos != 0, Entry);
      }
      llvm::SmallVector<Past, 4> Beyond;
      pastCall(N, Context, Beyond, /*WithSteps=*/false);
      for (const Past &Next : Beyond)
        Visit(Next.Node, Next.Context, Pos != 0 || Next.Positional, Entry);
      continue;
    }
    if (Nd.K != NodeKind::Param && Nd.K != NodeKind::CallResult &&
        Nd.K != NodeKind::CallOut)
      continue;
    for (int EI : Adjacent[static_cast<size_t>(N)]) {
      if (blocked(EI))
        continue;
      if (std::optional<llvm::StringRef> Next = along(N, EI, Context))
        Visit(Edges[static_cast<size_t>(EI)].To, *Next,
              Pos != 0 || Edges[static_cast<size_t>(EI)].Positional,
              N == P ? Edges[static_cast<size_t>(EI)].RootFields : Entry);
    }
  }
  ParamSinkState &Done = paramSinks(P);
  Done.Busy = false;
  Done.Done = true;
  Done.Sinks = std::move(Found);
  return Done.Sinks;
}

std::vector<store::LinkedEntry>
Program::linkedSummaries(std::vector<store::LinkedBinding> &Bindings) {
  CurrentStrings = &Strings;
  ParamSinkIndex.assign(Nodes.size(), -1);
  ParamSinks.clear();
  for (const Function &F : Functions) {
    for (int P : F.ParamNodes) {
      ParamSinkIndex[static_cast<size_t>(P)] =
          static_cast<int>(ParamSinks.size());
      ParamSinks.emplace_back();
    }
  }
  std::vector<int> Order(Functions.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = static_cast<int>(I);
  // Several definitions of a name in the order of their places, whatever
  // the order of the units.
  llvm::sort(Order, [&](int A, int B) {
    const Function &FA = Functions[static_cast<size_t>(A)];
    const Function &FB = Functions[static_cast<size_t>(B)];
    return std::make_tuple(FA.Usr, FA.At.File, FA.At.Offset, A) <
           std::make_tuple(FB.Usr, FB.At.File, FB.At.Offset, B);
  });
  using KindCode = std::underlying_type_t<engine::SinkHit::Kind>;
  std::vector<store::LinkedEntry> Entries;
  Entries.reserve(Order.size());
  for (int Self : Order) {
    const Function &F = Functions[static_cast<size_t>(Self)];
    engine::LinkedFunction L;
    // Untrusted data it returns to every caller.
    // (Data at a field of what it returns too: the hosts see no fields.)
    int R = find(NodeKind::Return, Self);
    int S = R < 0 ? -1 : Seen[static_cast<size_t>(R)][Free];
    if (R >= 0 && S < 0)
      S = SeenAny[static_cast<size_t>(R)][Free];
    if (S >= 0) {
      while (States[static_cast<size_t>(S)].Prev >= 0)
        S = States[static_cast<size_t>(S)].Prev;
      int Via = States[static_cast<size_t>(S)].Via;
      int Src = Via >= 0 ? Edges[static_cast<size_t>(Via)].Source : -1;
      if (Src >= 0)
        L.ReturnsSource =
            describeSource(Sources[static_cast<size_t>(Src)], Place{});
    }
    // The sinks each parameter reaches, in it or below it.
    for (int P : F.ParamNodes) {
      for (const auto &[SinkNode, Entry] : sinksFrom(P, 0)) {
        const SinkRec &Sink = Sinks[static_cast<size_t>(
            Nodes[static_cast<size_t>(SinkNode)].Owner)];
        // A kind the engine does not have comes only from corrupt facts.
        if (Sink.Kind < 0 || Sink.Kind > std::numeric_limits<KindCode>::max())
          continue;
        std::string Where =
            (Sink.Name.empty() ? std::string("a use")
                               : ("'" + Sink.Name + "'").str()) +
            " at " + llvm::sys::path::filename(Sink.At.File).str() + ":" +
            std::to_string(Sink.At.Line);
        L.Sinks.push_back({Nodes[static_cast<size_t>(P)].Index,
                           static_cast<engine::SinkHit::Kind>(Sink.Kind),
                           std::move(Where), Sink.Fixed, Entry.str()});
      }
    }
    for (const auto &Entry : F.ReturnSteps) {
      L.ToReturn.push_back(Entry.first);
      // Every way to the return measures a distance in the data.
      if (llvm::all_of(Entry.second,
                       [](const Function::Reach &W) { return W.Positional; }))
        L.PositionalReturn.push_back(Entry.first);
    }
    L.Validates.append(F.Validates.begin(), F.Validates.end());
    L.Signature = F.Signature.str();
    Entries.push_back({F.Usr, std::move(L)});
  }
  // Which of a name's definitions (by their index among the name's) each
  // unit's direct calls bind to, for the names defined several times.
  llvm::DenseMap<int, int> IndexOf;
  for (size_t I = 0; I < Order.size(); ++I)
    IndexOf[Order[I]] = I > 0 && Entries[I].Usr == Entries[I - 1].Usr
                            ? IndexOf[Order[I - 1]] + 1
                            : 0;
  std::map<std::pair<llvm::StringRef, llvm::StringRef>, std::set<int>> Bound;
  for (int Ref : DirectReferences) {
    llvm::StringRef Usr = Grouping.usrOf(Ref);
    if (!Grouping.several(Usr))
      continue;
    std::set<int> &Into =
        Bound[{UnitFiles[static_cast<size_t>(Grouping.unitOf(Ref))], Usr}];
    for (int F : Grouping.bound(Ref))
      Into.insert(IndexOf[F]);
  }
  for (const auto &[Key, Indexes] : Bound)
    Bindings.push_back(
        {Key.first, Key.second, {Indexes.begin(), Indexes.end()}});
  return Entries;
}

} // namespace

std::vector<report::Finding> linkUnits(llvm::ArrayRef<const UnitResult *> Units,
                                       llvm::ArrayRef<report::Finding> Existing,
                                       LinkStats &Stats,
                                       std::vector<std::string> &Problems,
                                       std::string *Linked) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<const UnitResult *> Sorted(Units.begin(), Units.end());
  llvm::sort(Sorted, [](const UnitResult *A, const UnitResult *B) {
    return A->File < B->File;
  });
  // The facts of each engine configuration form their own program. Each
  // unit's facts are parsed and added in turn: only the programs' own
  // (interned) records stay, not every unit's JSON.
  std::map<std::string, std::unique_ptr<Program>> Programs;
  std::map<std::string, std::vector<std::string>> ChecksOf;
  for (const UnitResult *U : Sorted) {
    if (U->Facts.empty())
      continue;
    ++Stats.Units;
    FactsReader R(U->Facts);
    size_t Count = R.count();
    for (size_t I = 0; I < Count && R.ok(); ++I) {
      std::string Key = R.string().str();
      if (R.integer() != ::sinkguard::engine::FactsFormatVersion) {
        Problems.push_back(U->File + ": facts of another version; its "
                                     "cross-file flows are missing");
        break;
      }
      std::vector<std::string> Checks;
      size_t N = R.count();
      for (size_t J = 0; J < N && R.ok(); ++J)
        Checks.push_back(R.string().str());
      std::unique_ptr<Program> &P = Programs[Key];
      if (!P)
        P = std::make_unique<Program>(Problems);
      P->addUnit(R, U->File);
      ChecksOf[Key] = std::move(Checks);
    }
    if (!R.ok())
      Problems.push_back(U->File + ": unreadable facts (" + R.error() +
                         "); its cross-file flows may be missing");
  }
  auto Lap = [Last = std::chrono::steady_clock::now()]() mutable {
    auto Now = std::chrono::steady_clock::now();
    double D = std::chrono::duration<double>(Now - Last).count();
    Last = Now;
    return D;
  };
  Stats.FactsSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  KnownFindings Known;
  Known.reserve(Existing.size());
  for (const report::Finding &F : Existing)
    Known.insert(
        {F.RuleId, F.Where.File, F.Where.Point.Line, F.Where.Point.Column});
  TidyDiagnostics Found;
  std::optional<llvm::raw_string_ostream> LinkedText;
  std::optional<store::LinkedWriter> Writer;
  if (Linked) {
    Linked->clear();
    LinkedText.emplace(*Linked);
    Writer.emplace(*LinkedText);
  }
  for (auto &Entry : Programs) {
    const std::string &Key = Entry.first;
    std::unique_ptr<Program> &P = Entry.second;
    Lap();
    P->resolve();
    P->summarise();
    Stats.SummariseSeconds += Lap();
    P->findings(Known);
    Stats.Functions += P->functionCount();
    Stats.Calls += P->callCount();
    Stats.ResolvedCalls += P->resolvedCount();
    TidyDiagnostics More = P->takeFindings();
    std::move(More.Errors.begin(), More.Errors.end(),
              std::back_inserter(Found.Errors));
    std::move(More.Functions.begin(), More.Functions.end(),
              std::back_inserter(Found.Functions));
    Stats.FlowsSeconds += Lap();
    if (Writer) {
      std::vector<store::LinkedBinding> Bindings;
      std::vector<store::LinkedEntry> Entries = P->linkedSummaries(Bindings);
      Writer->configuration(Key, ChecksOf[Key], Entries, Bindings);
    }
    Stats.EditorSeconds += Lap();
    P.reset();
  }
  if (Writer)
    Writer->finish();
  report::SourceCache Sources;
  ConvertedDiagnostics Converted;
  convertDiagnostics(Found, Sources, Converted);
  Stats.Findings = Converted.Findings.size();
  Stats.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return std::move(Converted.Findings);
}

llvm::Error writeLinkedSummaries(llvm::StringRef Linked, llvm::StringRef Path) {
  return writeOutput(Path, [&](llvm::raw_ostream &OS) { OS << Linked; });
}

} // namespace sinkguard::driver
