#!/usr/bin/env python3
"""interrupt.py SIGNAL (--after SECONDS | --when GLOB) [--keep-ignored]
                -- COMMAND...

Starts COMMAND with SIGINT at its default (as a terminal would; with
--keep-ignored, as ignored as it is here), sends it SIGNAL (INT or TERM)
after SECONDS, or as soon as a file matching GLOB exists, and prints how it
ended: "killed by SIGTERM" or "exit N" ("exit N before the signal" when it
ended first). Fails after 60 seconds without a match.
"""
import glob
import signal
import subprocess
import sys
import time


def main():
    argv = sys.argv[1:]
    split = argv.index("--")
    own, command = argv[:split], argv[split + 1:]
    sig = getattr(signal, "SIG" + own[0])
    mode, value = own[1], own[2]
    # As in a terminal: the test runner starts its children with SIGINT
    # ignored, which the command would inherit.
    keep = "--keep-ignored" in own
    proc = subprocess.Popen(
        command,
        preexec_fn=None if keep else
        lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    start = time.monotonic()
    while proc.poll() is None:
        if mode == "--after" and time.monotonic() - start >= float(value):
            break
        if mode == "--when" and glob.glob(value):
            break
        if time.monotonic() - start > 60:
            proc.kill()
            print("timed out")
            return 1
        time.sleep(0.01)
    if proc.poll() is not None:
        print("exit %d before the signal" % proc.returncode)
        return 0
    proc.send_signal(sig)
    code = proc.wait()
    if code < 0:
        print("killed by %s" % signal.Signals(-code).name)
    else:
        print("exit %d" % code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
