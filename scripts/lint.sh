#!/usr/bin/env bash
# Runs clang-tidy 22 with the project's .clang-tidy (bugprone, cert,
# performance, a readability subset and sinkguard's own checks, warnings
# as errors but for the function size) over
# sinkguard's own sources and unit tests, using the build's
# compile_commands.json.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}
jobs=${SINKGUARD_JOBS:-$(nproc 2>/dev/null || echo 2)}
tidy=/usr/lib/llvm-22/bin/clang-tidy
plugin=$build/lib/sinkguard-plugin.so

[[ -f "$build/compile_commands.json" ]] || {
  echo "lint: no $build/compile_commands.json; run scripts/build.sh first"
  exit 2
}
dirs=(checks tool unittests)
# A build configured without googletest has no compile commands for the
# unit tests.
if ! grep -q '/unittests/' "$build/compile_commands.json"; then
  echo "lint: the build has no unit tests (googletest not found); skipping unittests/"
  dirs=(checks tool)
fi
mapfile -t files < <(cd "$root" && find "${dirs[@]}" -name '*.cpp' | sort)
echo "lint: ${#files[@]} files, $jobs at a time"
status=0
printf '%s\n' "${files[@]}" |
  (cd "$root" && xargs -P "$jobs" -n 1 "$tidy" --quiet --load "$plugin" \
     -p "$build" 2>&1) >"$build/lint.log" || status=$?
grep -E "(warning|error):" "$build/lint.log" || true
if [[ $status -ne 0 ]]; then
  echo "lint: clang-tidy reported problems (full log: $build/lint.log)"
  exit 1
fi
echo "lint: clean"
