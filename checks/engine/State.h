//===--- State.h - The lattice of the taint analysis ------------*- C++ -*-===//
//
// Internal to the engine. What the analysis knows at a program point:
// abstract locations (a base and a path of fields), the taint set of each,
// aliases, function-pointer targets and integer ranges; and how two states
// join. Field paths are interned by the engine (Paths.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_STATE_H
#define SINKGUARD_CHECKS_ENGINE_STATE_H

#include "Taint.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace sinkguard::engine {

using clang::FieldDecl;
using clang::FunctionDecl;

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
std::string fieldNames(const FieldPath *Inner, const FieldPath *Outer);
/// Whether \p Inner is \p Outer or a path below it (every path is below
/// the whole object, null).
bool pathWithin(const FieldPath *Outer, const FieldPath *Inner);
/// Whether one of \p A and \p B is within the other.
inline bool overlaps(const FieldPath *A, const FieldPath *B) {
  return pathWithin(A, B) || pathWithin(B, A);
}
/// An order of field paths that does not depend on where they were
/// allocated: by the fields' positions in their records, outermost first.
/// (Output that followed pointer order changed from run to run.)
bool pathBefore(const FieldPath *A, const FieldPath *B);

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
inline const char ThisBaseTag = 0;
inline const void *const ThisBase = &ThisBaseTag;
/// What a pointer designates when it designates different objects on
/// different paths (State::Alias): none known; its own cell is read.
inline const char MixedBaseTag = 0;
inline const void *const MixedBase = &MixedBaseTag;
constexpr size_t MaxMixedTargets = 4;
/// The functions a function pointer may hold, at most (State::Callee).
constexpr size_t MaxCallTargets = 4;

/// Taint of one value: at most one path per origin.
using TaintSet = llvm::SmallVector<const Step *, 2>;
constexpr size_t MaxOriginsPerValue = 4;
/// Objects a state remembers as validated (State::Validated), at most.
constexpr size_t MaxValidated = 4;

/// Adds \p From's paths to \p Into; returns whether \p Into changed.
bool addAll(TaintSet &Into, const TaintSet &From);
/// Whether some path in \p T starts at a real source (not at a parameter
/// of the function being summarised).
bool fromSource(const TaintSet &T);
/// Whether some path in \p T starts at a real source or at what only the
/// link phase can judge (Origin::symbolic): data that may be untrusted,
/// whose size no check here bounds.
bool mayBeUntrusted(const TaintSet &T);
bool sameOrigins(const TaintSet &A, const TaintSet &B);

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

/// Whether adding \p From to \p Into (addAll) would change nothing.
bool coveredBy(const TaintSet &Into, const TaintSet &From);

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
  /// Pointer fields set to the address of an object (`c.reader = &r`):
  /// the object they designate, which reads and writes through the field
  /// reach (its own cell keeps what the object held when it was set, for
  /// the paths where the designation is not known).
  llvm::DenseMap<Location, Location> FieldAlias;
  /// Function pointers whose target is known.
  /// (At most MaxCallTargets of them; none when more, or unknown.)
  llvm::DenseMap<const void *, llvm::SmallVector<const FunctionDecl *, 1>>
      Callee;
  /// Ranges of integers known on every path here (range checks only).
  llvm::DenseMap<Location, IntRange> Ranges;
  /// Objects a validator accepted on every path here and not written
  /// since (at most MaxValidated of them).
  llvm::SmallVector<Location, 2> Validated;
  /// What a local flag's being non-zero means (`ok = 1` where s was
  /// validated): the objects validated whenever it is non-zero. A flag
  /// known to be zero (`int ok = 0`) means anything (Vacuous) until it is
  /// set. Dropped when the flag is assigned otherwise, or an object of its
  /// set is written. A loop's index after the loop is a flag too: When
  /// is the loop's condition (`allowed[i]`, `i < n`), which fails where
  /// the loop ran to its end (Vacuous) and may hold where it broke out
  /// (what was validated there). A flag a path does not have means there
  /// what that path validated anyway (Validated).
  struct Flag {
    bool Vacuous = false;
    llvm::SmallVector<Location, 2> Clean;
    const clang::Expr *When = nullptr;
  };
  llvm::DenseMap<const clang::VarDecl *, Flag> Flags;
  /// Flags a join found to mean nothing here: at a join point, never
  /// brought back by a later edge (so joins only move down, and the
  /// fixpoint ends). An assignment to the flag starts it afresh.
  llvm::SmallVector<const clang::VarDecl *, 1> DeadFlags;
  /// A local assigned a comparison of local integers (`swap = len >
  /// 0xffff`): testing it tests the comparison, as long as neither it nor
  /// a variable the comparison reads is written (range checks only). Kept
  /// after a join only where both sides have it.
  struct Condition {
    const clang::VarDecl *Flag = nullptr;
    const clang::Expr *Test = nullptr;
    llvm::SmallVector<const clang::VarDecl *, 2> Reads;
  };
  llvm::SmallVector<Condition, 0> Conditions;

  /// Forgets that \p L (or what is within it, or what holds it) was
  /// validated: it was written.
  void forgetValidated(Location L);

  /// How a range that grew along a loop's back edge is widened: given the
  /// range before and the joined one (to change).
  using Widening = llvm::function_ref<void(const IntRange &, IntRange &)>;

  /// Joins \p O into this state (union of taint; aliases and call
  /// targets kept where the two agree, "mixed" where they do not); returns
  /// whether this state changed. The lattice only moves one way and ranges
  /// along back edges are widened (\p Widen), so this reaches a fixpoint.
  bool join(State &&O, Widening Widen = nullptr);

  /// Validations and flags hold after a join only if they held on both
  /// sides (State::Flags).
  bool joinValidated(const State &O);

  /// A range holds after a join only if it held on both sides.
  static bool joinRanges(llvm::DenseMap<Location, IntRange> &Into,
                         const llvm::DenseMap<Location, IntRange> &O,
                         Widening Widen = nullptr);
};

/// Whether \p Inner is a field (at any depth) of the object at \p Outer.
inline bool strictlyWithin(Location Outer, Location Inner) {
  return Inner.Base == Outer.Base && Inner.Path != Outer.Path &&
         pathWithin(Outer.Path, Inner.Path);
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

} // namespace sinkguard::engine

#endif
