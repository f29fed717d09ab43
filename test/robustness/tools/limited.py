#!/usr/bin/env python3
"""limited.py MEGABYTES SECONDS COMMAND...

Runs COMMAND with its address space limited to MEGABYTES and its run time
to SECONDS; exits with the command's status, 124 on a timeout, 125 when
the limit could not be set.
"""
import resource
import subprocess
import sys


def main():
    megabytes, seconds = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[3:]

    def limit():
        size = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    try:
        done = subprocess.run(command, preexec_fn=limit, timeout=seconds)
    except subprocess.TimeoutExpired:
        print(f"limited.py: {command[0]} ran over {seconds} s", file=sys.stderr)
        return 124
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
