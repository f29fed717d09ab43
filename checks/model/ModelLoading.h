//===--- ModelLoading.h - The model in force for a check --------*- C++ -*-===//
//
// Both command checks (and later the range checks) use the same model: the
// built-in rules, changed by the model file named in the check's ModelFile
// option or, without one, by the nearest .sinkguard.yaml above the main file.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_MODEL_MODELLOADING_H
#define SINKGUARD_CHECKS_MODEL_MODELLOADING_H

#include "Model.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace clang {
class SourceManager;
} // namespace clang

namespace sinkguard {

/// A new Model for one translation unit (a Model must not outlive or be
/// shared between ASTs). \p ModelFileOption names a model file, or is empty
/// to look for the project's .sinkguard.yaml next to the main file and up.
/// A file that cannot be read or parsed is reported once through \p Report
/// ("path:line:col: problem") and ignored: the built-in model is used.
std::unique_ptr<model::Model>
modelForTranslationUnit(llvm::StringRef ModelFileOption,
                        const clang::SourceManager &SM,
                        llvm::function_ref<void(llvm::StringRef)> Report);

} // namespace sinkguard

#endif
