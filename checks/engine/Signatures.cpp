//===--- Signatures.cpp ---------------------------------------------------===//

#include "Signatures.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace sinkguard::engine {

namespace {

/// Spells \p T (canonical, without qualifiers) the same in C and C++.
void spell(QualType T, llvm::raw_ostream &OS, unsigned Depth = 0) {
  if (T.isNull() || Depth > 8) {
    OS << '?';
    return;
  }
  T = T.getCanonicalType().getUnqualifiedType();
  if (const auto *BT = T->getAs<BuiltinType>()) {
    switch (BT->getKind()) {
    case BuiltinType::Bool:
      OS << "bool";
      return;
    case BuiltinType::Char_S:
    case BuiltinType::Char_U:
      OS << "char";
      return;
    default: {
      static const PrintingPolicy Policy{LangOptions()};
      OS << BT->getName(Policy);
      return;
    }
    }
  }
  if (const auto *ET = T->getAs<EnumType>()) {
    const EnumDecl *ED = ET->getDecl();
    QualType Int = ED ? ED->getIntegerType() : QualType();
    if (Int.isNull())
      OS << "int";
    else
      spell(Int, OS, Depth + 1);
    return;
  }
  if (const auto *PT = T->getAs<PointerType>()) {
    spell(PT->getPointeeType(), OS, Depth + 1);
    OS << '*';
    return;
  }
  if (const auto *RT = T->getAs<ReferenceType>()) {
    spell(RT->getPointeeType(), OS, Depth + 1);
    OS << (isa<RValueReferenceType>(RT) ? "&&" : "&");
    return;
  }
  if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr())) {
    spell(AT->getElementType(), OS, Depth + 1);
    OS << "[]";
    return;
  }
  if (const auto *RT = T->getAs<RecordType>()) {
    const RecordDecl *RD = RT->getDecl();
    if (RD->getIdentifier())
      OS << RD->getQualifiedNameAsString();
    else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      OS << TD->getQualifiedNameAsString();
    else
      OS << "(anonymous)";
    return;
  }
  if (const auto *FT = T->getAs<FunctionType>()) {
    spell(FT->getReturnType(), OS, Depth + 1);
    OS << '(';
    if (const auto *FPT = dyn_cast<FunctionProtoType>(FT)) {
      llvm::ListSeparator Comma(",");
      for (QualType P : FPT->param_types()) {
        OS << Comma;
        spell(P, OS, Depth + 1);
      }
      if (FPT->isVariadic())
        OS << Comma << "...";
    }
    OS << ')';
    return;
  }
  OS << T.getAsString();
}

/// The class of \p T (see Signatures.h).
char classOf(QualType T) {
  if (T.isNull())
    return 'o';
  T = T.getCanonicalType();
  if (T->isVoidType())
    return 'v';
  if (T->isIntegralOrEnumerationType())
    return 'i';
  if (T->isRealFloatingType())
    return 'f';
  if (T->isAnyPointerType() || T->isReferenceType() || T->isArrayType() ||
      T->isFunctionType() || T->isBlockPointerType() ||
      T->isMemberPointerType() || T->isNullPtrType())
    return 'p';
  if (T->isRecordType())
    return 's';
  return 'o';
}

void element(QualType T, llvm::raw_ostream &OS) {
  OS << ';' << classOf(T);
  spell(T, OS);
}

/// A signature of result \p Result and parameters \p Params.
template <typename Range>
std::string signature(bool Prototype, QualType Result, const Range &Params,
                      bool Variadic) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (!Prototype)
    OS << '?';
  OS << classOf(Result);
  spell(Result, OS);
  for (QualType P : Params)
    element(P, OS);
  if (Variadic)
    OS << ";...";
  return Text;
}

struct Parsed {
  bool Prototype = true;
  llvm::StringRef Result;
  llvm::SmallVector<llvm::StringRef, 6> Params;
  bool Variadic = false;
};

Parsed parse(llvm::StringRef S) {
  Parsed P;
  P.Prototype = !S.consume_front("?");
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  S.split(Parts, ';');
  P.Result = Parts.front();
  for (llvm::StringRef Part : llvm::ArrayRef(Parts).drop_front()) {
    if (Part == "...")
      P.Variadic = true;
    else
      P.Params.push_back(Part);
  }
  return P;
}

char classOf(llvm::StringRef Element) {
  return Element.empty() ? 'o' : Element.front();
}

} // namespace

std::string signatureOf(const FunctionDecl *FD) {
  if (!FD)
    return "";
  llvm::SmallVector<QualType, 6> Params;
  for (const ParmVarDecl *P : FD->parameters())
    Params.push_back(P->getType());
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  return signature(FD->hasPrototype(), FD->getReturnType(), Params,
                   FPT && FPT->isVariadic());
}

std::string callSignature(const CallExpr *Call, const Decl *Target) {
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Target))
    if (FD->hasPrototype())
      return signatureOf(FD);
  if (const auto *Field = dyn_cast_or_null<FieldDecl>(Target)) {
    QualType T = Field->getType();
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    if (const auto *FPT = T->getAs<FunctionProtoType>())
      return signature(true, FPT->getReturnType(), FPT->param_types(),
                       FPT->isVariadic());
  }
  // No prototype: what the call passes, promoted as the call promotes it.
  llvm::SmallVector<QualType, 6> Args;
  unsigned First = 0;
  if (isa<CXXOperatorCallExpr>(Call))
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Target);
        MD && MD->isInstance())
      First = 1;
  for (unsigned I = First; I < Call->getNumArgs(); ++I)
    Args.push_back(Call->getArg(I)->getType());
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Target);
  return signature(false, FD ? FD->getReturnType() : Call->getType(), Args,
                   /*Variadic=*/false);
}

Fit signatureFit(llvm::StringRef Call, llvm::StringRef Definition) {
  if (Call == Definition)
    return Fit::Exact;
  Parsed C = parse(Call);
  Parsed D = parse(Definition);
  bool Prototypes = C.Prototype && D.Prototype;
  // Without a prototype on either side, a call passes its arguments (each
  // promoted) and the result is whatever the declaration says.
  if (Prototypes
          ? (C.Params.size() != D.Params.size() || C.Variadic != D.Variadic)
          : (C.Variadic || (D.Variadic ? C.Params.size() < D.Params.size()
                                       : C.Params.size() != D.Params.size())))
    return Fit::None;
  if (Prototypes && classOf(C.Result) != classOf(D.Result))
    return Fit::None;
  bool Same = !Prototypes || C.Result == D.Result;
  for (size_t I = 0; I < D.Params.size(); ++I) {
    if (classOf(C.Params[I]) != classOf(D.Params[I]))
      return Fit::None;
    Same &= C.Params[I] == D.Params[I];
  }
  return Same ? Fit::Exact : Fit::Compatible;
}

} // namespace sinkguard::engine
