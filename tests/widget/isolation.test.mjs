// Style isolation both ways, and the strict Content Security Policy: the
// host page's (aggressive) styles do not change the widget's computed
// styles, and the widget's styles do not change the host page's elements.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, open, problems, ARTIFACTS, VERSION } from './helpers.mjs';
import { CSP, CSP_MINIMAL } from './server.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const PROPS = [
  'display',
  'position',
  'float',
  'visibility',
  'opacity',
  'transform',
  'box-sizing',
  'direction',
  'writing-mode',
  'color',
  'background-color',
  'background-image',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-caps',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-shadow',
  'white-space',
  'hyphens',
  'cursor',
  'accent-color',
  'caret-color',
  'color-scheme',
  'list-style-type',
  'list-style-position',
  'quotes',
  'border-collapse',
  'appearance',
  '-webkit-text-fill-color',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'border-left-style',
  'border-left-color',
  'border-top-left-radius',
  'outline-style',
  'outline-width',
  'outline-color',
  'box-shadow',
];

/** Computed styles of every element in the widget's shadow root, in document order. */
function widgetStyles(page, props) {
  return page.evaluate((props) => {
    const root = document.getElementById('w').shadowRoot;
    return [...root.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      const path = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
      return [path, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
    });
  }, props);
}

/** Full computed styles of the host page's own elements (outside the widget). */
function hostStyles(page) {
  return page.evaluate(() => {
    const out = {};
    // The widget's ancestors grow with it (height); every other element must be untouched.
    const widget = document.getElementById('w');
    const els = [...document.body.querySelectorAll('*')].filter((el) => !el.contains(widget));
    els.forEach((el, i) => {
      const cs = getComputedStyle(el);
      const styles = {};
      for (let k = 0; k < cs.length; k++) styles[cs[k]] = cs.getPropertyValue(cs[k]);
      out[`${i}:${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}`] = styles;
    });
    return out;
  });
}

async function fillProvider(page) {
  await page.evaluate(() => {
    const el = document.getElementById('w');
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-02', start: '2026-11-06', evaluation: '2026-12-07' });
    const a = { eigen_mogelijkheden: false, beperkingen: 'enig', samenstelling_huishouden: true, extra_kamers_in_gebruik: 1, extra_kamers_niet_in_gebruik: 0 };
    el.setAnswers(a);
    el.setAnswers({ ...a, beperkingen: 'veel' }, { phase: 'evaluation' });
  });
}

const PROVIDER = '?mode=provider&package=/packages/kpmg-2019.uwb&municipality=almere';
const CONSULTANT = '?mode=consultant&package=/packages/haarlem-2021.uwb&compare=/packages/haarlem-ciz.uwb&municipality=haarlem&date=2026-11-02';
const HAARLEM = {
  heeft_indicatie: false,
  volwassen_huisgenoot: false,
  kinderen_onder_5: 0,
  kinderen_5_tot_12: 1,
  kinderen_13_tot_17: 0,
  slaapkamers_in_gebruik: 3,
  kan_zelf_strijken: false,
};

for (const [name, query, fill] of [
  ['provider', PROVIDER, fillProvider],
  ['consultant with comparison', CONSULTANT, (p) => p.evaluate((a) => document.getElementById('w').setAnswers(a), HAARLEM)],
]) {
  test(`host styles do not reach the widget (${name})`, async () => {
    const plain = await open(env, `/plain.html${query}`);
    const hostile = await open(env, `/aggressive.html${query}`);
    await fill(plain);
    await fill(hostile);
    // The hostile page really is hostile: its own elements are restyled.
    assert.equal(await hostile.evaluate(() => getComputedStyle(document.querySelector('h1')).textTransform), 'uppercase');
    const a = await widgetStyles(plain, PROPS);
    const b = await widgetStyles(hostile, PROPS);
    assert.ok(a.length > 100, `many elements compared (${a.length})`);
    assert.equal(b.length, a.length);
    const diffs = [];
    a.forEach(([path, styles], i) => {
      for (const p of PROPS) if (styles[p] !== b[i][1][p]) diffs.push(`${i} ${path} ${p}: ${styles[p]} vs ${b[i][1][p]}`);
    });
    assert.deepEqual(diffs.slice(0, 20), []);
    // Print media: the summary is not hidden by the host's print rules either.
    if (name === 'provider') {
      await hostile.emulateMedia({ media: 'print' });
      assert.equal(await hostile.locator('#w .print-summary').isVisible(), true);
      await hostile.emulateMedia({ media: 'screen' });
    }
    await hostile.screenshot({ path: path.join(ARTIFACTS, `aggressive-${name.split(' ')[0]}.png`), fullPage: true });
    for (const p of [plain, hostile]) {
      assert.deepEqual(await problems(p), []);
      await p.context().close();
    }
  });
}

test('widget styles do not leak to the host page', async () => {
  // The same page without the widget's script (the element stays undefined).
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: { width: 1100, height: 900 } });
  const bare = await context.newPage();
  await bare.goto(`${env.url}/plain-nowidget.html${PROVIDER}`);
  const withWidget = await open(env, `/plain.html${PROVIDER}`);
  await fillProvider(withWidget);
  const a = await hostStyles(bare);
  const b = await hostStyles(withWidget);
  assert.deepEqual(Object.keys(b), Object.keys(a));
  const diffs = [];
  for (const [k, styles] of Object.entries(a)) {
    for (const [p, v] of Object.entries(styles)) if (b[k][p] !== v) diffs.push(`${k} ${p}: ${v} vs ${b[k][p]}`);
  }
  assert.deepEqual(diffs.slice(0, 20), []);
  // Nothing added to the document: no global stylesheets, no elements in head or body.
  const doc = await withWidget.evaluate(() => ({
    adopted: document.adoptedStyleSheets.length,
    sheets: document.styleSheets.length,
    head: document.head.children.length,
    body: document.body.children.length,
    styleAttrs: document.querySelectorAll('[style]').length,
    shadowStyleAttrs: document.getElementById('w').shadowRoot.querySelectorAll('[style]').length,
    shadowStyleEls: document.getElementById('w').shadowRoot.querySelectorAll('style, link').length,
  }));
  const bareDoc = await bare.evaluate(() => ({
    sheets: document.styleSheets.length,
    head: document.head.children.length,
    body: document.body.children.length,
  }));
  assert.deepEqual(doc, {
    adopted: 0,
    sheets: bareDoc.sheets,
    head: bareDoc.head + 1,
    body: bareDoc.body,
    styleAttrs: 0,
    shadowStyleAttrs: 0,
    shadowStyleEls: 0,
  });
  assert.deepEqual(await problems(withWidget), []);
  await context.close();
  await withWidget.context().close();
});

test('strict CSP: sent on every page, no violations, no inline styles or scripts; versioned build', async () => {
  const page = await open(env, `/aggressive.html${PROVIDER}`);
  const response = await page.request.get(`${env.url}/aggressive.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  assert.ok(!CSP.includes("'unsafe-inline'") && !CSP.includes("'unsafe-eval'"));
  await fillProvider(page);
  // An inline style attribute on the host page would be blocked; the widget needs none.
  assert.deepEqual(await problems(page), []);
  assert.equal(await page.evaluate(() => document.getElementById('w').version), VERSION);
  const wasm = await page.request.get(`${env.url}/widget/${VERSION}/urenwijzer_wasm_bg.wasm`);
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  const manifest = await (await page.request.get(`${env.url}/widget/${VERSION}/manifest.json`)).json();
  assert.equal(manifest.version, VERSION);
  const js = await (await page.request.get(`${env.url}/widget/${VERSION}/hbh-indicatie.js`)).body();
  const { createHash } = await import('node:crypto');
  assert.equal(manifest.files['hbh-indicatie.js'].integrity, `sha384-${createHash('sha384').update(js).digest('base64')}`);
  await page.context().close();
});

test('the widget works with only script-src and connect-src allowed (style-src and img-src none)', async () => {
  const page = await open(env, '/minimal.html?csp=minimal&mode=provider');
  const response = await page.request.get(`${env.url}/minimal.html?csp=minimal`);
  assert.equal(response.headers()['content-security-policy'], CSP_MINIMAL);
  await fillProvider(page);
  assert.ok(await page.evaluate(() => document.getElementById('w').getIndication() !== null));
  // Styled all the same: the adopted stylesheet applies.
  assert.equal(await page.locator('#w .root').evaluate((el) => getComputedStyle(el).display), 'block');
  assert.equal(await page.locator('#w button[data-action=save]').evaluate((el) => getComputedStyle(el).fontWeight), '700');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});
