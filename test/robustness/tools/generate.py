#!/usr/bin/env python3
"""generate.py KIND OUT [N]

Writes one large or pathological C source for the robustness tests to OUT:

  statements N   one function of N statements; data from getenv flows
                 through all of them into system() (default 10000)
  parens N       an expression of N nested parentheses, and a+(a+(...))
                 N deep, the tainted value inside, passed to system()
  literal N      a string literal of N bytes passed to system() and strcpy
  includes N     a file that includes repeat.h N times (repeat.h has no
                 include guard and only declarations)
  macros N       a macro that expands to 2^N copies of an expression
  chains N       a+a+...+a of N terms and c ? c : c ? c : ... N deep,
                 tainted, passed to system()
  calls N        a call chain of N functions passing untrusted data down
                 to system() in the last one
  switch N       a parser-style loop around a switch of N cases, each
                 storing untrusted data into fields of a stack of unions
                 (SQLite's yy_reduce), a linked list walked with
                 p = p->next, and a sink after the loop

Deterministic.
"""
import sys

PROLOGUE = ("char *getenv(const char *);\n"
            "int system(const char *);\n"
            "char *strcpy(char *, const char *);\n")


def statements(n):
    out = [PROLOGUE, "void run(void) {\n", "  const char *p0 = getenv(\"CMD\");\n"]
    for i in range(1, n):
        out.append(f"  const char *p{i} = p{i - 1};\n")
    out.append(f"  system(p{n - 1});\n}}\n")
    return "".join(out)


def parens(n):
    return (PROLOGUE + "void run(void) {\n"
            "  const char *c = getenv(\"CMD\");\n"
            f"  system({'(' * n}c{')' * n});\n"
            "  long a = (long)c;\n"
            f"  long s = {'a+(' * n}a{')' * n};\n"
            "  system((const char *)s);\n"
            "}\n")


def literal(n):
    body = ("ls " * (n // 3 + 1))[:n]
    return (PROLOGUE + "void run(void) {\n"
            "  char buf[16];\n"
            f"  system(\"{body}\");\n"
            f"  strcpy(buf, \"{body}\");\n"
            "  system(getenv(\"CMD\"));\n"
            "}\n")


def includes(n):
    return "".join('#include "repeat.h"\n' for _ in range(n)) + (
        "void run(void) { system(getenv(\"CMD\")); }\n")


def macros(n):
    out = [PROLOGUE, "#define M0(x) (x)\n"]
    for i in range(1, n + 1):
        out.append(f"#define M{i}(x) (M{i - 1}(x) + M{i - 1}(x))\n")
    out.append("void run(void) {\n"
               "  const char *c = getenv(\"CMD\");\n"
               f"  long v = M{n}((long)c);\n"
               "  system((const char *)v);\n"
               "}\n")
    return "".join(out)


def chains(n):
    return (PROLOGUE + "void run(void) {\n"
            "  long a = (long)getenv(\"CMD\");\n"
            f"  long s = {'+'.join(['a'] * n)};\n"
            "  system((const char *)s);\n"
            "  const char *c = getenv(\"ARG\");\n"
            f"  const char *t = {' ? c : '.join(['c'] * n)};\n"
            "  system(t);\n"
            "}\n")


def calls(n):
    out = [PROLOGUE, f"void f{n - 1}(const char *s) {{ system(s); }}\n"]
    for i in range(n - 2, -1, -1):
        out.append(f"void f{i}(const char *s) {{ f{i + 1}(s); }}\n")
    out.append("void run(void) { f0(getenv(\"CMD\")); }\n")
    return "".join(out)


def switch(n):
    out = ["char *fgets(char *, int, void *);\n",
           "int system(const char *);\n",
           "struct node { struct node *next; char *text; int n; };\n",
           "union minor { char *s; int i; struct node *l; };\n",
           "struct entry { int state; union minor minor; };\n",
           "void run(void *in, struct node *list) {\n",
           "  char buf[256];\n",
           "  struct entry stack[100];\n",
           "  struct entry *top = stack;\n",
           "  int op = 0;\n",
           "  while (fgets(buf, sizeof buf, in)) {\n",
           "    switch (op++ %% %d) {\n" % n]
    for i in range(n):
        out.append(f"    case {i}: top[{i % 7}].minor.s = buf; "
                   f"top[{(i + 3) % 7}].minor.i = top[{i % 5}].minor.i + {i}; "
                   f"top->state = {i}; break;\n")
    out.append("    }\n  }\n")
    out.append("  struct node *p = list;\n"
               "  while (p) {\n    p->text = top[1].minor.s;\n"
               "    p = p->next;\n  }\n"
               "  system(list->next->next->text);\n}\n")
    return "".join(out)


def main():
    kind, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    text = {"statements": statements, "parens": parens, "literal": literal,
            "includes": includes, "macros": macros,
            "chains": chains, "switch": switch, "calls": calls}[kind](n)
    with open(out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
