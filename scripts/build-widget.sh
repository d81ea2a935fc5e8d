#!/usr/bin/env bash
# Builds the embeddable widget <hbh-indicatie> into a versioned directory:
#   www/dist/widget/<version>/hbh-indicatie.js      the one ES module (CSS inside)
#   www/dist/widget/<version>/hbh-indicatie.js.map  its source map
#   www/dist/widget/<version>/urenwijzer_wasm_bg.wasm  the rules engine it loads
#   www/dist/widget/<version>/manifest.json         sizes and SRI hashes
# <version> is www/widget/VERSION: the widget's own version, the portal-facing
# API (attributes, events, what `package` points at). Since 0.2.0 it is
# independent of the engine version, which every result carries
# (`engine.version`). 0.2.0 loads compiled bundles (`<id>.uwb`) with the
# resident module; 0.1.0 (JSON bundles) is no longer built (docs/widget.md,
# "Migration from 0.1.0"). A portal pins a version by its path.
#
# The browser builds are made first with scripts/build-wasm.sh when www/pkg
# is missing or older than its sources (need_wasm in scripts/lib.sh: after
# scripts/test-wasm.sh, test-all.sh does not build them a second time);
# set WIDGET_SKIP_WASM=1 to use the www/pkg that is there.
. "$(dirname "$0")/lib.sh"

VERSION=$(tr -d '[:space:]' < www/widget/VERSION)
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "www/widget/VERSION is not a version (x.y.z): $VERSION"

if [ "${WIDGET_SKIP_WASM:-}" = "1" ] && [ -f www/pkg/urenwijzer.js ]; then
  echo "== www/pkg/ reused (WIDGET_SKIP_WASM=1)"
else
  need_wasm
fi
[ -f www/pkg/urenwijzer_wasm_bg.wasm ] || fail "www/pkg has no urenwijzer_wasm_bg.wasm (run scripts/build-wasm.sh)"
# The widget needs the portal's exports (records, plan, the packed indication):
# asked of the .wasm itself, since the wrapper's source is the same in every
# module (the site module copied here would otherwise pass).
node -e '
const m = new WebAssembly.Module(require("fs").readFileSync("www/pkg/urenwijzer_wasm_bg.wasm"));
const names = new Set(WebAssembly.Module.exports(m).map((e) => e.name));
process.exit(["readRecordJson", "engine_planJson", "engine_evaluatePacked"].every((n) => names.has(n)) ? 0 : 1);
' || fail "www/pkg/urenwijzer_wasm_bg.wasm lacks the portal exports (readRecordJson, ...): it is not the resident module; rebuild with scripts/build-wasm.sh"
# The widget ships the resident module: never the tools module's exports.
[ ! -f www/pkg/urenwijzer_wasm.js ] && ! grep -q 'checkReportJson' www/pkg/urenwijzer.js || fail "www/pkg is the tools module; rebuild with scripts/build-wasm.sh"

ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || fail "$ESBUILD is missing: run npm ci"

OUT="www/dist/widget/$VERSION"
echo "== esbuild www/widget/src/hbh-indicatie.js -> $OUT/"
rm -rf "$OUT"
mkdir -p "$OUT"
"$ESBUILD" www/widget/src/hbh-indicatie.js \
  --bundle --format=esm --target=chrome111,firefox113,safari16.4 \
  --minify --sourcemap --legal-comments=none --charset=utf8 \
  --loader:.css=text \
  --define:__HBH_VERSION__="\"$VERSION\"" \
  --outfile="$OUT/hbh-indicatie.js" --log-level=warning
cp www/pkg/urenwijzer_wasm_bg.wasm "$OUT/"
cp www/widget/hbh-indicatie.d.ts "$OUT/"

# Sizes and Subresource Integrity hashes (a portal can pin the exact file).
node -e '
  const fs = require("fs"), zlib = require("zlib"), path = require("path"), crypto = require("crypto");
  const [dir, version] = process.argv.slice(1);
  const files = {};
  for (const f of ["hbh-indicatie.js", "urenwijzer_wasm_bg.wasm"]) {
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
