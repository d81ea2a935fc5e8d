// Load time of a package in the browser build: the JSON bundle (`new
// Engine(text)`: strict reader, compile, fingerprint, pre-render) against the
// compiled bundle (`Engine.fromCompiled(bytes)`: hash, decode, checks,
// pre-render), and the sizes of both files. `npm run bench:compiled`;
// numbers go into docs/performance.md (not a timed test).
// URENWIJZER_PKG=dir measures another build (e.g. www/pkg, the resident
// module, which loads compiled bundles only: its JSON column stays empty).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cli, pkgDir, root } from '../tests/conformance/collect.mjs';

const dir = process.env.URENWIJZER_PKG ?? pkgDir;
const api = await import(pathToFileURL(join(dir, 'urenwijzer.js')).href);
api.initSync(readFileSync(join(dir, 'urenwijzer_wasm_bg.wasm')));

const out = mkdtempSync(join(tmpdir(), 'urenwijzer-bench-'));
const dirs = readdirSync(join(root, 'norms'))
  .filter((d) => !d.includes('.') && d !== 'archive')
  .map((d) => `norms/${d}`);
execFileSync(cli(), ['bundle', ...dirs, '--out', out], { cwd: root, stdio: 'ignore' });

function median(f, rounds = 41) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)];
}

console.log('| package | JSON bundle (gzip) | compiled (gzip) | load JSON | load compiled |');
console.log('|---|---:|---:|---:|---:|');
for (const file of readdirSync(out)
  .filter((f) => f.endsWith('.uwb'))
  .sort()) {
  const id = file.slice(0, -4);
  const text = readFileSync(join(out, `${id}.json`), 'utf8');
  const bytes = new Uint8Array(readFileSync(join(out, file)));
  let loadsJson = true;
  try {
    new api.Engine(text).free();
  } catch {
    loadsJson = false;
  }
  for (let i = 0; i < 5; i++) {
    if (loadsJson) new api.Engine(text).free();
    api.Engine.fromCompiled(bytes).free();
  }
  const json = loadsJson ? median(() => new api.Engine(text).free()) : Number.NaN;
  const compiled = median(() => api.Engine.fromCompiled(bytes).free());
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `| ${id} | ${kb(Buffer.byteLength(text))} (${kb(gzipSync(text, { level: 9 }).length)}) | ${kb(bytes.length)} (${kb(gzipSync(bytes, { level: 9 }).length)}) | ${loadsJson ? `${json.toFixed(2)} ms` : '—'} | ${compiled.toFixed(2)} ms |`,
  );
}
