#!/usr/bin/env bash
# The install step of sinkguard's GitHub Action (action.yml).
#
# With INPUT_DEB (the deb input: a path, or an http(s) URL that curl
# downloads into $RUNNER_TEMP), installs that sinkguard .deb with apt-get,
# which also installs what it depends on (LLVM 22's libraries must be in
# the machine's apt sources, as for scripts/install.sh); python3 too, for
# the job summary. Without it, builds and installs sinkguard from the
# action's own checkout, the directory two levels above this script:
# `bash scripts/install.sh` (LLVM 22 from apt, a build with ccache, whose
# directory the action caches between runs, cmake --install into
# /usr/local). apt-get runs through sudo when not root.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
deb=${INPUT_DEB:-}

say() { printf 'sinkguard-action: %s\n' "$*"; }

if [[ -z $deb ]]; then
  say "building and installing sinkguard from $root"
  # With CCACHE_DIR (the action's cache step keeps it between runs), paths
  # below the checkout are hashed relative to it, so a later run in another
  # directory reuses the objects.
  if [[ -n ${CCACHE_DIR:-} ]]; then
    export CCACHE_BASEDIR=$root
  fi
  bash "$root/scripts/install.sh"
else
  SUDO=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  fi
  apt_get() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"
  }
  url=""
  case $deb in
    http://*|https://*) url=$deb ;;
    *)
      if [[ ! -f $deb ]]; then
        echo "::error title=sinkguard::the deb input names no file: the .deb is not there" >&2
        exit 2
      fi
      # apt-get takes a .deb by a path with a slash.
      file=$(cd "$(dirname -- "$deb")" && pwd)/$(basename -- "$deb")
      ;;
  esac
  apt_get update -q
  if [[ -n $url ]]; then
    if ! command -v curl >/dev/null 2>&1; then
      apt_get install -y -q --no-install-recommends curl ca-certificates
    fi
    dir=${RUNNER_TEMP:-$(mktemp -d)}/sinkguard-deb
    mkdir -p "$dir"
    file=$dir/sinkguard.deb
    say "downloading $url"
    curl --fail --silent --show-error --location --retry 3 \
      --proto =http,https --proto-redir =http,https -o "$file" -- "$url"
  fi
  say "installing $file with apt-get"
  apt_get install -y -q --no-install-recommends "$file" python3
fi
command -v sinkguard >/dev/null 2>&1 || {
  echo "::error title=sinkguard::sinkguard is not on PATH after the installation" >&2
  exit 2
}
say "installed: $(sinkguard --version 2>&1 | head -n 3 | tr '\n' ' ')"
