#!/usr/bin/env bash
# Tests of the checking page for policy staff (www/controle.html): unit tests
# of its page-free logic (tests/check-page/unit.test.mjs, which also compares
# every package in norms/ with the CLI), then the page in headless Chromium
# (tests/check-page/run.mjs): files chosen and dropped, results compared with
# `urenwijzer check` and `urenwijzer test`, broken packages, axe-core, no
# request after load, screenshots in tests/artifacts/check-page/.
# Called by scripts/test-all.sh after scripts/test-site.sh.
# SITE_SKIP_WASM=1 reuses an existing www/pkg/ as it is.
. "$(dirname "$0")/lib.sh"

need_npm
need_chromium

need_wasm
bash scripts/build-site.sh

build_cli
URENWIJZER_CLI=$(cli_path)
export URENWIJZER_CLI

echo "== check page unit tests (tests/check-page/unit.test.mjs)"
node --test tests/check-page/unit.test.mjs

echo "== check page in the browser (tests/check-page/run.mjs)"
node tests/check-page/run.mjs www/dist
