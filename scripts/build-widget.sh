#!/usr/bin/env bash
# Builds the embeddable widget <hbh-indicatie> into a versioned directory:
#   www/dist/widget/<version>/hbh-indicatie.js        the one ES module (CSS and
#                                                     both engines' JavaScript inside)
#   www/dist/widget/<version>/hbh-indicatie.js.map    its source map
#   www/dist/widget/<version>/urenwijzer_site_bg.wasm the site module (www/pkg-site):
#                                                     citizen and consultant mode
#   www/dist/widget/<version>/urenwijzer_wasm_bg.wasm the resident module (www/pkg):
#                                                     provider mode (plan, records)
#   www/dist/widget/<version>/manifest.json           sizes and SRI hashes
# A widget fetches only its mode's .wasm (www/widget/src/engine.js), so a
# resident's page downloads the site module (docs/performance.md, w29). Each
# .wasm's sha384 is written into hbh-indicatie.js (--define), which fetches it
# with that integrity: a portal that pins hbh-indicatie.js pins the engines.
#
# <version> is www/widget/VERSION: the widget's own version, the portal-facing
# API (attributes, events, what `package` points at). Since 0.2.0 it is
# independent of the engine version, which every result carries
# (`engine.version`). 0.2.0 loads compiled bundles (`<id>.uwb`); 0.1.0 (JSON
# bundles) is no longer built (docs/widget.md, "Migration from 0.1.0"). A
# portal pins a version by its path.
#
# The browser builds are made first with scripts/build-wasm.sh when www/pkg
# is missing or older than its sources (need_wasm in scripts/lib.sh: after
# scripts/test-wasm.sh, test-all.sh does not build them a second time);
# set WIDGET_SKIP_WASM=1 to use the www/pkg and www/pkg-site that are there.
. "$(dirname "$0")/lib.sh"

VERSION=$(tr -d '[:space:]' < www/widget/VERSION)
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "www/widget/VERSION is not a version (x.y.z): $VERSION"

if [ "${WIDGET_SKIP_WASM:-}" = "1" ] && [ -f www/pkg/urenwijzer.js ] && [ -f www/pkg-site/urenwijzer.js ]; then
  echo "== www/pkg/ and www/pkg-site/ reused (WIDGET_SKIP_WASM=1)"
else
  need_wasm
fi
for d in www/pkg www/pkg-site; do
  [ -f "$d/urenwijzer_wasm_bg.wasm" ] || fail "$d has no urenwijzer_wasm_bg.wasm (run scripts/build-wasm.sh)"
done
# Provider mode needs the portal's exports (records, plan): asked of the .wasm
# itself, since the wrapper's source is the same in every module (the site
# module copied into www/pkg would otherwise pass).
node -e '
const m = new WebAssembly.Module(require("fs").readFileSync("www/pkg/urenwijzer_wasm_bg.wasm"));
const names = new Set(WebAssembly.Module.exports(m).map((e) => e.name));
process.exit(["readRecordJson", "engine_planJson", "engine_evaluatePacked"].every((n) => names.has(n)) ? 0 : 1);
' || fail "www/pkg/urenwijzer_wasm_bg.wasm lacks the portal exports (readRecordJson, ...): it is not the resident module; rebuild with scripts/build-wasm.sh"
# The widget ships the resident and site modules: never the tools module's exports.
for d in www/pkg www/pkg-site; do
  [ ! -f "$d/urenwijzer_wasm.js" ] && ! grep -q 'checkReportJson' "$d/urenwijzer.js" || fail "$d is the tools module; rebuild with scripts/build-wasm.sh"
done

ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || fail "$ESBUILD is missing: run npm ci"

OUT="www/dist/widget/$VERSION"
echo "== esbuild www/widget/src/hbh-indicatie.js -> $OUT/"
rm -rf "$OUT"
mkdir -p "$OUT"
sri() { node -e 'process.stdout.write("sha384-" + require("crypto").createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1"; }
"$ESBUILD" www/widget/src/hbh-indicatie.js \
  --bundle --format=esm --target=chrome111,firefox113,safari16.4 \
  --minify --sourcemap --legal-comments=none --charset=utf8 \
  --loader:.css=text \
  --define:__HBH_VERSION__="\"$VERSION\"" \
  --define:__HBH_SITE_WASM__="\"$(sri www/pkg-site/urenwijzer_wasm_bg.wasm)\"" \
  --define:__HBH_PORTAL_WASM__="\"$(sri www/pkg/urenwijzer_wasm_bg.wasm)\"" \
  --outfile="$OUT/hbh-indicatie.js" --log-level=warning
cp www/pkg/urenwijzer_wasm_bg.wasm "$OUT/"
cp www/pkg-site/urenwijzer_wasm_bg.wasm "$OUT/urenwijzer_site_bg.wasm"
cp www/widget/hbh-indicatie.d.ts "$OUT/"

# Sizes and Subresource Integrity hashes (a portal can pin the exact file).
node -e '
  const fs = require("fs"), zlib = require("zlib"), path = require("path"), crypto = require("crypto");
  const [dir, version] = process.argv.slice(1);
  const files = {};
  for (const f of ["hbh-indicatie.js", "urenwijzer_site_bg.wasm", "urenwijzer_wasm_bg.wasm"]) {
    const b = fs.readFileSync(path.join(dir, f));
    files[f] = {
      bytes: b.length,
      gzip: zlib.gzipSync(b, { level: 9 }).length,
      integrity: "sha384-" + crypto.createHash("sha384").update(b).digest("base64"),
    };
    console.log(`${f.padEnd(26)} ${String(files[f].bytes).padStart(8)} B  ${String(files[f].gzip).padStart(7)} B gzipped`);
  }
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ name: "hbh-indicatie", version, files }, null, 2) + "\n");
' "$OUT" "$VERSION"
echo "built $OUT/"
