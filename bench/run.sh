#!/usr/bin/env bash
# Builds sinkguard if needed and runs a benchmark:
#   bench/run.sh [args]           the checks' cost over the parse (bench/bench.py)
#   bench/run.sh compare [args]   against the alternatives (bench/compare.py)
#   bench/run.sh wholeprogram [args]  the link phase and the summary store
#                                 (bench/wholeprogram.py)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh" >/dev/null
if [[ "${1:-}" == compare ]]; then
  shift
  exec python3 "$root/bench/compare.py" "$@"
fi
if [[ "${1:-}" == wholeprogram ]]; then
  shift
  exec python3 "$root/bench/wholeprogram.py" "$@"
fi
exec python3 "$root/bench/bench.py" "$@"
