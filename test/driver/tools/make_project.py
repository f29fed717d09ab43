#!/usr/bin/env python3
"""make_project.py OUT [--dirs D] [--files F] [--broken]

Writes a small C project for driver tests: D directories, each with its own
inc/config.h and F sources under src/, and a shared header in common/ with a
finding of its own. Every compile command runs in its directory and names
the source and the include directories relatively (-Iinc, -I../common), so a
scan that let one task change another task's working directory would read
the wrong headers, or none. About half the sources have a finding; the
findings differ by directory. --broken adds a source that does not compile.
Writes OUT/build/compile_commands.json. Deterministic.
"""
import argparse
import json
import os


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--dirs", type=int, default=3)
    p.add_argument("--files", type=int, default=4)
    p.add_argument("--broken", action="store_true")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    write(os.path.join(out, "common", "shared.h"), """\
int snprintf(char *, unsigned long, const char *, ...);
int system(const char *);
char *strcpy(char *, const char *);
char *strcat(char *, const char *);
static inline int shared_run(const char *arg) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "shared %s", arg);
  return system(cmd);
}
""")
    entries = []
    for d in range(a.dirs):
        name = "part%d" % d
        base = os.path.join(out, name)
        # The same macro, different in each directory: the findings show
        # which config.h a unit read.
        write(os.path.join(base, "inc", "config.h"),
              "#define TOOL \"tool-%s\"\n#define VERB_%d 1\n" % (name, d))
        for i in range(a.files):
            body = ['#include "config.h"', '#include "shared.h"', ""]
            if (d + i) % 2 == 0:
                body += [
                    "int run_%d_%d(const char *arg) {" % (d, i),
                    "  char cmd[256];",
                    "#ifdef VERB_%d" % d,
                    "  strcpy(cmd, TOOL \" \");",
                    "  strcat(cmd, arg);",
                    "#endif",
                    "  return system(cmd);",
                    "}",
                ]
            else:
                body += ["int quiet_%d_%d(void) { return system(TOOL); }"
                         % (d, i)]
            rel = "src/f%d.c" % i
            write(os.path.join(base, rel), "\n".join(body) + "\n")
            entries.append({"directory": base, "file": rel,
                            "arguments": ["cc", "-Iinc", "-I../common", "-c",
                                          rel]})
    if a.broken:
        base = os.path.join(out, "part0")
        write(os.path.join(base, "src", "broken.c"),
              "int broken(void) { return undeclared; }\n")
        entries.append({"directory": base, "file": "src/broken.c",
                        "arguments": ["cc", "-c", "src/broken.c"]})
    write(os.path.join(out, "build", "compile_commands.json"),
          json.dumps(entries, indent=1) + "\n")


if __name__ == "__main__":
    main()
