// Request capture on the self-check site (www/dist, served by scripts/serve.mjs):
// the site downloads the site module (pkg/, built as www/pkg-site: the
// resident module without the provider portal's calls) and the compiled bundle
// (`<id>.uwb`), no package document (`<id>.json`: the texts beside a result are
// in index.json) and never the tools module (pkg-tools/, only the checking
// page's worker loads it); a damaged compiled bundle (`bundle_hash`) or one of
// another format (`bundle_version`) gives the resident a clear B1 message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, repo, serveSite } from '../lib/browser.mjs';

const root = path.resolve(process.env.SITE_ROOT ?? path.join(repo, 'www/dist'));
const sha = (b) => createHash('sha256').update(b).digest('hex');
let server;
let browser;

before(async () => {
  server = await serveSite(root);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the site, chooses the first municipality and starts; returns every request and the wasm bytes fetched. */
async function start(route) {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const requests = [];
  const wasm = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  context.on('response', async (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(await r.body());
  });
  const page = await context.newPage();
  if (route) await page.route('**/*.uwb', route);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('#start');
  await page.check('#gemeente-0');
  await page.click('#start');
  await page.waitForSelector('#volgende, .utrecht-alert--error');
  await page.waitForLoadState('networkidle');
  return { context, page, requests, wasm };
}

test('the site downloads the site module and the compiled bundle, never the tools module or the widget module', async () => {
  const { context, page, requests, wasm } = await start();
  assert.ok(await page.locator('#volgende').count(), 'the first step is on screen');
  assert.deepEqual(
    requests.filter((p) => p.includes('pkg-tools') || p.includes('controle')),
    [],
  );
  assert.ok(requests.includes('/pkg/urenwijzer_wasm_bg.wasm'), requests.join(' '));
  // No package document either: the texts beside a result come with index.json (made by the core).
  assert.deepEqual(
    requests.filter((p) => /^\/packages\/.*\.json$/.test(p) && p !== '/packages/index.json'),
    [],
  );
  assert.ok(
    requests.some((p) => /^\/packages\/[^/]+\.uwb$/.test(p)),
    `no .uwb among ${requests.join(' ')}`,
  );
  // The bytes fetched are the site module: not the tools module, not the widget's (resident) module.
  const served = fs.readFileSync(path.join(root, 'pkg/urenwijzer_wasm_bg.wasm'));
  const tools = fs.readFileSync(path.join(root, 'pkg-tools/urenwijzer_wasm_bg.wasm'));
  assert.notEqual(sha(served), sha(tools));
  assert.deepEqual(wasm.map(sha), [sha(served)]);
  assert.equal(sha(served), sha(fs.readFileSync(path.join(repo, 'www/pkg-site/urenwijzer_wasm_bg.wasm'))));
  assert.notEqual(sha(served), sha(fs.readFileSync(path.join(repo, 'www/pkg/urenwijzer_wasm_bg.wasm'))));
  await context.close();
});

for (const [name, change, text] of [
  ['bundle_hash', (b) => (b[b.length - 1] ^= 0xff), /beschadigd aangekomen/],
  ['bundle_version', (b) => b.writeUInt16LE(b.readUInt16LE(4) + 1, 4), /vorm die deze pagina niet kan lezen/],
]) {
  test(`a compiled bundle refused with ${name} shows the resident a clear message`, async () => {
    const { context, page } = await start(async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      change(body);
      await route.fulfill({ response, body });
    });
    const alert = page.locator('.utrecht-alert--error');
    await alert.waitFor();
    assert.match(await alert.innerText(), text);
    await context.close();
  });
}
