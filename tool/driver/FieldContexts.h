//===--- FieldContexts.h - Where data lies in an object passed on -*- C++
//-*-===//
//
// The link follows data through the objects functions of different units
// pass to each other. A field path says where, inside the object passed
// along, the data lies: a callee that stores a length in `c->len` leaves it
// in that field of its caller's object, and a third function that reads
// `c->idx` of the same object does not read it. Paths are dot-separated
// field names as the facts write them (engine/Facts.h); the empty path is
// the whole object, or a place the link does not know, and overlaps every
// path, so where no field is known nothing is left out.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_FIELDCONTEXTS_H
#define SINKGUARD_TOOL_DRIVER_FIELDCONTEXTS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>

namespace sinkguard::driver::fields {

/// The most fields a path the link composes keeps: what a recursive
/// structure stores through `n->next->next...` stays finite, and a path cut
/// short (an enclosing field) lets more data through, never less.
constexpr size_t MaxDepth = 6;

/// Whether field paths \p A and \p B overlap: one is inside the other.
bool overlaps(llvm::StringRef A, llvm::StringRef B);

/// Whether \p Outer is \p Inner or a field that holds it (the whole object,
/// "", holds every path): data at \p Inner passes every check that data at
/// \p Outer passes.
bool encloses(llvm::StringRef Outer, llvm::StringRef Inner);

/// Where data at \p Context of an object lies inside the value of its field
/// \p Read, which overlaps \p Context: the rest of \p Context below \p Read
/// ("reader.buf" in "reader": "buf"); the whole value ("") when \p Read is
/// \p Context or inside it; \p Context when \p Read is the whole object.
/// A part of \p Context.
llvm::StringRef below(llvm::StringRef Context, llvm::StringRef Read);

/// The path of \p Inner inside the value of field \p Outer ("reader" and
/// "buf": "reader.buf"), of at most MaxDepth fields.
std::string inside(llvm::StringRef Outer, llvm::StringRef Inner);

/// Calls \p Each with every path that encloses \p Path: "", then each
/// enclosing field, outermost first, then \p Path (parts of \p Path).
void enclosing(llvm::StringRef Path,
               llvm::function_ref<void(llvm::StringRef)> Each);

} // namespace sinkguard::driver::fields

#endif // SINKGUARD_TOOL_DRIVER_FIELDCONTEXTS_H
