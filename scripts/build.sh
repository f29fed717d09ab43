#!/usr/bin/env bash
# Configures and builds sinkguard in ./build (or $SINKGUARD_BUILD_DIR) with
# Ninja. Used by quickstart.sh and test.sh; safe to run repeatedly.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}
jobs=${SINKGUARD_JOBS:-$(nproc 2>/dev/null || echo 2)}

if [[ ! -f "$build/build.ninja" ]]; then
  echo "build: configuring $build"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
fi
echo "build: building with $jobs jobs"
ninja -C "$build" -j "$jobs"
