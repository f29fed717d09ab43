"""How lit runs sinkguard's binaries in a sanitizer build
(SINKGUARD_SANITIZE, docs/fuzzing.md): the features that tests can require
and the sanitizers' options, for the lit suite and for the unit tests
(test/unit), which are suites of their own.

allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons and unpoisons its
slabs in inline header code. Our objects carry instrumented copies, Debian's
libraries uninstrumented ones, and the linker keeps one of each function:
a slab poisoned by one copy is handed out by the other without unpoisoning
(a false use-after-poison in clangd's own code). Leaks are detected: no
test leaks, stock clang-tidy with the plugin included. UBSan stops at the
first error, so the test that ran into it fails.
"""

import os

SANITIZER_ASAN_OPTIONS = "detect_leaks=1:allow_user_poisoning=0"
SANITIZER_UBSAN_OPTIONS = "print_stacktrace=1:halt_on_error=1"


def apply_sanitizers(config, sanitizers_string):
    """Adds the features "asan" and "ubsan" for the sanitizers in the
    comma-separated \\p sanitizers_string and sets their options in the
    tests' environment (the caller's own options win); returns the list."""
    sanitizers = [s for s in sanitizers_string.split(",") if s]
    if "address" in sanitizers:
        config.available_features.add("asan")
        config.environment["ASAN_OPTIONS"] = os.environ.get(
            "ASAN_OPTIONS", SANITIZER_ASAN_OPTIONS)
    if "undefined" in sanitizers:
        config.available_features.add("ubsan")
        config.environment["UBSAN_OPTIONS"] = os.environ.get(
            "UBSAN_OPTIONS", SANITIZER_UBSAN_OPTIONS)
    return sanitizers
