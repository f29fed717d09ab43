//===--- State.cpp
//----------------------------------------------------------===//
//
// The lattice: taint sets, State::join with widening, and IntRange
// hull and meet.
//
//===----------------------------------------------------------------------===//

#include "State.h"
#include "Taint.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <cstdint>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

IntRange IntRange::hull(const IntRange &A, const IntRange &B) {
  IntRange R;
  R.Elements = A.Elements || B.Elements;
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
  // Below one object's length on both paths: by the larger distance.
  if (A.LenBase && A.LenBase == B.LenBase && A.LenPath == B.LenPath) {
    R.lengthFrom(A.LenDelta >= B.LenDelta ? A : B);
    R.LenOwn = A.LenOwn && B.LenOwn;
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
  // Both hold: the closer bound below an object's length.
  if (A.LenBase && B.LenBase && A.LenBase == B.LenBase &&
      A.LenPath == B.LenPath)
    R.lengthFrom(A.LenDelta <= B.LenDelta ? A : B);
  else if (A.LenBase || B.LenBase)
    R.lengthFrom(A.LenBase ? A : B);
  return R;
}

namespace {
/// Whether path \p Known, of the same origin as \p S, says less than \p S:
/// a distance in the data where \p S is the data, or a path past another
/// unit's check where \p S passed none.
bool weaker(const Step *Known, const Step *S) {
  if (Known->Positional != S->Positional)
    return Known->Positional;
  return Known->Guarded && !S->Guarded;
}
} // namespace

/// Adds \p From's paths to \p Into; returns whether \p Into changed.
bool addAll(TaintSet &Into, const TaintSet &From) {
  bool Changed = false;
  for (const Step *S : From) {
    auto *Known =
        llvm::find_if(Into, [&](const Step *T) { return T->Root == S->Root; });
    if (Known != Into.end()) {
      // A path of the data itself is the one to keep over a distance
      // measured in it (Step::Positional), and one past no check by
      // another unit's function over one past such a check: the link phase
      // may find that check a validator.
      if (weaker(*Known, S)) {
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

bool mayBeUntrusted(const TaintSet &T) {
  return llvm::any_of(T, [](const Step *St) {
    return St->Root->K == Origin::Source || St->Root->symbolic();
  });
}

bool sameOrigins(const TaintSet &A, const TaintSet &B) {
  if (A.size() != B.size())
    return false;
  return llvm::all_of(A, [&](const Step *S) {
    return llvm::any_of(B, [&](const Step *T) { return T->Root == S->Root; });
  });
}

/// Whether adding \p From to \p Into (addAll) would change nothing.
bool coveredBy(const TaintSet &Into, const TaintSet &From) {
  for (const Step *S : From) {
    const auto *Known =
        llvm::find_if(Into, [&](const Step *T) { return T->Root == S->Root; });
    if (Known != Into.end()) {
      if (weaker(*Known, S))
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

bool State::join(State &&O, Widening Widen) {
  if (!O.Reachable)
    return false;
  if (!Reachable) {
    *this = std::move(O);
    return true;
  }
  bool Changed = false;
  if (!Cells.sameAs(O.Cells)) {
    for (const auto &[Loc, T] : O.Cells) {
      auto Mine = Cells.find(Loc);
      bool New = Mine == Cells.end();
      if (!New && coveredBy(Mine->second, T))
        continue;
      Changed |= addAll(Cells[Loc], T) || New;
    }
  }
  // A pointer that designates different objects on the two paths (also an
  // object on one and a field of it on the other: `p = list` before a
  // loop, `p = p->next` in it) is "mixed" from here on, until it is
  // assigned again: reads through it see what each of the objects holds,
  // writes through it may reach each (State::Mixed). The set only grows
  // and is bounded (and deeper field paths fold), so the fixpoint ends.
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
  // A function pointer with different targets on the two paths may hold
  // either (a call runs each); past MaxCallTargets, or when one path knows
  // none, no known target.
  for (const auto &[K, V] : O.Callee) {
    auto [It, New] = Callee.try_emplace(K, V);
    if (New) {
      Changed = true;
      continue;
    }
    auto &Mine = It->second;
    if (Mine.empty())
      continue;
    if (V.empty()) {
      Mine.clear();
      Changed = true;
      continue;
    }
    for (const FunctionDecl *Fn : V) {
      if (llvm::is_contained(Mine, Fn))
        continue;
      Changed = true;
      if (Mine.size() == MaxCallTargets) {
        Mine.clear();
        break;
      }
      Mine.push_back(Fn);
    }
  }
  // A field designates an object after the join only if it does on both
  // paths; otherwise its cell holds what each designated.
  for (auto It = FieldAlias.begin(); It != FieldAlias.end();) {
    auto Cur = It++;
    auto Other = O.FieldAlias.find(Cur->first);
    if (Other == O.FieldAlias.end() || !(Other->second == Cur->second)) {
      FieldAlias.erase(Cur);
      Changed = true;
    }
  }
  Changed |= joinRanges(Ranges, O.Ranges, Widen);
  Changed |= joinValidated(O);
  if (!Conditions.empty()) {
    size_t Before = Conditions.size();
    llvm::erase_if(Conditions, [&](const Condition &Mine) {
      return llvm::none_of(O.Conditions, [&](const Condition &Theirs) {
        return Theirs.Flag == Mine.Flag && Theirs.Test == Mine.Test;
      });
    });
    Changed |= Conditions.size() != Before;
  }
  return Changed;
}

namespace {
/// Keeps in \p Into only what \p O holds too; returns whether it changed.
bool intersect(llvm::SmallVectorImpl<Location> &Into,
               llvm::ArrayRef<Location> O) {
  size_t Before = Into.size();
  llvm::erase_if(Into, [&](Location L) { return !llvm::is_contained(O, L); });
  return Into.size() != Before;
}

bool overlapping(Location A, Location B) {
  return A.Base == B.Base && overlaps(A.Path, B.Path);
}

/// Joins flag \p From into \p Into (State::Flags); returns false when
/// nothing is known after the join.
bool joinFlag(State::Flag &Into, const State::Flag &From, bool &Changed) {
  if (Into.When != From.When)
    return false;
  if (From.Vacuous)
    return Into.Vacuous || !Into.Clean.empty();
  if (Into.Vacuous) {
    Into = From;
    Changed = true;
    return !Into.Clean.empty();
  }
  Changed |= intersect(Into.Clean, From.Clean);
  return !Into.Clean.empty();
}
} // namespace

bool State::joinValidated(const State &O) {
  if (Flags.empty() && O.Flags.empty())
    return intersect(Validated, O.Validated);
  // A flag one side does not have means there what that side validated.
  auto Implicit = [](const llvm::SmallVector<Location, 2> &V,
                     const Expr *When) { return Flag{false, V, When}; };
  const llvm::SmallVector<Location, 2> Before = Validated;
  bool Changed = intersect(Validated, O.Validated);
  for (auto It = Flags.begin(); It != Flags.end();) {
    auto Cur = It++;
    auto Other = O.Flags.find(Cur->first);
    Flag From = Other != O.Flags.end()
                    ? Other->second
                    : Implicit(O.Validated, Cur->second.When);
    if (!joinFlag(Cur->second, From, Changed)) {
      if (!llvm::is_contained(DeadFlags, Cur->first))
        DeadFlags.push_back(Cur->first);
      Flags.erase(Cur);
      Changed = true;
    }
  }
  for (const auto &[Var, F] : O.Flags) {
    if (Flags.contains(Var) || llvm::is_contained(DeadFlags, Var))
      continue;
    Flag Mine = Implicit(Before, F.When);
    bool Ignored = false;
    if (joinFlag(Mine, F, Ignored)) {
      Flags[Var] = std::move(Mine);
      Changed = true;
    }
  }
  return Changed;
}

void State::forgetValidated(Location L) {
  if (!L.valid())
    return;
  llvm::erase_if(Validated, [&](Location V) { return overlapping(V, L); });
  for (auto It = Flags.begin(); It != Flags.end();) {
    auto Cur = It++;
    llvm::erase_if(Cur->second.Clean,
                   [&](Location V) { return overlapping(V, L); });
    if (!Cur->second.Vacuous && Cur->second.Clean.empty())
      Flags.erase(Cur);
  }
}

bool State::joinRanges(llvm::DenseMap<Location, IntRange> &Into,
                       const llvm::DenseMap<Location, IntRange> &O,
                       Widening Widen) {
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

} // namespace sinkguard::engine
