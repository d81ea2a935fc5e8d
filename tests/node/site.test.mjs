// The site module (www/pkg-site: the self-check site's build, served there as
// pkg/; rules-wasm without its `tools` and `portal` features): every case of
// every package from the compiled bundles gives the native output byte for
// byte, it has what the site calls (questions, form state, evaluate) and not
// the portal's calls (plan, records, dossier reference, figures), which throw
// the coded error `portal_only`, never a trap and never an `internal` error;
// nor the packed indication: its `evaluate` and `state` parse the JSON text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tools, { assertCompiledConformance, compiledEngines, kpmgAnswers, PORTAL_EXPORTS, SITE_EXPORTS, TOOLS_EXPORTS, wasmExports } from './wasm.mjs';
import * as site from '../../www/pkg-site/urenwijzer.js';
import { collect, residentDir, siteDir } from '../conformance/collect.mjs';

site.initSync(readFileSync(join(siteDir, 'urenwijzer_wasm_bg.wasm')));

test('the site module says which it is, and lacks the tools and portal exports', () => {
  assert.equal(site.MODULE, 'site');
  const exports = wasmExports(siteDir);
  for (const name of [...PORTAL_EXPORTS, ...TOOLS_EXPORTS]) assert.ok(!exports.has(name), `the site module exports ${name}`);
  for (const name of SITE_EXPORTS) assert.ok(exports.has(name), `the site module lacks ${name}`);
  // It is the smaller of the two modules that load compiled bundles.
  const sizes = JSON.parse(readFileSync(join(siteDir, 'sizes.json'), 'utf8'));
  const resident = JSON.parse(readFileSync(join(residentDir, 'sizes.json'), 'utf8'));
  assert.ok(sizes.total.gzip < resident.total.gzip, `site ${sizes.total.gzip} B, resident ${resident.total.gzip} B`);
});

test('the site module from the compiled bundles: the native output byte for byte, for every case of every package', () => {
  assertCompiledConformance(site, 'site module');
});

test('the same with the bundles loaded as the site loads them (Engine.loadCompiled, the hash by Web Crypto)', async () => {
  assertCompiledConformance(site, 'site module, loadCompiled', await compiledEngines(site));
});

test('the portal calls throw portal_only in the site module, the tools calls tools_only, and the module goes on', () => {
  const collected = collect(tools.Engine);
  const key = 'norms/kpmg-2019';
  const bytes = Uint8Array.from(atob(collected.compiled[key]), (c) => c.charCodeAt(0));
  const engine = site.Engine.fromCompiled(bytes);
  const generation = site.__testing.generation;
  const portalOnly = [
    () => engine.plan({ decision: '2026-11-02' }),
    () => engine.figures(kpmgAnswers, { date: '2024-01-01' }),
    () => engine.figuresArray(kpmgAnswers, { date: '2024-01-01' }),
    () => site.planSteps({ decision: '2026-11-02' }),
    () => site.readRecord('{}'),
    () => site.checkDossierReference('dossier 12'),
  ];
  for (const call of portalOnly) {
    assert.throws(call, (e) => e instanceof site.UrenwijzerError && e.code === 'portal_only' && /zelftest/.test(e.message));
  }
  assert.throws(
    () => site.checkPackage(collected.bundles[key]),
    (e) => e.code === 'tools_only',
  );
  assert.equal(site.__testing.generation, generation, 'no instance was replaced');
  // What the site calls works, and gives what the tools module gives.
  const reference = new tools.Engine(collected.bundles[key]);
  const options = { date: '2024-01-01' };
  assert.equal(JSON.stringify(engine.evaluate(kpmgAnswers, options)), reference.evaluateToJson(kpmgAnswers, options));
  assert.equal(JSON.stringify(engine.state(kpmgAnswers, options)), JSON.stringify(reference.state(kpmgAnswers, options)));
  assert.deepEqual(engine.questions(), reference.questions());
  // Without the packed form, its indications are parsed text: no part is
  // frozen or shared between calls (docs/browser-api.md, "Modules").
  const a = engine.evaluate(kpmgAnswers, options);
  const b = engine.state(kpmgAnswers, options).indication;
  assert.ok(!Object.isFrozen(a.package) && !Object.isFrozen(a.trace[0].sources));
  assert.notEqual(a.package, b.package);
  assert.deepEqual(a, b);
  engine.free();
  reference.free();
});
