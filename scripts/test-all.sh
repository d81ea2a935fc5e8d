#!/usr/bin/env bash
# Every test: Rust (core, CLI, all norm package cases), then the browser build
# and site tests when their scripts exist. Used by .ci/run and the README.
. "$(dirname "$0")/lib.sh"
bash scripts/setup.sh

echo; echo "== cargo fmt --check, cargo clippy (warnings are errors; unwrap denied outside tests)"
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

echo; echo "== cargo test (rules core, CLI, conformance cases of every package)"
cargo test --workspace --locked

# `urenwijzer check` and `urenwijzer test` over every package in norms/ and
# tests/conformance/fixtures/ ran inside cargo test (rules-cli/tests/conformance.rs).
export URENWIJZER_CARGO_TESTED=1

echo; echo "== npm run lint (Biome: formatting and lint of the JavaScript)"
need_npm
npm run -s lint

for step in scripts/test-pilot.sh scripts/test-wasm.sh scripts/test-site.sh scripts/test-check-page.sh scripts/test-widget.sh scripts/test-impact-report.sh; do
  if [ -f "$step" ]; then
    echo; echo "== $step"
    bash "$step"
  fi
done
echo; echo "All tests passed."
