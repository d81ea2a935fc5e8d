// Request capture on a portal page with the widget (0.2.0): it downloads its
// own module, the compiled bundles (`.uwb`) and the one rules engine its mode
// needs: citizen and consultant mode the site module (urenwijzer_site_bg.wasm,
// www/pkg-site), provider mode the resident module with the portal's calls
// (urenwijzer_wasm_bg.wasm, www/pkg). Never the other one, never the tools
// module and never a JSON package document. And the engine is pinned: other
// bytes under its name are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, repo, cliEval, INTAKE, VERSION } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const sha = (b) => createHash('sha256').update(b).digest('hex');
const SITE = { wasm: 'urenwijzer_site_bg.wasm', pkg: 'www/pkg-site' };
const PORTAL = { wasm: 'urenwijzer_wasm_bg.wasm', pkg: 'www/pkg' };
const PAGES = [
  ['/plain.html', SITE, PORTAL],
  ['/plain.html?mode=provider&package=/packages/h4.uwb&municipality=westland', PORTAL, SITE],
  ['/plain.html?mode=consultant&package=/packages/haarlem-2021.uwb&compare=/packages/haarlem-ciz.uwb&municipality=haarlem&date=2026-11-02', SITE, PORTAL],
];

for (const [url, engine, other] of PAGES) {
  test(`${url}: ${engine.wasm} and compiled bundles only`, async () => {
    const context = await env.browser.newContext({ locale: 'nl-NL' });
    const requests = [];
    const wasm = [];
    context.on('request', (r) => requests.push(new URL(r.url()).pathname));
    context.on('response', async (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(await r.body());
    });
    const page = await context.newPage();
    await page.goto(env.url + url);
    await page.waitForFunction(() => customElements.get('hbh-indicatie') !== undefined);
    await page.evaluate(() => document.getElementById('w').ready);
    assert.equal(await page.evaluate(() => document.getElementById('w').error), null);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(
      requests.filter((p) => p.includes('pkg-tools') || p.includes('controle')),
      [],
    );
    assert.deepEqual(
      requests.filter((p) => p.startsWith('/packages/') && !p.endsWith('.uwb')),
      [],
    );
    assert.ok(
      requests.some((p) => p.endsWith('.uwb')),
      requests.join(' '),
    );
    const widget = requests.filter((p) => p.startsWith(`/widget/${VERSION}/`)).map((p) => p.slice(`/widget/${VERSION}/`.length));
    assert.deepEqual(widget.sort(), ['hbh-indicatie.js', engine.wasm].sort());
    assert.ok(!requests.some((p) => p.endsWith(other.wasm)), requests.join(' '));
    // The wasm the widget fetched is its mode's build (www/pkg-site or www/pkg): not the other, not the tools module.
    const bytes = (pkg) => fs.readFileSync(path.join(repo, pkg, 'urenwijzer_wasm_bg.wasm'));
    const shas = new Set([sha(bytes(SITE.pkg)), sha(bytes(PORTAL.pkg)), sha(bytes('www/pkg-tools'))]);
    assert.equal(shas.size, 3);
    assert.deepEqual(wasm.map(sha), [sha(bytes(engine.pkg))]);
    await context.close();
  });
}

test('a citizen widget switched to provider mode loads the provider module then, and both compute as the CLI', async () => {
  const context = await env.browser.newContext({ locale: 'nl-NL' });
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  await page.goto(`${env.url}/plain.html`);
  await page.waitForFunction(() => customElements.get('hbh-indicatie') !== undefined);
  const dir = `/widget/${VERSION}/`;
  const fetched = () => requests.filter((p) => p.startsWith(dir)).map((p) => p.slice(dir.length));
  const citizen = await page.evaluate(async (a) => {
    const el = document.getElementById('w');
    await el.ready;
    el.setAnswers(a);
    return JSON.stringify(el.getIndication());
  }, INTAKE);
  assert.equal(citizen, cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  assert.deepEqual(fetched().sort(), ['hbh-indicatie.js', 'urenwijzer_site_bg.wasm']);
  const provider = await page.evaluate(async (a) => {
    const el = document.getElementById('w');
    el.setAttribute('mode', 'provider');
    await el.ready;
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-02', start: '2026-11-03' });
    el.setAnswers(a);
    return { error: el.error, indication: JSON.stringify(el.getIndication()), record: el.exportRecord() !== null };
  }, INTAKE);
  assert.deepEqual(provider, { error: null, indication: citizen, record: true });
  // Each module once: the site module is not fetched again, the provider's is added.
  assert.deepEqual(fetched().sort(), ['hbh-indicatie.js', 'urenwijzer_site_bg.wasm', 'urenwijzer_wasm_bg.wasm']);
  await context.close();
});

for (const [mode, engine, text] of [
  ['citizen', SITE, /De rekenkern urenwijzer_site_bg\.wasm is geweigerd/],
  ['provider', PORTAL, /De rekenkern urenwijzer_wasm_bg\.wasm is geweigerd/],
]) {
  test(`${mode}: an engine with other bytes than the build pinned is refused, with a plain message`, async () => {
    const context = await env.browser.newContext({ locale: 'nl-NL' });
    const real = fs.readFileSync(path.join(repo, `www/dist/widget/${VERSION}/${engine.wasm}`));
    // A valid module all the same: one byte of a custom section's worth, appended.
    const other = Buffer.concat([real, Buffer.from([0, 2, 1, 0x78])]);
    await WebAssembly.compile(other);
    await context.route(`**/widget/${VERSION}/${engine.wasm}`, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: other }));
    const page = await context.newPage();
    await page.goto(`${env.url}/plain.html?mode=${mode}`);
    await page.waitForFunction(() => customElements.get('hbh-indicatie') !== undefined);
    const error = await page.evaluate(async () => {
      const el = document.getElementById('w');
      await el.ready;
      return el.error?.message ?? null;
    });
    assert.match(error ?? '', text);
    assert.match(await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('[role=alert]')?.textContent ?? ''), text);
    await context.close();
  });
}
