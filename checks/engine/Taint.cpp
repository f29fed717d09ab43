//===--- Taint.cpp
//----------------------------------------------------------===//
//
// The engine's public face: TaintEngine and its reporting of sink hits.
//
//===----------------------------------------------------------------------===//

#include "Taint.h"
#include "../model/Model.h"
#include "AstQueries.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "llvm/ADT/STLExtras.h"
#include <utility>
#include <vector>

using namespace clang;

namespace sinkguard::engine {

TaintEngine::TaintEngine(const model::Model &M, ASTContext &Ctx,
                         TaintOptions Opts)
    : M(M), Ctx(Ctx), Opts(std::move(Opts)) {}

TaintEngine::~TaintEngine() = default;

bool TaintEngine::isTrusted(model::SourceKind K) const {
  return llvm::is_contained(Opts.Trusted, K);
}

void TaintEngine::report(const SinkHit &Hit) {
  const Expr *Where = Hit.Call ? Hit.Call : Hit.Indexing.Use;
  if (!Reported.insert({Where, Hit.Arg, Hit.ArgFields}).second)
    return;
  // A source passed to a function defined elsewhere: the link phase
  // follows it.
  if (Hit.K == SinkHit::ExternalArg)
    SourceToExternal.push_back(Hit);
  else if (Opts.WholeProgram && Hit.Path->Guarded)
    Guarded.push_back(Hit);
  else
    Pending.push_back(Hit);
}

std::vector<SinkHit> TaintEngine::analyze(const FunctionDecl *FD) {
  // Paths start at sources: a function that cannot see one, directly or
  // through what its callees return, is analysed only if a caller passes
  // it untrusted data.
  // In whole-program mode, a function other units can call is described
  // for the link phase whatever it is given; one they cannot (static) only
  // when it is analysed for its callers here.
  CurrentTop = FD;
  TopReads.erase(FD);
  if (FD && FD->hasBody() &&
      ((Opts.WholeProgram && callableElsewhere(FD)) || FD->isMain() ||
       mayProduceSource(FD)))
    summaryFor(FD);
  // A summary computed before (for a caller) read what it read.
  if (FD && !Opts.WholeProgram) {
    auto It = Summaries.find(FD->getDefinition() ? FD->getDefinition() : FD);
    if (It != Summaries.end())
      for (const auto &[G, Count] : It->second->ReadGlobals)
        noteRead(G, Count);
  }
  CurrentTop = nullptr;
  std::vector<SinkHit> Out;
  Out.swap(Pending);
  return Out;
}

} // namespace sinkguard::engine
