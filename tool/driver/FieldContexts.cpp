//===--- FieldContexts.cpp ------------------------------------------------===//

#include "FieldContexts.h"
#include "engine/Facts.h"
#include "llvm/ADT/SmallVector.h"

namespace sinkguard::driver::fields {

bool overlaps(llvm::StringRef A, llvm::StringRef B) {
  return engine::fieldPathsOverlap(A, B);
}

bool encloses(llvm::StringRef Outer, llvm::StringRef Inner) {
  if (Outer.empty() || Outer == Inner)
    return true;
  return Inner.size() > Outer.size() && Inner.starts_with(Outer) &&
         Inner[Outer.size()] == '.';
}

llvm::StringRef below(llvm::StringRef Context, llvm::StringRef Read) {
  if (Read.empty())
    return Context;
  if (Context.size() > Read.size() && encloses(Read, Context))
    return Context.drop_front(Read.size() + 1);
  return "";
}

std::string inside(llvm::StringRef Outer, llvm::StringRef Inner) {
  std::string Path = Outer.str();
  if (!Inner.empty()) {
    if (!Path.empty())
      Path += '.';
    Path += Inner;
  }
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Path).split(Parts, '.', MaxDepth);
  if (Parts.size() <= MaxDepth)
    return Path;
  // The last part holds the rest of the path: cut before it.
  return Path.substr(
      0, static_cast<size_t>(Parts.back().data() - Path.data() - 1));
}

void enclosing(llvm::StringRef Path,
               llvm::function_ref<void(llvm::StringRef)> Each) {
  Each("");
  if (Path.empty())
    return;
  for (size_t Dot = Path.find('.'); Dot != llvm::StringRef::npos;
       Dot = Path.find('.', Dot + 1))
    Each(Path.take_front(Dot));
  Each(Path);
}

} // namespace sinkguard::driver::fields
