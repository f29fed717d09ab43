//===--- AstQueries.h - Questions about expressions ------------*- C++ -*-===//
//
// Internal to the engine. Questions about Clang expressions and
// declarations that the analysis asks everywhere: what an expression
// designates, names for messages, library names it recognises.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_CHECKS_ENGINE_ASTQUERIES_H
#define SINKGUARD_CHECKS_ENGINE_ASTQUERIES_H

#include "../model/Model.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace sinkguard::engine {

using clang::ASTContext;
using clang::CallExpr;
using clang::CastExpr;
using clang::CXXBindTemporaryExpr;
using clang::CXXDefaultArgExpr;
using clang::Expr;
using clang::ExprWithCleanups;
using clang::FieldDecl;
using clang::FunctionDecl;
using clang::LangOptions;
using clang::MaterializeTemporaryExpr;
using clang::NamedDecl;
using clang::QualType;
using clang::SourceLocation;
using clang::SourceManager;
using clang::Stmt;
using clang::ValueDecl;

/// Whether \p BO steps back from a pointer by the size of a struct or the
/// offset of a member in one (`s - sizeof *sh`, `(char *)p -
/// offsetof(struct conn, node)`): the header a string library keeps before
/// its data, the object a member belongs to (container_of). What is there
/// is the program's own object, not the data the pointer points to.
bool stepsBackToObject(const clang::BinaryOperator *BO);

/// The body of a loop statement (for, while, do, range-for); null for
/// another statement.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

/// The lambda \p E makes (past the copy of the closure into a variable);
/// null when \p E is not one.
const clang::LambdaExpr *lambdaOf(const clang::Expr *E);

/// The condition of a for, while or do loop; null for another statement.
const clang::Expr *loopCondition(const clang::Stmt *Loop);

/// The object `std::move(x)`, `std::forward<T>(x)`, `std::as_const(x)`
/// or `std::move_if_noexcept(x)` designates (x); null for any other
/// expression.
const clang::Expr *castObject(const clang::CallExpr *Call);

/// Peels the nodes that do not change which object or value is meant.
inline const Expr *stripToValue(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *C = llvm::dyn_cast<CastExpr>(E)) {
      // A conversion to bool or to a number of another kind keeps the
      // data (the range checks need it); only the pointer-ness changes.
      E = C->getSubExpr();
    } else if (const auto *M = llvm::dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = llvm::dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *W = llvm::dyn_cast<ExprWithCleanups>(E)) {
      E = W->getSubExpr();
    } else if (const auto *D = llvm::dyn_cast<CXXDefaultArgExpr>(E)) {
      E = D->getExpr();
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
               Call && Call->getNumArgs() == 1 && castObject(Call)) {
      E = Call->getArg(0);
    } else {
      return E;
    }
  }
  return E;
}

inline bool isInt(QualType T) {
  return !T.isNull() && T->isIntegralOrEnumerationType();
}

/// Whether \p T is std::basic_string or std::basic_string_view.
bool isStdStringType(QualType T);
/// The string stream a stream read takes its text from (`ss` in
/// `std::getline(ss, tok)`, `ss >> n`, `ss.read(...)`): the object read
/// when its type is, or derives from, std::basic_istringstream or
/// std::basic_stringstream; null for any other stream or call.
const clang::Expr *stringStreamRead(const clang::CallExpr *Call);
/// Whether \p T is made of the standard library's types and builtin ones
/// only (`std::pair<std::string, int>`, `std::unique_ptr<std::string>`,
/// `char *`): no class of the program, whose fields are told apart, is in
/// it.
bool onlyLibraryTypes(QualType T);
/// Whether \p T (a reference to it) is std::unique_ptr or std::shared_ptr.
bool isSmartPointerType(QualType T);
/// The class of the program `std::make_unique<T>(...)` or
/// `std::make_shared<T>(...)` makes (T); null for any other call.
const clang::CXXRecordDecl *madeObjectClass(const clang::CallExpr *Call);
/// Whether \p T (a reference to it, const or not) is `std::function<...>`.
bool isStdFunctionType(QualType T);
/// What \p E puts in a `std::function` (its initialiser, what is assigned
/// to it, an argument passed for it): the lambda, or the expression that
/// names a function; null for anything else (another std::function...).
const clang::Expr *storedCallable(const clang::Expr *E);
/// The call operator a call of the lambda \p Closure with \p NumArgs
/// arguments runs: its own, or, for a generic lambda (`[](auto c)`), the
/// one instantiation the program makes of it with that many parameters;
/// null when there is none or several.
const clang::FunctionDecl *lambdaCallee(const clang::CXXRecordDecl *Closure,
                                        unsigned NumArgs);
/// The function \p Callable (what storedCallable() gives) runs: a
/// lambda's call operator, or the function named; null otherwise.
const clang::FunctionDecl *heldFunction(const clang::Expr *Callable);
/// The `std::function` member a call `obj.member(...)` calls through;
/// null for any other call.
const clang::FieldDecl *calledFunctionMember(const clang::CallExpr *Call);
/// Calls \p Each with every value \p Body assigns to the object \p Var
/// with `operator=` (`f = [](...) { ... };`).
void forEachAssignment(const clang::Stmt *Body, const clang::VarDecl *Var,
                       llvm::function_ref<void(const clang::Expr *)> Each);

/// Which objects count as text in carriesText().
enum class TextObjects : std::uint8_t {
  /// Any record, and pointers to records: the taint analysis follows data
  /// through structs and classes (a field may hold the text).
  AnyRecord,
  /// Only std::string and std::string_view: a command's text is built
  /// from characters, character buffers and strings, never from other
  /// objects (command assembly).
  StdStrings,
};

/// Whether values of type \p T can carry injected text: characters,
/// character (or untyped, or pointer) buffers, and the objects \p Objects
/// names; not numbers, booleans or enumerators.
bool carriesText(QualType T, TextObjects Objects = TextObjects::AnyRecord);

/// \p ND's name as written. An identifier's is taken as is:
/// NamedDecl::getNameAsString() builds a printing policy (and language
/// options) each time, which the engine asked for on every evaluation.
std::string declName(const NamedDecl *ND);

std::string nameOf(const FunctionDecl *FD);

/// A short name for the object \p E designates, for messages: `cmd`,
/// `req.host`, or empty.
std::string objectName(const Expr *E);
/// The object whose copy \p E is, when it is one: `s`, `*p`, `p->in`,
/// `a[i]` (also through a trivial copy or move constructor); null for a
/// value made by the expression (a call, a conditional).
const Expr *copiedObject(const Expr *E);

/// The struct field holding the function pointer \p Call goes through
/// (`ops->run(cmd)`), or null.
const FieldDecl *calledField(const CallExpr *Call);

/// The text of a string literal \p E, if it is one.
std::optional<llvm::StringRef> literalText(const Expr *E);

bool isNullLike(const Expr *E, ASTContext &Ctx);
/// Whether \p E is an integer constant equal to zero (`0`, `'\0'`, a
/// macro for one).
bool isZeroConstant(const Expr *E, const ASTContext &Ctx);

/// Whether an allow-listed set of characters is free of anything a shell or
/// a word splitter treats specially.
bool isSafeCharSet(llvm::StringRef Set);

/// What data of kind \p Kind is, for a step's message: "a command-line
/// argument".
llvm::StringRef describeSourceKind(model::SourceKind Kind);

/// \p FD's TextTest rule in \p M if it is a test of kind \p Test, or null.
inline const model::Rule *
textTest(const model::Model &M, const FunctionDecl *FD, model::TextTest Test) {
  const model::Rule *R = M.fact(FD, model::RuleKind::TextTest);
  return R && R->Test == Test ? R : nullptr;
}

/// The argument at \p R's first In position, or null.
const Expr *firstInArg(const CallExpr *Call, const model::Rule &R);

/// Whether \p Loc comes from expanding an allow-list class macro
/// (glibc defines isalnum and friends as macros in C).
bool isAllowClassMacro(SourceLocation Loc, const SourceManager &SM,
                       const LangOptions &LO, const model::Model &M);

/// Whether \p S comes from an `assert(...)` written in the source.
bool inAssert(const Stmt *S, const SourceManager &SM);

/// Whether running \p S always leaves the enclosing loop and function:
/// return, throw, goto, or a call that does not return.
bool leaves(const Stmt *S, const model::Model &M);

/// Whether \p Ex designates one integer object exactly: a variable, a field,
/// a dereferenced pointer; not an array element (arrays are one cell).
bool preciseLocation(const Expr *Ex);

/// The variable an integer value is read from: `n`, `hdr.count` (hdr),
/// `p->count` (p); null for anything else.
const ValueDecl *rootVariable(const Expr *Ex);

/// Every variable \p Ex reads.
void variablesOf(const Stmt *S, llvm::SmallVectorImpl<const ValueDecl *> &Out);

/// Whether \p S writes \p VD or one of its fields, outside \p Skip:
/// assigned, incremented, or its address taken.
bool writesVariable(const Stmt *S, const ValueDecl *VD,
                    const Stmt *Skip = nullptr);

/// The object whose size `x.size()`, `x.length()` or `std::size(x)` is
/// (the model's SizeOf rules).
const Expr *sizeObject(const Expr *Ex, const model::Model &M);

bool sameExpr(const Expr *A, const Expr *B, const ASTContext &Ctx);

/// False when \p Ex cannot be an integer constant: it reads a variable
/// that is not constant, calls a function that is not constexpr, or
/// assigns. A quick look before asking Clang to evaluate it (which costs
/// about a thousand instructions even when it fails).
bool mayBeConstant(const Expr *Ex);

/// The data arguments (0 for the first after the format) that printf-style
/// format \p Format reads as text: %s, %S, %c, %C and %@.
llvm::SmallVector<unsigned, 4> printfTextArguments(llvm::StringRef Format,
                                                   const ASTContext &Ctx);

} // namespace sinkguard::engine

#endif
