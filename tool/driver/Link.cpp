//===--- Link.cpp ---------------------------------------------------------===//
//
// The program is a graph. Its nodes: each function's parameters, return
// value and out-parameters (by USR, so a function defined in a header is
// one entry however many units include it); each call to a function
// defined elsewhere (its arguments, its result, what it leaves in the
// objects passed to it); each global; each sink. Its edges are the flows
// the units recorded, each with the steps that explain it.
//
// Two passes, both near-linear in the edges:
//  1. Summaries, bottom-up to a fixpoint: which parameters of a function
//     reach its return value or out-parameters, also through calls to
//     functions of other units.
//  2. Sources, forward: a source's data follows the edges; at a call it
//     enters the callee (and never returns from there to another caller:
//     the summary of pass 1 carries it past the call), at a return value
//     reached from a source it goes to every caller. A sink it reaches is
//     a finding, unless the unit of the sink already reported it.
//
//===----------------------------------------------------------------------===//

#include "Link.h"
#include "Conversion.h"
#include "OutputFile.h"
#include "Scanner.h"
#include "SourceFile.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "engine/Facts.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <array>
#include <chrono>
#include <deque>
#include <map>
#include <set>

namespace sinkguard::driver {

namespace {

namespace json = llvm::json;

/// A place as the facts write it: [file, line, column, offset].
struct Place {
  /// Interned (Strings below): places are many, files few.
  llvm::StringRef File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  bool valid() const { return !File.empty(); }
};

/// The file table of the unit being read: places in flows name their file
/// by index, those of findings by path.
thread_local const json::Array *CurrentFiles = nullptr;
/// The strings of the program being linked: file paths and step messages
/// are stored once.
thread_local llvm::StringSet<> *CurrentStrings = nullptr;

llvm::StringRef intern(llvm::StringRef S) {
  return CurrentStrings->insert(S).first->getKey();
}

Place placeOf(const json::Value *V) {
  Place P;
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A || A->size() < 4)
    return P;
  if (std::optional<int64_t> I = (*A)[0].getAsInteger()) {
    if (CurrentFiles && *I >= 0 &&
        static_cast<size_t>(*I) < CurrentFiles->size())
      P.File = intern(
          (*CurrentFiles)[static_cast<size_t>(*I)].getAsString().value_or(""));
  } else {
    P.File = intern((*A)[0].getAsString().value_or(""));
  }
  if (P.File.empty())
    return P;
  P.Line = static_cast<unsigned>((*A)[1].getAsInteger().value_or(0));
  P.Column = static_cast<unsigned>((*A)[2].getAsInteger().value_or(0));
  P.Offset = static_cast<unsigned>((*A)[3].getAsInteger().value_or(0));
  return P;
}

struct StepRec {
  Place At;
  llvm::StringRef Message; // interned
};

struct SourceRec {
  std::string What;
  bool ByCall = true;
  Place At;
};

/// One flow a unit recorded: from a root to a target, with its steps.
struct Edge {
  int From = -1; // node; -1 for a source
  int To = -1;
  int Source = -1; // index into Sources when From is -1
  std::vector<StepRec> Steps;
  /// For an edge into a call's argument: what is known of an integer.
  bool Bounded = false;
  /// Checks by functions of other units on the way: (call, argument). The
  /// edge holds unless one of them is a validator.
  std::vector<std::pair<int, int>> Guards;
};

struct SinkRec {
  json::Array Findings;
  /// engine::SinkHit::Kind, and the function that is the sink (if any).
  int Kind = 0;
  std::string Name;
  Place At;
  bool ParamExact = false;
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
  Global,
  Sink
};

struct Node {
  NodeKind K;
  /// Param, Return, Out: the function's index. CallResult, CallOut,
  /// CallArg: the call's index. Global: the global's index. Sink: the
  /// sink's index.
  int Owner = -1;
  int Index = 0; // parameter, argument
  std::string Fields;
};

struct Function {
  std::string Usr;
  std::string Name;
  std::vector<std::string> Params;
  std::set<int> Validates;
  /// Pass 1: parameters that reach the return value; (parameter, out
  /// parameter, fields) that reach an out-parameter; with the steps inside
  /// the function of one path of each.
  std::map<int, std::vector<StepRec>> ReturnSteps;
  std::map<std::tuple<int, int, std::string>, std::vector<StepRec>> OutSteps;
  std::vector<int> ParamNodes;
  std::vector<int> Calls;   // calls made in it (by index)
  std::vector<int> Callers; // calls that resolve to it
};

struct Call {
  std::string Target;
  std::string Name;
  bool Field = false;
  Place At;
  int Caller = -1;          // function index, -1 when unknown
  std::vector<int> Callees; // function indexes
};

/// Whether field paths \p A and \p B overlap: one is inside the other.
bool overlaps(llvm::StringRef A, llvm::StringRef B) {
  if (A.empty() || B.empty() || A == B)
    return true;
  if (A.size() > B.size())
    std::swap(A, B);
  return B.starts_with(A) && B[A.size()] == '.';
}

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

  void addUnit(const json::Object &Facts, llvm::StringRef UnitFile);
  void resolve();
  void summarise();
  void findings(
      const std::set<std::tuple<std::string, std::string, unsigned, unsigned>>
          &Existing);
  std::vector<clang::tidy::ClangTidyError> takeFindings() {
    return std::move(Out);
  }

  size_t functionCount() const { return Functions.size(); }
  /// What the link resolved of each function, for the per-file hosts.
  json::Object linkedSummaries();
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

  int node(NodeKind K, int Owner, int Index = 0, llvm::StringRef Fields = "") {
    auto Key = std::make_tuple(static_cast<int>(K), Owner, Index, Fields.str());
    auto [It, New] = NodeIndex.try_emplace(Key, static_cast<int>(Nodes.size()));
    if (New) {
      Nodes.push_back({K, Owner, Index, Fields.str()});
      Adjacent.emplace_back();
      if (K == NodeKind::Param)
        Functions[static_cast<size_t>(Owner)].ParamNodes.push_back(It->second);
    }
    return It->second;
  }
  int function(llvm::StringRef Usr) {
    auto It = FunctionIndex.find(Usr);
    return It == FunctionIndex.end() ? -1 : It->second;
  }
  int global(llvm::StringRef Usr) {
    auto [It, New] =
        GlobalIndex.try_emplace(Usr, static_cast<int>(GlobalNames.size()));
    if (New)
      GlobalNames.push_back(Usr.str());
    return It->second;
  }
  /// The node a flow's root designates inside function \p Fn of a unit
  /// whose calls start at \p CallBase; -1 for a source (its index in
  /// \p Source).
  int rootNode(const json::Object &Root, int Fn, int CallBase,
               const std::vector<int> &Globals, int &Source);
  void addFlow(const json::Object *Flow, int Fn, int CallBase,
               const std::vector<int> &Globals, int To, bool Bounded = false);
  std::vector<StepRec> stepsOf(const json::Array *Steps);
  /// A sink of function \p Fn (-1: of the unit), and the flow into it;
  /// \p Deferred for a path inside the unit that passed a check by another
  /// unit's function.
  void addSink(const json::Object *SO, int Fn, int CallBase,
               const std::vector<int> &Globals, bool Deferred);
  /// A flow into the argument of a call to another unit's function.
  void addCallArg(const json::Object *CO, int Fn, int CallBase,
                  const std::vector<int> &Globals);
  void reachFromParam(int F, int P, Function &Into);
  /// The nodes a call's argument reaches past the call (pass 1's summary
  /// of the callees), with the steps inside the callee.
  void
  pastCall(int CallArg,
           llvm::SmallVectorImpl<std::pair<int, std::vector<StepRec>>> &Out);
  void reportSink(int State);
  /// Whether a function of another unit that the edge's data passed
  /// validates it.
  bool blocked(int EdgeIndex) const;
  int find(NodeKind K, int Owner, int Index = 0, llvm::StringRef Fields = "") {
    auto It = NodeIndex.find(
        std::make_tuple(static_cast<int>(K), Owner, Index, Fields.str()));
    return It == NodeIndex.end() ? -1 : It->second;
  }
  void push(int Node, Mode How, int Prev, int Via,
            std::vector<StepRec> Steps = {});
  const std::set<std::tuple<std::string, std::string, unsigned, unsigned>>
      *Existing = nullptr;
  std::vector<std::array<int, 3>> Seen; // node -> state per mode
  std::string describeSource(const SourceRec &S, const Place &At) const;

  std::vector<std::string> &Problems;
  llvm::StringSet<> Strings;
  std::vector<Node> Nodes;
  std::vector<std::vector<int>> Adjacent; // node -> edges
  std::map<std::tuple<int, int, int, std::string>, int> NodeIndex;
  std::vector<Edge> Edges;
  std::vector<int> SourceEdges;
  std::vector<SourceRec> Sources;
  std::vector<SinkRec> Sinks;
  std::vector<Function> Functions;
  llvm::StringMap<int> FunctionIndex;
  std::vector<Call> Calls;
  std::vector<std::string> CallerUsrs;
  std::vector<std::string> GlobalNames;
  llvm::StringMap<int> GlobalIndex;
  llvm::StringMap<std::vector<std::string>> FieldTargets;
  /// CallOut nodes by (call, argument).
  std::map<std::pair<int, int>, std::vector<int>> CallOuts;

  // Pass 2.
  struct Visit {
    int Node;
    Mode How;
    int Prev;                   // state index, -1 for the start
    int Via;                    // edge index, or -1 for a transition
    std::vector<StepRec> Steps; // for a transition
  };
  std::vector<Visit> States;
  std::set<std::pair<std::string, unsigned>> Reported;
  std::vector<clang::tidy::ClangTidyError> Out;
};

std::vector<StepRec> Program::stepsOf(const json::Array *Steps) {
  std::vector<StepRec> Result;
  if (!Steps)
    return Result;
  for (const json::Value &V : *Steps) {
    const json::Array *A = V.getAsArray();
    if (!A || A->size() < 5)
      continue;
    StepRec S;
    S.At = placeOf(&V);
    S.Message = intern((*A)[4].getAsString().value_or(""));
    Result.push_back(S);
  }
  return Result;
}

int Program::rootNode(const json::Object &Root, int Fn, int CallBase,
                      const std::vector<int> &Globals, int &Source) {
  llvm::StringRef Kind = Root.getString("kind").value_or("");
  auto Int = [&](llvm::StringRef Key) {
    return static_cast<int>(Root.getInteger(Key).value_or(-1));
  };
  Source = -1;
  if (Kind == "source") {
    SourceRec S;
    S.What = Root.getString("what").value_or("").str();
    S.ByCall = Root.getBoolean("byCall").value_or(true);
    S.At = placeOf(Root.get("at"));
    Sources.push_back(std::move(S));
    Source = static_cast<int>(Sources.size() - 1);
    return -1;
  }
  if (Kind == "param")
    return Fn < 0 ? -2 : node(NodeKind::Param, Fn, Int("param"));
  if (Kind == "call")
    return node(NodeKind::CallResult, CallBase + Int("call"));
  if (Kind == "callOut") {
    int C = CallBase + Int("call");
    int Arg = Int("arg");
    int N =
        node(NodeKind::CallOut, C, Arg, Root.getString("fields").value_or(""));
    auto &List = CallOuts[{C, Arg}];
    if (!llvm::is_contained(List, N))
      List.push_back(N);
    return N;
  }
  if (Kind == "global") {
    int G = Int("global");
    if (G < 0 || static_cast<size_t>(G) >= Globals.size())
      return -2;
    return node(NodeKind::Global, Globals[static_cast<size_t>(G)]);
  }
  return -2;
}

void Program::addFlow(const json::Object *Flow, int Fn, int CallBase,
                      const std::vector<int> &Globals, int To, bool Bounded) {
  if (!Flow)
    return;
  const json::Object *Root = Flow->getObject("root");
  if (!Root)
    return;
  int Source = -1;
  int From = rootNode(*Root, Fn, CallBase, Globals, Source);
  if (From == -2)
    return;
  Edge E;
  E.From = From;
  E.To = To;
  E.Source = Source;
  E.Steps = stepsOf(Flow->getArray("steps"));
  E.Bounded = Bounded;
  if (const json::Array *Guards = Flow->getArray("guards"))
    for (const json::Value &G : *Guards)
      if (const json::Array *GA = G.getAsArray(); GA && GA->size() == 2) {
        int Call =
            CallBase + static_cast<int>((*GA)[0].getAsInteger().value_or(0));
        if (Call < static_cast<int>(Calls.size()))
          E.Guards.push_back(
              {Call, static_cast<int>((*GA)[1].getAsInteger().value_or(0))});
      }
  // A parameter's first step is the parameter itself: the call that
  // passes the data says it better.
  if (From >= 0 && Nodes[static_cast<size_t>(From)].K == NodeKind::Param &&
      !E.Steps.empty())
    E.Steps.erase(E.Steps.begin());
  Edges.push_back(std::move(E));
  int Index = static_cast<int>(Edges.size() - 1);
  if (From >= 0)
    Adjacent[static_cast<size_t>(From)].push_back(Index);
  else
    SourceEdges.push_back(Index);
}

bool boundedRange(const json::Object *Range) {
  if (!Range)
    return false;
  bool Upper = Range->getInteger("hi") || Range->getBoolean("symbolic");
  std::optional<int64_t> Lo = Range->getInteger("lo");
  return Upper && Lo && *Lo >= 0;
}

void Program::addSink(const json::Object *SO, int Fn, int CallBase,
                      const std::vector<int> &Globals, bool Deferred) {
  if (!SO)
    return;
  SinkRec Rec;
  Rec.Deferred = Deferred;
  Rec.ParamExact = SO->getBoolean("paramExact").value_or(false);
  Rec.Kind = static_cast<int>(SO->getInteger("kind").value_or(0));
  Rec.Name = SO->getString("sink").value_or("").str();
  if (const json::Array *Findings = SO->getArray("findings")) {
    Rec.Findings = *Findings;
    if (!Findings->empty())
      if (const json::Object *F0 = (*Findings)[0].getAsObject())
        Rec.At = placeOf(F0->get("at"));
  }
  Sinks.push_back(std::move(Rec));
  int To = node(NodeKind::Sink, static_cast<int>(Sinks.size() - 1));
  addFlow(SO->getObject("flow"), Fn, CallBase, Globals, To);
}

void Program::addCallArg(const json::Object *CO, int Fn, int CallBase,
                         const std::vector<int> &Globals) {
  if (!CO)
    return;
  int Call = CallBase + static_cast<int>(CO->getInteger("call").value_or(0));
  if (Call < 0 || Call >= static_cast<int>(Calls.size()))
    return;
  int To = node(NodeKind::CallArg, Call,
                static_cast<int>(CO->getInteger("arg").value_or(0)));
  addFlow(CO->getObject("flow"), Fn, CallBase, Globals, To,
          boundedRange(CO->getObject("range")));
}

void Program::addUnit(const json::Object &Facts, llvm::StringRef UnitFile) {
  CurrentFiles = Facts.getArray("files");
  CurrentStrings = &Strings;
  int CallBase = static_cast<int>(Calls.size());
  const json::Array *CallTable = Facts.getArray("externalCalls");
  const json::Array *FunctionTable = Facts.getArray("functions");
  if (!CallTable || !FunctionTable) {
    Problems.push_back(UnitFile.str() + ": facts without calls or functions; "
                                        "its cross-file flows are missing");
    return;
  }
  for (const json::Value &V : *CallTable) {
    const json::Object *O = V.getAsObject();
    Call C;
    if (O) {
      C.Target = O->getString("target").value_or("").str();
      C.Name = O->getString("name").value_or("").str();
      C.Field = O->getBoolean("field").value_or(false);
      C.At = placeOf(O->get("at"));
      // The caller's index is set once the functions are known.
      C.Caller = -1;
      CallerUsrs.push_back(O->getString("caller").value_or("").str());
    } else {
      CallerUsrs.push_back("");
    }
    Calls.push_back(std::move(C));
  }
  std::vector<int> Globals;
  if (const json::Array *G = Facts.getArray("globals"))
    for (const json::Value &V : *G) {
      const json::Object *O = V.getAsObject();
      Globals.push_back(global(O ? O->getString("usr").value_or("") : ""));
    }
  if (const json::Array *T = Facts.getArray("fieldTargets"))
    for (const json::Value &V : *T)
      if (const json::Object *O = V.getAsObject()) {
        std::string Field = O->getString("field").value_or("").str();
        std::string Fn = O->getString("function").value_or("").str();
        auto &List = FieldTargets[Field];
        if (!Field.empty() && !Fn.empty() && !llvm::is_contained(List, Fn))
          List.push_back(Fn);
      }

  for (const json::Value &V : *FunctionTable) {
    const json::Object *O = V.getAsObject();
    if (!O)
      continue;
    std::string Usr = O->getString("usr").value_or("").str();
    // A function defined in a header, or inline in several units: one
    // entry, the first unit's.
    if (Usr.empty() || FunctionIndex.count(Usr))
      continue;
    int F = static_cast<int>(Functions.size());
    FunctionIndex[Usr] = F;
    Function Fn;
    Fn.Usr = Usr;
    Fn.Name = O->getString("name").value_or("").str();
    if (const json::Array *P = O->getArray("params"))
      for (const json::Value &Name : *P)
        Fn.Params.push_back(Name.getAsString().value_or("").str());
    if (const json::Array *Val = O->getArray("validates"))
      for (const json::Value &P : *Val)
        Fn.Validates.insert(static_cast<int>(P.getAsInteger().value_or(-1)));
    Functions.push_back(std::move(Fn));

    int Ret = node(NodeKind::Return, F);
    if (const json::Array *A = O->getArray("returns"))
      for (const json::Value &Flow : *A)
        addFlow(Flow.getAsObject(), F, CallBase, Globals, Ret);
    if (const json::Array *A = O->getArray("outs"))
      for (const json::Value &Out : *A)
        if (const json::Object *OO = Out.getAsObject()) {
          int To = node(NodeKind::Out, F,
                        static_cast<int>(OO->getInteger("param").value_or(0)),
                        OO->getString("fields").value_or(""));
          if (const json::Array *Flows = OO->getArray("flows"))
            for (const json::Value &Flow : *Flows)
              addFlow(Flow.getAsObject(), F, CallBase, Globals, To);
        }
    if (const json::Array *A = O->getArray("globals"))
      for (const json::Value &G : *A)
        if (const json::Object *GO = G.getAsObject()) {
          int Index = static_cast<int>(GO->getInteger("global").value_or(-1));
          if (Index < 0 || static_cast<size_t>(Index) >= Globals.size())
            continue;
          int To = node(NodeKind::Global, Globals[static_cast<size_t>(Index)]);
          if (const json::Array *Flows = GO->getArray("flows"))
            for (const json::Value &Flow : *Flows)
              addFlow(Flow.getAsObject(), F, CallBase, Globals, To);
        }
    if (const json::Array *A = O->getArray("sinks"))
      for (const json::Value &S : *A)
        addSink(S.getAsObject(), F, CallBase, Globals, /*Deferred=*/false);
    if (const json::Array *A = O->getArray("calls"))
      for (const json::Value &C : *A)
        addCallArg(C.getAsObject(), F, CallBase, Globals);
  }
  if (const json::Array *A = Facts.getArray("guardedSinks"))
    for (const json::Value &S : *A)
      addSink(S.getAsObject(), -1, CallBase, Globals, /*Deferred=*/true);
  if (const json::Array *A = Facts.getArray("sourceCalls"))
    for (const json::Value &C : *A)
      addCallArg(C.getAsObject(), -1, CallBase, Globals);
}

void Program::resolve() {
  for (size_t I = 0; I < Calls.size(); ++I) {
    Call &C = Calls[I];
    int Index = static_cast<int>(I);
    C.Caller = function(CallerUsrs[I]);
    if (C.Caller >= 0)
      Functions[static_cast<size_t>(C.Caller)].Calls.push_back(Index);
    std::vector<std::string> Targets;
    if (C.Field) {
      auto It = FieldTargets.find(C.Target);
      if (It != FieldTargets.end())
        Targets = It->second;
    } else {
      Targets.push_back(C.Target);
    }
    for (const std::string &T : Targets) {
      int F = function(T);
      if (F < 0)
        continue;
      C.Callees.push_back(F);
      Functions[static_cast<size_t>(F)].Callers.push_back(Index);
    }
  }
}

bool Program::blocked(int EdgeIndex) const {
  for (const auto &[Call, Arg] : Edges[static_cast<size_t>(EdgeIndex)].Guards)
    for (int Callee : Calls[static_cast<size_t>(Call)].Callees)
      if (Functions[static_cast<size_t>(Callee)].Validates.count(Arg))
        return true;
  return false;
}

void Program::pastCall(
    int CallArg,
    llvm::SmallVectorImpl<std::pair<int, std::vector<StepRec>>> &Result) {
  const Node &N = Nodes[static_cast<size_t>(CallArg)];
  const Call &C = Calls[static_cast<size_t>(N.Owner)];
  for (int Callee : C.Callees) {
    const Function &F = Functions[static_cast<size_t>(Callee)];
    std::string As =
        N.Index >= 0 && static_cast<size_t>(N.Index) < F.Params.size()
            ? " as '" + F.Params[static_cast<size_t>(N.Index)] + "'"
            : "";
    std::vector<StepRec> Passed{
        {C.At, intern("passed to '" + C.Name + "'" + As)}};
    auto Along = [&](const std::vector<StepRec> &Inside) {
      std::vector<StepRec> All = Passed;
      All.insert(All.end(), Inside.begin(), Inside.end());
      return All;
    };
    auto Ret = F.ReturnSteps.find(N.Index);
    if (Ret != F.ReturnSteps.end()) {
      int R = find(NodeKind::CallResult, N.Owner);
      if (R >= 0)
        Result.push_back({R, Along(Ret->second)});
    }
    for (const auto &[Key, Inside] : F.OutSteps) {
      const auto &[From, Param, Fields] = Key;
      if (From != N.Index)
        continue;
      auto It = CallOuts.find({N.Owner, Param});
      if (It == CallOuts.end())
        continue;
      for (int Out : It->second)
        if (overlaps(Fields, Nodes[static_cast<size_t>(Out)].Fields))
          Result.push_back({Out, Along(Inside)});
    }
  }
}

void Program::reachFromParam(int F, int P, Function &Into) {
  int Param = Nodes[static_cast<size_t>(P)].Index;
  // Breadth first, with how each node was reached, for the steps.
  struct From {
    int Prev;
    int Edge;
    std::vector<StepRec> Steps;
  };
  std::map<int, From> How;
  How[P] = {-1, -1, {}};
  std::deque<int> Work{P};
  auto StepsTo = [&](int N, int LastEdge) {
    std::vector<std::vector<StepRec>> Parts;
    Parts.push_back(Edges[static_cast<size_t>(LastEdge)].Steps);
    for (int At = N; At >= 0;) {
      const From &H = How[At];
      if (H.Edge >= 0)
        Parts.push_back(Edges[static_cast<size_t>(H.Edge)].Steps);
      if (!H.Steps.empty())
        Parts.push_back(H.Steps);
      At = H.Prev;
    }
    std::vector<StepRec> All;
    for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
      All.insert(All.end(), It->begin(), It->end());
    return All;
  };
  while (!Work.empty()) {
    int N = Work.front();
    Work.pop_front();
    for (int EI : Adjacent[static_cast<size_t>(N)]) {
      if (blocked(EI))
        continue;
      int To = Edges[static_cast<size_t>(EI)].To;
      const Node &T = Nodes[static_cast<size_t>(To)];
      switch (T.K) {
      case NodeKind::Return:
        if (T.Owner == F && !Into.ReturnSteps.count(Param))
          Into.ReturnSteps[Param] = StepsTo(N, EI);
        break;
      case NodeKind::Out:
        if (T.Owner == F) {
          auto Key = std::make_tuple(Param, T.Index, T.Fields);
          if (!Into.OutSteps.count(Key))
            Into.OutSteps[Key] = StepsTo(N, EI);
        }
        break;
      case NodeKind::CallArg: {
        llvm::SmallVector<std::pair<int, std::vector<StepRec>>, 4> Past;
        pastCall(To, Past);
        for (auto &[Next, Steps] : Past)
          if (!How.count(Next)) {
            // The edge into the argument, then the steps through the call.
            std::vector<StepRec> Through = Edges[static_cast<size_t>(EI)].Steps;
            Through.insert(Through.end(), Steps.begin(), Steps.end());
            How[Next] = {N, -1, std::move(Through)};
            Work.push_back(Next);
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
    if (Next.ReturnSteps.size() == Fn.ReturnSteps.size() &&
        Next.OutSteps.size() == Fn.OutSteps.size())
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

void Program::push(int Node, Mode How, int Prev, int Via,
                   std::vector<StepRec> Steps) {
  std::array<int, 3> &S = Seen[static_cast<size_t>(Node)];
  // Reached from a source directly, a node may also return to every caller
  // of its function: that covers what reaching it through a call does; an
  // unbounded entry covers a bounded one.
  for (int M = How; M <= Free; ++M)
    if (S[static_cast<size_t>(M)] >= 0)
      return;
  States.push_back({Node, How, Prev, Via, std::move(Steps)});
  S[How] = static_cast<int>(States.size() - 1);
}

std::string Program::describeSource(const SourceRec &S, const Place &At) const {
  std::string Text =
      S.ByCall ? "read by '" + S.What + "'" : "from '" + S.What + "'";
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
      const auto &More = Edges[static_cast<size_t>(V->Via)].Steps;
      Steps.insert(Steps.end(), More.begin(), More.end());
    } else {
      Steps.insert(Steps.end(), V->Steps.begin(), V->Steps.end());
    }
  }
  // Only flows that cross units: a path inside one file is the unit's.
  bool Crosses = llvm::any_of(Steps, [&](const StepRec &S) {
    return S.At.File != Steps.front().At.File;
  });
  for (const json::Value &FV : Sink.Findings) {
    const json::Object *F = FV.getAsObject();
    if (!F)
      continue;
    std::string Check = F->getString("check").value_or("").str();
    Place At = placeOf(F->get("at"));
    if (Check.empty() || !At.valid())
      continue;
    if (!Sink.Deferred && !Crosses && !Steps.empty() &&
        Steps.front().At.File == At.File)
      continue;
    if ((!Sink.Deferred &&
         Existing->count({Check, At.File.str(), At.Line, At.Column})) ||
        !Reported.insert({Check + "\n" + At.File.str(), At.Offset}).second)
      continue;
    std::string Message = F->getString("message").value_or("").str();
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
    if (const json::Array *Ranges = F->getArray("ranges"))
      for (const json::Value &R : *Ranges)
        if (const json::Array *RA = R.getAsArray(); RA && RA->size() == 2) {
          clang::tooling::FileByteRange Range;
          Range.FilePath = At.File;
          Range.FileOffset =
              static_cast<unsigned>((*RA)[0].getAsInteger().value_or(0));
          Range.Length =
              static_cast<unsigned>((*RA)[1].getAsInteger().value_or(0));
          E.Message.Ranges.push_back(std::move(Range));
        }
    for (const StepRec &S : Steps) {
      clang::tooling::DiagnosticMessage Note(S.Message);
      Note.FilePath = S.At.File;
      Note.FileOffset = S.At.Offset;
      E.Notes.push_back(std::move(Note));
    }
    Out.push_back(std::move(E));
  }
}

void Program::findings(
    const std::set<std::tuple<std::string, std::string, unsigned, unsigned>>
        &Known) {
  Existing = &Known;
  CurrentStrings = &Strings;
  Seen.assign(Nodes.size(), {-1, -1, -1});
  for (int EI : SourceEdges)
    if (!blocked(EI))
      push(Edges[static_cast<size_t>(EI)].To, Free, -1, EI);
  for (size_t I = 0; I < States.size(); ++I) {
    int S = static_cast<int>(I);
    int N = States[I].Node;
    Mode How = States[I].How;
    // A state reached entered and later free: the free one does the work.
    bool Covered = false;
    for (int M = How + 1; M <= Free; ++M)
      Covered |= Seen[static_cast<size_t>(N)][static_cast<size_t>(M)] >= 0;
    if (Covered)
      continue;
    const Node &Nd = Nodes[static_cast<size_t>(N)];
    switch (Nd.K) {
    case NodeKind::Sink:
      reportSink(S);
      break;
    case NodeKind::Return:
      if (How == Free)
        for (int C : Functions[static_cast<size_t>(Nd.Owner)].Callers) {
          int R = find(NodeKind::CallResult, C);
          if (R >= 0)
            push(R, Free, S, -1);
        }
      break;
    case NodeKind::Out:
      if (How == Free)
        for (int C : Functions[static_cast<size_t>(Nd.Owner)].Callers) {
          auto It = CallOuts.find({C, Nd.Index});
          if (It == CallOuts.end())
            continue;
          for (int O : It->second)
            if (overlaps(Nd.Fields, Nodes[static_cast<size_t>(O)].Fields))
              push(O, Free, S, -1);
        }
      break;
    case NodeKind::CallArg: {
      const Call &C = Calls[static_cast<size_t>(Nd.Owner)];
      int Via = States[I].Via;
      Mode Into = Via >= 0 && Edges[static_cast<size_t>(Via)].Bounded
                      ? EnteredBounded
                      : Entered;
      for (int Callee : C.Callees) {
        const Function &F = Functions[static_cast<size_t>(Callee)];
        int P = find(NodeKind::Param, Callee, Nd.Index);
        std::string As =
            Nd.Index >= 0 && static_cast<size_t>(Nd.Index) < F.Params.size()
                ? " as '" + F.Params[static_cast<size_t>(Nd.Index)] + "'"
                : "";
        if (P >= 0)
          push(P, Into, S, -1,
               {{C.At, intern("passed to '" + C.Name + "'" + As)}});
      }
      llvm::SmallVector<std::pair<int, std::vector<StepRec>>, 4> Past;
      pastCall(N, Past);
      for (auto &[Next, Steps] : Past)
        push(Next, How, S, -1, std::move(Steps));
      break;
    }
    case NodeKind::Param:
    case NodeKind::CallResult:
    case NodeKind::CallOut:
    case NodeKind::Global:
      for (int EI : Adjacent[static_cast<size_t>(N)])
        if (!blocked(EI))
          push(Edges[static_cast<size_t>(EI)].To,
               Nd.K == NodeKind::Global ? Free : How, S, EI);
      break;
    }
  }
}

json::Object Program::linkedSummaries() {
  CurrentStrings = &Strings;
  json::Object All;
  std::vector<int> Stamp(Nodes.size(), -1);
  for (size_t FI = 0; FI < Functions.size(); ++FI) {
    const Function &F = Functions[FI];
    int Self = static_cast<int>(FI);
    json::Object Out;
    // Untrusted data it returns to every caller.
    int R = find(NodeKind::Return, Self);
    if (R >= 0 && Seen[static_cast<size_t>(R)][Free] >= 0) {
      int S = Seen[static_cast<size_t>(R)][Free];
      while (States[static_cast<size_t>(S)].Prev >= 0)
        S = States[static_cast<size_t>(S)].Prev;
      int Via = States[static_cast<size_t>(S)].Via;
      int Src = Via >= 0 ? Edges[static_cast<size_t>(Via)].Source : -1;
      if (Src >= 0)
        Out["returnsSource"] =
            describeSource(Sources[static_cast<size_t>(Src)], Place{});
    }
    json::Array ToReturn;
    for (const auto &Entry : F.ReturnSteps)
      ToReturn.push_back(Entry.first);
    if (!ToReturn.empty())
      Out["toReturn"] = std::move(ToReturn);
    // The sinks each parameter reaches, in it or below it.
    json::Array ParamSinks;
    for (int P : F.ParamNodes) {
      int Param = Nodes[static_cast<size_t>(P)].Index;
      std::vector<int> Work{P};
      Stamp[static_cast<size_t>(P)] = P;
      size_t Found = 0;
      size_t Budget = 4096;
      while (!Work.empty() && Found < 4 && Budget-- > 0) {
        int N = Work.back();
        Work.pop_back();
        auto Visit = [&](int To) {
          if (Stamp[static_cast<size_t>(To)] == P)
            return;
          Stamp[static_cast<size_t>(To)] = P;
          Work.push_back(To);
        };
        const Node &Nd = Nodes[static_cast<size_t>(N)];
        if (Nd.K == NodeKind::Sink) {
          const SinkRec &Sink = Sinks[static_cast<size_t>(Nd.Owner)];
          if (Sink.Deferred || !Sink.At.valid())
            continue;
          std::string Where = (Sink.Name.empty() ? std::string("a use")
                                                 : "'" + Sink.Name + "'") +
                              " at " +
                              llvm::sys::path::filename(Sink.At.File).str() +
                              ":" + std::to_string(Sink.At.Line);
          ParamSinks.push_back(json::Object{
              {"param", Param}, {"kind", Sink.Kind}, {"where", Where}});
          ++Found;
          continue;
        }
        if (Nd.K == NodeKind::CallArg) {
          for (int Callee : Calls[static_cast<size_t>(Nd.Owner)].Callees) {
            int CP = find(NodeKind::Param, Callee, Nd.Index);
            if (CP >= 0)
              Visit(CP);
          }
          llvm::SmallVector<std::pair<int, std::vector<StepRec>>, 4> Past;
          pastCall(N, Past);
          for (auto &Entry : Past)
            Visit(Entry.first);
          continue;
        }
        if (Nd.K == NodeKind::Param || Nd.K == NodeKind::CallResult ||
            Nd.K == NodeKind::CallOut)
          for (int EI : Adjacent[static_cast<size_t>(N)])
            if (!blocked(EI))
              Visit(Edges[static_cast<size_t>(EI)].To);
      }
    }
    if (!ParamSinks.empty())
      Out["sinks"] = std::move(ParamSinks);
    if (!F.Validates.empty()) {
      json::Array V;
      for (int P : F.Validates)
        V.push_back(P);
      Out["validates"] = std::move(V);
    }
    if (!Out.empty())
      All[F.Usr] = std::move(Out);
  }
  return All;
}

} // namespace

std::vector<report::Finding> linkUnits(llvm::ArrayRef<const UnitResult *> Units,
                                       llvm::ArrayRef<report::Finding> Existing,
                                       LinkStats &Stats,
                                       std::vector<std::string> &Problems,
                                       llvm::json::Object *Linked) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<const UnitResult *> Sorted(Units.begin(), Units.end());
  llvm::sort(Sorted, [](const UnitResult *A, const UnitResult *B) {
    return A->File < B->File;
  });
  // The facts of each engine configuration form their own program. Each
  // unit's facts are parsed and added in turn: only the programs' own
  // (interned) records stay, not every unit's JSON.
  std::map<std::string, std::unique_ptr<Program>> Programs;
  std::map<std::string, json::Array> ChecksOf;
  for (const UnitResult *U : Sorted) {
    if (U->Facts.empty())
      continue;
    ++Stats.Units;
    llvm::Expected<json::Value> V = json::parse(U->Facts);
    if (!V) {
      Problems.push_back(U->File + ": unreadable facts (" +
                         llvm::toString(V.takeError()) +
                         "); its cross-file flows are missing");
      continue;
    }
    const json::Array *All = V->getAsArray();
    if (!All)
      continue;
    for (const json::Value &F : *All)
      if (const json::Object *O = F.getAsObject()) {
        if (O->getInteger("version").value_or(0) !=
            ::sinkguard::engine::FactsFormatVersion) {
          Problems.push_back(U->File + ": facts of another version; its "
                                       "cross-file flows are missing");
          continue;
        }
        std::string Key = O->getString("configuration").value_or("").str();
        std::unique_ptr<Program> &P = Programs[Key];
        if (!P)
          P = std::make_unique<Program>(Problems);
        P->addUnit(*O, U->File);
        if (const json::Array *Checks = O->getArray("checks"))
          ChecksOf[Key] = *Checks;
      }
  }
  std::set<std::tuple<std::string, std::string, unsigned, unsigned>> Known;
  for (const report::Finding &F : Existing)
    Known.insert(
        {F.RuleId, F.Where.File, F.Where.Point.Line, F.Where.Point.Column});
  std::vector<clang::tidy::ClangTidyError> Errors;
  json::Array Configurations;
  for (auto &[Key, P] : Programs) {
    P->resolve();
    P->summarise();
    P->findings(Known);
    Stats.Functions += P->functionCount();
    Stats.Calls += P->callCount();
    Stats.ResolvedCalls += P->resolvedCount();
    for (clang::tidy::ClangTidyError &E : P->takeFindings())
      Errors.push_back(std::move(E));
    if (Linked)
      Configurations.push_back(
          json::Object{{"configuration", Key},
                       {"checks", std::move(ChecksOf[Key])},
                       {"functions", P->linkedSummaries()}});
    P.reset();
  }
  if (Linked)
    *Linked = json::Object{{"format", "sinkguard-linked"},
                           {"version", ::sinkguard::engine::FactsFormatVersion},
                           {"configurations", std::move(Configurations)}};
  report::SourceCache Sources;
  ConvertedDiagnostics Converted;
  convertDiagnostics(Errors, Sources, Converted);
  Stats.Findings = Converted.Findings.size();
  Stats.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return std::move(Converted.Findings);
}

llvm::Error writeLinkedSummaries(const llvm::json::Object &Linked,
                                 llvm::StringRef Path) {
  return writeOutput(Path, [&](llvm::raw_ostream &OS) {
    // Streamed, not copied into a json::Value first: it can be large.
    json::OStream J(OS);
    J.object([&] {
      for (const auto &KV : Linked)
        J.attribute(KV.first, KV.second);
    });
    OS << "\n";
  });
}

} // namespace sinkguard::driver
