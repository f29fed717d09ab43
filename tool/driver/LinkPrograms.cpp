//===--- LinkPrograms.cpp -------------------------------------------------===//

#include "LinkPrograms.h"
#include "engine/Signatures.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include <deque>

namespace sinkguard::driver {

namespace {

/// How many leading directories \p A and \p B have in common.
size_t commonDirectories(llvm::StringRef A, llvm::StringRef B) {
  size_t Common = 0;
  auto I = llvm::sys::path::begin(A), IE = llvm::sys::path::end(A);
  auto J = llvm::sys::path::begin(B), JE = llvm::sys::path::end(B);
  for (; I != IE && J != JE && *I == *J; ++I, ++J)
    ++Common;
  return Common;
}

} // namespace

int ProgramGrouping::addUnit(llvm::StringRef File) {
  Unit U;
  U.Directory = llvm::sys::path::parent_path(File).str();
  Units.push_back(std::move(U));
  return static_cast<int>(Units.size() - 1);
}

void ProgramGrouping::addDefinition(int Def, llvm::StringRef Usr, int Unit,
                                    llvm::StringRef Signature) {
  if (Def < 0)
    return;
  if (static_cast<size_t>(Def) >= UnitsOf.size()) {
    UnitsOf.resize(static_cast<size_t>(Def) + 1);
    SignatureOf.resize(static_cast<size_t>(Def) + 1);
  }
  llvm::SmallVector<int, 1> &Defs = Definitions[id(Usr)];
  if (!llvm::is_contained(Defs, Def)) {
    Defs.push_back(Def);
    SignatureOf[static_cast<size_t>(Def)] = Signature;
  }
  llvm::SmallVector<int, 1> &In = UnitsOf[static_cast<size_t>(Def)];
  if (!llvm::is_contained(In, Unit))
    In.push_back(Unit);
}

int ProgramGrouping::addReference(int Unit, llvm::StringRef Usr,
                                  llvm::StringRef Signature, bool ByName) {
  auto [It, New] =
      ReferenceIndex.try_emplace(std::make_tuple(Unit, id(Usr), id(Signature)),
                                 static_cast<int>(References.size()));
  if (New)
    References.push_back({Unit, Usr, Signature, false, {}, {}});
  References[static_cast<size_t>(It->second)].ByName |= ByName;
  return It->second;
}

void ProgramGrouping::fit(Reference &Ref) const {
  auto Defs = Definitions.find(id(Ref.Usr));
  if (Defs == Definitions.end())
    return;
  engine::Fit Best = engine::Fit::Compatible;
  for (int D : Defs->second) {
    engine::Fit How = engine::signatureFit(Ref.Signature,
                                           SignatureOf[static_cast<size_t>(D)]);
    if (How == engine::Fit::None)
      continue;
    if (How > Best) {
      Ref.Candidates.clear();
      Best = How;
    }
    if (How >= Best)
      Ref.Candidates.push_back(D);
  }
}

int ProgramGrouping::home(int Def) const {
  if (Def < 0 || static_cast<size_t>(Def) >= UnitsOf.size())
    return -1;
  const llvm::SmallVector<int, 1> &In = UnitsOf[static_cast<size_t>(Def)];
  return In.size() == 1 ? In.front() : -1;
}

bool ProgramGrouping::conflicts(const Program &P, int U) const {
  for (const auto &[Usr, Def] : Units[static_cast<size_t>(U)].Contested) {
    auto It = P.Chosen.find(Usr);
    if (It != P.Chosen.end() && It->second != Def)
      return true;
  }
  return false;
}

void ProgramGrouping::take(Program &P, int First) {
  std::deque<int> Work{First};
  while (!Work.empty()) {
    int U = Work.front();
    Work.pop_front();
    if (P.In.test(static_cast<unsigned>(U)))
      continue;
    P.In.set(static_cast<unsigned>(U));
    P.Members.push_back(U);
    for (const auto &[Usr, Def] : Units[static_cast<size_t>(U)].Contested)
      P.Chosen.try_emplace(Usr, Def);
    for (int Next : Units[static_cast<size_t>(U)].Pulls)
      Work.push_back(Next);
  }
}

int ProgramGrouping::nearest(int U, llvm::ArrayRef<int> Defs) const {
  int Best = -1;
  size_t BestCommon = 0;
  bool Tie = false;
  for (int D : Defs) {
    int Home = home(D);
    if (Home < 0)
      continue;
    size_t Common =
        commonDirectories(Units[static_cast<size_t>(U)].Directory,
                          Units[static_cast<size_t>(Home)].Directory);
    if (Best < 0 || Common > BestCommon) {
      Best = D;
      BestCommon = Common;
      Tie = false;
    } else if (Common == BestCommon) {
      Tie = true;
    }
  }
  return Tie ? -1 : Best;
}

int ProgramGrouping::decide(const Program &P, const Reference &Ref,
                            bool Nearest) const {
  // The program has its definition of the name (fitting or not).
  if (P.Chosen.count(id(Ref.Usr)))
    return -1;
  llvm::SmallVector<int, 2> Viable;
  for (int D : Ref.Candidates) {
    int U = home(D);
    if (U >= 0 && !conflicts(P, U))
      Viable.push_back(D);
  }
  if (Viable.size() == 1)
    return Viable.front();
  if (Nearest && Viable.size() > 1)
    return nearest(Ref.Unit, Viable);
  return -1;
}

void ProgramGrouping::build(Program &P, int Root) {
  P.In.resize(static_cast<unsigned>(Units.size()));
  take(P, Root);
  // What only one definition can satisfy first; then, one at a time, what
  // the nearest decides, as each may settle others.
  for (;;) {
    bool Took = false;
    for (size_t I = 0; I < P.Members.size(); ++I) {
      for (int R : Units[static_cast<size_t>(P.Members[I])].Ambiguous) {
        int D = decide(P, References[static_cast<size_t>(R)], false);
        if (D >= 0) {
          take(P, home(D));
          Took = true;
        }
      }
    }
    if (Took)
      continue;
    for (size_t I = 0; I < P.Members.size() && !Took; ++I) {
      for (int R : Units[static_cast<size_t>(P.Members[I])].Ambiguous) {
        int D = decide(P, References[static_cast<size_t>(R)], true);
        if (D >= 0) {
          take(P, home(D));
          Took = true;
          break;
        }
      }
    }
    if (!Took)
      return;
  }
}

void ProgramGrouping::group() {
  for (const auto &[Usr, Defs] : Definitions) {
    if (Defs.size() < 2)
      continue;
    for (int D : Defs)
      for (int U : UnitsOf[static_cast<size_t>(D)])
        Units[static_cast<size_t>(U)].Contested.push_back({Usr, D});
  }
  for (size_t I = 0; I < References.size(); ++I) {
    Reference &R = References[I];
    fit(R);
    Unit &From = Units[static_cast<size_t>(R.Unit)];
    if (several(R.Usr)) {
      if (!R.Candidates.empty())
        From.Ambiguous.push_back(static_cast<int>(I));
      continue;
    }
    R.Bound.assign(R.Candidates.begin(), R.Candidates.end());
    // A call through a function pointer pulls nothing in: the unit that
    // stores the function there names it, if it is in the program.
    if (!R.ByName)
      continue;
    for (int D : R.Candidates)
      if (int U = home(D); U >= 0 && U != R.Unit)
        From.Pulls.push_back(U);
  }
  for (Unit &U : Units) {
    llvm::sort(U.Pulls);
    U.Pulls.erase(llvm::unique(U.Pulls), U.Pulls.end());
  }

  // Each program, and the programs each unit is in.
  std::vector<llvm::SmallVector<int, 1>> ProgramsOf(Units.size());
  for (size_t U = 0; U < Units.size(); ++U) {
    if (!Units[U].Root)
      continue;
    Programs.emplace_back();
    build(Programs.back(), static_cast<int>(U));
    for (int M : Programs.back().Members)
      ProgramsOf[static_cast<size_t>(M)].push_back(
          static_cast<int>(Programs.size() - 1));
  }

  for (Unit &U : Units) {
    for (int RI : U.Ambiguous) {
      Reference &R = References[static_cast<size_t>(RI)];
      const llvm::SmallVector<int, 1> &In =
          ProgramsOf[static_cast<size_t>(R.Unit)];
      if (In.empty()) {
        int D = R.Candidates.size() == 1 ? R.Candidates.front()
                                         : nearest(R.Unit, R.Candidates);
        if (D >= 0)
          R.Bound.push_back(D);
        continue;
      }
      for (int PI : In) {
        const Program &P = Programs[static_cast<size_t>(PI)];
        auto It = P.Chosen.find(id(R.Usr));
        if (It != P.Chosen.end() &&
            llvm::is_contained(R.Candidates, It->second) &&
            !llvm::is_contained(R.Bound, It->second))
          R.Bound.push_back(It->second);
      }
    }
  }
}

bool ProgramGrouping::together(int A, int B) const {
  bool AnyA = false;
  bool AnyB = false;
  for (const Program &P : Programs) {
    bool InA = P.In.test(static_cast<unsigned>(A));
    bool InB = P.In.test(static_cast<unsigned>(B));
    if (InA && InB)
      return true;
    AnyA |= InA;
    AnyB |= InB;
  }
  return !AnyA || !AnyB;
}

llvm::BitVector ProgramGrouping::programsOf(int U) const {
  llvm::BitVector In(static_cast<unsigned>(Programs.size()));
  for (size_t I = 0; I < Programs.size(); ++I)
    if (Programs[I].In.test(static_cast<unsigned>(U)))
      In.set(static_cast<unsigned>(I));
  if (In.none())
    In.set();
  return In;
}

} // namespace sinkguard::driver
