#!/usr/bin/env python3
"""Runs a command whose -o names a special file the test made, and says
what became of the file and what was written into it.

usage: special_output.py fifo|device|symlink PATH -- COMMAND...

fifo:    PATH is made a FIFO; a thread reads it while the command runs.
device:  PATH is made a character device like /dev/null (1, 3): needs root.
symlink: PATH is made a symbolic link to PATH.target, a regular file.

Prints the command's exit status, the kind of PATH afterwards and, for a
FIFO, how many bytes came through and whether they are a SARIF log.
"""

import json
import os
import stat
import subprocess
import sys
import threading


def kind(path):
    st = os.lstat(path)
    if stat.S_ISFIFO(st.st_mode):
        return "fifo"
    if stat.S_ISCHR(st.st_mode):
        return "character device %d,%d" % (os.major(st.st_rdev),
                                           os.minor(st.st_rdev))
    if stat.S_ISLNK(st.st_mode):
        return "symlink to " + os.path.basename(os.readlink(path))
    if stat.S_ISREG(st.st_mode):
        return "regular file"
    return "other"


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if sys.argv[3] != "--":
        sys.exit(__doc__)
    command = sys.argv[4:]
    received = []
    reader = None
    if mode == "fifo":
        os.mkfifo(path)

        def read():
            with open(path, "rb") as f:
                received.append(f.read())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
    elif mode == "device":
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    elif mode == "symlink":
        with open(path + ".target", "w") as f:
            f.write("old report\n")
        os.symlink(os.path.basename(path) + ".target", path)
    else:
        sys.exit("unknown mode " + mode)
    status = subprocess.run(command).returncode
    print("exit %d" % status)
    if reader:
        reader.join(timeout=60)
        data = b"".join(received)
        try:
            version = json.loads(data).get("version")
        except ValueError:
            version = None
        print("received %s bytes, SARIF %s" % ("some" if data else "no",
                                              version))
    print("%s is a %s" % (os.path.basename(path), kind(path)))
    if mode == "symlink":
        with open(path + ".target") as f:
            print("target: %s" % ("replaced" if f.read() != "old report\n"
                                  else "unchanged"))


if __name__ == "__main__":
    main()
