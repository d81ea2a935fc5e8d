#!/usr/bin/env bash
# Builds the citizen self-check site into www/dist/ (gitignored):
#   www/dist/index.html, app.js (esbuild bundle of www/src), site.css (esbuild
#   bundle of www/styles with the NL Design System component CSS),
#   controle.html, controle.js, controle-worker.js, controle.css (the checking page for policy staff),
#   pkg/ (the site module from www/pkg-site/: the resident module without the
#   provider portal's calls, which the site never makes), pkg-tools/ (the tools
#   module from www/pkg-tools/: only the checking page's worker), packages/ (every norm package
#   under norms/, bundled by the CLI, with index.json).
# Needs www/pkg-site/ and www/pkg-tools/ (bash scripts/build-wasm.sh) and node_modules (npm ci).
# Used by scripts/serve.sh and scripts/test-site.sh.
. "$(dirname "$0")/lib.sh"

OUT=www/dist
ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || fail "$ESBUILD is missing: run npm ci"
# The site module is one JavaScript file (wrapper and glue bundled by
# scripts/build-wasm.sh); the tools module keeps its glue in urenwijzer_wasm.js.
for f in urenwijzer.js urenwijzer_wasm_bg.wasm; do
  [ -f "www/pkg-site/$f" ] || fail "www/pkg-site/$f is missing: run bash scripts/build-wasm.sh first"
done
for f in urenwijzer.js urenwijzer_wasm.js urenwijzer_wasm_bg.wasm; do
  [ -f "www/pkg-tools/$f" ] || fail "www/pkg-tools/$f is missing: run bash scripts/build-wasm.sh first"
done

echo "== urenwijzer CLI (release)"
build_cli
CLI=$(cli_path)

# Only what this script owns: www/dist/widget/ belongs to scripts/build-widget.sh.
rm -rf "$OUT/index.html" "$OUT/app.js" "$OUT/site.css" "$OUT/favicon.svg" "$OUT/pkg" "$OUT/pkg-tools" "$OUT/packages" \
  "$OUT/controle.html" "$OUT/controle.js" "$OUT/controle-worker.js" "$OUT/controle.css"
mkdir -p "$OUT/pkg" "$OUT/pkg-tools" "$OUT/packages"

echo "== norm packages -> $OUT/packages"
packages=()
for dir in norms/*/; do
  [ -f "$dir/package.json" ] && packages+=("$dir")
done
[ ${#packages[@]} -gt 0 ] || fail "no norm packages under norms/"
"$CLI" bundle "${packages[@]}" --out "$OUT/packages" --archive archive

echo "== app.js, site.css, controle.js, controle.css (esbuild $("$ESBUILD" --version))"
# ./pkg/urenwijzer.js stays a separate module: the wasm glue in it finds its .wasm next to itself.
"$ESBUILD" www/src/main.js --bundle --format=esm --target=es2020 --minify \
  --external:./pkg/urenwijzer.js --outfile="$OUT/app.js" --log-level=warning
"$ESBUILD" www/styles/site.css --bundle --minify --outfile="$OUT/site.css" --log-level=warning
# The checking page for policy staff: its own script and a small stylesheet on top of site.css.
"$ESBUILD" www/src/check-page.js --bundle --format=esm --target=es2020 --minify \
  --external:./pkg/urenwijzer.js --outfile="$OUT/controle.js" --log-level=warning
# Its worker (a module worker next to controle.js; the core runs there, off the main thread).
"$ESBUILD" www/src/check-worker.js --bundle --format=esm --target=es2020 --minify \
  --external:./pkg-tools/urenwijzer.js --outfile="$OUT/controle-worker.js" --log-level=warning
"$ESBUILD" www/styles/check.css --bundle --minify --outfile="$OUT/controle.css" --log-level=warning

cp www/index.html www/controle.html www/favicon.svg "$OUT/"
cp www/pkg-site/urenwijzer.js www/pkg-site/urenwijzer_wasm_bg.wasm "$OUT/pkg/"
cp www/pkg-tools/urenwijzer.js www/pkg-tools/urenwijzer_wasm.js www/pkg-tools/urenwijzer_wasm_bg.wasm "$OUT/pkg-tools/"

node -e '
  const fs = require("fs"), path = require("path");
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
  let total = 0;
  for (const f of walk(process.argv[1]).filter((f) => !f.includes("/widget/")).sort()) { const n = fs.statSync(f).size; total += n; console.log(`${f.padEnd(48)} ${String(n).padStart(9)} B`); }
  console.log(`${"total".padEnd(48)} ${String(total).padStart(9)} B`);
' "$OUT"
echo "built $OUT/"
