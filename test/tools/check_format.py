#!/usr/bin/env python3
"""check_format.py CLANG_FORMAT SOURCE_ROOT

Fails, listing the files, when any C++ source of sinkguard (checks/, tool/,
test/tools/, fuzz/, unittests/) differs from what clang-format (LLVM style,
the project's .clang-format) would write.
"""
import os
import subprocess
import sys

DIRS = ("checks", "tool", os.path.join("test", "tools"), "fuzz", "unittests")
EXTS = (".cpp", ".h")


def main():
    clang_format, root = sys.argv[1], sys.argv[2]
    files = []
    for d in DIRS:
        for dirpath, _, names in os.walk(os.path.join(root, d)):
            files += [os.path.join(dirpath, n) for n in sorted(names)
                      if n.endswith(EXTS)]
    if not files:
        sys.stderr.write("check_format: no sources found under %s\n" % root)
        return 1
    bad = []
    for f in files:
        proc = subprocess.run([clang_format, "--dry-run", "-Werror",
                               "--style=file", f],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
        if proc.returncode != 0:
            bad.append(os.path.relpath(f, root))
    print("checked %d files" % len(files))
    if bad:
        print("not clang-formatted (run clang-format-22 -i on them):")
        for f in bad:
            print("  " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
