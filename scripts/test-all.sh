#!/usr/bin/env bash
# Every test: Rust (core, CLI, all norm package cases), then the browser build
# and site tests when their scripts exist. Used by .ci/run and the README.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo; echo "== cargo fmt --check, cargo clippy (warnings are errors; unwrap denied outside tests)"
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

echo; echo "== cargo test (rules core, CLI, conformance cases of every package)"
cargo test --workspace --locked

echo; echo "== urenwijzer check + test for every package"
cargo build --locked --release -p rules-cli
for pkg in norms/*/; do
  [ -f "$pkg/package.json" ] || continue
  ./target/release/urenwijzer check "$pkg"
  ./target/release/urenwijzer test "$pkg"
done

for step in scripts/test-wasm.sh scripts/test-site.sh scripts/test-check-page.sh scripts/test-widget.sh; do
  if [ -f "$step" ]; then
    echo; echo "== $step"
    bash "$step"
  fi
done
echo; echo "All tests passed."
