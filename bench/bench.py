#!/usr/bin/env python3
"""bench.py [--runs N] [--build DIR] [--out FILE] [--instructions]
           [--functions N] [--no-examples] [--sqlite]

Measures what sinkguard's checks cost over Clang's own parse, on the same
inputs in one run: `clang -fsyntax-only` (the floor for any AST-based
checker), `clang-tidy` with no check of ours (clang-tidy's own overhead), and
`sinkguard-tidy -checks='-*,sinkguard-*'`. Inputs: the bundled examples and
generated translation units (bench/gen_tu.py). Reports the median wall and
CPU time and the peak memory of N runs, and the overhead ratios; writes a
Markdown table to --out (default bench/out/results.md).
"""
import argparse
import json
import re
import shutil
import tempfile
import os
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LLVM = "/usr/lib/llvm-22/bin"


def measure(cmd, runs):
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss / 1024.0)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit("bench: %s exited %d" % (" ".join(cmd), code))
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
            "rss_mb": max(rss)}


def instructions(cmd):
    """Instructions executed, counted by valgrind's callgrind: the same for
    the same binary and input whatever else the machine is doing."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind",
             "--callgrind-out-file=" + os.path.join(tmp, "cg.out")] + cmd,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if not m:
        sys.exit("bench: callgrind gave no count for %s" % " ".join(cmd))
    return int(m.group(1))


def inputs(build, outdir, functions=3000, examples=True):
    """(name, file, compiler flags) for every benchmark input."""
    res = []
    if not examples:
        return res + generated(outdir, functions)
    ex_build = os.path.join(outdir, "examples-build")
    subprocess.run(["cmake", "-S", os.path.join(ROOT, "examples"), "-B",
                    ex_build, "-G", "Ninja"], check=True,
                   stdout=subprocess.DEVNULL)
    db = json.load(open(os.path.join(ex_build, "compile_commands.json")))
    for entry in db:
        args = entry.get("arguments") or shlex.split(entry["command"])
        flags = [a for a in args[1:] if a.startswith(("-I", "-D", "-std"))]
        res.append(("examples/" + os.path.relpath(entry["file"],
                                                  os.path.join(ROOT, "examples")),
                    entry["file"], flags))
    return res + generated(outdir, functions)


def generated(outdir, functions):
    """The generated units: C with `functions` functions (a realistic share
    of untrusted data, and every chain tainted), and C++."""
    res = []
    # (language, functions, one chain in N fed argv, label)
    for lang, n, every, label in (
            ("c", functions, 50, ""),
            ("c", functions, 1, ", every chain tainted (worst case)"),
            ("c++", 1000, 50, "")):
        ext = "c" if lang == "c" else "cpp"
        path = os.path.join(outdir, "generated-%d-%d.%s" % (n, every, ext))
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench",
                                                         "gen_tu.py"),
                            "--functions", str(n), "--lang", lang,
                            "--tainted-every", str(every)],
                           stdout=f, check=True)
        res.append(("generated %s, %d functions%s" % (lang, n, label), path,
                    ["-std=c++17"] if lang == "c++" else []))
    return res


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "out",
                                                 "results.md"))
    p.add_argument("--instructions", action="store_true",
                   help="also count instructions with valgrind (slow, but "
                        "steady on a busy machine)")
    p.add_argument("--functions", type=int, default=3000,
                   help="functions in the generated C units (default 3000; "
                        "docs/performance.md also quotes 600)")
    p.add_argument("--no-examples", action="store_true",
                   help="only the generated units")
    p.add_argument("--sqlite", action="store_true",
                   help="also SQLite's amalgamation (one 270,000-line unit, "
                        "fetched into BUILD/bench-cache as bench/compare.py "
                        "does)")
    a = p.parse_args()
    if a.instructions and not shutil.which("valgrind"):
        sys.exit("bench: --instructions needs valgrind (apt-get install "
                 "valgrind)")
    outdir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(outdir, exist_ok=True)
    tidy = os.path.join(a.build, "bin", "sinkguard-tidy")
    if not os.path.exists(tidy):
        sys.exit("bench: %s not found; run scripts/build.sh first" % tidy)

    rows = []
    todo = inputs(a.build, outdir, a.functions, not a.no_examples)
    if a.sqlite:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import projects
        cache = os.path.join(os.path.abspath(a.build), "bench-cache")
        os.makedirs(cache, exist_ok=True)
        db = projects.sqlite_input(cache)
        entry = json.load(open(os.path.join(db, "compile_commands.json")))[0]
        todo.append(("SQLite amalgamation",
                     os.path.join(entry["directory"], entry["file"]), []))
    for name, path, flags in todo:
        cxx = path.endswith((".cpp", ".cc"))
        clang = os.path.join(LLVM, "clang++" if cxx else "clang")
        lang = ["-x", "c++"] if cxx else []
        parse = measure([clang, "-fsyntax-only"] + lang + flags + [path],
                        a.runs)
        # clang-tidy's own cost: the same driver with a check that never
        # matches anything in C code, so the AST is built and walked.
        base = measure([tidy, "--config={}", "-checks=-*,objc-forbidden-subclassing",
                        path, "--"] + flags, a.runs)
        ours = measure([tidy, "--config={}", "-checks=-*,sinkguard-*", path,
                        "--"] + flags, a.runs)
        listing = subprocess.run([tidy, "--config={}", "-checks=-*,sinkguard-*",
                                  path, "--"] + flags, capture_output=True,
                                 text=True).stdout
        ours["findings"] = listing.count(": warning: ")
        if a.instructions:
            pi = instructions([clang, "-fsyntax-only"] + lang + flags + [path])
            bi = instructions([tidy, "--config={}",
                               "-checks=-*,objc-forbidden-subclassing", path,
                               "--"] + flags)
            oi = instructions([tidy, "--config={}", "-checks=-*,sinkguard-*",
                               path, "--"] + flags)
            parse["instr"], base["instr"], ours["instr"] = pi, bi, oi
            print("%-40s instructions: parse %d, clang-tidy %d (+%.1f%%), "
                  "sinkguard %d (+%.1f%% over the parse; the checks "
                  "themselves +%.1f%%)" % (
                      name, pi, bi, 100.0 * (bi / pi - 1), oi,
                      100.0 * (oi / pi - 1), 100.0 * (oi - bi) / pi))
        rows.append((name, parse, base, ours))
        print("%-40s parse %.3fs  tidy(no checks) %.3fs  sinkguard %.3fs  "
              "(%.1f%% over tidy, %.1f%% over parse; CPU %.1f%% over "
              "parse; %d findings)" % (
                  name, parse["wall"], base["wall"], ours["wall"],
                  100 * (ours["wall"] / base["wall"] - 1),
                  100 * (ours["wall"] / parse["wall"] - 1),
                  100 * (ours["cpu"] / parse["cpu"] - 1),
                  ours["findings"]))

    # The examples are small: process start-up dominates each one, so their
    # sum is the steadier figure.
    ex = [r for r in rows if r[0].startswith("examples/")]
    if ex:
        def total(i):
            return {"wall": sum(r[i]["wall"] for r in ex),
                    "cpu": sum(r[i]["cpu"] for r in ex),
                    "rss_mb": max(r[i]["rss_mb"] for r in ex),
                    "findings": sum(r[i].get("findings", 0) for r in ex)}
        rows.append(("examples, all %d files" % len(ex), total(1), total(2),
                     total(3)))
        name, parse, base, ours = rows[-1]
        print("%-40s parse %.3fs  tidy(no checks) %.3fs  sinkguard %.3fs  "
              "(%.1f%% over tidy, %.1f%% over parse)" % (
                  name, parse["wall"], base["wall"], ours["wall"],
                  100 * (ours["wall"] / base["wall"] - 1),
                  100 * (ours["wall"] / parse["wall"] - 1)))

    with open(a.out, "w") as f:
        f.write("| input | clang -fsyntax-only | clang-tidy, no sinkguard check | "
                "sinkguard-tidy, sinkguard-* | checks' cost over clang-tidy | "
                "over the parse (wall) | over the parse (CPU) | "
                "peak MB (parse / sinkguard) | findings |\n")
        f.write("|---|---|---|---|---|---|---|---|---|\n")
        for name, parse, base, ours in rows:
            f.write("| %s | %.3f s | %.3f s | %.3f s | %+.1f%% | %+.1f%% | "
                    "%+.1f%% | %.0f / %.0f | %d |\n" % (
                        name, parse["wall"], base["wall"], ours["wall"],
                        100 * (ours["wall"] / base["wall"] - 1),
                        100 * (ours["wall"] / parse["wall"] - 1),
                        100 * (ours["cpu"] / parse["cpu"] - 1),
                        parse["rss_mb"], ours["rss_mb"],
                        ours.get("findings", 0)))
    print("median of %d runs; table written to %s" % (a.runs, a.out))


if __name__ == "__main__":
    main()
