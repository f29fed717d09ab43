//===--- Finding.cpp ------------------------------------------------------===//

#include "Finding.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <tuple>

namespace sinkguard::report {

llvm::StringRef levelName(Level L) {
  switch (L) {
  case Level::None:
    return "none";
  case Level::Note:
    return "note";
  case Level::Warning:
    return "warning";
  case Level::Error:
    return "error";
  }
  return "none";
}

std::optional<Level> parseLevel(llvm::StringRef Name) {
  for (Level L : {Level::None, Level::Note, Level::Warning, Level::Error})
    if (Name == levelName(L))
      return L;
  return std::nullopt;
}

static auto key(const Location &L) {
  return std::tie(L.File, L.Start.Line, L.Start.Column, L.End.Line,
                  L.End.Column, L.Point.Line, L.Point.Column);
}

bool operator<(const Location &A, const Location &B) { return key(A) < key(B); }

static bool notesLess(const std::vector<Note> &A, const std::vector<Note> &B) {
  return std::lexicographical_compare(A.begin(), A.end(), B.begin(), B.end(),
                                      [](const Note &X, const Note &Y) {
                                        if (key(X.Where) != key(Y.Where))
                                          return key(X.Where) < key(Y.Where);
                                        return X.Message < Y.Message;
                                      });
}

bool operator<(const Finding &A, const Finding &B) {
  auto Head = [](const Finding &F) {
    return std::tie(F.Where.File, F.Where.Start.Line, F.Where.Start.Column,
                    F.RuleId, F.Message, F.Where.End.Line, F.Where.End.Column,
                    F.Where.Point.Line, F.Where.Point.Column);
  };
  if (Head(A) != Head(B))
    return Head(A) < Head(B);
  return notesLess(A.Notes, B.Notes);
}

bool operator==(const Finding &A, const Finding &B) {
  return !(A < B) && !(B < A);
}

bool operator<(const ToolDiagnostic &A, const ToolDiagnostic &B) {
  if (A.Where < B.Where || B.Where < A.Where)
    return A.Where < B.Where;
  return std::tie(A.Name, A.Message) < std::tie(B.Name, B.Message);
}

bool operator==(const ToolDiagnostic &A, const ToolDiagnostic &B) {
  return !(A < B) && !(B < A);
}

void sortAndDeduplicate(std::vector<Finding> &Findings) {
  llvm::sort(Findings);
  Findings.erase(std::unique(Findings.begin(), Findings.end()), Findings.end());
}

} // namespace sinkguard::report
