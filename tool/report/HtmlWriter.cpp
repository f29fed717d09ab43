//===--- HtmlWriter.cpp ---------------------------------------------------===//

#include "HtmlWriter.h"
#include "JsonPrinter.h"
#include "Rules.h"
#include "SarifWriter.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <map>

namespace sinkguard::report {

namespace {

/// Lines of code shown above and below each step.
constexpr unsigned ContextLines = 2;

/// \p S as HTML text (valid UTF-8 first).
std::string escape(llvm::StringRef S) {
  std::string Valid = jsonString(S);
  std::string Out;
  Out.reserve(Valid.size());
  for (char C : Valid) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

/// A check id as an HTML class name and data value (ids are [a-z0-9-]).
std::string token(llvm::StringRef Id) {
  std::string Out;
  for (char C : Id)
    Out += (std::isalnum(static_cast<unsigned char>(C)) || C == '-') ? C : '_';
  return Out;
}

const char Style[] = R"css(
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;
padding:1rem 1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
th{background:#f6f8fa}td.n{text-align:right}
.finding{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;
padding:.5rem 1rem}
.finding h3{font-size:1rem;margin:.3rem 0}
.level{font-size:.75rem;font-weight:600;padding:.1rem .4rem;border-radius:1rem;
color:#fff;background:#9a6700}.level.error{background:#cf222e}
.level.note{background:#57606a}
.where,.rule{color:#57606a;font-size:.85rem}
ol.path{list-style:none;padding:0;margin:.5rem 0}
ol.path>li{margin:0}
.arrow{color:#0969da;font-size:1.1rem;margin:.1rem 0 .1rem 1.2rem}
.step-head{font-size:.85rem;margin:.3rem 0 .1rem}
.badge{display:inline-block;min-width:1.4rem;text-align:center;
border-radius:1rem;background:#0969da;color:#fff;font-weight:600;
font-size:.8rem;margin-right:.4rem}
.sink .badge{background:#cf222e}
pre.code{margin:0;background:#f6f8fa;border:1px solid #d0d7de;
border-radius:4px;overflow-x:auto;font:12.5px/1.5 ui-monospace,monospace}
pre.code span.l{display:block;padding:0 .5rem;white-space:pre}
pre.code span.l.hit{background:#fff8c5}
pre.code span.ln{display:inline-block;width:3.5rem;color:#6e7781;
user-select:none}
pre.code span.mark{color:#0969da;font-weight:700}
.sink pre.code span.l.hit{background:#ffebe9}
.msg{margin:.1rem 0 .2rem 1.9rem;font-size:.9rem}
#filter{margin:.5rem 0}
)css";

/// Filtering by check; the page is complete without it.
const char Script[] = R"js(
(function(){var s=document.getElementById('filter-check');if(!s)return;
document.getElementById('filter').hidden=false;
s.addEventListener('change',function(){var v=s.value;
document.querySelectorAll('section.finding').forEach(function(f){
f.hidden=v!==''&&f.dataset.check!==v;});});})();
)js";

struct Step {
  const Location *Where;
  const std::string *Message;
  bool Sink;
};

void code(llvm::raw_ostream &OS, const Location &L, unsigned Number,
          SourceCache &Sources) {
  const SourceFile *File = Sources.get(L.File);
  if (!File || !L.valid())
    return;
  unsigned Line = L.Point.Line;
  unsigned First = Line > ContextLines ? Line - ContextLines : 1;
  unsigned Last = std::min(File->lineCount(), Line + ContextLines);
  OS << "<pre class=\"code\">";
  for (unsigned I = First; I <= Last; ++I) {
    bool Hit = I == Line;
    OS << "<span class=\"l" << (Hit ? " hit" : "") << "\"><span class=\"ln\">"
       << I << "</span>";
    llvm::StringRef Text = File->line(I);
    if (Hit) {
      // The step's number where its column is.
      unsigned Column = std::min<unsigned>(
          L.Point.Column ? L.Point.Column - 1 : 0, Text.size());
      OS << escape(Text.take_front(Column)) << "<span class=\"mark\">&#x25B6;"
         << Number << "</span>" << escape(Text.drop_front(Column));
    } else {
      OS << escape(Text);
    }
    OS << "</span>";
  }
  OS << "</pre>\n";
}

void finding(llvm::raw_ostream &OS, const Finding &F, size_t Index,
             const Report &R, const RuleDescriptor &Rule,
             SourceCache &Sources) {
  llvm::StringRef Level = levelName(F.Severity);
  OS << "<section class=\"finding\" id=\"finding-" << Index
     << "\" data-check=\"" << token(F.RuleId) << "\">\n<h3><span class=\"level "
     << Level << "\">" << Level << "</span> " << escape(F.Message)
     << "</h3>\n<div class=\"rule\"><a href=\"" << escape(Rule.HelpUri) << "\">"
     << escape(F.RuleId) << "</a>";
  if (!Rule.SecuritySeverity.empty())
    OS << " &middot; security severity " << escape(Rule.SecuritySeverity);
  OS << "</div>\n<div class=\"where\">" << escape(R.Root.display(F.Where.File))
     << ":" << F.Where.Point.Line << ":" << F.Where.Point.Column << "</div>\n";
  // The path: each note is a step, origin first; the finding's own place is
  // the sink, the last step.
  std::vector<Step> Steps;
  for (const Note &N : F.Notes)
    if (N.Where.valid())
      Steps.push_back({&N.Where, &N.Message, false});
  Steps.push_back({&F.Where, &F.Message, true});
  OS << "<ol class=\"path\">\n";
  for (size_t I = 0; I < Steps.size(); ++I) {
    const Step &S = Steps[I];
    unsigned Number = static_cast<unsigned>(I + 1);
    if (I)
      OS << "<li class=\"arrow\" aria-hidden=\"true\">&#x2193;</li>\n";
    OS << "<li class=\"step" << (S.Sink ? " sink" : "") << "\">"
       << "<div class=\"step-head\"><span class=\"badge\">" << Number
       << "</span>" << escape(R.Root.display(S.Where->File)) << ":"
       << S.Where->Point.Line << "</div>\n";
    code(OS, *S.Where, Number, Sources);
    OS << "<div class=\"msg\">" << escape(*S.Message) << "</div></li>\n";
  }
  OS << "</ol>\n</section>\n";
}

} // namespace

void writeHtml(const Report &R, llvm::raw_ostream &OS, SourceCache &Sources) {
  llvm::StringMap<RuleDescriptor> Rules;
  std::map<std::string, size_t> PerCheck;
  std::map<std::string, size_t> PerFile;
  for (const Finding &F : R.Findings) {
    if (!Rules.count(F.RuleId))
      Rules[F.RuleId] = describeRule(F.RuleId);
    ++PerCheck[F.RuleId];
    ++PerFile[R.Root.display(F.Where.File)];
  }
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
     << "\n<meta name=\"viewport\" content=\"width=device-width\">\n"
     << "<title>sinkguard report</title>\n<style>" << Style
     << "</style>\n</head>\n<body>\n<h1>sinkguard report</h1>\n<p>sinkguard "
     << toolVersion() << " &middot; " << escape(R.Root.path()) << " &middot; "
     << R.FilesAnalysed << " file(s) analysed &middot; <strong id=\"count\">"
     << R.Findings.size() << "</strong> finding(s)";
  if (!R.ExecutionSuccessful)
    OS << " &middot; <strong>the scan was incomplete</strong>";
  OS << "</p>\n";
  if (!R.Notifications.empty()) {
    OS << "<h2>Notifications</h2>\n<ul>\n";
    for (const Notification &N : R.Notifications)
      OS << "<li>" << levelName(N.Severity) << ": " << escape(N.Message)
         << "</li>\n";
    OS << "</ul>\n";
  }
  OS << "<h2>Summary</h2>\n<table class=\"checks\">\n<tr><th>Check</th>"
     << "<th>Findings</th><th>Level</th><th>Security severity</th></tr>\n";
  for (const auto &[Id, Count] : PerCheck) {
    const RuleDescriptor &Rule = Rules[Id];
    OS << "<tr><td><a href=\"" << escape(Rule.HelpUri) << "\">" << escape(Id)
       << "</a></td><td class=\"n\">" << Count << "</td><td>"
       << levelName(Rule.DefaultLevel) << "</td><td>"
       << escape(Rule.SecuritySeverity) << "</td></tr>\n";
  }
  OS << "</table>\n<table class=\"files\">\n<tr><th>File</th><th>Findings"
     << "</th></tr>\n";
  for (const auto &[File, Count] : PerFile)
    OS << "<tr><td>" << escape(File) << "</td><td class=\"n\">" << Count
       << "</td></tr>\n";
  OS << "</table>\n<h2>Findings</h2>\n";
  if (!PerCheck.empty()) {
    OS << "<div id=\"filter\" hidden><label>Check: <select id=\"filter-check\">"
       << "<option value=\"\">all</option>";
    for (const auto &[Id, Count] : PerCheck)
      OS << "<option value=\"" << token(Id) << "\">" << escape(Id)
         << "</option>";
    OS << "</select></label></div>\n";
  }
  for (size_t I = 0; I < R.Findings.size(); ++I)
    finding(OS, R.Findings[I], I + 1, R, Rules[R.Findings[I].RuleId], Sources);
  if (R.Findings.empty())
    OS << "<p>No findings.</p>\n";
  OS << "<script>" << Script << "</script>\n</body>\n</html>\n";
}

} // namespace sinkguard::report
