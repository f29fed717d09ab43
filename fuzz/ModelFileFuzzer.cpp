//===--- ModelFileFuzzer.cpp - Arbitrary model files ----------------------===//
//
// libFuzzer target: the input is a model file (.sinkguard.yaml). A file is
// either rejected with one error or becomes a model whose rules can be
// looked up and whose argument sets expand, as the checks use them.
//
//===----------------------------------------------------------------------===//

#include "model/ModelFile.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<sinkguard::model::ModelFile> File =
      sinkguard::model::parseModelFile(Text, "fuzz.sinkguard.yaml");
  if (!File) {
    llvm::consumeError(File.takeError());
    return 0;
  }
  std::unique_ptr<sinkguard::model::Model> Model =
      sinkguard::model::modelFor(*File);
  for (const sinkguard::model::Rule &R : File->Rules) {
    (void)Model->fact(R.Function, R.Kind);
    for (const sinkguard::model::Rule *Found : Model->rulesFor(R.Function))
      for (unsigned NumArgs : {0U, 1U, 3U, 8U}) {
        (void)Found->In.expand(NumArgs);
        (void)Found->Out.expand(NumArgs);
      }
  }
  return 0;
}
