# Shared set-up of the scripts/*.sh build and test scripts. Source it:
#   . "$(dirname "$0")/lib.sh"
# It stops on errors, moves to the repository root, and offers:
#   fail MESSAGE          print "<script>: MESSAGE" and exit 1
#   target_dir            Cargo's target directory (CARGO_TARGET_DIR aware)
#   cli_path              the release urenwijzer binary (build it with build_cli)
#   build_cli             cargo build --release -p rules-cli (quiet when up to date)
#   need_npm              npm ci unless the packages the tests use are there
#   need_chromium         exit with a hint when Chromium is missing
#   need_wasm             build www/pkg/, www/pkg-site/ and www/pkg-tools/ unless www/pkg/ is newer than its sources
#                         (SITE_SKIP_WASM=1 reuses it as it is)
#   RESIDENT_TOOLCHAIN    the pinned nightly that builds the resident module (see below)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRIPT_NAME=$(basename "$0" .sh)

# The resident module (www/pkg/: site and widget, the one with a size budget)
# is built by this pinned nightly, which rebuilds the standard library for the
# module at its own opt-level ("z") with panics as a bare trap (no panic
# messages or locations) and std's size-optimised code paths: 21.8 KB of its
# 103.8 KB gzipped (docs/performance.md, "The resident module on a pinned
# nightly"). Everything else (CLI, tests, clippy, the tools module) stays on
# stable; the conformance suites compare the two byte for byte. Pinned by date,
# so a build years later uses the same compiler; scripts/setup.sh installs it.
RESIDENT_TOOLCHAIN=nightly-2026-05-20

fail() {
  printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2
  exit 1
}

target_dir() {
  cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))'
}

cli_path() {
  printf '%s/release/urenwijzer\n' "$(target_dir)"
}

build_cli() {
  cargo build --locked --release -q -p rules-cli
}

need_npm() {
  [ -d node_modules/playwright-core ] && [ -d node_modules/@axe-core/playwright ] && [ -x node_modules/.bin/esbuild ] \
    && [ -x node_modules/.bin/biome ] || npm ci --no-audit --no-fund
}

need_chromium() {
  command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null || fail "chromium is missing (run bash scripts/setup.sh)"
}

need_wasm() {
  local wasm=www/pkg/urenwijzer_wasm_bg.wasm
  if [ "${SITE_SKIP_WASM:-}" = "1" ] && [ -f www/pkg/urenwijzer.js ]; then
    echo "== www/pkg/ reused (SITE_SKIP_WASM=1)"
  elif [ -f "$wasm" ] && [ -f www/pkg/urenwijzer.js ] && [ -f www/pkg-tools/urenwijzer_wasm_bg.wasm ] \
      && [ -f www/pkg-site/urenwijzer_wasm_bg.wasm ] \
      && [ -z "$(find rules-core rules-wasm Cargo.toml Cargo.lock scripts/build-wasm.sh scripts/lib.sh -type f -newer "$wasm" -print -quit)" ]; then
    echo "== www/pkg/ is up to date"
  else
    bash scripts/build-wasm.sh
  fi
}
