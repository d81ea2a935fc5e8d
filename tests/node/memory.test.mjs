// A short run of bench/wasm-memory.mjs (the full run is 1,000,000
// evaluations: npm run bench:memory): wasm memory does not grow after
// warm-up, the JS heap stays within 2 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../conformance/collect.mjs';

test('memory stays flat over 100,000 evaluations', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', 'wasm-memory.mjs'), '100000'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /memory flat/);
});
