//===--- UnitFunctions.h - The function of each diagnostic's place -*- C++ -*-//
//
// Reports name the function a finding is in (engine/FunctionNames.h), and
// only the parse knows it: clang-tidy hands its diagnostics back as file
// offsets once the unit's AST is gone, and runClangTidy has no hook into
// the parse. So the driver adds an AST consumer of its own to the parses of
// this process: an entry of Clang's FrontendPluginRegistry whose action
// runs after the main one (clang-tidy's) without any command-line flag. On
// a thread with a UnitFunctions it indexes the function bodies of the unit
// by file; elsewhere it does nothing. After the parse, each diagnostic's
// place is looked up.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_UNITFUNCTIONS_H
#define SINKGUARD_TOOL_DRIVER_UNITFUNCTIONS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "engine/FunctionNames.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace sinkguard::driver {

/// The function bodies of the units parsed on this thread while it exists.
class UnitFunctions {
public:
  UnitFunctions();
  ~UnitFunctions();
  UnitFunctions(const UnitFunctions &) = delete;
  UnitFunctions &operator=(const UnitFunctions &) = delete;

  /// The collector of this thread, or null.
  static UnitFunctions *current();

  /// Adds the bodies of a parsed unit, whose diagnostics name their files
  /// as \p Bodies' FileIDs name theirs, relative to \p BuildDirectory.
  void add(const clang::SourceManager &SM,
           const ::sinkguard::engine::FunctionBodies &Bodies,
           llvm::StringRef BuildDirectory);

  /// The function of each of \p Errors' places, in order; empty outside
  /// every function.
  std::vector<std::string>
  namesOf(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors);

private:
  /// By build directory and file name as the diagnostics give them.
  llvm::StringMap<std::vector<::sinkguard::engine::FunctionBody>> Files;
  bool Normalized = false;
  UnitFunctions *Previous;
};

} // namespace sinkguard::driver

#endif
