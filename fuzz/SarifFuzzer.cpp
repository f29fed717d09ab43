//===--- SarifFuzzer.cpp - Arbitrary SARIF logs ---------------------------===//
//
// libFuzzer target: the input is a SARIF file as `--baseline` and
// `sinkguard merge` read it. A file is either refused with one error or
// becomes a baseline that findings are compared with, and merges with a
// copy of itself as two CI shards would.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Merge.h"
#include "SarifLog.h"
#include "SourceRoot.h"
#include <cstddef>
#include <cstdint>

using namespace sinkguard::report;

static std::vector<Finding> someFindings() {
  Finding F;
  F.RuleId = "sinkguard-tainted-shell-command";
  F.Where.File = "/src/main.c";
  F.LineHash = "5c4f3b2a1d0e9f8a:1";
  F.Fingerprint = "0123456789abcdef0123456789abcdef";
  Finding G = F;
  G.Fingerprint = "fedcba9876543210fedcba9876543210";
  return {F, G};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<llvm::json::Value> Log = parseSarifLog(Text, "fuzz.sarif");
  if (!Log) {
    llvm::consumeError(Log.takeError());
    return 0;
  }
  Baseline B = Baseline::fromLog(*Log, "fuzz.sarif");
  std::vector<Finding> Findings = someFindings();
  (void)B.apply(Findings, SourceRoot("/src"));

  std::vector<SarifInput> Shards;
  Shards.push_back({"a.sarif", *Log});
  Shards.push_back({"b.sarif", std::move(*Log)});
  for (const std::optional<std::string> &Id :
       {std::optional<std::string>(), std::optional<std::string>("fuzz/")}) {
    llvm::Expected<MergeResult> Merged = mergeSarifLogs(Shards, Id);
    if (!Merged)
      llvm::consumeError(Merged.takeError());
  }
  return 0;
}
