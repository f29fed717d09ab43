//===--- Rules.cpp --------------------------------------------------------===//

#include "Rules.h"
#include "CheckDocs.h"
#include "CheckMetadata.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#ifndef SINKGUARD_REPOSITORY_URL
#error "SINKGUARD_REPOSITORY_URL must be defined by the build"
#endif
#ifndef SINKGUARD_DOCS_REF
#error "SINKGUARD_DOCS_REF must be defined by the build"
#endif

namespace sinkguard::report {

llvm::StringRef repositoryUrl() { return SINKGUARD_REPOSITORY_URL; }

std::string docsUrl(llvm::StringRef PathInDocs) {
  return (llvm::Twine(SINKGUARD_REPOSITORY_URL) + "/blob/" +
          SINKGUARD_DOCS_REF + "/docs/" + PathInDocs)
      .str();
}

namespace {

/// "sinkguard-shell-command-construction" -> "SinkguardShellCommand...".
std::string pascalCase(llvm::StringRef Id) {
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

/// \p Markdown without HTML comments (notes to the authors of a page, which
/// Markdown viewers hide too).
std::string withoutComments(llvm::StringRef Markdown) {
  std::string Out;
  while (true) {
    size_t Open = Markdown.find("<!--");
    if (Open == llvm::StringRef::npos)
      break;
    size_t Close = Markdown.find("-->", Open + 4);
    if (Close == llvm::StringRef::npos)
      break;
    Out += Markdown.take_front(Open).str();
    Markdown = Markdown.drop_front(Close + 3);
    // The space after a comment at the start of a line goes with it.
    if (Out.empty() || Out.back() == '\n')
      Markdown = Markdown.ltrim(' ');
  }
  Out += Markdown.str();
  return Out;
}

/// The paragraphs of \p Markdown: runs of non-blank lines joined by spaces,
/// with headings, code blocks and list items left out.
std::vector<std::string> proseParagraphs(llvm::StringRef Markdown) {
  std::vector<std::string> Paragraphs;
  std::string Current;
  bool InCode = false;
  auto Flush = [&] {
    if (!Current.empty())
      Paragraphs.push_back(Current);
    Current.clear();
  };
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef T = Line.trim();
    if (T.starts_with("```")) {
      InCode = !InCode;
      Flush();
      continue;
    }
    if (InCode || T.empty() || T.starts_with("#") || T.starts_with("- ") ||
        T.starts_with("* ") || T.starts_with("|")) {
      Flush();
      continue;
    }
    if (!Current.empty())
      Current += ' ';
    Current += T.str();
  }
  Flush();
  return Paragraphs;
}

/// \p Text cut to SARIF's 1024 characters at the end of a sentence.
std::string limitDescription(llvm::StringRef Text) {
  const size_t Limit = 1024;
  if (Text.size() <= Limit)
    return Text.str();
  llvm::StringRef Cut = Text.take_front(Limit);
  size_t Sentence = Cut.rfind(". ");
  if (Sentence != llvm::StringRef::npos && Sentence > Limit / 2)
    return Cut.take_front(Sentence + 1).str();
  return Cut.take_front(Limit - 3).str() + "...";
}

/// Links relative to the page (docs/checks/<id>.md) made absolute, so that
/// they work wherever the help is shown.
std::string absoluteLinks(llvm::StringRef Markdown) {
  std::string Out;
  size_t At = 0;
  while (true) {
    size_t Link = Markdown.find("](", At);
    if (Link == llvm::StringRef::npos)
      break;
    size_t TargetBegin = Link + 2;
    size_t TargetEnd = Markdown.find(')', TargetBegin);
    if (TargetEnd == llvm::StringRef::npos)
      break;
    Out += Markdown.slice(At, TargetBegin).str();
    llvm::StringRef Target = Markdown.slice(TargetBegin, TargetEnd);
    if (Target.contains("://") || Target.starts_with("#") ||
        Target.starts_with("mailto:")) {
      Out += Target.str();
    } else {
      llvm::SmallString<128> Path("checks/");
      Path += Target;
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true,
                                   llvm::sys::path::Style::posix);
      Out += docsUrl(Path);
    }
    At = TargetEnd;
  }
  Out += Markdown.substr(At).str();
  return Out;
}

/// The page without its first heading (the check's id, which SARIF viewers
/// show already).
llvm::StringRef withoutTitle(llvm::StringRef Markdown) {
  if (!Markdown.starts_with("# "))
    return Markdown;
  return Markdown.split('\n').second.ltrim("\r\n");
}

RuleDescriptor describeSinkguardCheck(const CheckMetadata &Check) {
  RuleDescriptor R;
  R.Id = Check.Id.str();
  R.Name = Check.ClassName.str();
  if (llvm::StringRef(R.Name).ends_with("Check"))
    R.Name.resize(R.Name.size() - 5);
  R.ShortDescription = limitDescription(Check.Summary);
  llvm::StringRef Page = checkDocsMarkdown(Check.Id);
  std::vector<std::string> Paragraphs = proseParagraphs(withoutComments(Page));
  // The first paragraph is the summary; the second says why it matters.
  R.FullDescription = Paragraphs.size() > 1 ? limitDescription(Paragraphs[1])
                                            : R.ShortDescription;
  std::string Body = absoluteLinks(withoutTitle(Page));
  if (Body.empty())
    Body = Check.Summary.str() + "\n";
  R.HelpMarkdown = Body;
  R.HelpText = markdownToText(withoutComments(Body));
  R.HelpUri = docsUrl(("checks/" + Check.Id + ".md").str());
  R.DefaultLevel = parseLevel(Check.Level).value_or(Level::Warning);
  R.Tags.push_back("security");
  // CodeQL's spelling, which GitHub links to the CWE: cwe-078.
  for (llvm::StringRef Cwe : Check.cweList()) {
    std::string Number = Cwe.str();
    if (Number.size() < 3)
      Number.insert(0, 3 - Number.size(), '0');
    R.Tags.push_back("external/cwe/cwe-" + Number);
  }
  R.SecuritySeverity = Check.SecuritySeverity.str();
  R.Precision = Check.Precision.str();
  R.Asvs = Check.Asvs.str();
  return R;
}

/// Where a clang-tidy check is documented.
std::string clangTidyCheckUrl(llvm::StringRef Id) {
  if (Id.starts_with("clang-analyzer-"))
    return "https://clang.llvm.org/docs/analyzer/checkers.html";
  if (Id.starts_with("clang-diagnostic-"))
    return "https://clang.llvm.org/docs/DiagnosticsReference.html";
  auto [Module, Check] = Id.split('-');
  if (Check.empty())
    return "https://clang.llvm.org/extra/clang-tidy/checks/list.html";
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" +
          Check + ".html")
      .str();
}

RuleDescriptor describeOtherCheck(llvm::StringRef Id) {
  RuleDescriptor R;
  R.Id = Id.str();
  R.Name = pascalCase(Id);
  std::string Url = clangTidyCheckUrl(Id);
  bool Compiler = Id.starts_with("clang-diagnostic-");
  R.ShortDescription = Compiler ? ("Clang compiler warning " + Id + ".").str()
                                : ("The clang-tidy check " + Id + ".").str();
  R.FullDescription = R.ShortDescription +
                      " sinkguard ran it through clang-tidy because --checks "
                      "or a .clang-tidy file enabled it; its documentation "
                      "says what it finds and how to fix it.";
  R.HelpText = R.FullDescription + "\n\nDocumentation: " + Url + "\n";
  R.HelpMarkdown = (Compiler ? "Clang compiler warning `"
                             : "The clang-tidy "
                               "check `") +
                   Id.str() +
                   "`, enabled through `--checks` or a `.clang-tidy` file.\n\n"
                   "See [its documentation](" +
                   Url + ").\n";
  R.HelpUri = Url;
  R.DefaultLevel = Level::Warning;
  R.Tags.push_back(Compiler ? "compiler" : "clang-tidy");
  if (Id.starts_with("cert-") || Id.starts_with("clang-analyzer-security") ||
      Id == "bugprone-command-processor")
    R.Tags.push_back("security");
  return R;
}

} // namespace

RuleDescriptor describeRule(llvm::StringRef Id) {
  RuleDescriptor R;
  if (const CheckMetadata *Check = findCheck(Id))
    R = describeSinkguardCheck(*Check);
  else
    R = describeOtherCheck(Id);
  switch (R.DefaultLevel) {
  case Level::Error:
    R.ProblemSeverity = "error";
    break;
  case Level::Warning:
    R.ProblemSeverity = "warning";
    break;
  case Level::Note:
  case Level::None:
    R.ProblemSeverity = "recommendation";
    break;
  }
  return R;
}

std::string markdownToText(llvm::StringRef Markdown) {
  std::string Out;
  bool InCode = false;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.rtrim("\r");
    if (Line.trim().starts_with("```")) {
      InCode = !InCode;
      continue;
    }
    if (InCode) {
      Out += "    " + Line.str() + "\n";
      continue;
    }
    Line = Line.ltrim('#').ltrim();
    // Inline markup: `code`, **bold**, [text](url).
    std::string Plain;
    for (size_t I = 0; I < Line.size(); ++I) {
      char C = Line[I];
      if (C == '`' || (C == '*' && I + 1 < Line.size() && Line[I + 1] == '*'))
        continue;
      if (C == '*' && I > 0 && Line[I - 1] == '*')
        continue;
      if (C == ']' && I + 1 < Line.size() && Line[I + 1] == '(') {
        size_t Close = Line.find(')', I);
        if (Close != llvm::StringRef::npos) {
          Plain += " (" + Line.slice(I + 2, Close).str() + ")";
          I = Close;
          continue;
        }
      }
      if (C == '[' && Line.find("](", I) != llvm::StringRef::npos)
        continue;
      Plain += C;
    }
    Out += Plain + "\n";
  }
  return Out;
}

} // namespace sinkguard::report
