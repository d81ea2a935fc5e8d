// Consultant mode: the full trace with citations, and the same household
// under two packages side by side (union of the questions, each shared
// question once; difference per result area). Also: language and errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, open, problems, cliEval, w, repo, CLI, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const COMPARE = '/plain.html?mode=consultant&package=/packages/haarlem-2021.uwb&compare=/packages/haarlem-ciz.uwb&municipality=haarlem&date=2026-11-02';
const ANSWERS = {
  heeft_indicatie: false,
  volwassen_huisgenoot: true,
  huisgenoot_kan_huishouden_doen: false,
  kinderen_onder_5: 0,
  kinderen_5_tot_12: 1,
  kinderen_13_tot_17: 1,
  slaapkamers_in_gebruik: 3,
  kan_zelf_strijken: false,
};

const questionIds = (pkg) => JSON.parse(execFileSync(CLI, ['questions', path.join(repo, 'norms', pkg)], { encoding: 'utf8' })).map((q) => q.id);

test('two packages side by side: union of questions, each shared question once, difference per area', async () => {
  const page = await open(env, COMPARE);
  const ids = await page.evaluate(() =>
    [...document.getElementById('w').shadowRoot.querySelectorAll('[data-question]')].map((e) => e.getAttribute('data-question')),
  );
  const a = questionIds('haarlem-2021');
  const b = questionIds('haarlem-ciz');
  const union = [...a, ...b.filter((id) => !a.includes(id))];
  assert.deepEqual(ids, union);
  assert.equal(new Set(ids).size, ids.length);
  // Questions only one package asks are marked.
  assert.match(await w(page, '[data-question=heeft_indicatie] .only-in').textContent(), /Alleen gevraagd door/);
  assert.equal(await w(page, '[data-question=slaapkamers_in_gebruik] .only-in').count(), 0);

  await page.evaluate((x) => document.getElementById('w').setAnswers(x), ANSWERS);
  const cmp = await page.evaluate(() => document.getElementById('w').getComparison());
  const pick = (ids) => Object.fromEntries(Object.entries(ANSWERS).filter(([k]) => ids.includes(k)));
  const cliA = cliEval('haarlem-2021', ANSWERS, { date: '2026-11-02', municipality: 'haarlem' });
  const cliB = cliEval('haarlem-ciz', pick(b), { date: '2026-11-02', municipality: 'haarlem' });
  assert.equal(JSON.stringify(cmp.a), cliA);
  assert.equal(JSON.stringify(cmp.b), cliB);
  const A = JSON.parse(cliA);
  const B = JSON.parse(cliB);
  const areaIds = [...new Set([...A.areas.map((x) => x.id), ...B.areas.map((x) => x.id)])];
  for (const id of areaIds) {
    const row = cmp.areas.find((r) => r.id === id);
    const wa = A.areas.find((x) => x.id === id)?.minutes_per_week ?? 0;
    const wb = B.areas.find((x) => x.id === id)?.minutes_per_week ?? 0;
    assert.equal(row.diff_per_week, wa - wb, id);
    const cells = await w(page, `table[data-table=difference] tr[data-area="${id}"] td`).allTextContents();
    assert.equal(cells[2].replace('\u2212', '-').replace('+', ''), String(wa - wb));
  }
  assert.equal(cmp.total.diff_per_week, A.total.minutes_per_week - B.total.minutes_per_week);
  // The trace with citations, for both packages.
  const traces = w(page, 'ol.trace');
  assert.equal(await traces.count(), 2);
  const text = await w(page, '.columns').innerText();
  for (const s of A.trace.concat(B.trace).flatMap((st) => st.sources.map((c) => c.title ?? c.label))) assert.ok(text.includes(s), `citation ${s}`);
  assert.ok(/ECLI:NL:/.test(text), 'court rulings cited');
  await page.screenshot({ path: path.join(ARTIFACTS, 'consultant-compare.png'), fullPage: true });
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('consultant without comparison shows the trace; transition rule is explained', async () => {
  const page = await open(env, '/plain.html?mode=consultant&package=/packages/haarlem-2021.uwb&municipality=haarlem&date=2026-11-02');
  const answers = { ...ANSWERS, heeft_indicatie: true, indicatie_startdatum: '2018-05-01', hulp_sinds: '2018-05-01' };
  await page.evaluate((x) => document.getElementById('w').setAnswers(x), answers);
  const ind = JSON.parse(cliEval('haarlem-2021', answers, { date: '2026-11-02', municipality: 'haarlem' }));
  assert.ok(ind.transition, 'transition applies');
  assert.equal(await w(page, 'ol.trace > li').count(), ind.trace.length);
  assert.match(await w(page, '.results').innerText(), /Overgangsrecht/);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('lang="en" translates the widget texts; a missing package shows a Dutch error', async () => {
  const en = await open(env, '/plain.html?mode=provider&lang=en');
  assert.match(await w(en, 'h2.title').textContent(), /Reverse allocation/);
  assert.match(await w(en, 'section[data-step="1"] h3').textContent(), /Step 1/);
  assert.deepEqual(await problems(en), []);
  await en.context().close();
  const missing = await open(env, '/plain.html?package=/packages/bestaat-niet.uwb');
  assert.match(await w(missing, '.alert-error').innerText(), /kon niet worden (geladen|opgehaald)/);
  assert.ok(await missing.evaluate(() => document.getElementById('w').error instanceof Error));
  await missing.context().close();
});
