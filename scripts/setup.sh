#!/usr/bin/env bash
# One-step setup on a fresh machine: pnpm, the Debian packages the kit's tests and apps use, and the
# workspace's npm packages from the lockfile. Safe to run again: it only installs what is missing.
# Usage: bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=9.15.9
log() { printf 'setup: %s\n' "$*"; }

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version 2>/dev/null)" != 9.* ]]; then
  log "installing pnpm ${PNPM_VERSION}"
  npm install --global --no-fund --no-audit "pnpm@${PNPM_VERSION}" >/dev/null
fi

# Debian packages: one per line in scripts/debian-packages.txt (# comments allowed).
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^\s*$/d' scripts/debian-packages.txt | tr -d ' ')
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

log "installing npm packages (pnpm install --frozen-lockfile)"
# @tensorflow/tfjs-node is optional: its install script downloads libtensorflow from a host that may be
# unreachable; pnpm then skips it and the kit falls back to the WASM backend at run time.
install_log=$(mktemp)
pnpm install --frozen-lockfile --reporter=append-only >"$install_log" 2>&1 || { cat "$install_log"; exit 1; }
grep -vE '^(Progress|\s*$)|tfjs-node install' "$install_log" | tail -n 20
if grep -q 'tfjs-node install: Failed' "$install_log"; then
  log "optional @tensorflow/tfjs-node could not fetch libtensorflow (its host is unreachable here): the kit uses the WASM backend"
fi
rm -f "$install_log"
log "ready: node $(node --version), pnpm $(pnpm --version)"
