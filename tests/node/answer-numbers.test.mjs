// Numbers in answers are read as written (docs/package-format.md), by the
// same code natively and in the module: the CLI's answers file and the
// module's answers text give the same bytes, for the literals where a double
// would round (1.00000000000000001), overflow (1e400), lose digits
// (100000000000000000000) or be written otherwise (2.0). The text goes in
// through the glue, as the wrapper sends JSON.stringify's text (an object
// would already have been read by JSON.parse).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, root } from '../conformance/collect.mjs';
import './wasm.mjs';
import { Engine as RawEngine } from '../../www/pkg-tools/urenwijzer_wasm.js';

const kpmgText = readFileSync(join(root, 'norms', 'kpmg-2019', 'package.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'urenwijzer-numbers-'));
const date = '2024-01-01';

const answers = (rooms) =>
  `{"eigen_mogelijkheden": false, "beperkingen": "geen", "samenstelling_huishouden": false, "extra_kamers_in_gebruik": ${rooms}, "extra_kamers_niet_in_gebruik": 0}`;

/** What the CLI prints for this answers text (`eval` or `state`), without the final newline. */
function native(command, text) {
  const file = join(dir, 'antwoorden.json');
  writeFileSync(file, text);
  const args = command === 'eval' ? ['eval', 'norms/kpmg-2019', file, '--date', date, '--format', 'json'] : ['state', 'norms/kpmg-2019', file, '--date', date];
  const run = spawnSync(cli(), args, { cwd: root, encoding: 'utf8' });
  return run.stdout.trimEnd();
}

/** What the module gives for the same text: the JSON, or the thrown error's object. */
function wasm(engine, command, text) {
  try {
    // answersJson's calls: 3 evaluate, 2 state (rules-wasm `answers_json`).
    return engine.answersJson(command === 'eval' ? 3 : 2, text, date, undefined, true);
  } catch (e) {
    // A core error comes as its error object's JSON text, the CLI's key order.
    if (typeof e === 'string') return e;
    const object = { code: e.code, message: e.message };
    for (const key of ['question', 'path', 'file', 'line', 'column', 'limit', 'detail']) if (e[key] !== undefined) object[key] = e[key];
    return JSON.stringify(object);
  }
}

test('native = Node for numbers a double would change', () => {
  const engine = new RawEngine(kpmgText, true);
  const expected = {
    '1.00000000000000001': 'wrong_type',
    '1e400': 'out_of_range',
    100000000000000000000: 'out_of_range',
    '2.0': null,
  };
  for (const [literal, code] of Object.entries(expected)) {
    const text = answers(literal);
    for (const command of ['eval', 'state']) {
      const ours = native(command, text);
      assert.equal(wasm(engine, command, text), ours, `${command} ${literal}`);
      if (command === 'eval') {
        const parsed = JSON.parse(ours);
        assert.equal(parsed.code ?? null, code, literal);
        if (code === 'out_of_range') assert.equal(parsed.detail, literal);
      } else {
        // The kept answers echo the number as written.
        assert.ok(ours.includes(`"extra_kamers_in_gebruik":${literal}`), ours);
      }
    }
  }
  assert.equal(native('eval', answers('2.0')), native('eval', answers('2')));
});
