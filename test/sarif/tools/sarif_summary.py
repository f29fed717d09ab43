#!/usr/bin/env python3
"""sarif_summary.py [--results-json] [--logical] FILE

Prints the parts of a SARIF log that tests check, one fact per line, so that
FileCheck patterns stay short:

    run tool=sinkguard version=0.1.0 columnKind=utf16CodeUnits files=<n>
    srcroot %SRCROOT%=file:///...
    automation id=...
    invocation success=true exit=1 notifications=0
    notification <level> [<uri>:<line>] <message>
    rule <id> name=<name> level=<level> severity=<s> precision=<p>
         tags=<a,b> helpUri=<uri> help=<markdown bytes>
    result <ruleId> #<ruleIndex> <level> <uri>:<sl>:<sc>-<el>:<ec> [baseline]
      logical <fullyQualifiedName> name=<name> kind=<kind>   (--logical)
      message <text>
      related <id> <uri>:<line> <message>
      flow <uri>:<line>:<col> <message>
      fingerprint <name>=<value>

The file is read as strict JSON from UTF-8 bytes (invalid UTF-8 or a
non-standard constant fails), every URI must be valid (RFC 3986 characters
only, percent-escapes well formed), and every result's ruleIndex must point
at its rule: a violation is an error.

--results-json prints each result as canonical JSON (sorted keys), one per
line: two logs list the same results iff these lines are equal.

--logical prints the logical locations of each result's primary location
("logical none" when it has none); a result's logical location must agree
with its properties.function.
"""
import json
import re
import sys

URI = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


def fail(msg):
    sys.stderr.write("sarif_summary: %s\n" % msg)
    sys.exit(1)


def check_uri(uri):
    if not URI.match(uri) or re.search(r"%(?![0-9A-Fa-f]{2})", uri):
        fail("invalid URI %r" % uri)
    return uri


def where(loc, with_column=False):
    phys = loc.get("physicalLocation", {})
    art = phys.get("artifactLocation", {})
    uri = check_uri(art.get("uri", "?"))
    region = phys.get("region", {})
    if with_column:
        return "%s:%s:%s" % (uri, region.get("startLine"),
                             region.get("startColumn"))
    return "%s:%s" % (uri, region.get("startLine"))


def logical_lines(result):
    logicals = result["locations"][0].get("logicalLocations", [])
    function = result.get("properties", {}).get("function")
    names = [ll.get("fullyQualifiedName") for ll in logicals]
    if names != ([function] if function else []):
        fail("result of %s: logicalLocations %s, properties.function %r" % (
            result["ruleId"], names, function))
    if not logicals:
        return ["  logical none"]
    return ["  logical %s name=%s kind=%s" % (
        ll.get("fullyQualifiedName"), ll.get("name"), ll.get("kind"))
        for ll in logicals]


def constant(name):
    fail("non-standard JSON constant %s" % name)


def main():
    args = sys.argv[1:]
    results_json = "--results-json" in args
    logical = "--logical" in args
    args = [a for a in args if a not in ("--results-json", "--logical")]
    if len(args) != 1:
        fail("usage: sarif_summary.py [--results-json] [--logical] FILE")
    with open(args[0], "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        fail("not UTF-8: %s" % e)
    log = json.loads(text, parse_constant=constant)
    out = []
    for run in log["runs"]:
        if results_json:
            for r in run.get("results", []):
                out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
            continue
        driver = run["tool"]["driver"]
        out.append("run tool=%s version=%s columnKind=%s files=%s" % (
            driver.get("name"), driver.get("version"),
            run.get("columnKind"),
            run.get("properties", {}).get("filesAnalysed")))
        for name, base in sorted(run.get("originalUriBaseIds", {}).items()):
            out.append("srcroot %s=%s" % (name, check_uri(base["uri"])))
        if "automationDetails" in run:
            out.append("automation id=%s" % run["automationDetails"]["id"])
        for inv in run.get("invocations", []):
            notes = inv.get("toolExecutionNotifications", [])
            out.append("invocation success=%s exit=%s notifications=%d" % (
                json.dumps(inv.get("executionSuccessful")),
                inv.get("exitCode"), len(notes)))
            out.append("  commandLine %s" % inv.get("commandLine"))
            for n in notes:
                locs = n.get("locations", [])
                place = " " + where(locs[0]) if locs else ""
                out.append("notification %s%s %s" % (
                    n.get("level"), place, n["message"]["text"]))
        rules = driver.get("rules", [])
        for rule in rules:
            props = rule.get("properties", {})
            out.append(
                "rule %s name=%s level=%s severity=%s precision=%s tags=%s "
                "helpUri=%s help=%d" % (
                    rule["id"], rule.get("name"),
                    rule.get("defaultConfiguration", {}).get("level"),
                    props.get("security-severity"), props.get("precision"),
                    ",".join(props.get("tags", [])), rule.get("helpUri"),
                    len(rule.get("help", {}).get("markdown", "").encode())))
        for r in run.get("results", []):
            index = r.get("ruleIndex")
            if index is None or rules[index]["id"] != r["ruleId"]:
                fail("result of %s has ruleIndex %s" % (r["ruleId"], index))
            phys = r["locations"][0]["physicalLocation"]
            reg = phys["region"]
            state = r.get("baselineState")
            out.append("result %s #%d %s %s:%d:%d-%d:%d%s" % (
                r["ruleId"], index, r.get("level"),
                check_uri(phys["artifactLocation"]["uri"]),
                reg["startLine"], reg["startColumn"], reg["endLine"],
                reg["endColumn"], " " + state if state else ""))
            if logical:
                out.extend(logical_lines(r))
            out.append("  message %s" % r["message"]["text"])
            for rel in r.get("relatedLocations", []):
                out.append("  related %d %s %s" % (
                    rel["id"], where(rel), rel["message"]["text"]))
            for flow in r.get("codeFlows", []):
                for thread in flow["threadFlows"]:
                    for step in thread["locations"]:
                        loc = step["location"]
                        out.append("  flow %s %s" % (
                            where(loc, True), loc["message"]["text"]))
            for name, value in sorted(r.get("partialFingerprints",
                                            {}).items()):
                out.append("  fingerprint %s=%s" % (name, value))
    sys.stdout.write("".join(line + "\n" for line in out))


if __name__ == "__main__":
    main()
