//===--- SinkguardModule.cpp - The sinkguard clang-tidy module ------------===//
//
// Registers every check listed in Checks.def. The same object file goes into
// the --load plugin, sinkguard-tidy, sinkguard-clangd and the driver.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidyModule.h"
// Check headers, sorted; scripts/add-check.py keeps this list.
#include "ShellCommandConstructionCheck.h"
#include "TaintedShellCommandCheck.h"
#include "UncheckedConversionCheck.h"
#include "UncheckedIndexCheck.h"
#include "UncheckedLoopBoundCheck.h"
#include "UncheckedSizeCheck.h"

namespace clang::tidy {
namespace sinkguard {
namespace {

class SinkguardModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
#define SINKGUARD_CHECK(Id, Class, ...) CheckFactories.registerCheck<Class>(Id);
#include "Checks.def"
  }
};

} // namespace
} // namespace sinkguard

static ClangTidyModuleRegistry::Add<sinkguard::SinkguardModule>
    X("sinkguard-module", "Adds sinkguard's security checks.");

// Referenced from the tool mains so that static links keep this module.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int SinkguardModuleAnchorSource = 0;

} // namespace clang::tidy
