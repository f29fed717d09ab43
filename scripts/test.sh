#!/usr/bin/env bash
# Builds sinkguard and runs every test: the lit suite (check tests through
# the plugin, sinkguard-tidy and the driver; the clangd language-server test;
# driver, plugin, registry and format tests), then lints sinkguard's own
# sources with clang-tidy. Installs missing dependencies first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}
lit=/usr/lib/llvm-22/bin/lit

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
ninja -C "$build" sinkguard-test-foreign-host sinkguard-test-model >/dev/null

echo "test: running the lit suite"
set +e
"$lit" -sv --order=lexical -o "$build/lit-results.json" "$build/test"
lit_status=$?
set -e

lint_status=0
if [[ "${SINKGUARD_SKIP_LINT:-0}" != 1 ]]; then
  echo "test: linting sinkguard's own sources"
  bash "$root/scripts/lint.sh" || lint_status=$?
fi

python3 - "$build/lit-results.json" "$lint_status" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["tests"]
passed = sum(r["code"] in ("PASS", "XFAIL") for r in results)
failed = sum(r["code"] in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT") for r in results)
skipped = len(results) - passed - failed
lint_ok = sys.argv[2] == "0"
passed += lint_ok
failed += not lint_ok
print("tests: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
PY
if [[ $lit_status -ne 0 || $lint_status -ne 0 ]]; then
  exit 1
fi
