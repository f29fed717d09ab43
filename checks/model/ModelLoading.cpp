//===--- ModelLoading.cpp -------------------------------------------------===//

#include "ModelLoading.h"
#include "ModelFile.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

namespace sinkguard {

std::unique_ptr<model::Model>
modelForTranslationUnit(llvm::StringRef ModelFileOption,
                        const clang::SourceManager &SM,
                        llvm::function_ref<void(llvm::StringRef)> Report) {
  llvm::vfs::FileSystem &FS = SM.getFileManager().getVirtualFileSystem();
  std::string Path = ModelFileOption.str();
  if (Path.empty()) {
    if (clang::OptionalFileEntryRef Main =
            SM.getFileEntryRefForID(SM.getMainFileID()))
      Path = model::findProjectModelFile(Main->getName(), FS);
  }
  if (Path.empty())
    return std::make_unique<model::Model>(model::Model::builtinRules());
  llvm::Expected<std::unique_ptr<model::Model>> Loaded =
      model::loadModel(Path, FS);
  if (!Loaded) {
    Report(llvm::toString(Loaded.takeError()));
    return std::make_unique<model::Model>(model::Model::builtinRules());
  }
  return std::move(*Loaded);
}

} // namespace sinkguard
