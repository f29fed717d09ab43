//===--- AstQueries.cpp
//-----------------------------------------------------===//
//
// Questions about Clang expressions and declarations that the analysis
// asks everywhere: what an expression designates, names for messages,
// library names it recognises.
//
//===----------------------------------------------------------------------===//

#include "AstQueries.h"
#include "CommandAssembly.h"
#include "FunctionAnalysis.h"
#include "State.h"
#include "Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/FormatString.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/LLVM.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

bool isStdStringType(QualType T) {
  // (An expression of broken code may have no type.)
  if (T.isNull())
    return false;
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() &&
         (RD->getName() == "basic_string" ||
          RD->getName() == "basic_string_view");
}

bool carriesText(QualType T, TextObjects Objects) {
  // (An expression of broken code may have no type.)
  if (T.isNull())
    return false;
  T = T.getCanonicalType().getNonReferenceType();
  if (T->isAnyCharacterType())
    return true;
  const bool AnyRecord = Objects == TextObjects::AnyRecord;
  if (T->isPointerType() || T->isArrayType()) {
    QualType E = T->isPointerType()
                     ? T->getPointeeType()
                     : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    return E->isAnyCharacterType() || E->isVoidType() || E->isPointerType() ||
           (AnyRecord && E->isRecordType());
  }
  if (AnyRecord)
    return T->isRecordType();
  // A string stream holds the text written into it (`os << "ls " << dir`).
  const auto *RD = T->getAsCXXRecordDecl();
  return isStdStringType(T) ||
         (RD && RD->isInStdNamespace() && RD->getIdentifier() &&
          (RD->getName() == "basic_ostringstream" ||
           RD->getName() == "basic_stringstream"));
}

/// \p ND's name as written. An identifier's is taken as is:
/// NamedDecl::getNameAsString() builds a printing policy (and language
/// options) each time, which the engine asked for on every evaluation.
std::string declName(const NamedDecl *ND) {
  if (ND->getDeclName().isIdentifier())
    return ND->getName().str();
  return ND->getNameAsString();
}

std::string nameOf(const FunctionDecl *FD) {
  if (!FD)
    return "<unknown>";
  return declName(FD);
}

/// A short name for the object \p E designates, for messages: `cmd`,
/// `req.host`, or empty.
std::string objectName(const Expr *E) {
  E = stripToValue(E);
  if (!E)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return declName(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    std::string Base = objectName(ME->getBase());
    std::string Field = declName(ME->getMemberDecl());
    if (Base.empty())
      return Field;
    return Base + (ME->isArrow() ? "->" : ".") + Field;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return objectName(AS->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      return objectName(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp())
      return objectName(BO->getLHS()->getType()->isPointerType()
                            ? BO->getLHS()
                            : BO->getRHS());
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return objectName(MC->getImplicitObjectArgument());
  return {};
}

/// The struct field holding the function pointer \p Call goes through
/// (`ops->run(cmd)`, `(*ops->run)(cmd)`), or null.
const FieldDecl *calledField(const CallExpr *Call) {
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  // `(*h->input)(...)` calls what the field holds, as `h->input(...)` does.
  if (const auto *UO = dyn_cast<UnaryOperator>(Callee);
      UO && UO->getOpcode() == UO_Deref)
    Callee = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *ME = dyn_cast<MemberExpr>(Callee);
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

std::string sinkName(const SinkHit &Hit) {
  if (Hit.Sink)
    return Hit.Sink->getNameAsString();
  if (const FieldDecl *Field = Hit.Call ? calledField(Hit.Call) : nullptr)
    return Field->getNameAsString();
  return {};
}

/// The text of a string literal \p E, if it is one.
std::optional<llvm::StringRef> literalText(const Expr *E) {
  E = stripToValue(E);
  if (const auto *SL = dyn_cast_or_null<StringLiteral>(E))
    if (SL->isOrdinary())
      return SL->getString();
  return std::nullopt;
}

const Expr *copiedObject(const Expr *E) {
  E = stripToValue(E);
  if (const auto *CE = llvm::dyn_cast_or_null<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor || !Ctor->isCopyOrMoveConstructor() || !Ctor->isTrivial() ||
        CE->getNumArgs() != 1)
      return nullptr;
    E = stripToValue(CE->getArg(0));
  }
  if (llvm::isa_and_nonnull<DeclRefExpr, MemberExpr, ArraySubscriptExpr>(E))
    return E;
  if (const auto *UO = llvm::dyn_cast_or_null<UnaryOperator>(E))
    if (UO->getOpcode() == clang::UO_Deref)
      return E;
  return nullptr;
}

bool isZeroConstant(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  return !E->isValueDependent() && E->EvaluateAsInt(R, Ctx) &&
         R.Val.getInt() == 0;
}

bool isNullLike(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenCasts();
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

/// Whether an allow-listed set of characters is free of anything a shell or
/// a word splitter treats specially.
bool isSafeCharSet(llvm::StringRef Set) {
  return Set.find_first_of(";&|$`<>()'\"\\\n\r\t *?[]{}~!#=%^,") ==
         llvm::StringRef::npos;
}

llvm::StringRef describeSourceKind(model::SourceKind Kind) {
  switch (Kind) {
  case model::SourceKind::CommandLine:
    return "a command-line argument";
  case model::SourceKind::Environment:
    return "data from the environment";
  case model::SourceKind::Stdin:
    return "data read from standard input";
  case model::SourceKind::File:
    return "data read from a file";
  case model::SourceKind::Network:
    return "data read from the network";
  case model::SourceKind::Other:
    break;
  }
  return "untrusted data";
}

const Expr *firstInArg(const CallExpr *Call, const model::Rule &R) {
  llvm::ArrayRef<int> In = R.In.explicitArgs();
  return In.empty() ? nullptr : ruleArg(Call, In.front());
}

/// Whether \p Loc comes from expanding an allow-list class macro
/// (glibc defines isalnum and friends as macros in C).
bool isAllowClassMacro(SourceLocation Loc, const SourceManager &SM,
                       const LangOptions &LO, const model::Model &M) {
  for (int Depth = 0; Loc.isMacroID() && Depth < 8; ++Depth) {
    const model::Rule *R = M.fact(Lexer::getImmediateMacroName(Loc, SM, LO),
                                  model::RuleKind::TextTest);
    if (R && R->Test == model::TextTest::AllowClass)
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

static bool isNoReturnCall(const Expr *E, const model::Model &M) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!Call)
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && (FD->isNoReturn() || FD->hasAttr<NoReturnAttr>() ||
                M.fact(FD, model::RuleKind::NoReturn));
}

/// Whether \p S comes from an `assert(...)` written in the source.
bool inAssert(const Stmt *S, const SourceManager &SM) {
  SourceLocation L = S->getBeginLoc();
  if (!L.isMacroID())
    return false;
  StringRef At(SM.getCharacterData(SM.getExpansionLoc(L)));
  return At.starts_with("assert") &&
         (At.size() == 6 || !isAsciiIdentifierContinue(At[6]));
}

/// Whether running \p S always leaves the enclosing loop and function:
/// return, throw, goto, or a call that does not return.
bool leaves(const Stmt *S, const model::Model &M) {
  if (!S)
    return false;
  if (isa<ReturnStmt, GotoStmt, CXXThrowExpr>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isNoReturnCall(E, M) || isa<CXXThrowExpr>(E->IgnoreParenCasts());
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(CS->body(),
                        [&](const Stmt *C) { return leaves(C, M); });
  return false;
}

/// What \p Ex is a field or pointee of, past `.f`, `->f` and `*p`: `x` for
/// `x.a.b`, `p` for `p->n`; null past a member that is no field.
static const Expr *innermostObject(const Expr *Ex) {
  while (true) {
    Ex = Ex->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return nullptr;
      Ex = ME->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Ex)) {
      if (UO->getOpcode() == UO_Deref) {
        Ex = UO->getSubExpr();
        continue;
      }
    }
    return Ex;
  }
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return F->getBody();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return W->getBody();
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return D->getBody();
  if (const auto *R = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return R->getBody();
  return nullptr;
}

const Expr *castObject(const CallExpr *Call) {
  if (Call->getNumArgs() != 1 || isa<CXXOperatorCallExpr>(Call))
    return nullptr;
  const FunctionDecl *Fn = Call->getDirectCallee();
  if (!Fn || !Fn->getIdentifier() || !Fn->isInStdNamespace())
    return nullptr;
  llvm::StringRef Name = Fn->getName();
  if (Name == "move" || Name == "forward" || Name == "as_const" ||
      Name == "move_if_noexcept")
    return Call->getArg(0);
  return nullptr;
}

const Expr *stringStreamRead(const CallExpr *Call) {
  const Expr *Stream = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Stream = MC->getImplicitObjectArgument();
  else if (Call->getNumArgs() > 0)
    Stream = Call->getArg(0);
  if (!Stream || Stream->IgnoreParenImpCasts()->getType().isNull())
    return nullptr;
  // The object's own type, before its conversion to `std::istream &`.
  const auto *RD = Stream->IgnoreParenImpCasts()
                       ->getType()
                       .getNonReferenceType()
                       ->getAsCXXRecordDecl();
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return nullptr;
  auto IsStringStream = [](const CXXRecordDecl *R) {
    return R->isInStdNamespace() && R->getIdentifier() &&
           (R->getName() == "basic_istringstream" ||
            R->getName() == "basic_stringstream");
  };
  if (IsStringStream(RD) || !RD->forallBases([&](const CXXRecordDecl *B) {
        return !IsStringStream(B);
      }))
    return Stream;
  return nullptr;
}

bool onlyLibraryTypes(QualType T) {
  // (Deep enough for a pair of optionals of strings.)
  constexpr unsigned MaxDepth = 4;
  llvm::SmallVector<std::pair<QualType, unsigned>, 4> Work{{T, 0}};
  while (!Work.empty()) {
    auto [Ty, Depth] = Work.pop_back_val();
    if (Ty.isNull())
      return false;
    Ty = Ty.getNonReferenceType();
    while (Ty->isPointerType() || Ty->isArrayType())
      Ty = Ty->isPointerType()
               ? Ty->getPointeeType()
               : QualType(Ty->getPointeeOrArrayElementType(), 0);
    const auto *RD = Ty->getAsCXXRecordDecl();
    if (!RD)
      continue;
    if (!RD->isInStdNamespace() || Depth >= MaxDepth)
      return false;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          Work.push_back({Arg.getAsType(), Depth + 1});
  }
  return true;
}

bool isSmartPointerType(QualType T) {
  // (An expression of broken code may have no type.)
  if (T.isNull())
    return false;
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "unique_ptr" || RD->getName() == "shared_ptr");
}

const CXXRecordDecl *madeObjectClass(const CallExpr *Call) {
  const FunctionDecl *Fn = Call->getDirectCallee();
  if (!Fn || !Fn->getIdentifier() || !Fn->isInStdNamespace() ||
      (Fn->getName() != "make_unique" && Fn->getName() != "make_shared"))
    return nullptr;
  const TemplateArgumentList *Args = Fn->getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  QualType T = Args->get(0).getAsType();
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && !onlyLibraryTypes(T) ? RD->getDefinition() : nullptr;
}

bool isStdFunctionType(QualType T) {
  // (An expression of broken code may have no type.)
  if (T.isNull())
    return false;
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "function";
}

const Expr *storedCallable(const Expr *E) {
  E = stripToValue(E);
  // `std::function<void(int)> f = [](int) { ... };`: the constructor's
  // argument.
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
      CE && CE->getNumArgs() >= 1 && isStdFunctionType(CE->getType()))
    E = stripToValue(CE->getArg(0));
  if (!E)
    return nullptr;
  if (const LambdaExpr *L = lambdaOf(E))
    return L;
  // (Not a lambda: heldFunction() reads the function it names.)
  return heldFunction(E) ? E : nullptr;
}

const FunctionDecl *lambdaCallee(const CXXRecordDecl *Closure,
                                 unsigned NumArgs) {
  if (!Closure || !Closure->isLambda())
    return nullptr;
  if (!Closure->isGenericLambda())
    return Closure->getLambdaCallOperator();
  const FunctionTemplateDecl *Template =
      Closure->getDependentLambdaCallOperator();
  if (!Template)
    return nullptr;
  const FunctionDecl *Found = nullptr;
  for (const FunctionDecl *Spec : Template->specializations()) {
    if (Spec->getNumParams() != NumArgs || !Spec->hasBody())
      continue;
    if (Found)
      return nullptr;
    Found = Spec;
  }
  return Found;
}

const FunctionDecl *heldFunction(const Expr *Callable) {
  if (!Callable)
    return nullptr;
  if (const auto *L = dyn_cast<LambdaExpr>(Callable))
    return L->getLambdaClass()->isGenericLambda() ? nullptr
                                                  : L->getCallOperator();
  const Expr *Named = Callable->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Named);
      UO && UO->getOpcode() == UO_AddrOf)
    Named = UO->getSubExpr()->IgnoreParenCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(Named);
  return Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

const FieldDecl *calledFunctionMember(const CallExpr *Call) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0 ||
      !isStdFunctionType(Op->getArg(0)->getType()))
    return nullptr;
  const auto *ME = dyn_cast<MemberExpr>(stripToValue(Op->getArg(0)));
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

void forEachAssignment(const Stmt *Body, const VarDecl *Var,
                       llvm::function_ref<void(const Expr *)> Each) {
  if (!Body)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Body);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    const auto *Ref = dyn_cast<DeclRefExpr>(stripToValue(Op->getArg(0)));
    if (Ref && Ref->getDecl() == Var)
      Each(Op->getArg(1));
  }
  for (const Stmt *Child : Body->children())
    forEachAssignment(Child, Var, Each);
}

const LambdaExpr *lambdaOf(const Expr *E) {
  E = stripToValue(E);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
      CE && CE->getNumArgs() == 1 && CE->getType()->getAsCXXRecordDecl() &&
      CE->getType()->getAsCXXRecordDecl()->isLambda())
    E = stripToValue(CE->getArg(0));
  return dyn_cast_or_null<LambdaExpr>(E);
}

const Expr *loopCondition(const Stmt *Loop) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return F->getCond();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return W->getCond();
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return D->getCond();
  return nullptr;
}

bool stepsBackToObject(const BinaryOperator *BO) {
  if (BO->getOpcode() != BO_Sub || !BO->getLHS()->getType()->isPointerType())
    return false;
  const Expr *K = BO->getRHS()->IgnoreParenImpCasts();
  if (const auto *Off = dyn_cast<OffsetOfExpr>(K))
    return Off->getTypeSourceInfo()->getType()->isRecordType();
  if (const auto *Size = dyn_cast<UnaryExprOrTypeTraitExpr>(K))
    return Size->getKind() == UETT_SizeOf &&
           Size->getTypeOfArgument()->isRecordType();
  return false;
}

/// Whether \p Ex designates one integer object exactly: a variable, a field,
/// a dereferenced pointer; not an array element (arrays are one cell).
bool preciseLocation(const Expr *Ex) {
  return isa_and_nonnull<DeclRefExpr, CXXThisExpr>(innermostObject(Ex));
}

/// The variable an integer value is read from: `n`, `hdr.count` (hdr),
/// `p->count` (p); null for anything else.
const ValueDecl *rootVariable(const Expr *Ex) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(innermostObject(Ex));
  return DRE && isa<VarDecl>(DRE->getDecl()) ? DRE->getDecl() : nullptr;
}

/// Every variable \p Ex reads.
void variablesOf(const Stmt *S, llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (isa<VarDecl>(DRE->getDecl()))
      Out.push_back(DRE->getDecl());
  for (const Stmt *Child : S->children())
    variablesOf(Child, Out);
}

/// Whether \p S writes \p VD or one of its fields, outside \p Skip:
/// assigned, incremented, or its address taken.
bool writesVariable(const Stmt *S, const ValueDecl *VD, const Stmt *Skip) {
  if (!S || S == Skip)
    return false;
  auto Is = [&](const Expr *Ex) { return rootVariable(Ex) == VD; };
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isAssignmentOp() && Is(BO->getLHS()))
      return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        Is(UO->getSubExpr()))
      return true;
  for (const Stmt *Child : S->children())
    if (writesVariable(Child, VD, Skip))
      return true;
  return false;
}

/// The object whose size `x.size()`, `x.length()` or `std::size(x)` is
/// (the model's SizeOf rules).
const Expr *sizeObject(const Expr *Ex, const model::Model &M) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripToValue(Ex));
  if (!Call)
    return nullptr;
  const model::Rule *R =
      M.fact(Call->getDirectCallee(), model::RuleKind::SizeOf);
  return R ? firstInArg(Call, *R) : nullptr;
}

bool sameExpr(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA;
  llvm::FoldingSetNodeID IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, true);
  return IA == IB;
}

/// False when \p Ex cannot be an integer constant: it reads a variable
/// that is not constant, calls a function that is not constexpr, or
/// assigns. A quick look before asking Clang to evaluate it (which costs
/// about a thousand instructions even when it fails).
bool mayBeConstant(const Expr *Ex) {
  Ex = Ex->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ex)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return VD->isConstexpr() || VD->getType().isConstQualified();
    return !isa<FunctionDecl>(DRE->getDecl());
  }
  if (const auto *C = dyn_cast<CastExpr>(Ex))
    return mayBeConstant(C->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(Ex))
    return !UO->isIncrementDecrementOp() && mayBeConstant(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(Ex))
    return !BO->isAssignmentOp() && mayBeConstant(BO->getLHS()) &&
           mayBeConstant(BO->getRHS());
  if (const auto *CO = dyn_cast<ConditionalOperator>(Ex))
    return mayBeConstant(CO->getCond()) && mayBeConstant(CO->getTrueExpr()) &&
           mayBeConstant(CO->getFalseExpr());
  if (const auto *Call = dyn_cast<CallExpr>(Ex)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (!F)
      return false;
    if (F->isConstexpr())
      return true;
    // A builtin (strlen of a literal) folds only on constant arguments.
    return F->getBuiltinID() != 0 &&
           llvm::all_of(Call->arguments(),
                        [](const Expr *A) { return mayBeConstant(A); });
  }
  return true;
}

namespace {

/// Collects the argument indices a printf-style format reads as text.
class TextArgCollector : public analyze_format_string::FormatStringHandler {
public:
  llvm::SmallVector<unsigned, 4> TextArgs;
  bool HandlePrintfSpecifier(const analyze_printf::PrintfSpecifier &FS,
                             const char *, unsigned,
                             const TargetInfo &) override {
    using CS = analyze_format_string::ConversionSpecifier;
    if (!FS.consumesDataArgument())
      return true;
    switch (FS.getConversionSpecifier().getKind()) {
    case CS::sArg:
    case CS::SArg:
    case CS::cArg:
    case CS::CArg:
    case CS::ObjCObjArg:
      TextArgs.push_back(FS.getArgIndex());
      break;
    default:
      break;
    }
    return true;
  }
};

} // namespace

llvm::SmallVector<unsigned, 4> printfTextArguments(llvm::StringRef Format,
                                                   const ASTContext &Ctx) {
  TextArgCollector Collector;
  analyze_format_string::ParsePrintfString(
      Collector, Format.begin(), Format.end(), Ctx.getLangOpts(),
      Ctx.getTargetInfo(), /*isFreeBSDKPrintf=*/false);
  return std::move(Collector.TextArgs);
}

} // namespace sinkguard::engine
