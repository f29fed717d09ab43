//===--- Facts.cpp
//----------------------------------------------------------===//
//
// The facts of a unit for the link phase (whole-program mode), and the
// collector a host installs to receive them.
//
//===----------------------------------------------------------------------===//

#include "Facts.h"
#include "../model/Model.h"
#include "AstQueries.h"
#include "CommandAssembly.h"
#include "FunctionAnalysis.h"
#include "Signatures.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/TypeBase.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/FileEntry.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace clang;

namespace sinkguard::engine {

namespace {
thread_local FactsCollector *Current = nullptr;
} // namespace

FactsCollector::~FactsCollector() = default;

FactsCollector *currentFactsCollector() { return Current; }

bool fieldPathsOverlap(llvm::StringRef A, llvm::StringRef B) {
  if (A.size() > B.size())
    std::swap(A, B);
  return A.empty() || B == A || (B.starts_with(A) && B[A.size()] == '.');
}

FactsCollectorScope::FactsCollectorScope(FactsCollector *C)
    : Previous(Current) {
  Current = C;
}

FactsCollectorScope::~FactsCollectorScope() { Current = Previous; }

int TaintEngine::externalCall(const CallExpr *Call, const Decl *Target,
                              const FunctionDecl *Caller, bool Dispatch) {
  auto [It, New] = CallIndex.try_emplace(Call, static_cast<int>(Calls.size()));
  if (New)
    Calls.push_back({Call, Target, Caller, Dispatch});
  return It->second;
}

int TaintEngine::global(const VarDecl *VD) {
  VD = VD->getCanonicalDecl();
  auto [It, New] =
      GlobalIndex.try_emplace(VD, static_cast<int>(GlobalVars.size()));
  if (New)
    GlobalVars.push_back(VD);
  return It->second;
}

namespace {

/// The unit's facts, written in portable terms: USRs, absolute paths.
class FactsWriter {
public:
  FactsWriter(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  std::string usr(const Decl *D) {
    llvm::SmallString<128> Buf;
    if (!D || index::generateUSRForDecl(D, Buf))
      return "";
    return std::string(Buf);
  }

  std::string file(FileID FID) {
    auto [It, New] = Files.try_emplace(FID.getHashValue());
    if (!New)
      return It->second;
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID);
    if (!Entry)
      return It->second;
    llvm::SmallString<256> Path(Entry->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    It->second = std::string(Path);
    return It->second;
  }

  /// [file, line, column, offset] of \p Loc's expansion; null when it has
  /// none.
  llvm::json::Value place(SourceLocation Loc) {
    Loc = SM.getExpansionLoc(Loc);
    if (Loc.isInvalid())
      return nullptr;
    std::string F = file(SM.getFileID(Loc));
    if (F.empty())
      return nullptr;
    llvm::json::Value Which = F;
    if (Indexed) {
      // The file's index in the facts' table: paths are long, places many.
      auto [It, New] = FileIndex.try_emplace(F, FileTable.size());
      if (New)
        FileTable.push_back(F);
      Which = static_cast<int64_t>(It->second);
    }
    return llvm::json::Array{std::move(Which), SM.getExpansionLineNumber(Loc),
                             SM.getExpansionColumnNumber(Loc),
                             SM.getFileOffset(Loc)};
  }

  /// Places name their file by its index in FileTable.
  bool Indexed = false;
  llvm::StringMap<size_t> FileIndex;
  llvm::json::Array FileTable;

  llvm::json::Value root(const Origin &O) {
    switch (O.K) {
    case Origin::Source:
      return llvm::json::Object{{"kind", "source"},
                                {"what", O.What},
                                {"byCall", O.ByCall},
                                {"category", static_cast<int>(O.Category)},
                                {"at", place(O.Loc)}};
    case Origin::Parameter:
      // The field of the parameter's object the flow starts from (empty:
      // the parameter itself): the link follows only the data that lies
      // there.
      return llvm::json::Object{{"kind", "param"},
                                {"param", O.Param},
                                {"fields", fieldNames(O.Path, nullptr)}};
    case Origin::CallResult:
      return llvm::json::Object{{"kind", "call"}, {"call", O.Param}};
    case Origin::CallOut:
      return llvm::json::Object{{"kind", "callOut"},
                                {"call", O.Param},
                                {"arg", O.Arg},
                                {"fields", O.Fields}};
    case Origin::Global:
      return llvm::json::Object{
          {"kind", "global"}, {"global", O.Param}, {"fields", O.Fields}};
    }
    return nullptr;
  }

  /// The path to \p Tip: its root and its steps, origin first.
  llvm::json::Object flow(const Step *Tip) {
    llvm::json::Array Steps;
    // A long path keeps its first and last steps: where the data came from
    // and how it got to the target; the middle is left out.
    llvm::SmallVector<const Step *, 8> Path = pathTo(Tip);
    constexpr size_t Head = 6, Tail = 18;
    if (Path.size() > Head + Tail)
      Path.erase(Path.begin() + Head, Path.end() - Tail);
    // json::Value's move is not noexcept: a growing array copies its
    // elements, deeply, unless it has the room.
    Steps.reserve(Path.size());
    for (const Step *S : Path) {
      llvm::json::Value At = place(S->Loc);
      if (At.kind() == llvm::json::Value::Null)
        continue;
      llvm::json::Array Row = std::move(*At.getAsArray());
      Row.push_back(S->Message);
      Steps.push_back(std::move(Row));
    }
    llvm::json::Object Flow{{"root", root(*Tip->Root)},
                            {"steps", std::move(Steps)}};
    llvm::json::Array Guards;
    for (const Step *S = Tip; S; S = S->Prev)
      if (S->GuardCall >= 0)
        Guards.push_back(llvm::json::Array{S->GuardCall, S->GuardArg});
    if (!Guards.empty())
      Flow["guards"] = std::move(Guards);
    // A distance measured in the data (Step::Positional).
    if (Tip->Positional)
      Flow["positional"] = true;
    return Flow;
  }

  static llvm::json::Value range(const IntRange &R) {
    llvm::json::Object O;
    if (R.Lo)
      O["lo"] = *R.Lo;
    if (R.Hi)
      O["hi"] = *R.Hi;
    if (R.Symbolic)
      O["symbolic"] = true;
    return O;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseMap<unsigned, std::string> Files;
};

/// Function pointers stored in struct fields anywhere in the unit
/// (`ops.run = do_run`, `{.run = do_run}`): what a call through the field
/// may call.
class FieldTargets : public DynamicRecursiveASTVisitor {
public:
  FieldTargets(const SourceManager &SM) : SM(SM) {
    ShouldWalkTypesOfTypeLocs = false;
  }

  // Types hold no assignment: not walked.
  bool TraverseTypeLoc(TypeLoc, bool) override { return true; }
  bool TraverseType(QualType, bool) override { return true; }

  static const FunctionDecl *function(const Expr *E) {
    if (!E)
      return nullptr;
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    return nullptr;
  }

  // (The cheap tests first: every assignment and initializer list of the
  // unit comes here.)
  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (BO->getOpcode() != BO_Assign || !BO->getType()->isFunctionPointerType())
      return true;
    const Expr *LHS = BO->getLHS()->IgnoreParenCasts();
    // `handlers[type] = on_data`: an element of a table (a variable or a
    // field) filled at run time.
    const auto *Element = dyn_cast<ArraySubscriptExpr>(LHS);
    if (Element)
      LHS = Element->getBase()->IgnoreParenImpCasts();
    const ValueDecl *Holder = nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(LHS)) {
      Holder = dyn_cast<FieldDecl>(ME->getMemberDecl());
    } else if (const auto *Ref =
                   Element ? dyn_cast<DeclRefExpr>(LHS) : nullptr) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Holder = Var->getCanonicalDecl();
    }
    const FunctionDecl *Fn = Holder ? function(BO->getRHS()) : nullptr;
    if (!Fn || SM.isInSystemHeader(BO->getExprLoc()))
      return true;
    if (Element)
      Tables.push_back({Holder, Fn});
    else
      Pairs.push_back({cast<FieldDecl>(Holder), Fn});
    return true;
  }

  // Nothing to find in a statement without a function pointer in it: the
  // bodies of system headers' inline functions are skipped whole.
  bool TraverseDecl(Decl *D) override {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return DynamicRecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitInitListExpr(InitListExpr *ILE) override {
    const InitListExpr *Sem =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem)
      return true;
    const auto *RT = Sem->getType()->getAs<RecordType>();
    if (!RT)
      return true;
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    if (!RD)
      return true;
    unsigned I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (I >= Sem->getNumInits())
        break;
      if (const FunctionDecl *Fn = function(Sem->getInit(I)))
        if (!SM.isInSystemHeader(ILE->getBeginLoc()))
          Pairs.push_back({Field, Fn});
      ++I;
    }
    return true;
  }

  const SourceManager &SM;
  std::vector<std::pair<const FieldDecl *, const FunctionDecl *>> Pairs;
  /// Stores into elements: by the table (a variable or a field).
  std::vector<std::pair<const ValueDecl *, const FunctionDecl *>> Tables;
};

/// The methods defined in the unit that override another, by the
/// methods they override (directly or not).
class Overriders : public DynamicRecursiveASTVisitor {
public:
  Overriders(const SourceManager &SM) : SM(SM) {
    ShouldVisitTemplateInstantiations = true;
  }

  bool VisitCXXMethodDecl(CXXMethodDecl *MD) override {
    if (!MD->isVirtual() || !MD->doesThisDeclarationHaveABody() ||
        MD->isDependentContext() || SM.isInSystemHeader(MD->getLocation()))
      return true;
    // Itself, then each method it overrides (TaintEngine::dispatchTargets).
    Dispatch.push_back({MD->getCanonicalDecl(), MD});
    llvm::SmallVector<const CXXMethodDecl *, 4> Work(
        MD->overridden_methods().begin(), MD->overridden_methods().end());
    llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
    while (!Work.empty()) {
      const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
      if (!Seen.insert(Base).second)
        continue;
      auto &List = By[Base];
      if (!llvm::is_contained(List, MD)) {
        List.push_back(MD);
        Dispatch.push_back({Base, MD});
      }
      Work.append(Base->overridden_methods().begin(),
                  Base->overridden_methods().end());
    }
    return true;
  }

  const SourceManager &SM;
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const FunctionDecl *, 2>>
      By;
  std::vector<std::pair<const CXXMethodDecl *, const CXXMethodDecl *>> Dispatch;
};

/// What the unit stores in `std::function` members: assignments in any
/// method, constructor initializers, default member initializers, and the
/// arguments of calls (a setter's parameter stored in the member).
class HeldCallables : public DynamicRecursiveASTVisitor {
public:
  HeldCallables(const SourceManager &SM) : SM(SM) {
    ShouldWalkTypesOfTypeLocs = false;
  }

  bool TraverseTypeLoc(TypeLoc, bool) override { return true; }
  bool TraverseType(QualType, bool) override { return true; }
  bool TraverseDecl(Decl *D) override {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return DynamicRecursiveASTVisitor::TraverseDecl(D);
  }

  static const FieldDecl *member(const Expr *E) {
    const auto *ME = dyn_cast_or_null<MemberExpr>(stripToValue(E));
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    return Field && isStdFunctionType(Field->getType()) ? Field : nullptr;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) override {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      if (const FieldDecl *Field = member(Op->getArg(0)))
        Stores.push_back({Field, Op->getArg(1)});
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) override {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const FieldDecl *Field = Init->getMember();
          Field && Init->isWritten() && isStdFunctionType(Field->getType()))
        Stores.push_back({Field, Init->getInit()});
    return true;
  }

  bool VisitFieldDecl(FieldDecl *Field) override {
    if (Field->hasInClassInitializer() && Field->getInClassInitializer() &&
        isStdFunctionType(Field->getType()))
      Stores.push_back({Field, Field->getInClassInitializer()});
    return true;
  }

  void passed(const FunctionDecl *Fn, llvm::ArrayRef<const Expr *> Args) {
    if (!Fn)
      return;
    for (unsigned I = 0; I < Args.size() && I < Fn->getNumParams(); ++I) {
      const ParmVarDecl *P = Fn->getParamDecl(I);
      if (isStdFunctionType(P->getType()))
        Passed.push_back({cast<ParmVarDecl>(P->getCanonicalDecl()), Args[I]});
    }
  }

  bool VisitCallExpr(CallExpr *Call) override {
    const FunctionDecl *Fn = Call->getDirectCallee();
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    // A member operator's object is its first argument.
    if (isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Fn) &&
        !Args.empty())
      Args = Args.drop_front();
    passed(Fn, Args);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) override {
    passed(CE->getConstructor(), {CE->getArgs(), CE->getNumArgs()});
    return true;
  }

  /// \p E past copies and moves of a std::function (`std::move(h)`).
  static const Expr *peel(const Expr *E) {
    for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
      E = stripToValue(E);
      if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
          CE && CE->getNumArgs() == 1 && isStdFunctionType(CE->getType()) &&
          isStdFunctionType(CE->getArg(0)->getType())) {
        E = CE->getArg(0);
        continue;
      }
      return E;
    }
    return E;
  }

  const SourceManager &SM;
  std::vector<std::pair<const FieldDecl *, const Expr *>> Stores;
  std::vector<std::pair<const ParmVarDecl *, const Expr *>> Passed;
};

} // namespace

llvm::ArrayRef<const FunctionDecl *>
TaintEngine::overridersOf(const CXXMethodDecl *MD) {
  if (!OverridersKnown) {
    Overriders Found(Ctx.getSourceManager());
    Found.TraverseDecl(Ctx.getTranslationUnitDecl());
    OverridersBy = std::move(Found.By);
    DispatchPairs = std::move(Found.Dispatch);
    OverridersKnown = true;
  }
  if (!MD)
    return {};
  auto It = OverridersBy.find(MD->getCanonicalDecl());
  if (It == OverridersBy.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const Expr *> TaintEngine::heldIn(const FieldDecl *Field) {
  // As many as a call through a field of function pointers.
  constexpr size_t MaxHeld = 8;
  if (!HeldKnown) {
    HeldCallables Found(Ctx.getSourceManager());
    Found.TraverseDecl(Ctx.getTranslationUnitDecl());
    auto Add = [&](const FieldDecl *F, const Expr *Callable) {
      auto &List = HeldBy[F];
      if (Callable && List.size() < MaxHeld &&
          !llvm::is_contained(List, Callable))
        List.push_back(Callable);
    };
    for (const auto &[F, Value] : Found.Stores) {
      const Expr *V = HeldCallables::peel(Value);
      // A parameter stored in the member (a setter, a constructor): what
      // the unit passes for it.
      const auto *Ref = dyn_cast_or_null<DeclRefExpr>(V);
      if (const auto *P =
              Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr) {
        for (const auto &[Param, Arg] : Found.Passed)
          if (Param == P->getCanonicalDecl())
            Add(F, storedCallable(HeldCallables::peel(Arg)));
        continue;
      }
      Add(F, storedCallable(V));
    }
    HeldKnown = true;
  }
  auto It = HeldBy.find(Field);
  if (It == HeldBy.end())
    return {};
  return It->second;
}

llvm::ArrayRef<std::pair<const CXXMethodDecl *, const CXXMethodDecl *>>
TaintEngine::dispatchTargets() {
  if (!Ctx.getLangOpts().CPlusPlus)
    return {};
  overridersOf(nullptr);
  return DispatchPairs;
}

const std::vector<std::pair<const FieldDecl *, const FunctionDecl *>> &
TaintEngine::fieldTargets() {
  if (!FieldTargetsKnown) {
    FieldTargets Targets(Ctx.getSourceManager());
    Targets.TraverseDecl(Ctx.getTranslationUnitDecl());
    StoredTargets = std::move(Targets.Pairs);
    TableTargets = std::move(Targets.Tables);
    for (const auto &Entry : StoredTargets)
      StoredFunctions.insert(Entry.second->getCanonicalDecl());
    for (const auto &Entry : TableTargets)
      StoredFunctions.insert(Entry.second->getCanonicalDecl());
    FieldTargetsKnown = true;
  }
  return StoredTargets;
}

llvm::SmallVector<const FunctionDecl *, 2>
TaintEngine::storedIn(const FieldDecl *Field, unsigned Args) {
  // As many as the link binds a call through a field to in one program.
  constexpr size_t MaxFieldCallees = 8;
  llvm::SmallVector<const FunctionDecl *, 2> Out;
  for (const auto &[F, Fn] : fieldTargets()) {
    if (F != Field)
      continue;
    const FunctionDecl *Def = Fn->getDefinition();
    if (!Def || !Def->hasBody() ||
        Ctx.getSourceManager().isInSystemHeader(Def->getLocation()) ||
        (Def->getNumParams() != Args &&
         !(Def->isVariadic() && Def->getNumParams() <= Args)) ||
        llvm::is_contained(Out, Def))
      continue;
    Out.push_back(Def);
    if (Out.size() == MaxFieldCallees)
      break;
  }
  return Out;
}

llvm::SmallVector<const FunctionDecl *, 2>
TaintEngine::storedInTable(const ValueDecl *Table) {
  fieldTargets();
  llvm::SmallVector<const FunctionDecl *, 2> Out;
  for (const auto &[T, Fn] : TableTargets)
    if (T == Table && !llvm::is_contained(Out, Fn))
      Out.push_back(Fn);
  return Out;
}

bool TaintEngine::callableElsewhere(const FunctionDecl *FD) {
  if (FD->isExternallyVisible())
    return true;
  fieldTargets();
  return StoredFunctions.contains(FD->getCanonicalDecl());
}

llvm::ArrayRef<std::string> TaintEngine::unitNames() const {
  if (UnitNames.empty()) {
    const SourceManager &SM = Ctx.getSourceManager();
    UnitNames.push_back(FactsWriter(Ctx).file(SM.getMainFileID()));
    llvm::SmallString<256> Real;
    if (!UnitNames.front().empty() &&
        !llvm::sys::fs::real_path(UnitNames.front(), Real) &&
        Real != UnitNames.front())
      UnitNames.push_back(std::string(Real));
  }
  return UnitNames;
}

llvm::json::Value factsPlace(ASTContext &Ctx, SourceLocation Loc) {
  return FactsWriter(Ctx).place(Loc);
}

// One pass over the summaries, section by section; predates the size rule.
// NOLINTNEXTLINE(readability-function-size)
llvm::json::Object TaintEngine::facts(
    llvm::function_ref<llvm::json::Array(const SinkHit &)> Describe) {
  FactsWriter W(Ctx);
  W.Indexed = true;
  const SourceManager &SM = Ctx.getSourceManager();
  auto ParamOf = [](const SinkHit &Hit) {
    const CallExpr *Call = Hit.Call;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (MC->getImplicitObjectArgument() == Hit.Arg)
        return model::ThisObject;
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    unsigned Shift =
        isa<CXXOperatorCallExpr>(Call) && MD && MD->isInstance() ? 1 : 0;
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Hit.Arg)
        return static_cast<int>(I - Shift);
    return model::NoArg;
  };
  // An argument passed to a function of another unit.
  auto CallArg = [&](const SinkHit &Hit) -> std::optional<llvm::json::Object> {
    auto It = CallIndex.find(Hit.Call);
    if (It == CallIndex.end())
      return std::nullopt;
    llvm::json::Object C{{"call", It->second},
                         {"arg", ParamOf(Hit)},
                         {"flow", W.flow(Hit.Path)}};
    // The field of the object passed that holds the data.
    if (Hit.ArgFields)
      C["fields"] = fieldNames(Hit.ArgFields, nullptr);
    if (Opts.RangeChecks && isInt(Hit.Arg->getType())) {
      C["range"] = FactsWriter::range(Hit.Indexing.Range);
      // The function passes its parameter on unchanged (the link keeps a
      // bound its callers checked).
      if (Hit.Indexing.ParamExact)
        C["paramExact"] = true;
    }
    return C;
  };

  // Flows from parameters matter to the link for the functions other units
  // can call (by name, or through a function pointer stored in a field);
  // flows from sources and from what only the link can judge, once each.
  auto Callable = [&](const FunctionDecl *FD) {
    return FD->isMain() || callableElsewhere(FD);
  };
  std::set<std::tuple<const void *, const void *, const Origin *, const void *>>
      Exported;
  // The function whose facts are being written: a sink of a callee is a
  // target of each caller's parameters.
  const FunctionDecl *Owner = nullptr;
  std::set<std::tuple<const void *, const void *, const void *, int,
                      const void *, const void *>>
      ExportedParams;
  // (\p Part: for data passed in an object, the field of it the data lies
  // in; each field's flow is its own.)
  auto Keep = [&](const Step *St, const void *Target, const void *Detail,
                  bool CallableFn, const void *Part = nullptr) {
    // The link follows a parameter's data field by field: one flow per
    // parameter and field path read.
    const Origin *R = St->Root;
    if (R->K == Origin::Parameter) {
      return CallableFn &&
             ExportedParams
                 .insert({Owner, Target, Detail, R->Param, R->Path, Part})
                 .second;
    }
    return Exported.insert({Target, Detail, R, Part}).second;
  };
  auto Flows = [&](const TaintSet &T, bool CallableFn, const void *Target,
                   const void *Detail) {
    llvm::json::Array A;
    A.reserve(T.size());
    for (const Step *St : T)
      if (Keep(St, Target, Detail, CallableFn))
        A.push_back(W.flow(St));
    return A;
  };
  // Per function, parameter flows into sinks and calls: a bounded number,
  // commands first (a function high in a call graph reaches many).
  constexpr size_t MaxParamSinks = 48;

  llvm::json::Array Functions;
  std::vector<const FunctionDecl *> Order;
  for (const auto &Entry : Summaries)
    if (Entry.second->Done && Entry.first->hasBody() &&
        !SM.isInSystemHeader(Entry.first->getLocation()))
      Order.push_back(Entry.first);
  // Deterministic output: in source order.
  llvm::sort(Order, [&](const FunctionDecl *A, const FunctionDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  // (Arrays of json::Value are reserved: see FactsWriter::flow.)
  Functions.reserve(Order.size());
  for (const FunctionDecl *FD : Order) {
    Owner = FD;
    const Summary &Sum = *Summaries[FD];
    std::string Usr = W.usr(FD);
    if (Usr.empty())
      continue;
    bool CallableFn = Callable(FD);
    size_t ParamFlows = 0;
    std::set<std::tuple<const void *, const void *, int>> ParamSinks;
    // Command sinks first.
    std::vector<const SinkHit *> Hits;
    for (bool Commands : {true, false})
      for (const auto &F : Sum.Sinks)
        if ((F.Hit.K <= SinkHit::ExecArgument) == Commands)
          Hits.push_back(&F.Hit);
    llvm::json::Array Params;
    Params.reserve(FD->param_size());
    for (const ParmVarDecl *P : FD->parameters())
      Params.push_back(declName(P));
    llvm::json::Array Outs;
    Outs.reserve(Sum.Out.size());
    // What a function returns or leaves in its arguments reaches callers
    // in other units only if they can call it.
    for (const auto &O : CallableFn ? llvm::ArrayRef(Sum.Out)
                                    : llvm::ArrayRef<Summary::OutFlow>()) {
      Outs.push_back(
          llvm::json::Object{{"param", O.Param},
                             {"fields", fieldNames(O.Path, nullptr)},
                             {"flows", Flows(O.From, CallableFn, FD, &O)}});
    }
    llvm::json::Array GlobalsOut;
    GlobalsOut.reserve(Sum.Globals.size());
    for (const auto &G : Sum.Globals) {
      GlobalsOut.push_back(
          llvm::json::Object{{"global", G.Global},
                             {"fields", fieldNames(G.Path, nullptr)},
                             {"flows", Flows(G.From, CallableFn, FD, &G)}});
    }
    llvm::json::Array Sinks;
    llvm::json::Array CallArgs;
    Sinks.reserve(Hits.size());
    CallArgs.reserve(Hits.size());
    for (const SinkHit *HitP : Hits) {
      const SinkHit &Hit = *HitP;
      const void *Where =
          Hit.Call ? static_cast<const void *>(Hit.Call) : Hit.Indexing.Use;
      // The bound counts sinks per parameter, however many of its fields
      // reach one.
      if (!Keep(Hit.Path, Where, Hit.Arg, CallableFn, Hit.ArgFields))
        continue;
      if (Hit.Path->Root->K == Origin::Parameter &&
          ParamSinks.insert({Where, Hit.Arg, Hit.Path->Root->Param}).second &&
          ++ParamFlows > MaxParamSinks)
        continue;
      if (Hit.K == SinkHit::ExternalArg) {
        if (std::optional<llvm::json::Object> C = CallArg(Hit))
          CallArgs.push_back(std::move(*C));
        continue;
      }
      llvm::json::Array Findings = Describe(Hit);
      if (Findings.empty())
        continue;
      Sinks.push_back(llvm::json::Object{
          {"flow", W.flow(Hit.Path)},
          {"kind", static_cast<int>(Hit.K)},
          {"sink", Hit.Sink ? declName(Hit.Sink) : std::string()},
          // The link drops a range sink on a parameter whose argument
          // entered bounded: one the callee uses unchanged, or the length
          // of a (buffer, length) pair a loop walks (IndexUse::LengthOf).
          {"paramExact", Hit.Indexing.ParamExact || Hit.Indexing.LengthOf >= 0},
          {"fixed", Hit.Indexing.Extent.has_value()},
          {"findings", std::move(Findings)}});
    }
    llvm::json::Array Validates;
    for (int P : Sum.Validates)
      Validates.push_back(P);
    Functions.push_back(llvm::json::Object{
        {"usr", Usr},
        {"name", FD->getQualifiedNameAsString()},
        {"at", W.place(FD->getLocation())},
        {"signature", signatureOf(FD)},
        {"params", std::move(Params)},
        {"returns", CallableFn ? Flows(Sum.Return, CallableFn, FD, nullptr)
                               : llvm::json::Array()},
        {"outs", std::move(Outs)},
        {"globals", std::move(GlobalsOut)},
        {"sinks", std::move(Sinks)},
        {"calls", std::move(CallArgs)},
        {"validates", std::move(Validates)},
    });
  }

  llvm::json::Array CallTable;
  CallTable.reserve(Calls.size());
  for (const ExternalCall &C : Calls) {
    CallTable.push_back(
        llvm::json::Object{{"target", W.usr(C.Target)},
                           {"name", declName(cast<NamedDecl>(C.Target))},
                           {"field", isa<FieldDecl>(C.Target) || C.Dispatch},
                           {"at", W.place(C.Call->getExprLoc())},
                           {"caller", W.usr(C.Caller)},
                           {"signature", callSignature(C.Call, C.Target)}});
  }
  llvm::json::Array GlobalTable;
  GlobalTable.reserve(GlobalVars.size());
  for (const VarDecl *VD : GlobalVars)
    GlobalTable.push_back(
        llvm::json::Object{{"usr", W.usr(VD)}, {"name", declName(VD)}});
  llvm::json::Array FromSources;
  FromSources.reserve(SourceToExternal.size());
  for (const SinkHit &Hit : SourceToExternal)
    if (std::optional<llvm::json::Object> C = CallArg(Hit))
      FromSources.push_back(std::move(*C));
  llvm::json::Array GuardedSinks;
  GuardedSinks.reserve(Guarded.size());
  for (const SinkHit &Hit : Guarded) {
    llvm::json::Array Findings = Describe(Hit);
    if (!Findings.empty()) {
      GuardedSinks.push_back(
          llvm::json::Object{{"flow", W.flow(Hit.Path)},
                             {"kind", static_cast<int>(Hit.K)},
                             {"fixed", Hit.Indexing.Extent.has_value()},
                             {"findings", std::move(Findings)}});
    }
  }
  llvm::json::Array FieldTable;
  for (const auto &[Field, Fn] : fieldTargets())
    FieldTable.push_back(
        llvm::json::Object{{"field", W.usr(Field)}, {"function", W.usr(Fn)}});
  // A virtual call is a call through a table the program fills with each
  // definition and override (ExternalCall::Dispatch).
  for (const auto &[Base, Def] : dispatchTargets())
    FieldTable.push_back(
        llvm::json::Object{{"field", W.usr(Base)}, {"function", W.usr(Def)}});

  return llvm::json::Object{{"unit", unitNames().front()},
                            {"files", std::move(W.FileTable)},
                            {"functions", std::move(Functions)},
                            {"externalCalls", std::move(CallTable)},
                            {"globals", std::move(GlobalTable)},
                            {"sourceCalls", std::move(FromSources)},
                            {"guardedSinks", std::move(GuardedSinks)},
                            {"fieldTargets", std::move(FieldTable)}};
}

} // namespace sinkguard::engine
