//===--- ModelFileTool.cpp - Prints what a model file adds ----------------===//
//
// Test-only: loads a model file and prints its rules, one per line, or its
// error on stderr with exit status 1.
//
//   sinkguard-test-model FILE [--query NAME]...
//   sinkguard-test-model --find SOURCE [--query NAME]...
//
// --find looks for the project-wide .sinkguard.yaml as a check would for
// SOURCE. --query prints the rules in force for NAME in the model the file
// makes (built-in rules minus Disable plus the file's rules): its data-flow
// rules, then the others (noreturn, text tests) of a function of that name.
//
//===----------------------------------------------------------------------===//

#include "model/ModelFile.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

using namespace sinkguard::model;

static const char Usage[] =
    "usage: sinkguard-test-model FILE|--find SOURCE [--query NAME]...\n";

static std::string positionName(int Pos) {
  if (Pos == ReturnValue)
    return "ret";
  if (Pos == ThisObject)
    return "this";
  return std::to_string(Pos);
}

static std::string argSetText(const ArgSet &Set) {
  std::string Out = "[";
  for (int Pos : Set.explicitArgs()) {
    if (Out.size() > 1)
      Out += ",";
    Out += positionName(Pos);
  }
  if (Set.variadicFrom() != NoArg) {
    if (Out.size() > 1)
      Out += ",";
    Out += std::to_string(Set.variadicFrom()) + "...";
  }
  return Out + "]";
}

static llvm::StringRef kindName(RuleKind Kind) {
  switch (Kind) {
  case RuleKind::Source:
    return "source";
  case RuleKind::Sink:
    return "sink";
  case RuleKind::Propagator:
    return "propagator";
  case RuleKind::Sanitizer:
    return "sanitizer";
  case RuleKind::Validator:
    return "validator";
  case RuleKind::NoReturn:
    return "noreturn";
  case RuleKind::TextTest:
    return "text-test";
  case RuleKind::SizeOf:
    return "size-of";
  case RuleKind::UncheckedIndex:
    return "unchecked-index";
  case RuleKind::CallsBack:
    return "calls-back";
  }
  return "?";
}

static llvm::StringRef testName(TextTest Test) {
  switch (Test) {
  case TextTest::None:
    break;
  case TextTest::Equal:
    return "equal";
  case TextTest::AllowClass:
    return "allow-class";
  case TextTest::Length:
    return "length";
  case TextTest::SpanOfSet:
    return "span-of-set";
  case TextTest::FindInSet:
    return "find-in-set";
  case TextTest::FindNotInSet:
    return "find-not-in-set";
  }
  return "none";
}

static void printRule(const Rule &R, llvm::raw_ostream &OS) {
  OS << kindName(R.Kind) << " " << R.Function << " in=" << argSetText(R.In)
     << " out=" << argSetText(R.Out);
  if (R.Kind == RuleKind::Source)
    OS << " source=" << sourceKindName(R.Source);
  if (R.Global)
    OS << " global";
  if (R.Kind == RuleKind::TextTest)
    OS << " test=" << testName(R.Test);
  if (R.SetArg != NoArg)
    OS << " set=" << positionName(R.SetArg);
  if (R.AnyClass)
    OS << " any-class";
  if (R.Kind == RuleKind::Sink)
    OS << " sink=" << sinkKindName(R.Sink);
  if (R.Appends)
    OS << " appends";
  if (R.ReturnsArg != NoArg)
    OS << " returns=" << positionName(R.ReturnsArg);
  if (R.FormatArg != NoArg)
    OS << " format=" << R.FormatArg;
  OS << " origin=" << R.Origin << "\n";
}

int main(int Argc, const char **Argv) {
  std::string File;
  std::string Source;
  std::vector<std::string> Queries;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if ((Arg == "--find" || Arg == "--query") && I + 1 < Argc) {
      (Arg == "--find" ? Source : Queries.emplace_back()) = Argv[++I];
    } else if (File.empty() && !Arg.starts_with("-")) {
      File = Arg.str();
    } else {
      llvm::errs() << Usage;
      return 2;
    }
  }
  if (File.empty() == Source.empty()) {
    llvm::errs() << Usage;
    return 2;
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::getRealFileSystem();
  if (!Source.empty()) {
    File = findProjectModelFile(Source, *FS);
    if (File.empty()) {
      llvm::outs() << "no model file\n";
      return 0;
    }
  }
  llvm::outs() << "file: " << File << "\n";

  // Loaded twice through the cache, as two translation units would: the
  // second load must give the same parse.
  auto Loaded = loadModelFileCached(File, *FS);
  if (!Loaded) {
    llvm::errs() << llvm::toString(Loaded.takeError()) << "\n";
    return 1;
  }
  auto Again = loadModelFileCached(File, *FS);
  if (!Again || Again->get() != Loaded->get()) {
    llvm::errs() << "second load did not come from the cache\n";
    return 1;
  }

  const ModelFile &M = **Loaded;
  for (const Rule &R : M.Rules)
    printRule(R, llvm::outs());
  for (const std::string &Name : M.Disabled)
    llvm::outs() << "disable " << Name << "\n";

  std::unique_ptr<Model> InForce = modelFor(M);
  for (const std::string &Name : Queries) {
    llvm::outs() << "query " << Name << ":";
    std::vector<const Rule *> Rules(InForce->rulesFor(Name).begin(),
                                    InForce->rulesFor(Name).end());
    for (RuleKind Kind : {RuleKind::NoReturn, RuleKind::TextTest,
                          RuleKind::SizeOf, RuleKind::UncheckedIndex})
      if (const Rule *R = InForce->fact(Name, Kind))
        Rules.push_back(R);
    llvm::outs() << (Rules.empty() ? " none\n" : "\n");
    for (const Rule *R : Rules) {
      llvm::outs() << "  ";
      printRule(*R, llvm::outs());
    }
  }
  return 0;
}
