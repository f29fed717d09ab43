#!/usr/bin/env python3
"""The job summary of sinkguard's GitHub Action (action.yml).

usage: summary.py [SARIF]        Markdown, appended to $GITHUB_STEP_SUMMARY
                                 (printed when it is not set)
       summary.py --count SARIF  prints the number of results in SARIF

The summary says what the scan decided (its exit code, SINKGUARD_STATUS,
against SINKGUARD_FAIL_ON), counts the findings per check, lists the ten
most severe findings (level, then the rule's security-severity, then the
report's order: file, line) with links to their lines at the commit
($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/<path>#L<line>),
and the files that were not analysed. Without a SARIF argument, or when the
report cannot be read, it says that there is no report.

Python 3 standard library only. Everything taken from the report (messages
quote the scanned code) is escaped for Markdown.
"""

import json
import os
import re
import sys
import urllib.parse

TOP = 10
LEVELS = {"error": 0, "warning": 1, "note": 2, "none": 3}
STATUS = {
    0: "no finding at or above `{fail_on}`",
    1: "findings at or above `{fail_on}`: the job fails",
    2: "a usage or configuration error: nothing was analysed, or the "
       "configuration was rejected (see the scan step's log)",
    3: "some files could not be analysed: the job fails",
}


def escape(text):
    """Text for Markdown (also inside a table cell): no markup, no HTML,
    one line."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)


def code(text):
    """Inline code; backquotes and pipes cannot end it or the table."""
    text = " ".join(str(text).split()).replace("`", "'").replace("|", "\\|")
    return "`%s`" % text


def load(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    runs = log.get("runs") if isinstance(log, dict) else None
    if not isinstance(runs, list) or \
            not all(isinstance(run, dict) for run in runs):
        raise ValueError("not a SARIF log: no list of runs")
    return runs


def count(path):
    return sum(len(run.get("results") or []) for run in load(path))


class Link:
    """Links to the lines of files at the scanned commit."""

    def __init__(self, env):
        server = env.get("GITHUB_SERVER_URL", "").rstrip("/")
        repo = env.get("GITHUB_REPOSITORY", "")
        sha = env.get("GITHUB_SHA", "")
        self.base = ("%s/%s/blob/%s/" % (server, repo, sha)
                     if server and repo and sha else None)

    def __call__(self, path, line):
        """The URL of `path` (relative to the repository's top) at `line`,
        or None."""
        if not self.base or path is None:
            return None
        url = self.base + urllib.parse.quote(path, safe="/")
        return url + ("#L%d" % line if line else "")


def location(result):
    """(path relative to the source root or None, display path, line)."""
    try:
        physical = result["locations"][0]["physicalLocation"]
        artifact = physical.get("artifactLocation", {})
        uri = artifact.get("uri", "")
        line = physical.get("region", {}).get("startLine")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None, "(no location)", None
    line = line if isinstance(line, int) else None
    shown = urllib.parse.unquote(uri)
    relative = None
    if artifact.get("uriBaseId") == "%SRCROOT%" and \
            not urllib.parse.urlsplit(uri).scheme and \
            not uri.startswith("/") and ".." not in uri.split("/"):
        relative = shown
    elif shown.startswith("file://"):
        shown = shown[len("file://"):]
    return relative, shown, line


def security_severity(rule):
    try:
        return float((rule.get("properties") or {}).get("security-severity"))
    except (TypeError, ValueError):
        return 0.0


def markdown(path, env):
    status = env.get("SINKGUARD_STATUS", "")
    fail_on = env.get("SINKGUARD_FAIL_ON", "") or "warning"
    try:
        status = int(status)
    except ValueError:
        status = None
    why = ""
    if status is not None:
        why = "sinkguard exited with %d: %s." % (
            status, STATUS.get(status, "the scan failed").format(
                fail_on=escape(fail_on)))
    out = []
    try:
        runs = load(path) if path else None
    except (OSError, ValueError) as e:
        runs = None
        why += " The report %s cannot be read: %s." % (code(path), escape(e))
    if runs is None:
        out.append("### sinkguard: no report")
        out.append("")
        out.append((why or "The scan did not write a report.").strip())
        return "\n".join(out) + "\n"

    link = Link(env)
    rules = {}
    findings = []     # (sort key, result, rule id, rule)
    notes = []        # toolExecutionNotifications of level error
    files_analysed = 0
    baseline = None
    for run in runs:
        driver = ((run.get("tool") or {}).get("driver") or {})
        run_rules = driver.get("rules") or []
        for rule in run_rules:
            if isinstance(rule, dict) and "id" in rule:
                rules.setdefault(rule["id"], rule)
        props = run.get("properties") or {}
        files_analysed += props.get("filesAnalysed", 0) or 0
        baseline = props.get("baseline", baseline)
        for invocation in run.get("invocations") or []:
            for n in invocation.get("toolExecutionNotifications") or []:
                if n.get("level", "warning") == "error":
                    notes.append((n.get("message") or {}).get("text", ""))
        for i, result in enumerate(run.get("results") or []):
            rule_id = result.get("ruleId") or "(no rule)"
            rule = rules.get(rule_id, {})
            level = result.get("level") or \
                (rule.get("defaultConfiguration") or {}).get("level") or \
                "warning"
            key = (LEVELS.get(level, 4), -security_severity(rule), len(findings))
            findings.append((key, result, rule_id, rule, level))

    total = len(findings)
    out.append("### sinkguard: %d finding%s" % (total, "" if total == 1 else "s"))
    out.append("")
    facts = ["%d file%s analysed" % (files_analysed,
                                      "" if files_analysed == 1 else "s")]
    if isinstance(baseline, dict):
        facts.append("only findings not in the baseline %s (%s in it, %s "
                     "fixed)" % (code(baseline.get("file", "")),
                                 escape(baseline.get("unchanged", 0)),
                                 escape(baseline.get("absent", 0))))
    out.append(("%s. %s" % ("; ".join(facts), why)).strip())

    if findings:
        per_rule = {}
        for _, _, rule_id, _, _ in findings:
            per_rule[rule_id] = per_rule.get(rule_id, 0) + 1
        out += ["", "| Check | Findings |", "|---|---:|"]
        for rule_id, n in sorted(per_rule.items(), key=lambda p: (-p[1], p[0])):
            name = code(rule_id)
            uri = rules.get(rule_id, {}).get("helpUri")
            if isinstance(uri, str) and re.match(r"^https?://[^\s()<>]+$", uri):
                name = "[%s](%s)" % (name, uri)
            out.append("| %s | %d |" % (name, n))

        top = sorted(findings, key=lambda f: f[0])[:TOP]
        out += ["", "#### %s" % ("The %d most severe findings, of %d"
                                 % (len(top), total) if total > len(top)
                                 else "Findings"), ""]
        for n, (_, result, rule_id, _, level) in enumerate(top, 1):
            relative, shown, line = location(result)
            where = shown + (":%d" % line if line else "")
            url = link(relative, line)
            where = "[%s](%s)" % (code(where), url) if url else code(where)
            message = (result.get("message") or {}).get("text", "")
            out.append("%d. %s %s %s: %s" % (n, escape(level), where,
                                             code(rule_id), escape(message)))

    if notes:
        out += ["", "#### %d problem%s of the run" % (
            len(notes), "" if len(notes) == 1 else "s"), ""]
        for text in notes[:TOP]:
            out.append("- %s" % escape(text))
        if len(notes) > TOP:
            out.append("- and %d more (see the scan step's log)"
                       % (len(notes) - TOP))
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) == 3 and argv[1] == "--count":
        try:
            print(count(argv[2]))
        except (OSError, ValueError) as e:
            sys.stderr.write("summary.py: %s: %s\n" % (argv[2], e))
            return 1
        return 0
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    text = markdown(argv[1] if len(argv) == 2 else "", os.environ)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
