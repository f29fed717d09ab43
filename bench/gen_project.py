#!/usr/bin/env python3
"""gen_project.py OUT [--units N] [--functions F] [--depth D] [--cross-unit]

Writes a synthetic C project of N translation units (default 300) for the
driver benchmark (bench/driver_overhead.py) and the comparison with other
tools (bench/compare.py): OUT/src/dK/uNNN.c, each with F functions (default
40) in call chains D deep (default 0: one chain through all F functions of
the unit) that copy, format and run commands (about a third
assembled from parameters, so the checks have findings to report), the
usual libc headers and a project header, in directories of 25 units, and
OUT/build/compile_commands.json with one command per unit run from OUT.
Deterministic for the same arguments.

--cross-unit (for bench/wholeprogram.py) makes the units call each other
so that the whole-program link has work and findings: every unit I also
defines a source uI_src (getenv, fgets from stdin, or a constant, by I % 3),
a formatter uI_fmt (snprintf into a new buffer), a shell uI_run (system or
popen, by I / 4 % 2), a hop uI_hop that hands a command to the next unit's
hop, or, when I % 4 == 3, to the next unit's shell, and a flow uI_flow that
takes another unit's source, formats it in a third unit and enters the hops
of a fourth: each flow runs through 4 to 8 units, two thirds of them from a
source, and ends in one of N/4 shells. Unit 0 also has a main() that passes
argv[1] along the same way. One local function in six also hands a constant
command to another unit's hop (clean calls). Each unit declares only the
functions of other units that it calls.
Without --cross-unit the output is the same bytes as before the option.
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


def cross_prototypes(index, functions, units):
    """The other units' functions that unit `index` calls (--cross-unit)."""
    protos = set()
    src, fmt, hop = cross_partners(index, units)
    protos.add("char *u%d_src(void);" % src)
    protos.add("char *u%d_fmt(const char *s);" % fmt)
    protos.add("int u%d_hop(const char *cmd);" % hop)
    nxt = (index + 1) % units
    protos.add(("int u%d_run(const char *cmd);" if index % 4 == 3 else
                "int u%d_hop(const char *cmd);") % nxt)
    for f in range(functions):
        if (index + f) % 6 == 3:
            protos.add("int u%d_hop(const char *cmd);" % ((index + f + 1) %
                                                          units))
    return sorted(protos)


def cross_partners(index, units):
    """The units whose source, formatter and hop unit `index`'s flow uses."""
    return ((index * 7 + 3) % units, (index * 13 + 5) % units,
            (index * 31 + 11) % units)


def cross_functions(index, units):
    """The functions of unit `index` that other units call (--cross-unit)."""
    src, fmt, hop = cross_partners(index, units)
    nxt = (index + 1) % units
    out = []
    out.append("char *u%d_src(void) {" % index)
    if index % 3 == 0:
        out.append('  return getenv("JOB_%d");' % index)
    elif index % 3 == 1:
        out.append("  static char line[256];")
        out.append("  if (!fgets(line, sizeof line, stdin))")
        out.append("    return NULL;")
        out.append("  return line;")
    else:
        out.append('  return "localhost";')
    out.append("}")
    out.append("")
    out.append("char *u%d_fmt(const char *s) {" % index)
    out.append("  char *buf = malloc(512);")
    out.append("  if (buf)")
    out.append('    snprintf(buf, 512, "ping -c %d %%s", s);' % (index % 5 + 1))
    out.append("  return buf;")
    out.append("}")
    out.append("")
    out.append("int u%d_run(const char *cmd) {" % index)
    if index // 4 % 2 == 0:
        out.append("  return system(cmd);")
    else:
        out.append('  FILE *p = popen(cmd, "r");')
        out.append("  return p ? pclose(p) : -1;")
    out.append("}")
    out.append("")
    out.append("int u%d_hop(const char *cmd) {" % index)
    out.append('  project_log("hop %d");' % index)
    if index % 4 == 3:
        out.append("  return u%d_run(cmd);" % nxt)
    else:
        out.append("  return u%d_hop(cmd);" % nxt)
    out.append("}")
    out.append("")
    out.append("int u%d_flow(void) {" % index)
    out.append("  char *s = u%d_src();" % src)
    out.append("  if (!s)")
    out.append("    return -1;")
    out.append("  char *c = u%d_fmt(s);" % fmt)
    out.append("  int r = c ? u%d_hop(c) : -1;" % hop)
    out.append("  free(c);")
    out.append('  r += u%d_hop("uptime");' % hop)
    out.append("  return r;")
    out.append("}")
    out.append("")
    if index == 0:
        out.append("int main(int argc, char **argv) {")
        out.append("  if (argc < 2)")
        out.append("    return u0_flow();")
        out.append("  char *c = u%d_fmt(argv[1]);" % fmt)
        out.append("  return c ? u%d_hop(c) : 1;" % hop)
        out.append("}")
        out.append("")
    return out


def unit(index, functions, depth=0, units=0):
    """Unit `index`; with `units` (--cross-unit), calls into other units."""
    out = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>",
           '#include "common.h"', ""]
    if units:
        # popen is POSIX, not C11.
        out.insert(0, "#define _POSIX_C_SOURCE 200809L")
        out.extend(cross_prototypes(index, functions, units))
        out.append("")
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
        if units and kind == 3:
            out.append("  total += u%d_hop(cmd);" % ((index + f + 1) % units))
        out.append("  return total;")
        out.append("}")
        out.append("")
    if units:
        out.extend(cross_functions(index, units))
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--units", type=int, default=300)
    p.add_argument("--functions", type=int, default=40)
    p.add_argument("--depth", type=int, default=0,
                   help="call chains this deep (0: one chain per unit)")
    p.add_argument("--cross-unit", action="store_true",
                   help="units call each other's functions: sources, "
                   "formatters and shells in different units")
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
            f.write(unit(i, a.functions, a.depth,
                         a.units if a.cross_unit else 0))
        entries.append({"directory": out, "file": rel,
                        "arguments": ["cc", "-std=c11", "-Iinclude", "-O2",
                                      "-c", rel, "-o", rel + ".o"]})
    os.makedirs(os.path.join(out, "build"), exist_ok=True)
    with open(os.path.join(out, "build", "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


if __name__ == "__main__":
    main()
