#!/usr/bin/env python3
"""The per-file hosts in the state a scan leaves behind.

usage: store_hosts.py --project DIR --work DIR --driver BIN
                      --sinkguard-tidy BIN --clang-tidy BIN --plugin SO
                      --clangd BIN --lsp SCRIPT --cmake BIN --resource-dir DIR

Copies the CMake project DIR (without its build directories) to WORK,
generates its compilation database, and then, as a user does:

1. runs sinkguard-tidy and clang-tidy with the plugin on every file of the
   database, before any scan: the findings without a store;
2. scans it with the driver (which leaves the summary store next to the
   database), then again from the store, then with --no-cache: the three
   reports must be the same bytes;
3. runs both per-file hosts on every file again, now reading the store: no
   host may crash, every finding of step 1 must still be there, and every
   added one must be a cross-file finding (a note says the data went
   through a function defined in another file, or came out of one);
4. opens every file that has findings in sinkguard-clangd: it must publish
   the findings sinkguard-tidy gives with the store (line, column, check).

Prints a line per problem and a summary; exits 1 on any problem.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

FINDING = re.compile(r"^(.+?):(\d+):(\d+): (warning|error): (.*) \[([^\]]+)\]$")
NOTE = re.compile(r"^(.+?):(\d+):(\d+): note: (.*)$")
CROSS_FILE = ("(defined in another file)", "returns untrusted data")
SINKGUARD_CHECKS = "-*,sinkguard-*"


def findings(text):
    """{(file, line, col, check): [message, notes...]} of clang-tidy text."""
    out = {}
    current = None
    for line in text.splitlines():
        m = FINDING.match(line)
        if m:
            current = (os.path.basename(m.group(1)), int(m.group(2)),
                       int(m.group(3)), m.group(6).split(",")[0])
            out.setdefault(current, [m.group(5)])
            continue
        n = NOTE.match(line)
        if n and current:
            out[current].append(n.group(4))
    return out


def run(cmd, cwd=None, timeout=600):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=timeout)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("project", "work", "driver", "sinkguard-tidy", "clang-tidy",
                 "plugin", "clangd", "lsp", "cmake", "resource-dir"):
        p.add_argument("--" + name, required=True)
    a = p.parse_args()
    for name in ("work", "lsp", "plugin"):
        setattr(a, name, os.path.abspath(getattr(a, name)))
    problems = []

    project = os.path.join(a.work, "project")
    shutil.rmtree(a.work, ignore_errors=True)
    shutil.copytree(a.project, project,
                    ignore=shutil.ignore_patterns("build", "build-*"))
    build = os.path.join(project, "build")
    r = run([a.cmake, "-S", project, "-B", build, "-G", "Ninja"])
    if r.returncode != 0:
        print("cmake failed:\n" + r.stderr)
        return 1
    with open(os.path.join(build, "compile_commands.json")) as f:
        files = sorted({os.path.join(e["directory"], e["file"])
                        if not os.path.isabs(e["file"]) else e["file"]
                        for e in json.load(f)})
    with open(os.path.join(project, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [sinkguard-*]\n"
                "    FastCheckFilter: None\n")

    hosts = {
        "sinkguard-tidy": [a.sinkguard_tidy],
        "plugin": [a.clang_tidy, "--load", a.plugin],
    }

    def per_file(state):
        result = {}
        for host, cmd in hosts.items():
            for path in files:
                r = run(cmd + ["--quiet", "-checks=" + SINKGUARD_CHECKS, "-p",
                               build, path])
                if r.returncode != 0:
                    problems.append("%s %s on %s: exit %d\n%s" % (
                        host, state, os.path.relpath(path, project),
                        r.returncode, r.stderr[-2000:]))
                result[(host, path)] = findings(r.stdout)
        return result

    before = per_file("before the scan")

    reports = []
    for extra in ([], [], ["--no-cache"]):
        r = run([a.driver, "scan", "-p", build, "--srcroot", project,
                 "--format", "sarif", "--quiet"] + extra)
        if r.returncode not in (0, 1):
            problems.append("driver scan %s: exit %d\n%s" % (
                " ".join(extra), r.returncode, r.stderr))
        reports.append(r.stdout)
    if not os.path.exists(os.path.join(build, ".sinkguard-cache",
                                       "linked.json")):
        problems.append("the scan left no summary store in %s" % build)
    if reports[1] != reports[0]:
        problems.append("the rescan from the store differs from the scan")
    if reports[2] != reports[0]:
        problems.append("the scan with --no-cache differs from the one with "
                        "the store")

    after = per_file("after the scan")
    added = 0
    for key, now in after.items():
        host, path = key
        name = os.path.relpath(path, project)
        then = before.get(key, {})
        for f in then:
            if f not in now:
                problems.append("%s on %s: after the scan, lost %s" % (
                    host, name, f))
        for f, texts in now.items():
            if f in then:
                continue
            added += 1
            if not any(c in t for t in texts for c in CROSS_FILE):
                problems.append("%s on %s: after the scan, a finding that is "
                                "not a cross-file one: %s %s" % (
                                    host, name, f, texts))

    clangd_files = clangd_agreed = 0
    for path in files:
        expected = {(f[1], f[2], f[3]) for f in
                    after.get(("sinkguard-tidy", path), {})}
        if not expected:
            continue  # clangd's silence cannot be told from "not yet"
        clangd_files += 1
        r = run([sys.executable, a.lsp, "--server",
                 "%s --log=error --resource-dir=%s --compile-commands-dir=%s"
                 % (a.clangd, a.resource_dir, build), "--root", project,
                 "--file", path, "--timeout", "120"], timeout=200)
        got = set()
        for line in r.stdout.splitlines():
            m = re.match(r"^(\d+):(\d+)-\S+ \w+ \[clang-tidy/([^\]]+)\]", line)
            if m:
                got.add((int(m.group(1)), int(m.group(2)), m.group(3)))
        if r.returncode == 0 and got == expected:
            clangd_agreed += 1
        else:
            problems.append("sinkguard-clangd on %s: published %s, "
                            "sinkguard-tidy gives %s\n%s" % (
                                os.path.relpath(path, project), sorted(got),
                                sorted(expected), r.stderr[-2000:]))

    for problem in problems:
        print("problem: " + problem)
    print("%d file(s); %d finding(s) per host without a store; %d cross-file "
          "finding(s) added by the store; clangd agreed on %d file(s); "
          "%d problem(s)" % (
              len(files),
              sum(len(v) for k, v in before.items()
                  if k[0] == "sinkguard-tidy"),
              added, clangd_agreed, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
