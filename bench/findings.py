#!/usr/bin/env python3
"""findings.py SARIF [--sample N] [--seed S] [--context L] [--steps K]

For triage by reading: prints how many findings a SARIF log of `sinkguard
scan` holds for each check, then (with --sample) a random sample of N of
them, the same for the same seed and log: for each, its number in the log,
file:line:column, check and message, where its path starts (the first
location of its code flow: the source) and the last K steps before the
sink, and L lines of code around the sink (the sink's line marked with
'>'). N at least the number of findings prints them all.

Paths are resolved through the log's originalUriBaseIds (%SRCROOT%), or
--srcroot when the sources have moved since the scan.
"""
import argparse
import collections
import json
import os
import random
import sys
from urllib.parse import unquote, urlparse


def base_dirs(run, srcroot):
    bases = {}
    for name, base in run.get("originalUriBaseIds", {}).items():
        uri = base.get("uri", "")
        bases[name] = unquote(urlparse(uri).path) if uri.startswith(
            "file:") else uri
    if srcroot:
        bases["%SRCROOT%"] = srcroot
    return bases


def where(loc, bases):
    """(path on disk, line, column) of a SARIF location, or None."""
    phys = loc.get("physicalLocation")
    if not phys:
        return None
    art = phys.get("artifactLocation", {})
    uri = art.get("uri", "")
    path = unquote(urlparse(uri).path) if uri.startswith("file:") else uri
    if not os.path.isabs(path):
        path = os.path.join(bases.get(art.get("uriBaseId"), ""), path)
    region = phys.get("region", {})
    return path, region.get("startLine", 0), region.get("startColumn", 0)


def short(path, top):
    """path relative to top, the directory all findings' files are in."""
    return path[len(top):] if top and path.startswith(top) else path


def context(path, line, lines):
    """`lines` lines of path around line, the line itself marked."""
    try:
        with open(path, errors="replace") as f:
            text = f.read().split("\n")   # not splitlines(): form feeds
    except OSError as e:
        return ["    (cannot read %s: %s)" % (path, e.strerror)]
    first = max(1, line - lines // 2)
    last = min(len(text), first + lines - 1)
    return ["  %s%5d  %s" % (">" if n == line else " ", n, text[n - 1])
            for n in range(first, last + 1)]


def flow_of(result):
    """The locations of the result's first thread flow."""
    for flow in result.get("codeFlows", []):
        for thread in flow.get("threadFlows", []):
            return [step.get("location", {})
                    for step in thread.get("locations", [])]
    return []


def sink_of(result, bases):
    locs = result.get("locations")
    return where(locs[0], bases) if locs else None


def describe(i, result, bases, top, a):
    out = []
    sink = sink_of(result, bases)
    name = "%s:%d:%d" % (short(sink[0], top), sink[1], sink[2]) \
        if sink else "(no location)"
    out.append("#%d %s [%s]" % (i, name, result.get("ruleId", "?")))
    out.append("  " + result.get("message", {}).get("text", ""))
    steps = list(enumerate(flow_of(result)[:-1]))
    if a.steps >= 0 and len(steps) > a.steps + 1:
        out_of = len(steps) - 1 - a.steps
        steps = steps[:1] + [(None, out_of)] + steps[-a.steps:] \
            if a.steps else steps[:1] + [(None, out_of)]
    for n, step in steps:
        if n is None:
            out.append("  ... %d steps ..." % step)
            continue
        at = where(step, bases)
        if at:
            out.append("  %s %s:%d: %s" % (
                "source" if n == 0 else "step", short(at[0], top), at[1],
                step.get("message", {}).get("text", "")))
    if sink:
        out.extend(context(sink[0], sink[1], a.context))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sarif")
    p.add_argument("--sample", type=int, default=0,
                   help="print this many findings drawn at random")
    p.add_argument("--seed", type=int, default=17,
                   help="seed of the draw (default 17)")
    p.add_argument("--context", type=int, default=8,
                   help="lines of code around the sink (default 8)")
    p.add_argument("--steps", type=int, default=4,
                   help="steps of a path shown between its source and its "
                   "sink: the last ones (default 4; -1: all)")
    p.add_argument("--srcroot", help="directory the log's relative paths "
                   "start from (default: its %%SRCROOT%%)")
    a = p.parse_args()
    with open(a.sarif) as f:
        log = json.load(f)
    results = []
    bases = {}
    for run in log.get("runs", []):
        bases = base_dirs(run, a.srcroot)
        results.extend((r, bases) for r in run.get("results", []))
    counts = collections.Counter(r.get("ruleId", "?") for r, _ in results)
    print("%d findings" % len(results))
    for rule, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        print("  %5d  %s" % (n, rule))
    if a.sample <= 0 or not results:
        return 0
    picked = sorted(random.Random(a.seed).sample(
        range(len(results)), min(a.sample, len(results))))
    files = [s[0] for s in (sink_of(r, b) for r, b in results) if s]
    top = os.path.commonpath(files) + "/" if files else ""
    if top in ("/", "//"):
        top = ""
    print("\nsample of %d (seed %d)%s:" % (
        len(picked), a.seed, ", files under " + top if top else ""))
    for i in picked:
        r, b = results[i]
        print("\n" + "\n".join(describe(i, r, b, top, a)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
