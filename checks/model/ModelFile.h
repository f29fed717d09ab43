//===--- ModelFile.h - User rules from a YAML model file --------*- C++ -*-===//
//
// Users add rules to the built-in model, or switch built-in rules off, in a
// YAML file: the check option ModelFile, or else the nearest .sinkguard.yaml
// above the source file. The format is documented in docs/model.md. A file
// with any problem is rejected as a whole with one "file:line:col: message"
// error, so that the caller can report it as a configuration diagnostic and
// carry on with the built-in model.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_MODEL_MODELFILE_H
#define SINKGUARD_CHECKS_MODEL_MODELFILE_H

#include "Model.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm::vfs {
class FileSystem;
} // namespace llvm::vfs

namespace sinkguard::model {

/// The name of the project-wide model file.
constexpr llvm::StringLiteral ProjectModelFileName = ".sinkguard.yaml";

/// The contents of one model file.
struct ModelFile {
  /// Rules the file adds, each with Origin "<path>:<line>".
  std::vector<Rule> Rules;
  /// Functions whose built-in rules the file switches off.
  std::vector<std::string> Disabled;
  std::string Path;
};

/// Parses YAML text; on error returns an llvm::Error whose message is
/// "<path>:<line>:<col>: <what is wrong>" (one line, the first problem).
llvm::Expected<ModelFile> parseModelFile(llvm::StringRef Text,
                                         llvm::StringRef Path);

/// Reads and parses a file; unreadable file -> error
/// "<path>: cannot read model file: <reason>".
llvm::Expected<ModelFile> loadModelFile(llvm::StringRef Path,
                                        llvm::vfs::FileSystem &FS);

/// The nearest ".sinkguard.yaml" in the directory of \p SourceFile or any
/// parent, or "" if none.
std::string findProjectModelFile(llvm::StringRef SourceFile,
                                 llvm::vfs::FileSystem &FS);

/// The model in force with \p File: the built-in rules minus File.Disabled
/// plus File.Rules.
///
/// Every call builds a new Model: a Model caches the rules it makes from
/// annotations per FunctionDecl, so one Model must serve one AST on one
/// thread and must not be shared between translation units.
std::unique_ptr<Model> modelFor(const ModelFile &File);

/// loadModelFile, parsed once per process for each path and contents: many
/// translation units, on any threads, that load the same file share one
/// parse. The file is read on every call and compared with what was parsed,
/// so an edited file is seen at once, whatever its modification time. Parse
/// errors are cached too; read errors are not.
llvm::Expected<std::shared_ptr<const ModelFile>>
loadModelFileCached(llvm::StringRef Path, llvm::vfs::FileSystem &FS);

/// modelFor(loadModelFileCached(Path, FS)): a new Model for one translation
/// unit, from the cached parse.
llvm::Expected<std::unique_ptr<Model>> loadModel(llvm::StringRef Path,
                                                 llvm::vfs::FileSystem &FS);

/// The model file spelling of a kind ("network", "exec-vector").
llvm::StringRef sourceKindName(SourceKind Kind);
llvm::StringRef sinkKindName(SinkKind Kind);

} // namespace sinkguard::model

#endif
