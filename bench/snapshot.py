#!/usr/bin/env python3
"""snapshot.py --out DIR [--compare DIR] [--build BUILD] [--only a,b]

Output snapshots for refactorings that must not change behaviour: runs
`sinkguard scan --no-cache --format sarif` over a fixed set of inputs and
writes one SARIF file per input into --out. With --compare, compares each
with the same file in another snapshot and prints, per input, whether the
results are byte-identical, identical once `logicalLocations` are left out
(what a change that only adds them may differ in), or different (with the
first differences). Exit status 1 when any input differs.

Inputs (the same as bench/compare.py's, from its cache under the build
directory; --only names some of them):
  lit        every C and C++ file under test/checkers, as one program, with
             the test suite's system headers (test/Inputs, -nostdinc);
  examples   the bundled examples;
  generated  a generated project (bench/gen_project.py, 10 units);
  sqlite     SQLite's amalgamation (npm better-sqlite3);
  bluez      the BlueZ sources that parse (Debian bluez-source);
  ovs        Open vSwitch's library, daemons and tools (Debian
             openvswitch-source);
  expat      Expat's library, xmlwf, examples and tests (npm node-expat);
  hiredis    hiredis's library, example and test (npm hiredis).
(bench/projects.py says which files of each.) An input that cannot be
fetched is reported and skipped.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (the inputs and their cache)
import projects  # noqa: E402  (the real projects)

ROOT = compare.ROOT


def lit_input(outdir):
    db = os.path.join(outdir, "lit-build")
    inputs = os.path.join(ROOT, "test", "Inputs")
    entries = []
    for path in sorted(glob.glob(os.path.join(ROOT, "test", "checkers", "**",
                                              "*.c*"), recursive=True)):
        if not path.endswith((".c", ".cpp")) or "/Inputs/" in path:
            continue
        cxx = path.endswith(".cpp")
        args = (["clang++", "-std=c++17"] if cxx else ["clang"]) + [
            "-nostdinc", "-isystem", inputs, "-c", path]
        entries.append({"directory": os.path.dirname(path), "file": path,
                        "arguments": args})
    projects.write_db(db, entries)
    return db


def scan(build, db, sarif):
    cmd = [os.path.join(build, "bin", "sinkguard"), "scan", "-p", db,
           "--config={}", "--no-cache", "-j", "2", "--format", "sarif",
           "-o", sarif, "--quiet"]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError("exit %d: %s" % (r.returncode, r.stderr[-500:]))


def without_logical_locations(doc):
    for run in doc.get("runs", []):
        for res in run.get("results", []):
            for loc in res.get("locations", []):
                loc.pop("logicalLocations", None)
        run.pop("logicalLocations", None)
    return doc


def normalise(doc):
    """What may differ between two scans of the same code: the run's
    timing and the invocation's command line and times."""
    for run in doc.get("runs", []):
        for inv in run.get("invocations", []):
            for key in ("startTimeUtc", "endTimeUtc", "commandLine",
                        "arguments", "workingDirectory"):
                inv.pop(key, None)
    return doc


def compare_files(a, b):
    ta, tb = open(a, "rb").read(), open(b, "rb").read()
    if ta == tb:
        return "byte-identical", []
    da, db_ = normalise(json.loads(ta)), normalise(json.loads(tb))
    if da == db_:
        return "identical but for the invocation", []
    da, db_ = without_logical_locations(da), without_logical_locations(db_)
    if da == db_:
        return "identical but for logicalLocations", []
    ra = da["runs"][0].get("results", [])
    rb = db_["runs"][0].get("results", [])
    diffs = []
    for i in range(max(len(ra), len(rb))):
        x = ra[i] if i < len(ra) else None
        y = rb[i] if i < len(rb) else None
        if x != y:
            diffs.append((i, x, y))
    if not diffs:
        diffs.append(("run", "results equal; other run members differ", ""))
    return "DIFFERENT (%d vs %d results)" % (len(ra), len(rb)), diffs[:3]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--compare")
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--only", default="")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    cache = os.path.join(os.path.abspath(a.build), "bench-cache")
    os.makedirs(cache, exist_ok=True)
    plan = [
        ("lit", lambda: lit_input(cache)),
        ("examples", lambda: compare.examples_input(cache)),
        ("generated", lambda: compare.generated_input(cache, 10, 300, 3)),
    ] + [(name, lambda make=make: make(cache))
         for name, _, make in projects.REAL]
    only = set(x for x in a.only.split(",") if x)
    failed = False
    for name, make in plan:
        if only and name not in only:
            continue
        try:
            db = make()
            sarif = os.path.join(out, name + ".sarif")
            scan(a.build, db, sarif)
        except (RuntimeError, OSError, subprocess.SubprocessError,
                tarfile.TarError) as e:
            print("%-10s skipped: %s" % (name, e))
            continue
        n = len(json.load(open(sarif))["runs"][0].get("results", []))
        line = "%-10s %4d results" % (name, n)
        before = (os.path.join(os.path.abspath(a.compare), name + ".sarif")
                  if a.compare else None)
        if before and not os.path.exists(before):
            line += "  (no baseline)"
        elif before:
            verdict, diffs = compare_files(before, sarif)
            line += "  " + verdict
            failed |= verdict.startswith("DIFFERENT")
            for i, x, y in diffs:
                line += "\n    [%s]\n      before: %s\n      after:  %s" % (
                    i, json.dumps(x)[:400], json.dumps(y)[:400])
        print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
