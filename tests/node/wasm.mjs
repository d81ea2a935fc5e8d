// Loads the wasm build (www/pkg-tools, the tools module, made by scripts/build-wasm.sh) in Node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, compare, pkgDir } from '../conformance/collect.mjs';
import { runCases } from '../conformance/run-cases.mjs';
import * as api from '../../www/pkg-tools/urenwijzer.js';

api.initSync(readFileSync(join(pkgDir, 'urenwijzer_wasm_bg.wasm')));
export default api;

/** One household of the KPMG package whose answers are all right (frozen: tests copy it to vary it). */
export const kpmgAnswers = Object.freeze({
  eigen_mogelijkheden: true,
  beperkingen: 'veel',
  samenstelling_huishouden: true,
  extra_kamers_in_gebruik: 2,
  extra_kamers_niet_in_gebruik: 1,
});

let collected;
/** The conformance collection (`collect`: runs the CLI on every case), once per test file. */
function collectOnce() {
  collected ??= collect(api.Engine);
  return collected;
}

/**
 * Asserts that every case of every package, loaded from the compiled bundles
 * into `module` (an initialised build: resident, site), gives the native
 * output byte for byte; the JSON bundles' collection comes from the tools module.
 * `loaded`: engines already made from those bundles, by package key (`compiledEngines`).
 */
export function assertCompiledConformance(module, label, loaded) {
  const collected = collectOnce();
  const result = runCases(module, collected.bundles, collected.cases, collected.compiled, loaded);
  const mismatches = compare(collected, result, `node, ${label}`);
  assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches`);
  console.log(`# ${collected.cases.length} cases in the ${label}: identical`);
}

/** Every compiled bundle of the conformance collection, loaded into `module` with `Engine.loadCompiled` (as the site and widget load). */
export async function compiledEngines(module) {
  const loaded = {};
  for (const [key, b64] of Object.entries(collectOnce().compiled)) loaded[key] = await module.Engine.loadCompiled(Buffer.from(b64, 'base64'));
  return loaded;
}

/** The export names of the `.wasm` in a build directory. */
export function wasmExports(dir) {
  const module = new WebAssembly.Module(readFileSync(join(dir, 'urenwijzer_wasm_bg.wasm')));
  return new Set(WebAssembly.Module.exports(module).map((e) => e.name));
}

/** What every build that loads compiled bundles exports: the site module's whole API. */
export const SITE_EXPORTS = Object.freeze([
  'engine_fromCompiled',
  // Engine.loadCompiled: the body's sha256 from Web Crypto, and where the body starts.
  'engine_fromCompiledHashed',
  'compiledBodyOffset',
  // The fingerprint, the package's metadata and its questions, by number.
  'engine_packageText',
  // asked, problems, state and evaluate as JSON text, by number.
  'engine_answersJson',
  'errorCodesJson',
]);
/** The provider portal's exports (feature `portal`): the resident and tools modules have them, the site module not. */
export const PORTAL_EXPORTS = Object.freeze([
  'engine_planJson',
  'planStepsJson',
  'readRecordJson',
  'checkDossierReference',
  'engine_figuresFlat',
  // The packed indication and its templates (the site parses the JSON text instead).
  'engine_evaluatePacked',
  'engine_statePacked',
  'engine_templateJson',
  'wasmMemory',
]);
/** The tools module's own exports (feature `tools`). */
export const TOOLS_EXPORTS = Object.freeze([
  'checkReportJson',
  'checkFilesJson',
  'classifyFilesJson',
  'impactReportJson',
  'pilotReportJson',
  'engine_pilotJson',
  'engine_new',
]);
