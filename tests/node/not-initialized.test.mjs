// Before init()/initSync() every entry point throws `not_initialized`
// (node --test runs each file in its own process, so nothing is loaded here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, planSteps, readRecord, checkPackage, init, initSync, UrenwijzerError } from '../../www/pkg-tools/urenwijzer.js';
import { pkgDir } from '../conformance/collect.mjs';

test('not_initialized until the module is loaded; init is idempotent', async () => {
  for (const f of [() => new Engine('{}'), () => planSteps({ decision: '2024-01-01' }), () => readRecord('{}'), () => checkPackage('{}')]) {
    assert.throws(f, (e) => e instanceof UrenwijzerError && e.code === 'not_initialized');
  }
  const bytes = readFileSync(join(pkgDir, 'urenwijzer_wasm_bg.wasm'));
  await init(bytes); // the asynchronous path, with bytes
  initSync(bytes); // a second load is a no-op
  await init();
  assert.equal(planSteps({ decision: '2024-01-01', conversation: '2024-01-02' }).conversation_working_days, 1);
  assert.throws(() => new Engine('{}'), { code: 'invalid_package' });
});
