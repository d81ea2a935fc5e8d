#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine (run as root).
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
RESIDENT_TOOLCHAIN=$(bash -c '. scripts/lib.sh && echo "$RESIDENT_TOOLCHAIN"')

log "Rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

log "Rust $RESIDENT_TOOLCHAIN for the resident module (rust-src, wasm32-unknown-unknown)"
# Minimal profile: rustc, cargo and std; rust-src to rebuild std (-Z build-std).
rustup toolchain list | grep -q "^$RESIDENT_TOOLCHAIN" \
  && rustup component list --installed --toolchain "$RESIDENT_TOOLCHAIN" | grep -q '^rust-src' \
  && rustup target list --installed --toolchain "$RESIDENT_TOOLCHAIN" | grep -qx wasm32-unknown-unknown \
  || rustup toolchain install "$RESIDENT_TOOLCHAIN" --profile minimal -c rust-src -t wasm32-unknown-unknown

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
