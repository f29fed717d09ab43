//===--- Rules.h - What a report says about each rule -----------*- C++ -*-===//
//
// A SARIF rule (reportingDescriptor) for every check that ran. sinkguard's
// checks are described from their row of checks/Checks.def (summary, CWEs,
// severity, precision, level) and their page in docs/checks (help); any
// other clang-tidy check that produced a result gets its name, a generic
// description and a link to its documentation on clang.llvm.org.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_REPORT_RULES_H
#define SINKGUARD_TOOL_REPORT_RULES_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sinkguard::report {

struct RuleDescriptor {
  std::string Id;
  /// PascalCase, as SARIF suggests: "ShellCommandConstruction".
  std::string Name;
  std::string ShortDescription;
  std::string FullDescription;
  std::string HelpText;
  std::string HelpMarkdown;
  std::string HelpUri;
  Level DefaultLevel = Level::Warning;
  std::vector<std::string> Tags;
  /// Empty when unknown.
  std::string SecuritySeverity;
  std::string Precision;
  /// CodeQL's property: "error", "warning" or "recommendation".
  std::string ProblemSeverity;
  /// The OWASP ASVS requirement, for sinkguard's checks.
  std::string Asvs;
};

/// The descriptor of rule \p Id.
RuleDescriptor describeRule(llvm::StringRef Id);

/// Where sinkguard's documentation lives online: the repository URL (for
/// informationUri) and the base of the docs pages' URLs.
llvm::StringRef repositoryUrl();
std::string docsUrl(llvm::StringRef PathInDocs);

/// Plain text for SARIF's help.text from a Markdown page: headings, code
/// fences and inline markup removed, links written out.
std::string markdownToText(llvm::StringRef Markdown);

} // namespace sinkguard::report

#endif
