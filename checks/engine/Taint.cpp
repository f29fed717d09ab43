//===--- Taint.cpp --------------------------------------------------------===//

#include "Taint.h"
#include "CommandAssembly.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/FormatString.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <functional>
#include <set>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

/// A chain of fields from a base object: `r.addr.host` is host <- addr.
/// Interned by the engine, so paths compare by pointer and outlive the
/// analysis of the function that made them (summaries hold them).
struct FieldPath {
  const FieldPath *Parent;
  const FieldDecl *Field;
  /// The fields' positions in their records, outermost first (0 for a
  /// path step without a field): the order pathBefore() sorts by.
  llvm::SmallVector<unsigned, 4> Order = {};
};

/// The names of the fields from \p Outer (exclusive) down to \p Inner,
/// dot-separated.
static std::string fieldNames(const FieldPath *Inner, const FieldPath *Outer) {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  for (const FieldPath *P = Inner; P && P != Outer; P = P->Parent)
    Names.push_back(P->Field ? P->Field->getName() : "");
  std::string Text;
  for (llvm::StringRef N : llvm::reverse(Names)) {
    if (!Text.empty())
      Text += '.';
    Text += N;
  }
  return Text;
}

/// An order of field paths that does not depend on where they were
/// allocated: by the fields' positions in their records, outermost first.
/// (Output that followed pointer order changed from run to run.)
/// Whether \p Inner is \p Outer or a path below it (every path is below
/// the whole object, null).
static bool pathWithin(const FieldPath *Outer, const FieldPath *Inner) {
  for (const FieldPath *P = Inner; P; P = P->Parent)
    if (P == Outer)
      return true;
  return Outer == nullptr;
}

static bool pathBefore(const FieldPath *A, const FieldPath *B) {
  if (!A || !B)
    return !A && B;
  return A->Order < B->Order;
}

IntRange IntRange::hull(const IntRange &A, const IntRange &B) {
  IntRange R;
  if (A.Lo && B.Lo)
    R.Lo = std::min(*A.Lo, *B.Lo);
  if (A.Hi && B.Hi) {
    R.Hi = std::max(*A.Hi, *B.Hi);
    R.HiFromType =
        (*R.Hi == *A.Hi && A.HiFromType) || (*R.Hi == *B.Hi && B.HiFromType);
  } else if (A.hasUpper() && B.hasUpper()) {
    R.Symbolic = true;
    R.FromParameter = A.FromParameter || B.FromParameter;
    // A path checked against a constant says nothing of the container.
    if (!A.Hi && !B.Hi)
      R.SizeOf = A.SizeOf == B.SizeOf ? A.SizeOf : nullptr;
    else
      R.SizeOf = A.Hi ? B.SizeOf : A.SizeOf;
  }
  return R;
}

IntRange IntRange::meet(const IntRange &A, const IntRange &B) {
  IntRange R;
  if (A.Lo || B.Lo)
    R.Lo = std::max(A.Lo.value_or(INT64_MIN), B.Lo.value_or(INT64_MIN));
  if (A.Hi && B.Hi) {
    R.Hi = std::min(*A.Hi, *B.Hi);
    R.HiFromType =
        (*A.Hi != *R.Hi || A.HiFromType) && (*B.Hi != *R.Hi || B.HiFromType);
  } else if (A.Hi || B.Hi) {
    const IntRange &K = A.Hi ? A : B;
    const IntRange &Other = A.Hi ? B : A;
    R.Hi = K.Hi;
    R.HiFromType = K.HiFromType;
    // A check against a variable is worth more than the type's range.
    if (K.HiFromType && Other.Symbolic) {
      R.Hi.reset();
      R.HiFromType = false;
      R.Symbolic = true;
      R.SizeOf = Other.SizeOf;
    }
  } else if (A.Symbolic || B.Symbolic) {
    R.Symbolic = true;
    R.SizeOf = A.SizeOf ? A.SizeOf : B.SizeOf;
    R.FromParameter =
        (!A.Symbolic || A.FromParameter) && (!B.Symbolic || B.FromParameter);
  }
  return R;
}

/// Appends the steps of \p Tip's path, origin first, to \p Out; with
/// \p SkipOrigin, without its origin's step. Replayed paths are listed step
/// by step.
static void appendPath(const Step *Tip, bool SkipOrigin,
                       llvm::SmallVectorImpl<const Step *> &Out) {
  llvm::SmallVector<const Step *, 16> Chain;
  for (const Step *S = Tip; S; S = S->Prev)
    Chain.push_back(S);
  for (size_t I = Chain.size(); I-- > 0;) {
    const Step *S = Chain[I];
    if (SkipOrigin && I + 1 == Chain.size())
      continue;
    if (S->Replay)
      appendPath(S->Replay, /*SkipOrigin=*/true, Out);
    else
      Out.push_back(S);
  }
}

llvm::SmallVector<const Step *, 8> pathTo(const Step *Tip) {
  llvm::SmallVector<const Step *, 8> Path;
  appendPath(Tip, /*SkipOrigin=*/false, Path);
  return Path;
}

namespace {

// ---------------------------------------------------------------------------
// Abstract memory: a location is a base (a variable, the return value, the
// object of a member function) and a path of fields. Array elements and
// container elements collapse into their array's or container's location.
// ---------------------------------------------------------------------------

struct Location {
  const void *Base = nullptr;
  const FieldPath *Path = nullptr;
  bool valid() const { return Base != nullptr; }
  bool operator==(const Location &O) const {
    return Base == O.Base && Path == O.Path;
  }
};

// Sentinel bases.
const char ThisBaseTag = 0;
const void *const ThisBase = &ThisBaseTag;
/// What a pointer designates when it designates different objects on
/// different paths (State::Alias): none known; its own cell is read.
const char MixedBaseTag = 0;
const void *const MixedBase = &MixedBaseTag;
constexpr size_t MaxMixedTargets = 4;

/// Taint of one value: at most one path per origin.
using TaintSet = llvm::SmallVector<const Step *, 2>;
constexpr size_t MaxOriginsPerValue = 4;

/// Adds \p From's paths to \p Into; returns whether \p Into changed.
bool addAll(TaintSet &Into, const TaintSet &From) {
  bool Changed = false;
  for (const Step *S : From) {
    auto *Known =
        llvm::find_if(Into, [&](const Step *T) { return T->Root == S->Root; });
    if (Known != Into.end()) {
      // A path past no check by another unit's function is the one to keep:
      // the link phase may find that check a validator.
      if ((*Known)->Guarded && !S->Guarded) {
        *Known = S;
        Changed = true;
      }
      continue;
    }
    if (Into.size() < MaxOriginsPerValue) {
      Into.push_back(S);
      Changed = true;
      continue;
    }
    // Full: a real source displaces what only the link phase can judge, so
    // whole-program mode finds what a per-unit scan finds.
    if (S->Root->K != Origin::Source)
      continue;
    auto *Weaker =
        llvm::find_if(Into, [](const Step *T) { return T->Root->symbolic(); });
    if (Weaker != Into.end()) {
      *Weaker = S;
      Changed = true;
    }
  }
  return Changed;
}

/// Whether some path in \p T starts at a real source (not at a parameter
/// of the function being summarised).
bool fromSource(const TaintSet &T) {
  return llvm::any_of(
      T, [](const Step *St) { return St->Root->K == Origin::Source; });
}

bool sameOrigins(const TaintSet &A, const TaintSet &B) {
  if (A.size() != B.size())
    return false;
  return llvm::all_of(A, [&](const Step *S) {
    return llvm::any_of(B, [&](const Step *T) { return T->Root == S->Root; });
  });
}

} // namespace
} // namespace sinkguard::engine

namespace llvm {
template <> struct DenseMapInfo<sinkguard::engine::Location> {
  using L = sinkguard::engine::Location;
  using P = std::pair<const void *, const void *>;
  static L getEmptyKey() {
    L K;
    K.Base = DenseMapInfo<const void *>::getEmptyKey();
    return K;
  }
  static L getTombstoneKey() {
    L K;
    K.Base = DenseMapInfo<const void *>::getTombstoneKey();
    return K;
  }
  static unsigned getHashValue(const L &K) {
    return DenseMapInfo<P>::getHashValue(P(K.Base, K.Path));
  }
  static bool isEqual(const L &A, const L &B) { return A == B; }
};
} // namespace llvm

namespace sinkguard::engine {
namespace {

/// Whether adding \p From to \p Into (addAll) would change nothing.
bool coveredBy(const TaintSet &Into, const TaintSet &From) {
  for (const Step *S : From) {
    const auto *Known =
        llvm::find_if(Into, [&](const Step *T) { return T->Root == S->Root; });
    if (Known != Into.end()) {
      if ((*Known)->Guarded && !S->Guarded)
        return false;
      continue;
    }
    if (Into.size() < MaxOriginsPerValue)
      return false;
    if (S->Root->K == Origin::Source &&
        llvm::any_of(Into, [](const Step *T) { return T->Root->symbolic(); }))
      return false;
  }
  return true;
}

/// A map that states share until one of them changes it (copy on write):
/// a state is copied along every edge of the CFG, and most blocks leave
/// most of it as it was.
template <class K, class V> class SharedMap {
public:
  using Map = llvm::DenseMap<K, V>;
  const Map &get() const { return P ? *P : none(); }
  Map &mut() {
    if (!P)
      P = std::make_shared<Map>();
    else if (P.use_count() > 1)
      P = std::make_shared<Map>(*P);
    return *P;
  }
  bool sameAs(const SharedMap &O) const { return P == O.P; }
  typename Map::const_iterator find(const K &Key) const {
    return get().find(Key);
  }
  typename Map::const_iterator begin() const { return get().begin(); }
  typename Map::const_iterator end() const { return get().end(); }
  bool empty() const { return get().empty(); }
  size_t size() const { return get().size(); }
  V &operator[](const K &Key) { return mut()[Key]; }
  bool erase(const K &Key) {
    if (!get().contains(Key))
      return false;
    return mut().erase(Key);
  }

private:
  static const Map &none() {
    static const Map None;
    return None;
  }
  std::shared_ptr<Map> P;
};

struct State {
  bool Reachable = false;
  SharedMap<Location, TaintSet> Cells;
  /// Pointers and references: the location they designate.
  llvm::DenseMap<const void *, Location> Alias;
  /// Pointers that designate different objects on different paths (their
  /// Alias is MixedBase): the objects, at most MaxMixedTargets of them.
  llvm::DenseMap<const void *, llvm::SmallVector<Location, 2>> Mixed;
  /// Function pointers whose target is known.
  llvm::DenseMap<const void *, const FunctionDecl *> Callee;
  /// Ranges of integers known on every path here (range checks only).
  llvm::DenseMap<Location, IntRange> Ranges;

  /// How a range that grew along a loop's back edge is widened: given the
  /// range before and the joined one (to change).
  using Widening = llvm::function_ref<void(const IntRange &, IntRange &)>;

  /// Joins \p O into this state (union of taint; aliases and call
  /// targets kept where the two agree, "mixed" where they do not); returns
  /// whether this state changed. The lattice only moves one way and ranges
  /// along back edges are widened (\p Widen), so this reaches a fixpoint.
  bool join(State &&O, Widening Widen = nullptr) {
    if (!O.Reachable)
      return false;
    if (!Reachable) {
      *this = std::move(O);
      return true;
    }
    bool Changed = false;
    if (!Cells.sameAs(O.Cells))
      for (const auto &[Loc, T] : O.Cells) {
        auto Mine = Cells.find(Loc);
        bool New = Mine == Cells.end();
        if (!New && coveredBy(Mine->second, T))
          continue;
        Changed |= addAll(Cells[Loc], T) || New;
      }
    // A pointer that designates an object on one path and a field of it
    // on the other (`p = list` before a loop, `p = p->next` in it)
    // designates the field (deeper paths fold, so this ends). One that
    // designates different objects on the two paths is "mixed" from here
    // on, until it is assigned again: reads through it see what each of
    // the objects holds, writes through it may reach each (State::Mixed).
    // The set only grows and is bounded, so the fixpoint ends.
    auto TargetsOf = [](const State &St, const void *K, Location V,
                        llvm::SmallVectorImpl<Location> &Out) {
      if (V.Base != MixedBase) {
        Out.push_back(V);
        return;
      }
      if (auto M = St.Mixed.find(K); M != St.Mixed.end())
        Out.append(M->second.begin(), M->second.end());
    };
    for (const auto &[K, V] : O.Alias) {
      auto [It, New] = Alias.try_emplace(K, V);
      if (New) {
        Changed = true;
        if (V.Base == MixedBase)
          if (auto M = O.Mixed.find(K); M != O.Mixed.end())
            Mixed[K] = M->second;
        continue;
      }
      if (It->second == V && V.Base != MixedBase)
        continue;
      if (It->second.Base == V.Base && V.Base != MixedBase) {
        if (pathWithin(V.Path, It->second.Path))
          continue;
        if (pathWithin(It->second.Path, V.Path)) {
          It->second = V;
          Changed = true;
          continue;
        }
      }
      bool WasMixed = It->second.Base == MixedBase;
      llvm::SmallVector<Location, 4> Targets;
      TargetsOf(*this, K, It->second, Targets);
      TargetsOf(O, K, V, Targets);
      // Past MaxMixedTargets objects, the pointer's own cell keeps what the
      // others held here.
      auto &Known = Mixed[K];
      TaintSet Held;
      for (Location X : Targets) {
        if (llvm::is_contained(Known, X))
          continue;
        if (Known.size() < MaxMixedTargets) {
          Known.push_back(X);
          Changed = true;
          continue;
        }
        if (auto C = Cells.find(X); C != Cells.end())
          addAll(Held, C->second);
        if (auto C = O.Cells.find(X); C != O.Cells.end())
          addAll(Held, C->second);
      }
      if (!WasMixed) {
        It->second = {MixedBase, nullptr};
        Changed = true;
      }
      if (!Held.empty())
        Changed |= addAll(Cells[{K, nullptr}], Held);
    }
    // A function pointer with different targets on the two paths: null,
    // no known target.
    for (const auto &[K, V] : O.Callee) {
      auto [It, New] = Callee.try_emplace(K, V);
      if (New) {
        Changed = true;
        continue;
      }
      if (It->second && It->second != V) {
        It->second = nullptr;
        Changed = true;
      }
    }
    Changed |= joinRanges(Ranges, O.Ranges, Widen);
    return Changed;
  }

  /// A range holds after a join only if it held on both sides.
  static bool joinRanges(llvm::DenseMap<Location, IntRange> &Into,
                         const llvm::DenseMap<Location, IntRange> &O,
                         Widening Widen = nullptr) {
    bool Changed = false;
    for (auto It = Into.begin(); It != Into.end();) {
      auto Cur = It++;
      auto Other = O.find(Cur->first);
      if (Other == O.end()) {
        Into.erase(Cur);
        Changed = true;
        continue;
      }
      IntRange H = IntRange::hull(Cur->second, Other->second);
      if (!(H == Cur->second)) {
        if (Widen)
          Widen(Cur->second, H);
        Cur->second = H;
        Changed = true;
      }
    }
    return Changed;
  }
};

/// Peels the nodes that do not change which object or value is meant.
const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<CastExpr>(E)) {
      // A conversion to bool or to a number of another kind keeps the
      // data (the range checks need it); only the pointer-ness changes.
      E = C->getSubExpr();
    } else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *W = dyn_cast<ExprWithCleanups>(E)) {
      E = W->getSubExpr();
    } else if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E)) {
      E = D->getExpr();
    } else {
      return E;
    }
  }
  return E;
}

bool isInt(QualType T) {
  return !T.isNull() && T->isIntegralOrEnumerationType();
}

/// Whether \p Ex names one object whose range the state can hold.
bool preciseLocation(const Expr *Ex);

bool isStdStringType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() &&
         (RD->getName() == "basic_string" ||
          RD->getName() == "basic_string_view");
}

/// Whether values of this type can carry injected text.
bool carriesText(QualType T) {
  T = T.getCanonicalType().getNonReferenceType();
  if (T->isAnyCharacterType())
    return true;
  if (T->isPointerType() || T->isArrayType()) {
    QualType E = T->isPointerType()
                     ? T->getPointeeType()
                     : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    return E->isAnyCharacterType() || E->isVoidType() || E->isPointerType() ||
           E->isRecordType();
  }
  return T->isRecordType();
}

/// \p ND's name as written. An identifier's is taken as is:
/// NamedDecl::getNameAsString() builds a printing policy (and language
/// options) each time, which the engine asked for on every evaluation.
std::string declName(const NamedDecl *ND) {
  if (ND->getDeclName().isIdentifier())
    return ND->getName().str();
  return ND->getNameAsString();
}

std::string nameOf(const FunctionDecl *FD) {
  if (!FD)
    return "<unknown>";
  return declName(FD);
}

/// A short name for the object \p E designates, for messages: `cmd`,
/// `req.host`, or empty.
std::string objectName(const Expr *E) {
  E = strip(E);
  if (!E)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return declName(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    std::string Base = objectName(ME->getBase());
    std::string Field = declName(ME->getMemberDecl());
    if (Base.empty())
      return Field;
    return Base + (ME->isArrow() ? "->" : ".") + Field;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return objectName(AS->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      return objectName(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->isAdditiveOp())
      return objectName(BO->getLHS()->getType()->isPointerType()
                            ? BO->getLHS()
                            : BO->getRHS());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return objectName(MC->getImplicitObjectArgument());
  return {};
}

/// getopt's global `optarg`.
/// The struct field holding the function pointer \p Call goes through
/// (`ops->run(cmd)`), or null.
const FieldDecl *calledField(const CallExpr *Call) {
  const auto *ME =
      dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

bool isOptarg(const ValueDecl *VD) {
  const auto *Var = dyn_cast_or_null<VarDecl>(VD);
  // The name first: it rules out nearly every variable, cheaply.
  return Var && Var->getIdentifier() && Var->getName() == "optarg" &&
         !Var->hasLocalStorage();
}

bool isShellName(llvm::StringRef Program) {
  llvm::StringRef Base = Program.rsplit('/').second;
  if (Base.empty())
    Base = Program;
  return llvm::is_contained({"sh", "bash", "dash", "zsh", "ksh", "ash", "mksh",
                             "csh", "tcsh", "busybox"},
                            Base);
}

/// The text of a string literal \p E, if it is one.
std::optional<llvm::StringRef> literalText(const Expr *E) {
  E = strip(E);
  if (const auto *SL = dyn_cast_or_null<StringLiteral>(E))
    if (SL->isOrdinary())
      return SL->getString();
  return std::nullopt;
}

bool isNullLike(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenCasts();
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

/// Whether an allow-listed set of characters is free of anything a shell or
/// a word splitter treats specially.
bool isSafeCharSet(llvm::StringRef Set) {
  return Set.find_first_of(";&|$`<>()'\"\\\n\r\t *?[]{}~!#=%^,") ==
         llvm::StringRef::npos;
}

/// Allow-list character classes: each admits only letters and digits.
bool isAllowClass(llvm::StringRef Name) {
  return llvm::is_contained({"isalnum", "isalpha", "isdigit", "isxdigit",
                             "isupper", "islower", "iswalnum", "iswalpha",
                             "iswdigit"},
                            Name);
}

/// Whether \p Loc comes from expanding an allow-list class macro
/// (glibc defines isalnum and friends as macros in C).
bool isAllowClassMacro(SourceLocation Loc, const SourceManager &SM,
                       const LangOptions &LO) {
  for (int Depth = 0; Loc.isMacroID() && Depth < 8; ++Depth) {
    if (isAllowClass(Lexer::getImmediateMacroName(Loc, SM, LO)))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

bool isNoReturnCall(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!Call)
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && (FD->isNoReturn() || FD->hasAttr<NoReturnAttr>() ||
                llvm::is_contained({"exit", "_exit", "abort", "err", "errx",
                                    "quick_exit", "_Exit"},
                                   FD->getName()));
}

/// Whether \p S comes from an `assert(...)` written in the source.
bool inAssert(const Stmt *S, const SourceManager &SM) {
  SourceLocation L = S->getBeginLoc();
  if (!L.isMacroID())
    return false;
  StringRef At(SM.getCharacterData(SM.getExpansionLoc(L)));
  return At.starts_with("assert") &&
         (At.size() == 6 || !isAsciiIdentifierContinue(At[6]));
}

/// Whether running \p S always leaves the enclosing loop and function:
/// return, throw, goto, or a call that does not return.
bool leaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, GotoStmt, CXXThrowExpr>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isNoReturnCall(E) || isa<CXXThrowExpr>(E->IgnoreParenCasts());
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(CS->body(), [](const Stmt *C) { return leaves(C); });
  return false;
}

} // namespace

// ---------------------------------------------------------------------------
// Summaries.
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// The analysis of one function.
// ---------------------------------------------------------------------------

class FunctionAnalysis {
public:
  FunctionAnalysis(TaintEngine &E, const FunctionDecl *FD,
                   TaintEngine::Summary &Out)
      : E(E), M(E.model()), Ctx(E.context()), SM(Ctx.getSourceManager()),
        FD(FD), Out(Out), TrackRanges(E.options().RangeChecks) {}

  void run();

private:
  // Locations.
  const FieldPath *child(const FieldPath *Parent, const FieldDecl *F);
  Location varLoc(const ValueDecl *VD) const { return {VD, nullptr}; }
  Location locOf(const Expr *E, State &S);
  TaintSet read(Location L, const State &S, QualType T, int Depth = 0);
  /// \p Rel, a field path relative to some object (a pointer's target, a
  /// callee's parameter), re-rooted under \p Target.
  Location rebase(Location Target, const FieldPath *Rel);
  /// What a read of field path \p Inner sees of taint \p T stored at
  /// its enclosing \p Outer: what an external call or a global may hold
  /// there is narrowed to the fields read, for the link phase.
  TaintSet narrowed(const TaintSet &T, const FieldPath *Outer,
                    const FieldPath *Inner) const;

  void write(Location L, const TaintSet &T, State &S, bool Strong);
  void clean(Location L, State &S);

  // Evaluation.
  TaintSet eval(const Expr *E, State &S);
  TaintSet evalUncached(const Expr *E, State &S);
  TaintSet evalCall(const CallExpr *Call, const FunctionDecl *Callee, State &S);
  TaintSet evalConstruct(const CXXConstructExpr *CE, State &S);
  TaintSet applyRule(const CallExpr *Call, const FunctionDecl *Callee,
                     const model::Rule &R,
                     llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S,
                     bool &Handled);
  TaintSet applySummary(const CallExpr *Call, const FunctionDecl *Callee,
                        const TaintEngine::Summary &Sum,
                        llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                        State &S);
  TaintSet applyLinked(const CallExpr *Call, const FunctionDecl *Callee,
                       const LinkedFunction &L,
                       llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S);

  TaintSet callElsewhere(const CallExpr *Call, const Decl *Target,
                         llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                         State &S);
  /// Whether \p Callee's definition is in another unit (whole-program
  /// mode): declared here, defined nowhere here, not the C library's.
  bool definedElsewhere(const FunctionDecl *Callee) const;
  TaintSet formatInputs(const CallExpr *Call, const model::Rule &R,
                        llvm::ArrayRef<std::pair<int, TaintSet>> Args);
  void checkExecSink(const CallExpr *Call, const FunctionDecl *Callee,
                     const model::Rule &R, State &S);
  /// Adds \p Hit (its path from a parameter or from what only the link
  /// can judge) to the summary.
  void keepSink(const SinkHit &Hit);
  size_t ExternalArgsKept = 0;
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
  IntRange rangeOf(const Expr *Ex, State &S);
  /// \p R moved by \p Delta in type \p T (`n++`, `n--`); none when the
  /// value may wrap or nothing is known.
  std::optional<IntRange> stepped(const IntRange &R, std::int64_t Delta,
                                  QualType T) const;
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
  IntRange typeRange(QualType T) const;
  const Expr *rangeSubject(const Expr *Ex) const;
  void refineRange(const BinaryOperator *BO, bool Truth, State &S);
  void constrain(const Expr *Subject, BinaryOperatorKind Op, const Expr *Other,
                 bool UnsignedCompare, State &S, std::int64_t Shift = 0);
  void forgetRange(Location L, State &S);
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
  void flushIndexHits();

  // Branches.
  void refine(const Expr *Cond, bool Truth, State &S);
  void refineZero(const Expr *E, bool IsZero, State &S);
  void validate(const Expr *Subject, State &S);
  const Expr *validationLoopSubject(const Stmt *Loop);

  void transfer(const CFGBlock &B, State &S);
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
  /// Index and offset hits by use and origin: the last verdict of the
  /// fixpoint wins, and is reported when the function is done.
  llvm::MapVector<std::pair<const Expr *, const Origin *>, SinkHit> IndexHits;
  llvm::DenseMap<const ParmVarDecl *, bool> ParamModified;
  /// Bases of the locations with a field path made in this function: the
  /// others have one location each (clean and forgetRange look it up).
  llvm::SmallPtrSet<const void *, 8> FieldBases;
  llvm::DenseMap<const Expr *, std::optional<std::int64_t>> Constants;
  /// Whether the buffer (the second) was allocated with the length the
  /// size (the first) reads, per checkSize's use.
  llvm::DenseMap<std::pair<const Expr *, const ValueDecl *>, bool>
      AllocatedWith;
  /// Per pointer: the variables its allocations' sizes read.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const ValueDecl *, 4>>
      AllocationLengths;
  /// A caller's step (the middle) through a call (the first) to the callee's
  /// path from a parameter (the last): the step that stands for it.
  llvm::DenseMap<std::tuple<const CallExpr *, const Step *, const Step *>,
                 const Step *>
      PassedThrough;
  bool TrackRanges = false;
  bool IsMain = false;
  /// Only functions returning a truth value can be validators; the others
  /// need not keep the state at each return.
  bool KeepReturnStates = false;
};

const FieldPath *FunctionAnalysis::child(const FieldPath *Parent,
                                         const FieldDecl *F) {
  return E.fieldPath(Parent, F);
}

const FieldPath *TaintEngine::fieldPath(const FieldPath *Parent,
                                        const FieldDecl *F) {
  // Paths stay short and finite: `p = p->next` in a loop would otherwise
  // make a new, longer location each round. A field met again on the way
  // up (a list's next, a tree's child) is folded into its first
  // occurrence; past MaxFieldDepth fields the parent stands for all.
  constexpr unsigned MaxFieldDepth = 8;
  unsigned Depth = 0;
  for (const FieldPath *P = Parent; P; P = P->Parent, ++Depth)
    if (P->Field == F)
      return P;
  if (Depth >= MaxFieldDepth)
    return Parent;
  auto &Slot = FieldPaths[{Parent, F}];
  if (!Slot) {
    FieldPathStore.push_back(std::make_unique<FieldPath>(FieldPath{Parent, F}));
    FieldPath &New = *FieldPathStore.back();
    if (Parent)
      New.Order = Parent->Order;
    New.Order.push_back(F ? F->getFieldIndex() + 1 : 0);
    Slot = &New;
  }
  return Slot;
}

Location FunctionAnalysis::locOf(const Expr *Ex, State &S) {
  Ex = strip(Ex);
  if (!Ex)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex)) {
    const ValueDecl *VD = DRE->getDecl();
    // optarg's value is a source made at each read, not a cell: a pointer
    // set from it holds the value itself.
    if (isOptarg(VD))
      return {};
    auto It = S.Alias.find(VD);
    if (It != S.Alias.end() && It->second.Base != MixedBase)
      return It->second;
    if (E.options().WholeProgram)
      if (const auto *Var = dyn_cast<VarDecl>(VD))
        if (Var->hasGlobalStorage() && !Var->isStaticLocal() &&
            !Var->getType().isConstQualified() &&
            !SM.isInSystemHeader(Var->getLocation())) {
          // One cell per global, whichever of its declarations is named.
          E.global(Var);
          return varLoc(Var->getCanonicalDecl());
        }
    return varLoc(VD);
  }
  if (isa<CXXThisExpr>(Ex))
    return {ThisBase, nullptr};
  if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    Location Base = locOf(ME->getBase(), S);
    if (!Base.valid() || !Field)
      return Base;
    FieldBases.insert(Base.Base);
    return {Base.Base, child(Base.Path, Field)};
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Ex))
    return locOf(AS->getBase(), S);
  if (const auto *UO = dyn_cast<UnaryOperator>(Ex)) {
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref ||
        UO->isIncrementDecrementOp())
      return locOf(UO->getSubExpr(), S);
    return {};
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    if (BO->isAdditiveOp() || BO->isCompoundAssignmentOp() ||
        BO->getOpcode() == BO_Assign)
      return locOf(BO->getLHS()->getType()->isPointerType() ||
                           BO->isAssignmentOp()
                       ? BO->getLHS()
                       : BO->getRHS(),
                   S);
    if (BO->getOpcode() == BO_Comma)
      return locOf(BO->getRHS(), S);
    return {};
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex)) {
    Location T = locOf(CO->getTrueExpr(), S);
    return T.valid() ? T : locOf(CO->getFalseExpr(), S);
  }
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    for (const model::Rule *R : M.rulesFor(Callee))
      if (R->ReturnsArg != model::NoArg)
        if (const Expr *A = ruleArg(Call, R->ReturnsArg))
          return locOf(A, S);
    // `*it`, `it->x` and `c[i]` on classes without rules: the element
    // lives in the object (iterators, smart pointers, custom containers).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      OverloadedOperatorKind K = Op->getOperator();
      if ((K == OO_Star || K == OO_Arrow || K == OO_Subscript) &&
          Op->getNumArgs() > 0)
        return locOf(Op->getArg(0), S);
    }
    return {};
  }
  return {};
}

Location FunctionAnalysis::rebase(Location Target, const FieldPath *Rel) {
  llvm::SmallVector<const FieldDecl *, 4> Fields;
  for (const FieldPath *P = Rel; P; P = P->Parent)
    Fields.push_back(P->Field);
  const FieldPath *Path = Target.Path;
  for (const FieldDecl *F : llvm::reverse(Fields))
    Path = child(Path, F);
  if (Path)
    FieldBases.insert(Target.Base);
  return {Target.Base, Path};
}

TaintSet FunctionAnalysis::read(Location L, const State &S, QualType T,
                                int Depth) {
  TaintSet Result;
  if (!L.valid())
    return Result;
  // Through a pointer that designates one of several objects: what each
  // holds now (and what the pointer's own cell kept from the join).
  if (Depth < 2)
    if (auto M = S.Mixed.find(L.Base); M != S.Mixed.end()) {
      llvm::SmallVector<Location, 2> Targets = M->second;
      for (Location Target : Targets)
        addAll(Result, read(rebase(Target, L.Path), S, T, Depth + 1));
    }
  // The location itself and every enclosing object: a whole struct that
  // was filled by fread taints each of its fields.
  bool Whole = E.options().WholeProgram;
  for (const FieldPath *P = L.Path;; P = P->Parent) {
    auto It = S.Cells.find({L.Base, P});
    if (It != S.Cells.end()) {
      if (Whole && P != L.Path)
        addAll(Result, narrowed(It->second, P, L.Path));
      else
        addAll(Result, It->second);
    }
    if (!P)
      break;
  }
  // A global's value: whatever any function of the program stored there,
  // which the link phase knows.
  if (Whole) {
    int G = E.globalAt(L.Base);
    if (G >= 0) {
      const auto *Var = static_cast<const VarDecl *>(L.Base);
      Origin O{Origin::Global, G,     model::SourceKind::Other,
               declName(Var),  false, Var->getLocation()};
      O.Fields = fieldNames(L.Path, nullptr);
      addAll(Result, {E.makeStep(nullptr, E.makeOrigin(O), Var->getLocation(),
                                 "global variable '" + O.What + "'")});
    }
  }
  // Reading a whole struct reads its fields.
  if (!T.isNull() && T.getNonReferenceType()->isRecordType() &&
      !isStdStringType(T)) {
    // In the fields' order: the first path of an origin is the one kept.
    llvm::SmallVector<std::pair<const FieldPath *, const TaintSet *>, 8> Parts;
    for (const auto &[K, V] : S.Cells) {
      if (K.Base != L.Base || K.Path == L.Path)
        continue;
      for (const FieldPath *P = K.Path; P; P = P->Parent)
        if (P->Parent == L.Path) {
          Parts.push_back({K.Path, &V});
          break;
        }
    }
    if (Parts.size() > 1)
      llvm::sort(Parts, [](const auto &A, const auto &B) {
        return pathBefore(A.first, B.first);
      });
    for (const auto &Part : Parts)
      addAll(Result, *Part.second);
  }
  return Result;
}

TaintSet FunctionAnalysis::narrowed(const TaintSet &T, const FieldPath *Outer,
                                    const FieldPath *Inner) const {
  TaintSet Result;
  for (const Step *St : T) {
    const Origin *R = St->Root;
    if (R->K != Origin::CallOut && R->K != Origin::Global) {
      Result.push_back(St);
      continue;
    }
    Origin O = *R;
    std::string More = fieldNames(Inner, Outer);
    O.Fields = O.Fields.empty() ? More : O.Fields + "." + More;
    const Step *First = pathTo(St).front();
    Result.push_back(
        E.makeStep(nullptr, E.makeOrigin(O), First->Loc, First->Message));
  }
  return Result;
}

/// Removes from \p Map the entries of \p L and of everything inside it.
/// \p HasFields: whether some location of L's base may have a field path;
/// when none does, L is the only entry there can be.
template <class MapT>
static void eraseWithin(MapT &Map, Location L, bool HasFields) {
  if (!L.valid() || Map.empty())
    return;
  if (!HasFields) {
    if (!L.Path)
      Map.erase(L);
    return;
  }
  llvm::SmallVector<Location, 4> Doomed;
  for (const auto &Entry : Map) {
    const Location &K = Entry.first;
    if (K.Base == L.Base && pathWithin(L.Path, K.Path))
      Doomed.push_back(K);
  }
  for (const Location &K : Doomed)
    Map.erase(K);
}

void FunctionAnalysis::clean(Location L, State &S) {
  eraseWithin(S.Cells, L, FieldBases.contains(L.Base));
}

void FunctionAnalysis::write(Location L, const TaintSet &T, State &S,
                             bool Strong) {
  if (!L.valid())
    return;
  if (TrackRanges)
    forgetRange(L, S);
  if (Strong)
    clean(L, S);
  if (T.empty())
    return;
  if (auto Known = S.Cells.find(L);
      Known == S.Cells.end() || !coveredBy(Known->second, T))
    addAll(S.Cells[L], T);
  // Through a pointer that designates one of several objects: each may
  // now hold it.
  if (auto M = S.Mixed.find(L.Base); M != S.Mixed.end()) {
    llvm::SmallVector<Location, 2> Targets = M->second;
    for (Location Target : Targets)
      if (!S.Mixed.contains(Target.Base))
        write(rebase(Target, L.Path), T, S, /*Strong=*/false);
  }
}

const Step *FunctionAnalysis::extendOne(const Step *S, SourceLocation Loc,
                                        const std::string &Message) {
  if (const Step *Last = lastRealStep(S);
      Last->Loc == Loc && Last->Message == Message)
    return S;
  return E.makeStep(S, S->Root, Loc, Message);
}

TaintSet FunctionAnalysis::extend(const TaintSet &T, SourceLocation Loc,
                                  const std::string &Message) {
  TaintSet Result;
  for (const Step *S : T)
    Result.push_back(extendOne(S, Loc, Message));
  return Result;
}

TaintSet
FunctionAnalysis::extendAt(const TaintSet &T, SourceLocation Loc,
                           std::tuple<const void *, const void *, int> Site,
                           llvm::function_ref<std::string()> Message) {
  TaintSet Result;
  std::optional<std::string> Text;
  for (const Step *S : T) {
    const Step *&Known =
        Extended[{S, std::get<0>(Site), std::get<1>(Site), std::get<2>(Site)}];
    if (!Known) {
      if (!Text)
        Text = Message();
      Known = Text->empty() ? S : extendOne(S, Loc, *Text);
    }
    Result.push_back(Known);
  }
  return Result;
}

const Step *TaintEngine::replay(const Step *Onto, const Step *Inner) {
  // The steps of Inner after its (parameter) origin, on top of Onto. Steps
  // are interned, so the same two give the same path: made once, as one
  // step that stands for Inner's (pathTo lists them).
  if (!Inner->Prev)
    return Onto; // nothing after the origin
  const Step *&Known = Replayed[{Onto, Inner}];
  if (Known)
    return Known;
  Steps.push_back(
      std::make_unique<Step>(Step{Onto, Onto->Root, lastRealStep(Inner)->Loc,
                                  std::string(), Onto->Length + 1}));
  Steps.back()->Guarded = Onto->Guarded;
  Steps.back()->Replay = Inner;
  Known = Steps.back().get();
  return Known;
}

TaintSet FunctionAnalysis::eval(const Expr *Ex, State &S) {
  if (!Ex)
    return {};
  auto It = Cache.find(Ex);
  if (It != Cache.end())
    return It->second;
  TaintSet T = evalUncached(Ex, S);
  Cache[Ex] = T;
  return T;
}

void FunctionAnalysis::assign(const Expr *LHS, const Expr *RHS,
                              const TaintSet &T, State &S, bool Strong,
                              SourceLocation At) {
  const Expr *L = strip(LHS);
  TaintSet Stepped =
      extendAt(T, At, {L, nullptr, static_cast<int>(At.getRawEncoding())}, [&] {
        std::string Name = objectName(L);
        return Name.empty() ? Name : "assigned to '" + Name + "'";
      });
  // `p = buf`: p now designates buf.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(L)) {
    QualType Ty = DRE->getType();
    if (Ty->isFunctionPointerType()) {
      S.Callee.erase(DRE->getDecl());
      if (RHS)
        if (const auto *Target = dyn_cast<DeclRefExpr>(strip(RHS)))
          if (const auto *Fn = dyn_cast<FunctionDecl>(Target->getDecl()))
            S.Callee[DRE->getDecl()] = Fn;
      return;
    }
    if (Ty->isPointerType() && RHS) {
      Location Target = locOf(RHS, S);
      if (Target.valid() && Target.Base != DRE->getDecl()) {
        S.Alias[DRE->getDecl()] = Target;
        S.Mixed.erase(DRE->getDecl());
        S.Cells.erase(varLoc(DRE->getDecl()));
        return;
      }
      S.Alias.erase(DRE->getDecl());
      S.Mixed.erase(DRE->getDecl());
    }
  }
  write(locOf(L, S), Stepped, S, Strong && !isa<ArraySubscriptExpr>(L));
  if (TrackRanges && RHS && !isa<ArraySubscriptExpr>(L))
    setRange(L, RHS, !fromSource(T), !T.empty(), S);
}

void FunctionAnalysis::declare(const VarDecl *VD, State &S) {
  // `char buf[n]`: a variable-length array of n elements on the stack.
  if (TrackRanges)
    if (const VariableArrayType *VAT =
            Ctx.getAsVariableArrayType(VD->getType()))
      if (const Expr *N = VAT->getSizeExpr()) {
        TaintSet T = eval(N, S);
        if (!T.empty())
          checkSize(N, N, nullptr, T, nullptr, S);
      }
  // A declaration makes a new variable (again on each round of a loop).
  S.Alias.erase(VD);
  S.Mixed.erase(VD);
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  QualType Ty = VD->getType();
  if (Ty->isReferenceType()) {
    Location Target = locOf(Init, S);
    if (Target.valid()) {
      eval(Init, S);
      S.Alias[VD] = Target;
      return;
    }
  }
  TaintSet T = eval(Init, S);
  if (Ty->isFunctionPointerType()) {
    if (const auto *Target = dyn_cast<DeclRefExpr>(strip(Init)))
      if (const auto *Fn = dyn_cast<FunctionDecl>(Target->getDecl()))
        S.Callee[VD] = Fn;
    return;
  }
  if (Ty->isPointerType()) {
    // `char *p = buf`, `const char *c = s.c_str()`: p designates the
    // object; results of calls that make new values (strdup, getenv) are
    // values of their own.
    Location Target = locOf(Init, S);
    if (Target.valid()) {
      S.Alias[VD] = Target;
      return;
    }
  }
  if (TrackRanges && Ty->isIntegralOrEnumerationType()) {
    // The variable may hold an older value's range (a loop's next round).
    forgetRange(varLoc(VD), S);
    IntRange R = IntRange::meet(rangeOf(Init, S), typeRange(Ty));
    // A trusted value of unknown size: as good as a comparison with it.
    if (!fromSource(T) && !R.hasUpper()) {
      R.Symbolic = true;
      R.FromParameter = !T.empty();
    }
    if (R.Lo || R.hasUpper())
      S.Ranges[varLoc(VD)] = R;
  }
  if (T.empty())
    return;
  std::optional<IntRange> Kept;
  if (TrackRanges) {
    auto It = S.Ranges.find(varLoc(VD));
    if (It != S.Ranges.end())
      Kept = It->second;
  }
  write(varLoc(VD),
        extendAt(T, VD->getLocation(), {VD, nullptr, 0},
                 [&] { return "assigned to '" + declName(VD) + "'"; }),
        S, true);
  if (Kept)
    S.Ranges[varLoc(VD)] = *Kept;
}

TaintSet FunctionAnalysis::evalUncached(const Expr *Ex, State &S) {
  Ex = Ex->IgnoreParens();
  if (isa<StringLiteral, IntegerLiteral, CharacterLiteral, FloatingLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, GNUNullExpr,
          UnaryExprOrTypeTraitExpr, LambdaExpr, CXXThisExpr>(Ex))
    return {};

  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return {};
    // getopt's optarg is the command line.
    if (isOptarg(VD) && !E.isTrusted(model::SourceKind::CommandLine)) {
      const Origin *O =
          E.makeOrigin({Origin::Source, 0, model::SourceKind::CommandLine,
                        "optarg", false, DRE->getLocation()});
      return {E.makeStep(nullptr, O, DRE->getLocation(),
                         "'optarg' holds a command-line argument")};
    }
    return read(locOf(DRE, S), S, DRE->getType());
  }

  if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
    if (isa<FieldDecl>(ME->getMemberDecl()))
      return read(locOf(ME, S), S, ME->getType());
    eval(ME->getBase(), S);
    return {};
  }

  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Ex)) {
    eval(AS->getBase(), S);
    TaintSet I = eval(AS->getIdx(), S);
    if (TrackRanges && !I.empty())
      checkIndex(SinkHit::Index, AS, AS->getBase(), AS->getIdx(), I, nullptr,
                 S);
    return read(locOf(AS->getBase(), S), S, AS->getType());
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(Ex)) {
    switch (UO->getOpcode()) {
    case UO_Deref:
      eval(UO->getSubExpr(), S);
      return read(locOf(UO->getSubExpr(), S), S, UO->getType());
    case UO_LNot:
      eval(UO->getSubExpr(), S);
      return {};
    default: {
      const Expr *Sub = UO->getSubExpr();
      TaintSet T = eval(Sub, S);
      if (TrackRanges && UO->isIncrementDecrementOp()) {
        // `n++`, `n--`: the range moves by one (and is lost where the type
        // may wrap).
        std::optional<IntRange> Moved;
        if (isInt(Sub->getType()) && preciseLocation(Sub))
          Moved = stepped(rangeOf(Sub, S), UO->isIncrementOp() ? 1 : -1,
                          Sub->getType());
        Location L = locOf(Sub, S);
        forgetRange(L, S);
        if (Moved && L.valid())
          S.Ranges[L] = *Moved;
      }
      return T;
    }
    }
  }

  if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    if (BO->getOpcode() == BO_Assign) {
      TaintSet T = eval(BO->getRHS(), S);
      eval(BO->getLHS(), S);
      assign(BO->getLHS(), BO->getRHS(), T, S, /*Strong=*/true,
             BO->getOperatorLoc());
      return T;
    }
    if (BO->isCompoundAssignmentOp()) {
      TaintSet T = eval(BO->getRHS(), S);
      TaintSet L = eval(BO->getLHS(), S);
      if (TrackRanges && BO->getLHS()->getType()->isPointerType() &&
          (BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign))
        if (!T.empty())
          checkIndex(SinkHit::Offset, BO, BO->getLHS(), BO->getRHS(), T,
                     nullptr, S);
      std::optional<IntRange> After;
      if (TrackRanges && (BO->getOpcode() == BO_RemAssign ||
                          BO->getOpcode() == BO_AndAssign)) {
        // `n %= 10`, `n &= 15`: the range of `n % 10`, `n & 15`.
        After = binaryRange(BO->getOpcode() == BO_RemAssign ? BO_Rem : BO_And,
                            BO->getLHS(), BO->getRHS(), S);
      } else if (TrackRanges &&
                 (BO->getOpcode() == BO_AddAssign ||
                  BO->getOpcode() == BO_SubAssign) &&
                 isInt(BO->getLHS()->getType()) &&
                 preciseLocation(BO->getLHS())) {
        // `n += 2`: the range of `n + 2`.
        After = binaryRange(BO->getOpcode() == BO_AddAssign ? BO_Add : BO_Sub,
                            BO->getLHS(), BO->getRHS(), S);
      }
      addAll(T, L);
      assign(BO->getLHS(), nullptr, T, S, /*Strong=*/false,
             BO->getOperatorLoc());
      if (After && (After->Lo || After->hasUpper()))
        S.Ranges[locOf(BO->getLHS(), S)] = *After;
      return T;
    }
    TaintSet L = eval(BO->getLHS(), S);
    if (TrackRanges && BO->isLogicalOp()) {
      // The right operand runs only when the left one lets it:
      // `n < 4 && t[n]`.
      auto Before = S.Ranges;
      refineRanges(BO->getLHS(), BO->getOpcode() == BO_LAnd, S);
      eval(BO->getRHS(), S);
      State::joinRanges(S.Ranges, Before);
      return {};
    }
    TaintSet R = eval(BO->getRHS(), S);
    if (TrackRanges && BO->isAdditiveOp()) {
      // `p + n`, `n + p`, `p - n`: an offset from a pointer.
      const Expr *Ptr =
          BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : nullptr;
      if (!Ptr && BO->getOpcode() == BO_Add &&
          BO->getRHS()->getType()->isPointerType())
        Ptr = BO->getRHS();
      const Expr *Off = Ptr == BO->getLHS() ? BO->getRHS() : BO->getLHS();
      if (Ptr && Off->getType()->isIntegerType()) {
        const TaintSet &OT = Off == BO->getLHS() ? L : R;
        if (!OT.empty())
          checkIndex(SinkHit::Offset, BO, Ptr, Off, OT, nullptr, S);
      }
    }
    if (BO->isComparisonOp() || BO->isLogicalOp())
      return {};
    if (BO->getOpcode() == BO_Comma)
      return R;
    addAll(L, R);
    return L;
  }

  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Ex)) {
    eval(CO->getCond(), S);
    if (TrackRanges && isa<ConditionalOperator>(CO)) {
      // Each side runs only when the condition says so: `n < 4 ? t[n] : 0`.
      auto Before = S.Ranges;
      refineRanges(CO->getCond(), true, S);
      TaintSet T = eval(CO->getTrueExpr(), S);
      auto AfterTrue = std::move(S.Ranges);
      S.Ranges = std::move(Before);
      refineRanges(CO->getCond(), false, S);
      addAll(T, eval(CO->getFalseExpr(), S));
      State::joinRanges(S.Ranges, AfterTrue);
      return T;
    }
    TaintSet T = eval(CO->getTrueExpr(), S);
    addAll(T, eval(CO->getFalseExpr(), S));
    return T;
  }

  if (const auto *CE = dyn_cast<CastExpr>(Ex))
    return eval(CE->getSubExpr(), S);
  if (const auto *M2 = dyn_cast<MaterializeTemporaryExpr>(Ex))
    return eval(M2->getSubExpr(), S);
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Ex))
    return eval(B->getSubExpr(), S);
  if (const auto *W = dyn_cast<ExprWithCleanups>(Ex))
    return eval(W->getSubExpr(), S);
  if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Ex))
    return eval(D->getExpr(), S);

  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(strip(Call->getCallee()))) {
        auto It = S.Callee.find(Ref->getDecl());
        if (It != S.Callee.end())
          Callee = It->second;
      }
    return evalCall(Call, Callee, S);
  }

  if (const auto *CE = dyn_cast<CXXConstructExpr>(Ex))
    return evalConstruct(CE, S);

  if (const auto *New = dyn_cast<CXXNewExpr>(Ex)) {
    for (const Stmt *Child : New->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        eval(CE, S);
    // `new T[n]`: n elements.
    if (TrackRanges && New->isArray())
      if (std::optional<const Expr *> N = New->getArraySize())
        if (*N) {
          TaintSet T = eval(*N, S);
          if (!T.empty())
            checkSize(New, *N, nullptr, T, nullptr, S);
        }
    return {};
  }

  if (const auto *IL = dyn_cast<InitListExpr>(Ex)) {
    TaintSet T;
    for (const Expr *Init : IL->inits())
      addAll(T, eval(Init, S));
    return T;
  }

  // Anything else: evaluate the parts for their side effects.
  for (const Stmt *Child : Ex->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      eval(CE, S);
  return {};
}

TaintSet FunctionAnalysis::evalConstruct(const CXXConstructExpr *CE, State &S) {
  TaintSet T;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  for (const Expr *Arg : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg) && carriesText(Arg->getType()))
      addAll(T, eval(Arg, S));
  // `std::vector<T> v(n)`, `std::string s(n, c)`: a container made with n
  // elements allocates as much as `new T[n]`.
  if (TrackRanges && Ctor && CE->getNumArgs() > 0 && Ctor->getNumParams() > 0 &&
      Ctor->getNumParams() <= 3 && !isa<CXXDefaultArgExpr>(CE->getArg(0)) &&
      isInt(Ctor->getParamDecl(0)->getType()) &&
      isInt(CE->getArg(0)->getType()))
    if (const CXXRecordDecl *RD = Ctor->getParent();
        RD && RD->isInStdNamespace() && RD->getIdentifier() &&
        llvm::is_contained(
            {"vector", "deque", "list", "forward_list", "basic_string"},
            RD->getName())) {
      TaintSet N = eval(CE->getArg(0), S);
      if (!N.empty())
        checkSize(CE, CE->getArg(0), nullptr, N, nullptr, S);
    }
  // A constructor defined here: what it stores in the object is what the
  // object holds; without a definition, the object holds its arguments.
  if (Ctor && Ctor->hasBody() && !Ctor->isCopyOrMoveConstructor() &&
      !isStdStringType(CE->getType()) && !Ctor->isInStdNamespace()) {
    if (const TaintEngine::Summary *Sum = E.summaryFor(Ctor)) {
      TaintSet Held;
      for (const auto &F : Sum->Out) {
        if (F.Param != model::ThisObject)
          continue;
        for (const Step *St : F.From) {
          if (St->Root->K != Origin::Parameter) {
            Held.push_back(St);
            continue;
          }
          unsigned I = static_cast<unsigned>(St->Root->Param);
          if (I < CE->getNumArgs())
            for (const Step *A : eval(CE->getArg(I), S))
              Held.push_back(E.replay(A, St));
        }
      }
      return Held;
    }
  }
  return T;
}

TaintSet
FunctionAnalysis::formatInputs(const CallExpr *Call, const model::Rule &R,
                               llvm::ArrayRef<std::pair<int, TaintSet>> Args) {
  auto ArgTaint = [&](int Pos) -> const TaintSet * {
    for (const auto &[P, T] : Args)
      if (P == Pos)
        return &T;
    return nullptr;
  };
  TaintSet Result;
  const Expr *Format = ruleArg(Call, R.FormatArg);
  std::optional<llvm::StringRef> Text =
      Format ? literalText(Format) : std::nullopt;
  if (!Text) {
    // An unknown format: every argument may be text.
    for (const auto &[P, T] : Args)
      addAll(Result, T);
    return Result;
  }
  struct Collector : analyze_format_string::FormatStringHandler {
    llvm::SmallVector<unsigned, 4> TextArgs;
    bool HandlePrintfSpecifier(const analyze_printf::PrintfSpecifier &FS,
                               const char *, unsigned,
                               const TargetInfo &) override {
      using CS = analyze_format_string::ConversionSpecifier;
      if (!FS.consumesDataArgument())
        return true;
      auto K = FS.getConversionSpecifier().getKind();
      if (K == CS::sArg || K == CS::SArg || K == CS::cArg || K == CS::CArg)
        TextArgs.push_back(FS.getArgIndex());
      return true;
    }
  } C;
  bool IsStdFormat =
      R.FormatArg == 0 && nameOf(Call->getDirectCallee()) == "format";
  if (IsStdFormat) {
    // std::format: {} takes any type; text-carrying arguments count.
    for (unsigned I = 1; I < Call->getNumArgs(); ++I)
      if (carriesText(Call->getArg(I)->getType()))
        if (const TaintSet *T = ArgTaint(static_cast<int>(I)))
          addAll(Result, *T);
    return Result;
  }
  analyze_format_string::ParsePrintfString(C, Text->begin(), Text->end(),
                                           Ctx.getLangOpts(),
                                           Ctx.getTargetInfo(), false);
  llvm::SmallVector<int, 4> In = R.In.expand(Call->getNumArgs());
  bool VaList = In.size() == 1 &&
                static_cast<unsigned>(In[0]) + 1 == Call->getNumArgs() &&
                Call->getDirectCallee() &&
                !Call->getDirectCallee()->isVariadic();
  if (VaList) {
    if (!C.TextArgs.empty())
      if (const TaintSet *T = ArgTaint(In[0]))
        addAll(Result, *T);
    return Result;
  }
  for (unsigned Index : C.TextArgs)
    if (const TaintSet *T = ArgTaint(R.FormatArg + 1 + static_cast<int>(Index)))
      addAll(Result, *T);
  return Result;
}

void FunctionAnalysis::keepSink(const SinkHit &Hit) {
  // Arguments of calls to other units (whole-program mode) are everywhere
  // in a program that calls through function pointers: a summary keeps a
  // bounded number, or summaries grow with the whole call graph below.
  constexpr size_t MaxExternalArgs = 64;
  if (Hit.K == SinkHit::ExternalArg && ++ExternalArgsKept > MaxExternalArgs)
    return;
  Out.Sinks.push_back({Hit});
}

void FunctionAnalysis::sinkHit(SinkHit::Kind K, const CallExpr *Call,
                               const FunctionDecl *Callee, const Expr *Arg,
                               const TaintSet &T) {
  for (const Step *St : T) {
    SinkHit Hit{K, Call, Callee, Arg, St};
    if (St->Root->K == Origin::Source) {
      E.report(Hit);
    } else if (llvm::none_of(Out.Sinks, [&](const auto &F) {
                 return F.Hit.Call == Call && F.Hit.Arg == Arg &&
                        F.Hit.Path->Root == St->Root;
               })) {
      keepSink(Hit);
    }
  }
}

void FunctionAnalysis::checkExecSink(const CallExpr *Call,
                                     const FunctionDecl *Callee,
                                     const model::Rule &R, State &S) {
  llvm::SmallVector<int, 4> In = R.In.expand(Call->getNumArgs());
  if (In.size() < 2)
    return;
  const Expr *Program = ruleArg(Call, In[0]);
  if (!Program)
    return;
  std::optional<llvm::StringRef> ProgramText = literalText(Program);
  // The program itself.
  if (E.options().ReportExecArguments) {
    TaintSet P = eval(Program, S);
    if (!P.empty()) {
      // Whoever picks the program controls its arguments' meaning too: one
      // finding for the call.
      sinkHit(SinkHit::ExecProgram, Call, Callee, Program, P);
      return;
    }
  }
  bool Shell = ProgramText && isShellName(*ProgramText);

  // The arguments: a list (execl) or the elements of a vector (execv).
  llvm::SmallVector<const Expr *, 8> Elements;
  const Expr *Vector = nullptr;
  if (R.Sink == model::SinkKind::ExecList) {
    for (unsigned I = static_cast<unsigned>(In[1]); I < Call->getNumArgs();
         ++I) {
      const Expr *A = Call->getArg(I);
      if (isNullLike(A, Ctx))
        break;
      Elements.push_back(A);
    }
  } else {
    Vector = ruleArg(Call, In[1]);
    if (!Vector)
      return;
    // Look through to a local array's initializer for its literal parts.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(Vector)))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (const auto *IL = dyn_cast_or_null<InitListExpr>(VD->getInit()))
          for (const Expr *Init : IL->inits()) {
            if (isNullLike(Init, Ctx))
              break;
            Elements.push_back(Init);
          }
  }
  // argv[0] is the program's name; a shell's command follows "-c".
  int CommandAt = -1;
  int OptionsEnd = -1;
  for (size_t I = 1; I < Elements.size(); ++I) {
    std::optional<llvm::StringRef> Text = literalText(Elements[I]);
    if (!Text)
      continue;
    if (Shell && Text->starts_with("-") && !Text->starts_with("--") &&
        Text->contains('c') && CommandAt < 0)
      CommandAt = static_cast<int>(I) + 1;
    if (*Text == "--" && OptionsEnd < 0)
      OptionsEnd = static_cast<int>(I);
  }
  if (Vector && Elements.empty()) {
    // An argument vector we cannot see into.
    TaintSet T = read(locOf(Vector, S), S, QualType());
    if (!T.empty() && E.options().ReportExecArguments)
      sinkHit(SinkHit::ExecArgument, Call, Callee, Vector, T);
    return;
  }
  for (size_t I = 1; I < Elements.size(); ++I) {
    bool IsCommand = static_cast<int>(I) == CommandAt;
    // A shell's arguments after the command are $0, $1...: data, not code.
    if (Shell && !IsCommand)
      continue;
    // After "--" an argument cannot be taken for an option.
    if (!IsCommand && OptionsEnd >= 0 && static_cast<int>(I) > OptionsEnd)
      continue;
    TaintSet T;
    if (Vector) {
      // The vector's single cell: everything stored in it.
      T = eval(Elements[I], S);
      addAll(T, read(locOf(Vector, S), S, QualType()));
      if (literalText(Elements[I]))
        continue;
    } else {
      T = eval(Elements[I], S);
    }
    if (T.empty())
      continue;
    if (IsCommand)
      sinkHit(SinkHit::ShellCommand, Call, Callee, Elements[I], T);
    else if (E.options().ReportExecArguments)
      sinkHit(SinkHit::ExecArgument, Call, Callee, Elements[I], T);
  }
}

TaintSet FunctionAnalysis::applyRule(
    const CallExpr *Call, const FunctionDecl *Callee, const model::Rule &R,
    llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S, bool &Handled) {
  Handled = true;
  std::string Fn = nameOf(Callee);
  SourceLocation At = Call->getExprLoc();
  TaintSet Result;
  auto ArgExpr = [&](int Pos) { return ruleArg(Call, Pos); };
  switch (R.Kind) {
  case model::RuleKind::Source: {
    if (E.isTrusted(R.Source))
      return Result;
    const Origin *O = E.makeOrigin(
        {Origin::Source, 0, R.Source, Fn, true, Call->getBeginLoc()});
    for (int Pos : R.Out.expand(Call->getNumArgs())) {
      if (Pos == model::ReturnValue) {
        Result.push_back(
            E.makeStep(nullptr, O, At, "'" + Fn + "' returns untrusted data"));
        continue;
      }
      const Expr *A = ArgExpr(Pos);
      if (!A)
        continue;
      std::string Into = objectName(A);
      const Step *St = E.makeStep(
          nullptr, O, At,
          "'" + Fn + "' reads untrusted data" +
              (Into.empty() ? std::string() : " into '" + Into + "'"));
      write(locOf(A, S), {St}, S, /*Strong=*/true);
    }
    if (R.ReturnsArg != model::NoArg)
      if (const Expr *A = ArgExpr(R.ReturnsArg))
        addAll(Result, read(locOf(A, S), S, A->getType()));
    return Result;
  }
  case model::RuleKind::Propagator: {
    TaintSet In;
    if (R.FormatArg != model::NoArg) {
      In = formatInputs(Call, R, Args);
    } else {
      for (const auto &[P, T] : Args)
        if (R.In.contains(P))
          addAll(In, T);
    }
    for (int Pos : R.Out.expand(Call->getNumArgs())) {
      if (Pos == model::ReturnValue) {
        if (R.ReturnsArg != model::NoArg || In.empty())
          addAll(Result, In);
        else
          addAll(Result,
                 R.Appends
                     ? extendAt(In, At, {Call, &R, model::ReturnValue},
                                [&] { return "'" + Fn + "' concatenates it"; })
                     : In);
        continue;
      }
      const Expr *A = ArgExpr(Pos);
      if (!A)
        continue;
      TaintSet Stepped = extendAt(In, At, {Call, &R, Pos}, [&] {
        std::string Into = objectName(A);
        llvm::StringRef Verb = R.FormatArg != model::NoArg ? "formats it into"
                               : R.Appends                 ? "appends it to"
                                                           : "copies it into";
        return (llvm::Twine("'") + Fn + "' " + Verb + " '" +
                (Into.empty() ? "the buffer" : Into) + "'")
            .str();
      });
      write(locOf(A, S), Stepped, S, /*Strong=*/!R.Appends);
    }
    if (R.ReturnsArg != model::NoArg)
      if (const Expr *A = ArgExpr(R.ReturnsArg))
        addAll(Result, read(locOf(A, S), S, A->getType()));
    return Result;
  }
  case model::RuleKind::Sanitizer:
    for (int Pos : R.Out.expand(Call->getNumArgs()))
      if (Pos != model::ReturnValue)
        if (const Expr *A = ArgExpr(Pos))
          clean(locOf(A, S), S);
    return Result;
  case model::RuleKind::Sink:
    if (R.Sink == model::SinkKind::ShellCommand) {
      for (int Pos : R.In.expand(Call->getNumArgs())) {
        const Expr *A = ArgExpr(Pos);
        if (!A)
          continue;
        TaintSet T = eval(A, S);
        if (!T.empty())
          sinkHit(SinkHit::ShellCommand, Call, Callee, A, T);
      }
    } else if (R.Sink == model::SinkKind::ExecList ||
               R.Sink == model::SinkKind::ExecVector) {
      checkExecSink(Call, Callee, R, S);
    } else if (TrackRanges && (R.Sink == model::SinkKind::Size ||
                               R.Sink == model::SinkKind::Conversion)) {
      for (int Pos : R.In.expand(Call->getNumArgs())) {
        const Expr *A = ArgExpr(Pos);
        const auto *Arg = llvm::find_if(
            Args, [&](const auto &Entry) { return Entry.first == Pos; });
        if (!A || Arg == Args.end() || Arg->second.empty())
          continue;
        if (R.Sink == model::SinkKind::Conversion)
          sinkHit(SinkHit::Conversion, Call, Callee, A, Arg->second);
        else if (isInt(A->getType()))
          checkSize(A, A,
                    R.Buffer != model::NoArg ? ArgExpr(R.Buffer) : nullptr,
                    Arg->second, Call, S);
      }
    }
    return Result;
  case model::RuleKind::Validator:
    Handled = false;
    return Result;
  }
  return Result;
}

TaintSet
FunctionAnalysis::applySummary(const CallExpr *Call, const FunctionDecl *Callee,
                               const TaintEngine::Summary &Sum,
                               llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                               State &S) {
  std::string Fn = nameOf(Callee);
  SourceLocation At = Call->getExprLoc();
  auto ParamName = [&](int P) -> std::string {
    if (P == model::ThisObject)
      return "this";
    if (P >= 0 && static_cast<unsigned>(P) < Callee->getNumParams())
      return declName(Callee->getParamDecl(static_cast<unsigned>(P)));
    return "argument";
  };
  auto Mapped = [&](const Step *Inner) {
    TaintSet Result;
    if (Inner->Root->K != Origin::Parameter) {
      Result.push_back(Inner);
      return Result;
    }
    for (const auto &[P, T] : Args) {
      if (P != Inner->Root->Param)
        continue;
      for (const Step *Outer : T) {
        // Every round of the fixpoint maps the same steps through the same
        // call again: found here without building the message.
        const Step *&Known = PassedThrough[{Call, Outer, Inner}];
        if (!Known) {
          const Step *Passed =
              E.makeStep(Outer, Outer->Root, At,
                         "passed to '" + Fn + "' as '" + ParamName(P) + "'");
          Known = E.replay(Passed, Inner);
        }
        Result.push_back(Known);
      }
    }
    return Result;
  };

  for (const auto &Flow : Sum.Sinks) {
    TaintSet T = Mapped(Flow.Hit.Path);
    bool IsIndex = SinkHit::isRange(Flow.Hit.K);
    SinkHit Judged = Flow.Hit;
    if (IsIndex && Flow.Hit.Indexing.ParamExact &&
        Flow.Hit.Path->Root->K == Origin::Parameter) {
      // The callee uses the parameter itself: the caller's checks on the
      // argument hold at the use.
      const Expr *Arg = ruleArg(Call, Flow.Hit.Path->Root->Param);
      if (Arg) {
        Judged.Indexing.Range =
            IntRange::meet(Flow.Hit.Indexing.Range, rangeOf(Arg, S));
        Judged.Indexing.ParamExact = isUnmodifiedParam(Arg);
      } else {
        Judged.Indexing.ParamExact = false;
      }
      if (judge(Judged.Indexing, Flow.Hit.K) == IndexProblem::None)
        continue;
    } else if (IsIndex) {
      Judged.Indexing.ParamExact = false;
    }
    for (const Step *St : T) {
      SinkHit Hit = Judged;
      Hit.Path = St;
      if (IsIndex) {
        noteIndexHit(Hit);
        continue;
      }
      if (St->Root->K == Origin::Source)
        E.report(Hit);
      else if (llvm::none_of(Out.Sinks, [&](const auto &F) {
                 return F.Hit.Call == Hit.Call && F.Hit.Arg == Hit.Arg &&
                        F.Hit.Path->Root == St->Root;
               }))
        keepSink(Hit);
    }
  }
  for (const auto &Flow : Sum.Out) {
    const Expr *Target = ruleArg(Call, Flow.Param);
    if (!Target)
      continue;
    Location L = locOf(Target, S);
    if (!L.valid())
      continue;
    // The callee's field path, under the caller's location.
    Location To = rebase(L, Flow.Path);
    TaintSet T;
    for (const Step *St : Flow.From)
      addAll(T, Mapped(St));
    T = extendAt(T, At, {Call, Target, 0}, [&] {
      std::string Into = objectName(Target);
      return Into.empty()
                 ? Into
                 : (llvm::Twine("'") + Fn + "' stores it in '" + Into + "'")
                       .str();
    });
    write(To, T, S, /*Strong=*/false);
  }
  TaintSet Result;
  for (const Step *St : Sum.Return)
    addAll(Result, Mapped(St));
  Result = extendAt(Result, At, {Call, nullptr, model::ReturnValue},
                    [&] { return "returned by '" + Fn + "'"; });
  return Result;
}

TaintSet FunctionAnalysis::evalCall(const CallExpr *Call,
                                    const FunctionDecl *Callee, State &S) {
  // Evaluate every argument once, in order; keyed by rule position.
  llvm::SmallVector<std::pair<int, TaintSet>, 4> Args;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    TaintSet T = eval(Obj, S);
    addAll(T, read(locOf(Obj, S), S, QualType()));
    Args.push_back({model::ThisObject, std::move(T)});
  }
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
  bool OperatorMember =
      isa<CXXOperatorCallExpr>(Call) && MD && MD->isInstance();
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *A = Call->getArg(I);
    TaintSet T = eval(A, S);
    // A pointer or reference argument designates an object: its contents.
    if (A->getType()->isPointerType() || A->isGLValue() ||
        A->getType()->isRecordType())
      addAll(T, read(locOf(A, S), S, A->getType()));
    int Pos = static_cast<int>(I);
    if (OperatorMember)
      Pos = I == 0 ? model::ThisObject : Pos - 1;
    Args.push_back({Pos, std::move(T)});
  }
  if (TrackRanges) {
    // A callee may change what a pointer or reference argument designates.
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const Expr *A = Call->getArg(I);
      QualType T = A->getType();
      bool Writable =
          T->isPointerType() && !T->getPointeeType().isConstQualified();
      if (!Writable && Callee && A->isLValue() && I < Callee->getNumParams()) {
        QualType PT = Callee->getParamDecl(I)->getType();
        Writable = PT->isReferenceType() &&
                   !PT.getNonReferenceType().isConstQualified();
      }
      if (Writable)
        forgetRange(locOf(A, S), S);
    }
    // std::vector, std::array, std::string operator[]: unchecked indexes.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
          OperatorMember && !Args.back().second.empty()) {
        const CXXRecordDecl *RD = MD->getParent();
        if (RD->isInStdNamespace() &&
            llvm::is_contained({"vector", "array", "basic_string",
                                "basic_string_view", "deque", "span"},
                               RD->getName()))
          checkIndex(SinkHit::Index, Call, Op->getArg(0), Op->getArg(1),
                     Args.back().second, Call, S);
      }
  }
  if (!Callee) {
    // A function pointer held in a struct field: the link phase knows
    // which functions are stored in that field across the program.
    if (E.options().WholeProgram)
      if (const FieldDecl *Field = calledField(Call))
        return callElsewhere(Call, Field, Args, S);
    return {};
  }

  llvm::ArrayRef<const model::Rule *> Rules = M.rulesFor(Callee);
  if (!Rules.empty()) {
    TaintSet Result;
    bool AnyHandled = false;
    for (const model::Rule *R : Rules) {
      bool Handled = false;
      addAll(Result, applyRule(Call, Callee, *R, Args, S, Handled));
      AnyHandled |= Handled;
    }
    if (AnyHandled)
      return Result;
  }

  // Library code in system headers is described by the model's rules; its
  // bodies are not analysed (cost, and templates of no interest).
  const FunctionDecl *Def = Callee->getDefinition();
  bool AnyTaint =
      llvm::any_of(Args, [](const auto &A) { return !A.second.empty(); });
  if (Def && Def->hasBody() && !SM.isInSystemHeader(Def->getLocation()) &&
      (AnyTaint || E.exportsSource(Def))) {
    if (const TaintEngine::Summary *Sum = E.summaryFor(Def))
      return applySummary(Call, Def, *Sum, Args, S);
    return {};
  }
  if (Rules.empty())
    if (const LinkedFunction *L = E.linkedSummary(Callee))
      return applyLinked(Call, Callee, *L, Args, S);
  if (definedElsewhere(Callee) && Rules.empty()) {
    // A virtual call whose object's dynamic type is known calls the
    // override of that type.
    const Decl *Target = Callee;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (const CXXMethodDecl *Method = MC->getMethodDecl())
        if (const CXXMethodDecl *Exact = Method->getDevirtualizedMethod(
                MC->getImplicitObjectArgument(), /*IsAppleKext=*/false))
          Target = Exact;
    return callElsewhere(Call, Target, Args, S);
  }

  // `*it`, `it->x`, `c[i]` on classes without rules: the object's data.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_Star || K == OO_Arrow || K == OO_Subscript) &&
        Op->getNumArgs() > 0)
      return read(locOf(Op->getArg(0), S), S, QualType());
  }
  // A function we know nothing about: its result is not assumed tainted.
  return {};
}

LinkedProgram::~LinkedProgram() = default;

bool TaintEngine::bodyElsewhere(const FunctionDecl *Callee) const {
  if (!Callee || Callee->getBuiltinID() ||
      Ctx.getSourceManager().isInSystemHeader(Callee->getLocation()))
    return false;
  const FunctionDecl *Def = Callee->getDefinition();
  return !Def || !Def->hasBody();
}

const LinkedFunction *
TaintEngine::linkedSummary(const FunctionDecl *Callee) const {
  const LinkedProgram *Program = Opts.Linked.get();
  if (!Program || !bodyElsewhere(Callee))
    return nullptr;
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(Callee, Usr))
    return nullptr;
  return Program->find(Usr);
}

TaintSet FunctionAnalysis::applyLinked(
    const CallExpr *Call, const FunctionDecl *Callee, const LinkedFunction &L,
    llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S) {
  std::string Fn = nameOf(Callee);
  SourceLocation At = Call->getExprLoc();
  for (const LinkedFunction::ParamSink &PS : L.Sinks) {
    const Expr *A = ruleArg(Call, PS.Param);
    if (!A)
      continue;
    for (const auto &[P, T] : Args) {
      if (P != PS.Param || T.empty())
        continue;
      TaintSet Passed = extend(
          T, At,
          "passed to '" + Fn +
              "' (defined in another file), which passes it to " + PS.Where);
      if (SinkHit::isRange(PS.Kind)) {
        // The caller's check of its argument holds in the callee.
        if (TrackRanges && isInt(A->getType())) {
          IntRange R = rangeOf(A, S);
          if (R.hasUpper() && R.Lo && *R.Lo >= 0)
            continue;
        }
        for (const Step *St : Passed) {
          SinkHit Hit{PS.Kind, Call, Callee, A, St};
          Hit.Indexing.Use = A;
          Hit.Indexing.Problem = IndexProblem::NoUpperBound;
          Hit.Indexing.InCallee = true;
          if (St->Root->K == Origin::Source)
            E.report(Hit);
        }
        continue;
      }
      sinkHit(PS.Kind, Call, Callee, A, Passed);
    }
  }
  TaintSet Result;
  for (int P : L.ToReturn)
    for (const auto &[Pos, T] : Args)
      if (Pos == P)
        addAll(Result,
               extend(T, At,
                      "returned by '" + Fn + "' (defined in another file)"));
  if (!L.ReturnsSource.empty()) {
    const Origin *O = E.makeOrigin(
        {Origin::Source, 0, model::SourceKind::Other, Fn, true, At});
    addAll(Result, {E.makeStep(nullptr, O, At,
                               "'" + Fn + "' returns untrusted data " +
                                   L.ReturnsSource)});
  }
  return Result;
}

bool FunctionAnalysis::definedElsewhere(const FunctionDecl *Callee) const {
  if (!E.options().WholeProgram || !Callee)
    return false;
  if (E.bodyElsewhere(Callee))
    return true;
  // A virtual method: another unit's override may be called.
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  return MD && MD->isVirtual() && !Callee->getBuiltinID() &&
         !SM.isInSystemHeader(Callee->getLocation());
}

TaintSet
FunctionAnalysis::callElsewhere(const CallExpr *Call, const Decl *Target,
                                llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                                State &S) {
  int Index = E.externalCall(Call, Target, FD);
  const auto *Named = cast<NamedDecl>(Target);
  std::string Fn = declName(Named);
  const auto *Callee = dyn_cast<FunctionDecl>(Target);
  // What is passed: the link phase follows it into the callee.
  for (const auto &[P, T] : Args) {
    if (T.empty())
      continue;
    const Expr *A = ruleArg(Call, P);
    if (!A)
      continue;
    for (const Step *St : T) {
      SinkHit Hit{SinkHit::ExternalArg, Call, Callee, A, St};
      if (TrackRanges && isInt(A->getType()))
        Hit.Indexing.Range = rangeOf(A, S);
      if (St->Root->K == Origin::Source)
        E.report(Hit);
      else if (llvm::none_of(Out.Sinks, [&](const auto &F) {
                 return F.Hit.Call == Call && F.Hit.Arg == A &&
                        F.Hit.Path->Root == St->Root;
               }))
        keepSink(Hit);
    }
  }
  // What the callee may leave in the objects passed to it (a call through a
  // function pointer: only what it returns, or every object passed to a
  // method table would hold data of unknown origin).
  SourceLocation At = Call->getExprLoc();
  auto Fill = [&](const Expr *A, int Pos) {
    if (!Callee)
      return;
    QualType T = A->getType();
    bool Writable =
        (T->isPointerType() && !T->getPointeeType().isConstQualified() &&
         !T->getPointeeType()->isFunctionType()) ||
        (Pos == model::ThisObject) ||
        (Callee && Pos >= 0 &&
         static_cast<unsigned>(Pos) < Callee->getNumParams() &&
         Callee->getParamDecl(static_cast<unsigned>(Pos))
             ->getType()
             ->isReferenceType() &&
         !Callee->getParamDecl(static_cast<unsigned>(Pos))
              ->getType()
              .getNonReferenceType()
              .isConstQualified());
    if (!Writable)
      return;
    Location L = locOf(A, S);
    if (!L.valid())
      return;
    Origin O{Origin::CallOut, Index, model::SourceKind::Other, Fn, true, At};
    O.Arg = Pos;
    const Origin *Root = E.makeOrigin(O);
    std::string Into = objectName(A);
    const Step *St = E.makeStep(
        nullptr, Root, At,
        Into.empty() ? "'" + Fn + "' may store data in its argument"
                     : "'" + Fn + "' may store data in '" + Into + "'");
    write(L, {St}, S, /*Strong=*/false);
  };
  for (const auto &[P, T] : Args) {
    const Expr *A = ruleArg(Call, P);
    if (A)
      Fill(A, P);
  }
  if (Call->getType()->isVoidType())
    return {};
  const Origin *Root = E.makeOrigin(
      {Origin::CallResult, Index, model::SourceKind::Other, Fn, true, At});
  return {E.makeStep(nullptr, Root, At, "returned by '" + Fn + "'")};
}

// ---------------------------------------------------------------------------
// Integer ranges, for the range checks: what comparisons on branches, clamps,
// masks and remainders prove about a value on every path to a use.
// ---------------------------------------------------------------------------

namespace {

/// What \p Ex is a field or pointee of, past `.f`, `->f` and `*p`: `x` for
/// `x.a.b`, `p` for `p->n`; null past a member that is no field.
const Expr *innermostObject(const Expr *Ex) {
  while (true) {
    Ex = Ex->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return nullptr;
      Ex = ME->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Ex))
      if (UO->getOpcode() == UO_Deref) {
        Ex = UO->getSubExpr();
        continue;
      }
    return Ex;
  }
}

/// Whether \p Ex designates one integer object exactly: a variable, a field,
/// a dereferenced pointer; not an array element (arrays are one cell).
bool preciseLocation(const Expr *Ex) {
  return isa_and_nonnull<DeclRefExpr, CXXThisExpr>(innermostObject(Ex));
}

/// The variable an integer value is read from: `n`, `hdr.count` (hdr),
/// `p->count` (p); null for anything else.
const ValueDecl *rootVariable(const Expr *Ex) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(innermostObject(Ex));
  return DRE && isa<VarDecl>(DRE->getDecl()) ? DRE->getDecl() : nullptr;
}

/// Every variable \p Ex reads.
void variablesOf(const Stmt *S, llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (isa<VarDecl>(DRE->getDecl()))
      Out.push_back(DRE->getDecl());
  for (const Stmt *Child : S->children())
    variablesOf(Child, Out);
}

/// Whether \p S writes \p VD or one of its fields, outside \p Skip:
/// assigned, incremented, or its address taken.
bool writesVariable(const Stmt *S, const ValueDecl *VD,
                    const Stmt *Skip = nullptr) {
  if (!S || S == Skip)
    return false;
  auto Is = [&](const Expr *Ex) { return rootVariable(Ex) == VD; };
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isAssignmentOp() && Is(BO->getLHS()))
      return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        Is(UO->getSubExpr()))
      return true;
  for (const Stmt *Child : S->children())
    if (writesVariable(Child, VD, Skip))
      return true;
  return false;
}

/// The object whose size `x.size()`, `x.length()` or `std::size(x)` is.
const Expr *sizeObject(const Expr *Ex) {
  Ex = strip(Ex);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Ex))
    if (const CXXMethodDecl *MD = MC->getMethodDecl())
      if (MD->getIdentifier() &&
          (MD->getName() == "size" || MD->getName() == "length"))
        return MC->getImplicitObjectArgument();
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Ex))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (F->isInStdNamespace() && F->getIdentifier() &&
          F->getName() == "size" && Call->getNumArgs() == 1)
        return Call->getArg(0);
  return nullptr;
}

/// The smaller of two values (std::min, MIN): below either upper bound.
IntRange minOf(const IntRange &A, const IntRange &B) {
  IntRange M = IntRange::meet(A, B);
  M.Lo.reset();
  if (A.Lo && B.Lo)
    M.Lo = std::min(*A.Lo, *B.Lo);
  return M;
}

/// The larger of two values (std::max, MAX): above either lower bound.
IntRange maxOf(const IntRange &A, const IntRange &B) {
  IntRange M = IntRange::hull(A, B);
  if (A.Lo || B.Lo)
    M.Lo = std::max(A.Lo.value_or(INT64_MIN), B.Lo.value_or(INT64_MIN));
  return M;
}

bool sameExpr(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA;
  llvm::FoldingSetNodeID IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, true);
  return IA == IB;
}

} // namespace

IntRange FunctionAnalysis::typeRange(QualType T) const {
  IntRange R;
  T = T.getCanonicalType().getNonReferenceType();
  if (!isInt(T))
    return R;
  unsigned W = Ctx.getIntWidth(T);
  bool Unsigned = T->isUnsignedIntegerOrEnumerationType();
  if (Unsigned)
    R.Lo = 0;
  // Only narrow types bound a value usefully (bytes, shorts).
  if (W <= 16) {
    if (Unsigned) {
      R.Hi = (std::int64_t(1) << W) - 1;
    } else {
      R.Lo = -(std::int64_t(1) << (W - 1));
      R.Hi = (std::int64_t(1) << (W - 1)) - 1;
    }
    R.HiFromType = true;
  }
  return R;
}

static bool fitsIn(std::int64_t V, QualType T, ASTContext &Ctx) {
  unsigned W = Ctx.getIntWidth(T);
  if (T->isUnsignedIntegerOrEnumerationType())
    return V >= 0 && (W >= 63 || V < (std::int64_t(1) << W));
  if (W >= 64)
    return true;
  return V >= -(std::int64_t(1) << (W - 1)) && V < (std::int64_t(1) << (W - 1));
}

const Expr *FunctionAnalysis::rangeSubject(const Expr *Ex) const {
  while (true) {
    Ex = Ex->IgnoreParens();
    // `(c = getchar()) != EOF` compares c.
    if (const auto *BO = dyn_cast<BinaryOperator>(Ex))
      if (BO->getOpcode() == BO_Assign) {
        Ex = BO->getLHS();
        continue;
      }
    const auto *C = dyn_cast<CastExpr>(Ex);
    if (!C)
      break;
    const Expr *Sub = C->getSubExpr();
    if (C->getCastKind() == CK_LValueToRValue || C->getCastKind() == CK_NoOp) {
      Ex = Sub;
      continue;
    }
    QualType To = C->getType();
    QualType From = Sub->getType();
    if (!isInt(To) || !isInt(From))
      return nullptr;
    // A check on a narrower or reinterpreted copy says nothing of the value.
    unsigned WT = Ctx.getIntWidth(To);
    unsigned WF = Ctx.getIntWidth(From);
    if (WT < WF || (WT == WF && From->isUnsignedIntegerOrEnumerationType() &&
                    To->isSignedIntegerOrEnumerationType()))
      return nullptr;
    Ex = Sub;
  }
  if (!isInt(Ex->getType()) || !preciseLocation(Ex))
    return nullptr;
  return Ex;
}

void FunctionAnalysis::forgetRange(Location L, State &S) {
  eraseWithin(S.Ranges, L, FieldBases.contains(L.Base));
}

void FunctionAnalysis::setRange(const Expr *LHS, const Expr *RHS, bool Trusted,
                                bool FromParameter, State &S) {
  const Expr *Sub = strip(LHS);
  if (!isInt(Sub->getType()) || !preciseLocation(Sub))
    return;
  IntRange R = IntRange::meet(rangeOf(RHS, S), typeRange(Sub->getType()));
  // A trusted value of unknown size bounds the variable as a comparison
  // with it would: `n = limit` on one branch, the checked input on the
  // other.
  if (Trusted && !R.hasUpper()) {
    R.Symbolic = true;
    R.FromParameter = FromParameter;
  }
  if (R.Lo || R.hasUpper())
    S.Ranges[locOf(Sub, S)] = R;
}

IntRange FunctionAnalysis::binaryRange(BinaryOperatorKind Op, const Expr *L,
                                       const Expr *R, State &S) {
  QualType T = L->getType();
  IntRange A = rangeOf(L, S);
  IntRange B = rangeOf(R, S);
  bool Unsigned = T->isUnsignedIntegerOrEnumerationType();
  IntRange Result = typeRange(T);
  switch (Op) {
  case BO_Rem:
    // `n % N`: below N; negative for a negative n.
    if (B.Lo && *B.Lo > 0 && B.hasUpper()) {
      bool NonNegative = Unsigned || (A.Lo && *A.Lo >= 0);
      IntRange M;
      if (B.Hi)
        M.Hi = *B.Hi - 1;
      else
        M.Symbolic = true;
      M.Lo = NonNegative ? 0 : (B.Hi ? -(*B.Hi - 1) : INT64_MIN);
      if (!NonNegative && !B.Hi)
        M.Lo.reset();
      return M;
    }
    return Result;
  case BO_And: {
    // `n & M` with M >= 0: between 0 and M.
    IntRange M = Result;
    for (const IntRange *X : {&A, &B})
      if (X->Lo && *X->Lo >= 0 && X->Hi && !X->HiFromType) {
        M.Lo = 0;
        M.Hi = M.Hi && !M.HiFromType ? std::min(*M.Hi, *X->Hi) : *X->Hi;
        M.HiFromType = false;
      }
    return M;
  }
  case BO_Shr:
    if ((Unsigned || (A.Lo && *A.Lo >= 0)) && B.Lo && B.Hi && *B.Lo == *B.Hi &&
        *B.Lo >= 0 && *B.Lo < 63) {
      IntRange M;
      M.Lo = 0;
      unsigned W = Ctx.getIntWidth(T);
      if (A.Hi)
        M.Hi = *A.Hi >> *B.Lo;
      else if (W < 64)
        M.Hi =
            static_cast<std::int64_t>(((std::uint64_t(1) << W) - 1) >> *B.Lo);
      return M;
    }
    return Result;
  case BO_Add:
  case BO_Sub: {
    std::optional<IntRange> M = sumRange(Op, A, B, T);
    if (!M)
      return Result;
    if (!M->Lo || !M->Hi)
      return Unsigned ? Result : *M;
    return *M;
  }
  case BO_Mul: {
    // Non-negative factors with upper bounds: their product, unless it
    // leaves the type (the multiplication overflows).
    std::int64_t V;
    if (A.Lo && B.Lo && *A.Lo >= 0 && *B.Lo >= 0 && A.Hi && B.Hi &&
        !__builtin_mul_overflow(*A.Hi, *B.Hi, &V) && fitsIn(V, T, Ctx)) {
      IntRange M;
      M.Lo = *A.Lo * *B.Lo;
      M.Hi = V;
      M.HiFromType = A.HiFromType || B.HiFromType;
      return M;
    }
    return Result;
  }
  case BO_Div:
    if (A.Lo && *A.Lo >= 0 && A.Hi && B.Lo && *B.Lo > 0) {
      IntRange M;
      M.Lo = 0;
      M.Hi = *A.Hi / *B.Lo;
      return M;
    }
    return Result;
  default:
    return Result;
  }
}

std::optional<IntRange> FunctionAnalysis::sumRange(BinaryOperatorKind Op,
                                                   const IntRange &A,
                                                   const IntRange &B,
                                                   QualType T) const {
  IntRange M;
  std::int64_t V;
  // The ends of B that move A's lower and upper ends.
  std::optional<std::int64_t> BLow = Op == BO_Add ? B.Lo : B.Hi;
  std::optional<std::int64_t> BHigh = Op == BO_Add ? B.Hi : B.Lo;
  auto Combine = [&](std::int64_t X, std::int64_t Y) {
    return Op == BO_Add ? __builtin_add_overflow(X, Y, &V)
                        : __builtin_sub_overflow(X, Y, &V);
  };
  if (A.Lo && BLow && !Combine(*A.Lo, *BLow))
    M.Lo = V;
  // A byte plus one is at most 256: the bound still comes from a type.
  if (A.Hi && BHigh && !Combine(*A.Hi, *BHigh)) {
    M.Hi = V;
    M.HiFromType = A.HiFromType || (Op == BO_Add && B.HiFromType);
  }
  // Unsigned arithmetic wraps: a range that may leave the type is lost.
  if ((M.Lo && !fitsIn(*M.Lo, T, Ctx)) || (M.Hi && !fitsIn(*M.Hi, T, Ctx)))
    return std::nullopt;
  return M;
}

std::optional<IntRange> FunctionAnalysis::stepped(const IntRange &R,
                                                  std::int64_t Delta,
                                                  QualType T) const {
  IntRange By;
  By.Lo = Delta;
  By.Hi = Delta;
  std::optional<IntRange> M = sumRange(BO_Add, R, By, T);
  if (!M)
    return std::nullopt;
  // `n < size` holds for n - 1, not for n + 1.
  if (!R.Hi && R.Symbolic && Delta < 0) {
    M->Symbolic = true;
    M->SizeOf = R.SizeOf;
    M->FromParameter = R.FromParameter;
  }
  if (T->isUnsignedIntegerOrEnumerationType() && (!M->Lo || !M->hasUpper()))
    return std::nullopt;
  if (!M->Lo && !M->hasUpper())
    return std::nullopt;
  return M;
}

/// False when \p Ex cannot be an integer constant: it reads a variable
/// that is not constant, calls a function that is not constexpr, or
/// assigns. A quick look before asking Clang to evaluate it (which costs
/// about a thousand instructions even when it fails).
static bool mayBeConstant(const Expr *Ex) {
  Ex = Ex->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return VD->isConstexpr() || VD->getType().isConstQualified();
    return !isa<FunctionDecl>(DRE->getDecl());
  }
  if (const auto *C = dyn_cast<CastExpr>(Ex))
    return mayBeConstant(C->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(Ex))
    return !UO->isIncrementDecrementOp() && mayBeConstant(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex))
    return !BO->isAssignmentOp() && mayBeConstant(BO->getLHS()) &&
           mayBeConstant(BO->getRHS());
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex))
    return mayBeConstant(CO->getCond()) && mayBeConstant(CO->getTrueExpr()) &&
           mayBeConstant(CO->getFalseExpr());
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (!F)
      return false;
    if (F->isConstexpr())
      return true;
    // A builtin (strlen of a literal) folds only on constant arguments.
    return F->getBuiltinID() != 0 &&
           llvm::all_of(Call->arguments(),
                        [](const Expr *A) { return mayBeConstant(A); });
  }
  return true;
}

std::optional<std::int64_t> FunctionAnalysis::constantOf(const Expr *Ex) {
  auto [It, New] = Constants.try_emplace(Ex);
  if (New && mayBeConstant(Ex)) {
    Expr::EvalResult Res;
    if (!Ex->isValueDependent() && Ex->EvaluateAsInt(Res, Ctx) &&
        Res.Val.getInt().isRepresentableByInt64())
      It->second = Res.Val.getInt().getExtValue();
  }
  return It->second;
}

IntRange FunctionAnalysis::rangeOf(const Expr *Ex, State &S) {
  if (!Ex)
    return {};
  Ex = Ex->IgnoreParens();
  if (const auto *M2 = dyn_cast<MaterializeTemporaryExpr>(Ex))
    return rangeOf(M2->getSubExpr(), S);
  if (const auto *W = dyn_cast<ExprWithCleanups>(Ex))
    return rangeOf(W->getSubExpr(), S);
  QualType T = Ex->getType();
  if (!isInt(T))
    return {};
  IntRange R;
  if (std::optional<std::int64_t> V = constantOf(Ex)) {
    R.Lo = V;
    R.Hi = V;
    return R;
  }
  if (const auto *C = dyn_cast<CastExpr>(Ex)) {
    const Expr *Sub = C->getSubExpr();
    if (C->getCastKind() == CK_LValueToRValue || C->getCastKind() == CK_NoOp)
      return rangeOf(Sub, S);
    QualType From = Sub->getType();
    if (!isInt(From))
      return typeRange(T);
    IntRange In = rangeOf(Sub, S);
    unsigned WT = Ctx.getIntWidth(T);
    unsigned WF = Ctx.getIntWidth(From);
    bool FromUnsigned = From->isUnsignedIntegerOrEnumerationType();
    bool ToUnsigned = T->isUnsignedIntegerOrEnumerationType();
    bool Preserves = (WT > WF && (FromUnsigned || !ToUnsigned)) ||
                     (WT == WF && FromUnsigned == ToUnsigned);
    if (Preserves ||
        (In.Lo && In.Hi && fitsIn(*In.Lo, T, Ctx) && fitsIn(*In.Hi, T, Ctx)))
      return In;
    // A signed value made unsigned: fine once it is known not negative.
    if (!FromUnsigned && ToUnsigned && WT >= WF && In.Lo && *In.Lo >= 0)
      return In;
    return typeRange(T);
  }
  if (preciseLocation(Ex)) {
    auto It = S.Ranges.find(locOf(Ex, S));
    IntRange Known = It != S.Ranges.end() ? It->second : IntRange();
    return IntRange::meet(Known, typeRange(T));
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex)) {
    if (BO->getOpcode() == BO_Comma)
      return rangeOf(BO->getRHS(), S);
    if (BO->getOpcode() == BO_Assign)
      return rangeOf(BO->getRHS(), S);
    return binaryRange(BO->getOpcode(), BO->getLHS(), BO->getRHS(), S);
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex)) {
    // MIN/MAX macros: `a < b ? a : b` is the smaller of a and b.
    if (const auto *Cmp = dyn_cast<BinaryOperator>(strip(CO->getCond())))
      if (Cmp->isRelationalOp()) {
        const Expr *T1 = CO->getTrueExpr();
        const Expr *F1 = CO->getFalseExpr();
        bool Direct = sameExpr(Cmp->getLHS(), T1, Ctx) &&
                      sameExpr(Cmp->getRHS(), F1, Ctx);
        bool Swapped = sameExpr(Cmp->getLHS(), F1, Ctx) &&
                       sameExpr(Cmp->getRHS(), T1, Ctx);
        if (Direct || Swapped) {
          bool Less = Cmp->getOpcode() == BO_LT || Cmp->getOpcode() == BO_LE;
          IntRange A = rangeOf(T1, S);
          IntRange B = rangeOf(F1, S);
          return Less == Direct ? minOf(A, B) : maxOf(A, B);
        }
      }
    // A clamp `n < 10 ? n : 9`: each side under its condition.
    State Then;
    Then.Reachable = true;
    Then.Alias = S.Alias;
    Then.Ranges = S.Ranges;
    State Else = Then;
    refineRanges(CO->getCond(), true, Then);
    refineRanges(CO->getCond(), false, Else);
    return IntRange::hull(rangeOf(CO->getTrueExpr(), Then),
                          rangeOf(CO->getFalseExpr(), Else));
  }
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *F = Call->getDirectCallee();
    for (const model::Rule *Rule : M.rulesFor(F))
      if (Rule->ResultRange) {
        // What the function can return is no check: Hi counts as the
        // type's.
        IntRange Model;
        Model.Lo = Rule->ResultRange->first;
        Model.Hi = Rule->ResultRange->second;
        Model.HiFromType = true;
        return Model;
      }
    if (F && F->isInStdNamespace() && F->getIdentifier()) {
      llvm::StringRef Name = F->getName();
      unsigned N = Call->getNumArgs();
      if ((Name == "min" || Name == "max") && N == 2) {
        IntRange A = rangeOf(Call->getArg(0), S);
        IntRange B = rangeOf(Call->getArg(1), S);
        return Name == "min" ? minOf(A, B) : maxOf(A, B);
      }
      if (Name == "clamp" && N >= 3) {
        IntRange Lo = rangeOf(Call->getArg(1), S);
        IntRange Hi = rangeOf(Call->getArg(2), S);
        IntRange M;
        M.Lo = Lo.Lo;
        M.Hi = Hi.Hi;
        M.HiFromType = Hi.HiFromType;
        M.Symbolic = !Hi.Hi;
        return M;
      }
    }
  }
  return typeRange(T);
}

void FunctionAnalysis::refineRanges(const Expr *Cond, bool Truth, State &S) {
  Cond = strip(Cond);
  if (!Cond)
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() == UO_LNot)
      refineRanges(UO->getSubExpr(), !Truth, S);
    return;
  }
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return;
  if ((BO->getOpcode() == BO_LAnd && Truth) ||
      (BO->getOpcode() == BO_LOr && !Truth)) {
    refineRanges(BO->getLHS(), Truth, S);
    refineRanges(BO->getRHS(), Truth, S);
    return;
  }
  if (BO->isComparisonOp())
    refineRange(BO, Truth, S);
}

void FunctionAnalysis::refineRange(const BinaryOperator *BO, bool Truth,
                                   State &S) {
  QualType CT = BO->getLHS()->getType();
  if (!isInt(CT))
    return;
  BinaryOperatorKind Op = BO->getOpcode();
  if (!Truth)
    Op = BinaryOperator::negateComparisonOp(Op);
  bool Unsigned = CT->isUnsignedIntegerOrEnumerationType();
  constrain(BO->getLHS(), Op, BO->getRHS(), Unsigned, S);
  constrain(BO->getRHS(), BinaryOperator::reverseComparisonOp(Op), BO->getLHS(),
            Unsigned, S);
}

void FunctionAnalysis::constrain(const Expr *Subject, BinaryOperatorKind Op,
                                 const Expr *Other, bool UnsignedCompare,
                                 State &S, std::int64_t Shift) {
  // `n + 4 <= len`: n <= len - 4.
  if (const auto *BO = dyn_cast<BinaryOperator>(Subject->IgnoreParenImpCasts());
      BO && BO->isAdditiveOp() && isInt(BO->getType())) {
    Expr::EvalResult K;
    std::int64_t Sum;
    if (!BO->getRHS()->isValueDependent() &&
        BO->getRHS()->EvaluateAsInt(K, Ctx) &&
        K.Val.getInt().isRepresentableByInt64()) {
      std::int64_t V = K.Val.getInt().getExtValue();
      if (BO->getOpcode() == BO_Sub && V == INT64_MIN)
        return;
      if (__builtin_add_overflow(Shift, BO->getOpcode() == BO_Add ? V : -V,
                                 &Sum))
        return;
      constrain(BO->getLHS(), Op, Other, UnsignedCompare, S, Sum);
      return;
    }
    if (BO->getOpcode() == BO_Add && !BO->getLHS()->isValueDependent() &&
        BO->getLHS()->EvaluateAsInt(K, Ctx) &&
        K.Val.getInt().isRepresentableByInt64()) {
      if (__builtin_add_overflow(Shift, K.Val.getInt().getExtValue(), &Sum))
        return;
      constrain(BO->getRHS(), Op, Other, UnsignedCompare, S, Sum);
      return;
    }
  }
  const Expr *Sub = rangeSubject(Subject);
  if (!Sub)
    return;
  Location L = locOf(Sub, S);
  if (!L.valid())
    return;
  IntRange O = rangeOf(Other, S);
  // A bound that is itself untrusted and unchecked bounds nothing.
  bool OtherTainted = false;
  if (!O.hasUpper()) {
    const Expr *OS = strip(Other);
    if (preciseLocation(OS))
      OtherTainted =
          llvm::any_of(read(locOf(OS, S), S, QualType()), [](const Step *St) {
            return St->Root->K == Origin::Source;
          });
  }
  // Subject + Shift op Other: Subject op Other - Shift.
  if (Shift != 0) {
    if ((O.Lo && __builtin_sub_overflow(*O.Lo, Shift, &*O.Lo)) ||
        (O.Hi && __builtin_sub_overflow(*O.Hi, Shift, &*O.Hi)))
      return;
  }
  IntRange C;
  auto UpperFrom = [&](std::int64_t Adjust) {
    if (O.Hi && !O.HiFromType) {
      if (*O.Hi > INT64_MIN)
        C.Hi = *O.Hi + Adjust;
    } else if (!OtherTainted) {
      C.Symbolic = true;
      if (const Expr *Obj = sizeObject(Other))
        C.SizeOf = locOf(Obj, S).Base;
    }
  };
  switch (Op) {
  case BO_LT:
    UpperFrom(-1);
    break;
  case BO_LE:
    UpperFrom(0);
    break;
  case BO_GT:
    if (O.Lo && *O.Lo < INT64_MAX)
      C.Lo = *O.Lo + 1;
    break;
  case BO_GE:
    C.Lo = O.Lo;
    break;
  case BO_EQ:
    C.Lo = O.Lo;
    if (O.Hi && !O.HiFromType)
      C.Hi = O.Hi;
    break;
  case BO_NE: {
    // `c != EOF` with c known to be -1 to 255: c is 0 to 255.
    auto It = S.Ranges.find(L);
    if (It == S.Ranges.end() || !O.Lo || !O.Hi || *O.Lo != *O.Hi)
      return;
    IntRange Cur = It->second;
    if (Cur.Lo && *Cur.Lo == *O.Lo)
      C.Lo = *O.Lo + 1;
    else if (Cur.Hi && *Cur.Hi == *O.Lo && !Cur.HiFromType)
      C.Hi = *O.Lo - 1;
    break;
  }
  default:
    return;
  }
  if (UnsignedCompare && Sub->getType()->isSignedIntegerOrEnumerationType()) {
    // Compared as unsigned, a negative value is huge: an upper bound also
    // proves it is not negative, and a lower bound proves nothing.
    if (Op == BO_GT || Op == BO_GE)
      C.Lo.reset();
    if (C.hasUpper())
      C.Lo = 0;
  }
  if (!C.Lo && !C.hasUpper())
    return;
  auto It = S.Ranges.find(L);
  S.Ranges[L] = It != S.Ranges.end() ? IntRange::meet(It->second, C) : C;
}

bool FunctionAnalysis::isUnmodifiedParam(const Expr *Ex) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Ex->IgnoreParenImpCasts());
  const auto *PD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!PD || PD->getDeclContext() != FD)
    return false;
  auto [It, New] = ParamModified.try_emplace(PD, false);
  if (New)
    It->second = writesVariable(FD->getBody(), PD);
  return !It->second;
}

IndexProblem FunctionAnalysis::judge(IndexUse &U, SinkHit::Kind K) const {
  const IntRange &R = U.Range;
  // An offset or a length may reach one past the last element.
  bool Offset = K != SinkHit::Index;
  std::optional<std::int64_t> Limit;
  if (U.Extent && *U.Extent < static_cast<std::uint64_t>(INT64_MAX))
    Limit = static_cast<std::int64_t>(*U.Extent) + (Offset ? 1 : 0);
  // A byte or a short bounds an allocation or a loop well enough; it does
  // not keep an index inside a smaller array.
  bool TypeBoundCounts =
      (K == SinkHit::Size || K == SinkHit::LoopBound) && !Limit;
  if (!R.hasUpper() ||
      (R.Hi && R.HiFromType && !TypeBoundCounts && (!Limit || *R.Hi >= *Limit)))
    return U.Problem = IndexProblem::NoUpperBound;
  // A loop runs no more often for a negative limit.
  if (K == SinkHit::LoopBound)
    return U.Problem = IndexProblem::None;
  if (R.Hi && Limit && *R.Hi >= *Limit)
    return U.Problem = IndexProblem::ExceedsExtent;
  if (!R.Hi && R.SizeOf && U.BaseObject && R.SizeOf != U.BaseObject)
    return U.Problem = IndexProblem::OtherContainer;
  if (!R.Lo || *R.Lo < 0)
    return U.Problem = IndexProblem::NoLowerBound;
  return U.Problem = IndexProblem::None;
}

const Expr *FunctionAnalysis::valueAsWritten(const Expr *Ex) const {
  // A signed value converted to size_t for operator[] or malloc is judged
  // as signed, so a missing lower bound is said so.
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(Ex->IgnoreParens())) {
    const Expr *Sub = IC->getSubExpr();
    if (!isInt(IC->getType()) || !isInt(Sub->getType()) ||
        Ctx.getIntWidth(IC->getType()) < Ctx.getIntWidth(Sub->getType()))
      break;
    Ex = Sub;
  }
  return Ex;
}

namespace {

/// The variables that the sizes of the allocations \p S assigns to the
/// pointer \p Ptr read: `p = malloc(n + 1)`, `char *p = new char[n]`
/// give n.
void allocationLengths(const Stmt *S, const ValueDecl *Ptr,
                       const model::Model &M,
                       llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  if (!S)
    return;
  auto SizedBy = [&](const Expr *Init) {
    if (!Init)
      return;
    Init = Init->IgnoreParenCasts();
    if (const auto *New = dyn_cast<CXXNewExpr>(Init)) {
      if (std::optional<const Expr *> N = New->getArraySize())
        variablesOf(*N, Out);
    } else if (const auto *Call = dyn_cast<CallExpr>(Init)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (F && llvm::any_of(M.rulesFor(F), [](const model::Rule *R) {
            return R->Kind == model::RuleKind::Sink &&
                   R->Sink == model::SinkKind::Size &&
                   R->Buffer == model::NoArg;
          }))
        variablesOf(Call, Out);
    }
  };
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD == Ptr)
        SizedBy(VD->getInit());
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_Assign && rootVariable(BO->getLHS()) == Ptr &&
        isa<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      SizedBy(BO->getRHS());
  for (const Stmt *Child : S->children())
    allocationLengths(Child, Ptr, M, Out);
}

} // namespace

void FunctionAnalysis::checkSize(const Expr *Use, const Expr *Size,
                                 const Expr *Buffer, const TaintSet &T,
                                 const CallExpr *Call, State &S) {
  if (SM.isInSystemMacro(Size->getExprLoc()))
    return;
  // `p = malloc(n + 1); read(fd, p, n)`: the buffer was made that big; the
  // allocation is the use to check.
  if (Buffer)
    if (const auto *Ptr = dyn_cast<DeclRefExpr>(Buffer->IgnoreParenImpCasts());
        Ptr && Ptr->getType()->isPointerType()) {
      auto [Known, New] = AllocatedWith.try_emplace({Size, Ptr->getDecl()});
      if (New) {
        // One walk of the body per pointer, however many sizes use it: a
        // walk per size was quadratic in large functions (SQLite's printf).
        auto [Allocated, First] = AllocationLengths.try_emplace(Ptr->getDecl());
        if (First)
          allocationLengths(FD->getBody(), Ptr->getDecl(), M,
                            Allocated->second);
        llvm::SmallVector<const ValueDecl *, 4> Lengths;
        variablesOf(Size, Lengths);
        Known->second = llvm::any_of(Lengths, [&](const ValueDecl *VD) {
          return llvm::is_contained(Allocated->second, VD);
        });
      }
      if (Known->second)
        return;
    }
  IndexUse U;
  U.Use = Use;
  U.Range = rangeOf(valueAsWritten(Size), S);
  if (Buffer) {
    // A length bounded by a buffer of known size: no more bytes than it has.
    U.Base = Buffer;
    const Expr *B = Buffer->IgnoreParenImpCasts();
    U.BaseObject = locOf(B, S).Base;
    if (const auto *UO = dyn_cast<UnaryOperator>(B))
      if (UO->getOpcode() == UO_AddrOf)
        B = UO->getSubExpr()->IgnoreParenImpCasts();
    QualType BT = B->getType();
    if (!BT->isIncompleteType() && !BT->isDependentType() &&
        (BT->isConstantArrayType() ||
         (BT->isRecordType() &&
          isa<UnaryOperator>(Buffer->IgnoreParenImpCasts()))))
      U.Extent = Ctx.getTypeSizeInChars(BT).getQuantity();
    // fread(buf, size, count, f): count elements of size bytes.
    if (U.Extent && Call && Call->getNumArgs() == 4 && Size == Call->getArg(2))
      if (const FunctionDecl *F = Call->getDirectCallee();
          F && F->getIdentifier() && F->getName() == "fread") {
        Expr::EvalResult Elem;
        if (Call->getArg(1)->EvaluateAsInt(Elem, Ctx) &&
            Elem.Val.getInt().getExtValue() > 0)
          *U.Extent /= Elem.Val.getInt().getExtValue();
        else
          U.Extent.reset();
      }
  }
  U.ParamExact = isUnmodifiedParam(Size);
  judge(U, SinkHit::Size);
  for (const Step *St : T) {
    SinkHit Hit{SinkHit::Size, Call, Call ? Call->getDirectCallee() : nullptr,
                Size,          St,   U};
    noteIndexHit(Hit);
  }
}

namespace {

/// Whether \p Ex reads only variables, fields and constants, with
/// arithmetic: a value the loop can be judged on without running anything.
bool isPlainValue(const Expr *Ex) {
  Ex = Ex->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, CharacterLiteral, UnaryExprOrTypeTraitExpr>(Ex))
    return true;
  if (rootVariable(Ex))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex))
    return BO->isAdditiveOp() || BO->isMultiplicativeOp() || BO->isShiftOp()
               ? isPlainValue(BO->getLHS()) && isPlainValue(BO->getRHS())
               : false;
  return false;
}

/// Whether \p S counts \p VD down: `n--`, `--n`, `n -= k`.
bool countsDown(const Stmt *S, const ValueDecl *VD) {
  if (!S)
    return false;
  auto Is = [&](const Expr *Ex) { return rootVariable(Ex) == VD; };
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isDecrementOp() && Is(UO->getSubExpr()))
      return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_SubAssign && Is(BO->getLHS()))
      return true;
  for (const Stmt *Child : S->children())
    if (countsDown(Child, VD))
      return true;
  return false;
}

/// Whether the condition \p Cond compares one of \p Counters (`i >= MAX`,
/// `i == limit`, within `&&`, `||` and `!`), not merely reads it.
bool comparesCounter(const Expr *Cond,
                     llvm::ArrayRef<const ValueDecl *> Counters) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    return UO->getOpcode() == UO_LNot &&
           comparesCounter(UO->getSubExpr(), Counters);
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return false;
  if (BO->isLogicalOp())
    return comparesCounter(BO->getLHS(), Counters) ||
           comparesCounter(BO->getRHS(), Counters);
  if (!BO->isComparisonOp())
    return false;
  for (const Expr *Side : {BO->getLHS(), BO->getRHS()}) {
    if (!isPlainValue(Side))
      continue;
    llvm::SmallVector<const ValueDecl *, 4> Read;
    variablesOf(Side, Read);
    if (llvm::any_of(Read, [&](const ValueDecl *VD) {
          return llvm::is_contained(Counters, VD);
        }))
      return true;
  }
  return false;
}

/// Whether \p S, the body of a loop, leaves it on a condition that reads
/// one of \p Counters: `if (i >= MAX) break;`.
bool exitsOnCounter(const Stmt *S, llvm::ArrayRef<const ValueDecl *> Counters,
                    bool InNestedLoop) {
  if (!S)
    return false;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    const Stmt *Then = If->getThen();
    bool Breaks = leaves(Then) || (!InNestedLoop && isa<BreakStmt>(Then));
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Then))
      Breaks = Breaks ||
               (!InNestedLoop && llvm::any_of(CS->body(), [](const Stmt *C) {
                 return isa<BreakStmt>(C);
               }));
    if (Breaks && comparesCounter(If->getCond(), Counters))
      return true;
  }
  bool Nested = InNestedLoop ||
                isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (exitsOnCounter(Child, Counters, Nested))
      return true;
  return false;
}

} // namespace

void FunctionAnalysis::checkLoopBound(const Stmt *Loop, State S) {
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  const Stmt *Inc = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
    Inc = For->getInc();
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  }
  if (!Cond || SM.isInSystemMacro(Cond->getExprLoc()))
    return;
  auto WrittenInLoop = [&](const ValueDecl *VD) {
    return writesVariable(Body, VD) || writesVariable(Inc, VD) ||
           writesVariable(Cond, VD);
  };
  auto Invariant = [&](const Expr *X) {
    if (!isPlainValue(X))
      return false;
    llvm::SmallVector<const ValueDecl *, 4> Read;
    variablesOf(X, Read);
    return llvm::none_of(Read, WrittenInLoop);
  };
  auto IsConstant = [&](const Expr *X) {
    return !X->isValueDependent() && X->isIntegerConstantExpr(Ctx);
  };
  // What limits the number of rounds, and the loop's counters.
  const Expr *Limit = nullptr;
  llvm::SmallVector<const ValueDecl *, 2> Counters;
  // `n`, `n--` with n counted down in the loop: n is both.
  auto CountedDown = [&](const Expr *Counter) {
    if (const auto *UO = dyn_cast<UnaryOperator>(Counter))
      if (UO->isIncrementDecrementOp())
        Counter = UO->getSubExpr()->IgnoreParenImpCasts();
    const ValueDecl *VD = rootVariable(Counter);
    if (VD && isInt(Counter->getType()) &&
        (countsDown(Body, VD) || countsDown(Inc, VD) || countsDown(Cond, VD))) {
      Limit = Counter;
      Counters.push_back(VD);
    }
  };
  const Expr *C = Cond->IgnoreParenImpCasts();
  const auto *Cmp = dyn_cast<BinaryOperator>(C);
  if (Cmp && (Cmp->isRelationalOp() || Cmp->getOpcode() == BO_NE)) {
    const Expr *L = Cmp->getLHS()->IgnoreParenImpCasts();
    const Expr *R = Cmp->getRHS()->IgnoreParenImpCasts();
    for (auto [Bound, Other] : {std::pair{R, L}, std::pair{L, R}}) {
      if (IsConstant(Bound)) {
        // `n > 0`, `n-- > 0`, `n != 0`.
        CountedDown(Other);
        break;
      }
      // `i < n` with i moving and n not: n is the limit.
      if (Invariant(Bound) && isInt(Bound->getType())) {
        llvm::SmallVector<const ValueDecl *, 2> Moving;
        variablesOf(Other, Moving);
        if (llvm::any_of(Moving, WrittenInLoop)) {
          Limit = Bound;
          for (const ValueDecl *VD : Moving)
            if (WrittenInLoop(VD))
              Counters.push_back(VD);
          break;
        }
      }
    }
  } else if (isInt(C->getType())) {
    // `while (n--)`, `while (n) { ...; n--; }`.
    CountedDown(C);
  }
  if (!Limit || exitsOnCounter(Body, Counters, false))
    return;
  TaintSet T = eval(Limit, S);
  if (T.empty())
    return;
  IndexUse U;
  U.Use = Limit;
  U.Loop = Loop;
  U.CountsDown = llvm::is_contained(Counters, rootVariable(Limit));
  U.Range = rangeOf(valueAsWritten(Limit), S);
  const ValueDecl *Root = rootVariable(Limit);
  const auto *PD = dyn_cast_or_null<ParmVarDecl>(Root);
  // A parameter the function changes only inside the loop: a caller's
  // check on the argument holds where the loop starts.
  U.ParamExact = PD && PD->getDeclContext() == FD &&
                 isa<DeclRefExpr>(Limit->IgnoreParenImpCasts()) &&
                 !writesVariable(FD->getBody(), PD, Loop);
  judge(U, SinkHit::LoopBound);
  for (const Step *St : T) {
    SinkHit Hit{SinkHit::LoopBound, nullptr, nullptr, Limit, St, U};
    noteIndexHit(Hit);
  }
}

void FunctionAnalysis::checkIndex(SinkHit::Kind K, const Expr *Use,
                                  const Expr *Base, const Expr *Idx,
                                  const TaintSet &T, const CallExpr *Call,
                                  State &S) {
  // Library macros index their own tables (glibc's isalnum indexes
  // __ctype_b_loc() with an unsigned char): not the program's indexes.
  if (SM.isInSystemMacro(Use->getExprLoc()))
    return;
  IndexUse U;
  U.Use = Use;
  U.Base = Base;
  U.BaseObject = locOf(Base, S).Base;
  U.Range = rangeOf(valueAsWritten(Idx), S);
  const Expr *B = Base->IgnoreParenImpCasts();
  if (const ConstantArrayType *CAT = Ctx.getAsConstantArrayType(B->getType())) {
    U.Extent = CAT->getZExtSize();
  } else if (const auto *Spec =
                 dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                     B->getType()->getAsCXXRecordDecl())) {
    // std::array<T, N>.
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Spec->isInStdNamespace() && Spec->getName() == "array" &&
        Args.size() >= 2 && Args[1].getKind() == TemplateArgument::Integral)
      U.Extent = Args[1].getAsIntegral().getZExtValue();
  }
  U.ParamExact = isUnmodifiedParam(Idx);
  judge(U, K);
  for (const Step *St : T) {
    SinkHit Hit{K, Call, Call ? Call->getDirectCallee() : nullptr, Idx, St, U};
    noteIndexHit(Hit);
  }
}

void FunctionAnalysis::noteIndexHit(const SinkHit &Hit) {
  SinkHit &Noted = IndexHits[{Hit.Indexing.Use, Hit.Path->Root}] = Hit;
  // Bounded by a parameter's value: no bound for what that parameter
  // brings in from a caller.
  const IntRange &R = Noted.Indexing.Range;
  if ((Noted.Indexing.Problem == IndexProblem::None ||
       Noted.Indexing.Problem == IndexProblem::NoLowerBound) &&
      Noted.Path->Root->K == Origin::Parameter && !R.Hi && R.Symbolic &&
      R.FromParameter)
    Noted.Indexing.Problem = IndexProblem::NoUpperBound;
}

void FunctionAnalysis::flushIndexHits() {
  for (auto &Entry : IndexHits) {
    const SinkHit &Hit = Entry.second;
    if (Hit.Indexing.Problem == IndexProblem::None)
      continue;
    if (Hit.Path->Root->K == Origin::Source)
      E.report(Hit);
    else if (llvm::none_of(Out.Sinks, [&](const auto &F) {
               return F.Hit.Indexing.Use == Hit.Indexing.Use &&
                      F.Hit.Arg == Hit.Arg &&
                      F.Hit.Path->Root == Hit.Path->Root;
             }))
      keepSink(Hit);
  }
  IndexHits.clear();
}

// ---------------------------------------------------------------------------
// Branches: on the side of a branch where an allow-list check passed, the
// checked value is clean.
// ---------------------------------------------------------------------------

void FunctionAnalysis::validate(const Expr *Subject, State &S) {
  clean(locOf(Subject, S), S);
  // `p` iterating over `s`: the loop validated what p designates; also
  // clean s itself when p was set from it in this function.
}

void FunctionAnalysis::refineZero(const Expr *Ex, bool IsZero, State &S) {
  Ex = strip(Ex);
  const auto *Call = dyn_cast_or_null<CallExpr>(Ex);
  if (!Call)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  llvm::StringRef Name = Callee->getName();
  // strcmp(s, "literal") == 0: s is that literal.
  if (IsZero && (Name == "strcmp" || Name == "strcasecmp") &&
      Call->getNumArgs() == 2) {
    bool L0 = literalText(Call->getArg(0)).has_value();
    bool L1 = literalText(Call->getArg(1)).has_value();
    if (L0 != L1)
      validate(Call->getArg(L0 ? 1 : 0), S);
    return;
  }
  for (const model::Rule *R : M.rulesFor(Callee))
    if (R->Kind == model::RuleKind::Validator && R->ValidWhenZero == IsZero)
      for (int Pos : R->In.expand(Call->getNumArgs()))
        if (const Expr *A = ruleArg(Call, Pos))
          validate(A, S);
  if (IsZero)
    return;
  // A validator's summary matters only when it is given untrusted data.
  const FunctionDecl *Def = Callee->getDefinition();
  bool AnyTainted = false;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    AnyTainted |= !read(locOf(Call->getArg(I), S), S, QualType()).empty();
  if (AnyTainted && M.rulesFor(Callee).empty())
    if (const LinkedFunction *L = E.linkedSummary(Callee)) {
      for (int P : L->Validates)
        if (const Expr *A = ruleArg(Call, P))
          validate(A, S);
      return;
    }
  if (AnyTainted && definedElsewhere(Callee) && M.rulesFor(Callee).empty()) {
    // A check in another unit: the link phase knows whether it validates.
    int Index = E.externalCall(Call, Callee, FD);
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      Location L = locOf(Call->getArg(I), S);
      if (!L.valid() || S.Cells.find(L) == S.Cells.end())
        continue;
      auto It = S.Cells.mut().find(L);
      TaintSet Checked;
      for (const Step *St : It->second)
        Checked.push_back(E.makeGuardStep(St, Call->getExprLoc(),
                                          "checked by '" + nameOf(Callee) +
                                              "', defined in another file",
                                          Index, static_cast<int>(I)));
      It->second = std::move(Checked);
    }
    return;
  }
  if (Def && Def->hasBody() && AnyTainted)
    if (const TaintEngine::Summary *Sum = E.summaryFor(Def)) {
      for (int P : Sum->Validates)
        if (const Expr *A = ruleArg(Call, P))
          validate(A, S);
      for (const auto &[P, R] : Sum->RangeValidates)
        if (const Expr *A = ruleArg(Call, P))
          if (const Expr *Sub = rangeSubject(A)) {
            Location L = locOf(Sub, S);
            auto It = S.Ranges.find(L);
            S.Ranges[L] =
                It != S.Ranges.end() ? IntRange::meet(It->second, R) : R;
          }
    }
}

void FunctionAnalysis::refine(const Expr *Cond, bool Truth, State &S) {
  Cond = strip(Cond);
  if (!Cond)
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() == UO_LNot)
      refine(UO->getSubExpr(), !Truth, S);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    BinaryOperatorKind Op = BO->getOpcode();
    if (Op == BO_LAnd && Truth) {
      refine(BO->getLHS(), true, S);
      refine(BO->getRHS(), true, S);
      return;
    }
    if (Op == BO_LOr && !Truth) {
      refine(BO->getLHS(), false, S);
      refine(BO->getRHS(), false, S);
      return;
    }
    if (TrackRanges && BO->isComparisonOp())
      refineRange(BO, Truth, S);
    if (Op != BO_EQ && Op != BO_NE)
      return;
    bool Holds = (Op == BO_EQ) == Truth;
    const Expr *L = strip(BO->getLHS());
    const Expr *R = strip(BO->getRHS());
    // X == 0, 0 == X.
    auto IsZeroLit = [&](const Expr *X) {
      Expr::EvalResult Res;
      return !X->isValueDependent() && X->EvaluateAsInt(Res, Ctx) &&
             Res.Val.getInt() == 0;
    };
    if (IsZeroLit(R) || isNullLike(BO->getRHS(), Ctx)) {
      refineZero(L, Holds, S);
    } else if (IsZeroLit(L)) {
      refineZero(R, Holds, S);
    }
    if (!Holds)
      return;
    // strspn(s, SET) == strlen(s): every character of s is in SET.
    auto Callee = [](const Expr *X, llvm::StringRef Name) -> const CallExpr * {
      const auto *C = dyn_cast_or_null<CallExpr>(X);
      if (C && C->getDirectCallee() && C->getDirectCallee()->getName() == Name)
        return C;
      return nullptr;
    };
    for (int Swap = 0; Swap < 2; ++Swap) {
      const Expr *A = Swap ? R : L;
      const Expr *B = Swap ? L : R;
      if (const CallExpr *Span = Callee(A, "strspn"))
        if (const CallExpr *Len = Callee(B, "strlen"))
          if (Span->getNumArgs() == 2 && Len->getNumArgs() == 1) {
            std::optional<llvm::StringRef> Set = literalText(Span->getArg(1));
            const auto *V1 = baseVariable(Span->getArg(0));
            const auto *V2 = baseVariable(Len->getArg(0));
            if (Set && isSafeCharSet(*Set) && V1 && V1 == V2)
              validate(Span->getArg(0), S);
          }
      // s[strspn(s, SET)] == '\0'.
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(A))
        if (const CallExpr *Span = Callee(strip(AS->getIdx()), "strspn"))
          if (IsZeroLit(B) && Span->getNumArgs() == 2) {
            std::optional<llvm::StringRef> Set = literalText(Span->getArg(1));
            if (Set && isSafeCharSet(*Set) &&
                baseVariable(AS->getBase()) == baseVariable(Span->getArg(0)))
              validate(Span->getArg(0), S);
          }
      // s.find_first_not_of(SET) == std::string::npos.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(A))
        if (const auto *MD = MC->getMethodDecl())
          if (MD->getName() == "find_first_not_of" && MC->getNumArgs() >= 1) {
            std::optional<llvm::StringRef> Set = literalText(MC->getArg(0));
            const auto *NposRef = dyn_cast<DeclRefExpr>(B);
            if (Set && isSafeCharSet(*Set) && NposRef &&
                NposRef->getDecl()->getName() == "npos")
              validate(MC->getImplicitObjectArgument(), S);
          }
    }
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond)) {
    // std::string == "literal".
    if ((Op->getOperator() == OO_EqualEqual ||
         Op->getOperator() == OO_ExclaimEqual) &&
        Op->getNumArgs() == 2) {
      bool Holds = (Op->getOperator() == OO_EqualEqual) == Truth;
      bool L0 = literalText(Op->getArg(0)).has_value();
      bool L1 = literalText(Op->getArg(1)).has_value();
      if (Holds && L0 != L1)
        validate(Op->getArg(L0 ? 1 : 0), S);
      return;
    }
  }
  if (isa<CallExpr>(Cond))
    refineZero(Cond, !Truth, S);
}

/// The string a loop checks character by character against an allow-list,
/// leaving the function when a character is not allowed; null otherwise.
const Expr *FunctionAnalysis::validationLoopSubject(const Stmt *Loop) {
  auto Cached = LoopSubjects.find(Loop);
  if (Cached != LoopSubjects.end())
    return Cached->second;
  const Stmt *Body = nullptr;
  const VarDecl *RangeVar = nullptr;
  const Expr *RangeInit = nullptr;
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    Body = F->getBody();
  else if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Body = W->getBody();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Body = D->getBody();
  else if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop)) {
    Body = R->getBody();
    RangeVar = R->getLoopVariable();
    RangeInit = R->getRangeInit();
  }
  // Character variables set from the string inside the loop body.
  llvm::DenseMap<const VarDecl *, const Expr *> CharFrom;
  std::function<const Expr *(const Expr *)> SubjectOf =
      [&](const Expr *C) -> const Expr * {
    C = strip(C);
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(C))
      return AS->getBase();
    if (const auto *UO = dyn_cast<UnaryOperator>(C))
      if (UO->getOpcode() == UO_Deref)
        return UO->getSubExpr();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C))
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
        return Op->getArg(0);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(C)) {
      if (RangeVar && DRE->getDecl() == RangeVar)
        return RangeInit;
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = CharFrom.find(VD);
        if (It != CharFrom.end())
          return It->second;
      }
    }
    return nullptr;
  };
  // Whether Cond rejects a character that is not in an allow-list: it
  // holds a negated allow-class test (or strchr(SAFE, c) == NULL) on a
  // character of the subject. Returns the subject.
  // glibc's <ctype.h> makes isalnum(c) a macro over a table lookup:
  // find the character inside the expansion.
  std::function<const Expr *(const Expr *)> FindChar =
      [&](const Expr *X) -> const Expr * {
    if (!X)
      return nullptr;
    // The table itself (`(*__ctype_b_loc())[c]`) is no variable's text.
    if (const Expr *Sub = SubjectOf(X))
      if (baseVariable(Sub))
        return Sub;
    for (const Stmt *Child : X->children())
      if (const Expr *Sub = FindChar(dyn_cast_or_null<Expr>(Child)))
        return Sub;
    return nullptr;
  };
  std::function<const Expr *(const Expr *, bool)> Rejects =
      [&](const Expr *Cond, bool Negated) -> const Expr * {
    Cond = strip(Cond);
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      if (UO->getOpcode() == UO_LNot)
        return Rejects(UO->getSubExpr(), !Negated);
    if (Negated && !isa<CallExpr>(Cond) &&
        isAllowClassMacro(Cond->getBeginLoc(), SM, Ctx.getLangOpts()))
      return FindChar(Cond);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if (BO->isLogicalOp()) {
        if (const Expr *S1 = Rejects(BO->getLHS(), Negated))
          return S1;
        return Rejects(BO->getRHS(), Negated);
      }
      Expr::EvalResult Res;
      if ((BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) &&
          BO->getRHS()->EvaluateAsInt(Res, Ctx) && Res.Val.getInt() == 0)
        return Rejects(BO->getLHS(),
                       BO->getOpcode() == BO_EQ ? !Negated : Negated);
      // c < 'a' || c > 'z' style range tests reject what is outside.
      if ((BO->getOpcode() == BO_LT || BO->getOpcode() == BO_GT) && !Negated &&
          BO->getRHS()->EvaluateAsInt(Res, Ctx)) {
        int64_t V = Res.Val.getInt().getExtValue();
        bool AlnumBound = (V >= '0' && V <= '9' + 1) ||
                          (V >= 'A' - 1 && V <= 'Z' + 1) ||
                          (V >= 'a' - 1 && V <= 'z' + 1);
        if (AlnumBound)
          return SubjectOf(BO->getLHS());
      }
      return nullptr;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Cond)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (!F || Call->getNumArgs() < 1)
        return nullptr;
      if (isAllowClass(F->getName()) && Negated)
        return SubjectOf(Call->getArg(0));
      if (F->getName() == "strchr" && Negated && Call->getNumArgs() == 2) {
        std::optional<llvm::StringRef> Set = literalText(Call->getArg(0));
        if (Set && isSafeCharSet(*Set))
          return SubjectOf(Call->getArg(1));
      }
    }
    return nullptr;
  };
  const Expr *Found = nullptr;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *St) {
    if (!St || Found)
      return;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(St))
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(St))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() && VD->getType()->isIntegralOrEnumerationType())
            if (const Expr *Sub = SubjectOf(VD->getInit()))
              CharFrom[VD] = Sub;
    if (const auto *If = dyn_cast<IfStmt>(St))
      if (leaves(If->getThen()))
        if (const Expr *Sub = Rejects(If->getCond(), false)) {
          Found = Sub;
          return;
        }
    for (const Stmt *Child : St->children())
      Walk(Child);
  };
  if (Body) {
    if (const auto *CS = dyn_cast<CompoundStmt>(Body)) {
      for (const Stmt *Child : CS->body())
        Walk(Child);
    } else {
      Walk(Body);
    }
  }
  LoopSubjects[Loop] = Found;
  return Found;
}

void FunctionAnalysis::transfer(const CFGBlock &B, State &S) {
  Cache.clear();
  for (const CFGElement &El : B) {
    if (std::optional<CFGInitializer> CI = El.getAs<CFGInitializer>()) {
      // A constructor's member initializer stores into *this.
      const CXXCtorInitializer *Init = CI->getInitializer();
      if (Init->isMemberInitializer() && Init->getInit()) {
        FieldBases.insert(ThisBase);
        write({ThisBase, child(nullptr, Init->getMember())},
              eval(Init->getInit(), S), S, /*Strong=*/true);
      }
      continue;
    }
    std::optional<CFGStmt> CS = El.getAs<CFGStmt>();
    if (!CS)
      continue;
    const Stmt *St = CS->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          declare(VD, S);
      continue;
    }
    if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
      if (const Expr *RV = RS->getRetValue()) {
        TaintSet T = eval(RV, S);
        // Returning a pointer or reference into an object returns what the
        // object holds.
        if (RV->getType()->isPointerType() || RV->isGLValue() ||
            isStdStringType(RV->getType()))
          addAll(T, read(locOf(RV, S), S, RV->getType()));
        write({&Out, nullptr}, T, S, /*Strong=*/false);
      }
      if (KeepReturnStates)
        Returns.push_back({RS, S});
      continue;
    }
    if (const auto *Ex = dyn_cast<Expr>(St))
      eval(Ex, S);
  }
}

void FunctionAnalysis::extractSummary(const State &Exit) {
  auto Ret = Exit.Cells.find({&Out, nullptr});
  if (Ret != Exit.Cells.end())
    Out.Return = Ret->second;
  // What the function leaves in the objects its parameters designate.
  auto ParamIndex = [&](const void *Base) -> int {
    if (Base == ThisBase)
      return model::ThisObject;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (FD->getParamDecl(I) == Base)
        return static_cast<int>(I);
    return model::NoArg;
  };
  for (const auto &[L, T] : Exit.Cells) {
    int P = ParamIndex(L.Base);
    if (P == model::NoArg)
      continue;
    if (P != model::ThisObject) {
      QualType PT = FD->getParamDecl(static_cast<unsigned>(P))->getType();
      bool Writable =
          (PT->isPointerType() && !PT->getPointeeType().isConstQualified()) ||
          (PT->isReferenceType() &&
           !PT.getNonReferenceType().isConstQualified());
      if (!Writable)
        continue;
    }
    TaintSet From;
    for (const Step *St : T)
      if (St->Root->K == Origin::Source || St->Root->Param != P || St->Prev)
        if (!(St->Root->K == Origin::Parameter && St->Root->Param == P))
          From.push_back(St);
    if (!From.empty())
      Out.Out.push_back({P, L.Path, From});
  }
  llvm::sort(Out.Out, [](const auto &A, const auto &B) {
    if (A.Param != B.Param)
      return A.Param < B.Param;
    return pathBefore(A.Path, B.Path);
  });
  if (E.options().WholeProgram)
    for (const auto &[L, T] : Exit.Cells) {
      int G = E.globalAt(L.Base);
      if (G < 0)
        continue;
      TaintSet From;
      for (const Step *St : T)
        if (!(St->Root->K == Origin::Global && St->Root->Param == G &&
              !St->Prev))
          From.push_back(St);
      if (!From.empty())
        Out.Globals.push_back({G, L.Path, From});
    }
  llvm::sort(Out.Globals, [](const auto &A, const auto &B) {
    if (A.Global != B.Global)
      return A.Global < B.Global;
    return pathBefore(A.Path, B.Path);
  });

  if (TrackRanges)
    extractRangeValidation();

  // A validator: every `return <true>` is reached only with the parameter
  // cleaned, and some return is false.
  QualType RT = FD->getReturnType();
  if (!(RT->isBooleanType() || RT->isIntegerType()) || Returns.empty())
    return;
  bool AnyFalse = false;
  llvm::SmallVector<int, 2> Candidates;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (carriesText(FD->getParamDecl(I)->getType()))
      Candidates.push_back(static_cast<int>(I));
  for (auto &[RS, S] : Returns) {
    const Expr *RV = RS->getRetValue();
    if (!RV)
      return;
    Expr::EvalResult Res;
    State Checked = S;
    if (!RV->isValueDependent() && RV->EvaluateAsInt(Res, Ctx)) {
      if (Res.Val.getInt() == 0) {
        AnyFalse = true;
        continue;
      }
    } else {
      refine(RV, true, Checked);
      AnyFalse = true;
    }
    llvm::erase_if(Candidates, [&](int P) {
      const ParmVarDecl *PD = FD->getParamDecl(static_cast<unsigned>(P));
      auto Aliased = Checked.Alias.find(PD);
      Location L =
          Aliased != Checked.Alias.end() && Aliased->second.Base != MixedBase
              ? Aliased->second
              : varLoc(PD);
      auto It = Checked.Cells.find(L);
      return It != Checked.Cells.end() &&
             llvm::any_of(It->second, [&](const Step *St) {
               return St->Root == ParamOrigins.lookup(PD);
             });
    });
  }
  if (AnyFalse)
    Out.Validates = Candidates;
}

void FunctionAnalysis::extractRangeValidation() {
  // A range validator: some return is false, and every other return is
  // reached only with the (unchanged) parameter in a range.
  llvm::SmallVector<std::optional<IntRange>, 2> Known(FD->getNumParams());
  bool AnyFalse = false;
  bool AnyTrue = false;
  for (const auto &[RS, St] : Returns) {
    const Expr *RV = RS->getRetValue();
    if (!RV)
      return;
    Expr::EvalResult Res;
    if (!RV->isValueDependent() && RV->EvaluateAsInt(Res, Ctx) &&
        Res.Val.getInt() == 0) {
      AnyFalse = true;
      continue;
    }
    AnyTrue = true;
    State Checked;
    Checked.Reachable = true;
    Checked.Alias = St.Alias;
    Checked.Ranges = St.Ranges;
    refineRanges(RV, true, Checked);
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      auto It = Checked.Ranges.find(varLoc(FD->getParamDecl(I)));
      IntRange R = It != Checked.Ranges.end() ? It->second : IntRange();
      std::optional<IntRange> &K = Known[I];
      if (K)
        K = IntRange::hull(*K, R);
      else
        K = R;
    }
    if (!llvm::isa<IntegerLiteral, CXXBoolLiteralExpr>(RV->IgnoreParenCasts()))
      AnyFalse = true;
  }
  if (!AnyFalse || !AnyTrue)
    return;
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *PD = FD->getParamDecl(I);
    const std::optional<IntRange> &K = Known[I];
    if (!K || !(K->Lo || K->hasUpper()) || !isInt(PD->getType()) ||
        writesVariable(FD->getBody(), PD))
      continue;
    Out.RangeValidates.push_back({static_cast<int>(I), *K});
  }
}

void FunctionAnalysis::run() {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return;
  CFG::BuildOptions Opts;
  Opts.AddInitializers = true;
  Opts.AddImplicitDtors = false;
  Opts.AddTemporaryDtors = false;
  Opts.AddCXXDefaultInitExprInCtors = true;
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Opts);
  if (!Cfg)
    return;

  State Entry;
  Entry.Reachable = true;
  IsMain = FD->isMain();
  KeepReturnStates = FD->getReturnType()->isBooleanType() ||
                     FD->getReturnType()->isIntegerType();
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *PD = FD->getParamDecl(I);
    const Origin *O;
    const Step *St;
    // main has no callers: argc is a count, argv and envp are sources.
    if (IsMain &&
        (I == 0 || E.isTrusted(I == 1 ? model::SourceKind::CommandLine
                                      : model::SourceKind::Environment)))
      continue;
    if (IsMain && !E.isTrusted(I == 1 ? model::SourceKind::CommandLine
                                      : model::SourceKind::Environment)) {
      std::string Name = declName(PD);
      O = E.makeOrigin({Origin::Source, 0,
                        I == 1 ? model::SourceKind::CommandLine
                               : model::SourceKind::Environment,
                        Name, false, PD->getLocation()});
      St = E.makeStep(nullptr, O, PD->getLocation(),
                      I == 1 ? "'" + Name + "' holds the command-line arguments"
                             : "'" + Name + "' holds the environment");
    } else {
      O = E.makeOrigin({Origin::Parameter, static_cast<int>(I),
                        model::SourceKind::Other, declName(PD), false,
                        PD->getLocation()});
      St = E.makeStep(nullptr, O, PD->getLocation(), "parameter");
      ParamOrigins[PD] = O;
    }
    Entry.Cells[varLoc(PD)] = {St};
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isInstance()) {
      const Origin *O = E.makeOrigin({Origin::Parameter, model::ThisObject,
                                      model::SourceKind::Other, "this", false,
                                      FD->getLocation()});
      Entry.Cells[{ThisBase, nullptr}] = {
          E.makeStep(nullptr, O, FD->getLocation(), "parameter")};
    }

  std::vector<State> In(Cfg->getNumBlockIDs());
  const CFGBlock &EntryBlock = Cfg->getEntry();
  In[EntryBlock.getBlockID()] = Entry;
  // Blocks run in reverse post-order: a block whose predecessors all come
  // before it (a join after a switch of hundreds of cases) runs once per
  // round, not once per predecessor.
  std::vector<unsigned> Rank(Cfg->getNumBlockIDs(), 0);
  {
    std::vector<const CFGBlock *> Post;
    llvm::DenseSet<unsigned> Seen;
    llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 32> Stack;
    Stack.push_back({&EntryBlock, 0});
    Seen.insert(EntryBlock.getBlockID());
    while (!Stack.empty()) {
      const CFGBlock *Blk = Stack.back().first;
      unsigned I = Stack.back().second++;
      if (I >= Blk->succ_size()) {
        Post.push_back(Blk);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *Next = (Blk->succ_begin() + I)->getReachableBlock();
      if (Next && Seen.insert(Next->getBlockID()).second)
        Stack.push_back({Next, 0});
    }
    for (size_t I = 0; I < Post.size(); ++I)
      Rank[Post[I]->getBlockID()] = static_cast<unsigned>(Post.size() - 1 - I);
  }
  std::vector<const CFGBlock *> BlockById(Cfg->getNumBlockIDs(), nullptr);
  for (const CFGBlock *Blk : *Cfg)
    BlockById[Blk->getBlockID()] = Blk;
  std::set<std::pair<unsigned, unsigned>> Work;
  Work.insert({Rank[EntryBlock.getBlockID()], EntryBlock.getBlockID()});
  unsigned Budget = 20 * Cfg->getNumBlockIDs() + 100;
  // Ranges along a loop's back edge: `i++` in `for (i = 0; i < n; i++)`
  // makes i's range at the loop's head grow by one each round, and the
  // fixpoint would run out of its budget (or run as many rounds as a
  // constant bound says). A bound that moves along a back edge is dropped
  // (widening); the loop's condition bounds the value again on the way
  // into the body, and the type's range still bounds a narrow value where
  // it is used.
  auto Widen = [](const IntRange &Old, IntRange &New) {
    if (Old.Lo && New.Lo && *New.Lo < *Old.Lo)
      New.Lo.reset();
    if (Old.Hi && New.Hi && *New.Hi > *Old.Hi) {
      New.Hi.reset();
      New.HiFromType = false;
    }
  };
  State ExitState;
  while (!Work.empty() && Budget-- > 0) {
    const CFGBlock *B = BlockById[Work.begin()->second];
    Work.erase(Work.begin());
    // A block with one predecessor runs again only after that predecessor
    // has, whose next edge brings the whole input again: the input is taken,
    // not copied. A join point keeps its input, to see whether an edge
    // brings anything new.
    State S = B->pred_size() == 1 ? std::exchange(In[B->getBlockID()], State())
                                  : In[B->getBlockID()];
    if (!S.Reachable)
      continue;
    transfer(*B, S);
    if (B == &Cfg->getExit()) {
      ExitState = std::move(S);
      continue;
    }
    const Stmt *Term = B->getTerminatorStmt();
    const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
    // In `A || B` the CFG gives B a block of its own whose terminator
    // condition is the whole expression: the block decides on B alone.
    while (const auto *BO = dyn_cast_or_null<BinaryOperator>(strip(Cond))) {
      if (!BO->isLogicalOp() || BO == Term)
        break;
      Cond = BO->getRHS();
    }
    // Each successor gets the state, refined by the branch it takes; the
    // last one takes it by move.
    llvm::SmallVector<std::pair<unsigned, const CFGBlock *>, 2> Nexts;
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned I = Index++;
      if (const CFGBlock *Next = Succ.getReachableBlock())
        Nexts.push_back({I, Next});
    }
    auto Propagate = [&](unsigned I, const CFGBlock *Next, State Edge) {
      // `case 3:` of `switch (n)`: n is 3 on that edge.
      if (TrackRanges && Term && isa<SwitchStmt>(Term))
        if (const auto *Case = dyn_cast_or_null<CaseStmt>(Next->getLabel())) {
          const Expr *Subject = cast<SwitchStmt>(Term)->getCond();
          constrain(Subject, BO_GE, Case->getLHS(), false, Edge);
          constrain(Subject, BO_LE,
                    Case->getRHS() ? Case->getRHS() : Case->getLHS(), false,
                    Edge);
        }
      if (Cond && B->succ_size() == 2 &&
          (E.options().CountAsserts || !inAssert(Term ? Term : Cond, SM))) {
        bool Truth = I == 0;
        if (Term && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Term)) {
          // Leaving an allow-list loop normally: every character passed.
          if (!Truth)
            if (const Expr *Subject = validationLoopSubject(Term))
              validate(Subject, Edge);
          // A loop's condition bounds what it compares in the body and
          // after the loop.
          if (TrackRanges)
            refineRanges(Cond, Truth, Edge);
        } else {
          refine(Cond, Truth, Edge);
        }
      }
      // Entering a loop (not coming round again): what bounds it.
      if (TrackRanges && !B->getLoopTarget())
        if (const Stmt *Loop = Next->getTerminatorStmt();
            Loop && isa<ForStmt, WhileStmt, DoStmt>(Loop))
          checkLoopBound(Loop, Edge);
      unsigned NextId = Next->getBlockID();
      bool Back = Rank[NextId] <= Rank[B->getBlockID()];
      if (In[NextId].join(std::move(Edge),
                          Back ? State::Widening(Widen) : nullptr))
        Work.insert({Rank[NextId], NextId});
    };
    if (Nexts.empty())
      continue;
    for (size_t K = 0; K + 1 < Nexts.size(); ++K)
      Propagate(Nexts[K].first, Nexts[K].second, S);
    Propagate(Nexts.back().first, Nexts.back().second, std::move(S));
  }
  // The returns seen last are the ones of the final iteration; keep the
  // latest state per return statement.
  llvm::DenseMap<const ReturnStmt *, size_t> Latest;
  for (size_t I = 0; I < Returns.size(); ++I)
    Latest[Returns[I].first] = I;
  std::vector<std::pair<const ReturnStmt *, State>> Final;
  for (size_t I = 0; I < Returns.size(); ++I)
    if (Latest[Returns[I].first] == I)
      Final.push_back(std::move(Returns[I]));
  Returns = std::move(Final);
  flushIndexHits();
  extractSummary(ExitState);
}

// ---------------------------------------------------------------------------
// The engine.
// ---------------------------------------------------------------------------

TaintEngine::TaintEngine(const model::Model &M, ASTContext &Ctx,
                         TaintOptions Opts)
    : M(M), Ctx(Ctx), Opts(std::move(Opts)) {}

TaintEngine::~TaintEngine() = default;

bool TaintEngine::isTrusted(model::SourceKind K) const {
  return llvm::is_contained(Opts.Trusted, K);
}

const Origin *TaintEngine::makeOrigin(Origin O) {
  // One origin per source expression, however often it is evaluated: the
  // fixpoint then sees nothing new on the next round.
  auto Key = std::make_tuple(
      static_cast<int>(O.K), O.Param, static_cast<int>(O.Category),
      O.Loc.getRawEncoding(), O.ByCall, O.What, O.Arg, O.Fields);
  auto [It, New] = OriginIndex.try_emplace(Key, nullptr);
  if (!New)
    return It->second;
  Origins.push_back(std::make_unique<Origin>(std::move(O)));
  It->second = Origins.back().get();
  return It->second;
}

const Step *TaintEngine::makeStep(const Step *Prev, const Origin *Root,
                                  SourceLocation Loc, std::string Message) {
  // The fixpoint evaluates a statement again on every round: the same step
  // is made once, so memory grows with the program, not with the rounds.
  auto Key = std::make_tuple(Prev, Root, Loc.getRawEncoding(),
                             static_cast<unsigned>(llvm::hash_value(Message)));
  auto &Bucket = StepIndex[Key];
  for (const Step *Known : Bucket)
    if (Known->Message == Message)
      return Known;
  unsigned Length = Prev ? Prev->Length + 1 : 1;
  Steps.push_back(std::make_unique<Step>(
      Step{Prev, Root, Loc, std::move(Message), Length}));
  Steps.back()->Guarded = Prev && Prev->Guarded;
  Bucket.push_back(Steps.back().get());
  return Steps.back().get();
}

const Step *TaintEngine::makeGuardStep(const Step *Prev, SourceLocation Loc,
                                       std::string Message, int Call, int Arg) {
  std::string Key =
      Message + "\n" + std::to_string(Call) + "/" + std::to_string(Arg);
  auto Index = std::make_tuple(Prev, Prev->Root, Loc.getRawEncoding(),
                               static_cast<unsigned>(llvm::hash_value(Key)));
  auto &Bucket = StepIndex[Index];
  for (const Step *Known : Bucket)
    if (Known->GuardCall == Call && Known->GuardArg == Arg &&
        Known->Message == Message)
      return Known;
  Steps.push_back(std::make_unique<Step>(Step{
      Prev, Prev->Root, Loc, std::move(Message), Prev->Length + 1, Call, Arg}));
  Steps.back()->Guarded = true;
  Bucket.push_back(Steps.back().get());
  return Steps.back().get();
}

void TaintEngine::report(const SinkHit &Hit) {
  const Expr *Where = Hit.Call ? Hit.Call : Hit.Indexing.Use;
  if (!Reported.insert({Where, Hit.Arg}).second)
    return;
  // A source passed to a function defined elsewhere: the link phase
  // follows it.
  if (Hit.K == SinkHit::ExternalArg)
    SourceToExternal.push_back(Hit);
  else if (Opts.WholeProgram && Hit.Path->Guarded)
    Guarded.push_back(Hit);
  else
    Pending.push_back(Hit);
}

const TaintEngine::Summary *TaintEngine::summaryFor(const FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  auto It = Summaries.find(FD);
  if (It != Summaries.end() && It->second->Done)
    return It->second.get();
  if (InProgress.contains(FD)) {
    // A recursive call: use what is known so far and iterate.
    Recursive.insert(FD);
    if (It == Summaries.end())
      It = Summaries.try_emplace(FD, std::make_unique<Summary>()).first;
    return It->second.get();
  }
  if (It == Summaries.end())
    It = Summaries.try_emplace(FD, std::make_unique<Summary>()).first;
  // Summaries are computed inside their callers' analyses: a call chain of
  // thousands of functions would nest that deep. Past this depth a callee
  // is left unsummarised (nothing flows through it), so the stack stays
  // bounded.
  constexpr size_t MaxSummaryDepth = 384;
  if (InProgress.size() >= MaxSummaryDepth)
    return It->second.get();
  InProgress.insert(FD);
  for (int Round = 0; Round < 4; ++Round) {
    auto Next = std::make_unique<Summary>();
    FunctionAnalysis(*this, FD, *Next).run();
    bool Stable = Next->sameAs(*Summaries[FD]);
    Summaries[FD] = std::move(Next);
    if (!Recursive.contains(FD) || Stable)
      break;
  }
  InProgress.erase(FD);
  Summaries[FD]->Done = true;
  return Summaries[FD].get();
}

/// Whether a call to \p Callee may give its caller untrusted data when
/// given none: a source, a function of the program that exports one, or
/// (whole-program mode, or with the last link's summaries) a function of
/// another unit that may return one.
static bool handsOverSource(const FunctionDecl *Callee, TaintEngine &E) {
  llvm::ArrayRef<const model::Rule *> Rules = E.model().rulesFor(Callee);
  for (const model::Rule *R : Rules)
    if (R->Kind == model::RuleKind::Source)
      return true;
  if (const LinkedFunction *L = E.linkedSummary(Callee))
    if (!L->ReturnsSource.empty())
      return true;
  if (E.options().WholeProgram && E.bodyElsewhere(Callee) && Rules.empty())
    return true;
  const FunctionDecl *Def = Callee->getDefinition();
  return Def && Def->hasBody() && E.exportsSource(Def);
}

/// Whether \p S reads a source: a call with a source rule, optarg, or a
/// call to a function of the program that may hand one over.
static bool readsSource(const Stmt *S, TaintEngine &E) {
  if (!S)
    return false;
  bool Whole = E.options().WholeProgram;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    // A global another unit may write (a static one only this unit writes:
    // its flows are this unit's).
    if (Whole)
      if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
        if (Var->hasGlobalStorage() && !Var->isStaticLocal() &&
            Var->isExternallyVisible() && !Var->getType().isConstQualified())
          return true;
    // A function named here: called directly, or through a pointer set to
    // it in this function (the analysis follows such a pointer).
    if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return handsOverSource(Fn, E);
    return isOptarg(DRE->getDecl());
  }
  const Expr *NamedCallee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      if (handsOverSource(Callee, E))
        return true;
      // A plain call names its callee: no need to look at the name again.
      // (A member call's callee expression holds its object.)
      if (isa<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        NamedCallee = Call->getCallee();
    } else if (Whole) {
      // Through a pointer held in a struct field: the link knows which
      // functions are stored there. Through any other pointer the analysis
      // knows nothing of the result (it is not assumed tainted), as
      // evalCall says.
      if (calledField(Call))
        return true;
    }
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    if (const CXXConstructorDecl *Ctor = CE->getConstructor())
      if (Ctor->hasBody() && E.exportsSource(Ctor))
        return true;
  for (const Stmt *Child : S->children())
    if (Child != NamedCallee && readsSource(Child, E))
      return true;
  return false;
}

bool TaintEngine::mayProduceSource(const FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  auto [It, New] = ProducesSource.try_emplace(FD, Scan::Running);
  if (!New)
    return It->second == Scan::Yes; // being computed (recursion): no news
  if (Ctx.getSourceManager().isInSystemHeader(FD->getLocation())) {
    It->second = Scan::No;
    return false;
  }
  bool Result = readsSource(FD->getBody(), *this);
  ProducesSource[FD] = Result ? Scan::Yes : Scan::No;
  return Result;
}

bool TaintEngine::exportsSource(const FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  if (auto It = Exports.find(FD); It != Exports.end())
    return It->second;
  auto Scanned = ProducesSource.find(FD);
  if (Scanned != ProducesSource.end() && Scanned->second == Scan::Running)
    return false; // recursion: no news (its own scan decides)
  if (!mayProduceSource(FD)) {
    Exports[FD] = false;
    return false;
  }
  const Summary *Sum = summaryFor(FD);
  if (!Sum || !Sum->Done)
    return true; // recursion, or past the depth limit: it may
  auto FromOutside = [](const TaintSet &T) {
    return llvm::any_of(
        T, [](const Step *St) { return St->Root->K != Origin::Parameter; });
  };
  bool Result =
      FromOutside(Sum->Return) ||
      llvm::any_of(Sum->Out,
                   [&](const auto &F) { return FromOutside(F.From); }) ||
      llvm::any_of(Sum->Globals,
                   [&](const auto &G) { return FromOutside(G.From); });
  Exports[FD] = Result;
  return Result;
}

std::vector<SinkHit> TaintEngine::analyze(const FunctionDecl *FD) {
  // Paths start at sources: a function that cannot see one, directly or
  // through what its callees return, is analysed only if a caller passes
  // it untrusted data.
  // In whole-program mode, a function other units can call is described
  // for the link phase whatever it is given; one they cannot (static) only
  // when it is analysed for its callers here.
  if (FD && FD->hasBody() &&
      ((Opts.WholeProgram && callableElsewhere(FD)) || FD->isMain() ||
       mayProduceSource(FD)))
    summaryFor(FD);
  std::vector<SinkHit> Out;
  Out.swap(Pending);
  return Out;
}

// ---------------------------------------------------------------------------
// Whole-program mode: the facts of the unit, for the link phase.
// ---------------------------------------------------------------------------

int TaintEngine::externalCall(const CallExpr *Call, const Decl *Target,
                              const FunctionDecl *Caller) {
  auto [It, New] = CallIndex.try_emplace(Call, static_cast<int>(Calls.size()));
  if (New)
    Calls.push_back({Call, Target, Caller});
  return It->second;
}

int TaintEngine::global(const VarDecl *VD) {
  VD = VD->getCanonicalDecl();
  auto [It, New] =
      GlobalIndex.try_emplace(VD, static_cast<int>(GlobalVars.size()));
  if (New)
    GlobalVars.push_back(VD);
  return It->second;
}

namespace {

/// The unit's facts, written in portable terms: USRs, absolute paths.
class FactsWriter {
public:
  FactsWriter(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  std::string usr(const Decl *D) {
    llvm::SmallString<128> Buf;
    if (!D || index::generateUSRForDecl(D, Buf))
      return "";
    return std::string(Buf);
  }

  std::string file(FileID FID) {
    auto [It, New] = Files.try_emplace(FID.getHashValue());
    if (!New)
      return It->second;
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID);
    if (!Entry)
      return It->second;
    llvm::SmallString<256> Path(Entry->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    It->second = std::string(Path);
    return It->second;
  }

  /// [file, line, column, offset] of \p Loc's expansion; null when it has
  /// none.
  llvm::json::Value place(SourceLocation Loc) {
    Loc = SM.getExpansionLoc(Loc);
    if (Loc.isInvalid())
      return nullptr;
    std::string F = file(SM.getFileID(Loc));
    if (F.empty())
      return nullptr;
    llvm::json::Value Which = F;
    if (Indexed) {
      // The file's index in the facts' table: paths are long, places many.
      auto [It, New] = FileIndex.try_emplace(F, FileTable.size());
      if (New)
        FileTable.push_back(F);
      Which = static_cast<int64_t>(It->second);
    }
    return llvm::json::Array{std::move(Which), SM.getExpansionLineNumber(Loc),
                             SM.getExpansionColumnNumber(Loc),
                             SM.getFileOffset(Loc)};
  }

  /// Places name their file by its index in FileTable.
  bool Indexed = false;
  llvm::StringMap<size_t> FileIndex;
  llvm::json::Array FileTable;

  llvm::json::Value root(const Origin &O) {
    switch (O.K) {
    case Origin::Source:
      return llvm::json::Object{{"kind", "source"},
                                {"what", O.What},
                                {"byCall", O.ByCall},
                                {"category", static_cast<int>(O.Category)},
                                {"at", place(O.Loc)}};
    case Origin::Parameter:
      return llvm::json::Object{{"kind", "param"}, {"param", O.Param}};
    case Origin::CallResult:
      return llvm::json::Object{{"kind", "call"}, {"call", O.Param}};
    case Origin::CallOut:
      return llvm::json::Object{{"kind", "callOut"},
                                {"call", O.Param},
                                {"arg", O.Arg},
                                {"fields", O.Fields}};
    case Origin::Global:
      return llvm::json::Object{
          {"kind", "global"}, {"global", O.Param}, {"fields", O.Fields}};
    }
    return nullptr;
  }

  /// The path to \p Tip: its root and its steps, origin first.
  llvm::json::Object flow(const Step *Tip) {
    llvm::json::Array Steps;
    // A long path keeps its first and last steps: where the data came from
    // and how it got to the target; the middle is left out.
    llvm::SmallVector<const Step *, 8> Path = pathTo(Tip);
    constexpr size_t Head = 6, Tail = 18;
    if (Path.size() > Head + Tail)
      Path.erase(Path.begin() + Head, Path.end() - Tail);
    // json::Value's move is not noexcept: a growing array copies its
    // elements, deeply, unless it has the room.
    Steps.reserve(Path.size());
    for (const Step *S : Path) {
      llvm::json::Value At = place(S->Loc);
      if (At.kind() == llvm::json::Value::Null)
        continue;
      llvm::json::Array Row = std::move(*At.getAsArray());
      Row.push_back(S->Message);
      Steps.push_back(std::move(Row));
    }
    llvm::json::Object Flow{{"root", root(*Tip->Root)},
                            {"steps", std::move(Steps)}};
    llvm::json::Array Guards;
    for (const Step *S = Tip; S; S = S->Prev)
      if (S->GuardCall >= 0)
        Guards.push_back(llvm::json::Array{S->GuardCall, S->GuardArg});
    if (!Guards.empty())
      Flow["guards"] = std::move(Guards);
    return Flow;
  }

  static llvm::json::Value range(const IntRange &R) {
    llvm::json::Object O;
    if (R.Lo)
      O["lo"] = *R.Lo;
    if (R.Hi)
      O["hi"] = *R.Hi;
    if (R.Symbolic)
      O["symbolic"] = true;
    return O;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseMap<unsigned, std::string> Files;
};

/// Function pointers stored in struct fields anywhere in the unit
/// (`ops.run = do_run`, `{.run = do_run}`): what a call through the field
/// may call.
class FieldTargets : public DynamicRecursiveASTVisitor {
public:
  FieldTargets(const SourceManager &SM) : SM(SM) {}

  static const FunctionDecl *function(const Expr *E) {
    if (!E)
      return nullptr;
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    return nullptr;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (BO->getOpcode() != BO_Assign || SM.isInSystemHeader(BO->getExprLoc()))
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenCasts()))
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        if (const FunctionDecl *Fn = function(BO->getRHS()))
          Pairs.push_back({Field, Fn});
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) override {
    if (SM.isInSystemHeader(ILE->getBeginLoc()))
      return true;
    const InitListExpr *Sem =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem)
      return true;
    const auto *RT = Sem->getType()->getAs<RecordType>();
    if (!RT)
      return true;
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    if (!RD)
      return true;
    unsigned I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (I >= Sem->getNumInits())
        break;
      if (const FunctionDecl *Fn = function(Sem->getInit(I)))
        Pairs.push_back({Field, Fn});
      ++I;
    }
    return true;
  }

  const SourceManager &SM;
  std::vector<std::pair<const FieldDecl *, const FunctionDecl *>> Pairs;
};

} // namespace

const std::vector<std::pair<const FieldDecl *, const FunctionDecl *>> &
TaintEngine::fieldTargets() {
  if (!FieldTargetsKnown) {
    FieldTargets Targets(Ctx.getSourceManager());
    Targets.TraverseDecl(Ctx.getTranslationUnitDecl());
    StoredTargets = std::move(Targets.Pairs);
    for (const auto &Entry : StoredTargets)
      StoredFunctions.insert(Entry.second->getCanonicalDecl());
    FieldTargetsKnown = true;
  }
  return StoredTargets;
}

bool TaintEngine::callableElsewhere(const FunctionDecl *FD) {
  if (FD->isExternallyVisible())
    return true;
  fieldTargets();
  return StoredFunctions.contains(FD->getCanonicalDecl());
}

llvm::json::Value factsPlace(ASTContext &Ctx, SourceLocation Loc) {
  return FactsWriter(Ctx).place(Loc);
}

llvm::json::Object TaintEngine::facts(
    llvm::function_ref<llvm::json::Array(const SinkHit &)> Describe) {
  FactsWriter W(Ctx);
  W.Indexed = true;
  const SourceManager &SM = Ctx.getSourceManager();
  auto ParamOf = [](const SinkHit &Hit) {
    const CallExpr *Call = Hit.Call;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (MC->getImplicitObjectArgument() == Hit.Arg)
        return model::ThisObject;
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    unsigned Shift =
        isa<CXXOperatorCallExpr>(Call) && MD && MD->isInstance() ? 1 : 0;
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Hit.Arg)
        return static_cast<int>(I - Shift);
    return model::NoArg;
  };
  // An argument passed to a function of another unit.
  auto CallArg = [&](const SinkHit &Hit) -> std::optional<llvm::json::Object> {
    auto It = CallIndex.find(Hit.Call);
    if (It == CallIndex.end())
      return std::nullopt;
    llvm::json::Object C{{"call", It->second},
                         {"arg", ParamOf(Hit)},
                         {"flow", W.flow(Hit.Path)}};
    if (Opts.RangeChecks && isInt(Hit.Arg->getType()))
      C["range"] = FactsWriter::range(Hit.Indexing.Range);
    return C;
  };

  // Flows from parameters matter to the link for the functions other units
  // can call (by name, or through a function pointer stored in a field);
  // flows from sources and from what only the link can judge, once each.
  auto Callable = [&](const FunctionDecl *FD) {
    return FD->isMain() || callableElsewhere(FD);
  };
  std::set<std::tuple<const void *, const void *, const Origin *>> Exported;
  auto Keep = [&](const Step *St, const void *Target, const void *Detail,
                  bool CallableFn) {
    if (St->Root->K == Origin::Parameter)
      return CallableFn;
    return Exported.insert({Target, Detail, St->Root}).second;
  };
  auto Flows = [&](const TaintSet &T, bool CallableFn, const void *Target,
                   const void *Detail) {
    llvm::json::Array A;
    A.reserve(T.size());
    for (const Step *St : T)
      if (Keep(St, Target, Detail, CallableFn))
        A.push_back(W.flow(St));
    return A;
  };
  // Per function, parameter flows into sinks and calls: a bounded number,
  // commands first (a function high in a call graph reaches many).
  constexpr size_t MaxParamSinks = 48;

  llvm::json::Array Functions;
  std::vector<const FunctionDecl *> Order;
  for (const auto &Entry : Summaries)
    if (Entry.second->Done && Entry.first->hasBody() &&
        !SM.isInSystemHeader(Entry.first->getLocation()))
      Order.push_back(Entry.first);
  // Deterministic output: in source order.
  llvm::sort(Order, [&](const FunctionDecl *A, const FunctionDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  // (Arrays of json::Value are reserved: see FactsWriter::flow.)
  Functions.reserve(Order.size());
  for (const FunctionDecl *FD : Order) {
    const Summary &Sum = *Summaries[FD];
    std::string Usr = W.usr(FD);
    if (Usr.empty())
      continue;
    bool CallableFn = Callable(FD);
    size_t ParamFlows = 0;
    // Command sinks first.
    std::vector<const SinkHit *> Hits;
    for (bool Commands : {true, false})
      for (const auto &F : Sum.Sinks)
        if ((F.Hit.K <= SinkHit::ExecArgument) == Commands)
          Hits.push_back(&F.Hit);
    llvm::json::Array Params;
    Params.reserve(FD->param_size());
    for (const ParmVarDecl *P : FD->parameters())
      Params.push_back(declName(P));
    llvm::json::Array Outs;
    Outs.reserve(Sum.Out.size());
    // What a function returns or leaves in its arguments reaches callers
    // in other units only if they can call it.
    for (const auto &O : CallableFn ? llvm::ArrayRef(Sum.Out)
                                    : llvm::ArrayRef<Summary::OutFlow>())
      Outs.push_back(
          llvm::json::Object{{"param", O.Param},
                             {"fields", fieldNames(O.Path, nullptr)},
                             {"flows", Flows(O.From, CallableFn, FD, O.Path)}});
    llvm::json::Array GlobalsOut;
    GlobalsOut.reserve(Sum.Globals.size());
    for (const auto &G : Sum.Globals)
      GlobalsOut.push_back(
          llvm::json::Object{{"global", G.Global},
                             {"fields", fieldNames(G.Path, nullptr)},
                             {"flows", Flows(G.From, CallableFn, FD, G.Path)}});
    llvm::json::Array Sinks;
    llvm::json::Array CallArgs;
    Sinks.reserve(Hits.size());
    CallArgs.reserve(Hits.size());
    for (const SinkHit *HitP : Hits) {
      const SinkHit &Hit = *HitP;
      const void *Where =
          Hit.Call ? static_cast<const void *>(Hit.Call) : Hit.Indexing.Use;
      if (Hit.Path->Root->K == Origin::Parameter &&
          (!CallableFn || ++ParamFlows > MaxParamSinks))
        continue;
      if (!Keep(Hit.Path, Where, Hit.Arg, CallableFn))
        continue;
      if (Hit.K == SinkHit::ExternalArg) {
        if (std::optional<llvm::json::Object> C = CallArg(Hit))
          CallArgs.push_back(std::move(*C));
        continue;
      }
      llvm::json::Array Findings = Describe(Hit);
      if (Findings.empty())
        continue;
      Sinks.push_back(llvm::json::Object{
          {"flow", W.flow(Hit.Path)},
          {"kind", static_cast<int>(Hit.K)},
          {"sink", Hit.Sink ? declName(Hit.Sink) : std::string()},
          {"paramExact", Hit.Indexing.ParamExact},
          {"findings", std::move(Findings)}});
    }
    llvm::json::Array Validates;
    for (int P : Sum.Validates)
      Validates.push_back(P);
    Functions.push_back(llvm::json::Object{
        {"usr", Usr},
        {"name", FD->getQualifiedNameAsString()},
        {"at", W.place(FD->getLocation())},
        {"params", std::move(Params)},
        {"returns", CallableFn ? Flows(Sum.Return, CallableFn, FD, nullptr)
                               : llvm::json::Array()},
        {"outs", std::move(Outs)},
        {"globals", std::move(GlobalsOut)},
        {"sinks", std::move(Sinks)},
        {"calls", std::move(CallArgs)},
        {"validates", std::move(Validates)},
    });
  }

  llvm::json::Array CallTable;
  CallTable.reserve(Calls.size());
  for (const ExternalCall &C : Calls)
    CallTable.push_back(
        llvm::json::Object{{"target", W.usr(C.Target)},
                           {"name", declName(cast<NamedDecl>(C.Target))},
                           {"field", isa<FieldDecl>(C.Target)},
                           {"at", W.place(C.Call->getExprLoc())},
                           {"caller", W.usr(C.Caller)}});
  llvm::json::Array GlobalTable;
  GlobalTable.reserve(GlobalVars.size());
  for (const VarDecl *VD : GlobalVars)
    GlobalTable.push_back(
        llvm::json::Object{{"usr", W.usr(VD)}, {"name", declName(VD)}});
  llvm::json::Array FromSources;
  FromSources.reserve(SourceToExternal.size());
  for (const SinkHit &Hit : SourceToExternal)
    if (std::optional<llvm::json::Object> C = CallArg(Hit))
      FromSources.push_back(std::move(*C));
  llvm::json::Array GuardedSinks;
  GuardedSinks.reserve(Guarded.size());
  for (const SinkHit &Hit : Guarded) {
    llvm::json::Array Findings = Describe(Hit);
    if (!Findings.empty())
      GuardedSinks.push_back(llvm::json::Object{
          {"flow", W.flow(Hit.Path)}, {"findings", std::move(Findings)}});
  }
  llvm::json::Array FieldTable;
  for (const auto &[Field, Fn] : fieldTargets())
    FieldTable.push_back(
        llvm::json::Object{{"field", W.usr(Field)}, {"function", W.usr(Fn)}});

  return llvm::json::Object{{"files", std::move(W.FileTable)},
                            {"functions", std::move(Functions)},
                            {"externalCalls", std::move(CallTable)},
                            {"globals", std::move(GlobalTable)},
                            {"sourceCalls", std::move(FromSources)},
                            {"guardedSinks", std::move(GuardedSinks)},
                            {"fieldTargets", std::move(FieldTable)}};
}

} // namespace sinkguard::engine
