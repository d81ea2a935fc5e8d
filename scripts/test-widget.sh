#!/usr/bin/env bash
# Tests of the embeddable widget <hbh-indicatie> in headless Chromium:
# provider flow with the date rules, export/import, print summary, style
# isolation both ways under a strict CSP, axe-core, keyboard-only use,
# consultant comparison, and byte equality with `urenwijzer eval`.
# Builds what it needs: the widget (scripts/build-widget.sh, which builds the
# wasm unless WIDGET_SKIP_WASM=1), the CLI, and the norm package bundles.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-widget.sh

echo "== urenwijzer CLI and package bundles"
cargo build --locked --release -p rules-cli
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
export URENWIJZER_BIN="$TARGET_DIR/release/urenwijzer"
ART=tests/artifacts/widget
rm -rf "$ART"
mkdir -p "$ART/packages"
export WIDGET_PACKAGES="$ART/packages"
"$URENWIJZER_BIN" bundle norms/*/ --out "$WIDGET_PACKAGES"

echo "== widget tests (headless Chromium)"
node --test --test-concurrency=1 --test-reporter=spec tests/widget/*.test.mjs
echo "widget tests passed (screenshots in $ART/)"
