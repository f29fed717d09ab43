#!/usr/bin/env python3
"""limited.py MEGABYTES SECONDS COMMAND...

Runs COMMAND with its address space limited to MEGABYTES (0: no limit, as
under ASan, which reserves terabytes of address space) and its run time to
SECONDS; exits with the command's status, 124 on a timeout.
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
        done = subprocess.run(command, preexec_fn=limit if megabytes else None,
                              timeout=seconds)
    except subprocess.TimeoutExpired:
        print(f"limited.py: {command[0]} ran over {seconds} s", file=sys.stderr)
        return 124
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
