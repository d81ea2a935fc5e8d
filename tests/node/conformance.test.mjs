// Every case of every package: native (urenwijzer conformance) and the wasm
// build in Node give byte-identical canonical JSON (the Chromium side is
// tests/browser/conformance.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import api from './wasm.mjs';
import { collect, compare } from '../conformance/collect.mjs';
import { runCases } from '../conformance/run-cases.mjs';

test('wasm in Node gives the native output byte for byte, for every case of every package', () => {
  const collected = collect(api.Engine);
  assert.ok(
    Object.keys(collected.bundles).some((d) => d.startsWith('norms/')),
    'no package under norms/',
  );
  const fromFiles = collected.cases.filter((c) => !c.key.includes('(gegenereerd)')).length;
  assert.ok(fromFiles >= 20, `only ${fromFiles} cases from cases/ directories`);
  const result = runCases(api, collected.bundles, collected.cases);
  const mismatches = compare(collected, result, 'node');
  assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches`);
  const refused = Object.values(result.outputs).filter((o) => o.trace.startsWith('{"code"')).length;
  console.log(
    `# ${collected.cases.length} cases (${fromFiles} from cases/, ${refused} refused) in ${Object.keys(collected.bundles).length} packages: identical`,
  );
});

test('from the compiled bundles (.uwb) too: the native output byte for byte, for every case of every package', () => {
  const collected = collect(api.Engine);
  const result = runCases(api, collected.bundles, collected.cases, collected.compiled);
  const mismatches = compare(collected, result, 'node, compiled');
  assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches`);
  console.log(`# ${collected.cases.length} cases from compiled bundles: identical`);
});
