//===--- UncheckedConversionCheck.cpp -------------------------------------===//

#include "UncheckedConversionCheck.h"
#include "engine/Taint.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"
#include <functional>
#include <optional>

using namespace clang::ast_matchers;
namespace engine = ::sinkguard::engine;
namespace model = ::sinkguard::model;

namespace clang::tidy::sinkguard {

namespace {

/// The parent of \p E, past parentheses and implicit casts.
const Stmt *parentOf(const Stmt *E, ASTContext &Ctx) {
  const Stmt *Cur = E;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Cur);
    if (Parents.empty())
      return nullptr;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return nullptr;
    if (!isa<ParenExpr, ImplicitCastExpr>(P))
      return P;
    Cur = P;
  }
}

/// The variable \p E (past parentheses and casts) initialises, if any.
const VarDecl *initialisedVariable(const Expr *E, ASTContext &Ctx) {
  const Stmt *Cur = E;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Cur);
    if (Parents.empty())
      return nullptr;
    if (const auto *VD = Parents[0].get<VarDecl>()) {
      return VD->getInit() &&
                     VD->getInit()->IgnoreParenCasts() == E->IgnoreParenCasts()
                 ? VD
                 : nullptr;
    }
    const auto *P = Parents[0].get<Expr>();
    if (!P || !isa<ParenExpr, CastExpr>(P))
      return nullptr;
    Cur = P;
  }
}

/// The body of the function \p S is in.
const Stmt *enclosingBody(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>())
      return FD->getBody();
    if (const auto *LE = P.get<LambdaExpr>())
      return LE->getBody();
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

const ValueDecl *variableOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(DRE->getDecl()) ? DRE->getDecl() : nullptr;
  return nullptr;
}

/// Whether \p E reads errno: glibc's `(*__errno_location())`, other libcs'
/// `(*__error())`, `(*___errno())`, or a variable named errno.
bool isErrno(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      return FD->getIdentifier() &&
             llvm::is_contained({"__errno_location", "__error", "___errno",
                                 "_errno", "__errno"},
                                FD->getName());
    }
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getIdentifier() &&
           DRE->getDecl()->getName() == "errno";
  return false;
}

/// What a function body does with errno, an end pointer and a result
/// variable around one conversion call.
class ConversionUses {
public:
  ConversionUses(const CallExpr *Call, const ValueDecl *End,
                 const ValueDecl *Result, const SourceManager &SM)
      : Call(Call), End(End), Result(Result), SM(SM) {}

  /// Looks at \p S and everything in it, parents before children.
  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      visitBinaryOperator(BO);
    else if (const auto *UO = dyn_cast<UnaryOperator>(S))
      visitUnaryOperator(UO);
    else if (const auto *C = dyn_cast<CallExpr>(S))
      visitCallExpr(C);
    else if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      visitDeclRefExpr(DRE);
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  bool ErrnoReset = false;
  std::optional<SourceLocation> FirstErrnoCheck;
  std::optional<SourceLocation> FirstEndCheck;
  llvm::SmallVector<const DeclRefExpr *, 4> ResultReads;
  /// Reads of the result compared in a condition that tests errno too.
  llvm::SmallPtrSet<const DeclRefExpr *, 4> ComparedWithErrno;

private:
  bool readsErrno(const Stmt *S) const {
    if (!S)
      return false;
    if (const auto *E = dyn_cast<Expr>(S))
      if (isErrno(E))
        return true;
    return llvm::any_of(S->children(),
                        [&](const Stmt *C) { return readsErrno(C); });
  }
  /// Marks the logical expressions inside the condition \p S as looked at
  /// (what the outermost one says holds for them) and, when the condition
  /// tests errno (\p WithErrno), the result's reads that are an operand of
  /// a comparison in it.
  void markCondition(const Stmt *S, bool WithErrno) {
    if (!S)
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isLogicalOp())
        LogicalSeen.insert(BO);
      if (WithErrno && BO->isComparisonOp()) {
        for (const Expr *Side : {BO->getLHS(), BO->getRHS()}) {
          const auto *DRE = dyn_cast<DeclRefExpr>(Side->IgnoreParenImpCasts());
          if (DRE && Result && DRE->getDecl() == Result)
            ComparedWithErrno.insert(DRE);
        }
      }
    }
    for (const Stmt *Child : S->children())
      markCondition(Child, WithErrno);
  }

  void visitBinaryOperator(const BinaryOperator *BO) {
    // `(ll == LLONG_MAX && errno == ERANGE) || ...`: a comparison of the
    // result in a condition that also tests errno is part of the check (in
    // either order), not a use before it.
    if (BO->isLogicalOp() && after(BO) && !LogicalSeen.count(BO))
      markCondition(BO, readsErrno(BO));
    if (BO->getOpcode() == BO_Assign && isErrno(BO->getLHS())) {
      if (before(BO) && isZero(BO->getRHS()))
        ErrnoReset = true;
      Assignments.insert(BO->getLHS()->IgnoreParenImpCasts());
    }
  }
  void visitUnaryOperator(const UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      AddressTaken.insert(UO->getSubExpr()->IgnoreParenImpCasts());
  }
  void visitCallExpr(const CallExpr *C) {
    // errno read after the call (not the target of an assignment).
    if (isErrno(C) && after(C) && !assignedErrno(C))
      note(FirstErrnoCheck, C->getBeginLoc());
  }
  void visitDeclRefExpr(const DeclRefExpr *DRE) {
    if (!after(DRE))
      return;
    if (isErrno(DRE) && !assignedErrno(DRE))
      note(FirstErrnoCheck, DRE->getBeginLoc());
    if (End && DRE->getDecl() == End && !AddressTaken.count(DRE))
      note(FirstEndCheck, DRE->getBeginLoc());
    if (Result && DRE->getDecl() == Result)
      ResultReads.push_back(DRE);
  }

  bool before(const Stmt *S) const {
    return SM.isBeforeInTranslationUnit(SM.getFileLoc(S->getBeginLoc()),
                                        SM.getFileLoc(Call->getBeginLoc()));
  }
  bool after(const Stmt *S) const {
    return SM.isBeforeInTranslationUnit(SM.getFileLoc(Call->getEndLoc()),
                                        SM.getFileLoc(S->getBeginLoc()));
  }
  static bool isZero(const Expr *E) {
    const auto *IL = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
    return IL && IL->getValue() == 0;
  }
  bool assignedErrno(const Expr *E) const {
    // `*__errno_location()` is the assignment's left side; the call and
    // the dereference are both parts of it.
    for (const Expr *A : Assignments) {
      if (A == E)
        return true;
      if (const auto *UO = dyn_cast<UnaryOperator>(A))
        if (UO->getSubExpr()->IgnoreParenImpCasts() == E)
          return true;
    }
    return false;
  }
  void note(std::optional<SourceLocation> &First, SourceLocation L) {
    L = SM.getFileLoc(L);
    if (!First || SM.isBeforeInTranslationUnit(L, *First))
      First = L;
  }

  const CallExpr *Call;
  const ValueDecl *End;
  const ValueDecl *Result;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Expr *, 4> Assignments;
  llvm::SmallPtrSet<const Expr *, 4> AddressTaken;
  llvm::SmallPtrSet<const BinaryOperator *, 4> LogicalSeen;
};

/// The number of values a scanf format assigns (`%*d` and `%n` assign
/// none); nullopt when the format is not a literal.
std::optional<unsigned> conversionsIn(const Expr *Format) {
  const auto *SL = dyn_cast<StringLiteral>(Format->IgnoreParenImpCasts());
  if (!SL || SL->getCharByteWidth() != 1)
    return std::nullopt;
  StringRef F = SL->getString();
  unsigned N = 0;
  for (size_t I = 0; I < F.size(); ++I) {
    if (F[I] != '%')
      continue;
    if (++I >= F.size())
      break;
    if (F[I] == '%')
      continue;
    bool Suppressed = F[I] == '*';
    // Width, length modifiers, scan sets: up to the conversion letter.
    while (I < F.size() && !isalpha(static_cast<unsigned char>(F[I])) &&
           F[I] != '[')
      ++I;
    while (I < F.size() &&
           llvm::is_contained({'h', 'l', 'j', 'z', 't', 'L', 'q', 'm'}, F[I]))
      ++I;
    if (I >= F.size())
      break;
    if (F[I] == '[') {
      size_t Close = F.find(']', I + 2);
      I = Close == StringRef::npos ? F.size() : Close;
    }
    if (!Suppressed && F[I] != 'n')
      ++N;
  }
  return N;
}

/// Whether \p P uses its child as a truth value: `!x`, `if (x)`, `x && y`.
bool isTruthTest(const Stmt *P) {
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->getOpcode() == UO_LNot;
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->isLogicalOp();
  return isa<IfStmt, WhileStmt, DoStmt, ForStmt>(P);
}

/// Whether comparing the result with \p Value by \p Op tells success (all
/// \p Count values read) from failure.
bool decidesCount(BinaryOperatorKind Op, std::int64_t Value, unsigned Count,
                  bool ResultOnLeft) {
  if (!ResultOnLeft) {
    // `2 == n`, `1 > n`: turn around.
    switch (Op) {
    case BO_LT:
      Op = BO_GT;
      break;
    case BO_GT:
      Op = BO_LT;
      break;
    case BO_LE:
      Op = BO_GE;
      break;
    case BO_GE:
      Op = BO_LE;
      break;
    default:
      break;
    }
  }
  std::int64_t C = Count;
  switch (Op) {
  case BO_EQ:
  case BO_NE:
  case BO_LT:
  case BO_GE:
    return Value == C;
  case BO_LE:
  case BO_GT:
    return Value == C - 1 && C > 0 && (C > 1 || Value == 0);
  default:
    return false;
  }
}

} // namespace

UncheckedConversionCheck::UncheckedConversionCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : RangeCheckBase(Name, Context) {}

void UncheckedConversionCheck::registerMatchers(MatchFinder *Finder) {
  RangeCheckBase::registerMatchers(Finder);
  // scanf and fscanf read input themselves: no path to follow.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::scanf", "::fscanf",
                                              "::std::scanf", "::std::fscanf"))
                          .bind("scanner")),
               unless(isExpansionInSystemHeader()))
          .bind("scan"),
      this);
}

void UncheckedConversionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Scan = Result.Nodes.getNodeAs<CallExpr>("scan");
  if (!Scan) {
    RangeCheckBase::check(Result);
    return;
  }
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("scanner");
  bool FromStdin = Fn->getName() == "scanf";
  if (trusts(FromStdin ? model::SourceKind::Stdin : model::SourceKind::File))
    return;
  checkScanResult(Scan, FromStdin ? 0 : 1,
                  FromStdin ? "standard input" : "a file", *Result.Context);
}

void UncheckedConversionCheck::report(const engine::SinkHit &Hit,
                                      ASTContext &Ctx) {
  if (Hit.K != engine::SinkHit::Conversion || !Hit.Call || !Hit.Sink)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getFileLoc(Hit.Call->getBeginLoc());
  std::string Origin = "data " + describeOrigin(*Hit.Path->Root, At, SM);
  StringRef Name = Hit.Sink->getName();
  if (Name == "atoi" || Name == "atol" || Name == "atoll" || Name == "atof") {
    finding(At, "'%0' converts %1 and cannot report failure or overflow; use "
                "'%2' and check errno and the end pointer")
        << Name << Origin << (Name == "atof" ? "strtod" : "strtol")
        << Hit.Call->getSourceRange();
    notePath(Hit);
    return;
  }
  if (Name == "sscanf") {
    checkScanResult(Hit.Call, 1, Origin, Ctx);
    notePath(Hit);
    return;
  }
  if (checkStrtol(Hit.Call, Origin, Ctx))
    notePath(Hit);
}

bool UncheckedConversionCheck::checkStrtol(const CallExpr *Call,
                                           StringRef Origin, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Body = enclosingBody(Call, Ctx);
  if (!Body || Call->getNumArgs() < 2)
    return false;
  // The end pointer: `&end`, or none.
  const Expr *EndArg = Call->getArg(1)->IgnoreParenImpCasts();
  const ValueDecl *End = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(EndArg))
    if (UO->getOpcode() == UO_AddrOf)
      End = variableOf(UO->getSubExpr());
  // `strtoull(s, tail, 0)` with the caller's `char **tail`: the caller's
  // end pointer, which this function may check through `*tail`.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(EndArg)) {
    if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl());
        PVD && PVD->getType()->isPointerType() &&
        PVD->getType()->getPointeeType()->isPointerType())
      End = PVD;
  }
  bool NoEnd =
      EndArg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  // The variable the result goes to.
  const ValueDecl *Result = nullptr;
  const Stmt *P = parentOf(Call, Ctx);
  while (isa_and_nonnull<CastExpr>(P))
    P = parentOf(P, Ctx);
  if (const VarDecl *VD = initialisedVariable(Call, Ctx)) {
    Result = VD;
  } else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_Assign)
      Result = variableOf(BO->getLHS());
  } else if (isa_and_nonnull<ReturnStmt>(P)) {
    // The caller decides; with an end pointer from the caller it can.
    if (End && isa<ParmVarDecl>(End))
      return false;
  }
  ConversionUses Uses(Call, End, Result, SM);
  Uses.walk(Body);

  llvm::SmallVector<std::string, 3> Missing;
  if (!Uses.ErrnoReset)
    Missing.push_back("errno is not set to 0 before it");
  if (!Uses.FirstErrnoCheck)
    Missing.push_back("errno is not checked for ERANGE after it");
  if (NoEnd || !End)
    Missing.push_back("it takes no end pointer, so nothing parsed and "
                      "trailing characters go unnoticed");
  else if (!Uses.FirstEndCheck && !isa<ParmVarDecl>(End))
    Missing.push_back("the end pointer is not checked");
  // Used before the checks: a read of the result ahead of the last check.
  if (Missing.empty() && Result && Uses.FirstErrnoCheck) {
    SourceLocation LastCheck = *Uses.FirstErrnoCheck;
    if (Uses.FirstEndCheck &&
        SM.isBeforeInTranslationUnit(LastCheck, *Uses.FirstEndCheck))
      LastCheck = *Uses.FirstEndCheck;
    for (const DeclRefExpr *Read : Uses.ResultReads) {
      if (Uses.ComparedWithErrno.count(Read))
        continue;
      if (SM.isBeforeInTranslationUnit(SM.getFileLoc(Read->getBeginLoc()),
                                       LastCheck)) {
        Missing.push_back("the result is used before errno and the end "
                          "pointer are checked");
        break;
      }
    }
  }
  if (Missing.empty())
    return false;
  std::string Why = llvm::join(Missing, "; ");
  SourceLocation At = SM.getFileLoc(Call->getBeginLoc());
  finding(At, "'%0' converts %1 but its failure goes unnoticed: %2")
      << Call->getDirectCallee()->getName() << Origin << Why
      << Call->getSourceRange();
  return true;
}

void UncheckedConversionCheck::checkScanResult(const CallExpr *Call,
                                               unsigned FormatArg,
                                               StringRef Origin,
                                               ASTContext &Ctx) {
  if (Call->getNumArgs() <= FormatArg)
    return;
  std::optional<unsigned> Count = conversionsIn(Call->getArg(FormatArg));
  if (Count && *Count == 0)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *P = parentOf(Call, Ctx);
  std::string Problem;
  const VarDecl *Stored = initialisedVariable(Call, Ctx);
  auto Constant = [&](const Expr *E) -> std::optional<std::int64_t> {
    Expr::EvalResult R;
    if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  };
  auto JudgeComparison = [&](const BinaryOperator *Cmp,
                             bool ResultOnLeft) -> std::string {
    std::optional<std::int64_t> V =
        Constant(ResultOnLeft ? Cmp->getRHS() : Cmp->getLHS());
    if (!V || !Count)
      return "";
    if (decidesCount(Cmp->getOpcode(), *V, *Count, ResultOnLeft))
      return "";
    if (*V == -1)
      return "compared with EOF";
    return "compared with " + std::to_string(*V);
  };
  if (Stored) {
    // Judged by the comparisons of the variable, below.
  } else if (!P || isa<CompoundStmt>(P) ||
             (isa<CStyleCastExpr>(P) &&
              cast<CStyleCastExpr>(P)->getType()->isVoidType())) {
    Problem = "ignored";
  } else if (const auto *BO = dyn_cast<BinaryOperator>(P);
             BO && BO->isComparisonOp()) {
    Problem = JudgeComparison(BO, BO->getLHS()->IgnoreParenImpCasts() == Call);
  } else if (isTruthTest(P)) {
    Problem = "only tested for zero, and EOF (-1) passes";
  } else if (!Stored && isa<BinaryOperator>(P) &&
             cast<BinaryOperator>(P)->getOpcode() == BO_Assign) {
    Stored = dyn_cast_or_null<VarDecl>(
        variableOf(cast<BinaryOperator>(P)->getLHS()));
    if (!Stored)
      return;
  } else {
    // Returned or passed on: the caller's business.
    return;
  }
  if (Stored) {
    // `int got = sscanf(...)`: some later comparison of got must decide.
    const ValueDecl *Var = Stored;
    const Stmt *Body = enclosingBody(Call, Ctx);
    if (!Var || !Body || !Count)
      return;
    bool Decided = false;
    std::string Seen;
    // Every comparison of the variable with a constant.
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S)
        return;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isComparisonOp()) {
        for (bool Left : {true, false}) {
          if (variableOf(Left ? BO->getLHS() : BO->getRHS()) != Var)
            continue;
          std::string Verdict = JudgeComparison(BO, Left);
          if (Verdict.empty())
            Decided = true;
          else if (Seen.empty())
            Seen = Verdict;
        }
      }
      for (const Stmt *Child : S->children())
        Walk(Child);
    };
    Walk(Body);
    if (Decided)
      return;
    Problem = Seen.empty()
                  ? "stored in '" + Var->getNameAsString() +
                        "' and never compared with " + std::to_string(*Count)
                  : "stored in '" + Var->getNameAsString() + "' and " + Seen;
  }
  if (Problem.empty())
    return;
  std::string Values =
      Count ? (*Count == 1 ? "1 value" : std::to_string(*Count) + " values")
            : "its values";
  SourceLocation At = SM.getFileLoc(Call->getBeginLoc());
  finding(At, "the result of '%0' reading %1 from %2 is %3; compare it with %4 "
              "or bad input leaves them unset")
      << Call->getDirectCallee()->getName() << Values << Origin << Problem
      << (Count ? std::to_string(*Count) : std::string("their number"))
      << Call->getSourceRange();
}

} // namespace clang::tidy::sinkguard
