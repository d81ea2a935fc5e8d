// Accessibility: axe-core finds no violations in any mode, and the whole
// provider flow (the motion's five steps) can be done with the keyboard
// alone, with a visible focus and axe clean after every step.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axe as runAxe } from '../lib/browser.mjs';
import { setup, open, problems, w, activeElement, tabTo, indicationText, cliEval, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

async function axe(page, label) {
  const result = await runAxe(page, { include: '#w', tags: null });
  const violations = result.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(violations, []);
  assert.ok(result.passes.length > 10, `${label}: axe ran (${result.passes.length} rules passed)`);
}

const KPMG = { eigen_mogelijkheden: false, beperkingen: 'enig', samenstelling_huishouden: true, extra_kamers_in_gebruik: 1, extra_kamers_niet_in_gebruik: 0 };

test('axe-core: no violations in citizen, provider and consultant mode, in all states', async () => {
  const citizen = await open(env, '/plain.html');
  await axe(citizen, 'citizen empty');
  await citizen.evaluate((a) => document.getElementById('w').setAnswers({ ...a, extra_kamers_in_gebruik: 99 }), KPMG);
  await axe(citizen, 'citizen with an error');
  await citizen.evaluate((a) => document.getElementById('w').setAnswers(a), KPMG);
  await axe(citizen, 'citizen result');

  const provider = await open(env, '/plain.html?mode=provider&package=/packages/h4.uwb&municipality=westland');
  await axe(provider, 'provider empty');
  await provider.evaluate(() => {
    const el = document.getElementById('w');
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-09', start: '2026-11-13', evaluation: '2026-12-31' });
    const a = {
      huishouden_grootte: 3,
      aantal_kinderen: 1,
      hulp_bij_kinderen: true,
      eigen_mogelijkheden: false,
      beperkingen: 'enig',
      extra_kamers_in_gebruik: 1,
      extra_was: 'normaal',
      wasservice: false,
      boodschappen_maaltijden: 'geen',
      regie: 'geen',
    };
    el.setAnswers(a);
    el.setAnswers({ ...a, beperkingen: 'veel', regie: 'deels' }, { phase: 'evaluation' });
  });
  await w(provider, '[data-warning=conversation_late]').waitFor();
  await w(provider, '[data-warning=start_late]').waitFor();
  await w(provider, '[data-warning=outside_window]').waitFor();
  // A refused dossier reference (a BSN-like number) and a wrong AGB code at their fields.
  await w(provider, 'input[name=dossier]').fill('111222333');
  await w(provider, 'input[name=providerAgb]').fill('12');
  await w(provider, '[id$=-rf-dossier-error]').waitFor();
  // Open the collapsed explanations too.
  for (const d of await w(provider, 'details').all()) await d.evaluate((el) => (el.open = true));
  await axe(provider, 'provider with warnings and missing reasons');
  await provider.screenshot({ path: path.join(ARTIFACTS, 'provider-h4-westland.png'), fullPage: true });

  const consultant = await open(
    env,
    '/plain.html?mode=consultant&package=/packages/haarlem-2021.uwb&compare=/packages/haarlem-ciz.uwb&municipality=haarlem&date=2026-11-02',
  );
  await consultant.evaluate(() =>
    document.getElementById('w').setAnswers({
      heeft_indicatie: true,
      indicatie_startdatum: '2019-03-01',
      hulp_sinds: '2019-03-01',
      volwassen_huisgenoot: true,
      huisgenoot_kan_huishouden_doen: false,
      kinderen_onder_5: 0,
      kinderen_5_tot_12: 0,
      kinderen_13_tot_17: 1,
      slaapkamers_in_gebruik: 2,
      kan_zelf_strijken: true,
    }),
  );
  await axe(consultant, 'consultant comparison');

  const english = await open(env, '/plain.html?lang=en');
  await axe(english, 'citizen english');
  for (const p of [citizen, provider, consultant, english]) {
    assert.deepEqual(await problems(p), []);
    await p.context().close();
  }
});

test('keyboard only: the five steps of the provider flow, with visible focus and axe after every step', async () => {
  const page = await open(env, '/plain.html?mode=provider&package=/packages/kpmg-2019.uwb&municipality=almere', { locale: 'nl-NL' });
  // A date field's segment order follows the browser's locale (Debian's
  // Chromium ships only en-US: mm/dd/yyyy); find it out once by typing.
  let order = null;
  const typeDate = async (name, iso) => {
    const a = await tabTo(page, (x) => x.name === name);
    assert.notEqual(a.outline.split(' ')[0], 'none', `focus visible on ${name}`);
    const [y, m, d] = iso.split('-');
    if (!order) {
      await page.keyboard.type('01022030');
      const probe = (await activeElement(page)).value;
      order = { '2030-01-02': 'mdy', '2030-02-01': 'dmy' }[probe] ?? 'ymd';
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    }
    await page.keyboard.type({ mdy: m + d + y, dmy: d + m + y, ymd: y + m + d }[order]);
    assert.equal(await w(page, `input[name=${name}]`).inputValue(), iso);
  };
  // Radios: Tab lands on the group, arrow keys choose, Space checks.
  const chooseRadio = async (step, question, value) => {
    const a = await tabTo(page, (x) => x.step === step && x.question === question);
    assert.equal(a.type, 'radio');
    assert.notEqual(a.outline.split(' ')[0], 'none');
    for (let i = 0; i < 5; i++) {
      const now = await activeElement(page);
      if (now.value === value) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Space');
    assert.equal((await activeElement(page)).value, value);
  };
  const typeNumber = async (step, question, n) => {
    const a = await tabTo(page, (x) => x.step === step && x.question === question && x.tag === 'input');
    assert.notEqual(a.outline.split(' ')[0], 'none');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(n));
  };

  // Step 1: the municipality's decision date is the first field.
  await typeDate('decision', '2026-11-02');
  await w(page, '[data-overview] [data-plan-step=conversation]').filter({ hasText: 'donderdag 5 november 2026' }).waitFor();
  await axe(page, 'keyboard: step 1 decision');
  // Step 2: the conversation date (filled with the page's date: replace it) and the answers.
  await typeDate('conversation', '2026-11-04');
  await chooseRadio('2', 'eigen_mogelijkheden', 'false');
  await chooseRadio('2', 'beperkingen', 'enig');
  await chooseRadio('2', 'samenstelling_huishouden', 'true');
  await typeNumber('2', 'extra_kamers_in_gebruik', 1);
  await typeNumber('2', 'extra_kamers_niet_in_gebruik', 0);
  assert.equal(await indicationText(page), cliEval('kpmg-2019', KPMG, { date: '2026-11-04', municipality: 'almere' }));
  await axe(page, 'keyboard: step 2 conversation and first estimate');

  // Step 3: the start, a day late.
  await typeDate('start', '2026-11-06');
  await w(page, '[data-warning=start_late]').waitFor();
  await axe(page, 'keyboard: step 3 start (late)');
  // Step 4: the evaluation, one changed answer with its reason.
  await typeDate('evaluation', '2026-12-07');
  await chooseRadio('4', 'beperkingen', 'veel');
  const reason = await tabTo(page, (x) => x.tag === 'textarea' && x.question === 'beperkingen');
  assert.notEqual(reason.outline.split(' ')[0], 'none');
  await page.keyboard.type('Mevrouw kan minder sinds de val.');
  await axe(page, 'keyboard: step 4 evaluation');
  // Step 5: the final indication and the record's own fields.
  const ref = await tabTo(page, (x) => x.name === 'dossier');
  assert.notEqual(ref.outline.split(' ')[0], 'none');
  await page.keyboard.type('HH-2026-0042');
  assert.match(await w(page, '[data-status]').textContent(), /is compleet/);
  assert.equal(await indicationText(page), cliEval('kpmg-2019', { ...KPMG, beperkingen: 'veel' }, { date: '2026-12-07', municipality: 'almere' }));
  await w(page, '[data-result=final] .big').waitFor();
  await axe(page, 'keyboard: step 5 final indication and record');

  // Save with the keyboard.
  const save = await tabTo(page, (x) => x.action === 'save');
  assert.notEqual(save.outline.split(' ')[0], 'none');
  await page.screenshot({ path: path.join(ARTIFACTS, 'keyboard-focus-save.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  // No keyboard trap: Tab leaves the widget to the host page's own form.
  const out = await tabTo(page, (x) => !x.inWidget);
  assert.equal(out.name, 'naam');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});
