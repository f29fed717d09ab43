#!/usr/bin/env bash
# Builds the Debian package sinkguard_<version>_<arch>.deb with CPack from
# the build in ./build (or $SINKGUARD_BUILD_DIR), building first with
# scripts/build.sh (nothing to do on a built tree), and prints its path.
# The package is configured in cmake/Packaging.cmake (fields, Depends) and
# cmake/PackagingStage.cmake (man pages, copyright, changelog).
#
#   bash scripts/package.sh [--out DIR] [--no-build]
#
# --out DIR    where the .deb goes (default: <build>/package)
# --no-build   package the build as it is, without running scripts/build.sh
#
# Needs cmake (cpack), help2man, dpkg-dev (dpkg-shlibdeps) and gzip;
# scripts/install-deps.sh installs them. Install the result with
#   apt install ./sinkguard_<version>_<arch>.deb
# Only the path of the .deb goes to standard output; the rest to stderr.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SINKGUARD_BUILD_DIR:-$root/build}

say() { printf 'package: %s\n' "$*" >&2; }
usage() { echo "usage: bash scripts/package.sh [--out DIR] [--no-build]"; }

out=
run_build=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --out) [[ $# -ge 2 ]] || { usage >&2; exit 2; }
           out=$2; shift 2 ;;
    --out=*) out=${1#--out=}; shift ;;
    --no-build) run_build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) say "unknown argument '$1'"; usage >&2; exit 2 ;;
  esac
done

missing=()
for tool in cpack:cmake help2man:help2man dpkg-shlibdeps:dpkg-dev \
            dpkg:dpkg gzip:gzip; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "missing tools; install the Debian packages: ${missing[*]} (scripts/install-deps.sh installs them)"
  exit 1
fi

if [[ $run_build == 1 ]]; then
  bash "$root/scripts/build.sh" >&2
fi
if [[ ! -f "$build/CPackConfig.cmake" ]]; then
  say "no $build/CPackConfig.cmake: configure the build first (bash scripts/build.sh, or cmake $build)"
  exit 1
fi
for host in bin/sinkguard bin/sinkguard-tidy bin/sinkguard-clangd lib/sinkguard-plugin.so; do
  if [[ ! -f "$build/$host" ]]; then
    say "$build/$host is not built: run bash scripts/build.sh"
    exit 1
  fi
done

out=${out:-$build/package}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$out/cpack.log
say "cpack -G DEB into $out (log: $log)"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$log" 2>&1; then
  say "cpack failed; the end of $log:"
  tail -n 30 "$log" >&2
  exit 1
fi
deb=$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$log" | tail -n 1)
if [[ -z $deb || ! -f $deb ]]; then
  say "cpack made no .deb; see $log"
  exit 1
fi
# CPack's staging tree is not needed any more.
rm -rf "$out/_CPack_Packages"
echo "$deb"
