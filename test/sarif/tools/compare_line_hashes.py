#!/usr/bin/env python3
"""compare_line_hashes.py REFERENCE.js DIR

Hashes every file of DIR with sinkguard-report-probe and with the Node.js
model of GitHub's upload action; prints "<n> files, <m> differ" and the
first differing line of each file that differs.
"""
import os
import subprocess
import sys


def main():
    reference, folder = sys.argv[1], sys.argv[2]
    names = sorted(os.listdir(folder))
    differ = 0
    for name in names:
        path = os.path.join(folder, name)
        ours = subprocess.run(["sinkguard-report-probe", "line-hashes", path],
                              stdout=subprocess.PIPE, check=True).stdout
        theirs = subprocess.run(["node", reference, path],
                                stdout=subprocess.PIPE, check=True).stdout
        if ours != theirs:
            differ += 1
            for a, b in zip(ours.splitlines(), theirs.splitlines()):
                if a != b:
                    print("%s: ours %r, the action's %r" % (name, a, b))
                    break
            else:
                print("%s: %d lines, the action's %d" % (
                    name, len(ours.splitlines()), len(theirs.splitlines())))
    print("%d files, %d differ" % (len(names), differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
