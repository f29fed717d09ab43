#!/usr/bin/env bash
# Installs what sinkguard needs to build and test, from Debian's packages.
# Idempotent: packages already present are left alone. Runs apt-get through
# sudo when not root. Set SINKGUARD_SKIP_APT=1 to skip (e.g. a prepared image).
set -euo pipefail

PACKAGES=(
  # LLVM/Clang 22: headers, CMake packages, clang-tidy and clangd libraries.
  llvm-22-dev libclang-22-dev clang-22 clang-tidy-22 clangd-22
  # lit, FileCheck, not, count, split-file.
  llvm-22-tools
  # Debian's clangd-22 CMake targets reference gRPC and protobuf.
  libgrpc++-dev libprotobuf-dev
  # gRPCConfig.cmake refuses to load without its code generator present.
  protobuf-compiler-grpc
  # Build tools.
  cmake ninja-build ccache
  # clang-format for the format check; python3 for lit and the LSP test.
  clang-format-22 python3
)

say() { printf 'install-deps: %s\n' "$*"; }

if [[ "${SINKGUARD_SKIP_APT:-0}" == 1 ]]; then
  say "SINKGUARD_SKIP_APT=1: not installing packages"
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
say "done"
