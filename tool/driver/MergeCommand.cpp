//===--- MergeCommand.cpp -------------------------------------------------===//

#include "MergeCommand.h"
#include "JsonPrinter.h"
#include "Merge.h"
#include "OutputFile.h"
#include "SarifLog.h"
#include "llvm/Support/raw_ostream.h"

namespace sinkguard::driver {

int runMerge(const MergeOptions &Options) {
  if (llvm::Error E = checkWritable(Options.OutputPath)) {
    llvm::errs() << "sinkguard: error: " << llvm::toString(std::move(E))
                 << "\n";
    return ExitUsage;
  }
  std::vector<report::SarifInput> Inputs;
  for (const std::string &Path : Options.Inputs) {
    llvm::Expected<llvm::json::Value> Log = report::readSarifLog(Path);
    if (!Log) {
      llvm::errs() << "sinkguard: error: " << llvm::toString(Log.takeError())
                   << "\n";
      return ExitUsage;
    }
    Inputs.push_back({Path, std::move(*Log)});
  }
  llvm::Expected<report::MergeResult> Merged =
      report::mergeSarifLogs(std::move(Inputs), Options.AutomationId);
  if (!Merged) {
    llvm::errs() << "sinkguard: error: " << llvm::toString(Merged.takeError())
                 << "\n";
    return ExitUsage;
  }
  for (const std::string &W : Merged->Warnings)
    llvm::errs() << "sinkguard: warning: " << W << "\n";
  if (llvm::Error E =
          writeOutput(Options.OutputPath, [&](llvm::raw_ostream &OS) {
            report::printJson(Merged->Log, OS);
          })) {
    llvm::errs() << "sinkguard: error: " << llvm::toString(std::move(E))
                 << "\n";
    return ExitUsage;
  }
  return ExitClean;
}

} // namespace sinkguard::driver
