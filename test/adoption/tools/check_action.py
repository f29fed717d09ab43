#!/usr/bin/env python3
"""check_action.py ACTION [--uses=REF] [--no-yaml] [FILE...]

Lints a composite GitHub Action's metadata file (action.yml), which
actionlint does not lint:

- required keys: name, description, runs.using (composite) and runs.steps;
  every input has a description (and a default unless it is required),
  every output a description and a value;
- every step has `run:` or `uses:` (not both); a `run:` step has `shell:`;
- no `${{ ... }}` in the text of a `run:` (script injection: inputs and
  step outputs reach the shell through `env:`);
- every `inputs.<name>` used anywhere is declared, and every declared input
  is used;
- every `steps.<id>.outputs.<name>` names the id of an earlier step (or,
  in outputs:, of a step);
- a script that a `run:` names below `$GITHUB_ACTION_PATH` exists next to
  ACTION, and each variable of the step's `env:` appears in it.

FILEs are workflows (.yml) or Markdown documents whose ```yaml blocks are
workflows or lists of steps: every step that `uses:` REF (default ./.sinkguard, the action
checked out into .sinkguard) may only give declared inputs in `with:`,
must give the required ones, and its `steps.<id>.outputs.<name>` must be
declared outputs.

YAML is read with python3's yaml module when there is one, otherwise (or
with --no-yaml) with a small parser of the subset such files use: block
mappings and sequences, plain and quoted scalars, `|` and `>` blocks, and
flow collections of scalars.

Prints `<file>:<line>: <message>` per problem and a summary line; exits 1
when there is a problem.
"""
import argparse
import os
import re
import sys

try:
    import yaml
except ImportError:  # pyyaml is optional
    yaml = None


# --- A minimal YAML reader ---------------------------------------------------

class Node:
    """A value with the line it starts on (1-based)."""

    def __init__(self, value, line):
        self.value = value
        self.line = line


class MiniYamlError(ValueError):
    pass


def strip_comment(text):
    """`text` without a trailing `# comment` (not inside quotes)."""
    quote = None
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"" and (i == 0 or text[i - 1] in " \t[{,:"):
            quote = c
        elif c == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return bytes(text[1:-1], "utf-8").decode("unicode_escape")
    return text


def flow(text, line):
    """A flow sequence or mapping of scalars (nested ones too)."""
    pos = 0

    def value():
        nonlocal pos
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if pos < len(text) and text[pos] in "[{":
            close = "]" if text[pos] == "[" else "}"
            is_map = text[pos] == "{"
            pos += 1
            items = {} if is_map else []
            while True:
                while pos < len(text) and text[pos] in " ,":
                    pos += 1
                if pos >= len(text):
                    raise MiniYamlError("line %d: unclosed flow collection"
                                        % line)
                if text[pos] == close:
                    pos += 1
                    return Node(items, line)
                if is_map:
                    key = token(":")
                    pos += 1
                    items[scalar(key)] = value()
                else:
                    items.append(value())
        return Node(scalar(token(",]}")), line)

    def token(stops):
        nonlocal pos
        start, quote = pos, None
        while pos < len(text):
            c = text[pos]
            if quote:
                if c == quote:
                    quote = None
            elif c in "'\"" and pos == start:
                quote = c
            elif c in stops and (c != ":" or text[pos + 1:pos + 2] in ("", " ")):
                break
            pos += 1
        return text[start:pos]

    result = value()
    if text[pos:].strip():
        raise MiniYamlError("line %d: text after a flow collection" % line)
    return result


def mini_yaml(text):
    """Parses the subset of YAML described in the module's docstring into
    Nodes (dicts of str -> Node, lists of Node, str)."""
    lines = []   # (line number, indent, content)
    raw = text.split("\n")
    for number, line in enumerate(raw, 1):
        if "\t" in line[:len(line) - len(line.lstrip())]:
            raise MiniYamlError("line %d: a tab in the indentation" % number)
        lines.append((number, len(line) - len(line.lstrip(" ")), line))

    pos = 0

    def skip_blank():
        nonlocal pos
        while pos < len(lines) and not strip_comment(lines[pos][2]).strip():
            pos += 1

    def block_scalar(header, indent, number):
        """The `|`/`>` block after header, its lines indented > indent."""
        nonlocal pos
        body, block_indent = [], None
        while pos < len(lines):
            n, ind, line = lines[pos]
            if line.strip() and ind <= indent:
                break
            if line.strip() and block_indent is None:
                block_indent = ind
            body.append(line[block_indent:] if block_indent and line.strip()
                        else "")
            pos += 1
        while body and not body[-1]:
            body.pop()
        if header.startswith(">"):
            out, para = [], []
            for l in body:
                if l and not l.startswith(" "):
                    para.append(l)
                else:
                    if para:
                        out.append(" ".join(para))
                        para = []
                    out.append(l)
            if para:
                out.append(" ".join(para))
            value = "\n".join(out)
        else:
            value = "\n".join(body)
        if not header.endswith("-"):
            value += "\n"
        return Node(value, number)

    def inline(rest, indent, number):
        """The value after `key:` or `- ` on the same line."""
        rest = strip_comment(rest).strip()
        if rest.startswith(("|", ">")):
            return block_scalar(rest, indent, number)
        if rest.startswith(("[", "{")):
            return flow(rest, number)
        if rest in ("", "~", "null"):
            skip_blank()
            if pos < len(lines) and (lines[pos][1] > indent or (
                    lines[pos][1] == indent and
                    lines[pos][2].lstrip().startswith("- "))):
                return block(lines[pos][1])
            return Node(None, number)
        return Node(scalar(rest), number)

    def block(indent):
        nonlocal pos
        skip_blank()
        number, ind, line = lines[pos]
        content = strip_comment(line).strip()
        if content.startswith("- ") or content == "-":
            items = []
            while True:
                skip_blank()
                if pos >= len(lines):
                    break
                number, ind, line = lines[pos]
                content = line.strip()
                if ind != indent or not (content.startswith("- ") or
                                         content == "-"):
                    break
                rest = line[ind + 1:]
                inner = len(rest) - len(rest.lstrip(" "))
                if re.match(r"^\s*[^\s'\"#\[{][^:#]*:(\s|$)", rest) or \
                        re.match(r"^\s*(['\"]).*?\1:(\s|$)", rest):
                    # `- key: value`: a mapping indented after the dash.
                    lines[pos] = (number, ind + 1 + inner,
                                  " " * (ind + 1 + inner) + rest.lstrip(" "))
                    items.append(block(ind + 1 + inner))
                else:
                    pos += 1
                    items.append(inline(rest, ind, number))
            return Node(items, lines[pos - 1][0] if items else number)
        mapping, start = {}, number
        while True:
            skip_blank()
            if pos >= len(lines):
                break
            number, ind, line = lines[pos]
            if ind < indent:
                break
            if ind > indent:
                raise MiniYamlError("line %d: unexpected indentation" % number)
            m = re.match(r"""^\s*((?:'[^']*')|(?:"[^"]*")|[^\s'"#][^:#]*?)"""
                         r"""\s*:(?:\s+(.*))?$""", line)
            if not m:
                if line.strip().startswith("- "):
                    break
                raise MiniYamlError("line %d: not a `key: value`" % number)
            key = scalar(m.group(1))
            if key in mapping:
                raise MiniYamlError("line %d: duplicate key %r" % (number, key))
            pos += 1
            mapping[key] = inline(m.group(2) or "", ind, number)
        return Node(mapping, start)

    skip_blank()
    if pos >= len(lines):
        return Node(None, 1)
    root = block(lines[pos][1])
    skip_blank()
    if pos < len(lines):
        raise MiniYamlError("line %d: unexpected text" % lines[pos][0])
    return root


def from_pyyaml(node):
    """pyyaml's node graph as Nodes."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return Node({str(k.value): from_pyyaml(v) for k, v in node.value},
                    line)
    if isinstance(node, yaml.SequenceNode):
        return Node([from_pyyaml(v) for v in node.value], line)
    value = node.value
    if node.tag.endswith(":null"):
        value = None
    return Node(value, line)


def load(text, use_yaml):
    if use_yaml and yaml is not None:
        try:
            node = yaml.compose(text)
        except yaml.YAMLError as e:
            raise ValueError(str(e))
        return from_pyyaml(node) if node is not None else Node(None, 1)
    return mini_yaml(text)


def plain(node):
    """Nodes as plain Python values (for comparing the two readers)."""
    if node is None:
        return None
    if isinstance(node.value, dict):
        return {k: plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [plain(v) for v in node.value]
    return node.value


# --- The checks --------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
INPUT_REF = re.compile(r"\binputs\.([A-Za-z_][\w-]*)")
STEP_REF = re.compile(r"\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)")
SCRIPT = re.compile(r"""\$\{?GITHUB_ACTION_PATH\}?/([^\s'"]+)""")


class Checker:
    def __init__(self):
        self.problems = []

    def problem(self, path, line, message):
        self.problems.append((path, line, message))

    def mapping(self, node):
        return node.value if node is not None and \
            isinstance(node.value, dict) else {}

    def walk(self, node, where=""):
        """(node, key path) of every scalar below node."""
        if node is None:
            return
        if isinstance(node.value, dict):
            for k, v in node.value.items():
                yield from self.walk(v, where + "." + k)
        elif isinstance(node.value, list):
            for v in node.value:
                yield from self.walk(v, where + "[]")
        elif isinstance(node.value, str):
            yield node, where

    def check_action(self, path, root):
        action_dir = os.path.dirname(os.path.abspath(path))
        top = self.mapping(root)
        for key in ("name", "description", "runs"):
            if key not in top:
                self.problem(path, 1, "the required key '%s' is missing" % key)
        runs = self.mapping(top.get("runs"))
        using = runs.get("using")
        if using is None or using.value != "composite":
            self.problem(path, (using or top.get("runs") or root).line,
                         "runs.using is not 'composite'")
        inputs = self.mapping(top.get("inputs"))
        for name, spec in inputs.items():
            fields = self.mapping(spec)
            if "description" not in fields:
                self.problem(path, spec.line,
                             "input '%s' has no description" % name)
            required = fields.get("required")
            if "default" not in fields and not (
                    required is not None and
                    str(required.value).lower() == "true"):
                self.problem(path, spec.line, "input '%s' is optional but "
                             "has no default" % name)
        outputs = self.mapping(top.get("outputs"))
        for name, spec in outputs.items():
            fields = self.mapping(spec)
            for key in ("description", "value"):
                if key not in fields:
                    self.problem(path, spec.line,
                                 "output '%s' has no %s" % (name, key))
        steps = runs.get("steps")
        if steps is None or not isinstance(steps.value, list) or \
                not steps.value:
            self.problem(path, (steps or top.get("runs") or root).line,
                         "runs.steps is missing or empty")
            steps_list = []
        else:
            steps_list = steps.value

        used_inputs = set()
        ids = {}   # id -> index of the step

        def references(node, where, index):
            """Checks the expressions of node's scalars used by step index
            (None: outside the steps)."""
            for scalar_node, key in self.walk(node, where):
                exprs = EXPRESSION.findall(scalar_node.value)
                if key.endswith(".if") and not exprs:
                    exprs = [scalar_node.value]   # if: without ${{ }}
                for expr in exprs:
                    for m in INPUT_REF.finditer(expr):
                        used_inputs.add(m.group(1))
                        if m.group(1) not in inputs:
                            self.problem(path, scalar_node.line,
                                         "input '%s' is used but not "
                                         "declared" % m.group(1))
                    for m in STEP_REF.finditer(expr):
                        step = ids.get(m.group(1))
                        if step is None or (index is not None and
                                            step >= index):
                            self.problem(path, scalar_node.line,
                                         "steps.%s is not an earlier step "
                                         "(%s)" % (m.group(1), key))

        for index, step in enumerate(steps_list):
            fields = self.mapping(step)
            if "id" in fields:
                ids.setdefault(str(fields["id"].value), index)
        # Ids are known in order: a reference must be to an earlier step.
        for index, step in enumerate(steps_list):
            fields = self.mapping(step)
            label = "step %d%s" % (index + 1, " (%s)" % fields["name"].value
                                   if "name" in fields else "")
            if not fields:
                self.problem(path, step.line, "%s is not a mapping" % label)
                continue
            if ("run" in fields) == ("uses" in fields):
                self.problem(path, step.line, "%s must have either run: or "
                             "uses:" % label)
            if "run" in fields and "shell" not in fields:
                self.problem(path, step.line, "%s has run: but no shell: "
                             "(a composite action's run steps need one)"
                             % label)
            for key, value in fields.items():
                if key == "run":
                    continue
                references(value, label + "." + key, index)
            run = fields.get("run")
            if run is None or not isinstance(run.value, str):
                continue
            for m in EXPRESSION.finditer(run.value):
                self.problem(path, run.line, "%s: an expression in run: "
                             "('${{%s}}'); pass it through env:"
                             % (label, m.group(1)))
                for r in INPUT_REF.finditer(m.group(1)):
                    used_inputs.add(r.group(1))
            env = self.mapping(fields.get("env"))
            for m in SCRIPT.finditer(run.value):
                script = os.path.join(action_dir, m.group(1))
                if not os.path.isfile(script):
                    self.problem(path, run.line, "%s runs %s, which does not "
                                 "exist" % (label, m.group(1)))
                    continue
                with open(script, encoding="utf-8") as f:
                    text = f.read()
                for var, value in env.items():
                    if not re.search(r"\b%s\b" % re.escape(var), text) and \
                            var not in run.value.replace(m.group(0), ""):
                        self.problem(path, value.line, "%s: env %s is not "
                                     "read by %s" % (label, var, m.group(1)))
        references(top.get("outputs"), "outputs", None)
        for name, spec in inputs.items():
            if name not in used_inputs:
                self.problem(path, spec.line,
                             "input '%s' is declared but never used" % name)
        return inputs, outputs

    def workflow_blocks(self, path):
        """(text, first line) of each workflow in a .yml or .md file."""
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not path.endswith(".md"):
            return [(text, 1)]
        blocks, lines, i = [], text.split("\n"), 0
        while i < len(lines):
            m = re.match(r"^(\s*)```\s*ya?ml\s*$", lines[i])
            if not m:
                i += 1
                continue
            j = i + 1
            while j < len(lines) and not re.match(r"^\s*```\s*$", lines[j]):
                j += 1
            indent = len(m.group(1))
            body = [l[indent:] if l[:indent].strip() == "" else l
                    for l in lines[i + 1:j]]
            blocks.append(("\n".join(body) + "\n", i + 2))
            i = j + 1
        return blocks

    def check_workflow(self, path, inputs, outputs, ref, use_yaml):
        uses_count = 0
        for text, first in self.workflow_blocks(path):
            if ref not in text:
                continue
            try:
                root = load(text, use_yaml)
            except ValueError as e:
                self.problem(path, first, "a YAML block that cannot be read: "
                             "%s" % e)
                continue
            jobs = list(self.mapping(self.mapping(root).get("jobs")).values())
            if isinstance(root.value, list):   # a fragment: a list of steps
                jobs = [Node({"steps": root}, root.line)]
            for job in jobs:
                steps = self.mapping(job).get("steps")
                steps = steps.value if steps is not None and \
                    isinstance(steps.value, list) else []
                ids = {}
                for step in steps:
                    fields = self.mapping(step)
                    uses = fields.get("uses")
                    if uses is None or uses.value != ref:
                        continue
                    uses_count += 1
                    if "id" in fields:
                        ids[str(fields["id"].value)] = True
                    given = self.mapping(fields.get("with"))
                    for name, value in given.items():
                        if name not in inputs:
                            self.problem(path, first + value.line - 1,
                                         "with: %s is not an input of the "
                                         "action" % name)
                    for name, spec in inputs.items():
                        req = self.mapping(spec).get("required")
                        if req is not None and \
                                str(req.value).lower() == "true" and \
                                name not in given:
                            self.problem(path, first + step.line - 1,
                                         "the required input %s is not "
                                         "given" % name)
                for node, _ in self.walk(job):
                    for expr in EXPRESSION.findall(node.value):
                        for m in STEP_REF.finditer(expr):
                            if m.group(1) in ids and m.group(2) not in outputs:
                                self.problem(path, first + node.line - 1,
                                             "steps.%s.outputs.%s is not an "
                                             "output of the action"
                                             % (m.group(1), m.group(2)))
        return uses_count


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("action")
    p.add_argument("files", nargs="*")
    p.add_argument("--uses", default="./.sinkguard")
    p.add_argument("--no-yaml", action="store_true",
                   help="use the small parser even when pyyaml is there")
    p.add_argument("--dump", action="store_true",
                   help="print the action as JSON (to compare the readers)")
    a = p.parse_args()
    use_yaml = not a.no_yaml
    c = Checker()
    with open(a.action, encoding="utf-8") as f:
        text = f.read()
    try:
        root = load(text, use_yaml)
    except ValueError as e:
        print("%s:1: cannot read the YAML: %s" % (a.action, e))
        return 1
    if a.dump:
        import json
        print(json.dumps(plain(root), indent=1, sort_keys=True))
        return 0
    inputs, outputs = c.check_action(a.action, root)
    uses = 0
    for path in a.files:
        uses += c.check_workflow(path, inputs, outputs, a.uses, use_yaml)
    for path, line, message in sorted(c.problems, key=lambda x: x[:2]):
        print("%s:%d: %s" % (path, line, message))
    print("check_action: %s (%s): %d input(s), %d output(s); %d use(s) of %s "
          "in %d file(s): %d problem(s)"
          % (a.action, "pyyaml" if use_yaml and yaml else "mini parser",
             len(inputs), len(outputs), uses, a.uses, len(a.files),
             len(c.problems)))
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
