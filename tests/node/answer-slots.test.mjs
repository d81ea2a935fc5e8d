// Answers as numbers (w20): `figures`, `figuresArray` and `evaluate` write a
// plain answers object into the module as numbers when they can, else take
// the JSON text path. Both paths must give the same result or the same
// error object for every case of every package and for variations of each
// that the numbers cannot carry (w19's variations, and JavaScript's own:
// null prototypes, class instances, toJSON, getters, Symbol keys, undefined
// values, NaN). `__testing.slots = false` forces the text path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import api, { kpmgAnswers } from './wasm.mjs';
import { execFileSync } from 'node:child_process';
import { cli, collect, root } from '../conformance/collect.mjs';
import * as glue from '../../www/pkg-tools/urenwijzer_wasm.js';

const { __testing } = api;

/** What a call gives, as comparable text: the result, or the error object. */
function outcome(f) {
  try {
    const r = f();
    return r instanceof Float64Array ? `array ${JSON.stringify(Array.from(r, (x) => (Number.isNaN(x) ? 'NaN' : x)))}` : JSON.stringify(r);
  } catch (e) {
    return `error ${JSON.stringify(e instanceof api.UrenwijzerError ? e : String(e))}`;
  }
}

/** Each call on both paths; the differences. */
function compare(engine, answers, options, label, problems) {
  for (const [name, call] of [
    ['figures', () => engine.figures(answers, options)],
    ['figuresArray', () => engine.figuresArray(answers, options)],
    ['evaluate', () => engine.evaluate(answers, options)],
    ['evaluate without trace', () => engine.evaluate(answers, { ...options, trace: false })],
  ]) {
    __testing.slots = false;
    const text = outcome(call);
    __testing.slots = true;
    const slots = outcome(call);
    if (text !== slots) problems.push(`${label} ${name}: text ${text.slice(0, 300)} vs slots ${slots.slice(0, 300)}`);
  }
}

class Household {
  constructor(answers) {
    Object.assign(this, answers);
  }
}

/** The variations of one answers object. */
function* variations(answers) {
  const keys = Object.keys(answers);
  for (const k of keys) {
    const { [k]: _, ...rest } = answers;
    yield [`without ${k}`, rest];
    for (const v of [
      null,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1.5,
      -0,
      0,
      2 ** 53,
      -(2 ** 53),
      2 ** 53 - 1,
      [1],
      {},
      '',
      'x',
      'ja',
      true,
      1,
      undefined,
      Number.NaN,
      'é',
      '2024-01-01',
    ]) {
      yield [`${k} = ${String(v)}`, { ...answers, [k]: v }];
    }
    yield [`${k} = a symbol`, { ...answers, [k]: Symbol('s') }];
    yield [`${k} = a function`, { ...answers, [k]: () => 1 }];
    yield [`${k} = new Number`, { ...answers, [k]: new Number(1) }];
    yield [`${k} as getter`, Object.defineProperty({ ...answers }, k, { get: () => answers[k], enumerable: true })];
  }
  yield ['extra key', { ...answers, extra: 1 }];
  yield ['extra key that is an option', { ...answers, ja: true }];
  yield ['start date', { ...answers, indicatie_startdatum: '2024-01-01' }];
  yield ['start date wrong', { ...answers, indicatie_startdatum: true }];
  yield ['65 keys', { ...answers, ...Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])) }];
  yield ['null prototype', Object.assign(Object.create(null), answers)];
  yield ['class instance', new Household(answers)];
  yield ['toJSON', { ...answers, toJSON: () => answers }];
  yield ['toJSON to other', { ...answers, toJSON: () => ({}) }];
  yield ['Symbol key', { ...answers, [Symbol('k')]: 1 }];
  yield ['non-enumerable key', Object.defineProperty({ ...answers }, 'extra', { value: 1, enumerable: false })];
  yield ['reversed', Object.fromEntries(Object.entries(answers).reverse())];
  yield ['array', Object.values(answers)];
  yield ['null', null];
  yield ['undefined', undefined];
  yield ['text', JSON.stringify(answers)];
  yield ['Map', new Map(Object.entries(answers))];
}

test('answers as numbers and as JSON text give the same results and errors, every case and its variations', () => {
  const collected = collect(api.Engine);
  const engines = Object.fromEntries(Object.entries(collected.bundles).map(([k, text]) => [k, new api.Engine(text)]));
  // Count the calls the module answered from the numbers.
  let quick = 0;
  const original = glue.Engine.prototype.figuresSlots;
  glue.Engine.prototype.figuresSlots = function () {
    const head = original.call(this);
    if (head !== 0) quick += 1;
    return head;
  };
  const problems = [];
  let compared = 0;
  try {
    collected.cases.forEach((c, i) => {
      const engine = engines[c.package];
      const options = { date: c.date, municipality: c.municipality };
      compare(engine, c.answers, options, c.key, problems);
      compared += 1;
      // Options the numbers cannot carry, and the variations (on every fourth case: time).
      compare(engine, c.answers, { ...options, municipality: 'onbekend' }, `${c.key} unknown municipality`, problems);
      compare(engine, c.answers, { ...options, date: '2024-13-01' }, `${c.key} bad date`, problems);
      compare(engine, c.answers, { ...options, date: new Date(2024, 0, 1) }, `${c.key} Date`, problems);
      if (i % 4 !== 0 || c.answers === null || typeof c.answers !== 'object' || Array.isArray(c.answers)) return;
      for (const [label, answers] of variations(c.answers)) {
        compare(engine, answers, options, `${c.key} ${label}`, problems);
        compared += 1;
      }
    });
  } finally {
    glue.Engine.prototype.figuresSlots = original;
    __testing.slots = true;
  }
  assert.deepEqual(problems.slice(0, 10), [], `${problems.length} differences`);
  assert.ok(quick >= 1000, `only ${quick} figures calls answered from the numbers`);
  console.log(`# ${compared} answers objects, ${quick} figures calls answered from the numbers: the same as the text path`);
});

test('a getter that calls the module while the answers are written leaves the result right', () => {
  const engine = new api.Engine(execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' }));
  const answers = kpmgAnswers;
  const options = { date: '2024-06-01' };
  const want = JSON.stringify(engine.figures(answers, options));
  const tricky = { ...answers };
  Object.defineProperty(tricky, 'beperkingen', {
    enumerable: true,
    get() {
      // Another call fills the buffer with other answers meanwhile.
      engine.figures({ ...answers, beperkingen: 'geen', extra_kamers_in_gebruik: 0 }, options);
      return 'veel';
    },
  });
  assert.equal(JSON.stringify(engine.figures(tricky, options)), want);
  assert.equal(JSON.stringify(engine.evaluate(tricky, options)), JSON.stringify(engine.evaluate(answers, options)));
});
