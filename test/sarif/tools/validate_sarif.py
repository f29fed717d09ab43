#!/usr/bin/env python3
"""validate_sarif.py --multitool=PATH FILE...

Validates SARIF files with Microsoft's SARIF Multitool the way GitHub code
scanning would judge them: `validate --rule-kind "Sarif;Gh"` (the SARIF
standard's rules and GitHub's own), all levels. Prints one line per file,

    <file>: <E> error(s), <W> warning(s), <N> note(s)

followed by the text of every error and warning, and fails when any file
has an error or a warning (notes, e.g. "no versionControlProvenance" or an
unreachable $schema URL on a machine without internet, are only counted),
or when the tool could not read a file. All files go through one run of
the tool.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--multitool", default="")
    p.add_argument("files", nargs="+")
    a = p.parse_args()
    if not a.multitool or not os.access(a.multitool, os.X_OK):
        sys.stderr.write(
            "validate_sarif: the SARIF Multitool was not found (%r); run "
            "scripts/install-deps.sh, or set SINKGUARD_SARIF_MULTITOOL\n"
            % a.multitool)
        return 2
    files = [os.path.abspath(f) for f in a.files]
    for f in files:
        if not os.path.isfile(f):
            sys.stderr.write("validate_sarif: %s: no such file\n" % f)
            return 2
    env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
               DOTNET_CLI_TELEMETRY_OPTOUT="1")
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "validation.sarif")
        # Large logs are validated too (the tool skips files over 10 MB by
        # default).
        proc = subprocess.run(
            [a.multitool, "validate", "--rule-kind", "Sarif;Gh",
             "--level", "Error;Warning;Note", "--max-file-size-in-kb",
             "1048576", "-o", log] + files,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=env)
        if not os.path.exists(log):
            sys.stderr.write("validate_sarif: the Multitool wrote no log "
                             "(exit %d):\n%s" % (proc.returncode, proc.stdout))
            return 2
        with open(log, encoding="utf-8") as f:
            validation = json.load(f)
    run = validation["runs"][0]
    invocation = (run.get("invocations") or [{}])[0]
    # A file the tool did not read (too large, unreadable) is reported as a
    # notification of the tool, not as a result: that is a failure too.
    problems = [n for kind in ("toolConfigurationNotifications",
                               "toolExecutionNotifications")
                for n in invocation.get(kind, [])
                if n.get("level", "warning") in ("error", "warning")]
    if not invocation.get("executionSuccessful", False) or problems:
        sys.stderr.write("validate_sarif: the Multitool did not validate "
                         "everything:\n%s%s" % (
                             "".join("  %s\n" % n.get("message", {}).get(
                                 "text", "") for n in problems),
                             proc.stdout))
        return 2
    counts = {f: collections.Counter() for f in files}
    messages = collections.defaultdict(list)
    for result in run.get("results", []):
        level = result.get("level", "warning")
        uri = ""
        for loc in result.get("locations", []):
            uri = loc.get("physicalLocation", {}).get(
                "artifactLocation", {}).get("uri", "")
            if uri:
                break
        path = urllib.parse.unquote(urllib.parse.urlparse(uri).path)
        target = path if path in counts else files[0]
        counts[target][level] += 1
        if level in ("error", "warning"):
            text = result.get("message", {}).get("text", "")
            if not text:
                args = result.get("message", {}).get("arguments", [])
                text = " ".join(args)
            messages[target].append("  %s %s: %s" % (
                level, result.get("ruleId", "?"), text))
    bad = False
    for f in files:
        c = counts[f]
        print("%s: %d error(s), %d warning(s), %d note(s)"
              % (os.path.basename(f), c["error"], c["warning"], c["note"]))
        for m in messages[f]:
            print(m)
        bad = bad or c["error"] or c["warning"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
