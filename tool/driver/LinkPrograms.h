//===--- LinkPrograms.h - The programs a database builds --------*- C++ -*-===//
//
// One compile database often builds several programs: a daemon and its
// client, a tool and its tests. Two of them may define the same external
// name (each its own `fatal`, each its own `main`); a linker never puts
// both definitions in one program, and neither may the link phase. The
// link gives each unit's references to a name; this groups the units into
// the programs it can infer, and says which definitions each reference
// binds to:
//
//  - Never to one whose signature the call does not fit
//    (engine/Signatures.h); of several that fit, only to those that fit
//    exactly, if any does.
//  - A name defined once binds to that definition, as a linker would
//    (from every unit: a library linked into several programs is one
//    definition).
//  - Each unit that defines `main` is the root of a program. A program
//    takes in, as a linker pulls object files, the unit of each name
//    defined once that its units reference; for a name several units
//    define, the one fitting definition whose unit defines nothing the
//    program already has another definition of; when several are left,
//    the one whose unit is nearest the referring unit in the directory
//    tree (the most leading directories in common), if only one is. It
//    goes on until nothing more can be decided.
//  - A reference to a name defined several times binds to the
//    definitions its unit's programs took in (several when a unit is in
//    several programs, each with its own). A unit in no program (no
//    `main` reaches it) binds to the one fitting definition, or to the
//    nearest as above. Otherwise it binds to none: a wrong binding would
//    join code that never runs together (the false findings this exists
//    to avoid), a missing one loses only the flows through that call.
//
// The result depends only on the units, not on their order or on how a
// scan was sharded.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_LINKPROGRAMS_H
#define SINKGUARD_TOOL_DRIVER_LINKPROGRAMS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace sinkguard::driver {

class ProgramGrouping {
public:
  /// A unit, by its main file; \p Root when it defines `main`. Units are
  /// numbered in the order they are added.
  int addUnit(llvm::StringRef File);
  void setRoot(int Unit) { Units[static_cast<size_t>(Unit)].Root = true; }
  /// Definition \p Def (a number of the caller's, from 0 up) of \p Usr, of
  /// signature \p Signature (engine/Signatures.h), is in \p Unit; given
  /// once for each unit that has it (a function of a header). The strings
  /// are interned: equal ones are the same characters, which stay valid.
  void addDefinition(int Def, llvm::StringRef Usr, int Unit,
                     llvm::StringRef Signature = "");
  /// The reference of \p Unit's calls to \p Usr through \p Signature (the
  /// same number for the same three); \p ByName false for a call through
  /// a function pointer, which pulls no unit into a program.
  int addReference(int Unit, llvm::StringRef Usr, llvm::StringRef Signature,
                   bool ByName = true);
  /// Infers the programs; then bound() answers.
  void group();
  /// The definitions reference \p Ref binds to.
  llvm::ArrayRef<int> bound(int Ref) const {
    return References[static_cast<size_t>(Ref)].Bound;
  }
  /// The unit and the name of reference \p Ref.
  int unitOf(int Ref) const {
    return References[static_cast<size_t>(Ref)].Unit;
  }
  llvm::StringRef usrOf(int Ref) const {
    return References[static_cast<size_t>(Ref)].Usr;
  }
  /// Whether a name has several definitions.
  bool several(llvm::StringRef Usr) const {
    auto It = Definitions.find(id(Usr));
    return It != Definitions.end() && It->second.size() > 1;
  }
  size_t programCount() const { return Programs.size(); }
  /// Whether units \p A and \p B may run in one program: some program
  /// took in both, or one of them is in none (nothing is known of it).
  bool together(int A, int B) const;
  /// The programs unit \p U is in (bit per program, in the order of
  /// programCount()); all of them when it is in none.
  llvm::BitVector programsOf(int U) const;

private:
  /// An interned string by its address.
  static const void *id(llvm::StringRef Interned) { return Interned.data(); }

  struct Unit {
    std::string Directory;
    bool Root = false;
    /// The definitions of names defined several times that it has.
    llvm::SmallVector<std::pair<const void *, int>, 2> Contested;
    /// The units it pulls into every program it is in.
    std::vector<int> Pulls;
    /// Its references to names defined several times.
    std::vector<int> Ambiguous;
  };
  struct Reference {
    int Unit;
    llvm::StringRef Usr;
    llvm::StringRef Signature;
    /// Some call names it (not only through a function pointer).
    bool ByName = false;
    /// The definitions the call fits (of several, those that fit best).
    llvm::SmallVector<int, 2> Candidates;
    llvm::SmallVector<int, 1> Bound;
  };
  struct Program {
    llvm::BitVector In;
    std::vector<int> Members;
    /// Of each name defined several times, the definition it took in.
    llvm::DenseMap<const void *, int> Chosen;
  };

  /// The one unit that has definition \p Def, or -1 (none known, or a
  /// function of a header that several have).
  int home(int Def) const;
  void build(Program &P, int Root);
  void take(Program &P, int Unit);
  bool conflicts(const Program &P, int Unit) const;
  /// The definition reference \p Ref takes into \p P, or -1; by proximity
  /// only when \p Nearest.
  int decide(const Program &P, const Reference &Ref, bool Nearest) const;
  /// Among \p Defs, the one whose unit is nearest \p Unit, if only one is.
  int nearest(int Unit, llvm::ArrayRef<int> Defs) const;
  /// Sets \p Ref's candidates.
  void fit(Reference &Ref) const;

  std::vector<Unit> Units;
  std::vector<Reference> References;
  llvm::DenseMap<std::tuple<int, const void *, const void *>, int>
      ReferenceIndex;
  /// Each name's definitions; each definition's units and signature.
  llvm::DenseMap<const void *, llvm::SmallVector<int, 1>> Definitions;
  std::vector<llvm::SmallVector<int, 1>> UnitsOf;
  std::vector<llvm::StringRef> SignatureOf;
  std::vector<Program> Programs;
};

} // namespace sinkguard::driver

#endif // SINKGUARD_TOOL_DRIVER_LINKPROGRAMS_H
