#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ for a bounded time: the smoke stage of
# scripts/test.sh, or a longer hunt (docs/fuzzing.md).
#
#   scripts/fuzz.sh [seconds per target] [target...]
#
# Targets: checks (C/C++ source through every check), model (model files),
# sarif (SARIF baselines and merge inputs), store (the summary store's
# readers: facts through the link, entries, manifests, linked.json); all
# four by default. Needs a
# build with SINKGUARD_FUZZ (scripts/test.sh makes one in build-asan).
#
# Each target starts from the seeds (regenerated from the tests on every
# run, plus fuzz/corpus/<target>) and its own growing corpus, which is kept
# between runs. A crash, leak, timeout or out-of-memory input is saved under
# the artifacts directory and fails the target, except a timeout of the
# checks target on an input that clang's own parser alone spends a quarter
# of the timeout on (clang's slowness, not ours: kept in clang-slow/). Writes one line per target,
# "PASS <target>" or "FAIL <target>", to <out>/results.txt.
#
# Environment: SINKGUARD_ASAN_BUILD_DIR (default build-asan),
# SINKGUARD_FUZZ_OUT (default <build>/fuzz-out: seeds/, corpus/, artifacts/,
# logs), SINKGUARD_FUZZ_TIMEOUT (seconds one input may take, default 25),
# SINKGUARD_FUZZ_RSS_MB (default 2048).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_ASAN_BUILD_DIR:-$root/build-asan}
out=${SINKGUARD_FUZZ_OUT:-$build/fuzz-out}
seconds=${1:-30}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(checks model sarif store)
timeout=${SINKGUARD_FUZZ_TIMEOUT:-25}
rss=${SINKGUARD_FUZZ_RSS_MB:-2048}
split_file=/usr/lib/llvm-22/bin/split-file
# As in test/lit.cfg.py, which says why.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allow_user_poisoning=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

say() { printf 'fuzz: %s\n' "$*"; }

# The C and C++ files of the check tests. The checks target reads the first
# byte as the language: 0 is C11, 2 is C++17 (fuzz/ChecksFuzzer.cpp).
seed_checks() {
  local f n=0
  while IFS= read -r f; do
    n=$((n + 1))
    case $f in
      *.cpp) printf '\002' ;;
      *) printf '\000' ;;
    esac >"$1/test-$n"
    cat "$f" >>"$1/test-$n"
  done < <(find "$root/test/checkers" -type f \( -name '*.c' -o -name '*.cpp' \) | sort)
}

# The model files of test/model (split-file sections) and of the check
# tests.
seed_model() {
  local t parts n=0 f
  parts=$(mktemp -d)
  for t in "$root"/test/model/*.test; do
    n=$((n + 1))
    "$split_file" "$t" "$parts/$n" >/dev/null 2>&1 || true
  done
  n=0
  while IFS= read -r f; do
    n=$((n + 1))
    cp "$f" "$1/test-$n"
  done < <(find "$parts" "$root/test/checkers" -type f -name '*.yaml' | sort)
  rm -rf "$parts"
}

# The SARIF logs the lit suite wrote (run it first for a good seed set).
seed_sarif() {
  local f n=0
  while IFS= read -r f; do
    n=$((n + 1))
    cp "$f" "$1/test-$n"
  done < <(find "$build/test" -type f -name '*.sarif' -size -256k 2>/dev/null | sort)
}

# The stores the lit suite's scans left (run it first): each file with the
# byte that chooses its reader in fuzz/StoreFuzzer.cpp (0 facts, 1 entry,
# 2 manifest, 3 linked.json).
seed_store() {
  local f n=0 kind
  while IFS= read -r f; do
    case $f in
      */units/*.facts) kind='\000' ;;
      */units/*.json) kind='\001' ;;
      */scan-*-of-*.json) kind='\002' ;;
      */linked.json) kind='\003' ;;
      *) continue ;;
    esac
    n=$((n + 1))
    { printf '%b' "$kind"; cat "$f"; } >"$1/test-$n"
    [[ $n -lt 400 ]] || break
  done < <(find "$build/test" -type f -size -256k \( -path '*/units/*' -o \
             -name 'scan-*-of-*.json' -o -name linked.json \) 2>/dev/null | sort)
}

# Whether every input saved in $1 after the first $2 is a timeout that
# clang's own parser, alone and unsanitized, spends at least a quarter of
# the fuzzer's timeout on (the sanitized checks then cannot finish in time
# whatever they cost). Moves those inputs to $1/clang-slow.
clang_is_slow() {
  local dir=$1 before=$2 f mode src start elapsed
  local modes=("-xc -std=c11" "-xc -std=gnu89" "-xc++ -std=c++17" "-xc++ -std=c++20")
  local new=()
  mapfile -t new < <(ls -tr "$dir" | grep -v '^clang-slow$' | tail -n +$((before + 1)))
  [[ ${#new[@]} -gt 0 ]] || return 1
  mkdir -p "$dir/clang-slow"
  for f in "${new[@]}"; do
    [[ $f == timeout-* ]] || return 1
    mode=${modes[$(( $(od -An -tu1 -N1 "$dir/$f" | tr -d ' ') % 4 ))]}
    src=$(mktemp --suffix=.src)
    tail -c +2 "$dir/$f" >"$src"
    start=$(date +%s)
    # shellcheck disable=SC2086
    timeout "$timeout" /usr/lib/llvm-22/bin/clang -fsyntax-only $mode -nostdinc \
      -isystem "$root/test/Inputs" "$src" >/dev/null 2>&1 || true
    elapsed=$(( $(date +%s) - start ))
    rm -f "$src"
    (( elapsed * 4 >= timeout )) || return 1
    mv "$dir/$f" "$dir/clang-slow/"
  done
  return 0
}

mkdir -p "$out"
: >"$out/results.txt"
status=0
for target in "${targets[@]}"; do
  bin=$build/fuzz/sinkguard-fuzz-$target
  if [[ ! -x "$bin" ]]; then
    say "$target: $bin not built (configure with -DSINKGUARD_FUZZ=ON)"
    echo "FAIL $target" >>"$out/results.txt"
    status=1
    continue
  fi
  seeds=$out/seeds/$target
  corpus=$out/corpus/$target
  artifacts=$out/artifacts/$target
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  "seed_$target" "$seeds"
  dirs=("$corpus" "$seeds")
  [[ -d "$root/fuzz/corpus/$target" ]] && dirs+=("$root/fuzz/corpus/$target")
  log=$out/$target.log
  say "$target: $seconds s from $(ls "$seeds" | wc -l) seeds and $(ls "$corpus" | wc -l) corpus inputs (log: $log)"
  before=$(ls "$artifacts" | wc -l)
  rc=0
  "$bin" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "${dirs[@]}" \
    >"$log" 2>&1 || rc=$?
  after=$(ls "$artifacts" | wc -l)
  stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  if [[ $target == checks && $rc -ne 0 ]] && grep -q 'ERROR: libFuzzer: timeout' "$log" &&
     clang_is_slow "$artifacts" "$before"; then
    # The input is slow for clang's own parser, not for the checks: moved
    # aside and reported, but no failure of ours (docs/fuzzing.md).
    say "$target: a timeout on an input that clang -fsyntax-only alone takes over $((timeout / 4)) s to parse: clang's, not sinkguard's; kept in $artifacts/clang-slow"
    echo "PASS $target" >>"$out/results.txt"
  elif [[ $rc -ne 0 || $after -ne $before ]]; then
    say "$target: FAILED (exit $rc); inputs in $artifacts; end of $log:"
    tail -n 40 "$log" >&2
    echo "FAIL $target" >>"$out/results.txt"
    status=1
  else
    say "$target: passed, ${execs:-?} executions; last: $stats"
    echo "PASS $target" >>"$out/results.txt"
  fi
done
exit $status
