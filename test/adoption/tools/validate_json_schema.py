#!/usr/bin/env python3
"""validate_json_schema.py SCHEMA FILE

Validates FILE against the JSON Schema SCHEMA (python's jsonschema, from
this python or Debian's python3-jsonschema under /usr/bin/python3, which
scripts/install-deps.sh installs), and checks that the fingerprints of a
Code Quality report are unique, as GitLab requires. Prints "FILE: valid,
N issue(s)" or the problems, and exits 1 on any.
"""

import json
import os
import sys

try:
    import jsonschema
except ImportError:
    system = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(system) and \
            os.path.exists(system):
        os.execv(system, [system] + sys.argv)
    sys.exit("validate_json_schema: no jsonschema module; run "
             "scripts/install-deps.sh (python3-jsonschema)")


def main():
    schema_path, path = sys.argv[1], sys.argv[2]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(path) as f:
        data = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    problems = ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(root)",
                            e.message)
                for e in validator.iter_errors(data)]
    prints = [issue.get("fingerprint") for issue in data
              if isinstance(issue, dict)]
    dups = sorted({p for p in prints if prints.count(p) > 1})
    problems += ["fingerprint %s appears more than once" % p for p in dups]
    for p in problems:
        print("%s: %s" % (os.path.basename(path), p))
    if problems:
        return 1
    print("%s: valid, %d issue(s)" % (os.path.basename(path), len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
