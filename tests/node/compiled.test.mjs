// Compiled bundles (`<id>.uwb`) in the wasm build: they load through
// Engine.fromCompiled / new Engine(bytes), give the JSON bundle's bytes,
// survive a trap (the engine re-creates itself from its copy of the bytes),
// and crafted or damaged bytes give a coded UrenwijzerError, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import api, { kpmgAnswers } from './wasm.mjs';
import { cli, root } from '../conformance/collect.mjs';

const { Engine, UrenwijzerError, __testing } = api;
const out = mkdtempSync(join(tmpdir(), 'urenwijzer-uwb-'));
execFileSync(cli(), ['bundle', 'norms/kpmg-2019', 'norms/h4', '--out', out], { cwd: root, stdio: 'ignore' });
const kpmgJson = readFileSync(join(out, 'kpmg-2019.json'), 'utf8');
const kpmg = new Uint8Array(readFileSync(join(out, 'kpmg-2019.uwb')));
const h4 = new Uint8Array(readFileSync(join(out, 'h4.uwb')));
const answers = kpmgAnswers;
const options = { date: '2024-01-01' };

function refused(bytes) {
  try {
    Engine.fromCompiled(bytes).free();
  } catch (e) {
    assert.ok(e instanceof UrenwijzerError, `not an UrenwijzerError: ${e}`);
    return e;
  }
  return undefined;
}

/** The bytes with the body's sha256 set right, so the decoder meets the change. */
function rehashed(bytes) {
  const b = new Uint8Array(bytes);
  b.set(createHash('sha256').update(b.subarray(70)).digest(), 38);
  return b;
}

test('a compiled bundle gives the bytes of its JSON bundle', () => {
  const fromJson = new Engine(kpmgJson);
  const fromCompiled = Engine.fromCompiled(kpmg);
  const fromBuffer = new Engine(kpmg.slice().buffer);
  assert.equal(fromCompiled.fingerprint, fromJson.fingerprint);
  assert.deepEqual(fromCompiled.package, fromJson.package);
  assert.deepEqual(fromCompiled.questions(), fromJson.questions());
  for (const trace of [true, false]) {
    const want = fromJson.evaluateToJson(answers, { ...options, trace });
    assert.equal(fromCompiled.evaluateToJson(answers, { ...options, trace }), want);
    assert.equal(fromBuffer.evaluateToJson(answers, { ...options, trace }), want);
  }
  assert.equal(api.compiledFormat(), kpmg[4] | (kpmg[5] << 8));
  for (const e of [fromJson, fromCompiled, fromBuffer]) e.free();
});

test('the header is checked: format version (both named), hash, magic', () => {
  const other = kpmg.slice();
  other[4] = 7;
  const version = refused(other);
  assert.equal(version.code, 'bundle_version');
  assert.equal(version.detail, '7');
  assert.match(version.message, /formaat 7/);
  assert.match(version.message, new RegExp(`formaat ${api.compiledFormat()}`));
  const damaged = kpmg.slice();
  damaged[damaged.length - 1] ^= 1;
  assert.equal(refused(damaged).code, 'bundle_hash');
  assert.equal(refused(new TextEncoder().encode(kpmgJson)).code, 'invalid_bundle');
  assert.equal(refused(kpmg.subarray(0, 40)).code, 'invalid_bundle');
  assert.equal(refused('geen bytes')?.code, 'invalid_bundle');
});

test('crafted bodies give coded errors, never a trap', () => {
  const generation = __testing.generation;
  let seed = 7;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const codes = new Map();
  for (let i = 0; i < 400; i++) {
    const b = (i % 2 === 0 ? kpmg : h4).slice();
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) b[70 + Math.floor(next() * (b.length - 70))] = Math.floor(next() * 256);
    const e = refused(rehashed(b));
    const code = e?.code ?? 'ok';
    assert.notEqual(code, 'internal', e?.message);
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  assert.equal(__testing.generation, generation, 'no trap');
  assert.ok((codes.get('invalid_bundle') ?? 0) > 0, JSON.stringify([...codes]));
});

test('after a trap an engine from a compiled bundle recovers with the same package', () => {
  const engine = Engine.fromCompiled(kpmg);
  const before = engine.evaluateToJson(answers, options);
  assert.throws(
    () => __testing.panic(),
    (e) => e.code === 'internal',
  );
  assert.equal(engine.evaluateToJson(answers, options), before);
  engine.free();
});

/** `Engine.loadCompiled(bytes)`'s error, or undefined when it loads. */
async function refusedAsync(bytes) {
  try {
    (await Engine.loadCompiled(bytes)).free();
  } catch (e) {
    assert.ok(e instanceof UrenwijzerError, `not an UrenwijzerError: ${e}`);
    return e;
  }
  return undefined;
}

test('loadCompiled (the body hashed by Web Crypto) gives the same engine and the same errors as fromCompiled', async () => {
  assert.equal(typeof globalThis.crypto?.subtle?.digest, 'function', 'Node has Web Crypto');
  for (const bytes of [kpmg, h4, kpmg.slice().buffer]) {
    const a = await Engine.loadCompiled(bytes);
    const b = Engine.fromCompiled(bytes);
    assert.equal(a.fingerprint, b.fingerprint);
    assert.deepEqual(a.package, b.package);
    const date = { date: '2025-06-01' };
    assert.equal(a.stateToJson({}, date), b.stateToJson({}, date));
    if (a.package.id === 'kpmg-2019')
      assert.equal(a.evaluateToJson(answers, { ...options, trace: true }), b.evaluateToJson(answers, { ...options, trace: true }));
    a.free();
    b.free();
  }
  // Each way of being wrong: the same code and message as fromCompiled.
  const flipped = kpmg.slice();
  flipped[flipped.length - 1] ^= 1;
  const version = kpmg.slice();
  version[4] = 7;
  const badHash = kpmg.slice();
  badHash[40] ^= 1;
  for (const bytes of [flipped, version, badHash, kpmg.slice(0, 50), kpmg.slice(0, 3), new Uint8Array(0), rehashed(kpmg.slice(0, 200)), 'not bytes']) {
    const sync = refused(bytes);
    const async = await refusedAsync(bytes);
    assert.ok(sync !== undefined && async !== undefined);
    assert.deepEqual(async.toJSON(), sync.toJSON());
  }
  assert.equal((await refusedAsync(flipped)).code, 'bundle_hash');
});

test('loadCompiled without Web Crypto (no secure context) hashes in the module: the same engine', async () => {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
  try {
    assert.equal(globalThis.crypto, undefined);
    const a = await Engine.loadCompiled(kpmg);
    const b = Engine.fromCompiled(kpmg);
    assert.equal(a.evaluateToJson(answers, options), b.evaluateToJson(answers, options));
    const flipped = kpmg.slice();
    flipped[flipped.length - 1] ^= 1;
    assert.equal((await refusedAsync(flipped)).code, 'bundle_hash');
    a.free();
    b.free();
  } finally {
    Object.defineProperty(globalThis, 'crypto', descriptor);
  }
  assert.equal(typeof globalThis.crypto.subtle.digest, 'function');
});

test('an engine from loadCompiled recovers after a trap (the module hashes its copy then)', async () => {
  const engine = await Engine.loadCompiled(h4);
  const before = engine.stateToJson({}, { date: '2025-06-01' });
  assert.throws(
    () => __testing.panic(),
    (e) => e.code === 'internal',
  );
  assert.equal(engine.stateToJson({}, { date: '2025-06-01' }), before);
  engine.free();
});
