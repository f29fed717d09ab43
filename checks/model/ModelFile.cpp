//===--- ModelFile.cpp - User rules from a YAML model file ----------------===//
//
// Reading a model file takes two passes over the text, both with LLVM's YAML
// parser. The first walks the node tree with an explicit stack, because
// yaml::Input builds its own tree recursively and a file nested some ten
// thousand levels deep would overflow the stack; the walk also records where
// every key and value is, so that problems found later can be reported at the
// offending node. The second pass is yaml::Input with the traits below; the
// traits check each value as it is read and report the first problem.
//
//===----------------------------------------------------------------------===//

#include "ModelFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace sinkguard::model {
namespace {

namespace yaml = llvm::yaml;
using llvm::StringLiteral;
using llvm::StringRef;
using llvm::Twine;

/// A model file needs five levels (top mapping, section list, entry, Args
/// list, position); yaml::Input recurses once per level.
constexpr unsigned MaxNesting = 16;
/// Positions above this are typos; C++ implementations need only support 256
/// parameters.
constexpr int MaxPosition = 255;

constexpr std::pair<StringLiteral, SourceKind> SourceKinds[] = {
    {"command-line", SourceKind::CommandLine},
    {"environment", SourceKind::Environment},
    {"stdin", SourceKind::Stdin},
    {"file", SourceKind::File},
    {"network", SourceKind::Network},
    {"other", SourceKind::Other},
};

constexpr std::pair<StringLiteral, SinkKind> SinkKinds[] = {
    {"shell", SinkKind::ShellCommand},
    {"exec-list", SinkKind::ExecList},
    {"exec-vector", SinkKind::ExecVector},
    {"size", SinkKind::Size},
};

enum class Shape : std::uint8_t { Null, Scalar, List, Mapping, Other };

struct KeySpec {
  StringLiteral Name;
  Shape Expected;
};

enum class Section : std::uint8_t {
  Sources,
  Propagators,
  Sinks,
  Sanitizers,
  Validators,
};
constexpr unsigned NumSections = 5;

constexpr KeySpec TopKeys[] = {
    {"Sources", Shape::List},    {"Propagators", Shape::List},
    {"Sinks", Shape::List},      {"Sanitizers", Shape::List},
    {"Validators", Shape::List}, {"NoReturn", Shape::List},
    {"Disable", Shape::List},
};
/// Sources and sinks.
constexpr KeySpec KindedKeys[] = {
    {"Name", Shape::Scalar}, {"Args", Shape::List}, {"Kind", Shape::Scalar}};
constexpr KeySpec PropagatorKeys[] = {
    {"Name", Shape::Scalar},    {"SrcArgs", Shape::List},
    {"DstArgs", Shape::List},   {"VariadicFrom", Shape::Scalar},
    {"Appends", Shape::Scalar}, {"ReturnsArg", Shape::Scalar},
};
constexpr KeySpec CleanerKeys[] = {{"Name", Shape::Scalar},
                                   {"Args", Shape::List}};

StringRef sectionName(Section S) {
  return TopKeys[static_cast<unsigned>(S)].Name;
}

llvm::ArrayRef<KeySpec> sectionKeys(Section S) {
  switch (S) {
  case Section::Sources:
  case Section::Sinks:
    return KindedKeys;
  case Section::Propagators:
    return PropagatorKeys;
  case Section::Sanitizers:
  case Section::Validators:
    return CleanerKeys;
  }
  return {};
}

/// "a, b or c", for messages.
template <typename Range, typename Fn>
std::string listOf(const Range &Items, Fn NameOf, StringRef Last = " or ") {
  std::string Out;
  size_t N = std::size(Items), I = 0;
  for (const auto &Item : Items) {
    if (I > 0)
      Out += I + 1 == N ? Last : ", ";
    Out += NameOf(Item);
    ++I;
  }
  return Out;
}

/// \p Value quoted for a one-line message: control bytes escaped, long
/// values cut short.
std::string quoted(StringRef Value) {
  constexpr size_t Limit = 40;
  std::string Out = "'";
  for (char C : Value.take_front(Limit)) {
    if (llvm::isPrint(C)) {
      Out += C;
    } else {
      Out += "\\x";
      Out += llvm::hexdigit((C >> 4) & 0xF, /*LowerCase=*/true);
      Out += llvm::hexdigit(C & 0xF, /*LowerCase=*/true);
    }
  }
  if (Value.size() > Limit)
    Out += "...";
  return Out + "'";
}

/// A near miss among \p Candidates, for "did you mean" hints.
template <typename Range, typename Fn>
std::string suggest(StringRef Wrong, const Range &Candidates, Fn NameOf) {
  std::string Best;
  unsigned BestDistance = 3;
  for (const auto &C : Candidates) {
    StringRef Name = NameOf(C);
    unsigned D = Wrong.edit_distance_insensitive(Name, true, BestDistance);
    if (D < BestDistance) {
      BestDistance = D;
      Best = Name.str();
    }
  }
  return Best.empty() ? Best : "; did you mean '" + Best + "'?";
}

/// What is wrong with \p Name as a rule's function name, or "".
std::string nameProblem(StringRef Name) {
  if (Name.empty())
    return "the function name is empty";
  if (Name.starts_with("::"))
    return "write " + quoted(Name.drop_front(2)) + ", without the leading '::'";
  auto IsIdentChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  StringRef Rest = Name;
  while (true) {
    // An operator's spelling may hold anything, "::" included (a conversion
    // to a qualified type).
    if (Rest.starts_with("operator") &&
        (Rest.size() == 8 || !IsIdentChar(Rest[8]))) {
      if (Rest.drop_front(8).trim().empty())
        return quoted(Name) + " names no operator";
      return "";
    }
    size_t Colons = Rest.find("::");
    StringRef Part = Rest.substr(0, Colons);
    StringRef Ident = Part;
    Ident.consume_front("~");
    if (Part.contains('<'))
      return quoted(Name) +
             " has template arguments; a name without them matches every "
             "specialisation";
    if (Ident.empty() || llvm::isDigit(Ident.front()) ||
        !llvm::all_of(Ident, IsIdentChar))
      return quoted(Name) +
             " is not a function name; write a qualified name such as "
             "'ns::Class::method'";
    if (Colons == StringRef::npos)
      return "";
    Rest = Rest.drop_front(Colons + 2);
  }
}

struct KeyInfo {
  std::string Key;
  const char *KeyAt = nullptr;
  const char *ValueAt = nullptr;
  Shape Value = Shape::Null;
};

const char *startOf(const yaml::Node *N) {
  return N ? N->getSourceRange().Start.getPointer() : nullptr;
}

Shape shapeOf(const yaml::Node *N) {
  if (!N || llvm::isa<yaml::NullNode>(N))
    return Shape::Null;
  if (llvm::isa<yaml::ScalarNode, yaml::BlockScalarNode>(N))
    return Shape::Scalar;
  if (llvm::isa<yaml::SequenceNode>(N))
    return Shape::List;
  if (llvm::isa<yaml::MappingNode>(N))
    return Shape::Mapping;
  return Shape::Other;
}

/// The state of one parse: where nodes are, and the first problem found.
class ParseState {
public:
  ParseState(StringRef Text, StringRef Path) : Text(Text), Path(Path) {
    LineStarts.push_back(0);
    for (size_t I = 0; I < Text.size(); ++I)
      if (Text[I] == '\n')
        LineStarts.push_back(I + 1);
  }

  bool failed() const { return Error.has_value(); }

  /// Records \p Message at \p At unless a problem is already recorded: the
  /// parser's later complaints are mostly echoes of the first.
  void fail(const char *At, const Twine &Message) {
    if (failed())
      return;
    auto [Line, Col] = lineAndColumn(At);
    std::string OneLine = Message.str();
    for (char &C : OneLine)
      if (static_cast<unsigned char>(C) < 0x20 || C == 0x7f)
        C = ' ';
    Error =
        (Path + ":" + Twine(Line) + ":" + Twine(Col) + ": " + OneLine).str();
  }

  /// Keeps \p Message for a traits function that must return a StringRef.
  StringRef say(const Twine &Message) {
    Scratch = Message.str();
    return Scratch;
  }

  unsigned lineOf(const char *At) const { return lineAndColumn(At).first; }

  /// The node yaml::Input is reading.
  const yaml::Node *current() const {
    return In ? In->getCurrentNode() : nullptr;
  }

  llvm::Error takeError() {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Error.value_or(Path.str() + ": invalid"));
  }

  /// The keys of the mapping that starts at \p At, in the order written.
  const std::vector<KeyInfo> *keysAt(const char *At) const {
    auto It = Mappings.find(At);
    return It == Mappings.end() ? nullptr : &It->second;
  }

  bool walk();
  bool checkMapping(yaml::IO &IO, const yaml::Node *N,
                    llvm::ArrayRef<KeySpec> Allowed, StringRef What,
                    bool NullValuesAllowed);

  StringRef Text;
  StringRef Path;
  yaml::Input *In = nullptr;

private:
  std::pair<unsigned, unsigned> lineAndColumn(const char *At) const {
    size_t Offset = 0;
    if (At && At >= Text.begin() && At <= Text.end())
      Offset = static_cast<size_t>(At - Text.begin());
    auto Next = llvm::upper_bound(LineStarts, Offset);
    size_t Line = static_cast<size_t>(Next - LineStarts.begin());
    return {static_cast<unsigned>(Line),
            static_cast<unsigned>(Offset - LineStarts[Line - 1] + 1)};
  }

  std::vector<size_t> LineStarts;
  std::map<const char *, std::vector<KeyInfo>> Mappings;
  std::string Scratch;
  std::optional<std::string> Error;
};

void onDiagnostic(const llvm::SMDiagnostic &D, void *Context) {
  auto &S = *static_cast<ParseState *>(Context);
  StringRef Message = D.getMessage();
  // yaml::Input's words for a value of the wrong shape, in ours.
  if (Message == "unexpected scalar")
    Message = "expected a single value";
  else if (Message == "not a sequence")
    Message = "expected a list";
  else if (Message == "not a mapping")
    Message = "expected a mapping of keys to values";
  else if (Message == "unknown node kind")
    Message = "aliases are not supported in a model file";
  S.fail(D.getLoc().getPointer(), Message);
}

/// One collection being walked.
struct Frame {
  yaml::Node *Collection = nullptr;
  yaml::SequenceNode::iterator Element;
  yaml::MappingNode::iterator Entry;
  std::vector<KeyInfo> *Keys = nullptr;
  bool Started = false;
  /// Mappings: the current entry's key has been read, its value is next.
  bool ValueNext = false;
};

/// Moves \p It to the next child of \p Collection, or to the first on the
/// first call; false at the end.
template <typename CollectionT, typename IteratorT>
bool advance(CollectionT &Collection, IteratorT &It, bool &Started) {
  if (Started)
    ++It;
  else
    It = Collection.begin();
  Started = true;
  return It != Collection.end();
}

bool ParseState::walk() {
  llvm::SourceMgr SM;
  SM.setDiagHandler(onDiagnostic, this);
  yaml::Stream Stream(Text, SM, /*ShowColors=*/false);
  std::vector<Frame> Stack;
  auto Enter = [&](yaml::Node *N) {
    if (!llvm::isa<yaml::SequenceNode, yaml::MappingNode>(N))
      return true;
    if (Stack.size() >= MaxNesting) {
      fail(startOf(N), "nested more than " + Twine(MaxNesting) +
                           " levels deep; a model file needs five");
      return false;
    }
    Frame F;
    F.Collection = N;
    if (llvm::isa<yaml::MappingNode>(N))
      F.Keys = &Mappings[startOf(N)];
    Stack.push_back(F);
    return true;
  };

  unsigned Documents = 0;
  for (yaml::Document &Doc : Stream) {
    yaml::Node *Root = Doc.getRoot();
    if (!Root) {
      // The parser gives up on some documents, such as one that opens with
      // an unknown %directive, without saying why.
      fail(Text.begin(), "not a YAML document");
      return false;
    }
    if (failed())
      return false;
    if (llvm::isa<yaml::NullNode>(Root))
      continue;
    if (++Documents > 1) {
      fail(startOf(Root), "a second YAML document; a model file holds one");
      return false;
    }
    if (!Enter(Root))
      return false;
    // Every child is read to its end before its parent moves on: moving on
    // from a half-read collection would make the parser skip the rest of it,
    // recursively.
    while (!Stack.empty()) {
      if (failed())
        return false;
      Frame &F = Stack.back();
      yaml::Node *Next = nullptr;
      if (auto *Seq = llvm::dyn_cast<yaml::SequenceNode>(F.Collection)) {
        if (!advance(*Seq, F.Element, F.Started)) {
          Stack.pop_back();
          continue;
        }
        Next = &*F.Element;
      } else {
        auto *Map = llvm::cast<yaml::MappingNode>(F.Collection);
        if (!F.ValueNext) {
          if (!advance(*Map, F.Entry, F.Started)) {
            Stack.pop_back();
            continue;
          }
          yaml::Node *Key = F.Entry->getKey();
          if (!Key)
            continue;
          auto *Name = llvm::dyn_cast<yaml::ScalarNode>(Key);
          if (!Name) {
            fail(startOf(Key), "a key must be a plain name");
            return false;
          }
          KeyInfo Info;
          llvm::SmallString<32> Storage;
          Info.Key = Name->getValue(Storage).str();
          Info.KeyAt = startOf(Key);
          F.Keys->push_back(std::move(Info));
          F.ValueNext = true;
          continue;
        }
        F.ValueNext = false;
        Next = F.Entry->getValue();
        if (!Next)
          continue;
        F.Keys->back().ValueAt = startOf(Next);
        F.Keys->back().Value = shapeOf(Next);
        if (llvm::isa<yaml::AliasNode>(Next)) {
          // An alias node's position is that of the token after it.
          fail(F.Keys->back().KeyAt, "the value of " +
                                         quoted(F.Keys->back().Key) +
                                         " is an alias; aliases are not "
                                         "supported in a model file");
          return false;
        }
      }
      if (!Enter(Next))
        return false;
    }
  }
  return !failed();
}

/// Checks the keys of the mapping \p N before its values are read: unknown
/// keys, keys without a value, values of the wrong shape.
bool ParseState::checkMapping(yaml::IO &IO, const yaml::Node *N,
                              llvm::ArrayRef<KeySpec> Allowed, StringRef What,
                              bool NullValuesAllowed) {
  if (failed())
    return false;
  auto NameOf = [](const KeySpec &K) { return K.Name; };
  const std::vector<KeyInfo> *Keys = llvm::isa_and_nonnull<yaml::MappingNode>(N)
                                         ? keysAt(startOf(N))
                                         : nullptr;
  if (!Keys) {
    // yaml::Input takes an empty document or list item as an empty mapping.
    if (shapeOf(N) != Shape::Null)
      fail(startOf(N),
           What + " must be a mapping of " + listOf(Allowed, NameOf, " and "));
  } else {
    for (const KeyInfo &K : *Keys) {
      if (failed())
        break;
      const auto *Spec = llvm::find_if(
          Allowed, [&](const KeySpec &A) { return A.Name == K.Key; });
      if (Spec == Allowed.end()) {
        fail(K.KeyAt, "unknown key " + quoted(K.Key) + " in " + What +
                          "; expected " + listOf(Allowed, NameOf) +
                          suggest(K.Key, Allowed, NameOf));
      } else if (K.Value == Shape::Null) {
        if (!NullValuesAllowed)
          fail(K.KeyAt, quoted(K.Key) + " has no value");
      } else if (K.Value != Spec->Expected) {
        bool Positions = StringRef(K.Key).ends_with("Args");
        fail(K.ValueAt, Spec->Expected == Shape::Scalar
                            ? quoted(K.Key) + " must be a single value"
                        : Positions
                            ? quoted(K.Key) + " must be a list, such as [0]"
                            : quoted(K.Key) + " must be a list");
      }
    }
  }
  if (failed()) {
    IO.setError("invalid mapping"); // Stops yaml::Input; already reported.
    return false;
  }
  return true;
}

ParseState &stateOf(yaml::IO &IO) {
  return *static_cast<ParseState *>(IO.getContext());
}

/// An argument position as written, with where it was written.
struct Position {
  int Value = 0;
  const char *At = nullptr;
};

/// A function name as written, with where it was written.
struct FunctionName {
  std::string Value;
  const char *At = nullptr;
};

struct Entry {
  const char *At = nullptr;
  const std::vector<KeyInfo> *Keys = nullptr;
  std::optional<FunctionName> Name;
  std::optional<std::vector<Position>> Args, SrcArgs, DstArgs;
  std::optional<Position> VariadicFrom, ReturnsArg;
  bool Appends = false;
  SourceKind Source = SourceKind::Other;
  SinkKind Sink = SinkKind::ShellCommand;

  /// Where the value of \p Key is, or the entry.
  const char *valueAt(StringRef Key) const {
    if (Keys)
      for (const KeyInfo &K : *Keys)
        if (K.Key == Key)
          return K.ValueAt;
    return At;
  }
};

struct FileContents {
  std::array<std::vector<Entry>, NumSections> Sections;
  std::vector<FunctionName> NoReturn;
  std::vector<FunctionName> Disable;
};

/// Checks each name of \p List, a list of function names, in order: that it
/// is not given twice (\p Again says what a second one is: "already
/// disabled"), and \p Check.
bool checkNames(ParseState &S, const std::vector<FunctionName> &List,
                StringRef Again,
                llvm::function_ref<bool(const FunctionName &)> Check) {
  llvm::StringMap<const char *> Seen;
  for (const FunctionName &F : List) {
    auto [It, New] = Seen.try_emplace(F.Value, F.At);
    if (!New) {
      S.fail(F.At, quoted(F.Value) + " is " + Again + " at line " +
                       Twine(S.lineOf(It->second)));
      return false;
    }
    if (!Check(F))
      return false;
  }
  return true;
}

/// Checks \p List, the positions under \p Key: no position twice, and the
/// return value (-1) only where it can receive data.
bool checkPositions(ParseState &S, const std::vector<Position> &List,
                    StringRef Key, bool ReturnValueAllowed,
                    StringRef WhyNotReturnValue) {
  for (auto I = List.begin(); I != List.end(); ++I) {
    if (I->Value == ReturnValue && !ReturnValueAllowed) {
      S.fail(I->At, "-1 (the return value) is not allowed in " + Key + ": " +
                        WhyNotReturnValue);
      return false;
    }
    if (std::any_of(List.begin(), I,
                    [&](const Position &P) { return P.Value == I->Value; })) {
      S.fail(I->At,
             "position " + Twine(I->Value) + " is listed twice in " + Key);
      return false;
    }
  }
  return true;
}

/// \p List, the positions under \p Key, if it is present and not empty.
const std::vector<Position> *
nonEmpty(ParseState &S, const Entry &E, StringRef Key,
         const std::optional<std::vector<Position>> &List, StringRef What) {
  if (!List) {
    S.fail(E.At, "missing key '" + Key + "': " + What);
    return nullptr;
  }
  if (List->empty()) {
    S.fail(E.valueAt(Key), "'" + Key + "' is empty: " + What);
    return nullptr;
  }
  return &*List;
}

bool checkSink(ParseState &S, const Entry &E) {
  const auto *Args =
      nonEmpty(S, E, "Args", E.Args, "the positions the function executes");
  if (!Args ||
      !checkPositions(S, *Args, "Args", false, "a sink executes its arguments"))
    return false;
  if (E.Sink == SinkKind::ShellCommand || E.Sink == SinkKind::Size)
    return true;
  bool TwoArgs =
      Args->size() == 2 &&
      llvm::all_of(*Args, [](const Position &P) { return P.Value >= 0; });
  if (!TwoArgs) {
    S.fail(E.valueAt("Args"),
           "a sink of Kind " + sinkKindName(E.Sink) +
               " takes two argument positions: [program, " +
               (E.Sink == SinkKind::ExecList ? "first argument]"
                                             : "argument vector]"));
  }
  return TwoArgs;
}

bool checkPropagator(ParseState &S, const Entry &E) {
  if (E.VariadicFrom && E.VariadicFrom->Value < 0) {
    S.fail(E.VariadicFrom->At, "VariadicFrom must be an argument position, "
                               "0 or more");
    return false;
  }
  if (E.VariadicFrom && E.SrcArgs) {
    if (!checkPositions(S, *E.SrcArgs, "SrcArgs", false,
                        "the return value does not exist before the call"))
      return false;
  } else if (!E.VariadicFrom) {
    const auto *Src =
        nonEmpty(S, E, "SrcArgs", E.SrcArgs,
                 "the positions data is copied from (or give VariadicFrom)");
    if (!Src ||
        !checkPositions(S, *Src, "SrcArgs", false,
                        "the return value does not exist before the call"))
      return false;
  }
  const auto *Dst =
      nonEmpty(S, E, "DstArgs", E.DstArgs, "the positions data is copied to");
  if (!Dst || !checkPositions(S, *Dst, "DstArgs", true, ""))
    return false;
  if (E.ReturnsArg && E.ReturnsArg->Value == ReturnValue) {
    S.fail(E.ReturnsArg->At, "ReturnsArg names the argument (or -2, the "
                             "object) that the return value designates; "
                             "-1 is the return value itself");
    return false;
  }
  return true;
}

/// The checks of one entry that need more than one of its values.
bool checkEntry(ParseState &S, const Entry &E, Section Sec) {
  if (!E.Name) {
    S.fail(E.At, "missing key 'Name': the function this rule is for");
    return false;
  }
  const std::vector<Position> *Args = nullptr;
  switch (Sec) {
  case Section::Sources:
    Args = nonEmpty(S, E, "Args", E.Args,
                    "the positions that receive untrusted data");
    return Args && checkPositions(S, *Args, "Args", true, "");
  case Section::Sinks:
    return checkSink(S, E);
  case Section::Sanitizers:
    Args = nonEmpty(S, E, "Args", E.Args,
                    "the positions whose data is clean afterwards");
    return Args && checkPositions(S, *Args, "Args", true, "");
  case Section::Validators:
    Args = nonEmpty(S, E, "Args", E.Args,
                    "the positions the function vouches for");
    return Args && checkPositions(S, *Args, "Args", false,
                                  "a validator's return value is its verdict");
  case Section::Propagators:
    return checkPropagator(S, E);
  }
  return false;
}

/// The checks across entries: duplicates, and what Disable names.
bool checkDocument(ParseState &S, const FileContents &D) {
  for (unsigned I = 0; I < NumSections; ++I) {
    llvm::StringMap<const char *> Seen;
    for (const Entry &E : D.Sections[I]) {
      if (!E.Name)
        continue;
      auto [It, New] = Seen.try_emplace(E.Name->Value, E.Name->At);
      if (!New) {
        S.fail(E.Name->At, quoted(E.Name->Value) + " already has an entry in " +
                               sectionName(static_cast<Section>(I)) +
                               " at line " + Twine(S.lineOf(It->second)) +
                               "; merge the two");
        return false;
      }
    }
  }
  if (!checkNames(S, D.NoReturn, "already listed under NoReturn",
                  [](const FunctionName &) { return true; }))
    return false;
  llvm::StringSet<> Builtin;
  for (const Rule &R : Model::builtinRules())
    Builtin.insert(R.Function);
  return checkNames(
      S, D.Disable, "already disabled", [&](const FunctionName &F) {
        if (Builtin.contains(F.Value))
          return true;
        S.fail(F.At, "no built-in rule for " + quoted(F.Value) + " to disable" +
                         suggest(F.Value, Builtin, [](const auto &Entry) {
                           return Entry.getKey();
                         }));
        return false;
      });
}

ArgSet argSet(ArgSet Base, const std::optional<std::vector<Position>> &List) {
  if (List)
    for (const Position &P : *List)
      Base = Base.with(P.Value);
  return Base;
}

Rule makeRule(StringRef Name, const Entry &E, Section Sec) {
  switch (Sec) {
  case Section::Sources:
    return Rule::source(Name, argSet({}, E.Args), E.Source);
  case Section::Sinks:
    return Rule::sink(Name, argSet({}, E.Args), E.Sink);
  case Section::Sanitizers:
    return Rule::sanitizer(Name, argSet({}, E.Args));
  case Section::Validators:
    return Rule::validator(Name, argSet({}, E.Args));
  case Section::Propagators:
    break;
  }
  ArgSet In = argSet(
      E.VariadicFrom ? ArgSet::variadicFrom(E.VariadicFrom->Value) : ArgSet(),
      E.SrcArgs);
  ArgSet Out = argSet({}, E.DstArgs);
  Rule R = E.Appends ? Rule::appender(Name, std::move(In), std::move(Out))
                     : Rule::propagator(Name, std::move(In), std::move(Out));
  if (E.ReturnsArg)
    R.returning(E.ReturnsArg->Value);
  return R;
}

/// Reports a Kind that is not in \p Table; yaml::Input's own message would
/// not say which values exist.
template <typename Table>
void checkKind(yaml::IO &IO, const Table &Kinds, StringRef Role) {
  ParseState &S = stateOf(IO);
  const auto *Scalar = llvm::dyn_cast_or_null<yaml::ScalarNode>(S.current());
  if (!Scalar)
    return;
  llvm::SmallString<32> Storage;
  StringRef Value = Scalar->getValue(Storage);
  auto NameOf = [](const auto &K) { return K.first; };
  if (llvm::none_of(Kinds, [&](const auto &K) { return K.first == Value; }))
    S.fail(startOf(Scalar), "unknown " + Role + " Kind " + quoted(Value) +
                                "; expected " + listOf(Kinds, NameOf) +
                                suggest(Value, Kinds, NameOf));
}

} // namespace
} // namespace sinkguard::model

using sinkguard::model::Entry;
using sinkguard::model::FileContents;
using sinkguard::model::FunctionName;
using sinkguard::model::Position;
using sinkguard::model::Section;

LLVM_YAML_IS_SEQUENCE_VECTOR(Position)
LLVM_YAML_IS_SEQUENCE_VECTOR(FunctionName)
LLVM_YAML_IS_SEQUENCE_VECTOR(Entry)

namespace llvm::yaml {

using sinkguard::model::stateOf;

template <> struct ScalarTraits<Position> {
  static void output(const Position &P, void *, raw_ostream &OS) {
    OS << P.Value;
  }
  static StringRef input(StringRef Text, void *Context, Position &P) {
    auto &S = *static_cast<sinkguard::model::ParseState *>(Context);
    P.At = sinkguard::model::startOf(S.current());
    std::int64_t Value = 0;
    StringRef Magnitude = Text;
    Magnitude.consume_front("-");
    bool Digits = !Magnitude.empty() && llvm::all_of(Magnitude, llvm::isDigit);
    if (!Digits)
      return S.say(sinkguard::model::quoted(Text) +
                   " is not an argument position (a number)");
    if (Text.getAsInteger(10, Value) || Value < sinkguard::model::ThisObject ||
        Value > sinkguard::model::MaxPosition)
      return S.say("position " + sinkguard::model::quoted(Text) +
                   " is out of range: 0 to 255 for arguments, -1 for the "
                   "return value, -2 for the object of a member call");
    P.Value = static_cast<int>(Value);
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarTraits<FunctionName> {
  static void output(const FunctionName &F, void *, raw_ostream &OS) {
    OS << F.Value;
  }
  static StringRef input(StringRef Text, void *Context, FunctionName &F) {
    auto &S = *static_cast<sinkguard::model::ParseState *>(Context);
    F.At = sinkguard::model::startOf(S.current());
    F.Value = Text.str();
    std::string Problem = sinkguard::model::nameProblem(Text);
    return Problem.empty() ? StringRef() : S.say(Problem);
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

template <> struct ScalarEnumerationTraits<sinkguard::model::SourceKind> {
  static void enumeration(IO &IO, sinkguard::model::SourceKind &Kind) {
    for (const auto &[Name, Value] : sinkguard::model::SourceKinds)
      IO.enumCase(Kind, Name, Value);
    if (!IO.outputting())
      sinkguard::model::checkKind(IO, sinkguard::model::SourceKinds, "source");
  }
};

template <> struct ScalarEnumerationTraits<sinkguard::model::SinkKind> {
  static void enumeration(IO &IO, sinkguard::model::SinkKind &Kind) {
    for (const auto &[Name, Value] : sinkguard::model::SinkKinds)
      IO.enumCase(Kind, Name, Value);
    if (!IO.outputting())
      sinkguard::model::checkKind(IO, sinkguard::model::SinkKinds, "sink");
  }
};

template <> struct MappingContextTraits<Entry, Section> {
  static void mapping(IO &IO, Entry &E, Section &Sec) {
    auto &S = stateOf(IO);
    const Node *N = S.current();
    E.At = sinkguard::model::startOf(N);
    std::string What =
        ("an entry of " + sinkguard::model::sectionName(Sec)).str();
    if (!S.checkMapping(IO, N, sinkguard::model::sectionKeys(Sec), What,
                        /*NullValuesAllowed=*/false))
      return;
    E.Keys = S.keysAt(E.At);
    IO.mapOptional("Name", E.Name);
    switch (Sec) {
    case Section::Sources:
      IO.mapOptional("Args", E.Args);
      IO.mapOptional("Kind", E.Source);
      break;
    case Section::Propagators:
      IO.mapOptional("SrcArgs", E.SrcArgs);
      IO.mapOptional("DstArgs", E.DstArgs);
      IO.mapOptional("VariadicFrom", E.VariadicFrom);
      IO.mapOptional("Appends", E.Appends);
      IO.mapOptional("ReturnsArg", E.ReturnsArg);
      break;
    case Section::Sinks:
      IO.mapOptional("Args", E.Args);
      IO.mapOptional("Kind", E.Sink);
      break;
    case Section::Sanitizers:
    case Section::Validators:
      IO.mapOptional("Args", E.Args);
      break;
    }
  }
  static std::string validate(IO &IO, Entry &E, Section &Sec) {
    auto &S = stateOf(IO);
    if (S.failed() || sinkguard::model::checkEntry(S, E, Sec))
      return "";
    return "invalid entry"; // Stops yaml::Input; already reported.
  }
};

template <> struct MappingTraits<FileContents> {
  static void mapping(IO &IO, FileContents &D) {
    auto &S = stateOf(IO);
    if (!S.checkMapping(IO, S.current(), sinkguard::model::TopKeys,
                        "a model file", /*NullValuesAllowed=*/true))
      return;
    for (unsigned I = 0; I < sinkguard::model::NumSections; ++I) {
      auto Sec = static_cast<Section>(I);
      IO.mapOptionalWithContext(sinkguard::model::sectionName(Sec),
                                D.Sections[I], Sec);
    }
    IO.mapOptional("NoReturn", D.NoReturn);
    IO.mapOptional("Disable", D.Disable);
  }
  static std::string validate(IO &IO, FileContents &D) {
    auto &S = stateOf(IO);
    if (S.failed() || sinkguard::model::checkDocument(S, D))
      return "";
    return "invalid model file"; // Stops yaml::Input; already reported.
  }
};

} // namespace llvm::yaml

namespace sinkguard::model {

llvm::StringRef sourceKindName(SourceKind Kind) {
  for (const auto &[Name, Value] : SourceKinds)
    if (Value == Kind)
      return Name;
  return "other";
}

llvm::StringRef sinkKindName(SinkKind Kind) {
  for (const auto &[Name, Value] : SinkKinds)
    if (Value == Kind)
      return Name;
  return "none";
}

llvm::Expected<ModelFile> parseModelFile(llvm::StringRef Text,
                                         llvm::StringRef Path) {
  ParseState S(Text, Path);
  // The YAML scanner's word for a binary file would be "empty plain scalar".
  if (size_t Nul = Text.find('\0'); Nul != StringRef::npos) {
    S.fail(Text.begin() + Nul, "not a text file: it holds a NUL byte");
    return S.takeError();
  }
  if (!S.walk())
    return S.takeError();
  FileContents D;
  {
    yaml::Input In(Text, &S, onDiagnostic, &S);
    S.In = &In;
    In >> D;
    if (In.error())
      S.fail(Text.begin(), "not a valid model file");
    S.In = nullptr;
  }
  if (S.failed())
    return S.takeError();

  ModelFile File;
  File.Path = Path.str();
  for (unsigned I = 0; I < NumSections; ++I) {
    for (const Entry &E : D.Sections[I]) {
      if (!E.Name)
        continue; // Cannot happen: checkEntry requires a Name.
      Rule R = makeRule(E.Name->Value, E, static_cast<Section>(I));
      R.Origin = (Path + ":" + Twine(S.lineOf(E.At))).str();
      File.Rules.push_back(std::move(R));
    }
  }
  for (const FunctionName &F : D.NoReturn) {
    Rule R = Rule::noReturn(F.Value);
    R.Origin = (Path + ":" + Twine(S.lineOf(F.At))).str();
    File.Rules.push_back(std::move(R));
  }
  for (const FunctionName &F : D.Disable)
    File.Disabled.push_back(F.Value);
  return File;
}

} // namespace sinkguard::model
