#!/usr/bin/env bash
# Builds sinkguard if needed and runs a benchmark:
#   bench/run.sh [args]           the checks' cost over the parse (bench/bench.py)
#   bench/run.sh compare [args]   against the alternatives (bench/compare.py)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh" >/dev/null
if [[ "${1:-}" == compare ]]; then
  shift
  exec python3 "$root/bench/compare.py" "$@"
fi
exec python3 "$root/bench/bench.py" "$@"
