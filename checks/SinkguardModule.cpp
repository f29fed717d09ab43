//===--- SinkguardModule.cpp - The sinkguard clang-tidy module ------------===//
//
// Registers every check listed in Checks.def. The same object file goes into
// the --load plugin, sinkguard-tidy, sinkguard-clangd and the driver.
//
//===----------------------------------------------------------------------===//

#include "CheckMetadata.h"
#include "TaintCheckSupport.h"
#include "clang-tidy/ClangTidyModule.h"
#include <type_traits>
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

/// Whether a check of class \p Check may say \p Declared in the Engine
/// column of Checks.def: Range and Taint checks derive from RangeCheckBase
/// and TaintCheckBase, which configure the shared engine from the column;
/// any other check reads no shared engine.
template <typename Check>
constexpr bool readsEngine(::sinkguard::CheckEngine Declared) {
  using ::sinkguard::CheckEngine;
  if constexpr (std::is_base_of_v<RangeCheckBase, Check>)
    return Declared == CheckEngine::Range;
  else if constexpr (std::is_base_of_v<TaintCheckBase, Check>)
    return Declared == CheckEngine::Taint;
  else
    return Declared == CheckEngine::Matchers ||
           Declared == CheckEngine::Assembly;
}

#define SINKGUARD_CHECK(Id, Class, Header, Summary, Cwes, Asvs, Severity,      \
                        Precision, Level, Engine)                              \
  static_assert(readsEngine<Class>(::sinkguard::CheckEngine::Engine),          \
                "Checks.def: the Engine of " Id " does not match its class");
#include "Checks.def"

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
