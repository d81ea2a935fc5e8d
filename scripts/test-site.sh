#!/usr/bin/env bash
# Tests of the citizen self-check site (www/) in headless Chromium:
# the whole flow for every municipality of every entry-point package, keyboard
# only, axe-core at every step, privacy (requests, storage, CSP), phone and
# desktop screenshots in tests/artifacts/site/. Called by scripts/test-all.sh
# after scripts/test-wasm.sh. SITE_SKIP_WASM=1 reuses an existing www/pkg/ as it is.
. "$(dirname "$0")/lib.sh"

need_npm
need_chromium

need_wasm
bash scripts/build-site.sh

build_cli
URENWIJZER_CLI=$(cli_path)
export URENWIJZER_CLI

echo "== site unit tests (tests/site/unit.test.mjs)"
node --test tests/site/unit.test.mjs

echo "== request capture: resident module and compiled bundle only (tests/site/requests.test.mjs)"
node --test tests/site/requests.test.mjs

echo "== site flows (tests/site/run.mjs)"
node tests/site/run.mjs www/dist

echo "== the resident's answer: three households, print, forced colours, zoom, reload (tests/site/resident.mjs)"
node tests/site/resident.mjs www/dist
