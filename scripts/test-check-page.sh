#!/usr/bin/env bash
# Tests of the checking page for policy staff (www/controle.html): unit tests
# of its page-free logic (tests/check-page/unit.test.mjs, which also compares
# every package in norms/ with the CLI), then the page in headless Chromium
# (tests/check-page/run.mjs): files chosen and dropped, results compared with
# `urenwijzer check` and `urenwijzer test`, broken packages, axe-core, no
# request after load, screenshots in tests/artifacts/check-page/.
# Called by scripts/test-all.sh after scripts/test-site.sh.
# SITE_SKIP_WASM=1 reuses an existing www/pkg/ as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/playwright-core ] && [ -d node_modules/@axe-core/playwright ] && [ -x node_modules/.bin/esbuild ] || npm ci --no-audit --no-fund
command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null || { echo "test-check-page: chromium is missing (run bash scripts/setup.sh)" >&2; exit 1; }

# Rebuild the browser build unless www/pkg/ is newer than everything it is built from.
WASM=www/pkg/urenwijzer_wasm_bg.wasm
if [ "${SITE_SKIP_WASM:-}" = "1" ] && [ -f www/pkg/urenwijzer.js ]; then
  echo "== www/pkg/ reused (SITE_SKIP_WASM=1)"
elif [ -f "$WASM" ] && [ -f www/pkg/urenwijzer.js ] \
    && [ -z "$(find rules-core rules-wasm Cargo.toml Cargo.lock scripts/build-wasm.sh -type f -newer "$WASM" -print -quit)" ]; then
  echo "== www/pkg/ is up to date"
else
  bash scripts/build-wasm.sh
fi
bash scripts/build-site.sh

TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
export URENWIJZER_CLI="$TARGET_DIR/release/urenwijzer"

echo "== check page unit tests (tests/check-page/unit.test.mjs)"
node --test tests/check-page/unit.test.mjs

echo "== check page in the browser (tests/check-page/run.mjs)"
node tests/check-page/run.mjs www/dist
