#!/usr/bin/env bash
# Installs sinkguard on a Debian/Ubuntu machine from this checkout: the
# dependencies (scripts/install-deps.sh), a build in ./build or
# $SINKGUARD_BUILD_DIR (scripts/build.sh), then `cmake --install`, through
# sudo when not root. CI jobs run it from a checkout of sinkguard beside
# their project (docs/ci.md).
#
#   bash scripts/install.sh [--prefix DIR]   # default prefix: /usr/local
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}

usage() { echo "usage: bash scripts/install.sh [--prefix DIR]"; }
prefix=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --prefix) [[ $# -ge 2 ]] || { usage >&2; exit 2; }
              prefix=(--prefix "$2"); shift 2 ;;
    --prefix=*) prefix=(--prefix "${1#--prefix=}"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install: not root and sudo is not available: installing as $(id -un)"
  fi
fi

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
echo "install: cmake --install $build${prefix[*]:+ ${prefix[*]}}"
"${SUDO[@]}" cmake --install "$build" "${prefix[@]}"
