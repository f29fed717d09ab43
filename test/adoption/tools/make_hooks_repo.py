"""Makes a hooks repository for pre-commit, as a user's configuration names
sinkguard's: a git repository at REPO holding HOOKS (this checkout's
.pre-commit-hooks.yaml) in one commit, and writes CONFIG, a
.pre-commit-config.yaml that uses its `sinkguard` hook at that commit.

usage: make_hooks_repo.py HOOKS REPO CONFIG [ARG...]

ARGs are the hook's `args:` (e.g. -p build). Fails with a clear message
when pre-commit or git is missing (scripts/install-deps.sh installs both).
"""

import json
import os
import shutil
import subprocess
import sys


def main():
    hooks, repo, config, args = (sys.argv[1], sys.argv[2], sys.argv[3],
                                 sys.argv[4:])
    for tool in ("pre-commit", "git"):
        if not shutil.which(tool):
            sys.exit("make_hooks_repo: '%s' is not installed; "
                     "scripts/install-deps.sh installs it" % tool)
    os.makedirs(repo, exist_ok=True)

    def git(*argv):
        return subprocess.run(["git", "-C", repo] + list(argv), check=True,
                              stdout=subprocess.PIPE, text=True).stdout

    git("-c", "init.defaultBranch=main", "init", "-q")
    shutil.copyfile(hooks, os.path.join(repo, ".pre-commit-hooks.yaml"))
    git("add", ".pre-commit-hooks.yaml")
    git("commit", "-q", "-m", "sinkguard's hooks")
    rev = git("rev-parse", "HEAD").strip()
    with open(config, "w") as f:
        f.write("repos:\n"
                "  - repo: %s\n"
                "    rev: %s\n"
                "    hooks:\n"
                "      - id: sinkguard\n" % (json.dumps(repo), rev))
        if args:
            f.write("        args: [%s]\n" % ", ".join(json.dumps(a)
                                                     for a in args))


if __name__ == "__main__":
    main()
