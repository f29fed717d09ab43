#!/usr/bin/env python3
"""compare.py [--runs N] [--jobs J] [--sizes 10,100,1000] [--quick] ...

sinkguard against the alternatives, on the same inputs in one run, as ratios
to Clang's own parse (the floor for any AST-based checker):

1. `clang -fsyntax-only`;
2. `sinkguard-tidy -checks='-*,sinkguard-*'` (every sinkguard check);
3. the `sinkguard` driver, `sinkguard scan -p DB --format sarif` (docs/ci.md;
   scan only: there is no whole-program link step yet);
4. stock `clang-tidy` 22 with bugprone-command-processor and
   bugprone-unchecked-string-to-number-conversion (what a user would pick
   instead);
5. the Clang Static Analyzer's taint checkers, `clang --analyze` with
   optin.taint.GenericTaint, optin.taint.TaintedAlloc, optin.taint.TaintedDiv
   and security.ArrayBound (the core checkers stay on).

Inputs, each a compilation database: the bundled examples; generated
projects of --sizes translation units (bench/gen_project.py, --functions
functions each in chains --depth deep), to show how cost grows with size;
and real C projects fetched at run time into a cache under the build
directory (never committed; bench/projects.py): SQLite's amalgamation as the
npm package better-sqlite3 ships it (one 270,000-line unit), the Debian
package bluez-source (the libbluetooth, src/shared and btmon sources that
parse without glib, D-Bus or ell headers), the Debian package
openvswitch-source (Open vSwitch's library, daemons and tools), and Expat and
hiredis as the npm packages node-expat and hiredis carry them. An input whose
download or set-up fails is skipped with a message.

Per-file tools run one process per unit, J at a time (as a build or
run-clang-tidy would); the driver runs once with -j J. For each tool and
input: the median wall time and CPU time (user+sys of all processes) of N
runs, the peak memory of any one process, and the number of findings
(distinct warnings, compiler warnings excluded). Each process runs under
--mem-limit (address space) and --timeout; one that exceeds them is
reported as such, not as a number.

The issue's targets are checked and printed as PASS/FAIL (never the exit
status): sinkguard's checks add at most 25% to the parse (CPU time of
sinkguard-tidy over clang -fsyntax-only; instruction counts with
--instructions), peak memory at most 1.3 times the parse's, and cost linear
in the input's size (the growth exponent of CPU time between the two largest
generated projects at most 1.1).

Writes Markdown tables to --out (default bench/out/compare.md).
"""
import argparse
import json
import math
import os
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from projects import LLVM, REAL  # noqa: E402  (the real projects)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSA_CHECKERS = ("optin.taint.GenericTaint,optin.taint.TaintedAlloc,"
                "optin.taint.TaintedDiv,security.ArrayBound")
STOCK_CHECKS = ("-*,bugprone-command-processor,"
                "bugprone-unchecked-string-to-number-conversion")
TOOLS = ("parse", "sinkguard-tidy", "sinkguard scan", "clang-tidy",
         "clang --analyze")
TOOL_LABEL = {
    "parse": "clang -fsyntax-only",
    "sinkguard-tidy": "sinkguard-tidy, sinkguard-*",
    "sinkguard scan": "sinkguard scan (scan + whole-program link)",
    "clang-tidy": "clang-tidy 22, bugprone-command-processor + "
                  "unchecked-string-to-number-conversion",
    "clang --analyze": "Static Analyzer, taint + ArrayBound",
}
# A finding: "file:line:col: warning: message [check-name]", where the check
# is not a compiler warning (-Wfoo, clang-diagnostic-foo).
FINDING = re.compile(r"^(\S.*?:\d+:\d+): warning: (.*) \[([^\]]+)\]$", re.M)


def log(msg):
    print(msg, flush=True)


# --- inputs --------------------------------------------------------------

def examples_input(outdir):
    build = os.path.join(outdir, "examples-build")
    r = subprocess.run(["cmake", "-S", os.path.join(ROOT, "examples"), "-B",
                        build, "-G", "Ninja"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError("cmake failed: " + r.stderr.strip()[-300:])
    return build


def generated_input(cache, units, functions, depth):
    project = os.path.join(cache, "project-%d-%d-%d" % (units, functions,
                                                        depth))
    db = os.path.join(project, "build")
    if not os.path.exists(os.path.join(db, "compile_commands.json")):
        subprocess.run([sys.executable,
                        os.path.join(ROOT, "bench", "gen_project.py"),
                        project, "--units", str(units), "--functions",
                        str(functions), "--depth", str(depth)], check=True)
    return db


def units_of(db):
    """(directory, absolute file, compiler flags) of every unit."""
    res = []
    for e in json.load(open(os.path.join(db, "compile_commands.json"))):
        args = e.get("arguments") or shlex.split(e["command"])
        flags, skip = [], False
        for a in args[1:]:
            if skip:
                skip = False
            elif a in ("-o", "-MF", "-MT", "-MQ"):
                skip = True
            elif a in ("-c", "-MD", "-MMD") or a == e["file"]:
                pass
            else:
                flags.append(a)
        path = os.path.join(e["directory"], e["file"])
        res.append((e["directory"], path, flags))
    return res


def size_of(db):
    files = set(p for _, p, _ in units_of(db))
    lines = 0
    for p in files:
        with open(p, "rb") as f:
            lines += f.read().count(b"\n")
    return len(files), lines


# --- running -------------------------------------------------------------

class Failed(Exception):
    pass


def run_batch(jobs, parallel, timeout, mem_mb, ok_codes=(0, 1)):
    """Runs jobs, a list of (argv, cwd), `parallel` at a time. Returns wall
    time, CPU time of all processes, peak RSS (MB) of any one, and their
    output. Raises Failed when one exceeds the time or memory limit or
    exits with another code than ok_codes."""
    def limit():
        if mem_mb:
            b = mem_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (b, b))

    pending = list(jobs)
    running = {}
    cpu, rss, outputs = 0.0, 0.0, []
    start = time.perf_counter()
    failure = None
    try:
        while (pending or running) and not failure:
            while pending and len(running) < parallel:
                argv, cwd = pending.pop(0)
                out = tempfile.TemporaryFile()
                p = subprocess.Popen(argv, cwd=cwd, stdout=out,
                                     stderr=subprocess.STDOUT,
                                     preexec_fn=limit)
                running[p.pid] = (p, out, time.perf_counter(), argv)
            pid, status, usage = os.wait4(-1, os.WNOHANG)
            if pid == 0:
                now = time.perf_counter()
                for p, _, t0, argv in running.values():
                    if now - t0 > timeout and not failure:
                        p.kill()
                        failure = "timeout (> %d s%s)" % (
                            timeout, "" if argv[-1].startswith("-") else
                            " on " + os.path.basename(argv[-1]))
                time.sleep(0.01)
                continue
            if pid not in running:
                continue
            p, out, _, argv = running.pop(pid)
            p.returncode = os.waitstatus_to_exitcode(status)
            cpu += usage.ru_utime + usage.ru_stime
            rss = max(rss, usage.ru_maxrss / 1024.0)
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
            out.close()
            outputs.append(text)
            if p.returncode not in ok_codes and not failure:
                if "out of memory" in text or "bad_alloc" in text or \
                        "Cannot allocate memory" in text:
                    failure = "out of memory (> %d MB)" % mem_mb
                else:
                    failure = "exit %d on %s: %s" % (
                        p.returncode, os.path.basename(argv[-1]),
                        text.strip().splitlines()[-1][:120]
                        if text.strip() else "")
    finally:
        for p, out, _, _ in running.values():
            p.kill()
            p.wait()
            out.close()
    if failure:
        raise Failed(failure)
    return time.perf_counter() - start, cpu, rss, outputs


def findings(outputs):
    seen = set()
    for text in outputs:
        for m in FINDING.finditer(text):
            if m.group(3).startswith(("-W", "clang-diagnostic-")):
                continue
            seen.add(m.groups())
    return len(seen)


def per_file_config():
    """--config of the per-file run: no summary store, so it measures (and
    counts) the per-file analysis alone, whatever store a scan left next to
    the sources (the quick start leaves one in examples/build)."""
    with open(os.path.join(ROOT, "checks", "Checks.def")) as f:
        ids = re.findall(r'^SINKGUARD_CHECK\(\s*"([a-z-]+)"', f.read(), re.M)
    return "{CheckOptions: {%s}}" % ", ".join(
        "%s.SummaryStore: none" % i for i in ids)


def commands(tool, db, units, a, sarif):
    """The jobs (argv, cwd) that run `tool` on every unit of db."""
    tidy = os.path.join(a.build, "bin", "sinkguard-tidy")
    if tool == "sinkguard scan":
        return [([os.path.join(a.build, "bin", "sinkguard"), "scan", "-p", db,
                  "--config={}", "-j", str(a.jobs), "--format", "sarif", "-o",
                  sarif, "--category", "sinkguard", "--quiet"], db)]
    jobs = []
    for cwd, path, flags in units:
        cxx = path.endswith((".cpp", ".cc", ".cxx"))
        clang = os.path.join(LLVM, "clang++" if cxx else "clang")
        if tool == "parse":
            jobs.append(([clang, "-fsyntax-only"] + flags + [path], cwd))
        elif tool == "clang --analyze":
            jobs.append(([clang, "--analyze", "--analyzer-output", "text",
                          "-Xclang", "-analyzer-checker=" + CSA_CHECKERS,
                          "-o", os.devnull] + flags + [path], cwd))
        elif tool == "sinkguard-tidy":
            jobs.append(([tidy, "--config=" + per_file_config(),
                          "-checks=-*,sinkguard-*",
                          "--quiet", "-p", db, path], cwd))
        elif tool == "clang-tidy":
            jobs.append(([a.clang_tidy, "--config={}",
                          "-checks=" + STOCK_CHECKS, "--quiet", "-p", db,
                          path], cwd))
    return jobs


def measure(tool, db, units, a, outdir):
    """The median wall and CPU time of a.runs runs (a.large_runs on large
    inputs), the peak memory, and the findings; or {"error": why}."""
    runs = a.runs if len(units) <= 300 or not a.large_runs else a.large_runs
    sarif = os.path.join(outdir, "compare.sarif")
    jobs = commands(tool, db, units, a, sarif)
    parallel = 1 if tool == "sinkguard scan" else a.jobs
    ok = (0, 1, 3) if tool == "sinkguard scan" else (0, 1)
    walls, cpus, rsss = [], [], []
    count = None
    for i in range(runs):
        try:
            wall, cpu, rss, outputs = run_batch(jobs, parallel, a.timeout,
                                                a.mem_limit, ok)
        except Failed as e:
            return {"error": str(e)}
        walls.append(wall)
        cpus.append(cpu)
        rsss.append(rss)
        if i == 0:
            if tool == "sinkguard scan":
                try:
                    log_ = json.load(open(sarif))
                    count = sum(len(r.get("results", []))
                                for r in log_.get("runs", []))
                except (OSError, ValueError):
                    count = None
            elif tool != "parse":
                count = findings(outputs)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
            "rss": max(rsss), "findings": count}


def instructions(tool, db, units, a):
    """Instructions executed by every process of `tool` on db, added up
    (valgrind's callgrind: deterministic, whatever else the machine runs)."""
    total = 0
    for argv, cwd in commands(tool, db, units, a, os.devnull):
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run(
                ["valgrind", "--tool=callgrind",
                 "--callgrind-out-file=" + os.path.join(tmp, "cg.out")] +
                argv, cwd=cwd, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, text=True, timeout=a.timeout * 50)
        m = re.search(r"Collected : (\d+)", r.stderr)
        if not m:
            return None
        total += int(m.group(1))
    return total


# --- report --------------------------------------------------------------

def fmt_cell(r, key, fmt):
    if "error" in r:
        return r["error"] if key == "wall" else "–"
    v = r.get(key)
    return "–" if v is None else fmt % v


def ratio(r, base, key):
    if "error" in r or "error" in base or not base.get(key):
        return None
    return r[key] / base[key]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--large-runs", type=int,
                   help="runs on inputs of more than 300 units (default: "
                        "--runs)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--build", default=os.environ.get(
        "SINKGUARD_BUILD_DIR", os.path.join(ROOT, "build")))
    p.add_argument("--cache", help="downloads and generated projects "
                   "(default BUILD/bench-cache)")
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "out",
                                                 "compare.md"))
    p.add_argument("--sizes", default="10,100,1000",
                   help="generated projects of these many units")
    p.add_argument("--functions", type=int, default=40,
                   help="functions in each generated unit")
    p.add_argument("--depth", type=int, default=5,
                   help="call chains this deep in the generated units")
    p.add_argument("--no-real", action="store_true",
                   help="skip the downloaded projects (" +
                   ", ".join(name for name, _, _ in REAL) + ")")
    p.add_argument("--only", help="comma-separated input names to run "
                   "(examples, generated, " +
                   ", ".join(name for name, _, _ in REAL) + ")")
    p.add_argument("--tools", default=",".join(TOOLS),
                   help="comma-separated subset of: " + ", ".join(TOOLS))
    p.add_argument("--timeout", type=int, default=600,
                   help="seconds one process may take")
    p.add_argument("--mem-limit", type=int, default=4096,
                   help="MB of address space one process may use")
    p.add_argument("--clang-tidy", default=os.path.join(LLVM, "clang-tidy"))
    p.add_argument("--instructions", action="store_true",
                   help="also count instructions (valgrind) of the parse, "
                        "sinkguard-tidy and clang-tidy on inputs of at most "
                        "--instructions-max-units units")
    p.add_argument("--instructions-max-units", type=int, default=10)
    p.add_argument("--quick", action="store_true",
                   help="smoke run: 1 run, the examples and a 10-unit "
                        "project of 10 functions, no download")
    a = p.parse_args()
    if a.quick:
        a.runs, a.sizes, a.functions, a.no_real = 1, "10", 10, True
    a.build = os.path.abspath(a.build)
    cache = os.path.abspath(a.cache or os.path.join(a.build, "bench-cache"))
    outdir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(outdir, exist_ok=True)
    os.makedirs(cache, exist_ok=True)
    only = set(a.only.split(",")) if a.only else None
    wanted = [t for t in TOOLS if t in a.tools.split(",")]

    missing = []
    for tool, path in (("sinkguard-tidy", os.path.join(a.build, "bin",
                                                       "sinkguard-tidy")),
                       ("sinkguard scan", os.path.join(a.build, "bin",
                                                       "sinkguard")),
                       ("clang-tidy", a.clang_tidy),
                       ("parse", os.path.join(LLVM, "clang"))):
        if tool in wanted and not os.path.exists(path):
            log("compare: skipping %s: %s not found%s" % (
                tool, path, "; run scripts/build.sh first"
                if tool.startswith("sinkguard") else ""))
            missing.append(tool)
    if "parse" in missing:
        sys.exit("compare: no clang at %s: nothing to compare with" % LLVM)
    if not os.path.exists(os.path.join(LLVM, "clang")):
        missing.append("clang --analyze")
    wanted = [t for t in wanted if t not in missing]
    if "parse" not in wanted:
        wanted.insert(0, "parse")
    if a.instructions and not shutil.which("valgrind"):
        log("compare: --instructions needs valgrind; counting none")
        a.instructions = False

    sizes = [int(s) for s in a.sizes.split(",") if s]
    plan = [("examples", "examples", lambda: examples_input(outdir))]
    for n in sizes:
        plan.append(("generated", "generated, %d units" % n,
                     lambda n=n: generated_input(cache, n, a.functions,
                                                 a.depth)))
    if not a.no_real:
        for name, label, make in REAL:
            plan.append((name, label, lambda make=make: make(cache)))

    load_before = os.getloadavg()[0]
    results = []   # (kind, name, files, lines, {tool: result}, {tool: instr})
    for kind, name, make in plan:
        if only and kind not in only:
            continue
        try:
            db = make()
        except (RuntimeError, OSError, subprocess.SubprocessError,
                tarfile.TarError, IndexError) as e:
            log("compare: skipping %s: %s" % (name, e))
            continue
        units = units_of(db)
        files, lines = size_of(db)
        log("%s: %d files, %d lines" % (name, files, lines))
        res, instr = {}, {}
        for tool in wanted:
            r = measure(tool, db, units, a, outdir)
            res[tool] = r
            if "error" in r:
                log("  %-16s %s" % (tool, r["error"]))
            else:
                log("  %-16s wall %7.2fs  cpu %7.2fs  peak %6.0f MB  "
                    "findings %s" % (tool, r["wall"], r["cpu"], r["rss"],
                                     r["findings"]))
        if a.instructions and len(units) <= a.instructions_max_units:
            for tool in ("parse", "sinkguard-tidy", "clang-tidy"):
                if tool in wanted and "error" not in res[tool]:
                    instr[tool] = instructions(tool, db, units, a)
            if instr.get("parse") and instr.get("sinkguard-tidy"):
                log("  instructions: parse %.1f M, sinkguard-tidy %.1f M "
                    "(%+.1f%%)" % (instr["parse"] / 1e6,
                                   instr["sinkguard-tidy"] / 1e6,
                                   100 * (instr["sinkguard-tidy"] /
                                          instr["parse"] - 1)))
        results.append((kind, name, files, lines, res, instr))
    load_after = os.getloadavg()[0]
    report(results, wanted, sizes, a, load_before, load_after)


def report(results, wanted, sizes, a, load_before, load_after):
    out = []
    w = out.append
    w("Median of %d run(s)%s; -j%d (per-file tools: that many processes at "
      "a time; the driver: -j%d); load average %.1f before, %.1f after; "
      "limits per process %d s, %d MB.\n" % (
          a.runs, " (%d on inputs of more than 300 units)" % a.large_runs
          if a.large_runs else "", a.jobs, a.jobs, load_before, load_after,
          a.timeout, a.mem_limit))
    w("| input | files | lines | tool | wall | CPU | CPU / parse | peak MB "
      "| peak / parse | findings |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    for kind, name, files, lines, res, instr in results:
        base = res["parse"]
        for tool in wanted:
            r = res[tool]
            cr, mr = ratio(r, base, "cpu"), ratio(r, base, "rss")
            w("| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |" % (
                name, files, lines, TOOL_LABEL[tool],
                fmt_cell(r, "wall", "%.2f s"), fmt_cell(r, "cpu", "%.2f s"),
                "–" if cr is None else "%.2f×" % cr,
                fmt_cell(r, "rss", "%.0f"),
                "–" if mr is None else "%.2f×" % mr,
                "–" if tool == "parse" else fmt_cell(r, "findings", "%d")))
    if any(instr for *_, instr in results):
        w("\nInstructions (callgrind, deterministic):\n")
        w("| input | tool | instructions | over the parse |")
        w("|---|---|---|---|")
        for kind, name, files, lines, res, instr in results:
            for tool, n in instr.items():
                if n and instr.get("parse"):
                    w("| %s | %s | %.1f M | %+.1f%% |" % (
                        name, TOOL_LABEL[tool], n / 1e6,
                        100 * (n / instr["parse"] - 1)))

    # Scaling over the generated projects.
    gen = [(files, res) for kind, name, files, lines, res, _ in results
           if kind == "generated"]
    if len(gen) >= 2:
        w("\nScaling over the generated projects (CPU time per unit, ms; "
          "exponent k of cost ∝ size^k between the two largest):\n")
        w("| tool | " + " | ".join("%d units" % f for f, _ in gen) +
          " | k |")
        w("|---|" + "---|" * (len(gen) + 1))
        for tool in wanted:
            cells = []
            for f, res in gen:
                r = res[tool]
                cells.append("–" if "error" in r else
                             "%.1f" % (1000 * r["cpu"] / f))
            k = exponent(gen, tool)
            w("| %s | %s | %s |" % (TOOL_LABEL[tool], " | ".join(cells),
                                    "–" if k is None else "%.2f" % k))

    w("\nTargets (issue 7):\n")
    for line in targets(results, wanted, gen):
        w("- " + line)
    text = "\n".join(out) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    print("\n" + text)
    print("compare: tables written to %s" % a.out)


def exponent(gen, tool):
    (f1, r1), (f2, r2) = gen[-2], gen[-1]
    if "error" in r1[tool] or "error" in r2[tool] or f1 == f2:
        return None
    return math.log(r2[tool]["cpu"] / r1[tool]["cpu"]) / math.log(f2 / f1)


def targets(results, wanted, gen):
    lines = []
    for kind, name, files, lines_, res, instr in results:
        if "sinkguard-tidy" not in wanted:
            break
        r, base = res["sinkguard-tidy"], res["parse"]
        if "error" in r:
            lines.append("FAIL %s: sinkguard-tidy did not finish: %s" % (
                name, r["error"]))
            continue
        cr, mr = ratio(r, base, "cpu"), ratio(r, base, "rss")
        if instr.get("parse") and instr.get("sinkguard-tidy"):
            ir = instr["sinkguard-tidy"] / instr["parse"]
            lines.append("%s %s: checks add %+.1f%% to the parse "
                         "(instructions; CPU time %+.1f%%), budget +25%%" % (
                             "PASS" if ir <= 1.25 else "FAIL", name,
                             100 * (ir - 1), 100 * (cr - 1)))
        elif cr is not None:
            lines.append("%s %s: checks add %+.1f%% to the parse (CPU "
                         "time), budget +25%%" % (
                             "PASS" if cr <= 1.25 else "FAIL", name,
                             100 * (cr - 1)))
        if mr is not None:
            lines.append("%s %s: peak memory %.2f× the parse's, budget "
                         "1.3×" % ("PASS" if mr <= 1.3 else "FAIL", name,
                                   mr))
    if len(gen) >= 2:
        for tool in ("sinkguard-tidy", "sinkguard scan"):
            if tool not in wanted:
                continue
            k = exponent(gen, tool)
            if k is None:
                lines.append("FAIL linear cost (%s): no figure" % tool)
            else:
                lines.append("%s linear cost (%s): CPU time grows as "
                             "size^%.2f from %d to %d units (target ≤ 1.1)"
                             % ("PASS" if k <= 1.1 else "FAIL", tool, k,
                                gen[-2][0], gen[-1][0]))
    return lines


if __name__ == "__main__":
    main()
