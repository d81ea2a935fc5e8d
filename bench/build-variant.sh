#!/usr/bin/env bash
# Builds a measurement variant of the browser build into target/variant-pkg/<name>/
# (never www/pkg): the same steps as scripts/build-wasm.sh, with extra cargo
# arguments. Used for docs/performance.md:
#   bash bench/build-variant.sh boundary --features boundary-bench
#   bash bench/build-variant.sh opt3 --config 'profile.wasm-release.package.rules-core.opt-level=3'
# then: node bench/boundary.mjs target/variant-pkg/boundary
. "$(dirname "$0")/../scripts/lib.sh"
NAME=$1
shift
OUT=target/variant-pkg/$NAME
TARGET_DIR=$(target_dir)
CARGO_PROFILE_WASM_RELEASE_STRIP=debuginfo \
  cargo build --locked -p rules-wasm --target wasm32-unknown-unknown --profile wasm-release "$@"
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/rules_wasm.wasm" --out-dir "$OUT" \
  --out-name urenwijzer_wasm --target web --experimental-reset-state-function --remove-producers-section
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
  "$OUT/urenwijzer_wasm_bg.wasm" -o "$OUT/opt.wasm"
mv "$OUT/opt.wasm" "$OUT/urenwijzer_wasm_bg.wasm"
cp rules-wasm/js/urenwijzer.js rules-wasm/js/urenwijzer.d.ts "$OUT/"
node -e 'const fs=require("fs"),z=require("zlib");const b=fs.readFileSync(process.argv[1]);console.log(`${process.argv[1]}: ${b.length} B, ${z.gzipSync(b,{level:9}).length} B gzipped`)' "$OUT/urenwijzer_wasm_bg.wasm"
