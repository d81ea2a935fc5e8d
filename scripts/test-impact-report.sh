#!/usr/bin/env bash
# Browser check of the council report of `urenwijzer impact` (report.html):
# axe-core at phone and desktop width, A4 print (page.pdf), no request but the
# file, no script, charts with text alternatives; screenshots and PDFs in
# tests/artifacts/impact-report/. Called by scripts/test-all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/playwright-core ] && [ -d node_modules/@axe-core/playwright ] || npm ci --no-audit --no-fund
command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null || { echo "test-impact-report: chromium is missing (run bash scripts/setup.sh)" >&2; exit 1; }

cargo build --locked --release -p rules-cli
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
export URENWIJZER_CLI="$TARGET_DIR/release/urenwijzer"

echo "== council report in Chromium (tests/impact-report/run.mjs)"
node tests/impact-report/run.mjs
