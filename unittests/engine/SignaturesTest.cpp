//===--- SignaturesTest.cpp - Which definition a call can bind to ---------===//
//
// engine/Signatures.h: a function's signature is the same text from C and
// C++ and whatever its typedefs and qualifiers; a call fits a definition
// of the same count and class of parameters (and result, and variadic or
// not), exactly when the types agree too; without a prototype, the call's
// arguments are what it passes.
//
//===----------------------------------------------------------------------===//

#include "engine/Signatures.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

namespace sinkguard::engine::test {
namespace {

using namespace clang;

/// A snippet's functions and calls.
struct Snippet {
  std::unique_ptr<ASTUnit> AST;

  Snippet(llvm::StringRef Code, bool Cxx = false) {
    AST = tooling::buildASTFromCodeWithArgs(
        Code, {Cxx ? "-xc++" : "-xc", Cxx ? "-std=c++17" : "-std=c17", "-w"},
        Cxx ? "input.cpp" : "input.c");
  }

  /// The signature of the last declaration of \p Name.
  std::string of(llvm::StringRef Name) const {
    const FunctionDecl *Found = nullptr;
    for (Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls()) {
      // The declarations of an extern "C" block too.
      if (auto *Block = dyn_cast<LinkageSpecDecl>(D)) {
        for (Decl *Inner : Block->decls())
          if (const FunctionDecl *FD = Inner->getAsFunction();
              FD && FD->getName() == Name)
            Found = FD;
      }
      if (const FunctionDecl *FD = D->getAsFunction();
          FD && FD->getName() == Name)
        Found = FD;
    }
    return Found ? signatureOf(Found) : "(none)";
  }

  /// The signatures of the calls in the snippet, in order.
  std::vector<std::string> calls() const {
    struct Calls : DynamicRecursiveASTVisitor {
      std::vector<std::string> Found;
      bool VisitCallExpr(CallExpr *C) override {
        Found.push_back(callSignature(C, C->getCalleeDecl()));
        return true;
      }
    } V;
    V.TraverseDecl(AST->getASTContext().getTranslationUnitDecl());
    return V.Found;
  }
};

TEST(Signatures, SpelledWithoutTypedefsOrQualifiers) {
  Snippet S(R"c(
    typedef unsigned long size_t;
    typedef struct conn conn_t;
    typedef struct { int x; } point;
    enum mode { A, B };
    void fatal(const char *fmt, ...);
    size_t copy(conn_t *c, const void *p, size_t n);
    _Bool check(const point *p, enum mode m, double d, char buf[8]);
    int (*handler(int sig))(void *);
  )c");
  EXPECT_EQ(S.of("fatal"), "vvoid;pchar*;...");
  EXPECT_EQ(S.of("copy"), "iunsigned long;pconn*;pvoid*;iunsigned long");
  EXPECT_EQ(S.of("check"), "ibool;ppoint*;iunsigned int;fdouble;pchar*");
  EXPECT_EQ(S.of("handler"), "pint(void*)*;iint");
}

TEST(Signatures, TheSameInCAndCxx) {
  const char *Code = R"c(
    struct conn;
    #ifdef __cplusplus
    extern "C" {
    #endif
    int send_all(struct conn *c, const char *data, unsigned long n, _Bool f);
    #ifdef __cplusplus
    }
    #endif
  )c";
  Snippet C(Code);
  Snippet Cxx(
      std::string(Code).replace(std::string(Code).find("_Bool"), 5, "bool"),
      /*Cxx=*/true);
  EXPECT_EQ(C.of("send_all"), "iint;pconn*;pchar*;iunsigned long;ibool");
  EXPECT_EQ(Cxx.of("send_all"), C.of("send_all"));
}

TEST(Signatures, KAndRAndCallsWithoutPrototype) {
  Snippet S(R"c(
    int old(a, s) int a; char *s; { return a; }
    void later();
    void use(short h, float f, char *p) { later(h, f, p); later(); }
  )c");
  EXPECT_EQ(S.of("old"), "?iint;iint;pchar*");
  // Each argument promoted, as the call passes it.
  EXPECT_EQ(S.calls(),
            (std::vector<std::string>{"?vvoid;iint;fdouble;pchar*", "?vvoid"}));
}

TEST(SignatureFit, CountClassAndVariadic) {
  llvm::StringRef Daemon = "vvoid;pchar*;...";
  llvm::StringRef Client = "vvoid;iint;pchar*;...";
  EXPECT_EQ(signatureFit(Daemon, Daemon), Fit::Exact);
  // An integer where a pointer is expected, or another count: never.
  EXPECT_EQ(signatureFit(Daemon, Client), Fit::None);
  EXPECT_EQ(signatureFit(Client, Daemon), Fit::None);
  EXPECT_EQ(signatureFit("vvoid;pchar*", "vvoid;pchar*;pchar*"), Fit::None);
  EXPECT_EQ(signatureFit("vvoid;pchar*", Daemon), Fit::None);
  // The result's class too.
  EXPECT_EQ(signatureFit("iint;pchar*", "pchar*;pchar*"), Fit::None);
  // Another type of the same class: compatible, not exact.
  EXPECT_EQ(signatureFit("vvoid;pvoid*;ilong", "vvoid;pconn*;iint"),
            Fit::Compatible);
}

TEST(SignatureFit, WithoutPrototype) {
  // A call through `void show();` with its promoted arguments.
  EXPECT_EQ(signatureFit("?vvoid;iint;pchar*", "vvoid;iint;pchar*"),
            Fit::Exact);
  EXPECT_EQ(signatureFit("?vvoid;pchar*", "vvoid;iint;pchar*"), Fit::None);
  EXPECT_EQ(signatureFit("?vvoid;pchar*;iint", "vvoid;iint;pchar*"), Fit::None);
  // Variadic definitions take the extra arguments.
  EXPECT_EQ(signatureFit("?vvoid;pchar*;iint", "vvoid;pchar*;..."), Fit::Exact);
  EXPECT_EQ(signatureFit("?vvoid", "vvoid;pchar*;..."), Fit::None);
  // A K&R definition, called with a prototype: the count and classes.
  EXPECT_EQ(signatureFit("iint;iint;pchar*", "?iint;iint;pchar*"), Fit::Exact);
  EXPECT_EQ(signatureFit("iint;pchar*", "?iint;iint;pchar*"), Fit::None);
  EXPECT_EQ(signatureFit("iint;iint;pchar*;...", "?iint;iint;pchar*"),
            Fit::None);
}

} // namespace
} // namespace sinkguard::engine::test
