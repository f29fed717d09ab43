//===--- TextWriter.cpp ---------------------------------------------------===//

#include "TextWriter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Unicode.h"
#include <algorithm>

namespace sinkguard::report {

namespace {

constexpr unsigned TabStop = 8;

/// A source line made printable, with the display column of each byte.
struct DisplayLine {
  std::string Text;
  /// Columns[I] is the display column (0-based) where byte I starts; one
  /// more entry for the end of the line.
  std::vector<unsigned> Columns;
};

DisplayLine displayLine(llvm::StringRef Line) {
  DisplayLine D;
  unsigned Column = 0;
  size_t I = 0;
  // One byte shown as \p Shown.
  auto ShowByte = [&](llvm::StringRef Shown) {
    D.Columns.push_back(Column);
    D.Text += Shown.str();
    Column += Shown.size();
    ++I;
  };
  while (I < Line.size()) {
    unsigned char C = static_cast<unsigned char>(Line[I]);
    if (C == '\t') {
      ShowByte(std::string(TabStop - Column % TabStop, ' '));
      continue;
    }
    if (C < 0x20 || C == 0x7f) {
      ShowByte("<U+" + llvm::utohexstr(C, false, 4) + ">");
      continue;
    }
    unsigned Length = llvm::getNumBytesForUTF8(Line[I]);
    const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Line.data() + I);
    if (I + Length > Line.size() ||
        !llvm::isLegalUTF8Sequence(Begin, Begin + Length)) {
      ShowByte("<" + llvm::utohexstr(C, false, 2) + ">");
      continue;
    }
    llvm::StringRef Char = Line.substr(I, Length);
    int Width = llvm::sys::unicode::columnWidthUTF8(Char);
    for (unsigned K = 0; K < Length; ++K)
      D.Columns.push_back(Column);
    D.Text += Char.str();
    Column += Width >= 0 ? static_cast<unsigned>(Width) : 1;
    I += Length;
  }
  D.Columns.push_back(Column);
  return D;
}

/// Prints the line of \p Where and a caret line marking it and \p Ranges.
void printSnippet(const Location &Where, const std::vector<Location> &Ranges,
                  llvm::raw_ostream &OS, SourceCache &Sources) {
  const SourceFile *File = Sources.get(Where.File);
  unsigned Line = Where.Point.Line;
  if (!File || Line == 0 || Line > File->lineCount())
    return;
  DisplayLine D = displayLine(File->line(Line));
  auto ColumnOf = [&](unsigned ByteColumn) {
    size_t Byte = std::min<size_t>(ByteColumn - 1, D.Columns.size() - 1);
    return D.Columns[Byte];
  };
  std::string Marks(D.Columns.back() + 1, ' ');
  auto Mark = [&](const Location &L) {
    if (L.File != Where.File || L.Start.Line > Line || L.End.Line < Line)
      return;
    unsigned From = L.Start.Line == Line ? ColumnOf(L.Start.Column) : 0;
    unsigned To =
        L.End.Line == Line ? ColumnOf(L.End.Column) : D.Columns.back();
    for (unsigned C = From; C < To && C < Marks.size(); ++C)
      Marks[C] = '~';
  };
  for (const Location &R : Ranges)
    Mark(R);
  Marks[ColumnOf(Where.Point.Column)] = '^';
  llvm::StringRef Trimmed = llvm::StringRef(Marks).rtrim(' ');

  std::string Number = std::to_string(Line);
  size_t Width = std::max<size_t>(4, Number.size());
  OS << ' ' << llvm::right_justify(Number, Width) << " | " << D.Text << "\n";
  OS << ' ' << std::string(Width, ' ') << " | " << Trimmed << "\n";
}

void printHeader(const Location &Where, llvm::StringRef Kind,
                 llvm::StringRef Message, llvm::raw_ostream &OS) {
  if (Where.valid())
    OS << Where.File << ":" << Where.Point.Line << ":" << Where.Point.Column
       << ": ";
  OS << Kind << ": " << Message;
}

void printFinding(const Finding &F, llvm::raw_ostream &OS,
                  SourceCache &Sources) {
  // The level SARIF and JSON give the finding (the check's, or error for a
  // warning made an error), so that a log that fails --fail-on=error shows
  // an error.
  printHeader(F.Where, levelName(F.Severity), F.Message, OS);
  OS << " [" << F.RuleId;
  for (const std::string &A : F.Aliases)
    OS << "," << A;
  if (F.WarningAsError)
    OS << ",-warnings-as-errors";
  OS << "]\n";
  printSnippet(F.Where, F.Ranges, OS, Sources);
  for (const Note &N : F.Notes) {
    printHeader(N.Where, "note", N.Message, OS);
    OS << "\n";
    printSnippet(N.Where, N.Ranges, OS, Sources);
  }
}

void printToolDiagnostic(const ToolDiagnostic &D, llvm::raw_ostream &OS,
                         SourceCache &Sources) {
  printHeader(D.Where, D.Severity == Level::Error ? "error" : "warning",
              D.Message, OS);
  OS << " [" << D.Name << "]\n";
  if (D.Where.valid())
    printSnippet(D.Where, {}, OS, Sources);
}

} // namespace

void writeText(const Report &R, llvm::raw_ostream &OS, SourceCache &Sources) {
  // Diagnostics without a place come first, as clang-tidy prints them; the
  // others go where they are in the files, among the findings. Both lists
  // are in order already.
  auto Next = R.ToolDiagnostics.begin();
  for (; Next != R.ToolDiagnostics.end() && !Next->Where.valid(); ++Next)
    printToolDiagnostic(*Next, OS, Sources);
  for (const Finding &F : R.Findings) {
    for (; Next != R.ToolDiagnostics.end() && Next->Where < F.Where; ++Next)
      printToolDiagnostic(*Next, OS, Sources);
    printFinding(F, OS, Sources);
  }
  for (; Next != R.ToolDiagnostics.end(); ++Next)
    printToolDiagnostic(*Next, OS, Sources);
}

} // namespace sinkguard::report
