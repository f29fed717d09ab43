#!/usr/bin/env bash
# Builds sinkguard if needed and runs the benchmark (see bench/bench.py).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh" >/dev/null
exec python3 "$root/bench/bench.py" "$@"
