#!/usr/bin/env bash
# Tests of the citizen self-check site (www/) in headless Chromium:
# the whole flow for every municipality of every entry-point package, keyboard
# only, axe-core at every step, privacy (requests, storage, CSP), phone and
# desktop screenshots in tests/artifacts/site/. Called by scripts/test-all.sh
# after scripts/test-wasm.sh. SITE_SKIP_WASM=1 reuses an existing www/pkg/ as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/playwright-core ] && [ -d node_modules/@axe-core/playwright ] && [ -x node_modules/.bin/esbuild ] || npm ci --no-audit --no-fund
command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null || { echo "test-site: chromium is missing (run bash scripts/setup.sh)" >&2; exit 1; }

# Rebuild the browser build unless www/pkg/ is newer than everything it is built from
# (scripts/test-all.sh has just built it in scripts/test-wasm.sh).
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

echo "== site unit tests (tests/site/unit.test.mjs)"
node --test tests/site/unit.test.mjs

echo "== site flows (tests/site/run.mjs)"
node tests/site/run.mjs www/dist
