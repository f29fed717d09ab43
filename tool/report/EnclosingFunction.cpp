//===--- EnclosingFunction.cpp --------------------------------------------===//

#include "EnclosingFunction.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <optional>

namespace sinkguard::report {

namespace {

enum class TokenKind : std::uint8_t { Identifier, String, Punct };

struct Token {
  TokenKind Kind;
  std::string Text;
};

/// Words that precede a parenthesis without naming a function.
bool isNotAName(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {
      "if",         "for",      "while",         "switch",
      "return",     "sizeof",   "alignof",       "decltype",
      "noexcept",   "throw",    "catch",         "__attribute__",
      "__declspec", "alignas",  "_Alignas",      "typeof",
      "__typeof__", "requires", "static_assert", "_Static_assert"};
  return Words.contains(Word);
}

bool isIdentifierStart(char C) {
  return llvm::isAlpha(C) || C == '_' || C == '$' ||
         static_cast<unsigned char>(C) >= 0x80;
}

bool isIdentifierChar(char C) {
  return isIdentifierStart(C) || llvm::isDigit(C);
}

/// What an opening brace at namespace or class level begins.
struct Scope {
  enum Kind : std::uint8_t { Transparent, Function, Other } K = Other;
  /// For a transparent scope, the name it adds ("ns", "Class"); may be
  /// empty (extern "C", anonymous namespace).
  std::string Name;
  /// A brace initializer inside a constructor's initializer list: the
  /// declaration continues after it.
  bool ResumesHeader = false;
  unsigned BodyIndex = 0;
};

/// Index of the parenthesis matching the one at \p Open in \p H.
std::optional<size_t> matchingParen(const std::vector<Token> &H, size_t Open) {
  int Depth = 0;
  for (size_t I = Open; I < H.size(); ++I) {
    if (H[I].Kind != TokenKind::Punct)
      continue;
    if (H[I].Text == "(")
      ++Depth;
    else if (H[I].Text == ")" && --Depth == 0)
      return I;
  }
  return std::nullopt;
}

/// The position of the first top-level ':' (a constructor's initializer
/// list) or '->' (a trailing return type) after a ')'; H.size() if none.
size_t declaratorEnd(const std::vector<Token> &H) {
  int Depth = 0;
  bool SeenParen = false;
  for (size_t I = 0; I < H.size(); ++I) {
    const Token &T = H[I];
    if (T.Kind != TokenKind::Punct)
      continue;
    if (T.Text == "(") {
      ++Depth;
    } else if (T.Text == ")") {
      --Depth;
      SeenParen = true;
    } else if (Depth == 0 && SeenParen && (T.Text == ":" || T.Text == "->")) {
      return I;
    }
  }
  return H.size();
}

bool isAllowedTrailer(const Token &T) {
  if (T.Kind == TokenKind::Punct)
    return llvm::is_contained({"&", "&&", "{}"}, T.Text);
  if (T.Kind != TokenKind::Identifier)
    return false;
  static const llvm::StringSet<> Words = {
      "const", "volatile", "noexcept",  "override",      "final",   "throw",
      "try",   "mutable",  "constexpr", "__attribute__", "requires"};
  if (Words.contains(T.Text))
    return true;
  // Macros such as NOEXCEPT or ATTRIBUTE_PURE.
  return llvm::all_of(T.Text, [](char C) {
    return llvm::isUpper(C) || llvm::isDigit(C) || C == '_';
  });
}

/// The qualified name that ends at H[Last] ("A::B::f", "~A", "operator==").
std::string qualifiedNameEndingAt(const std::vector<Token> &H, size_t Last) {
  std::vector<std::string> Parts;
  size_t I = Last + 1;
  while (I > 0) {
    --I;
    std::string Part = H[I].Text;
    if (I > 0 && H[I - 1].Text == "~") {
      Part.insert(0, "~");
      --I;
    }
    Parts.push_back(Part);
    // Skip template arguments of the qualifier: X<int>::f.
    if (I < 2 || H[I - 1].Text != "::")
      break;
    I -= 1;
    if (H[I - 1].Text == ">") {
      int Depth = 0;
      size_t J = I;
      while (J > 0) {
        --J;
        if (H[J].Text == ">")
          ++Depth;
        else if (H[J].Text == "<" && --Depth == 0)
          break;
      }
      I = J;
    }
    if (I == 0 || H[I - 1].Kind != TokenKind::Identifier)
      break;
  }
  std::reverse(Parts.begin(), Parts.end());
  return llvm::join(Parts, "::");
}

/// The name of the function whose body the brace after \p H opens, if it
/// is one.
std::optional<std::string> functionName(const std::vector<Token> &H) {
  size_t End = declaratorEnd(H);
  // An initializer (`int a[] = {`, `auto l = [] {`) is not a body.
  int Depth = 0;
  for (size_t I = 0; I < End; ++I) {
    if (H[I].Text == "(")
      ++Depth;
    else if (H[I].Text == ")")
      --Depth;
    else if (Depth == 0 && H[I].Kind == TokenKind::Punct && H[I].Text == "=")
      return std::nullopt;
  }
  // The parameter list is the last top-level parenthesis that follows a
  // name; what comes after it must be qualifiers.
  std::optional<size_t> Best;
  Depth = 0;
  for (size_t I = 0; I < End; ++I) {
    if (H[I].Kind != TokenKind::Punct)
      continue;
    if (H[I].Text == "(") {
      if (Depth++ == 0 && I > 0 && H[I - 1].Kind == TokenKind::Identifier &&
          !isNotAName(H[I - 1].Text))
        Best = I;
    } else if (H[I].Text == ")") {
      --Depth;
    }
  }
  if (!Best)
    return std::nullopt;
  std::optional<size_t> Close = matchingParen(H, *Best);
  if (!Close || *Close >= End)
    return std::nullopt;
  // Qualifiers; whatever is in their parentheses or brackets
  // (noexcept(...), [[...]], __attribute__((...))) is theirs.
  int Nesting = 0;
  for (size_t I = *Close + 1; I < End; ++I) {
    llvm::StringRef T = H[I].Text;
    if (T == "(" || T == "[")
      ++Nesting;
    else if (T == ")" || T == "]")
      --Nesting;
    else if (Nesting == 0 && !isAllowedTrailer(H[I]))
      return std::nullopt;
  }
  return qualifiedNameEndingAt(H, *Best - 1);
}

/// The scope a non-function brace after \p H opens.
Scope otherScope(const std::vector<Token> &H) {
  Scope S;
  if (H.size() == 2 && H[0].Text == "extern" &&
      H[1].Kind == TokenKind::String) {
    S.K = Scope::Transparent;
    return S;
  }
  for (size_t I = 0; I < H.size(); ++I) {
    if (H[I].Kind != TokenKind::Identifier)
      continue;
    if (H[I].Text == "namespace") {
      S.K = Scope::Transparent;
      for (size_t J = I + 1; J < H.size(); ++J)
        S.Name += H[J].Text;
      if (S.Name.empty())
        S.Name = "(anonymous namespace)";
      return S;
    }
    if (H[I].Text == "class" || H[I].Text == "struct" || H[I].Text == "union") {
      S.K = Scope::Transparent;
      // The name is the last identifier before the base clause, outside
      // template arguments; export macros come before it.
      int Angle = 0;
      for (size_t J = I + 1; J < H.size() && H[J].Text != ":"; ++J) {
        if (H[J].Text == "<")
          ++Angle;
        else if (H[J].Text == ">")
          --Angle;
        else if (Angle == 0 && H[J].Kind == TokenKind::Identifier &&
                 H[J].Text != "final")
          S.Name = H[J].Text;
      }
      return S;
    }
  }
  return S;
}

/// The scanner: one pass over the file.
class Scanner {
public:
  Scanner(llvm::StringRef Text, std::vector<FunctionIndex::Body> &Bodies)
      : Text(Text), Bodies(Bodies) {}

  void run() {
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if (C == '\n') {
        AtLineStart = true;
        ++Pos;
        continue;
      }
      if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v') {
        ++Pos;
        continue;
      }
      if (C == '#' && AtLineStart) {
        directive();
        continue;
      }
      AtLineStart = false;
      if (Skipping) {
        skipToken();
        continue;
      }
      token();
    }
  }

private:
  bool startsWith(llvm::StringRef S) const {
    return Text.substr(Pos).starts_with(S);
  }

  void skipLineComment() {
    while (Pos < Text.size() && Text[Pos] != '\n')
      ++Pos;
  }

  void skipBlockComment() {
    size_t End = Text.find("*/", Pos + 2);
    Pos = End == llvm::StringRef::npos ? Text.size() : End + 2;
  }

  /// A string or character literal; an unterminated one ends at the line.
  void skipQuoted(char Quote) {
    ++Pos;
    while (Pos < Text.size() && Text[Pos] != Quote && Text[Pos] != '\n') {
      if (Text[Pos] == '\\')
        ++Pos;
      ++Pos;
    }
    if (Pos < Text.size() && Text[Pos] == Quote)
      ++Pos;
  }

  /// At the '"' of R"delim( ... )delim".
  void skipRawString() {
    size_t Open = Text.find('(', Pos);
    if (Open == llvm::StringRef::npos) {
      Pos = Text.size();
      return;
    }
    std::string Close = (")" + Text.slice(Pos + 1, Open) + "\"").str();
    size_t End = Text.find(Close, Open);
    Pos = End == llvm::StringRef::npos ? Text.size() : End + Close.size();
  }

  /// Comments, literals and whitespace-free tokens of skipped code.
  bool skipCommentOrLiteral() {
    if (startsWith("//")) {
      skipLineComment();
      return true;
    }
    if (startsWith("/*")) {
      skipBlockComment();
      return true;
    }
    if (Text[Pos] == '"' || Text[Pos] == '\'') {
      skipQuoted(Text[Pos]);
      return true;
    }
    return false;
  }

  void skipToken() {
    if (skipCommentOrLiteral())
      return;
    ++Pos;
  }

  /// A preprocessor line: conditionals decide what is skipped; the rest is
  /// ignored.
  void directive() {
    size_t Begin = Pos;
    // The directive ends at a newline that is not escaped.
    while (Pos < Text.size() && Text[Pos] != '\n') {
      if (startsWith("/*")) {
        skipBlockComment();
        continue;
      }
      if (Text[Pos] == '\\' && Pos + 1 < Text.size() &&
          (Text[Pos + 1] == '\n' || Text[Pos + 1] == '\r')) {
        Pos += Text[Pos + 1] == '\r' && startsWith("\\\r\n") ? 3 : 2;
        continue;
      }
      ++Pos;
    }
    llvm::StringRef Line = Text.slice(Begin + 1, Pos).ltrim(" \t");
    llvm::StringRef Name = Line.take_while(isIdentifierChar);
    llvm::StringRef Rest = Line.drop_front(Name.size()).trim();
    if (Name == "if" || Name == "ifdef" || Name == "ifndef") {
      // Code under `#if 0` is never compiled; its #else branch is.
      bool Dead = Name == "if" && Rest == "0";
      Conditionals.push_back(Dead ? Branch::Dead : Branch::First);
    } else if ((Name == "elif" || Name == "else" || Name == "elifdef" ||
                Name == "elifndef") &&
               !Conditionals.empty()) {
      // Only one branch of a conditional is read, so that braces balance.
      Conditionals.back() =
          Conditionals.back() == Branch::Dead && Name == "else" ? Branch::First
                                                                : Branch::Later;
    } else if (Name == "endif" && !Conditionals.empty()) {
      Conditionals.pop_back();
    }
    Skipping =
        llvm::any_of(Conditionals, [](Branch B) { return B != Branch::First; });
  }

  void token() {
    char C = Text[Pos];
    if (skipCommentOrLiteralToken())
      return;
    if (isIdentifierStart(C) || llvm::isDigit(C)) {
      size_t Begin = Pos;
      bool Number = llvm::isDigit(C);
      while (Pos < Text.size() &&
             (isIdentifierChar(Text[Pos]) ||
              (Number && (Text[Pos] == '.' || Text[Pos] == '\''))))
        ++Pos;
      llvm::StringRef Word = Text.slice(Begin, Pos);
      // String literal prefixes: L"", u8"", R"(...)".
      if (Pos < Text.size() && Text[Pos] == '"' && !Number &&
          llvm::is_contained(
              {"L", "u", "U", "u8", "R", "LR", "uR", "UR", "u8R"}, Word)) {
        if (Word.ends_with("R"))
          skipRawString();
        else
          skipQuoted('"');
        push(TokenKind::String, "\"\"");
        return;
      }
      push(TokenKind::Identifier, Word.str());
      return;
    }
    ++Pos;
    if (C == '{') {
      openBrace();
      return;
    }
    if (C == '}') {
      closeBrace();
      return;
    }
    if (C == ';') {
      if (!inFunction())
        Header.clear();
      return;
    }
    if (C == ':' && Pos < Text.size() && Text[Pos] == ':') {
      ++Pos;
      push(TokenKind::Punct, "::");
      return;
    }
    if (C == '-' && Pos < Text.size() && Text[Pos] == '>') {
      ++Pos;
      push(TokenKind::Punct, "->");
      return;
    }
    if (C == '&' && Pos < Text.size() && Text[Pos] == '&') {
      ++Pos;
      push(TokenKind::Punct, "&&");
      return;
    }
    push(TokenKind::Punct, std::string(1, C));
  }

  bool skipCommentOrLiteralToken() {
    if (startsWith("//") || startsWith("/*")) {
      skipCommentOrLiteral();
      return true;
    }
    if (Text[Pos] == '"') {
      skipQuoted('"');
      push(TokenKind::String, "\"\"");
      return true;
    }
    if (Text[Pos] == '\'') {
      skipQuoted('\'');
      push(TokenKind::Punct, "'c'");
      return true;
    }
    return false;
  }

  bool inFunction() const {
    return llvm::any_of(Scopes,
                        [](const Scope &S) { return S.K == Scope::Function; });
  }

  void push(TokenKind Kind, std::string Word) {
    if (inFunction())
      return;
    // `operator==`, `operator()` and `operator new` are one name.
    if (!Header.empty() &&
        llvm::StringRef(Header.back().Text).starts_with("operator")) {
      Token &Last = Header.back();
      bool Bare = Last.Text == "operator";
      bool CallOperator = Last.Text == "operator(" && Word == ")";
      if (Bare && Kind == TokenKind::Identifier) {
        Last.Text += " " + Word;
        return;
      }
      if ((Kind == TokenKind::Punct && Word != "(" && Word != "::") ||
          (Bare && Word == "(" && nextIsCloseParen()) || CallOperator) {
        Last.Text += Word;
        return;
      }
    }
    // A runaway declaration (a macro without its semicolon) stays bounded.
    const size_t MaxHeader = 512;
    if (Header.size() == MaxHeader)
      Header.erase(Header.begin(), Header.begin() + MaxHeader / 2);
    Header.push_back({Kind, std::move(Word)});
  }

  bool nextIsCloseParen() const {
    size_t I = Pos;
    while (I < Text.size() && (Text[I] == ' ' || Text[I] == '\t'))
      ++I;
    return I < Text.size() && Text[I] == ')';
  }

  void openBrace() {
    Scope S;
    if (inFunction()) {
      Scopes.push_back(S);
      return;
    }
    // `Ctor() : Member{Init}`: a brace initializer, not the body.
    bool InInitializers = declaratorEnd(Header) < Header.size() &&
                          Header[declaratorEnd(Header)].Text == ":";
    if (InInitializers && !Header.empty() &&
        (Header.back().Kind == TokenKind::Identifier ||
         Header.back().Text == ">")) {
      S.ResumesHeader = true;
      Scopes.push_back(S);
      return;
    }
    if (std::optional<std::string> Name = functionName(Header)) {
      S.K = Scope::Function;
      S.BodyIndex = static_cast<unsigned>(Bodies.size());
      std::string Qualified;
      for (const Scope &Outer : Scopes)
        if (!Outer.Name.empty())
          Qualified += Outer.Name + "::";
      Bodies.push_back({static_cast<unsigned>(Pos - 1), 0, Qualified + *Name});
    } else {
      S = otherScope(Header);
    }
    Header.clear();
    Scopes.push_back(S);
  }

  void closeBrace() {
    if (Scopes.empty()) {
      // Unbalanced (a macro that closes a scope): start afresh.
      Header.clear();
      return;
    }
    Scope S = Scopes.back();
    Scopes.pop_back();
    if (S.K == Scope::Function)
      Bodies[S.BodyIndex].End = static_cast<unsigned>(Pos);
    if (S.ResumesHeader)
      push(TokenKind::Punct, "{}");
    else if (!inFunction())
      Header.clear();
  }

  enum class Branch : std::uint8_t { First, Later, Dead };

  llvm::StringRef Text;
  std::vector<FunctionIndex::Body> &Bodies;
  size_t Pos = 0;
  bool AtLineStart = true;
  bool Skipping = false;
  std::vector<Branch> Conditionals;
  std::vector<Scope> Scopes;
  std::vector<Token> Header;
};

} // namespace

FunctionIndex::FunctionIndex(llvm::StringRef Text) {
  Scanner(Text, Bodies).run();
  // A body left open at the end of the file ends there.
  for (Body &B : Bodies)
    if (B.End == 0)
      B.End = static_cast<unsigned>(Text.size());
}

llvm::StringRef FunctionIndex::functionAt(unsigned Offset) const {
  auto It =
      std::upper_bound(Bodies.begin(), Bodies.end(), Offset,
                       [](unsigned O, const Body &B) { return O < B.Begin; });
  if (It == Bodies.begin())
    return {};
  --It;
  return Offset < It->End ? llvm::StringRef(It->Name) : llvm::StringRef();
}

} // namespace sinkguard::report
