#!/usr/bin/env python3
"""wholeprogram.py [--sizes 250,500,1000,2000] [--jobs J] [--runs R]
                  [--functions F] [--format sarif|text] [--budget SECONDS]
                  [--depth D] [--build DIR] [--out FILE]
                  [--min-free-mb MB] [--quick]

The cost of whole-program analysis (the link phase and the summary store)
against the issue's budget: "the link phase is near-linear in the number of
functions; on a generated project of 2,000 units: link <= 10% of the scan,
a one-file re-scan <= 5% of the full scan".

For each size N it generates a project whose units call each other
(bench/gen_project.py --cross-unit: sources, formatters and shells in
different units, chains of 4-8 units, clean calls beside them; F functions
per unit in local call chains D deep, default 40 and 5 as in
bench/compare.py) and runs the driver under `nice` and /usr/bin/time
-v, with --stats and --print-timing, writing a report (-o, --format):

1. a full scan with a fresh store (the cache directory deleted first):
   wall and CPU time, peak RSS, the link time and what it resolved;
2. R re-scans after an edit of one unit (a comment line appended to a
   different unit's .c file each time; the files are restored at the
   end): parsed/reused counts, wall and CPU time, link time, and whether
   the report is the same bytes as the full scan's (it must be: a comment
   at the end changes no finding);
3. R re-scans with nothing changed;
4. `sinkguard link <store> -o ...` (what the link job of a sharded CI run
   does): wall time.

The re-scan and no-change figures are medians of R runs. It then fits
link time ~ functions^k (least squares on the logarithms) and prints a
Markdown table and PASS/FAIL for the two budgets at the largest size
measured (it never fails on them). The table goes to --out (default
bench/out/wholeprogram.md), the projects to bench/out/wholeprogram/.

Sizes are measured smallest first; a size whose runs would, projected
from the last one, not end within --budget seconds (default 1500) of the
script's start, or whose peak memory would exceed 80% of the memory
available, is skipped and projected instead (scan time linear in N,
link time by the fitted exponent), and the table says so. On a shared
machine a run is ended when the memory available falls under
--min-free-mb (default 1024), and larger sizes are then not measured.
"""
import argparse
import json
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATS = re.compile(
    r"sinkguard: stats: (?P<units>\d+) unit\(s\)(?:: (?P<parsed>\d+) parsed, "
    r"(?P<reused>\d+) reused from the cache)?[^;]*; link: (?P<functions>\d+) "
    r"function\(s\), (?P<resolved>\d+)/(?P<calls>\d+) call\(s\) resolved "
    r"across units, (?P<cross>\d+) cross-unit finding\(s\) in "
    r"(?P<link>[\d.]+)s")
TIMING = re.compile(
    r"total (?P<total>[\d.]+)s = setup (?P<setup>[\d.]+)s \+ scan "
    r"(?P<scan>[\d.]+)s \+ report (?P<report>[\d.]+)s \+ write "
    r"(?P<write>[\d.]+)s")
SUMMARY = re.compile(r"sinkguard: (\d+) file\(s\) analysed, (\d+) finding")


MIN_FREE_MB = [1024]


class Killed(Exception):
    """A run ended by a signal (e.g. the out-of-memory killer)."""


def timed(cmd):
    """Runs cmd under nice and /usr/bin/time -v; returns wall, CPU (user +
    sys), peak RSS in MB and the standard error without time's lines."""
    full = ["/usr/bin/time", "-v", "nice", "-n", "10"] + cmd
    # The machine may be shared: when the memory available falls under
    # --min-free-mb, the run is ended (its process group: time, nice and
    # the driver) before the out-of-memory killer picks someone else's.
    proc = subprocess.Popen(full, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(
        proc.stderr.read()))
    reader.start()
    while proc.poll() is None:
        if available_mb() < MIN_FREE_MB[0]:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            reader.join()
            raise Killed("%s: stopped, less than %d MB of memory available"
                         % (" ".join(cmd[:2]), MIN_FREE_MB[0]))
        time.sleep(0.2)
    reader.join()
    err = "".join(chunks)
    if "Command terminated by signal" in err or proc.returncode < 0:
        raise Killed("%s: %s" % (" ".join(cmd[:2]), err.strip().splitlines()
                                 [0] if err.strip() else "killed"))
    if proc.returncode not in (0, 1):
        sys.exit("wholeprogram: %s exited %d:\n%s" % (" ".join(cmd),
                                                      proc.returncode, err))

    def field(name):
        m = re.search(r"^\s*%s: (.*)$" % re.escape(name), err, re.M)
        if not m:
            sys.exit("wholeprogram: no '%s' from /usr/bin/time:\n%s"
                     % (name, err))
        return m.group(1)

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(
            ":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(
        field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024.0
    own = err[:err.find("\tCommand being timed")]
    return {"wall": wall, "cpu": cpu, "rss": rss, "stderr": own,
            "sys": float(field("System time (seconds)")),
            "minflt": int(field("Minor (reclaiming a frame) page faults"))}


def parse_run(r):
    m = STATS.search(r["stderr"])
    if not m:
        sys.exit("wholeprogram: no stats line in:\n" + r["stderr"])
    for k, v in m.groupdict().items():
        if v is not None:
            r[k] = float(v) if k == "link" else int(v)
    t = TIMING.search(r["stderr"])
    if t:
        r.update({k: float(v) for k, v in t.groupdict().items()})
    s = SUMMARY.search(r["stderr"])
    if s:
        r["findings"] = int(s.group(2))
    return r


def available_mb():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("inf")


def median_run(runs):
    """The run of median wall time stands for all."""
    runs = sorted(runs, key=lambda r: r["wall"])
    return runs[len(runs) // 2]


def fit_exponent(xs, ys):
    """k of y ~ x^k, least squares on the logarithms."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x > 0 and
           y > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in pts)
    return sxy / sxx if sxx else float("nan")


def measure(driver, project, a):
    build = os.path.join(project, "build")
    cache = os.path.join(build, ".sinkguard-cache")
    report = os.path.join(project, "report." + a.format)
    base = [driver, "-p", build, "--srcroot", project, "--config={}",
            "-j", str(a.jobs), "--format", a.format, "--stats",
            "--print-timing"]
    shutil.rmtree(cache, ignore_errors=True)
    full = parse_run(timed(base + ["-o", report]))
    with open(report, "rb") as f:
        full_report = f.read()
    full["report_mb"] = len(full_report) / 1e6

    db = json.load(open(os.path.join(build, "compile_commands.json")))
    units = len(db)
    edits = []
    originals = {}
    try:
        for k in range(a.runs):
            # A different unit each time, away from the ends.
            e = db[(units // 2 + k * 7) % units]
            path = os.path.join(e["directory"], e["file"])
            if path not in originals:
                originals[path] = open(path, "rb").read()
            with open(path, "a") as f:
                f.write("/* edit %d */\n" % k)
            edited = os.path.join(project, "edited." + a.format)
            r = parse_run(timed(base + ["-o", edited]))
            with open(edited, "rb") as f:
                r["same_report"] = f.read() == full_report
            edits.append(r)
    finally:
        for path, text in originals.items():
            with open(path, "wb") as f:
                f.write(text)
    # The restored files were stored as they were before the edits, so the
    # store still has them; parse them once more to get back to the state
    # of the full scan before the no-change runs.
    parse_run(timed(base + ["-o", report]))
    same = [parse_run(timed(base + ["-o", report])) for _ in range(a.runs)]
    linked = os.path.join(project, "linked." + a.format)
    link = [parse_run(timed([driver, "link", cache, "--format", a.format,
                             "--stats", "--quiet", "-o", linked]))
            for _ in range(a.runs)]
    with open(linked, "rb") as f:
        link_same = f.read() == full_report
    return {"units": units, "full": full, "edit": median_run(edits),
            "edits": edits, "same": median_run(same), "link": median_run(link),
            "link_same": link_same}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="250,500,1000,2000")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--functions", type=int, default=40)
    p.add_argument("--depth", type=int, default=5,
                   help="local call chains this deep (gen_project.py "
                   "--depth; 0: one chain through the unit's functions)")
    p.add_argument("--format", default="sarif", choices=["sarif", "text"])
    p.add_argument("--budget", type=float, default=1500,
                   help="seconds the whole run may take")
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "out",
                                                 "wholeprogram.md"))
    p.add_argument("--min-free-mb", type=int, default=1024,
                   help="end a run when less memory than this is available")
    p.add_argument("--quick", action="store_true",
                   help="smoke run: sizes 20,40, one run each")
    a = p.parse_args()
    if a.quick:
        a.sizes, a.runs = "20,40", 1
    MIN_FREE_MB[0] = a.min_free_mb
    sizes = sorted(int(s) for s in a.sizes.split(","))
    driver = os.path.join(a.build, "bin", "sinkguard")
    if not os.path.exists(driver):
        sys.exit("wholeprogram: %s not found; run scripts/build.sh first"
                 % driver)
    outdir = os.path.join(os.path.dirname(os.path.abspath(a.out)),
                          "wholeprogram")
    os.makedirs(outdir, exist_ok=True)
    start = time.perf_counter()
    load_before = os.getloadavg()[0]
    built = os.path.getmtime(driver)

    rows, skipped = [], []
    for n in sizes:
        elapsed = time.perf_counter() - start
        if rows:
            last = rows[-1]
            # A size costs about the full scan, the re-parse after the
            # edits, and 3R+1 store re-scans and links: project each from
            # the last size, linearly.
            f = n / last["units"]
            per_size = f * (2 * last["full"]["wall"] + (3 * a.runs + 1) *
                            max(last["edit"]["wall"], last["same"]["wall"]))
            rss = last["full"]["rss"] * f
            if elapsed + per_size > a.budget or rss > 0.8 * available_mb():
                skipped.append(n)
                continue
        project = os.path.join(outdir, "project-%d-%d-%d" % (
            n, a.functions, a.depth))
        if not os.path.exists(os.path.join(project, "build",
                                           "compile_commands.json")):
            subprocess.run([sys.executable,
                            os.path.join(ROOT, "bench", "gen_project.py"),
                            project, "--units", str(n), "--functions",
                            str(a.functions), "--depth", str(a.depth),
                            "--cross-unit"], check=True)
        try:
            row = measure(driver, project, a)
        except Killed as e:
            print("wholeprogram: %d units: a run was killed (%s); not "
                  "measuring larger sizes" % (n, e), flush=True)
            skipped.extend(m for m in sizes if m >= n)
            break
        rows.append(row)
        fu, ed, sa, li = row["full"], row["edit"], row["same"], row["link"]
        print("%5d units, %6d functions: full scan %.1fs wall %.1fs CPU "
              "%.0f MB, link %.3fs; one-file re-scan %d parsed/%d reused "
              "%.2fs wall %.2fs CPU (link %.3fs, same report: %s); no change "
              "%.2fs; sinkguard link %.2fs  [%.0fs elapsed]"
              % (n, fu["functions"], fu["wall"], fu["cpu"], fu["rss"],
                 fu["link"], ed["parsed"], ed["reused"], ed["wall"],
                 ed["cpu"], ed["link"],
                 all(e["same_report"] for e in row["edits"]), sa["wall"],
                 li["wall"], time.perf_counter() - start), flush=True)

    if not rows:
        sys.exit("wholeprogram: nothing measured")
    k_link = fit_exponent([r["full"]["functions"] for r in rows],
                          [r["full"]["link"] for r in rows])
    k_scan = fit_exponent([r["full"]["functions"] for r in rows],
                          [r["full"]["cpu"] for r in rows])
    load_after = os.getloadavg()[0]
    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True).stdout.strip() or "unknown"
    rebuilt = os.path.getmtime(driver) != built

    lines = []
    w = lines.append
    w("Whole-program analysis, bench/gen_project.py --cross-unit --functions "
      "%d --depth %d; sinkguard -j%d under nice, --format %s, all sinkguard "
      "checks (--config={}); re-scans: median of %d; load average %.1f "
      "before, %.1f after; %d cores.\n"
      % (a.functions, a.depth, a.jobs, a.format, a.runs, load_before,
         load_after, os.cpu_count() or 1))
    w("Driver %s, built %s, at commit %s%s.\n"
      % (driver, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(built)),
         head, "; **the driver was rebuilt during the run: the figures mix "
         "two builds**" if rebuilt else ""))
    w("| units | functions | cross-unit calls resolved | cross-unit findings "
      "| full scan wall | full scan CPU | peak RSS | link | link / scan "
      "| one-file re-scan: parsed / reused | re-scan wall | re-scan CPU "
      "| re-scan / full | re-scan link | no-change re-scan wall "
      "| `sinkguard link` wall |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        fu, ed, sa, li = r["full"], r["edit"], r["same"], r["link"]
        w("| %d | %d | %d/%d | %d | %.1f s | %.1f s | %.0f MB | %.3f s | "
          "%.2f%% | %d / %d | %.2f s | %.2f s | %.1f%% | %.3f s | %.2f s | "
          "%.2f s |"
          % (r["units"], fu["functions"], fu["resolved"], fu["calls"],
             fu["cross"], fu["wall"], fu["cpu"], fu["rss"], fu["link"],
             100 * fu["link"] / fu["wall"], ed["parsed"], ed["reused"],
             ed["wall"], ed["cpu"], 100 * ed["wall"] / fu["wall"],
             ed["link"], sa["wall"], li["wall"]))
    w("")
    w("Link time ~ functions^%.2f (least squares on the logarithms over %d "
      "size(s)); full-scan CPU ~ functions^%.2f." % (k_link, len(rows),
                                                      k_scan))
    w("")
    w("Where the time goes (--print-timing; the re-scan's median run):")
    w("")
    w("| units | full scan: scan / report (link, linked.json, report) / "
      "write | full scan: system time, minor page faults | re-scan: setup "
      "| re-scan: scan (store look-ups + 1 parse) | re-scan: report (link, "
      "linked.json, report) | re-scan: write | re-scan peak RSS "
      "| report size | findings | re-scan report same as the full scan's "
      "| `sinkguard link` report same |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        fu, ed = r["full"], r["edit"]
        w("| %d | %.1f s / %.1f s / %.2f s | %.1f s, %.1f M | %.3f s | "
          "%.3f s | %.3f s | %.3f s | %.0f MB | %.1f MB | %d | %s | %s |"
          % (r["units"], fu.get("scan", 0), fu.get("report", 0),
             fu.get("write", 0), fu["sys"], fu["minflt"] / 1e6,
             ed.get("setup", 0), ed.get("scan", 0), ed.get("report", 0),
             ed.get("write", 0), ed["rss"], fu["report_mb"],
             fu.get("findings", 0),
             "yes" if all(e["same_report"] for e in r["edits"]) else "NO",
             "yes" if r["link_same"] else "NO"))
    w("")
    big = rows[-1]
    if skipped:
        for n in skipped:
            f = n / big["units"]
            scan = big["full"]["wall"] * f
            fn = big["full"]["functions"] * f
            link = big["full"]["link"] * (f ** (k_link if k_link == k_link
                                                else 1))
            rescan = big["edit"]["wall"] * f
            w("%d units not measured (the run's time budget of %.0f s, or "
              "memory); "
              "projected from %d units: full scan ~%.0f s wall, ~%d "
              "functions, link ~%.2f s (%.1f%% of the scan), one-file "
              "re-scan ~%.1f s (%.1f%%)."
              % (n, a.budget, big["units"], scan, fn, link,
                 100 * link / scan, rescan, 100 * rescan / scan))
        w("")
    link_share = 100 * big["full"]["link"] / big["full"]["wall"]
    rescan_share = 100 * big["edit"]["wall"] / big["full"]["wall"]
    w("Budgets (issue), at %d units%s:" % (
        big["units"], "" if big["units"] >= 2000 else
        " (the largest size measured; the issue asks for 2,000)"))
    w("")
    w("- %s link <= 10%% of the scan: %.3f s of %.1f s, %.2f%% "
      "(%.2f%% of the scan's CPU)"
      % ("PASS" if link_share <= 10 else "FAIL", big["full"]["link"],
         big["full"]["wall"], link_share,
         100 * big["full"]["link"] / big["full"]["cpu"]))
    w("- %s one-file re-scan <= 5%% of the full scan: %.2f s of %.1f s, "
      "%.1f%% (CPU: %.1f%%)"
      % ("PASS" if rescan_share <= 5 else "FAIL", big["edit"]["wall"],
         big["full"]["wall"], rescan_share,
         100 * big["edit"]["cpu"] / big["full"]["cpu"]))
    w("- %s link near-linear in the number of functions: exponent %.2f"
      % ("PASS" if k_link <= 1.2 else "FAIL", k_link))
    text = "\n".join(lines) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    print()
    print(text)
    print("written to %s" % a.out)


if __name__ == "__main__":
    main()
