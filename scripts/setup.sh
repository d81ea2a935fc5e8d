#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine (run as root).
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

log "Rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ -n "$WB_VERSION" ]; then
  log "wasm-bindgen CLI $WB_VERSION"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked \
      || cargo install wasm-bindgen-cli --version "$WB_VERSION"
  fi
fi

log "Chromium (Debian)"
if ! command -v chromium >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi

log "npm packages"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
