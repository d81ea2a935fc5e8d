#!/usr/bin/env bash
# The browser build's tests: build www/pkg, then
#   - node --test tests/node/     API, trap recovery, and every case of every
#                                 package native vs wasm-in-Node, byte for byte;
#   - node --test tests/browser/  the same cases in headless Chromium;
#   - tsc --noEmit -p tests/types the TypeScript consumer, and the .d.ts
#                                 against real outputs.
# Called by scripts/test-all.sh after scripts/setup.sh (which installs the
# wasm-bindgen CLI, chromium and the npm packages).
. "$(dirname "$0")/lib.sh"
need_npm
need_chromium

bash scripts/build-wasm.sh

echo; echo "== native CLI (the reference side of the conformance test)"
build_cli
# cargo test runs `urenwijzer test` over these too (rules-cli/tests/conformance.rs);
# scripts/test-all.sh sets URENWIJZER_CARGO_TESTED=1 so it is not run twice.
if [ "${URENWIJZER_CARGO_TESTED:-}" != "1" ]; then
  for pkg in tests/conformance/fixtures/*/; do
    "$(cli_path)" test "$pkg"
  done
fi

echo; echo "== node --test tests/node/"
node --test tests/node/

echo; echo "== node --test tests/browser/ (headless Chromium)"
node --test tests/browser/

echo; echo "== tsc --noEmit -p tests/types"
node tests/types/generate-samples.mjs
npx --no-install tsc --noEmit -p tests/types
echo "types ok"
