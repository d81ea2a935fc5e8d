#!/usr/bin/env bash
# Tests of the embeddable widget <hbh-indicatie> in headless Chromium:
# provider flow with the date rules, export/import, print summary, style
# isolation both ways under a strict CSP, axe-core, keyboard-only use,
# consultant comparison, and byte equality with `urenwijzer eval`.
# Builds what it needs: the widget (scripts/build-widget.sh, which builds the
# wasm when it is missing or stale, unless WIDGET_SKIP_WASM=1), the CLI, and the norm package bundles.
. "$(dirname "$0")/lib.sh"
need_npm
need_chromium

bash scripts/build-widget.sh

echo "== urenwijzer CLI and package bundles"
build_cli
URENWIJZER_BIN=$(cli_path)
export URENWIJZER_BIN
ART=tests/artifacts/widget
rm -rf "$ART"
mkdir -p "$ART/packages"
export WIDGET_PACKAGES="$ART/packages"
"$URENWIJZER_BIN" bundle norms/*/ --out "$WIDGET_PACKAGES"

echo "== widget tests (headless Chromium)"
node --test --test-concurrency=1 --test-reporter=spec tests/widget/*.test.mjs
echo "widget tests passed (screenshots in $ART/)"
