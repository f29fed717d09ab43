//===--- ReportProbeMain.cpp - Inspect what reports compute from a file ---===//
//
// A test tool, not installed:
//
//   sinkguard-report-probe line-hashes FILE
//       "<line>: <primaryLocationLineHash>" for every line, as GitHub's
//       upload action computes them.
//
//===----------------------------------------------------------------------===//

#include "LineHash.h"
#include "SourceFile.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

int main(int Argc, const char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  llvm::StringRef Mode = Argc == 3 ? Argv[1] : "";
  if (Mode != "line-hashes") {
    llvm::errs() << "usage: sinkguard-report-probe line-hashes FILE\n";
    return 2;
  }
  auto File = sinkguard::report::SourceFile::load(Argv[2]);
  if (!File) {
    llvm::errs() << "sinkguard-report-probe: error: cannot read " << Argv[2]
                 << "\n";
    return 1;
  }
  std::vector<std::string> Hashes =
      sinkguard::report::computeLineHashes(File->text());
  for (size_t I = 0; I < Hashes.size(); ++I)
    llvm::outs() << (I + 1) << ": " << Hashes[I] << "\n";
  return 0;
}
