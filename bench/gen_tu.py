#!/usr/bin/env python3
"""gen_tu.py [--functions N] [--depth D] [--lang c|c++] > out.c

Writes one synthetic translation unit for benchmarks: N functions in call
chains D deep that copy and format strings and call each other, so that the
checks build every CFG and summary; one function in 30 runs a command (some
built from constants, some from parameters) and one chain in 50 is fed
argv, so the unit has a realistic handful of findings rather than thousands
(rendering thousands of diagnostics would measure the printer, not the
analysis). Deterministic for the same arguments.
"""
import argparse


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--functions", type=int, default=3000)
    p.add_argument("--depth", type=int, default=5)
    p.add_argument("--lang", choices=("c", "c++"), default="c")
    p.add_argument("--tainted-every", type=int, default=50,
                   help="feed argv to one call chain in N (1: all of them, "
                        "the worst case)")
    a = p.parse_args()
    out = []
    w = out.append
    w("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n")
    if a.lang == "c++":
        w("#include <string>\n")
    for i in range(a.functions):
        level = i % a.depth
        w("static int f%d(const char *arg, int n) {" % i)
        w("  char buf[256];")
        w("  char cmd[512];")
        w("  int total = n;")
        w("  strncpy(buf, arg, sizeof buf - 1);")
        w("  buf[sizeof buf - 1] = 0;")
        kind = i % 4
        if kind == 0:
            w('  snprintf(cmd, sizeof cmd, "echo %d", n);')
        elif kind == 1:
            w('  snprintf(cmd, sizeof cmd, "ls %s", buf);')
        elif kind == 2:
            w('  strcpy(cmd, "grep ");')
            w('  strcat(cmd, "-n pattern file");')
        else:
            w('  strcpy(cmd, "cat ");')
            w("  strcat(cmd, buf);")
        w("  for (int k = 0; k < 8; ++k)")
        w("    total += (int)strlen(buf) * k;")
        if i % 30 == 1:
            w("  total += system(cmd);")
        if a.lang == "c++" and i % 50 == 0:
            w('  std::string s = std::string("du -s ") + arg;')
            w("  total += system(s.c_str());")
        if level > 0 and i > 0:
            w("  total += f%d(buf, n + 1);" % (i - 1))
        w("  return total;")
        w("}\n")
    w("int main(int argc, char **argv) {")
    w("  int t = 0;")
    for k, i in enumerate(range(0, a.functions, a.depth)):
        arg = "argv[1]" if k % a.tainted_every == 0 else '"x"'
        w("  t += f%d(%s, argc);" % (min(i + a.depth - 1, a.functions - 1), arg))
    w("  return t != 0;")
    w("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
