#!/usr/bin/env bash
# The browser build's tests: build www/pkg, then
#   - node --test tests/node/     API, trap recovery, and every case of every
#                                 package native vs wasm-in-Node, byte for byte;
#   - node --test tests/browser/  the same cases in headless Chromium;
#   - tsc --noEmit -p tests/types the TypeScript consumer, and the .d.ts
#                                 against real outputs.
# Called by scripts/test-all.sh after scripts/setup.sh (which installs the
# wasm-bindgen CLI, chromium and the npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null \
  || { echo "test-wasm: chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium} (scripts/setup.sh installs it)" >&2; exit 1; }

bash scripts/build-wasm.sh

echo; echo "== native CLI (the reference side of the conformance test)"
cargo build --locked --release -p rules-cli
for pkg in tests/conformance/fixtures/*/; do
  ./target/release/urenwijzer test "$pkg"
done

echo; echo "== node --test tests/node/"
node --test tests/node/

echo; echo "== node --test tests/browser/ (headless Chromium)"
node --test tests/browser/

echo; echo "== tsc --noEmit -p tests/types"
node tests/types/generate-samples.mjs
npx --no-install tsc --noEmit -p tests/types
echo "types ok"
