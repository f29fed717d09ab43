#!/usr/bin/env python3
"""Prints, per result of a SARIF log, its place, rule, rank and confidence.

  sarif_ranks.py LOG.sarif

One line per result, in the log's order: `uri:line rule rank=R` and, when
the result has them, `confidence=C uncertainty=U` from its properties.
"""
import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    for run in log["runs"]:
        for r in run.get("results", []):
            loc = r["locations"][0]["physicalLocation"]
            line = "%s:%d %s rank=%s" % (
                loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                r["ruleId"], ("%g" % r["rank"]) if "rank" in r else "none")
            props = r.get("properties", {})
            if "confidence" in props:
                line += " confidence=%s uncertainty=%s" % (
                    props["confidence"], props.get("uncertainty", ""))
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
