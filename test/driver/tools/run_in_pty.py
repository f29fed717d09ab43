#!/usr/bin/env python3
"""run_in_pty.py COMMAND...

Runs COMMAND with its standard error on a pseudo-terminal (standard output
stays a pipe, passed through) and prints what the terminal received, with
"\\r" shown as <CR> and escape sequences as <ESC>, then "exit N".
"""
import os
import pty
import subprocess
import sys


def main():
    master, slave = pty.openpty()
    proc = subprocess.Popen(sys.argv[1:], stderr=slave)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    code = proc.wait()
    text = received.decode("utf-8", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "<CR>")
    text = text.replace("\x1b", "<ESC>")
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    print("exit %d" % code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
