#!/usr/bin/env python3
"""check_registry.py SOURCE_ROOT SINKGUARD_TIDY

Checks that checks/Checks.def, the registered checks and the docs agree:
every row of Checks.def is registered (and nothing else is), has
docs/checks/<id>.md starting with its summary sentence and naming its CWEs,
appears in docs/index.md, and has tests under test/checkers/<id>/.
"""
import os
import re
import subprocess
import sys


def rows(root):
    text = open(os.path.join(root, "checks", "Checks.def"),
                encoding="utf-8").read()
    text = re.sub(r"//[^\n]*", "", text)
    for m in re.finditer(r"SINKGUARD_CHECK\((.*?)\)\s*(?=SINKGUARD_CHECK|#undef)",
                         text, re.S):
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"((?:\s*"(?:[^"\\]|\\.)*")*)',
                             m.group(1))
        # Adjacent literals are one string.
        values = []
        for first, rest in strings:
            values.append(first + "".join(re.findall(r'"((?:[^"\\]|\\.)*)"',
                                                     rest)))
        yield {"id": values[0], "summary": values[2], "cwes": values[3],
               "level": values[-1]}


def main():
    root, tidy = sys.argv[1], sys.argv[2]
    problems = []
    table = list(rows(root))
    if not table:
        problems.append("no SINKGUARD_CHECK rows found in checks/Checks.def")
    ids = [r["id"] for r in table]
    if ids != sorted(ids):
        problems.append("Checks.def rows are not sorted by id")
    listed = subprocess.run([tidy, "--list-checks", "-checks=-*,sinkguard-*"],
                            stdout=subprocess.PIPE, text=True).stdout
    registered = re.findall(r"^\s+(sinkguard-\S+)$", listed, re.M)
    if sorted(registered) != sorted(ids):
        problems.append("registered checks %s differ from Checks.def %s"
                        % (registered, ids))
    index = open(os.path.join(root, "docs", "index.md"),
                 encoding="utf-8").read()
    for r in table:
        doc = os.path.join(root, "docs", "checks", r["id"] + ".md")
        if not os.path.exists(doc):
            problems.append("%s: no %s" % (r["id"], doc))
        else:
            text = open(doc, encoding="utf-8").read()
            if r["summary"] not in " ".join(text.split()):
                problems.append("%s: docs do not contain the summary %r"
                                % (r["id"], r["summary"]))
            for cwe in r["cwes"].split(","):
                if "CWE-%s" % cwe.strip() not in text:
                    problems.append("%s: docs do not name CWE-%s"
                                    % (r["id"], cwe))
            for section in ("## Options", "## Suppressing findings"):
                if section not in text:
                    problems.append("%s: docs have no '%s' section"
                                    % (r["id"], section))
        if "checks/%s.md" % r["id"] not in index:
            problems.append("%s: not linked from docs/index.md" % r["id"])
        row = re.search(r"^\| \[%s\].*\| (\w+) \|$" % re.escape(r["id"]), index,
                        re.M)
        if row and row.group(1) != r["level"]:
            problems.append("%s: docs/index.md gives level %s, Checks.def %s"
                            % (r["id"], row.group(1), r["level"]))
        tests = os.path.join(root, "test", "checkers", r["id"])
        if not os.path.isdir(tests) or not os.listdir(tests):
            problems.append("%s: no tests in %s" % (r["id"], tests))
    for p in problems:
        print("error: " + p)
    print("%d checks, %d problems" % (len(table), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
