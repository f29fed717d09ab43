#!/usr/bin/env python3
"""gen_project.py OUT [--units N] [--functions F] [--depth D]

Writes a synthetic C project of N translation units (default 300) for the
driver benchmark (bench/driver_overhead.py) and the comparison with other
tools (bench/compare.py): OUT/src/dK/uNNN.c, each with F functions (default
40) in call chains D deep (default 0: one chain through all F functions of
the unit) that copy, format and run commands (about a third
assembled from parameters, so the checks have findings to report), the
usual libc headers and a project header, in directories of 25 units, and
OUT/build/compile_commands.json with one command per unit run from OUT.
Deterministic for the same arguments.
"""
import argparse
import json
import os

HEADER = """\
#ifndef PROJECT_COMMON_H
#define PROJECT_COMMON_H
#include <stddef.h>
struct job { const char *name; int retries; char dir[128]; };
int project_log(const char *fmt, ...);
#endif
"""


def unit(index, functions, depth=0):
    out = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>",
           '#include "common.h"', ""]
    for f in range(functions):
        name = "u%d_f%d" % (index, f)
        kind = (index + f) % 6
        out.append("int %s(const char *arg, struct job *job, int n) {" % name)
        out.append("  char buf[256];")
        out.append("  char cmd[512];")
        out.append("  int total = n;")
        out.append("  strncpy(buf, arg, sizeof buf - 1);")
        out.append("  buf[sizeof buf - 1] = 0;")
        if kind == 0:
            out.append('  snprintf(cmd, sizeof cmd, "tar czf %s.tgz %s", '
                       "job->name, buf);")
        elif kind == 1:
            out.append('  snprintf(cmd, sizeof cmd, "sleep %d", n);')
        elif kind == 2:
            out.append('  strcpy(cmd, "grep -n pattern ");')
            out.append("  strcat(cmd, job->dir);")
        else:
            out.append('  strcpy(cmd, "uptime");')
        out.append("  for (int k = 0; k < job->retries; ++k)")
        out.append("    total += (int)strlen(buf) * k;")
        if kind in (0, 2, 4):
            out.append("  total += system(cmd);")
        if f > 0 and (depth <= 0 or f % depth != 0):
            out.append("  total += u%d_f%d(buf, job, n + 1);" % (index, f - 1))
        out.append("  return total;")
        out.append("}")
        out.append("")
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--units", type=int, default=300)
    p.add_argument("--functions", type=int, default=40)
    p.add_argument("--depth", type=int, default=0,
                   help="call chains this deep (0: one chain per unit)")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    os.makedirs(os.path.join(out, "include"), exist_ok=True)
    with open(os.path.join(out, "include", "common.h"), "w") as f:
        f.write(HEADER)
    entries = []
    for i in range(a.units):
        rel = "src/d%d/u%03d.c" % (i // 25, i)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(unit(i, a.functions, a.depth))
        entries.append({"directory": out, "file": rel,
                        "arguments": ["cc", "-std=c11", "-Iinclude", "-O2",
                                      "-c", rel, "-o", rel + ".o"]})
    os.makedirs(os.path.join(out, "build"), exist_ok=True)
    with open(os.path.join(out, "build", "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


if __name__ == "__main__":
    main()
