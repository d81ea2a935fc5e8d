// Request capture on a portal page with the widget (0.2.0): it downloads its
// own module, the resident wasm module and the compiled bundles (`.uwb`),
// never the tools module and never a JSON package document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, repo, VERSION } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const sha = (b) => createHash('sha256').update(b).digest('hex');
const PAGES = [
  '/plain.html',
  '/plain.html?mode=provider&package=/packages/h4.uwb&municipality=westland',
  '/plain.html?mode=consultant&package=/packages/haarlem-2021.uwb&compare=/packages/haarlem-ciz.uwb&municipality=haarlem&date=2026-11-02',
];

for (const url of PAGES) {
  test(`${url}: the resident module and compiled bundles only`, async () => {
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
    assert.ok(requests.includes(`/widget/${VERSION}/urenwijzer_wasm_bg.wasm`), requests.join(' '));
    // The wasm the widget ships and fetched is the resident module (www/pkg), not the tools module.
    const resident = fs.readFileSync(path.join(repo, 'www/pkg/urenwijzer_wasm_bg.wasm'));
    const tools = fs.readFileSync(path.join(repo, 'www/pkg-tools/urenwijzer_wasm_bg.wasm'));
    assert.notEqual(sha(resident), sha(tools));
    assert.deepEqual(wasm.map(sha), [sha(resident)]);
    await context.close();
  });
}
