#!/usr/bin/env python3
"""driver_overhead.py [--runs N] [--jobs J] [--units N] [--build DIR] [--out FILE]

What the `sinkguard` driver costs on top of the checks it runs: loading the
compilation database, scheduling the translation units on its thread pool,
assembling the report (order, fingerprints) and writing SARIF.

For each input (the bundled examples, and a generated project of --units
translation units, bench/gen_project.py), it runs the driver with -j J
writing SARIF, --print-timing, the median of N runs, and reports:

- the driver's phases: setup (database, selection), scan, report, write;
- "tasks": the sum of the per-unit task times, i.e. clang-tidy's own work,
  and the longest of them;
- the bound: the wall time no scheduler of these units on J threads can
  beat, max(longest task, tasks / J);
- overhead: the share of the wall time above the bound, (wall - bound) /
  wall: process start-up, setup, scheduling, report and write;
- own work: setup, report and write, as a share of the wall time;
- own CPU: the process's CPU time outside the tasks (start-up, setup,
  scheduling, report, write) as a share of all of it; unlike the wall
  times, this does not depend on what else the machine is doing;
- core use: process CPU time / (wall time x cores of the machine);
- for reference, the same files through `sinkguard-tidy`, one process per
  file, J at a time (xargs -P J), as run-clang-tidy would run them.

Only sinkguard's checks run (--config={} keeps .clang-tidy files out).
Writes a Markdown table to --out (default bench/out/driver.md).
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMING = re.compile(
    r"total (?P<total>[\d.]+)s = setup (?P<setup>[\d.]+)s \+ scan "
    r"(?P<scan>[\d.]+)s \+ report (?P<report>[\d.]+)s \+ write "
    r"(?P<write>[\d.]+)s; (?P<units>\d+) unit\(s\), -j(?P<jobs>\d+), tasks "
    r"(?P<tasks>[\d.]+)s, longest (?P<longest>[\d.]+)s, .*process cpu "
    r"(?P<cpu_self>[\d.]+)s, tasks cpu (?P<tasks_cpu>[\d.]+)s")


def cpu_of(cmd, shell=False):
    """Runs cmd; returns its wall time, the CPU time of all its processes
    and threads, and its standard error."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(cmd, shell=shell, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = os.times()
    if proc.returncode not in (0, 1):
        sys.exit("bench: %s exited %d:\n%s" % (cmd if shell else cmd[0],
                                                 proc.returncode, proc.stderr))
    cpu = (after.children_user - before.children_user +
           after.children_system - before.children_system)
    return wall, cpu, proc.stderr


def inputs(outdir, units):
    """(name, build directory, source root) of every input."""
    ex_build = os.path.join(outdir, "examples-build")
    subprocess.run(["cmake", "-S", os.path.join(ROOT, "examples"), "-B",
                    ex_build, "-G", "Ninja"], check=True,
                   stdout=subprocess.DEVNULL)
    project = os.path.join(outdir, "project-%d" % units)
    if not os.path.exists(os.path.join(project, "build",
                                       "compile_commands.json")):
        subprocess.run([sys.executable,
                        os.path.join(ROOT, "bench", "gen_project.py"),
                        project, "--units", str(units)], check=True)
    return [("examples (5 units)", ex_build, os.path.join(ROOT, "examples")),
            ("generated, %d units" % units, os.path.join(project, "build"),
             project)]


def files_of(build):
    db = json.load(open(os.path.join(build, "compile_commands.json")))
    return [os.path.join(e["directory"], e["file"]) for e in db]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--units", type=int, default=300)
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "out",
                                                 "driver.md"))
    a = p.parse_args()
    outdir = os.path.join(os.path.dirname(os.path.abspath(a.out)), "driver")
    os.makedirs(outdir, exist_ok=True)
    driver = os.path.join(a.build, "bin", "sinkguard")
    tidy = os.path.join(a.build, "bin", "sinkguard-tidy")
    for tool in (driver, tidy):
        if not os.path.exists(tool):
            sys.exit("bench: %s not found; run scripts/build.sh first" % tool)
    cores = os.cpu_count() or 1
    load_before = os.getloadavg()[0]

    rows = []
    for name, build, srcroot in inputs(outdir, a.units):
        report = os.path.join(outdir, "report.sarif")
        samples = []
        for _ in range(a.runs):
            wall, cpu, err = cpu_of(
                [driver, "-p", build, "--srcroot", srcroot, "--config={}",
                 "-j", str(a.jobs), "--format", "sarif", "-o", report,
                 "--quiet", "--print-timing"])
            m = TIMING.search(err)
            if not m:
                sys.exit("bench: no timing line in:\n" + err)
            t = {k: float(v) for k, v in m.groupdict().items()}
            t.update(wall=wall, cpu=cpu)
            samples.append(t)
        # The run with the median wall time stands for all.
        samples.sort(key=lambda t: t["wall"])
        t = samples[len(samples) // 2]
        files = " ".join(shlex.quote(f) for f in files_of(build))
        ref_walls, ref_cpus = [], []
        for _ in range(a.runs):
            wall, cpu, _ = cpu_of(
                "printf '%%s\\n' %s | xargs -P %d -n 1 %s -p %s --config={} "
                "'-checks=-*,sinkguard-*' --quiet" % (
                    files, a.jobs, shlex.quote(tidy), shlex.quote(build)),
                shell=True)
            ref_walls.append(wall)
            ref_cpus.append(cpu)
        bound = max(t["longest"], t["tasks"] / a.jobs)
        rows.append({
            "name": name, "units": int(t["units"]), "wall": t["wall"],
            "setup": t["setup"], "scan": t["scan"], "report": t["report"],
            "write": t["write"], "tasks": t["tasks"],
            "longest": t["longest"], "bound": bound,
            "overhead": 100 * (t["wall"] - bound) / t["wall"],
            "own": 100 * (t["setup"] + t["report"] + t["write"]) / t["wall"],
            "own_cpu": 100 * (t["cpu"] - t["tasks_cpu"]) / t["cpu"],
            "cores": 100 * t["cpu"] / (t["wall"] * cores),
            "busy": 100 * t["tasks"] / (t["scan"] * a.jobs),
            "sarif_mb": os.path.getsize(report) / 1e6,
            "xargs": statistics.median(ref_walls),
            "xargs_cores": 100 * statistics.median(ref_cpus) /
                           (statistics.median(ref_walls) * cores),
        })
        r = rows[-1]
        print("%-24s wall %.2fs (setup %.3f, scan %.2f, report %.3f, write "
              "%.3f), tasks %.2fs (longest %.2f), bound %.2fs: overhead "
              "%.1f%% (own work %.1f%%, own CPU %.1f%%), cores %.0f%%, "
              "threads busy %.0f%%; sinkguard-tidy via xargs %.2fs"
              % (r["name"], r["wall"], r["setup"], r["scan"], r["report"],
                 r["write"], r["tasks"], r["longest"], r["bound"],
                 r["overhead"], r["own"], r["own_cpu"], r["cores"],
                 r["busy"], r["xargs"]))

    load_after = os.getloadavg()[0]
    with open(a.out, "w") as f:
        f.write("Driver overhead, -j%d on %d cores, median of %d runs; load "
                "average %.1f before, %.1f after.\n\n"
                % (a.jobs, cores, a.runs, load_before, load_after))
        f.write("| input | wall | setup | scan | report | write SARIF | "
                "tasks (longest) | bound | overhead | of it, own work | "
                "own CPU | cores used | threads busy | sinkguard-tidy, "
                "xargs -P%d |\n" % a.jobs)
        f.write("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write("| %s | %.2f s | %.3f s | %.2f s | %.3f s | %.3f s "
                    "(%.1f MB) | %.2f s (%.2f s) | %.2f s | %.1f%% | %.1f%% | "
                    "%.1f%% | %.0f%% | %.0f%% | %.2f s (cores %.0f%%) |\n"
                    % (r["name"], r["wall"], r["setup"], r["scan"],
                       r["report"], r["write"], r["sarif_mb"], r["tasks"],
                       r["longest"], r["bound"], r["overhead"], r["own"],
                       r["own_cpu"], r["cores"], r["busy"], r["xargs"],
                       r["xargs_cores"]))
    print("table written to %s" % a.out)


if __name__ == "__main__":
    main()
