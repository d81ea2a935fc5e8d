// Should the module ever abort (a Rust panic is `RuntimeError: unreachable`
// under panic=abort), the call throws an `internal` UrenwijzerError, the
// module is instantiated afresh and every Engine keeps working with the same
// package. The hidden test hook `__testing.panic()` aborts on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import api, { kpmgAnswers } from './wasm.mjs';
import { cli, root } from '../conformance/collect.mjs';
import * as glue from '../../www/pkg-tools/urenwijzer_wasm.js';

const { Engine, UrenwijzerError, __testing } = api;
const bundle = execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' });
const answers = kpmgAnswers;
const options = { date: '2024-01-01' };

function internal(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof UrenwijzerError, `not an UrenwijzerError: ${e}`);
    assert.equal(e.code, 'internal');
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, `cause: ${e.cause}`);
    assert.match(String(e.cause.message), /unreachable/);
    return e;
  }
  assert.fail('expected an internal error');
}

test('a panic becomes an internal error and the engines recover', () => {
  const a = new Engine(bundle);
  const b = new Engine(JSON.parse(bundle));
  const before = a.evaluateToJson(answers, options);
  const generation = __testing.generation;
  internal(() => __testing.panic());
  assert.equal(__testing.generation, generation + 1);
  // Both engines were created in the aborted instance; both work again.
  assert.equal(a.evaluateToJson(answers, options), before);
  assert.equal(b.evaluateToJson(answers, options), before);
  assert.equal(a.fingerprint, b.fingerprint);
  assert.equal(a.questions().length, 5);
  assert.deepEqual(
    a.validate({}).map((p) => p.code),
    Array(5).fill('missing_answer'),
  );
  // Errors are still core errors, not internal ones.
  assert.throws(() => a.evaluate({ ...answers, beperkingen: 'x' }, options), { code: 'not_an_option' });
  // New engines work too, and freeing one from the aborted instance is harmless.
  const c = new Engine(bundle);
  assert.equal(c.evaluateToJson(answers, options), before);
  a.free();
  c.free();
  assert.equal(b.evaluateToJson(answers, options), before);
});

test('a trap in the middle of evaluate is recovered the same way', () => {
  const engine = new Engine(bundle);
  const expected = engine.evaluateToJson(answers, options);
  // Make the next evaluate call abort inside the module, as a panic in the
  // core would, then restore the real method (evaluate takes the answers as
  // numbers, or the packed form with the answers as text when __testing.slots
  // is off; evaluateToJson the canonical text: all recover).
  for (const method of ['evaluateSlots', 'evaluatePacked', 'answersJson']) {
    __testing.slots = method === 'evaluateSlots';
    const original = glue.Engine.prototype[method];
    glue.Engine.prototype[method] = function (...args) {
      glue.Engine.prototype[method] = original;
      glue.__debugPanic();
      return original.apply(this, args);
    };
    internal(() => (method === 'answersJson' ? engine.evaluateToJson(answers, options) : engine.evaluate(answers, options)));
    assert.equal(glue.Engine.prototype[method], original);
    assert.equal(engine.evaluateToJson(answers, options), expected);
    // The template parts kept from before the trap still fit the re-created engine.
    assert.equal(JSON.stringify(engine.evaluate(answers, options)), expected);
  }
  __testing.slots = true;
  for (let i = 0; i < 1000; i++) engine.evaluate(answers, { ...options, trace: i % 2 === 0 });
  assert.equal(engine.evaluateToJson(answers, options), expected);
});

test('repeated aborts never leave a dead engine', () => {
  const engine = new Engine(bundle);
  const expected = engine.evaluateToJson(answers, options);
  for (let i = 0; i < 25; i++) {
    internal(() => __testing.panic());
    assert.equal(engine.evaluateToJson(answers, options), expected);
  }
});
