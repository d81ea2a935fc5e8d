// Budgets of the browser build (docs/performance.md, "Browser build"):
//   - the resident module (www/pkg: .wasm, glue and wrapper, as sizes.json of
//     scripts/build-wasm.sh counts them) at most 60 KB gzipped (issue 11); the
//     module timed here (the tools module unless URENWIJZER_PKG) is listed too;
//   - engine.evaluate from JavaScript on the KPMG package: median at most
//     10 µs with the trace, at most 2 µs without it;
//   - the same KPMG rules in json-rules-engine and @gorules/zen-engine, with
//     the ratios (issue 11: evaluate with trace at least 4×, figures-only
//     `engine.figures` at least 20× faster than json-rules-engine).
// Run after scripts/build-wasm.sh: `npm run bench` (node bench/wasm-bench.mjs).
// `--json FILE` also writes the numbers as JSON. Exits 0 even when a budget
// is missed (the doc names the misses); it fails only when the engines
// disagree on a result.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { cli, pkgDir, residentDir, root, siteDir } from '../tests/conformance/collect.mjs';

import { pathToFileURL } from 'node:url';

// URENWIJZER_PKG=dir benchmarks another build of www/pkg (e.g. other optimisation settings).
const dir = process.env.URENWIJZER_PKG ?? pkgDir;
const api = await import(pathToFileURL(join(dir, 'urenwijzer.js')).href);
api.initSync(readFileSync(join(dir, 'urenwijzer_wasm_bg.wasm')));

// Sizes count in bytes and thousands of bytes (KB = 1,000 B), as docs/performance.md and the
// notes do: the budget of 60 KB is 60,000 B, the stricter reading of the issue.
const BUDGET = { gzipBytes: 60_000, traceMicros: 10, noTraceMicros: 2, traceRatio: 4, figuresRatio: 20 };

// ---------------------------------------------------------------- size

function gz(file) {
  const bytes = readFileSync(join(dir, file));
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
// The resident module ships one JavaScript file (wrapper and glue bundled); the tools module two.
const hasGlue = existsSync(join(dir, 'urenwijzer_wasm.js'));
const size = { wasm: gz('urenwijzer_wasm_bg.wasm'), glue: hasGlue ? gz('urenwijzer_wasm.js') : { bytes: 0, gzip: 0 }, wrapper: gz('urenwijzer.js') };
size.wasmPlusGlue = size.wasm.gzip + size.glue.gzip;
size.all = size.wasmPlusGlue + size.wrapper.gzip;
// The budgeted modules, by their own count (sizes.json), whichever module is
// timed: the site module (www/pkg-site, what the self-check site serves) and
// the resident module (www/pkg, the widget).
const builtSizes = (d) => (existsSync(join(d, 'sizes.json')) ? JSON.parse(readFileSync(join(d, 'sizes.json'), 'utf8')).total : null);
size.site = builtSizes(siteDir);
size.resident = builtSizes(residentDir);

// ---------------------------------------------------------------- inputs

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(2019);
/** 64 different households, so no engine sees one input over and over. */
const households = Array.from({ length: 64 }, () => ({
  eigen_mogelijkheden: next() < 0.5,
  beperkingen: ['geen', 'enig', 'veel'][Math.floor(next() * 3)],
  samenstelling_huishouden: next() < 0.5,
  extra_kamers_in_gebruik: Math.floor(next() * 6),
  extra_kamers_niet_in_gebruik: Math.floor(next() * 4),
}));
const DATE = '2024-06-01';

const bundle = existsSync(cli())
  ? execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' })
  : readFileSync(join(root, 'norms', 'kpmg-2019', 'package.json'), 'utf8');
const engine = new api.Engine(bundle);

// ---------------------------------------------------------------- the KPMG rules elsewhere

/** KPMG hours per year per dwelling (domain.md §4.1), as rules: [id, hours, condition, per]. */
const KPMG = [
  ['basis', 108, null, null],
  ['beperkingen_enig', 26, ['beperkingen', 'enig'], null],
  ['beperkingen_veel', 52, ['beperkingen', 'veel'], null],
  ['samenstelling_huishouden', 26, ['samenstelling_huishouden', true], null],
  ['extra_kamers_in_gebruik', 16, null, 'extra_kamers_in_gebruik'],
  ['extra_kamers_niet_in_gebruik', 4, null, 'extra_kamers_niet_in_gebruik'],
  ['eigen_mogelijkheden', -23, ['eigen_mogelijkheden', true], null],
];

const jre = (await import('json-rules-engine')).default;
const rulesEngine = new jre.Engine([], { allowUndefinedFacts: false });
for (const [id, hours, when, per] of KPMG) {
  const all = [];
  if (when) all.push({ fact: when[0], operator: 'equal', value: when[1] });
  if (per) all.push({ fact: per, operator: 'greaterThan', value: 0 });
  rulesEngine.addRule({ name: id, conditions: { all }, event: { type: 'regel', params: { regel: id, uren: hours, per } } });
}
async function viaJsonRulesEngine(answers) {
  const { events } = await rulesEngine.run(answers);
  let hours = 0;
  for (const e of events) hours += e.params.uren * (e.params.per ? answers[e.params.per] : 1);
  return figures(
    hours * 60,
    events.map((e) => e.params.regel),
  );
}

let zen = null;
let zenProblem = null;
try {
  const { ZenEngine } = await import('@gorules/zen-engine');
  const cell = (v) => (typeof v === 'string' ? `"${v}"` : String(v));
  const inputs = ['beperkingen', 'samenstelling_huishouden', 'eigen_mogelijkheden', 'extra_kamers_in_gebruik', 'extra_kamers_niet_in_gebruik'];
  const jdm = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Antwoorden', position: { x: 0, y: 0 } },
      {
        id: 'kpmg',
        type: 'decisionTableNode',
        name: 'KPMG schoon en leefbaar huis',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs: inputs.map((f) => ({ id: f, name: f, field: f })),
          outputs: [
            { id: 'regel', name: 'Regel', field: 'regel' },
            { id: 'uren', name: 'Uren per jaar', field: 'uren' },
          ],
          rules: KPMG.map(([id, hours, when, per], i) => {
            const row = { _id: String(i), regel: `"${id}"`, uren: per ? `${per} * ${hours}` : String(hours) };
            for (const f of inputs) row[f] = '';
            if (when) row[when[0]] = cell(when[1]);
            if (per) row[per] = '> 0';
            return row;
          }),
        },
      },
      { id: 'out', type: 'outputNode', name: 'Uitkomst', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'kpmg', type: 'edge' },
      { id: 'e2', sourceId: 'kpmg', targetId: 'out', type: 'edge' },
    ],
  };
  zen = new ZenEngine().createDecision(Buffer.from(JSON.stringify(jdm)));
} catch (e) {
  zenProblem = `@gorules/zen-engine could not be loaded here: ${e.message}`;
}
async function viaZen(answers) {
  const { result } = await zen.evaluate(answers);
  let hours = 0;
  for (const r of result) hours += r.uren;
  return figures(
    hours * 60,
    result.map((r) => r.regel),
  );
}

function figures(minutesPerYear, rules) {
  return { minutes_per_week: Math.ceil(minutesPerYear / 52), minutes_per_year: minutesPerYear, rules };
}

// ---------------------------------------------------------------- agreement

const disagreements = [];
for (const a of households) {
  const ind = engine.evaluate(a, { date: DATE });
  const ours = {
    minutes_per_week: ind.total.minutes_per_week,
    minutes_per_year: ind.total.minutes_per_year,
    rules: ind.trace.filter((s) => s.rule).map((s) => s.rule),
  };
  const fig = engine.figures(a, { date: DATE });
  if (JSON.stringify(fig.total) !== JSON.stringify(ind.total) || fig.areas.length !== ind.areas.length) {
    disagreements.push(`figures on ${JSON.stringify(a)}: ${JSON.stringify(fig.total)} vs ${JSON.stringify(ind.total)}`);
  }
  for (const [name, f] of [['json-rules-engine', viaJsonRulesEngine], ...(zen ? [['zen-engine', viaZen]] : [])]) {
    const theirs = await f(a);
    const sortRules = (r) => ({ ...r, rules: [...r.rules].sort() });
    if (JSON.stringify(sortRules(theirs)) !== JSON.stringify(sortRules(ours))) {
      disagreements.push(`${name} on ${JSON.stringify(a)}: ${JSON.stringify(theirs)} vs ${JSON.stringify(ours)}`);
    }
  }
}

// ---------------------------------------------------------------- timing

/** Per-call microseconds: median and p95 over batches of all 64 households. */
function timeSync(f, batches = 400) {
  for (let i = 0; i < 30_000; i++) f(households[i & 63]);
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 64; i++) f(households[i]);
    per.push(Number(process.hrtime.bigint() - t) / 64 / 1000);
  }
  return stats(per);
}
async function timeAsync(f, batches = 60) {
  for (let i = 0; i < 2_000; i++) await f(households[i & 63]);
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 64; i++) await f(households[i]);
    per.push(Number(process.hrtime.bigint() - t) / 64 / 1000);
  }
  return stats(per);
}
function stats(xs) {
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], p95: xs[Math.floor(xs.length * 0.95)] };
}

const withTrace = { date: DATE, trace: true };
const withoutTrace = { date: DATE, trace: false };
const sample = engine.evaluateToJson(households[0], withTrace);
const sampleBare = engine.evaluateToJson(households[0], withoutTrace);
// What `evaluate` did before the payload and template (docs/performance.md,
// "Payload and template"): the canonical text, parsed. Measured in the same
// run, so the ratio of the two does not depend on the machine's load.
const viaText = (a, o) => JSON.parse(engine.evaluateToJson(a, o));
const glue = await import(pathToFileURL(join(dir, 'urenwijzer_wasm.js')).href);
const hasPayload = typeof glue.Engine.prototype.evaluatePayload === 'function';
const hasPacked = typeof glue.Engine.prototype.evaluatePacked === 'function';
const sizes = hasPayload ? payloadSizes() : hasPacked ? packedSizes() : null;
const timing = {
  trace: timeSync((a) => engine.evaluate(a, withTrace)),
  noTrace: timeSync((a) => engine.evaluate(a, withoutTrace)),
  viaTextTrace: timeSync((a) => viaText(a, withTrace)),
  viaTextNoTrace: timeSync((a) => viaText(a, withoutTrace)),
  textTrace: timeSync((a) => engine.evaluateToJson(a, withTrace)),
  textNoTrace: timeSync((a) => engine.evaluateToJson(a, withoutTrace)),
  figures: timeSync((a) => engine.figures(a, withoutTrace)),
  figuresArray: timeSync((a) => engine.figuresArray(a, withoutTrace)),
  parseTrace: timeSync(() => JSON.parse(sample)),
  parseNoTrace: timeSync(() => JSON.parse(sampleBare)),
  jsonRulesEngine: await timeAsync(viaJsonRulesEngine),
  zen: zen ? await timeAsync(viaZen) : null,
};

/**
 * The budget ratios measured in pairs: each round times one batch of all 64
 * households in json-rules-engine, then in `evaluate` with trace, then in
 * `figures`, and takes the ratios of that round; the median over the rounds.
 * The ratios of the medians above compare batches timed seconds apart, and
 * json-rules-engine's own median swings by 2× with the machine's load
 * (docs/performance.md, w17), so this is the figure to read for the budgets.
 */
async function pairedRatios(rounds = 60) {
  // json-rules-engine's run is async (awaited, as timeAsync does); ours are
  // synchronous calls (as timeSync does: an await per call would add a
  // microtask to each of ours).
  const batchAsync = async (f) => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 64; i++) await f(households[i]);
    return Number(process.hrtime.bigint() - t);
  };
  const batch = (f) => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 64; i++) f(households[i]);
    return Number(process.hrtime.bigint() - t);
  };
  const vsTrace = [];
  const vsFigures = [];
  for (let r = 0; r < rounds; r++) {
    const theirs = await batchAsync(viaJsonRulesEngine);
    const trace = batch((a) => engine.evaluate(a, withTrace));
    const figures = batch((a) => engine.figures(a, withoutTrace));
    vsTrace.push(theirs / trace);
    vsFigures.push(theirs / figures);
  }
  return { trace: stats(vsTrace), figures: stats(vsFigures) };
}
const paired = await pairedRatios();

/** Payload and template sizes of the KPMG result (bytes of JSON text), from the module's own exports. */
function payloadSizes() {
  const rawEngine = new glue.Engine(bundle, false);
  const text = JSON.stringify(households[0]);
  const payload = rawEngine.evaluatePayload(text, DATE, undefined, true);
  const payloadBare = rawEngine.evaluatePayload(text, DATE, undefined, false);
  const template = rawEngine.templateJson(JSON.parse(payload).package);
  return { payload: payload.length, payloadNoTrace: payloadBare.length, template: template.length };
}

/** The packed form's sizes (bytes of numbers and text; docs/performance.md, w18) and the template's. */
function packedSizes() {
  const rawEngine = new glue.Engine(bundle, false);
  const text = JSON.stringify(households[0]);
  const bytes = (trace) => {
    const h = new Uint32Array(glue.wasmMemory().buffer, rawEngine.evaluatePacked(text, DATE, undefined, trace), 4);
    return { numbers: h[1], text: h[3] };
  };
  const [trace, bare] = [bytes(true), bytes(false)];
  const template = rawEngine.templateJson(0);
  return { packed: trace, packedNoTrace: bare, template: template.length };
}

// ---------------------------------------------------------------- report

const µs = (x) => `${x.toFixed(2)} µs`;
const ratio = (x, y) => `${(x / y).toFixed(1)}×`;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const bytes = (b) => `${b.toLocaleString('en')} B`;
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
const lines = [];
const say = (s = '') => lines.push(s);
say(`Urenwijzer browser build benchmark: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores)`);
say();
for (const [name, built] of [
  ['site module (www/pkg-site, the self-check site)', size.site],
  ['resident module (www/pkg, the widget)', size.resident],
]) {
  if (built)
    say(`${name}, gzip -9: ${bytes(built.gzip)} (${kb(built.bytes)} raw)  [budget ${bytes(BUDGET.gzipBytes)}: ${verdict(built.gzip <= BUDGET.gzipBytes)}]`);
}
say(
  `timed module (${dir}), gzip -9: .wasm ${kb(size.wasm.gzip)} (${kb(size.wasm.bytes)} raw) + glue ${kb(size.glue.gzip)} + wrapper ${kb(size.wrapper.gzip)} = ${kb(size.all)}`,
);
say();
say(`KPMG package, ${households.length} different households, per call (median / p95):`);
say(
  `  urenwijzer evaluate, trace        ${µs(timing.trace.median)} / ${µs(timing.trace.p95)}  [budget ${BUDGET.traceMicros} µs: ${verdict(timing.trace.median <= BUDGET.traceMicros)}]`,
);
say(
  `  urenwijzer evaluate, no trace     ${µs(timing.noTrace.median)} / ${µs(timing.noTrace.p95)}  [budget ${BUDGET.noTraceMicros} µs: ${verdict(timing.noTrace.median <= BUDGET.noTraceMicros)}]`,
);
say(`    of which in wasm + glue (evaluateToJson): ${µs(timing.textTrace.median)} trace, ${µs(timing.textNoTrace.median)} no trace`);
say(
  `    of which JSON.parse of the result:        ${µs(timing.parseTrace.median)} trace (${sample.length} B), ${µs(timing.parseNoTrace.median)} no trace (${sampleBare.length} B)`,
);
say(
  `  evaluate as before (JSON.parse(evaluateToJson)): ${µs(timing.viaTextTrace.median)} trace, ${µs(timing.viaTextNoTrace.median)} no trace; now ${ratio(timing.viaTextTrace.median, timing.trace.median)} / ${ratio(timing.viaTextNoTrace.median, timing.noTrace.median)} faster`,
);
if (sizes?.packed)
  say(
    `    packed ${sizes.packed.numbers} numbers + ${sizes.packed.text} B text trace, ${sizes.packedNoTrace.numbers} + ${sizes.packedNoTrace.text} B no trace; template of the version ${sizes.template} B (fetched and parsed once)`,
  );
else if (sizes)
  say(`    payload ${sizes.payload} B trace, ${sizes.payloadNoTrace} B no trace; template of the version ${sizes.template} B (fetched and parsed once)`);
say(`  urenwijzer figures (object)       ${µs(timing.figures.median)} / ${µs(timing.figures.p95)}`);
say(`  urenwijzer figuresArray           ${µs(timing.figuresArray.median)} / ${µs(timing.figuresArray.p95)}`);
say(`  json-rules-engine (await run)     ${µs(timing.jsonRulesEngine.median)} / ${µs(timing.jsonRulesEngine.p95)}`);
if (timing.zen) say(`  @gorules/zen-engine (await)       ${µs(timing.zen.median)} / ${µs(timing.zen.p95)}`);
else say(`  @gorules/zen-engine               not measured: ${zenProblem}`);
say();
say('ratios (their median / Urenwijzer median; Urenwijzer with its full trace and explanation, they without):');
say(
  `  json-rules-engine: ${ratio(timing.jsonRulesEngine.median, timing.trace.median)} vs trace [budget ${BUDGET.traceRatio}×: ${verdict(timing.jsonRulesEngine.median / timing.trace.median >= BUDGET.traceRatio)}], ${ratio(timing.jsonRulesEngine.median, timing.noTrace.median)} vs no trace, ${ratio(timing.jsonRulesEngine.median, timing.figures.median)} vs figures [budget ${BUDGET.figuresRatio}×: ${verdict(timing.jsonRulesEngine.median / timing.figures.median >= BUDGET.figuresRatio)}], ${ratio(timing.jsonRulesEngine.median, timing.figuresArray.median)} vs figuresArray`,
);
say(
  `  json-rules-engine, paired rounds (median of 60 rounds of one batch each, alternating): ${paired.trace.median.toFixed(1)}× vs trace [budget ${BUDGET.traceRatio}×: ${verdict(paired.trace.median >= BUDGET.traceRatio)}], ${paired.figures.median.toFixed(1)}× vs figures [budget ${BUDGET.figuresRatio}×: ${verdict(paired.figures.median >= BUDGET.figuresRatio)}]`,
);
if (timing.zen)
  say(
    `  zen-engine:        ${ratio(timing.zen.median, timing.trace.median)} vs trace, ${ratio(timing.zen.median, timing.noTrace.median)} vs no trace, ${ratio(timing.zen.median, timing.figures.median)} vs figures`,
  );
say();
say(
  disagreements.length === 0
    ? `all engines agree on all ${households.length} households (total minutes and rules that fire)`
    : `DISAGREEMENTS:\n${disagreements.join('\n')}`,
);
console.log(lines.join('\n'));

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) {
  writeFileSync(process.argv[jsonAt + 1], `${JSON.stringify({ node: process.version, size, sizes, timing, budget: BUDGET, zenProblem }, null, 2)}\n`);
}
if (disagreements.length > 0) process.exit(1);
