#!/usr/bin/env python3
"""A seeded random sequence of edits over a generated multi-file project:
after each, the incremental scan (with the summary store) must give the
same exit status and the same SARIF bytes as a scan with --no-cache; every
few edits, two shards joined by `sinkguard link` must give the same bytes
as one scan; and sinkguard-tidy, reading the store, must not crash on a
file of the project.

usage: edit_sequence.py --driver BIN --sinkguard-tidy BIN --inputs DIR
                        --work DIR [--seed N] [--steps N] [--seconds S]

The project: main.c passes argv to step_0 .. step_<K-1>, one function per
unit; each unit's body is one of a few shapes (a shell sink, a call on to
another unit, an allow-list check before the sink, a constant command, a
source of its own, an index, a command through a macro of the shared
header, a sink only the model file knows). The edits: a unit's shape, a
comment only, the header's macro, the project's model file (none, a
disabled system(), a user sink, a broken one), .clang-tidy options
(TrustedSources), and the --checks of the scans.

Prints each step and a summary line; exits 1 at the first difference,
with the seed and step that reproduce it.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

UNITS = 6

SHAPES = {
    "sink": "  return system(s);\n",
    "forward": "  return step_{next}(s);\n",
    "checked": ("  for (const char *p = s; *p; ++p)\n"
                "    if (!isalnum((unsigned char)*p))\n"
                "      return 1;\n"
                "  return system(s);\n"),
    "constant": "  (void)s;\n  return system(\"uptime\");\n",
    "own-source": ("  char buf[64];\n  (void)s;\n"
                   "  snprintf(buf, sizeof buf, \"echo %s\", getenv(\"HOME\"));\n"
                   "  return system(buf);\n"),
    "index": "  static int hits[8];\n  return ++hits[atoi(s)];\n",
    "macro": "  return system(COMMAND(s));\n",
    "user-sink": "  run_custom(s);\n  return 0;\n",
}

MODELS = {
    "none": None,
    "disable-system": "Disable: [system]\n",
    "user-sink": ("Sinks:\n  - Name: run_custom\n    Args: [0]\n"
                  "    Kind: shell\n"),
    "broken": ("Sinks:\n  - Name: run_custom\n    Args: [0]\n"
               "    Kind: shel\n"),
}

TIDY_CONFIGS = {
    "none": None,
    "trust-environment": ("CheckOptions:\n  sinkguard-tainted-shell-command."
                          "TrustedSources: environment\n"),
    "trust-command-line": ("CheckOptions:\n  sinkguard-tainted-shell-command."
                           "TrustedSources: command-line\n"),
}

CHECKS = ["", "--checks=-*,sinkguard-tainted-shell-command",
          "--checks=-sinkguard-unchecked-index"]

HEADERS = {
    "passes": "#define COMMAND(x) (x)\n",
    "constant": "#define COMMAND(x) ((void)(x), \"uptime\")\n",
}


class Project:
    def __init__(self, root, inputs, rng):
        self.root = root
        self.inputs = inputs
        self.rng = rng
        self.shapes = [rng.choice(sorted(SHAPES)) for _ in range(UNITS)]
        self.comments = [0] * UNITS
        self.header = "passes"
        self.model = "none"
        self.tidy = "none"
        self.checks = ""

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        if text is None:
            if os.path.exists(path):
                os.remove(path)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def unit_text(self, i):
        body = SHAPES[self.shapes[i]].format(next=(i + 1) % UNITS)
        return ("#include \"common.h\"\n\n/* edit %d */\nint step_%d(const char *s)"
                " {\n%s}\n" % (self.comments[i], i, body))

    def write_all(self):
        decls = "".join("int step_%d(const char *s);\n" % i
                        for i in range(UNITS))
        self.write("src/common.h",
                   "#include <ctype.h>\n#include <stdio.h>\n"
                   "#include <stdlib.h>\n\nvoid run_custom(const char *cmd);\n"
                   + decls + HEADERS[self.header])
        calls = "".join("  rc |= step_%d(argv[1]);\n" % i
                        for i in range(UNITS))
        self.write("src/main.c", "#include \"common.h\"\n\nint main(int argc,"
                   " char **argv) {\n  int rc = 0;\n  (void)argc;\n" + calls +
                   "  return rc;\n}\n")
        for i in range(UNITS):
            self.write("src/unit%d.c" % i, self.unit_text(i))
        self.write(".sinkguard.yaml", MODELS[self.model])
        self.write(".clang-tidy", TIDY_CONFIGS[self.tidy])
        files = ["main.c"] + ["unit%d.c" % i for i in range(UNITS)]
        db = [{"directory": os.path.join(self.root, "src"), "file": f,
               "arguments": ["cc", "-nostdinc", "-isystem", self.inputs,
                             "-std=c11", "-c", f]} for f in files]
        self.write("build/compile_commands.json", json.dumps(db, indent=1))

    def edit(self):
        """One random edit; returns its kind and what it did."""
        kind = self.rng.choice(["shape", "shape", "shape", "comment",
                                "header", "model", "tidy", "checks"])
        if kind in ("shape", "comment"):
            i = self.rng.randrange(UNITS)
            if kind == "shape":
                self.shapes[i] = self.rng.choice(sorted(SHAPES))
                what = "unit%d.c is now '%s'" % (i, self.shapes[i])
            else:
                self.comments[i] += 1
                what = "unit%d.c: a comment" % i
            self.write("src/unit%d.c" % i, self.unit_text(i))
            return kind, what
        if kind == "header":
            self.header = self.rng.choice(sorted(HEADERS))
            self.write_all()
            return kind, "common.h: COMMAND %s" % self.header
        if kind == "model":
            self.model = self.rng.choice(sorted(MODELS))
            self.write(".sinkguard.yaml", MODELS[self.model])
            return kind, ".sinkguard.yaml: %s" % self.model
        if kind == "tidy":
            self.tidy = self.rng.choice(sorted(TIDY_CONFIGS))
            self.write(".clang-tidy", TIDY_CONFIGS[self.tidy])
            return kind, ".clang-tidy: %s" % self.tidy
        self.checks = self.rng.choice(CHECKS)
        return kind, "scans with %s" % (self.checks or "the default checks")


def scan(a, project, extra, out):
    cmd = [a.driver, "scan", "-p", os.path.join(project.root, "build"),
           "--srcroot", project.root, "--quiet", "--format", "sarif",
           "-o", out] + ([project.checks] if project.checks else []) + extra
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=300)
    with open(out, "rb") as f:
        return r.returncode, f.read(), cmd


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--driver", required=True)
    p.add_argument("--sinkguard-tidy", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--seconds", type=float, default=120)
    p.add_argument("--testing-skew", action="store_true",
                   help="self-test: the --no-cache scans leave out a check, "
                        "so the first scan with such findings must differ")
    a = p.parse_args()
    a.inputs = os.path.abspath(a.inputs)
    rng = random.Random(a.seed)
    shutil.rmtree(a.work, ignore_errors=True)
    project = Project(os.path.join(a.work, "project"), a.inputs, rng)
    project.write_all()
    out = os.path.join(a.work, "out")
    os.makedirs(out)
    start = time.monotonic()
    steps = kinds = 0
    seen = set()
    for step in range(a.steps + 1):
        if time.monotonic() - start > a.seconds:
            break
        kind, what = ("first", "the first scan") if step == 0 else \
            project.edit()
        if step:
            seen.add(kind)
        inc = scan(a, project, [], os.path.join(out, "inc.sarif"))
        skew = ["--checks=-sinkguard-tainted-shell-command"] \
            if a.testing_skew else []
        full = scan(a, project, ["--no-cache"] + skew,
                    os.path.join(out, "full.sarif"))
        print("step %d: %s: exit %d" % (step, what, inc[0]))
        if inc[:2] != full[:2]:
            print("DIFFERENT: with the store exit %d, --no-cache exit %d; "
                  "seed %d, step %d: %s" % (inc[0], full[0], a.seed, step,
                                            what))
            print("  see %s and %s" % (os.path.join(out, "inc.sarif"),
                                       os.path.join(out, "full.sarif")))
            return 1
        if step % 5 == 4:
            stores = []
            for k in (1, 2):
                store = os.path.join(out, "shard%d" % k)
                scan(a, project, ["--shard=%d/2" % k, "--cache-dir", store],
                     os.path.join(out, "shard%d.sarif" % k))
                stores.append(store)
            r = subprocess.run([a.driver, "link"] + stores +
                               ["-o", os.path.join(out, "linked.sarif")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, timeout=300)
            with open(os.path.join(out, "linked.sarif"), "rb") as f:
                linked = f.read()
            if project.model != "broken" and (r.returncode, linked) != full[:2]:
                print("DIFFERENT: shards + link (exit %d) and one scan "
                      "(exit %d); seed %d, step %d" % (r.returncode, full[0],
                                                       a.seed, step))
                return 1
            print("step %d: shards + link == one scan" % step)
        target = rng.choice(["main.c"] + ["unit%d.c" % i
                                          for i in range(UNITS)])
        t = subprocess.run([a.sinkguard_tidy, "--quiet",
                            "-checks=-*,sinkguard-*", "-p",
                            os.path.join(project.root, "build"),
                            os.path.join(project.root, "src", target)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=300)
        if t.returncode != 0:
            print("sinkguard-tidy on %s after step %d exited %d; seed %d\n%s"
                  % (target, step, t.returncode, a.seed, t.stderr[-3000:]))
            return 1
        steps = step
    print("%d edit(s) of %d kind(s), seed %d: every incremental scan equal "
          "to --no-cache, in %.0f s" % (steps, len(seen), a.seed,
                                        time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
