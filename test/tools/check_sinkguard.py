#!/usr/bin/env python3
"""Runs one sinkguard check test through every command-line host.

Usage (from a lit RUN line, via the %check_sinkguard substitution):

  check_sinkguard.py [host options] <source> <check-id> <temp>
                     [-- <clang-tidy args> [-- <compiler args>]]

Like upstream clang-tidy's check_clang_tidy.py: the `// CHECK-...:` comments
are blanked in a copy of <source> so line numbers stay put, the check runs on
the copy, and FileCheck matches the output against <source> with
`-implicit-check-not='{{warning|error}}:'`, so any diagnostic the test does
not expect fails it. A file without CHECK-MESSAGES lines must produce no
warning at all.

The same file runs through stock clang-tidy with the plugin loaded, through
sinkguard-tidy, and through the sinkguard driver; each must give the
expected diagnostics. System headers come from test/Inputs, never the host.

Then the state a user's scan leaves behind: the file gets a compilation
database of its own, the driver scans it (leaving its summary store next to
the database) and scans it again (restoring the unit from the store), and
the per-file hosts run with that database: every run must give exactly
what the same host gave without a store (one file has no cross-file flow
to add), and none may crash.
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys

HOSTS = ("plugin", "sinkguard-tidy", "driver")


def parse_args(argv):
    if "--" in argv:
        i = argv.index("--")
        own, rest = argv[:i], argv[i + 1:]
    else:
        own, rest = argv, []
    if "--" in rest:
        i = rest.index("--")
        tidy_args, compiler_args = rest[:i], rest[i + 1:]
    else:
        tidy_args, compiler_args = rest, []
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--sinkguard-tidy", required=True)
    p.add_argument("--driver", required=True)
    p.add_argument("--filecheck", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--hosts", default=",".join(HOSTS),
                   help="comma-separated subset of %s" % ",".join(HOSTS))
    p.add_argument("--check-prefix", default="CHECK-MESSAGES")
    p.add_argument("--driver-exit", type=int, default=None,
                   help="the driver's exit status (default: 0 or 1); 2 for "
                        "a configuration error, which fails a scan closed")
    p.add_argument("source")
    p.add_argument("check")
    p.add_argument("temp")
    args = p.parse_args(own)
    return args, tidy_args, compiler_args


def blank_checks(text):
    return re.sub(r"//\s*CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)


def compile_flags_of(args, temp_source, compiler_args):
    flags = ["-nostdinc", "-isystem", args.inputs] + compiler_args
    if temp_source.endswith((".cpp", ".cc")):
        flags = ["-std=c++17"] + flags
    return flags


def run_host(host, args, temp_source, tidy_args, compiler_args,
             database=None):
    """Runs one host on the file: with the flags after `--`, or with
    \p database, a directory holding compile_commands.json."""
    compile_flags = compile_flags_of(args, temp_source, compiler_args)
    checks = "-checks=-*," + args.check
    # An empty configuration unless the test brings its own.
    config = [] if any(a.lstrip("-").startswith("config")
                       for a in tidy_args) else ["--config={}"]
    if host == "plugin":
        cmd = [args.clang_tidy, "--load", args.plugin, checks] + config
    elif host == "sinkguard-tidy":
        cmd = [args.sinkguard_tidy, checks] + config
    else:
        cmd = [args.driver, "--checks=-*," + args.check, "--quiet"] + config
    if database:
        cmd += tidy_args + ["-p", database, temp_source]
    else:
        cmd += tidy_args + [temp_source, "--"] + compile_flags
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    return cmd, proc


def write_database(args, temp_source, compiler_args):
    """A compilation database for the file alone, in a directory of its own
    (where the driver keeps its store), as a user's build would have."""
    database = args.temp + ".store"
    if os.path.isdir(database):
        shutil.rmtree(database)
    os.makedirs(database)
    driver = "clang++" if temp_source.endswith((".cpp", ".cc")) else "clang"
    entry = {"directory": os.path.dirname(os.path.abspath(temp_source)),
             "file": os.path.abspath(temp_source),
             "arguments": [driver] + compile_flags_of(
                 args, temp_source, compiler_args) + ["-c",
                                                     os.path.abspath(
                                                         temp_source)]}
    with open(os.path.join(database, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump([entry], f)
    return database


def store_state_failures(args, temp_source, tidy_args, compiler_args,
                         without_store, hosts):
    """What differs, host by host, once a scan has left its store."""
    failures = []
    database = write_database(args, temp_source, compiler_args)
    runs = []
    if "driver" in hosts:
        # The first scan writes the store, the second restores from it.
        runs += [("driver", "scan"), ("driver", "rescan from the store")]
    runs += [(h, "after the scan") for h in hosts if h != "driver"]
    for host, when in runs:
        cmd, proc = run_host(host, args, temp_source, tidy_args,
                             compiler_args, database)
        expected_status, expected_output = without_store[host]
        if proc.returncode != expected_status:
            failures.append("%s %s exited %d, without a store %d\ncommand: %s"
                            "\nstderr:\n%s" % (host, when, proc.returncode,
                                                expected_status,
                                                " ".join(cmd), proc.stderr))
        elif proc.stdout != expected_output:
            diff = "".join(difflib.unified_diff(
                expected_output.splitlines(True), proc.stdout.splitlines(True),
                "without a store", "%s %s" % (host, when)))
            failures.append("%s %s gave other output than without a store\n"
                            "command: %s\n%s" % (host, when, " ".join(cmd),
                                                  diff))
    if "driver" in hosts and not os.path.isdir(
            os.path.join(database, ".sinkguard-cache")):
        failures.append("the driver left no store in %s: the store state was "
                        "not tested" % database)
    return failures


def main():
    args, tidy_args, compiler_args = parse_args(sys.argv[1:])
    with open(args.source, encoding="utf-8") as f:
        original = f.read()
    ext = os.path.splitext(args.source)[1]
    temp_source = args.temp + ext
    os.makedirs(os.path.dirname(os.path.abspath(temp_source)), exist_ok=True)
    with open(temp_source, "w", encoding="utf-8") as f:
        f.write(blank_checks(original))

    has_checks = re.search(r"//\s*%s:" % re.escape(args.check_prefix),
                           original) is not None
    failures = []
    hosts = args.hosts.split(",")
    without_store = {}
    for host in hosts:
        cmd, proc = run_host(host, args, temp_source, tidy_args,
                             compiler_args)
        output = proc.stdout
        without_store[host] = (proc.returncode, output)
        msg_file = "%s.%s.msg" % (args.temp, host)
        with open(msg_file, "w", encoding="utf-8") as f:
            f.write(output)
        # clang-tidy exits 0 with warnings; the driver exits 1 with findings.
        allowed = (0, 1) if host == "driver" else (0,)
        if host == "driver" and args.driver_exit is not None:
            allowed = (args.driver_exit,)
        if proc.returncode not in allowed:
            failures.append("%s exited %d\ncommand: %s\nstdout:\n%s\nstderr:\n%s"
                            % (host, proc.returncode, " ".join(cmd), output,
                               proc.stderr))
            continue
        if has_checks:
            fc = subprocess.run(
                [args.filecheck, "-input-file=" + msg_file, args.source,
                 "-check-prefix=" + args.check_prefix,
                 "-implicit-check-not={{warning|error}}:"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if fc.returncode != 0:
                failures.append("%s: FileCheck failed\ncommand: %s\n%s"
                                % (host, " ".join(cmd), fc.stdout))
        elif re.search(r"(warning|error):", output):
            failures.append("%s: expected no diagnostics, got:\n%s"
                            % (host, output))
    if not failures:
        failures = store_state_failures(args, temp_source, tidy_args,
                                        compiler_args, without_store, hosts)
    if failures:
        sys.stderr.write("\n\n".join(failures) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
