#!/usr/bin/env python3
"""kill_driver.py MARK -- COMMAND...

Starts COMMAND (a driver run with --tu-timeout on a slow unit), waits until
a worker process whose command line contains MARK exists, kills the driver
with SIGKILL, and then checks that no such worker is left within five
seconds. Prints what it saw; exit status 1 when no worker ever appeared
(the check would prove nothing) or one outlived the driver.
"""
import os
import signal
import subprocess
import sys
import time


def workers(mark):
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z" and any(b"--worker-unit=" in a and mark.encode() in a
                                for a in args):
            found.append(int(pid))
    return found


def main():
    mark = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1:]
    driver = subprocess.Popen(command)
    deadline = time.time() + 60
    while not workers(mark):
        if time.time() > deadline or driver.poll() is not None:
            print("no worker appeared")
            return 1
        time.sleep(0.05)
    print("worker running")
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    deadline = time.time() + 5
    while workers(mark):
        if time.time() > deadline:
            print("worker outlived the driver")
            # Not left running: it would keep lit's output pipe open.
            for pid in workers(mark):
                os.kill(pid, signal.SIGKILL)
            return 1
        time.sleep(0.05)
    print("no worker left")
    return 0


if __name__ == "__main__":
    sys.exit(main())
