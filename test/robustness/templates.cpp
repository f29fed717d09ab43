// Heavy templates and macros: a value passed through 300 levels of recursive
// template instantiation, a variadic pack of 200 arguments, and 500
// functions stamped out by a macro, each with a tainted call. No crash, no
// hang, a sensible exit code, and the direct flows are reported.
//
// RUN: rm -rf %t && mkdir -p %t/build && cp %s %t/templates.cpp
// RUN: echo '[{"directory": "%t", "file": "%t/templates.cpp", "arguments": ["c++", "-c", "templates.cpp", "-std=c++17", "-ftemplate-depth=1024"]}]' > %t/build/compile_commands.json
// RUN: %expect_exit 1 timeout 120 sinkguard -p %t/build --quiet > %t/driver.txt
// RUN: FileCheck %s --input-file %t/driver.txt
// RUN: %expect_exit 0 timeout 120 sinkguard-tidy -p %t/build %t/templates.cpp --checks=-*,sinkguard-* --quiet > %t/tidy.txt
// RUN: FileCheck %s --input-file %t/tidy.txt
//
// The three calls in run(), the last through Pass<300>:
// CHECK: templates.cpp:37:3: warning: command passed to 'system' contains data read by 'getenv' at line 36
// CHECK: templates.cpp:38:3: warning: command passed to 'system' contains data read by 'getenv' at line 36
// CHECK: templates.cpp:39:3: warning: command passed to 'system' contains data read by 'getenv' at line 36

extern "C" char *getenv(const char *);
extern "C" int system(const char *);

template <int N> struct Pass {
  static const char *go(const char *S) { return Pass<N - 1>::go(S); }
};
template <> struct Pass<0> {
  static const char *go(const char *S) { return S; }
};

template <typename... T> const char *first(const char *S, T...) { return S; }

#define STAMP(N) void stamped##N(const char *P) { system(P); }
#define STAMP10(N) STAMP(N##0) STAMP(N##1) STAMP(N##2) STAMP(N##3) STAMP(N##4) STAMP(N##5) STAMP(N##6) STAMP(N##7) STAMP(N##8) STAMP(N##9)
#define STAMP100(N) STAMP10(N##0) STAMP10(N##1) STAMP10(N##2) STAMP10(N##3) STAMP10(N##4) STAMP10(N##5) STAMP10(N##6) STAMP10(N##7) STAMP10(N##8) STAMP10(N##9)
STAMP100(1) STAMP100(2) STAMP100(3) STAMP100(4) STAMP100(5)

void run() {
  const char *Cmd = getenv("CMD");
  system(Cmd);
  system(first(Cmd, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));
  system(Pass<300>::go(Cmd));
}
