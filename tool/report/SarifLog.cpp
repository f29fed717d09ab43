//===--- SarifLog.cpp -----------------------------------------------------===//

#include "SarifLog.h"
#include "llvm/Support/MemoryBuffer.h"

namespace sinkguard::report {

static llvm::Error failure(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 (Path + ": " + Why).str());
}

llvm::Expected<llvm::json::Value> readSarifLog(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return failure(Path, "cannot read: " + Buffer.getError().message());
  return parseSarifLog((*Buffer)->getBuffer(), Path);
}

llvm::Expected<llvm::json::Value> parseSarifLog(llvm::StringRef Text,
                                                llvm::StringRef Path) {
  llvm::Expected<llvm::json::Value> Log = llvm::json::parse(Text);
  if (!Log) {
    std::string Why = llvm::toString(Log.takeError());
    return failure(Path, "not valid JSON: " + Why);
  }
  const llvm::json::Object *Top = Log->getAsObject();
  const llvm::json::Array *Runs = Top ? Top->getArray("runs") : nullptr;
  std::optional<llvm::StringRef> Version =
      Top ? Top->getString("version") : std::nullopt;
  if (!Top || !Runs || Version != llvm::StringRef("2.1.0"))
    return failure(Path, "not a SARIF 2.1.0 log (no \"version\": \"2.1.0\" "
                         "and \"runs\")");
  for (const llvm::json::Value &Run : *Runs)
    if (!Run.getAsObject())
      return failure(Path, "not a SARIF 2.1.0 log (a run is not an object)");
  return Log;
}

} // namespace sinkguard::report
