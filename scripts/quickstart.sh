#!/usr/bin/env bash
# Quick start: installs the dependencies (Debian/Ubuntu, apt-get), builds
# sinkguard, generates the bundled examples project's compile_commands.json
# with CMake, and scans it. Findings are printed; exit 0 when the scan ran.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

echo "quickstart: generating examples/build/compile_commands.json"
cmake -S "$root/examples" -B "$root/examples/build" -G Ninja >/dev/null

echo "quickstart: scanning examples/ with sinkguard"
set +e
"$build/bin/sinkguard" scan -p "$root/examples/build"
status=$?
set -e
case $status in
  0) echo "quickstart: no findings" ;;
  1) echo "quickstart: done; the findings above are the bugs planted in examples/ (see examples/README.md)" ;;
  *) echo "quickstart: the scan failed (exit $status)"; exit "$status" ;;
esac
