//===--- Calls.cpp
//----------------------------------------------------------===//
//
// Calls: model rules applied at a call (sources, propagators, sanitizers),
// the dispatch of a call to a rule, a summary or the link, and calls to
// functions defined in other units (whole-program mode).
//
//===----------------------------------------------------------------------===//

#include "../model/Model.h"
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
#include "clang/Analysis/CFG.h"
#include "clang/Basic/LLVM.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>

using namespace clang;

namespace sinkguard::engine {

TaintSet
FunctionAnalysis::formatInputs(const CallExpr *Call, const model::Rule &R,
                               llvm::ArrayRef<std::pair<int, TaintSet>> Args) {
  auto ArgTaint = [&](int Pos) -> const TaintSet * {
    for (const auto &[P, T] : Args)
      if (P == Pos)
        return &T;
    return nullptr;
  };
  TaintSet Result;
  const Expr *Format = ruleArg(Call, R.FormatArg);
  std::optional<llvm::StringRef> Text =
      Format ? literalText(Format) : std::nullopt;
  if (!Text) {
    // An unknown format: every argument may be text.
    for (const auto &[P, T] : Args)
      addAll(Result, T);
    return Result;
  }
  if (R.BraceFormat) {
    // std::format: {} takes any type; text-carrying arguments count.
    for (unsigned I = 1; I < Call->getNumArgs(); ++I)
      if (carriesText(Call->getArg(I)->getType()))
        if (const TaintSet *T = ArgTaint(static_cast<int>(I)))
          addAll(Result, *T);
    return Result;
  }
  llvm::SmallVector<unsigned, 4> TextArgs = printfTextArguments(*Text, Ctx);
  llvm::SmallVector<int, 4> In = R.In.expand(Call->getNumArgs());
  bool VaList = In.size() == 1 &&
                static_cast<unsigned>(In[0]) + 1 == Call->getNumArgs() &&
                Call->getDirectCallee() &&
                !Call->getDirectCallee()->isVariadic();
  if (VaList) {
    if (!TextArgs.empty())
      if (const TaintSet *T = ArgTaint(In[0]))
        addAll(Result, *T);
    return Result;
  }
  for (unsigned Index : TextArgs)
    if (const TaintSet *T = ArgTaint(R.FormatArg + 1 + static_cast<int>(Index)))
      addAll(Result, *T);
  return Result;
}

std::optional<int> FunctionAnalysis::copiesObject(const CallExpr *Call,
                                                  const model::Rule &R) {
  if (R.FormatArg != model::NoArg || R.Appends)
    return std::nullopt;
  llvm::SmallVector<int, 4> In = R.In.expand(Call->getNumArgs());
  llvm::SmallVector<int, 4> Out = R.Out.expand(Call->getNumArgs());
  llvm::erase(Out, model::ReturnValue);
  if (In.size() != 1 || Out.size() != 1)
    return std::nullopt;
  const Expr *From = ruleArg(Call, In.front());
  const Expr *To = ruleArg(Call, Out.front());
  if (!From || !To)
    return std::nullopt;
  QualType FromT = stripToValue(From)->getType();
  QualType ToT = stripToValue(To)->getType();
  if (!FromT->isPointerType() || !ToT->isPointerType())
    return std::nullopt;
  QualType Obj = ToT->getPointeeType();
  if (!copiedByField(Obj) ||
      !Ctx.hasSameUnqualifiedType(Obj, FromT->getPointeeType()))
    return std::nullopt;
  return Out.front();
}

namespace {

/// The variable \p Ex is, or is an element, a field or the pointee of:
/// `iov` for `iov[1].iov_base`, `msg` for `&msg` and `msg.msg_iov`.
const VarDecl *containingVariable(const Expr *Ex) {
  while (Ex) {
    Ex = Ex->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Ex)) {
      Ex = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Ex)) {
      Ex = AS->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(Ex);
               UO &&
               (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)) {
      Ex = UO->getSubExpr();
    } else {
      const auto *DRE = dyn_cast<DeclRefExpr>(Ex);
      return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    }
  }
  return nullptr;
}

/// The step a source makes where it fills \p Buffer.
std::string readsInto(llvm::StringRef Fn, const Expr *Buffer) {
  std::string Into = objectName(Buffer);
  return "'" + Fn.str() + "' reads untrusted data" +
         (Into.empty() ? std::string() : " into '" + Into + "'");
}

bool isDataPointer(QualType T) {
  return T->isPointerType() && !T->isFunctionPointerType();
}

/// Whether \p Field is where a message descriptor points to what the
/// kernel writes itself: `msg_control`'s ancillary data (descriptors,
/// credentials, addresses), sized by the kernel to fit the buffer, not
/// data a peer chose.
bool kernelWritten(const FieldDecl *Field) {
  return Field && Field->getIdentifier() && Field->getName() == "msg_control";
}

/// The pointers an initialiser stores: `{buf, sizeof buf}`, and those of
/// each element of `{{head, 16}, {body, 128}}`.
void pointersIn(const Expr *Init, llvm::SmallVectorImpl<const Expr *> &Out) {
  const auto *IL = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts());
  if (!IL) {
    if (isDataPointer(Init->getType()))
      Out.push_back(Init);
    return;
  }
  if (const InitListExpr *Semantic = IL->getSemanticForm())
    IL = Semantic;
  const RecordDecl *RD = IL->getType()->getAsRecordDecl();
  auto Field = RD ? RD->field_begin() : RecordDecl::field_iterator();
  for (const Expr *Element : IL->inits()) {
    bool Skip = RD && Field != RD->field_end() && kernelWritten(*Field);
    if (RD && Field != RD->field_end())
      ++Field;
    if (Element && !Skip)
      pointersIn(Element, Out);
  }
}

/// What the pointer fields of \p Obj were set to before \p Until, in
/// source order: its initialiser's pointers, `Obj.f = buf`,
/// `Obj[i].f = &x`, `Obj->f = p`.
void storedPointers(const Stmt *S, const VarDecl *Obj, SourceLocation Until,
                    const SourceManager &SM,
                    llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S || isa<LambdaExpr>(S) ||
      !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(S->getBeginLoc()),
                                    SM.getExpansionLoc(Until)))
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (D == Obj && Obj->getInit())
        pointersIn(Obj->getInit(), Out);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S);
             BO && BO->getOpcode() == BO_Assign) {
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (ME && isDataPointer(ME->getType()) && containingVariable(ME) == Obj &&
        !kernelWritten(dyn_cast<FieldDecl>(ME->getMemberDecl())))
      Out.push_back(BO->getRHS());
  }
  for (const Stmt *Child : S->children())
    storedPointers(Child, Obj, Until, SM, Out);
}

} // namespace

void FunctionAnalysis::fillPointees(const Expr *Obj, const CallExpr *Call,
                                    const Origin *O, llvm::StringRef Fn,
                                    State &S, unsigned Depth) {
  // msghdr -> iovec -> buffer is as deep as the C library goes.
  constexpr unsigned MaxDepth = 2;
  const VarDecl *Var = containingVariable(Obj);
  if (!Var || !FD || !FD->getBody() || Depth >= MaxDepth)
    return;
  llvm::SmallVector<const Expr *, 4> Stored;
  storedPointers(FD->getBody(), Var, Call->getBeginLoc(), SM, Stored);
  for (const Expr *P : Stored) {
    // A field that points to more descriptors (msg_iov): what they
    // designate. (P's type is the field's: a `void *iov_base = &hdr`
    // designates a buffer, whatever hdr is.)
    QualType PT = P->getType();
    if (PT->isPointerType() && PT->getPointeeType()->isRecordType()) {
      fillPointees(P, Call, O, Fn, S, Depth + 1);
      continue;
    }
    Location L = locOf(P, S);
    if (!L.valid() || L.Base == Var)
      continue;
    // Weak: the descriptor may have designated it on some paths only.
    write(L, {E.makeStep(nullptr, O, Call->getExprLoc(), readsInto(Fn, P))}, S,
          /*Strong=*/false);
  }
}

void FunctionAnalysis::writeFilled(const Expr *A, bool Descriptor,
                                   const Step *St, State &S) {
  const RecordDecl *RD = Descriptor && A->getType()->isPointerType()
                             ? A->getType()->getPointeeType()->getAsRecordDecl()
                             : nullptr;
  RD = RD ? RD->getDefinition() : nullptr;
  Location Object = locOf(A, S);
  if (!RD) {
    write(Object, {St}, S, /*Strong=*/true);
    return;
  }
  // recvmsg's msghdr: what its pointers designate is the data; its counts
  // and flags, and the kernel's control data, are not.
  if (!Object.valid())
    return;
  for (const FieldDecl *F : RD->fields()) {
    if (isDataPointer(F->getType()) && !kernelWritten(F))
      write(rebase(Object, child(nullptr, F)), {St}, S, /*Strong=*/true);
  }
}

TaintSet FunctionAnalysis::readStringStream(const CallExpr *Call,
                                            const model::Rule &R,
                                            const std::string &Fn,
                                            const Expr *Stream, State &S) {
  SourceLocation At = Call->getExprLoc();
  TaintSet Text = read(locOf(Stream, S), S, QualType());
  for (int Pos : R.Out.expand(Call->getNumArgs())) {
    const Expr *A = Pos == model::ReturnValue ? nullptr : ruleArg(Call, Pos);
    if (!A)
      continue;
    write(locOf(A, S),
          extendAt(Text, At, {Call, &R, Pos},
                   [&] {
                     std::string Into = objectName(A);
                     return "'" + Fn + "' reads it into '" +
                            (Into.empty() ? "the buffer" : Into) + "'";
                   }),
          S, /*Strong=*/true);
  }
  return R.ReturnsArg != model::NoArg ? Text : TaintSet();
}

TaintSet FunctionAnalysis::applyRule(
    const CallExpr *Call, const FunctionDecl *Callee, const model::Rule &R,
    llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S, bool &Handled) {
  Handled = true;
  const FieldDecl *Field = Callee ? nullptr : calledField(Call);
  std::string Fn = Field ? declName(Field) : nameOf(Callee);
  SourceLocation At = Call->getExprLoc();
  TaintSet Result;
  auto ArgExpr = [&](int Pos) { return ruleArg(Call, Pos); };
  switch (R.Kind) {
  case model::RuleKind::Source: {
    // A string stream gives back the text it was made from (`getline(ss,
    // tok, ',')` splitting a line): that text, not new input.
    if (const Expr *Stream = stringStreamRead(Call))
      return readStringStream(Call, R, Fn, Stream, S);
    if (E.isTrusted(R.Source))
      return Result;
    const Origin *O = E.makeOrigin(
        {Origin::Source, 0, R.Source, Fn, true, Call->getBeginLoc()});
    for (int Pos : R.Out.expand(Call->getNumArgs())) {
      if (Pos == model::ReturnValue) {
        Result.push_back(
            E.makeStep(nullptr, O, At, "'" + Fn + "' returns untrusted data"));
        continue;
      }
      const Expr *A = ArgExpr(Pos);
      if (!A)
        continue;
      const Step *St = E.makeStep(nullptr, O, At, readsInto(Fn, A));
      writeFilled(A, R.FillsPointees, St, S);
      if (R.FillsPointees)
        fillPointees(A, Call, O, Fn, S, 0);
    }
    if (R.ReturnsArg != model::NoArg)
      if (const Expr *A = ArgExpr(R.ReturnsArg))
        addAll(Result, read(locOf(A, S), S, A->getType()));
    return Result;
  }
  case model::RuleKind::Propagator: {
    TaintSet In;
    if (R.FormatArg != model::NoArg) {
      In = formatInputs(Call, R, Args);
    } else {
      for (const auto &[P, T] : Args)
        if (R.In.contains(P))
          addAll(In, T);
    }
    // strtok: the text of the last call, kept in a cell of the function's
    // own (its hidden state), is what a call with NULL goes on in.
    if (R.Continues && Call->getNumArgs() > 0) {
      Location Kept{Call->getDirectCallee()->getCanonicalDecl(), nullptr};
      if (Call->getArg(0)->IgnoreParenImpCasts()->isNullPointerConstant(
              Ctx, Expr::NPC_ValueDependentIsNotNull))
        addAll(In, read(Kept, S, QualType()));
      else
        write(Kept, In, S, /*Strong=*/true);
    }
    // `memcpy(&a, &b, sizeof a)` of structs of one type: field by field.
    std::optional<int> ByField = copiesObject(Call, R);
    for (int Pos : R.Out.expand(Call->getNumArgs())) {
      if (ByField == Pos) {
        const Expr *From = ArgExpr(R.In.expand(Call->getNumArgs()).front());
        auto Copied = [&](const TaintSet &X) {
          return extendAt(X, At, {Call, &R, Pos}, [&] {
            std::string Into = objectName(ArgExpr(Pos));
            return "'" + Fn + "' copies it into '" +
                   (Into.empty() ? "the buffer" : Into) + "'";
          });
        };
        if (copyObject(locOf(ArgExpr(Pos), S), locOf(From, S), S,
                       /*Strong=*/true, Copied))
          continue;
      }
      if (Pos == model::ReturnValue) {
        if (R.ReturnsArg != model::NoArg || In.empty())
          addAll(Result, In);
        else {
          addAll(Result,
                 R.Appends
                     ? extendAt(In, At, {Call, &R, model::ReturnValue},
                                [&] { return "'" + Fn + "' concatenates it"; })
                     : In);
        }
        continue;
      }
      const Expr *A = ArgExpr(Pos);
      if (!A)
        continue;
      TaintSet Stepped = extendAt(In, At, {Call, &R, Pos}, [&] {
        std::string Into = objectName(A);
        llvm::StringRef Verb = R.FormatArg != model::NoArg ? "formats it into"
                               : R.Appends                 ? "appends it to"
                                                           : "copies it into";
        return (llvm::Twine("'") + Fn + "' " + Verb + " '" +
                (Into.empty() ? "the buffer" : Into) + "'")
            .str();
      });
      write(locOf(A, S), Stepped, S, /*Strong=*/!R.Appends);
    }
    if (R.ReturnsArg != model::NoArg)
      if (const Expr *A = ArgExpr(R.ReturnsArg))
        addAll(Result, read(locOf(A, S), S, A->getType()));
    return Result;
  }
  case model::RuleKind::Sanitizer:
    for (int Pos : R.Out.expand(Call->getNumArgs()))
      if (Pos != model::ReturnValue)
        if (const Expr *A = ArgExpr(Pos))
          markValidated(locOf(A, S), S);
    return Result;
  case model::RuleKind::Sink:
    if (R.Sink == model::SinkKind::ShellCommand) {
      for (int Pos : R.In.expand(Call->getNumArgs())) {
        const Expr *A = ArgExpr(Pos);
        if (!A)
          continue;
        TaintSet T = eval(A, S);
        if (!T.empty())
          sinkHit(SinkHit::ShellCommand, Call, Callee, A, T);
      }
    } else if (R.Sink == model::SinkKind::ExecList ||
               R.Sink == model::SinkKind::ExecVector) {
      checkExecSink(Call, Callee, R, S);
    } else if (TrackRanges && (R.Sink == model::SinkKind::Size ||
                               R.Sink == model::SinkKind::Conversion)) {
      for (int Pos : R.In.expand(Call->getNumArgs())) {
        const Expr *A = ArgExpr(Pos);
        const auto *Arg = llvm::find_if(
            Args, [&](const auto &Entry) { return Entry.first == Pos; });
        if (!A || Arg == Args.end() || Arg->second.empty())
          continue;
        if (R.Sink == model::SinkKind::Conversion)
          sinkHit(SinkHit::Conversion, Call, Callee, A, Arg->second);
        else if (isInt(A->getType()))
          checkSize(A, A,
                    R.Buffer != model::NoArg ? ArgExpr(R.Buffer) : nullptr,
                    Arg->second, Call, S);
      }
    }
    return Result;
  case model::RuleKind::Validator:
  // Not data flow: rulesFor() never gives these.
  case model::RuleKind::NoReturn:
  case model::RuleKind::TextTest:
  case model::RuleKind::SizeOf:
  case model::RuleKind::UncheckedIndex:
  case model::RuleKind::CallsBack:
    Handled = false;
    return Result;
  }
  return Result;
}

const CXXConstructExpr *
FunctionAnalysis::madeObject(const CallExpr *Call, const CXXRecordDecl *Class) {
  auto [It, New] = MadeObjects.try_emplace(Call, nullptr);
  if (!New)
    return It->second;
  // The constructor the arguments fit by count (one, or none is taken).
  const CXXConstructorDecl *Ctor = nullptr;
  unsigned N = Call->getNumArgs();
  for (const CXXConstructorDecl *C : Class->ctors()) {
    if (C->isCopyOrMoveConstructor() || C->isDeleted() ||
        N < C->getMinRequiredArguments() || N > C->getNumParams())
      continue;
    if (Ctor)
      return nullptr;
    Ctor = C;
  }
  if (!Ctor || !Ctor->hasBody())
    return nullptr;
  llvm::SmallVector<Expr *, 4> Args;
  for (const Expr *A : Call->arguments())
    Args.push_back(const_cast<Expr *>(A));
  It->second = CXXConstructExpr::Create(
      Ctx, Ctx.getCanonicalTagType(Class), Call->getBeginLoc(),
      const_cast<CXXConstructorDecl *>(Ctor), /*Elidable=*/false, Args,
      /*HadMultipleCandidates=*/false, /*ListInitialization=*/false,
      /*StdInitListInitialization=*/false, /*ZeroInitialization=*/false,
      CXXConstructionKind::Complete, Call->getSourceRange());
  return It->second;
}

std::optional<TaintSet> FunctionAnalysis::libraryHolder(
    const CallExpr *Call, const FunctionDecl *Callee,
    llvm::ArrayRef<std::pair<int, TaintSet>> Args, State &S) {
  // `*it`, `it->x`, `c[i]` on classes without rules: the object's data.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_Star || K == OO_Arrow || K == OO_Subscript) &&
        Op->getNumArgs() > 0)
      return read(locOf(Op->getArg(0), S), S, QualType());
  }
  // `std::make_unique<Job>(cmd)`: a Job made with new (heapObject), in a
  // cell of the call's own (locOf).
  if (const CXXRecordDecl *Class = madeObjectClass(Call)) {
    auto Made = [&](const TaintSet &X) {
      return extendAt(X, Call->getBeginLoc(), {Call, nullptr, 0}, [&] {
        return "'" + nameOf(Callee) + "' makes a '" + declName(Class) +
               "' of it";
      });
    };
    if (const CXXConstructExpr *CE = madeObject(Call, Class))
      constructFields({Call, nullptr}, CE, S, Made);
    return TaintSet();
  }
  // The standard library's holders without a rule (`std::make_pair(cmd,
  // 1)`, `std::get<0>(t)`, `opt.value()`, `std::make_unique<std::string>
  // (s)`): text they return is text they were given, as a constructor's
  // object holds its arguments (evalConstruct).
  if (M.rulesFor(Callee).empty() && carriesText(Call->getType()) &&
      onlyLibraryTypes(Call->getType()) &&
      Callee->getDeclContext()
          ->getEnclosingNamespaceContext()
          ->isStdNamespace()) {
    TaintSet Held;
    for (const auto &Arg : Args)
      addAll(Held, Arg.second);
    return Held;
  }
  return std::nullopt;
}

void FunctionAnalysis::forgetWritten(const CallExpr *Call,
                                     const FunctionDecl *Callee, State &S) {
  // A callee may change what a pointer or reference argument designates.
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *A = Call->getArg(I);
    QualType T = A->getType();
    bool Writable =
        T->isPointerType() && !T->getPointeeType().isConstQualified();
    if (!Writable && Callee && A->isLValue() && I < Callee->getNumParams()) {
      QualType PT = Callee->getParamDecl(I)->getType();
      Writable =
          PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified();
    }
    if (Writable)
      forgetRange(locOf(A, S), S);
  }
}

TaintSet FunctionAnalysis::evalCall(const CallExpr *Call,
                                    const FunctionDecl *Callee, State &S) {
  // Evaluate every argument once, in order; keyed by rule position.
  llvm::SmallVector<std::pair<int, TaintSet>, 4> Args;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    TaintSet T = eval(Obj, S);
    addAll(T, read(locOf(Obj, S), S, QualType()));
    Args.push_back({model::ThisObject, std::move(T)});
  }
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
  bool OperatorMember =
      isa<CXXOperatorCallExpr>(Call) && MD && MD->isInstance();
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *A = Call->getArg(I);
    TaintSet T = eval(A, S);
    // A pointer or reference argument designates an object: its contents.
    if (A->getType()->isPointerType() || A->isGLValue() ||
        A->getType()->isRecordType())
      addAll(T, read(locOf(A, S), S, A->getType()));
    // A lambda passed: what it captured (each capture its field).
    if (const LambdaExpr *L = lambdaOf(A))
      addAll(T, capturedAll(L, S));
    int Pos = static_cast<int>(I);
    if (OperatorMember)
      Pos = I == 0 ? model::ThisObject : Pos - 1;
    Args.push_back({Pos, std::move(T)});
  }
  if (TrackRanges) {
    forgetWritten(Call, Callee, S);
    // std::vector, std::array, std::string operator[]: unchecked indexes.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
          OperatorMember && !Args.back().second.empty() &&
          M.fact(MD, model::RuleKind::UncheckedIndex))
        checkIndex(SinkHit::Index, Call, Op->getArg(0), Op->getArg(1),
                   Args.back().second, Call, S);
    }
  }
  if (!Callee) {
    // What the pointer is read from (`handlers[n].fn`: an index).
    if (TrackRanges)
      eval(Call->getCallee(), S);
    // A function pointer held in a struct field: the link phase knows
    // which functions are stored in that field across the program; one
    // file at a time, those the file stores there.
    if (const FieldDecl *Field = calledField(Call)) {
      // A field the model names (`ctx::read_cb` a source, `ctx::alloc` a
      // size sink): its rules, whatever the program stores there.
      if (std::optional<TaintSet> Ruled = applyFieldRules(Call, Field, Args, S))
        return *Ruled;
      if (E.options().WholeProgram)
        return callElsewhere(Call, Field, Args, S);
      return callStored(Call, Field, Args, S);
    }
    return {};
  }

  if (const model::Rule *CB = M.fact(Callee, model::RuleKind::CallsBack))
    callBack(Call, *CB, Args, S);
  if (std::optional<TaintSet> Held = callHeld(Call, MD, S))
    return *Held;

  llvm::ArrayRef<const model::Rule *> Rules = M.rulesFor(Callee);
  if (!Rules.empty()) {
    TaintSet Result;
    bool AnyHandled = false;
    for (const model::Rule *R : Rules) {
      bool Handled = false;
      addAll(Result, applyRule(Call, Callee, *R, Args, S, Handled));
      AnyHandled |= Handled;
    }
    if (AnyHandled)
      return Result;
  }

  // Library code in system headers is described by the model's rules; its
  // bodies are not analysed (cost, and templates of no interest).
  const FunctionDecl *Def = Callee->getDefinition();
  bool Runs = Def && Def->hasBody() && !SM.isInSystemHeader(Def->getLocation());
  llvm::ArrayRef<const FunctionDecl *> Overrides = overridesCalled(Call);
  // (Fields behind a pointer: looked for only where a body would run.)
  bool AnyTaint =
      llvm::any_of(Args, [](const auto &A) { return !A.second.empty(); }) ||
      ((Runs || !Overrides.empty()) && designatesTaintedFields(Call, S));
  // A virtual call through a pointer or reference of a base type: each
  // override the unit defines may run, besides what follows (the base's
  // own, or, whole-program, what the link binds).
  TaintSet Overridden;
  for (const FunctionDecl *Over : Overrides)
    if (AnyTaint || E.exportsSource(Over))
      if (const TaintEngine::Summary *Sum = E.summaryFor(Over))
        addAll(Overridden, applySummary(Call, Over, *Sum, Args, S));
  if (Runs) {
    // Functions passed to function-pointer parameters it calls: its
    // summary with those calls bound (`run_child(child_main, cmd)`).
    TaintEngine::Callbacks Bound = callbacksOf(Call, Def, S);
    bool BoundSource = llvm::any_of(
        Bound, [&](const auto &B) { return E.handsOverSource(B.second); });
    if (AnyTaint || BoundSource || E.exportsSource(Def)) {
      TaintSet Result;
      if (const TaintEngine::Summary *Sum = E.summaryFor(Def, Bound))
        Result = applySummary(Call, Def, *Sum, Args, S);
      addAll(Result, Overridden);
      // Whole-program, a virtual call may also run another unit's override.
      if (E.options().WholeProgram && dispatches(Call))
        addAll(Result, callElsewhere(Call, Callee, Args, S, /*Dispatch=*/true));
      return Result;
    }
  }
  if (Rules.empty()) {
    llvm::SmallVector<const LinkedFunction *, 1> Linked =
        E.linkedSummaries(Callee, Call);
    if (!Linked.empty()) {
      // Several when the unit is in several programs, each with its own.
      TaintSet Result = Overridden;
      for (const LinkedFunction *L : Linked)
        addAll(Result, applyLinked(Call, Callee, *L, Args, S));
      return Result;
    }
  }
  if (definedElsewhere(Callee) && Rules.empty()) {
    // A virtual call whose object's dynamic type is known calls the
    // override of that type; one through a pointer or reference of a base
    // type, each definition and override the program has (the link's).
    const Decl *Target = Callee;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const CXXMethodDecl *Method = MC->getMethodDecl())
        if (const CXXMethodDecl *Exact = Method->getDevirtualizedMethod(
                MC->getImplicitObjectArgument(), /*IsAppleKext=*/false))
          Target = Exact;
    }
    // (dispatches() holds only where no exact override was found.)
    TaintSet Result = callElsewhere(Call, Target, Args, S, dispatches(Call));
    addAll(Result, Overridden);
    return Result;
  }

  if (std::optional<TaintSet> Held = libraryHolder(Call, Callee, Args, S)) {
    addAll(*Held, Overridden);
    return *Held;
  }
  // A function we know nothing about: its result is not assumed tainted.
  return Overridden;
}

bool FunctionAnalysis::designatesTaintedFields(const CallExpr *Call, State &S) {
  auto Designates = [&](const Expr *A) {
    QualType T = A->getType();
    if (T.isNull())
      return false;
    QualType Object = T->isPointerType() ? T->getPointeeType()
                      : A->isGLValue()   ? T
                                         : QualType();
    if (Object.isNull() || !Object->isRecordType() || isStdStringType(Object))
      return false;
    Location L = locOf(A, S);
    return L.valid() && llvm::any_of(S.Cells, [&](const auto &Cell) {
             return Cell.first.Base == L.Base && !Cell.second.empty() &&
                    strictlyWithin(L, Cell.first);
           });
  };
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (Designates(MC->getImplicitObjectArgument()))
      return true;
  return llvm::any_of(Call->arguments(), Designates);
}

bool FunctionAnalysis::dispatches(const CallExpr *Call) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *Method = MC ? MC->getMethodDecl() : nullptr;
  // (A qualified call, `Base::run()`, calls that one.)
  const auto *ME = MC ? dyn_cast<MemberExpr>(MC->getCallee()) : nullptr;
  return Method && Method->isVirtual() && ME && !ME->hasQualifier() &&
         !Method->getDevirtualizedMethod(MC->getImplicitObjectArgument(),
                                         /*IsAppleKext=*/false);
}

llvm::ArrayRef<const FunctionDecl *>
FunctionAnalysis::overridesCalled(const CallExpr *Call) {
  if (!dispatches(Call))
    return {};
  const CXXMethodDecl *Method = cast<CXXMemberCallExpr>(Call)->getMethodDecl();
  llvm::ArrayRef<const FunctionDecl *> All = E.overridersOf(Method);
  return All.take_front(MaxCallTargets * 2);
}

FunctionAnalysis::ObjectParts FunctionAnalysis::objectParts(const Expr *A,
                                                            State &S) {
  ObjectParts Out;
  QualType T = A->getType();
  bool Object = (T->isPointerType() && T->getPointeeType()->isRecordType()) ||
                (A->isGLValue() && T->isRecordType());
  if (!Object || isStdStringType(T.getNonReferenceType()))
    return Out;
  Location L = locOf(A, S);
  if (!L.valid())
    return Out;
  Out.Object = true;
  for (const auto &[K, V] : S.Cells)
    if (K.Base == L.Base && strictlyWithin(L, K) && !V.empty())
      Out.Fields.push_back({moved(nullptr, K.Path, L.Path), &V});
  llvm::sort(Out.Fields, [](const auto &X, const auto &Y) {
    return pathBefore(X.first, Y.first);
  });
  for (const auto &Part : Out.Fields)
    Out.InAField.insert(Part.second->begin(), Part.second->end());
  return Out;
}

TaintSet
FunctionAnalysis::callStored(const CallExpr *Call, const FieldDecl *Field,
                             llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                             State &S) {
  // Only with untrusted data passed: finding what the file stores in its
  // fields walks the whole unit, too much to learn what a call through one
  // returns (the link's job).
  bool AnyTaint =
      llvm::any_of(Args, [](const auto &A) { return !A.second.empty(); });
  TaintSet Result;
  if (!AnyTaint)
    return Result;
  for (const FunctionDecl *Def : E.storedIn(Field, Call->getNumArgs())) {
    if (const TaintEngine::Summary *Sum = E.summaryFor(Def))
      addAll(Result, applySummary(Call, Def, *Sum, Args, S,
                                  /*ThroughPointer=*/true));
  }
  return Result;
}

std::optional<TaintSet>
FunctionAnalysis::applyFieldRules(const CallExpr *Call, const FieldDecl *Field,
                                  llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                                  State &S) {
  if (!M.namesSomething(Field->getName()))
    return std::nullopt;
  llvm::ArrayRef<const model::Rule *> Rules =
      M.rulesFor(model::ruleName(Field));
  if (Rules.empty())
    return std::nullopt;
  TaintSet Result;
  bool AnyHandled = false;
  for (const model::Rule *R : Rules) {
    // A command run through a field has no function to name: only sizes.
    if (R->Kind == model::RuleKind::Sink && R->Sink != model::SinkKind::Size)
      continue;
    bool Handled = false;
    addAll(Result, applyRule(Call, nullptr, *R, Args, S, Handled));
    AnyHandled |= Handled;
  }
  if (!AnyHandled)
    return std::nullopt;
  return Result;
}

const CallExpr *FunctionAnalysis::invocation(const Expr *Callable,
                                             llvm::ArrayRef<const Expr *> Args,
                                             SourceLocation Loc,
                                             const State &S) {
  llvm::SmallVector<Expr *, 4> CallArgs;
  const FunctionDecl *Fn = nullptr;
  const auto *Closure = Callable->getType()->getAsCXXRecordDecl();
  if (Closure && Closure->isLambda()) {
    // The closure is the call operator's first argument.
    Fn = lambdaCallee(Closure, static_cast<unsigned>(Args.size()));
    CallArgs.push_back(const_cast<Expr *>(Callable));
  } else {
    Fn = passedFunction(Callable, S);
  }
  if (!Fn || !Fn->hasBody())
    return nullptr;
  for (const Expr *A : Args)
    CallArgs.push_back(const_cast<Expr *>(A));
  return callOf(Fn, CallArgs, Loc);
}

const CallExpr *FunctionAnalysis::callOf(const FunctionDecl *Fn,
                                         llvm::ArrayRef<Expr *> CallArgs,
                                         SourceLocation Loc) {
  auto *F = const_cast<FunctionDecl *>(Fn);
  auto *Ref =
      DeclRefExpr::Create(Ctx, NestedNameSpecifierLoc(), SourceLocation(), F,
                          false, Loc, F->getType(), VK_LValue);
  auto *Callee = ImplicitCastExpr::Create(
      Ctx, Ctx.getPointerType(F->getType()), CK_FunctionToPointerDecay, Ref,
      nullptr, VK_PRValue, FPOptionsOverride());
  QualType Result = F->getReturnType().getNonReferenceType();
  // A closure, or `std::thread t(&Worker::run, this, cmd)`: the object is
  // the first argument, as in a member operator's call.
  const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
  if (Method && Method->isInstance()) {
    if (CallArgs.empty())
      return nullptr;
    return CXXOperatorCallExpr::Create(Ctx, OO_Call, Callee, CallArgs, Result,
                                       VK_PRValue, Loc, FPOptionsOverride());
  }
  return CallExpr::Create(Ctx, Callee, CallArgs, Result, VK_PRValue, Loc,
                          FPOptionsOverride());
}

std::optional<TaintSet> FunctionAnalysis::callHeld(const CallExpr *Call,
                                                   const CXXMethodDecl *MD,
                                                   State &S) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (!Op || Op->getOperator() != OO_Call || !MD || !MD->isInstance() ||
      !isStdFunctionType(MD->getThisType()->getPointeeType()))
    return std::nullopt;
  llvm::ArrayRef<const CallExpr *> Through = functionObjectCalls(Call, S);
  if (Through.empty())
    return std::nullopt;
  TaintSet Result;
  for (const CallExpr *C : Through)
    addAll(Result, eval(C, S));
  return Result;
}

llvm::ArrayRef<const CallExpr *>
FunctionAnalysis::functionObjectCalls(const CallExpr *Call, const State &S) {
  auto [It, New] = FunctionObjectCalls.try_emplace(Call);
  if (!New || Call->getNumArgs() == 0)
    return It->second;
  const Expr *Object = Call->getArg(0);
  llvm::ArrayRef<const Expr *> Args(Call->getArgs() + 1,
                                    Call->getNumArgs() - 1);
  const Expr *Holder = stripToValue(Object);
  llvm::SmallVector<const CallExpr *, 1> Found;
  // A member: what the unit stores in it, wherever.
  if (isa<MemberExpr>(Holder)) {
    if (const FieldDecl *Field = calledFunctionMember(Call))
      for (const Expr *C : E.heldIn(Field))
        if (const CallExpr *Made = invocation(C, Args, Call->getBeginLoc(), S))
          Found.push_back(Made);
    // (heldIn adds nothing to FunctionObjectCalls: It is still valid.)
    It->second = std::move(Found);
    return It->second;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Holder);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return It->second;
  // A parameter bound to the callback its caller passes.
  if (auto Known = S.Callee.find(Var); Known != S.Callee.end()) {
    for (const FunctionDecl *Fn : Known->second) {
      llvm::SmallVector<Expr *, 4> CallArgs;
      if (const auto *M = dyn_cast<CXXMethodDecl>(Fn); M && M->isInstance())
        CallArgs.push_back(const_cast<Expr *>(Object));
      for (const Expr *A : Args)
        CallArgs.push_back(const_cast<Expr *>(A));
      if (Fn->hasBody())
        if (const CallExpr *C = callOf(Fn, CallArgs, Call->getBeginLoc()))
          Found.push_back(C);
    }
  } else if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var)) {
    // A local: what it is initialised with and what is assigned to it.
    llvm::SmallVector<const Expr *, 2> Held;
    if (const Expr *Init = Var->getInit())
      if (const Expr *C = storedCallable(Init))
        Held.push_back(C);
    forEachAssignment(FD->getBody(), Var, [&](const Expr *Value) {
      if (const Expr *C = storedCallable(Value))
        Held.push_back(C);
    });
    for (const Expr *C : Held)
      if (const CallExpr *Made = invocation(C, Args, Call->getBeginLoc(), S))
        Found.push_back(Made);
  }
  // (Nothing above adds to FunctionObjectCalls: It is still valid.)
  It->second = std::move(Found);
  return It->second;
}

void FunctionAnalysis::invokeCallable(const Expr *Site,
                                      llvm::ArrayRef<const Expr *> Args,
                                      const model::Rule &R, State &S) {
  if (R.CallbackArg < 0)
    return;
  auto Pos = static_cast<size_t>(R.CallbackArg);
  // `std::async(std::launch::async, fn, ...)`: the policy is not called.
  while (Pos < Args.size() && Args[Pos]->getType()->isEnumeralType())
    ++Pos;
  if (Pos >= Args.size())
    return;
  auto [It, New] = Invocations.try_emplace(Site, nullptr);
  if (New)
    It->second =
        invocation(Args[Pos], Args.drop_front(Pos + 1), Site->getBeginLoc(), S);
  if (It->second)
    eval(It->second, S);
}

void FunctionAnalysis::callBack(const CallExpr *Call, const model::Rule &R,
                                llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                                State &S) {
  if (R.In.variadicFrom() != model::NoArg) {
    invokeCallable(Call, llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()), R,
                   S);
    return;
  }
  const Expr *FnArg = ruleArg(Call, R.CallbackArg);
  const FunctionDecl *Def = FnArg ? passedFunction(FnArg, S) : nullptr;
  if (!Def)
    return;
  // Its parameters, in order: what the call passes at the rule's
  // positions.
  llvm::SmallVector<std::pair<int, TaintSet>, 2> Passed;
  llvm::SmallVector<const Expr *, 2> Exprs;
  llvm::ArrayRef<int> Positions = R.In.explicitArgs();
  bool AnyTaint = false;
  for (size_t I = 0; I < Positions.size() && I < Def->getNumParams(); ++I) {
    TaintSet T;
    for (const auto &[Pos, Taint] : Args)
      if (Pos == Positions[I])
        T = Taint;
    AnyTaint |= !T.empty();
    Passed.push_back({static_cast<int>(I), std::move(T)});
    Exprs.push_back(ruleArg(Call, Positions[I]));
  }
  if (!AnyTaint && !E.exportsSource(Def))
    return;
  if (const TaintEngine::Summary *Sum = E.summaryFor(Def))
    applySummary(Call, Def, *Sum, Passed, S, /*ThroughPointer=*/true, Exprs);
}

bool FunctionAnalysis::definedElsewhere(const FunctionDecl *Callee) const {
  if (!E.options().WholeProgram || !Callee)
    return false;
  if (E.bodyElsewhere(Callee))
    return true;
  // A virtual method: another unit's override may be called.
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  return MD && MD->isVirtual() && !Callee->getBuiltinID() &&
         !SM.isInSystemHeader(Callee->getLocation());
}

TaintSet
FunctionAnalysis::callElsewhere(const CallExpr *Call, const Decl *Target,
                                llvm::ArrayRef<std::pair<int, TaintSet>> Args,
                                State &S, bool Dispatch) {
  int Index = E.externalCall(Call, Target, FD, Dispatch);
  const auto *Named = cast<NamedDecl>(Target);
  std::string Fn = declName(Named);
  const auto *Callee = dyn_cast<FunctionDecl>(Target);
  // What is passed: the link phase follows it into the callee (judged with
  // the sinks, after the fixpoint).
  for (const auto &[P, T] : Args) {
    if (T.empty() || !Judging)
      continue;
    const Expr *A = ruleArg(Call, P);
    if (!A)
      continue;
    // An object passed: a source's data in one of its fields goes to the
    // link with that field (`run(&ctx)` after `ctx.argv = argv`), each
    // field's path of it; what the object holds as a whole, whole. (A
    // parameter's data keeps its own field paths, Origin::Path.)
    ObjectParts Parts = objectParts(A, S);
    auto Pass = [&](const Step *St, const FieldPath *Fields) {
      SinkHit Hit{SinkHit::ExternalArg, Call, Callee, A, St};
      Hit.ArgFields = Fields;
      if (TrackRanges && isInt(A->getType())) {
        Hit.Indexing.Range = rangeOf(A, S);
        Hit.Indexing.ParamExact = isUnmodifiedParam(A);
      }
      reportOrKeep(Hit);
    };
    for (const Step *St : T)
      if (St->Root->K != Origin::Source || !Parts.InAField.contains(St))
        Pass(St, nullptr);
    for (const auto &[Fields, Held] : Parts.Fields)
      for (const Step *St : *Held)
        if (St->Root->K == Origin::Source)
          Pass(St, Fields);
  }
  // What the callee may leave in the objects passed to it (a call through a
  // function pointer: only what it returns, or every object passed to a
  // method table would hold data of unknown origin).
  SourceLocation At = Call->getExprLoc();
  auto Fill = [&](const Expr *A, int Pos) {
    if (!Callee)
      return;
    QualType T = A->getType();
    bool Writable =
        (T->isPointerType() && !T->getPointeeType().isConstQualified() &&
         !T->getPointeeType()->isFunctionType()) ||
        (Pos == model::ThisObject) ||
        (Callee && Pos >= 0 &&
         static_cast<unsigned>(Pos) < Callee->getNumParams() &&
         Callee->getParamDecl(static_cast<unsigned>(Pos))
             ->getType()
             ->isReferenceType() &&
         !Callee->getParamDecl(static_cast<unsigned>(Pos))
              ->getType()
              .getNonReferenceType()
              .isConstQualified());
    if (!Writable)
      return;
    Location L = locOf(A, S);
    if (!L.valid())
      return;
    Origin O{Origin::CallOut, Index, model::SourceKind::Other, Fn, true, At};
    O.Arg = Pos;
    const Origin *Root = E.makeOrigin(O);
    std::string Into = objectName(A);
    const Step *St = E.makeStep(
        nullptr, Root, At,
        Into.empty() ? "'" + Fn + "' may store data in its argument"
                     : "'" + Fn + "' may store data in '" + Into + "'");
    write(L, {St}, S, /*Strong=*/false);
  };
  for (const auto &[P, T] : Args) {
    const Expr *A = ruleArg(Call, P);
    if (A)
      Fill(A, P);
  }
  if (Call->getType()->isVoidType())
    return {};
  const Origin *Root = E.makeOrigin(
      {Origin::CallResult, Index, model::SourceKind::Other, Fn, true, At});
  return {E.makeStep(nullptr, Root, At, "returned by '" + Fn + "'")};
}

} // namespace sinkguard::engine
