// The resident module (www/pkg: the site's and the widget's build, rules-wasm
// without its `tools` feature): every case of every package from the compiled
// bundles gives the native output byte for byte, and what only the tools
// module (www/pkg-tools) has is refused with the coded error `tools_only`,
// never a trap and never an `internal` error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tools, { assertCompiledConformance, PORTAL_EXPORTS, SITE_EXPORTS, TOOLS_EXPORTS, wasmExports } from './wasm.mjs';
import * as resident from '../../www/pkg/urenwijzer.js';
import { collect, residentDir } from '../conformance/collect.mjs';

resident.initSync(readFileSync(join(residentDir, 'urenwijzer_wasm_bg.wasm')));

test('the two builds say which they are, and the resident module has no tools exports', () => {
  assert.equal(tools.MODULE, 'tools');
  assert.equal(resident.MODULE, 'resident');
  // The resident module ships one JavaScript file: the wrapper bundled with
  // the glue (scripts/build-wasm.sh), so the exports are checked on the .wasm.
  assert.ok(!existsSync(join(residentDir, 'urenwijzer_wasm.js')), 'the resident module has a separate glue file');
  const exports = wasmExports(residentDir);
  for (const name of TOOLS_EXPORTS) assert.ok(!exports.has(name), `the resident module exports ${name}`);
  for (const name of [...SITE_EXPORTS, ...PORTAL_EXPORTS]) assert.ok(exports.has(name), `the resident module lacks ${name}`);
});

// By name, in the cargo output before wasm-opt (scripts/build-wasm.sh keeps its
// name section and builds the resident module last): the compiled bundle is
// read by hand (rules-core/src/compiled/read.rs), so neither postcard nor any
// serde deserializer of a core type is in the module, and no document loading.
test('the resident module has no postcard, no serde deserializer of a core type, no document loading', (t) => {
  const file = join(process.env.CARGO_TARGET_DIR ?? 'target', 'wasm32-unknown-unknown/wasm-resident/rules_wasm.wasm');
  if (!existsSync(file)) return t.skip(`${file} is not there`);
  const module = new WebAssembly.Module(readFileSync(file));
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  if (!exports.some((e) => e.startsWith('engine_fromCompiled')) || exports.some((e) => e.startsWith('engine_new'))) {
    return t.skip(`${file} is not the resident build`);
  }
  const [section] = WebAssembly.Module.customSections(module, 'name');
  assert.ok(section, 'the cargo output keeps its name section');
  // Rust's (legacy) mangled names: `10rules_core8compiled4read…`.
  const names = Buffer.from(section).toString('latin1');
  assert.ok(names.includes('8compiled4read'), 'the hand-written reader is there');
  for (const absent of ['postcard', 'Deserialize$u20$for$u20$rules_core', '10rules_core7compile', 'serde_path_to_error', '4expr5parse']) {
    assert.ok(!names.includes(absent), `the resident module has ${absent}`);
  }
});

test('the resident module from the compiled bundles: the native output byte for byte, for every case of every package', () => {
  assertCompiledConformance(resident, 'resident module');
});

test('what only the tools module has throws tools_only in the resident module, and the module goes on', () => {
  const collected = collect(tools.Engine);
  const [key, text] = Object.entries(collected.bundles)[0];
  const onlyTools = [
    () => new resident.Engine(text),
    () => new resident.Engine(JSON.parse(text)),
    () => resident.checkPackage(text),
    () => resident.checkFiles([{ path: 'package.json', text }]),
    () => resident.classifyFiles([{ path: 'package.json', text }]),
    () => resident.pilotReport([]),
    () => resident.impactReport({ old: [{ path: 'package.json', text }], caseload: '' }),
  ];
  const generation = resident.__testing.generation;
  for (const call of onlyTools) {
    assert.throws(call, (e) => e instanceof resident.UrenwijzerError && e.code === 'tools_only' && /gereedschapsmodule/.test(e.message));
  }
  const bytes = Uint8Array.from(atob(collected.compiled[key]), (c) => c.charCodeAt(0));
  const engine = resident.Engine.fromCompiled(bytes);
  assert.throws(
    () => engine.pilot([]),
    (e) => e.code === 'tools_only',
  );
  assert.equal(resident.__testing.generation, generation, 'no instance was replaced');
  // The resident API itself works: plan, records, dossier references.
  assert.ok(Array.isArray(resident.planSteps({ decision: '2026-11-02' }).steps));
  assert.throws(
    () => resident.checkDossierReference('111222333'),
    (e) => e.code === 'bsn_in_reference',
  );
  engine.free();
});
