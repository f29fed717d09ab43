"""Prints what a summary store (linked.json) binds each unit's calls to.

usage: linked_bindings.py LINKED.JSON ROOT

For each name that several definitions share ("definitions"), one line per
definition with its signature; then, for each unit (its main file relative
to ROOT) and each such name it calls, the signatures of the definitions its
calls bind to ("units"), in order.
"""

import json
import os
import sys


def main():
    path, root = sys.argv[1], sys.argv[2]
    with open(path) as f:
        linked = json.load(f)
    for config in linked["configurations"]:
        several = config.get("definitions", {})
        for usr in sorted(several):
            for d in several[usr]:
                print("definition %s %s" % (usr, d.get("signature", "")))
        for unit in sorted(config.get("units", {})):
            for usr, indexes in sorted(config["units"][unit].items()):
                sigs = [several[usr][i].get("signature", "") for i in indexes]
                print("unit %s %s -> %s" % (
                    os.path.relpath(unit, root), usr,
                    " ".join(sigs) if sigs else "none"))


if __name__ == "__main__":
    main()
