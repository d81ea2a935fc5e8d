// The answers' path into the module and the figures' path out (issue 11,
// item 3): JSON.stringify + the core's strict reader (shipped) against
// serde-wasm-bindgen (answers as a JavaScript object), and the figures as a
// Float64Array (shipped, the wrapper makes the object) against a plain
// object made by serde-wasm-bindgen. Needs the measurement build:
//   bash bench/build-variant.sh boundary --features boundary-bench
//   node bench/boundary.mjs target/variant-pkg/boundary
// Fails when a variant's output differs from the shipped path's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, root } from '../tests/conformance/collect.mjs';

const dir = process.argv[2] ?? join(root, 'target', 'variant-pkg', 'boundary');
const glue = await import(pathToFileURL(join(dir, 'urenwijzer_wasm.js')).href);
glue.initSync({ module: readFileSync(join(dir, 'urenwijzer_wasm_bg.wasm')) });
const { figuresObject } = await import(pathToFileURL(join(dir, 'urenwijzer.js')).href);
const engine = new glue.Engine(execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' }), false);
/** `answersJson`'s call number for evaluate (rules-wasm `answers_json`). */
const EVALUATE = 3;

let seed = 2019;
const next = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 4294967296;
};
const households = Array.from({ length: 64 }, () => ({
  eigen_mogelijkheden: next() < 0.5,
  beperkingen: ['geen', 'enig', 'veel'][Math.floor(next() * 3)],
  samenstelling_huishouden: next() < 0.5,
  extra_kamers_in_gebruik: Math.floor(next() * 6),
  extra_kamers_niet_in_gebruik: Math.floor(next() * 4),
}));
const DATE = '2024-06-01';

const variants = {
  'evaluateJson, trace: JSON.stringify in (shipped)': (a) => engine.answersJson(EVALUATE, JSON.stringify(a), DATE, undefined, true),
  'evaluateJson, trace: serde-wasm-bindgen in': (a) => engine.benchEvaluateJsonFromObject(a, DATE, undefined, true),
  'evaluateJson, no trace: JSON.stringify in (shipped)': (a) => engine.answersJson(EVALUATE, JSON.stringify(a), DATE, undefined, false),
  'evaluateJson, no trace: serde-wasm-bindgen in': (a) => engine.benchEvaluateJsonFromObject(a, DATE, undefined, false),
  'figures: JSON.stringify in, Float64Array out (figuresArray)': (a) => engine.figuresFlat(JSON.stringify(a), DATE, undefined),
  'figures: serde-wasm-bindgen in, Float64Array out': (a) => engine.benchFiguresFlatFromObject(a, DATE, undefined),
  'figures: JSON.stringify in, Float64Array out, wrapper object (figures)': (a) => figuresObject(engine.figuresFlat(JSON.stringify(a), DATE, undefined)),
  'figures: JSON.stringify in, serde-wasm-bindgen object out': (a) => engine.benchFiguresObject(JSON.stringify(a), DATE, undefined),
};

/** JSON with keys sorted: the serde-wasm-bindgen object goes through serde_json::Value, whose keys are sorted. */
const sorted = (v) => JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));

// Same output bytes (for objects: same members and values), or the variant is out.
const problems = [];
for (const a of households) {
  for (const trace of [true, false]) {
    if (engine.answersJson(EVALUATE, JSON.stringify(a), DATE, undefined, trace) !== engine.benchEvaluateJsonFromObject(a, DATE, undefined, trace)) {
      problems.push(`evaluateJson differs (trace ${trace}) for ${JSON.stringify(a)}`);
    }
  }
  const flat = JSON.stringify(figuresObject(engine.figuresFlat(JSON.stringify(a), DATE, undefined)));
  if (flat !== JSON.stringify(figuresObject(engine.benchFiguresFlatFromObject(a, DATE, undefined))))
    problems.push(`figures in differ for ${JSON.stringify(a)}`);
  if (sorted(JSON.parse(flat)) !== sorted(engine.benchFiguresObject(JSON.stringify(a), DATE, undefined)))
    problems.push(`figures out differ for ${JSON.stringify(a)}`);
}

function time(f, batches = 300) {
  for (let i = 0; i < 20_000; i++) f(households[i & 63]);
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 64; i++) f(households[i]);
    per.push(Number(process.hrtime.bigint() - t) / 64 / 1000);
  }
  per.sort((x, y) => x - y);
  return per[Math.floor(per.length / 2)];
}

console.log(
  `boundary variants, ${dir}, node ${process.version}, load ${readFileSync('/proc/loadavg', 'utf8').trim()}; median µs per call, 64 KPMG households:`,
);
for (const [name, f] of Object.entries(variants)) console.log(`  ${time(f).toFixed(2).padStart(6)}  ${name}`);
console.log(problems.length === 0 ? 'outputs identical for all variants' : `DIFFERENCES:\n${problems.join('\n')}`);
if (problems.length > 0) process.exit(1);
