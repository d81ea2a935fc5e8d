// Node side of the conformance harness: gathers the inputs (every package,
// its bundle and its cases) and the native outputs (`urenwijzer
// conformance`, and its form states with `--state`), so that tests/node/conformance.test.mjs and
// tests/browser/conformance.test.mjs can run the same cases through the
// wasm build (run-cases.mjs) and compare byte for byte.
//
// Packages: every directory under norms/ with a package.json (found anew on
// each run, so new packages are covered automatically), plus the synthetic
// packages in tests/conformance/fixtures/ (overlays, tariffs, versions in
// time, a transition rule). Cases: each package's cases/*.json, plus cases
// generated from its questions (valid combinations and refused inputs),
// written with a copy of the bundle to tests/artifacts/conformance/ so the
// CLI evaluates exactly the same inputs.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The tools module (everything: documents too); most tests and the benchmarks use it. */
export const pkgDir = join(root, 'www', 'pkg-tools');
/** The resident module (the widget): compiled bundles only. */
export const residentDir = join(root, 'www', 'pkg');
/** The site module (the self-check site): the resident module without the portal's calls. */
export const siteDir = join(root, 'www', 'pkg-site');
export const artifacts = join(root, 'tests', 'artifacts');

/** The native CLI; scripts/test-wasm.sh builds it (cargo build --release -p rules-cli). */
export function cli() {
  const bin = process.env.URENWIJZER_BIN ?? join(root, 'target', 'release', 'urenwijzer');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run cargo build --release -p rules-cli (or set URENWIJZER_BIN)`);
  return bin;
}

function run(args) {
  return execFileSync(cli(), args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Package directories: norms/*\/ then tests/conformance/fixtures/*\/, each with package.json. */
export function packageDirs() {
  const dirs = [];
  for (const parent of ['norms', join('tests', 'conformance', 'fixtures')]) {
    const abs = join(root, parent);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (existsSync(join(abs, name, 'package.json'))) dirs.push(join(parent, name));
    }
  }
  return dirs;
}

/** Case files of a package directory, in the CLI's order (sorted by name). */
function caseFiles(dir) {
  const cases = join(root, dir, 'cases');
  if (!existsSync(cases)) return [];
  return readdirSync(cases)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** JSON lines of `urenwijzer conformance` → Map case file → output. */
function native(dir, trace, state = false) {
  const out = new Map();
  const text = run(['conformance', dir, ...(trace ? [] : ['--no-trace']), ...(state ? ['--state'] : [])]);
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const { case: name, output } = JSON.parse(line);
    out.set(name, output);
  }
  return out;
}

// ------------------------------------------------------------ generated cases

/** A small deterministic pseudo-random generator (mulberry32). */
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

function validValues(q) {
  switch (q.type) {
    case 'yes_no':
      return [true, false];
    case 'choice':
      return q.options.map((o) => o.id);
    case 'number': {
      const min = q.min ?? 0;
      const max = q.max ?? 0;
      return [...new Set([min, Math.min(min + 1, max), Math.floor((min + max) / 2), max])];
    }
    case 'date':
      return ['2019-05-01', '2020-12-31', '2021-01-01', '2024-02-29'];
    default:
      return [null];
  }
}

function invalidValues(q) {
  switch (q.type) {
    case 'yes_no':
      return ['ja', 1, null];
    case 'choice':
      return ['bestaat_niet', q.options[0]?.id.toUpperCase() ?? 'X', 3];
    case 'number':
      return [(q.min ?? 0) - 1, (q.max ?? 0) + 1, 2.5, '3', 1e21];
    case 'date':
      return ['2021-02-30', '01-01-2021', 20210101];
    default:
      return [];
  }
}

/**
 * Cases generated from a package's questions: random complete answer sets
 * (only asked questions, so most evaluate), each question's invalid values,
 * missing and unknown answers, and odd dates and municipalities.
 */
export function generateCases(engine, count = 120) {
  const info = engine.package;
  const questions = engine.questions();
  const next = random(0x5eed ^ info.id.length);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const dates = [...new Set(info.versions.flatMap((v) => [v.valid_from, v.valid_until].filter(Boolean)))];
  const municipalities = [null, ...info.municipalities.map((m) => m.id)];
  const complete = (date, municipality) => {
    // Answer in order, asking the engine which questions a form would show.
    const answers = {};
    for (const q of questions) {
      const asked = engine.asked(answers, { date, municipality });
      if (asked.includes(q.id)) answers[q.id] = pick(validValues(q));
    }
    const asked = engine.asked(answers, { date, municipality });
    for (const id of Object.keys(answers)) if (!asked.includes(id)) delete answers[id];
    return answers;
  };
  const cases = [];
  const add = (description, date, municipality, answers) => cases.push({ description, date, ...(municipality ? { municipality } : {}), answers });
  for (let i = 0; i < count; i++) {
    const date = pick(dates);
    const municipality = pick(municipalities);
    add('willekeurige volledige antwoorden', date, municipality, complete(date, municipality));
  }
  const date = dates[dates.length - 1] ?? '2024-01-01';
  const base = complete(date, null);
  for (const q of questions) {
    for (const bad of invalidValues(q)) add(`fout antwoord op ${q.id}`, date, null, { ...base, [q.id]: bad });
    const without = { ...base };
    delete without[q.id];
    add(`zonder ${q.id}`, date, null, without);
  }
  add('onbekende vraag', date, null, { ...base, bestaat_niet: true });
  add('leeg object', date, null, {});
  add('null', date, null, null);
  add('tekst', date, null, 'antwoorden');
  add('getal', date, null, 42);
  add('lijst', date, null, [base]);
  add('ongeldige peildatum', '2023-02-29', null, base);
  add('peildatum in ander formaat', '01-01-2024', null, base);
  add('peildatum buiten bereik', '1899-12-31', null, base);
  add('onbekende gemeente', date, 'bestaat-niet', base);
  add('ongeldige startdatum', date, null, { ...base, indicatie_startdatum: '2020-13-01' });
  add('tekens buiten ASCII', date, null, { ...base, 'vraag-é€😀': 'ü\u0000"\\' });
  for (const [description, answers] of mutatedAnswers(base, questions, next)) add(description, date, pick(municipalities), answers);
  return cases;
}

const CONTROL = ['\u001b]0;titel\u0007', '\u001b[2J', '\u0000', '\u009b', '\u202e', '\u2066', '\r\n'];
const ODD_VALUES = [null, true, false, 0, -0, -1, 2.5, 1e21, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), '', 'ja', '3', '2021-02-30', [], {}, [1], { a: 1 }];

/**
 * Answer sets mutated the way a careless or hostile caller would: fields
 * dropped, duplicated under another name, retyped; numbers changed; strings
 * with control characters (in values and keys); deep nesting. Seeded, so
 * the CLI evaluates exactly the same inputs.
 */
function mutatedAnswers(base, questions, next, count = 50) {
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const ids = [...Object.keys(base), ...questions.map((q) => q.id)];
  const out = [];
  for (let i = 0; i < count; i++) {
    const a = structuredClone(base);
    const edits = 1 + Math.floor(next() * 3);
    const what = [];
    for (let e = 0; e < edits; e++) {
      const id = pick(ids);
      const kind = pick(['drop', 'duplicate', 'retype', 'number', 'control', 'controlKey', 'nest']);
      what.push(`${kind} ${id}`);
      switch (kind) {
        case 'drop':
          delete a[id];
          break;
        case 'duplicate':
          a[pick([id.toUpperCase(), `${id}_2`, ` ${id}`, `${id}\u0000`])] = a[id] ?? true;
          break;
        case 'retype':
          a[id] = pick(ODD_VALUES);
          break;
        case 'number':
          a[id] = (typeof a[id] === 'number' ? a[id] : 0) + pick([1, -1, 1000, -1000, 2 ** 31, 0.5]);
          break;
        case 'control':
          a[id] = `${typeof a[id] === 'string' ? a[id] : ''}${pick(CONTROL)}`;
          break;
        case 'controlKey':
          a[`${id}${pick(CONTROL)}`] = a[id] ?? 1;
          break;
        case 'nest': {
          let v = a[id] ?? 1;
          // Within the reader's nesting limit (64) once the case file's own levels are added.
          const depth = 1 + Math.floor(next() * 50);
          for (let d = 0; d < depth; d++) v = next() < 0.5 ? [v] : { [id]: v };
          a[id] = v;
          break;
        }
      }
    }
    out.push([`gemuteerd: ${what.join(', ')}`, a]);
  }
  return out;
}

// ------------------------------------------------------------ collect

/**
 * Everything a run needs: bundles by package key, the cases, and the native
 * outputs with and without trace. `Engine` (the wasm API, initialised) is
 * used only to generate inputs from the questions.
 */
export function collect(Engine, { generated = true } = {}) {
  const genRoot = join(artifacts, 'conformance');
  if (generated) rmSync(genRoot, { recursive: true, force: true });
  const bundles = {};
  /** The compiled bundle (`<id>.uwb`) of each package, base64. */
  const compiled = {};
  const fingerprints = {};
  const cases = [];
  const expected = new Map();
  const compiledRoot = join(artifacts, 'conformance-compiled');
  rmSync(compiledRoot, { recursive: true, force: true });
  for (const dir of packageDirs()) {
    const bundle = run(['bundle', dir]).trimEnd();
    const check = JSON.parse(run(['check', dir, '--format', 'json']));
    bundles[dir] = bundle;
    const out = join(compiledRoot, dir.replaceAll('/', '__'));
    run(['bundle', dir, '--out', out]);
    compiled[dir] = readFileSync(join(out, `${JSON.parse(bundle).id}.uwb`)).toString('base64');
    fingerprints[dir] = check.fingerprint;
    const sources = [{ dir, label: dir }];
    if (generated) {
      // The bundle as package.json of a scratch package with generated cases.
      const engine = new Engine(bundle);
      const gen = join(genRoot, relative(root, join(root, dir)).replaceAll('/', '__'));
      mkdirSync(join(gen, 'cases'), { recursive: true });
      writeFileSync(join(gen, 'package.json'), `${bundle}\n`);
      generateCases(engine).forEach((c, i) => {
        writeFileSync(join(gen, 'cases', `gen-${String(i).padStart(4, '0')}.json`), `${JSON.stringify(c, null, 1)}\n`);
      });
      engine.free();
      sources.push({ dir: relative(root, gen), label: `${dir} (gegenereerd)` });
    }
    for (const { dir: from, label } of sources) {
      const withTrace = native(from, true);
      const withoutTrace = native(from, false);
      const states = native(from, true, true);
      for (const name of caseFiles(from)) {
        const c = JSON.parse(readFileSync(join(root, from, 'cases', name), 'utf8'));
        const key = `${label}/${name}`;
        cases.push({ key, package: dir, date: c.date, municipality: c.municipality ?? null, answers: c.answers });
        if (!withTrace.has(name) || !withoutTrace.has(name) || !states.has(name)) throw new Error(`no native output for ${key}`);
        expected.set(key, { trace: withTrace.get(name), noTrace: withoutTrace.get(name), state: states.get(name) });
      }
    }
  }
  return { bundles, compiled, fingerprints, cases, expected };
}

/** Mismatches between the native outputs and a run of run-cases.mjs (empty: identical). */
export function compare(collected, result, where) {
  const mismatches = [...result.problems.map((p) => `${where}: ${p}`)];
  for (const [dir, fp] of Object.entries(collected.fingerprints)) {
    if (result.fingerprints[dir] !== fp) mismatches.push(`${where}: ${dir}: fingerprint ${result.fingerprints[dir]}, native ${fp}`);
  }
  for (const c of collected.cases) {
    const want = collected.expected.get(c.key);
    const got = result.outputs[c.key];
    for (const mode of ['trace', 'noTrace', 'state']) {
      if (got?.[mode] === want[mode]) continue;
      const a = got?.[mode] ?? '(none)';
      const b = want[mode];
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      mismatches.push(
        `${where}: ${c.key} (${mode}) differs at byte ${i}:\n  wasm:   …${a.slice(Math.max(0, i - 60), i + 60)}\n  native: …${b.slice(Math.max(0, i - 60), i + 60)}`,
      );
    }
  }
  return mismatches;
}
