"""Writes DIR/build/compile_commands.json for the sources under DIR.

usage: make_db.py DIR INPUTS FILE...

Each FILE (relative to DIR) is compiled in DIR against the test suite's
stand-in system headers (INPUTS), as C11 or, for .cpp, C++17.
"""

import json
import os
import sys


def main():
    out, inputs, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    entries = []
    for f in files:
        lang = ["-x", "c++", "-std=c++17"] if f.endswith(".cpp") else [
            "-x", "c", "-std=c11"]
        entries.append({
            "directory": out,
            "file": f,
            "arguments": ["cc", "-nostdinc", "-isystem", inputs] + lang +
                         ["-c", f],
        })
    os.makedirs(os.path.join(out, "build"), exist_ok=True)
    with open(os.path.join(out, "build", "compile_commands.json"), "w") as db:
        json.dump(entries, db, indent=1)
        db.write("\n")


if __name__ == "__main__":
    main()
