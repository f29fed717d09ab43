//===--- ChangedLines.cpp -------------------------------------------------===//

#include "ChangedLines.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace sinkguard::report {

namespace {

llvm::Error badDiff(unsigned LineNo, const llvm::Twine &Why) {
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      ("line " + llvm::Twine(LineNo) + ": " + Why).str());
}

std::string normalised(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true,
                               llvm::sys::path::Style::posix);
  return std::string(P);
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::parse(llvm::StringRef Diff,
                                                 llvm::StringRef Base) {
  ChangedLines C(Base);
  std::set<unsigned> *Current = nullptr;
  unsigned NewLine = 0;
  // Lines of the hunk still to come, on the new side and the old.
  unsigned NewLeft = 0;
  unsigned OldLeft = 0;
  unsigned LineNo = 0;
  llvm::StringRef Rest = Diff;
  while (!Rest.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    Line = Line.rtrim('\r');
    ++LineNo;
    if (NewLeft || OldLeft) {
      if (Line.starts_with("\\")) // "\ No newline at end of file"
        continue;
      char Kind = Line.empty() ? ' ' : Line[0];
      if (Kind == '+' && NewLeft) {
        if (Current)
          Current->insert(NewLine);
        ++NewLine;
        --NewLeft;
      } else if (Kind == '-' && OldLeft) {
        // A removal touches the lines around it.
        if (Current) {
          if (NewLine > 1)
            Current->insert(NewLine - 1);
          Current->insert(NewLine);
        }
        --OldLeft;
      } else if (Kind == ' ' && NewLeft && OldLeft) {
        ++NewLine;
        --NewLeft;
        --OldLeft;
      } else {
        return badDiff(LineNo, "the hunk ends before its header says");
      }
      continue;
    }
    if (Line.consume_front("+++ ")) {
      Line = Line.split('\t').first;
      if (Line == "/dev/null") { // a deleted file
        Current = nullptr;
        continue;
      }
      if (Line.starts_with("\"")) // a quoted name: octal escapes not read
        Line = Line.trim('"');
      Line.consume_front("b/");
      std::string Path = Line.str();
      if (llvm::sys::path::is_absolute(Path)) {
        std::optional<std::string> Relative = C.Base.relative(Path);
        if (!Relative) { // outside the tree: no finding can be there
          Current = nullptr;
          continue;
        }
        Path = *Relative;
      }
      Current = &C.Lines[normalised(Path)];
      continue;
    }
    if (Line.consume_front("@@ -")) {
      // @@ -a[,b] +c[,d] @@
      auto [Old, After] = Line.split(" +");
      auto [New, Tail] = After.split(" @@");
      unsigned OldStart = 0, OldCount = 1, NewStart = 0, NewCount = 1;
      auto [OS, OC] = Old.split(',');
      auto [NS, NC] = New.split(',');
      bool Bad = !After.contains(" @@") || OS.getAsInteger(10, OldStart) ||
                 NS.getAsInteger(10, NewStart) ||
                 (!OC.empty() && OC.getAsInteger(10, OldCount)) ||
                 (!NC.empty() && NC.getAsInteger(10, NewCount));
      if (Bad)
        return badDiff(LineNo, "not a hunk header: '@@ -" + Line + "'");
      NewLine = NewCount ? NewStart : NewStart + 1;
      NewLeft = NewCount;
      OldLeft = OldCount;
      continue;
    }
    // Headers (diff --git, index, ---, mode lines, renames) and text
    // between files are not lines of a file.
  }
  if (NewLeft || OldLeft)
    return badDiff(LineNo, "the diff ends inside a hunk");
  return C;
}

bool ChangedLines::touches(llvm::StringRef File, unsigned Line) const {
  std::optional<std::string> Relative = Base.relative(File);
  if (!Relative)
    return false;
  auto It = Lines.find(normalised(*Relative));
  return It != Lines.end() && It->second.count(Line);
}

bool ChangedLines::touches(const Finding &F) const {
  if (F.Where.valid() && touches(F.Where.File, F.Where.Point.Line))
    return true;
  for (const Note &N : F.Notes)
    if (N.Where.valid() && touches(N.Where.File, N.Where.Point.Line))
      return true;
  return false;
}

} // namespace sinkguard::report
