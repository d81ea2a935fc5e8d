// Hostile and careless inputs (tests/fixtures/hostile/expect.json) through the
// wasm build in Node: the same codes as the core in Rust
// (rules-core/tests/hostile.rs) and the CLI. Files go in as bytes
// (checkFiles / classifyFiles), as the checking page passes them; answers as
// text through the glue, the bytes the CLI reads (numbers as written: an
// object would already be rounded by JSON.parse, 1e400 turned into Infinity,
// and it cannot hold a duplicate key).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root as repoDir } from '../conformance/collect.mjs';
import api from './wasm.mjs';
import { Engine as RawEngine } from '../../www/pkg-tools/urenwijzer_wasm.js';

const { Engine, UrenwijzerError, checkFiles, classifyFiles } = api;
const dir = join(repoDir, 'tests', 'fixtures', 'hostile');
const manifest = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8'));
const fixture = (name) => readFileSync(join(dir, name));
const kpmgText = readFileSync(join(repoDir, 'norms', 'kpmg-2019', 'package.json'), 'utf8');
const h4 = readFileSync(join(repoDir, 'norms', 'h4', 'package.json'));
const options = { date: '2024-01-01' };

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('no error');
}

/** The error object the browser build gives a fixture, read as the manifest says. */
function verdict(c) {
  const bytes = fixture(c.file);
  switch (c.as) {
    case 'package':
      return classifyFiles([{ path: c.file, bytes }])[0].error;
    case 'overlay': {
      const { reports } = checkFiles([
        { path: 'h4/package.json', bytes: h4 },
        { path: 'h4/overlays/delft.json', bytes },
      ]);
      return reports[0].check.error;
    }
    case 'case':
      return classifyFiles([{ path: `x/cases/${c.file}`, bytes }])[0].error;
    case 'answers':
      // The module throws a core error as its error object's JSON text.
      return JSON.parse(thrown(() => rawKpmg().answersJson(EVALUATE, bytes.toString('utf8'), '2024-01-01', undefined, true)));
    default:
      throw new Error(c.as);
  }
}

let raw;
/** `answersJson`'s call number for evaluate (rules-wasm `answers_json`). */
const EVALUATE = 3;
const rawKpmg = () => {
  raw ??= new RawEngine(kpmgText, true);
  return raw;
};

test('every hostile fixture gets the verdict of the manifest', () => {
  const kpmg = new Engine(kpmgText, { plainDocument: true });
  const asText = (name) => rawKpmg().answersJson(EVALUATE, fixture(name).toString('utf8'), '2024-01-01', undefined, true);
  for (const c of manifest.cases) {
    if (c.same_as) {
      assert.equal(asText(c.file), asText(c.same_as), c.file);
      // As objects too: JavaScript itself reads -0, 2.0 and 2e0 as 0 and 2.
      const got = kpmg.evaluateToJson(JSON.parse(fixture(c.file).toString('utf8')), options);
      assert.equal(got, kpmg.evaluateToJson(JSON.parse(fixture(c.same_as).toString('utf8')), options), c.file);
      continue;
    }
    const e = verdict(c);
    assert.equal(e?.code, c.code, `${c.file}: ${JSON.stringify(e)}`);
    if (c.question) assert.equal(e.question, c.question, c.file);
    if (c.path && c.as !== 'answers') assert.equal(e.path, c.path, c.file);
    if (c.line) assert.deepEqual([e.line, e.column], [c.line, c.column], `${c.file}: ${e.message}`);
  }
});

test('a package with a duplicate key is refused as text too', () => {
  const e = thrown(() => new Engine(fixture('package-duplicate-key.json').toString('utf8'), { plainDocument: true }));
  assert.ok(e instanceof UrenwijzerError);
  assert.deepEqual([e.code, e.line, e.column], ['duplicate_key', 4, 3]);
  assert.deepEqual(Object.keys(e.toJSON()), ['code', 'message', 'path', 'file', 'line', 'column']);
});

test('answers with 10^6 keys get the limit code', () => {
  const kpmg = new Engine(kpmgText, { plainDocument: true });
  const answers = {};
  for (let i = 0; i < 1_000_000; i += 1) answers[`k${i}`] = 0;
  const e = thrown(() => kpmg.evaluate(answers, options));
  assert.deepEqual([e.code, e.limit], ['limit', 'answers_bytes']);
  assert.ok(e.message.length < 200, e.message);
  assert.deepEqual(
    kpmg.validate(answers, options).map((p) => p.code),
    ['limit'],
  );
});

test('a 50 MB description is refused by the size limit, as text and as a file', () => {
  const doc = JSON.parse(kpmgText);
  doc.description = 'x'.repeat(50 << 20);
  const text = JSON.stringify(doc);
  const e = thrown(() => new Engine(text, { plainDocument: true }));
  assert.deepEqual([e.code, e.limit], ['limit', 'document_bytes']);
  assert.ok(e.message.length < 200, 'the message does not repeat the value');
  const [file] = classifyFiles([{ path: 'groot/package.json', bytes: Buffer.from(text) }]);
  assert.deepEqual([file.kind, file.error.code, file.error.limit], ['invalid', 'limit', 'document_bytes']);
});

test("the wrapper passes only the core's codes: anything else is internal, with the original as cause", () => {
  const kpmg = new Engine(kpmgText, { plainDocument: true });
  const answers = JSON.parse(fixture('answers-zero.json').toString('utf8'));
  const foreign = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
  const date = {
    toString() {
      throw foreign;
    },
  };
  const e = thrown(() => kpmg.evaluate(answers, { date }));
  assert.ok(e instanceof UrenwijzerError);
  assert.equal(e.code, 'internal');
  assert.equal(e.cause, foreign);
  // and the engine works on
  assert.equal(kpmg.evaluate(answers, options).total.minutes_per_year, 6480);
});
