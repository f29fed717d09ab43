#!/usr/bin/env python3
"""Add a new sinkguard check in one go.

Writes the check's header and source (checks/<Class>.h, checks/<Class>.cpp),
a lit test (test/checkers/<check-id>/basic.c) and its documentation
(docs/checks/<check-id>.md), and registers it, in sorted order, in
checks/Checks.def, checks/SinkguardModule.cpp and checks/CMakeLists.txt (and
in a docs checks table, if docs/checks/README.md or docs/index.md has one).

The generated check matches calls to `sinkguard_placeholder_sink()`, a
function no real code declares, so it compiles and its test passes before the
real matchers are written.

Example:
  scripts/add-check.py sinkguard-unchecked-index \\
      --summary "Finds array indexes taken from untrusted input unchecked." \\
      --cwe 129,787 --asvs "V1.4.1 ..." --severity 8.1

Exit status: 0 on success, 2 when the arguments are invalid or the check
(or one of its files) already exists; nothing is written then.
"""

import argparse
import difflib
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK_ID_RE = re.compile(r"sinkguard-[a-z0-9]+(-[a-z0-9]+)*")
# Longer ids give header guards and banners that do not fit in 80 columns.
MAX_CHECK_ID = 50
PRECISIONS = ("very-high", "high", "medium", "low")
LEVELS = ("error", "warning", "note")
COLUMNS = 80
# The Engine column of the new row: the generated check has AST matchers of
# its own (a check that reads the taint engine derives from TaintCheckBase or
# RangeCheckBase and says Taint or Range there).
GENERATED_ENGINE = "Matchers"
PLACEHOLDER_SINK = "sinkguard_placeholder_sink"
PLACEHOLDER_CLEAN = "sinkguard_placeholder_clean"
DESCRIBE = "<!-- describe -->"
MODULE_ANCHOR = (
    "// Check headers, sorted; scripts/add-check.py keeps this list.")
DOCS_INDEXES = ("docs/checks/README.md", "docs/index.md")


class Refusal(Exception):
    """A reason not to touch the tree; reported with exit status 2."""


# --- Naming ------------------------------------------------------------------


def class_name(check_id):
    parts = check_id[len("sinkguard-"):].split("-")
    return "".join(p[:1].upper() + p[1:] for p in parts) + "Check"


def c_string(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


# --- Arguments ---------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="add-check.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "check_id", metavar="check-id",
        help="the new check's name, sinkguard-<kebab-case>, at most "
        f"{MAX_CHECK_ID} characters; the class is "
        "<CamelCase>Check (sinkguard-unchecked-index -> UncheckedIndexCheck)")
    parser.add_argument(
        "--summary", required=True,
        help="one sentence ending with a period: the class's doc comment, "
        "the Checks.def summary and the first line of the docs")
    parser.add_argument(
        "--cwe", required=True,
        help="comma-separated CWE numbers, e.g. 78 or 78,88")
    parser.add_argument(
        "--asvs", required=True,
        help='the OWASP ASVS 5.0 requirement the check supports, e.g. '
        '"V1.2.5 Use parameterized OS calls or escape shell metacharacters"')
    parser.add_argument(
        "--severity", default="7.5",
        help="security severity for code scanning, 0.1..10.0 "
        "(default: %(default)s)")
    parser.add_argument(
        "--precision", default="high", choices=PRECISIONS,
        help="how often a finding is a real problem (default: %(default)s)")
    parser.add_argument(
        "--level", default="warning", choices=LEVELS,
        help="default SARIF level (default: %(default)s)")
    parser.add_argument(
        "--dry-run", action="store_true",
        help="print the files that would be written and the changes that "
        "would be made, as diffs, and write nothing")
    args = parser.parse_args(argv)
    try:
        validate(args)
    except Refusal as e:
        parser.error(str(e))
    return args


def validate(args):
    if not CHECK_ID_RE.fullmatch(args.check_id):
        raise Refusal(
            f"check id '{args.check_id}' must match "
            f"sinkguard-[a-z0-9]+(-[a-z0-9]+)*, "
            f"e.g. sinkguard-unchecked-index")
    if len(args.check_id) > MAX_CHECK_ID:
        raise Refusal(f"check id '{args.check_id}' is longer than "
                      f"{MAX_CHECK_ID} characters")
    if not args.check_id[len("sinkguard-")].isalpha():
        raise Refusal(
            f"check id '{args.check_id}' must have a letter after "
            f"'sinkguard-': the class name {class_name(args.check_id)} "
            f"would not be a C++ identifier")

    for name in ("summary", "asvs"):
        value = getattr(args, name).strip()
        if not value:
            raise Refusal(f"--{name} must not be empty")
        if any(c in value for c in "\r\n"):
            raise Refusal(f"--{name} must be a single line")
        setattr(args, name, " ".join(value.split()))
    if not args.summary.endswith("."):
        raise Refusal(f"--summary must be one sentence ending with a period: "
                      f"'{args.summary}'")
    if not re.match(r"V\d+(\.\d+){2}\b", args.asvs):
        raise Refusal(f"--asvs must start with an ASVS requirement id such "
                      f"as V1.2.5: '{args.asvs}'")

    cwes = [c.strip() for c in args.cwe.split(",")]
    cwes = [c[4:] if c.upper().startswith("CWE-") else c for c in cwes]
    if not cwes or not all(re.fullmatch(r"[1-9][0-9]*", c) for c in cwes):
        raise Refusal(f"--cwe must be comma-separated CWE numbers such as "
                      f"78 or 78,88: '{args.cwe}'")
    if len(set(cwes)) != len(cwes):
        raise Refusal(f"--cwe lists a CWE twice: '{args.cwe}'")
    args.cwes = cwes

    if not re.fullmatch(r"\d{1,2}(\.\d)?", args.severity):
        raise Refusal(f"--severity must be a number from 0.1 to 10.0 with at "
                      f"most one decimal: '{args.severity}'")
    severity = float(args.severity)
    if not 0.1 <= severity <= 10.0:
        raise Refusal(f"--severity must be from 0.1 to 10.0: "
                      f"'{args.severity}'")
    args.severity = f"{severity:.1f}"


# --- Layout helpers ----------------------------------------------------------


def wrap_words(text, width):
    """Greedy word wrap; a word longer than width gets a line of its own."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def split_string_literal(text, width):
    """Split C string contents into pieces that fit "..." in width columns,
    breaking after spaces as clang-format does."""
    pieces, piece = [], ""
    for word in re.findall(r"\S+ *", text):
        if piece and len(piece) + len(word.rstrip()) + 2 > width:
            pieces.append(piece)
            piece = word
        else:
            piece += word
    pieces.append(piece)
    return [f'"{p}"' for p in pieces]


def banner(file_name, tag=""):
    """The LLVM file banner, padded with dashes to 80 columns."""
    head, tail = f"//===--- {file_name} ", f"{tag}===//"
    dashes = COLUMNS - len(head) - len(tail)
    return head + "-" * dashes + tail if dashes >= 3 else head + tail


def signature(prefix, params, suffix, indent=""):
    """A function head on one line, or broken the way clang-format's LLVM
    style breaks it: aligned after the parenthesis, else after it."""
    one = f"{indent}{prefix}({params}){suffix}"
    if len(one) <= COLUMNS:
        return one
    if "," in params:
        first, rest = params.split(", ", 1)
        align = " " * len(f"{indent}{prefix}(")
        head, tail = f"{indent}{prefix}({first},", f"{align}{rest}){suffix}"
        if len(head) <= COLUMNS and len(tail) <= COLUMNS:
            return f"{head}\n{tail}"
    return f"{indent}{prefix}(\n{indent}    {params}){suffix}"


# --- Generated files ---------------------------------------------------------


def check_header(c):
    cls = c.cls
    guard = f"SINKGUARD_CHECKS_{cls.upper()}_H"
    doc = "\n".join(f"/// {l}" for l in wrap_words(c.summary, COLUMNS - 4))
    ctor = signature(cls, "StringRef Name, ClangTidyContext *Context", ";",
                     indent="  ")
    return f"""\
{banner(cls + ".h", "*- C++ -*-")}

#ifndef {guard}
#define {guard}

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::sinkguard {{

{doc}
///
/// For the user-facing documentation see:
/// docs/checks/{c.id}.md
class {cls} : public ClangTidyCheck {{
public:
{ctor}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
}};

}} // namespace clang::tidy::sinkguard

#endif
"""


def check_source(c):
    cls = c.cls
    params = "StringRef Name, ClangTidyContext *Context"
    if len(f"{cls}::{cls}(") <= COLUMNS:
        ctor = signature(f"{cls}::{cls}", params, "")
    else:
        ctor = f"{cls}::\n" + signature(cls, params, "", indent="    ")
    register = signature(f"void {cls}::registerMatchers",
                         "MatchFinder *Finder", " {")
    check = signature(f"void {cls}::check",
                      "const MatchFinder::MatchResult &Result", " {")
    return f"""\
{banner(cls + ".cpp")}

#include "{cls}.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::sinkguard {{

{ctor}
    : ClangTidyCheck(Name, Context) {{}}

{register}
  // Scaffolding from scripts/add-check.py: no real code declares the
  // placeholder sink, so this matches nothing until the real sinks replace it.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasName("::{PLACEHOLDER_SINK}"))
                          .bind("sink")))
          .bind("call"),
      this);
}}

{check}
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Sink = Result.Nodes.getNodeAs<FunctionDecl>("sink");
  if (!Call || !Sink)
    return;
  diag(Call->getBeginLoc(), "call to placeholder sink '%0'")
      << Sink->getName() << Call->getSourceRange();
}}

}} // namespace clang::tidy::sinkguard
"""


def check_test(c):
    return f"""\
// RUN: %check_sinkguard %s {c.id} %t

// Scaffolding from scripts/add-check.py: replace the placeholder calls with
// the cases this check is about, one aspect per file.

void {PLACEHOLDER_SINK}(void);
void {PLACEHOLDER_CLEAN}(void);

void flagged(void) {{
  {PLACEHOLDER_SINK}();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to placeholder sink '{PLACEHOLDER_SINK}' [{c.id}]
}}

void clean(void) {{
  {PLACEHOLDER_CLEAN}();
}}
"""


def cwe_url(n):
    return f"https://cwe.mitre.org/data/definitions/{n}.html"


def check_docs(c):
    cwes = "\n".join(f"- [CWE-{n}]({cwe_url(n)})" for n in c.cwes)
    return f"""\
{c.summary}

{DESCRIBE} What the check looks for and how it decides, in a paragraph.

## Why it matters

{DESCRIBE} What an attacker gains when the flagged code ships.

{cwes}
- OWASP ASVS 5.0: {c.asvs}

## Flagged

{DESCRIBE} A realistic example; the placeholder below is the generated test's
flagged case.

```c
void {PLACEHOLDER_SINK}(void);

void flagged(void) {{
  {PLACEHOLDER_SINK}(); // warning: call to placeholder sink
}}
```

## Clean

{DESCRIBE} The safe rewrite of the flagged example.

```c
void {PLACEHOLDER_CLEAN}(void);

void clean(void) {{
  {PLACEHOLDER_CLEAN}();
}}
```

## Options

None yet.

{DESCRIBE} One entry per option, `{c.id}.<Option>`, stating its default.

## Suppressing findings

{DESCRIBE} The rewrite to prefer over suppressing a finding.

A finding that has been reviewed and is safe can be silenced with clang-tidy's
comments, naming the check so that other findings still show:

```c
{PLACEHOLDER_SINK}(); // NOLINT({c.id})

// NOLINTNEXTLINE({c.id})
{PLACEHOLDER_SINK}();

// NOLINTBEGIN({c.id})
{PLACEHOLDER_SINK}();
{PLACEHOLDER_SINK}();
// NOLINTEND({c.id})
```
"""


# --- Registrations -----------------------------------------------------------


def checks_def_row(c):
    """The Checks.def row, laid out as clang-format (LLVM style) lays out
    macro calls: arguments packed into 80 columns, aligned after the
    parenthesis or, when that overflows or splits the summary into more
    literals, after a break with a 4-column indent. A summary split over
    several literals gets lines of its own."""
    args = [f'"{c.id}"', c.cls, f'"{c.cls}.h"', c_string(c.summary),
            f'"{",".join(c.cwes)}"', f'"{c_string(c.asvs)}"',
            f'"{c.severity}"', f'"{c.precision}"', f'"{c.level}"',
            GENERATED_ENGINE]
    head = "SINKGUARD_CHECK("
    aligned = pack_call_args(head, args, 3, " " * len(head), True)
    broken = pack_call_args(head, args, 3, " " * 4, False)
    fits = all(len(line) <= COLUMNS for line in aligned[1])
    if fits and aligned[0] <= broken[0]:
        return aligned[1]
    return broken[1]


def pack_call_args(head, args, string_arg, indent, first_on_head):
    """Pack args after head; args[string_arg] is raw C string contents that
    may be split. Returns (number of literals it was split into, lines)."""
    pieces = split_string_literal(args[string_arg], COLUMNS - len(indent) - 1)
    lines, line = [], head if first_on_head else ""
    if not first_on_head:
        lines.append(head)
    for i, arg in enumerate(args):
        end = ")" if i == len(args) - 1 else ","
        if i == string_arg and len(pieces) > 1:
            if line.strip():
                lines.append(line)
            lines += [indent + piece for piece in pieces[:-1]]
            lines.append(indent + pieces[-1] + end)
            line = ""
            continue
        if i == string_arg:
            arg = pieces[0]
        if line == head:
            candidate = f"{line}{arg}{end}"
        else:
            candidate = f"{line} {arg}{end}" if line else f"{indent}{arg}{end}"
        if len(candidate) <= COLUMNS or not line or line == head:
            line = candidate
        else:
            lines.append(line)
            line = f"{indent}{arg}{end}"
    if line:
        lines.append(line)
    return len(pieces), lines


def insert_checks_def(text, c):
    lines = text.split("\n")
    rows = []  # (id, class, first line, last line)
    i = 0
    while i < len(lines):
        if lines[i].startswith("SINKGUARD_CHECK("):
            start = i
            while not lines[i].rstrip().endswith(")"):
                i += 1
                if i == len(lines):
                    raise Refusal("checks/Checks.def: a SINKGUARD_CHECK row "
                                  "is not closed")
            row = " ".join(lines[start:i + 1])
            m = re.match(r'SINKGUARD_CHECK\(\s*"([^"]+)"\s*,\s*(\w+)', row)
            if not m:
                raise Refusal(f"checks/Checks.def:{start + 1}: cannot read "
                              f"the check id of this row")
            rows.append((m.group(1), m.group(2), start, i))
        i += 1
    for row_id, row_class, start, _ in rows:
        if row_id == c.id:
            raise Refusal(f"check '{c.id}' already exists "
                          f"(checks/Checks.def:{start + 1})")
        if row_class == c.cls:
            raise Refusal(f"class {c.cls} is already used by '{row_id}' "
                          f"(checks/Checks.def:{start + 1})")
    new = checks_def_row(c)
    after = [r for r in rows if r[0] > c.id]
    if after:
        at = after[0][2]
        lines[at:at] = new + [""]
    elif rows:
        at = rows[-1][3] + 1
        lines[at:at] = [""] + new
    else:
        try:
            at = lines.index("#undef SINKGUARD_CHECK")
        except ValueError:
            raise Refusal("checks/Checks.def: no '#undef SINKGUARD_CHECK' "
                          "line to add the first row before")
        lines[at:at] = new + [""]
    return "\n".join(lines)


def insert_sorted(lines, start, end, new_line, key, what):
    """Insert new_line into lines[start:end], which is sorted by key."""
    existing = lines[start:end]
    if new_line in existing:
        raise Refusal(f"{what} already lists '{new_line.strip()}'")
    at = end
    for i in range(start, end):
        if key(lines[i]) > key(new_line):
            at = i
            break
    lines.insert(at, new_line)


def insert_module_include(text, c):
    lines = text.split("\n")
    if MODULE_ANCHOR not in lines:
        raise Refusal(f"checks/SinkguardModule.cpp: the line "
                      f"'{MODULE_ANCHOR}' is missing")
    start = lines.index(MODULE_ANCHOR) + 1
    end = start
    while end < len(lines) and lines[end].startswith('#include "'):
        end += 1
    insert_sorted(lines, start, end, f'#include "{c.cls}.h"', str.strip,
                  "checks/SinkguardModule.cpp")
    return "\n".join(lines)


def insert_cmake_source(text, c):
    lines = text.split("\n")
    head = [i for i, l in enumerate(lines)
            if re.match(r"\s*add_library\(sinkguardChecks\s+OBJECT\s*$", l)]
    if len(head) != 1:
        raise Refusal("checks/CMakeLists.txt: no 'add_library(sinkguardChecks "
                      "OBJECT' with one source per line")
    start = head[0] + 1
    end = start
    while end < len(lines) and lines[end].strip() != ")":
        if not lines[end].strip().endswith(".cpp"):
            raise Refusal(f"checks/CMakeLists.txt:{end + 1}: expected one "
                          f"source file per line in sinkguardChecks")
        end += 1
    # The module comes first; the check sources after it are kept sorted.
    if start < end and lines[start].strip() == "SinkguardModule.cpp":
        start += 1
    indent = re.match(r"\s*", lines[start] if start < end else "  ").group()
    insert_sorted(lines, start, end, f"{indent}{c.cls}.cpp", str.strip,
                  "checks/CMakeLists.txt")
    return "\n".join(lines)


def table_cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def docs_index_row(header, example, c, index_path):
    link = os.path.relpath(ROOT / "docs" / "checks" / f"{c.id}.md",
                           (ROOT / index_path).parent)
    if example:
        m = re.search(r"\]\(([^)]*)\)", example[0])
        old = re.search(r"sinkguard-[a-z0-9-]+", example[0])
        if m and old:
            link = m.group(1).replace(old.group(), c.id)
    values = []
    for i, name in enumerate(h.lower() for h in header):
        if i == 0 or name in ("check", "id", "name"):
            value = f"[{c.id}]({link})"
        elif ("summary" in name or "description" in name
              or name.startswith("what")):
            value = c.summary
        elif "cwe" in name:
            value = ", ".join(f"CWE-{n}" for n in c.cwes)
        elif "asvs" in name:
            value = c.asvs
        elif "severity" in name:
            value = c.severity
        elif "precision" in name:
            value = c.precision
        elif "level" in name:
            value = c.level
        else:
            value = DESCRIBE
        values.append(value.replace("|", "\\|"))
    return "| " + " | ".join(values) + " |"


def insert_docs_index(text, c, index_path):
    """Add a row to the first Markdown table whose first column names checks;
    None when the file has no such table."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if not (lines[i].lstrip().startswith("|")
                and re.fullmatch(r"\s*\|?[\s:|-]*-[\s:|-]*", lines[i + 1])):
            continue
        header = table_cells(lines[i])
        if "check" not in header[0].lower():
            continue
        start = end = i + 2
        while end < len(lines) and lines[end].lstrip().startswith("|"):
            end += 1
        ids = {}
        for j in range(start, end):
            m = re.search(r"sinkguard-[a-z0-9-]+", table_cells(lines[j])[0])
            ids[j] = m.group() if m else ""
        if c.id in ids.values():
            raise Refusal(f"{index_path} already lists '{c.id}'")
        example = [table_cells(lines[j])[0] for j in range(start, end)
                   if ids[j]]
        row = docs_index_row(header, example, c, index_path)
        at = next((j for j in range(start, end) if ids[j] > c.id), end)
        lines.insert(at, row)
        return "\n".join(lines)
    return None


# --- Driver ------------------------------------------------------------------


class NewCheck:
    def __init__(self, args):
        self.id = args.check_id
        self.cls = class_name(args.check_id)
        self.summary = args.summary
        self.cwes = args.cwes
        self.asvs = args.asvs
        self.severity = args.severity
        self.precision = args.precision
        self.level = args.level


def plan(c):
    """Every file to create and every file to change, as {path: (old, new)};
    old is None for a new file. Raises Refusal before anything is written."""
    created = {
        f"checks/{c.cls}.h": check_header(c),
        f"checks/{c.cls}.cpp": check_source(c),
        f"test/checkers/{c.id}/basic.c": check_test(c),
        f"docs/checks/{c.id}.md": check_docs(c),
    }
    edits = {
        "checks/Checks.def": insert_checks_def,
        "checks/SinkguardModule.cpp": insert_module_include,
        "checks/CMakeLists.txt": insert_cmake_source,
    }
    changes = {}
    for path, edit in edits.items():
        try:
            old = (ROOT / path).read_text(encoding="utf-8")
        except OSError as e:
            raise Refusal(f"cannot read {path}: {e.strerror}")
        changes[path] = (old, edit(old, c))
    for path in DOCS_INDEXES:
        if (ROOT / path).is_file():
            old = (ROOT / path).read_text(encoding="utf-8")
            new = insert_docs_index(old, c, path)
            if new is not None:
                changes[path] = (old, new)
    existing = [p for p in created if (ROOT / p).exists()]
    if existing:
        raise Refusal("refusing to overwrite " + ", ".join(existing))
    for path, text in created.items():
        changes[path] = (None, text)
    return changes


def show_diff(path, old, new):
    diff = difflib.unified_diff(
        [] if old is None else old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile="/dev/null" if old is None else f"a/{path}",
        tofile=f"b/{path}")
    sys.stdout.writelines(diff)


def apply(changes):
    """Write every file; on failure, undo what was already written."""
    done = []
    try:
        for path, (old, new) in changes.items():
            target = ROOT / path
            made_dir = None
            if old is None and not target.parent.is_dir():
                made_dir = target.parent
                while not made_dir.parent.is_dir():
                    made_dir = made_dir.parent
                target.parent.mkdir(parents=True)
            tmp = target.with_name(f".{target.name}.add-check.tmp")
            # Recorded first, so that a failure below is undone too.
            done.append((target, old, made_dir, tmp))
            tmp.write_text(new, encoding="utf-8")
            if old is not None:
                os.chmod(tmp, target.stat().st_mode)
            os.replace(tmp, target)
    except OSError as e:
        for target, old, made_dir, tmp in reversed(done):
            tmp.unlink(missing_ok=True)
            if old is not None:
                target.write_text(old, encoding="utf-8")
                continue
            target.unlink(missing_ok=True)
            if made_dir:
                for d in [target.parent, *target.parent.parents]:
                    d.rmdir()
                    if d == made_dir:
                        break
        raise Refusal(f"could not write {e.filename}: {e.strerror}; "
                      f"undid the changes already made")


def main(argv):
    args = parse_args(argv)
    c = NewCheck(args)
    try:
        changes = plan(c)
    except Refusal as e:
        print(f"add-check.py: error: {e}; nothing written", file=sys.stderr)
        return 2

    if args.dry_run:
        for path, (old, new) in changes.items():
            show_diff(path, old, new)
        print(f"\nDry run: nothing written. {c.id} would be {c.cls}.")
        return 0

    try:
        apply(changes)
    except Refusal as e:
        print(f"add-check.py: error: {e}", file=sys.stderr)
        return 1

    created = [p for p, (old, _) in changes.items() if old is None]
    changed = [p for p, (old, _) in changes.items() if old is not None]
    print(f"Added {c.id} ({c.cls}; CWE-{', CWE-'.join(c.cwes)}; severity "
          f"{c.severity}, precision {c.precision}, level {c.level}).")
    print("Created:\n" + "".join(f"  {p}\n" for p in created), end="")
    print("Registered in:\n" + "".join(f"  {p}\n" for p in changed), end="")
    print(f"""Next steps:
  1. Replace the placeholder matcher and diagnostic with the real ones:
       checks/{c.cls}.cpp
  2. Replace the placeholder test cases, one file per aspect, each with a
     clean counter-example:
       test/checkers/{c.id}/basic.c
  3. Fill in every '{DESCRIBE}':
       docs/checks/{c.id}.md
  4. Build and test: ninja -C build check-sinkguard""")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
