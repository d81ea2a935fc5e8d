// The wasm build in headless Chromium (playwright-core driving the Debian
// chromium) gives the native output byte for byte, for every case of every
// package: the same harness as tests/node/conformance.test.mjs, run in a
// page served from 127.0.0.1. Also: loading through fetch/instantiateStreaming
// and recovery after an abort, in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { launchChromium } from '../lib/browser.mjs';
import api from '../node/wasm.mjs';
import { artifacts, collect, compare, root } from '../conformance/collect.mjs';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };
/** Only these directories are served. */
const SERVED = ['www/pkg/', 'www/pkg-site/', 'www/pkg-tools/', 'tests/conformance/'];

let server;
let browser;
let origin;
let collected;
const requests = [];

before(async () => {
  collected = collect(api.Engine);
  const data = JSON.stringify({ bundles: collected.bundles, compiled: collected.compiled, cases: collected.cases });
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname).slice(1);
    requests.push(path);
    if (path === '' || path === 'index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Urenwijzer conformance</title><body><h1>Urenwijzer conformance</h1><pre id="out">bezig…</pre></body></html>',
      );
      return;
    }
    if (path === 'data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(data);
      return;
    }
    const file = normalize(join(root, path));
    const inside = file.startsWith(root + sep) && SERVED.some((d) => path.startsWith(d));
    if (!inside || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

async function openPage() {
  const context = await browser.newContext();
  // Nothing may leave 127.0.0.1.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  await page.goto(`${origin}/`);
  return { page, problems };
}

test('wasm in Chromium gives the native output byte for byte, for every case of every package', async () => {
  const { page, problems } = await openPage();
  const result = await page.evaluate(async () => {
    // The JSON bundles with the tools module (the checking page's build).
    const api = await import('/www/pkg-tools/urenwijzer.js');
    await api.init(); // fetch + instantiateStreaming of the .wasm next to the module
    // The compiled bundles with the resident module (the widget's build) and the site module.
    const resident = await import('/www/pkg/urenwijzer.js');
    await resident.init();
    const site = await import('/www/pkg-site/urenwijzer.js');
    await site.init();
    const { runCases } = await import('/tests/conformance/run-cases.mjs');
    const data = await (await fetch('/data.json')).json();
    const started = performance.now();
    const r = runCases(api, data.bundles, data.cases);
    const ms = performance.now() - started;
    document.getElementById('out').textContent = `${data.cases.length} gevallen in ${ms.toFixed(0)} ms`;
    // The same cases from the compiled bundles (.uwb), in the resident module.
    const fromCompiled = runCases(resident, data.bundles, data.cases, data.compiled);
    // The site module loads as the site and the widget do: Engine.loadCompiled (Web Crypto's hash).
    const loaded = {};
    for (const [key, b64] of Object.entries(data.compiled)) {
      loaded[key] = await site.Engine.loadCompiled(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    }
    const fromSite = runCases(site, data.bundles, data.cases, data.compiled, loaded);
    return { ...r, fromCompiled, fromSite, modules: [api.MODULE, resident.MODULE, site.MODULE], userAgent: navigator.userAgent };
  });
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'browser-conformance.png') });
  const mismatches = compare(collected, result, 'chromium');
  assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches`);
  const compiledMismatches = compare(collected, result.fromCompiled, 'chromium, compiled');
  assert.deepEqual(compiledMismatches.slice(0, 10), [], `${compiledMismatches.length} mismatches from compiled bundles`);
  const siteMismatches = compare(collected, result.fromSite, 'chromium, site module');
  assert.deepEqual(siteMismatches.slice(0, 10), [], `${siteMismatches.length} mismatches in the site module`);
  assert.deepEqual(problems, []);
  assert.deepEqual(result.modules, ['tools', 'resident', 'site']);
  assert.ok(requests.includes('www/pkg/urenwijzer_wasm_bg.wasm'));
  assert.ok(requests.includes('www/pkg-site/urenwijzer_wasm_bg.wasm'));
  assert.ok(requests.includes('www/pkg-tools/urenwijzer_wasm_bg.wasm'));
  console.log(`# ${collected.cases.length} cases identical in ${result.userAgent.match(/Chrom\S+/)?.[0] ?? 'Chromium'}`);
  await page.context().close();
});

test('in Chromium too, an abort becomes an internal error and the engine recovers', async () => {
  const { page, problems } = await openPage();
  const bundle = collected.bundles['norms/kpmg-2019'];
  const outcome = await page.evaluate(async (bundle) => {
    const api = await import('/www/pkg-tools/urenwijzer.js');
    await api.init();
    const engine = new api.Engine(bundle);
    const answers = {
      eigen_mogelijkheden: false,
      beperkingen: 'geen',
      samenstelling_huishouden: false,
      extra_kamers_in_gebruik: 0,
      extra_kamers_niet_in_gebruik: 0,
    };
    const before = engine.evaluateToJson(answers, { date: '2024-01-01' });
    let error;
    try {
      api.__testing.panic();
    } catch (e) {
      error = { code: e.code, name: e.name, cause: String(e.cause) };
    }
    const afterwards = engine.evaluateToJson(answers, { date: '2024-01-01' });
    return { error, same: before === afterwards, generation: api.__testing.generation };
  }, bundle);
  assert.equal(outcome.error.code, 'internal');
  assert.equal(outcome.error.name, 'UrenwijzerError');
  assert.match(outcome.error.cause, /RuntimeError: unreachable/);
  assert.equal(outcome.same, true);
  assert.equal(outcome.generation, 1);
  assert.deepEqual(problems, []);
  await page.context().close();
});
