// Memory stays flat over many evaluations: the wasm linear memory does not
// grow after warm-up and the JS heap (after a full GC) stays within a small
// bound. Default 1,000,000 evaluations (trace on and off alternately, 64
// different households, every 100th one refused with an error).
// Run after scripts/build-wasm.sh: `npm run bench:memory`
// (node --expose-gc bench/wasm-memory.mjs [count]). Exits 1 when memory grows.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, pkgDir, root } from '../tests/conformance/collect.mjs';

const api = await import('../www/pkg-tools/urenwijzer.js');
api.initSync(readFileSync(join(pkgDir, 'urenwijzer_wasm_bg.wasm')));

const total = Number(process.argv[2] ?? 1_000_000);
/** Allowed growth after warm-up. */
const BOUND = { wasmBytes: 0, heapBytes: 2 * 1024 * 1024 };
const gc =
  globalThis.gc ??
  (() => {
    throw new Error('run with node --expose-gc');
  });

const bundle = existsSync(cli())
  ? execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' })
  : readFileSync(join(root, 'norms', 'kpmg-2019', 'package.json'), 'utf8');
const engine = new api.Engine(bundle);
const households = Array.from({ length: 64 }, (_, i) => ({
  eigen_mogelijkheden: i % 2 === 0,
  beperkingen: ['geen', 'enig', 'veel'][i % 3],
  samenstelling_huishouden: i % 5 === 0,
  extra_kamers_in_gebruik: i % 7,
  extra_kamers_niet_in_gebruik: i % 4,
}));
const refused = { ...households[0], beperkingen: 'weinig' };

let checksum = 0;
let errors = 0;
function evaluate(i) {
  if (i % 100 === 99) {
    try {
      engine.evaluate(refused, { date: '2024-06-01' });
    } catch (e) {
      if (e.code !== 'not_an_option') throw e;
      errors++;
    }
    return;
  }
  const ind = engine.evaluate(households[i & 63], { date: '2024-06-01', trace: (i & 1) === 0 });
  checksum += ind.total.minutes_per_week;
}

function measure() {
  gc();
  gc();
  return { wasm: api.__testing.memoryBytes, heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
}

const warmup = Math.min(20_000, total);
for (let i = 0; i < warmup; i++) evaluate(i);
const base = measure();
errors = 0;
checksum = 0;
const mb = (b) => `${(b / 1024 / 1024).toFixed(2)} MB`;
console.log(`after ${warmup} warm-up evaluations: wasm memory ${mb(base.wasm)}, JS heap ${mb(base.heap)}, rss ${mb(base.rss)}`);
const started = process.hrtime.bigint();
let peak = { ...base };
const step = Math.max(1, Math.floor(total / 10));
for (let i = 0; i < total; i++) {
  evaluate(i);
  if ((i + 1) % step === 0) {
    const m = measure();
    peak = { wasm: Math.max(peak.wasm, m.wasm), heap: Math.max(peak.heap, m.heap), rss: Math.max(peak.rss, m.rss) };
    console.log(`${String(i + 1).padStart(9)} evaluations: wasm memory ${mb(m.wasm)}, JS heap ${mb(m.heap)}, rss ${mb(m.rss)}`);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const end = measure();
const grew = { wasm: peak.wasm - base.wasm, heap: end.heap - base.heap };
console.log(`${total} evaluations (${errors} refused) in ${seconds.toFixed(1)} s (${((seconds * 1e6) / total).toFixed(2)} µs each, checksum ${checksum})`);
console.log(
  `growth after warm-up: wasm memory ${grew.wasm} B (bound ${BOUND.wasmBytes}), JS heap ${(grew.heap / 1024).toFixed(0)} KB (bound ${BOUND.heapBytes / 1024} KB), peak rss ${mb(peak.rss)}`,
);
if (grew.wasm > BOUND.wasmBytes || grew.heap > BOUND.heapBytes) {
  console.log('MEMORY GROWS');
  process.exit(1);
}
console.log('memory flat');
