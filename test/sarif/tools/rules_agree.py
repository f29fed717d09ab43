#!/usr/bin/env python3
"""rules_agree.py SOURCE_ROOT FILE.sarif

For every rule of a sinkguard check in the log, checks it against its row
of checks/Checks.def and its page in docs/checks: summary, CWE tags,
security-severity, precision, level, help (the page without its title,
links relative to it made absolute) and helpUri. Prints "<id>: metadata and help agree" or what differs, and fails
on a difference.
"""
import json
import os
import posixpath
import re
import sys

sys.path.insert(0, os.path.join(sys.argv[1], "test", "tools"))
from check_registry import rows  # noqa: E402


def defs(root):
    """Checks.def rows with every field: id, summary, cwes, severity,
    precision, level."""
    text = open(os.path.join(root, "checks", "Checks.def"),
                encoding="utf-8").read()
    text = re.sub(r"//[^\n]*", "", text)
    out = {}
    for m in re.finditer(r"SINKGUARD_CHECK\((.*?)\)\s*(?=SINKGUARD_CHECK|#undef)",
                         text, re.S):
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"((?:\s*"(?:[^"\\]|\\.)*")*)',
                             m.group(1))
        values = [first + "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', rest))
                  for first, rest in strings]
        out[values[0]] = {"summary": values[2], "cwes": values[3],
                          "severity": values[5], "precision": values[6],
                          "level": values[7]}
    return out


def main():
    root, sarif = sys.argv[1], sys.argv[2]
    table = defs(root)
    assert set(table) == {r["id"] for r in rows(root)}
    log = json.load(open(sarif, encoding="utf-8"))
    problems = 0
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        row = table.get(rule["id"])
        if row is None:
            continue
        page = open(os.path.join(root, "docs", "checks", rule["id"] + ".md"),
                    encoding="utf-8").read()
        title, _, body = page.partition("\n")
        # Links relative to the page point into the repository's docs.
        docs = rule["helpUri"][:-len("checks/%s.md" % rule["id"])]
        body = re.sub(
            r"\]\(([^)]*)\)",
            lambda m: "](%s)" % (m.group(1) if "://" in m.group(1) or
                                 m.group(1).startswith(("#", "mailto:"))
                                 else docs + posixpath.normpath(
                                     "checks/" + m.group(1))),
            body)
        props = rule["properties"]
        tags = ["security"] + ["external/cwe/cwe-%03d" % int(c)
                               for c in row["cwes"].split(",")]
        expected = {
            "shortDescription": row["summary"],
            "level": row["level"],
            "security-severity": row["severity"],
            "precision": row["precision"],
            "tags": tags,
            "help.markdown": body.lstrip("\n"),
            "helpUri suffix": "/docs/checks/%s.md" % rule["id"],
        }
        actual = {
            "shortDescription": rule["shortDescription"]["text"],
            "level": rule["defaultConfiguration"]["level"],
            "security-severity": props.get("security-severity"),
            "precision": props.get("precision"),
            "tags": props.get("tags"),
            "help.markdown": rule["help"]["markdown"],
            "helpUri suffix": rule["helpUri"][-len(expected["helpUri suffix"]):],
        }
        wrong = [k for k in expected if expected[k] != actual[k]]
        if not title.startswith("# "):
            wrong.append("page title")
        if not rule["help"]["text"].strip() or \
                len(rule["fullDescription"]["text"]) > 1024:
            wrong.append("help.text or fullDescription")
        if wrong:
            problems += 1
            print("%s: differs in %s" % (rule["id"], ", ".join(wrong)))
        else:
            print("%s: metadata and help agree" % rule["id"])
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
