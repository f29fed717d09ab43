#!/usr/bin/env python3
"""expect_exit.py CODE COMMAND [ARGS...]

Runs COMMAND with its output passed through, and succeeds only when it exits
with exactly CODE (lit's `not` accepts any non-zero status; the driver's exit
codes are part of its interface).
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    expected = int(sys.argv[1])
    code = subprocess.call(sys.argv[2:])
    if code != expected:
        sys.stderr.write("expect_exit: %s exited %d, expected %d\n"
                         % (sys.argv[2], code, expected))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
