// Provider mode: omgekeerd toewijzen from intake to final indication, the
// date rules (working days, public holidays, window edges) as the CLI has
// them, export to JSON and back, the printable summary.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, problems, indicationText, cliEval, cliPlan, w, answerAll, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const PAGE = '/plain.html?mode=provider&package=/packages/kpmg-2019.json&municipality=almere';
const INTAKE = {
  eigen_mogelijkheden: false,
  beperkingen: 'enig',
  samenstelling_huishouden: false,
  extra_kamers_in_gebruik: 1,
  extra_kamers_niet_in_gebruik: 0,
};
const EVALUATION = { ...INTAKE, beperkingen: 'veel', extra_kamers_niet_in_gebruik: 2 };

async function setDate(page, name, value) {
  await w(page, `input[name=${name}]`).fill(value);
}

async function planOf(page) {
  return page.evaluate(() => document.getElementById('w').exportRecord().plan);
}

test('full provider flow: intake, late start warning, evaluation with reasons, final indication on the evaluation date', async () => {
  const page = await open(env, PAGE);
  await setDate(page, 'intake', '2026-11-02');
  await answerAll(page, '[data-step="1"]', INTAKE);
  // First estimate: the norm on the intake date, identical to the CLI.
  assert.equal(await indicationText(page), cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  await assert.doesNotReject(w(page, '[data-result=initial] .big').waitFor());

  // Monday 2 Nov 2026 → Friday 6 Nov is 4 working days later: warning.
  await setDate(page, 'start', '2026-11-06');
  const warning = w(page, '[data-warning=start_late]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /4 werkdagen na de intake.*uiterlijk donderdag 5 november 2026/);
  assert.equal(JSON.stringify(await planOf(page)), cliPlan('2026-11-02', '2026-11-06'));
  // Thursday 5 Nov is on time: no warning.
  await setDate(page, 'start', '2026-11-05');
  assert.equal(await w(page, '[data-warning=start_late]').count(), 0);
  assert.match(await w(page, '[data-plan]').textContent(), /op tijd: 3 werkdagen na de intake/);
  await setDate(page, 'start', '2026-11-06');
  const window = w(page, '[data-window-from]');
  assert.equal(await window.getAttribute('data-window-from'), '2026-12-04');
  assert.equal(await window.getAttribute('data-window-until'), '2026-12-18');

  // The evaluation form appears with the evaluation date, prefilled with the intake answers.
  assert.equal(await w(page, '[data-step="3"] [data-question]').first().isVisible(), false);
  await setDate(page, 'evaluation', '2026-12-07');
  assert.equal(await w(page, '[data-step="3"] [data-question="beperkingen"] input[value=enig]').isChecked(), true);
  await answerAll(page, '[data-step="3"]', EVALUATION);
  // Two answers changed: each needs a reason before the record is complete.
  const reasons = w(page, '[data-step="3"] .change:visible');
  assert.equal(await reasons.count(), 2);
  assert.match(await w(page, '[data-status]').textContent(), /nog niet compleet/);
  assert.equal(await page.evaluate(() => document.getElementById('w').exportRecord().complete), false);
  await w(page, '[data-step="3"] [data-question="beperkingen"] textarea').fill('Sinds de operatie kan mevrouw niet meer bukken.');
  await w(page, '[data-step="3"] [data-question="extra_kamers_niet_in_gebruik"] textarea').fill('Twee kamers van de kinderen staan leeg.');
  assert.match(await w(page, '[data-status]').textContent(), /compleet/);
  assert.doesNotMatch(await w(page, '[data-status]').textContent(), /niet compleet/);

  // The final indication: evaluation answers, norm valid on the evaluation date.
  const final = await indicationText(page);
  assert.equal(final, cliEval('kpmg-2019', EVALUATION, { date: '2026-12-07', municipality: 'almere' }));
  assert.equal(JSON.parse(final).date, '2026-12-07');
  const record = await page.evaluate(() => document.getElementById('w').exportRecord());
  assert.equal(record.complete, true);
  assert.deepEqual(
    record.changes.map((c) => [c.question, c.before, c.after, Boolean(c.reason)]),
    [
      ['beperkingen', 'enig', 'veel', true],
      ['extra_kamers_niet_in_gebruik', 0, 2, true],
    ],
  );
  assert.equal(JSON.stringify(record.plan), cliPlan('2026-11-02', '2026-11-06', '2026-12-07'));
  assert.equal(JSON.stringify(record.initial.indication), cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  assert.deepEqual(
    [record.package.id, record.package.version_initial, record.package.version_final, record.package.fingerprint],
    ['kpmg-2019', '2019.1', '2019.1', JSON.parse(final).package.fingerprint],
  );
  assert.deepEqual([record.intake, record.start, record.evaluation], ['2026-11-02', '2026-11-06', '2026-12-07']);

  // An evaluation after the window (18 Dec) gets a warning.
  await setDate(page, 'evaluation', '2026-12-21');
  await w(page, '[data-warning=outside_window]').waitFor();
  assert.match(await w(page, '[data-warning=outside_window]').textContent(), /buiten de periode.*vrijdag 4 december 2026 tot en met vrijdag 18 december 2026/);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('window edges move to the next working day across weekends and public holidays, as in the CLI', async () => {
  const page = await open(env, PAGE);
  const cases = [
    // start on a Saturday: +28 = Sat 5 Dec → Mon 7 Dec; +42 = Sat 19 Dec → Mon 21 Dec
    ['2026-11-02', '2026-11-07', '2026-12-07', '2026-12-21'],
    // +42 = Sat 26 Dec 2026 (Tweede Kerstdag) → Mon 28 Dec
    ['2026-11-12', '2026-11-14', '2026-12-14', '2026-12-28'],
    // intake Fri 26 Mar 2027, Mon 29 Mar is Tweede Paasdag: start Tue 30 Mar is 1 working day later;
    // +28 = Tue 27 Apr 2027 (Koningsdag) → Wed 28 Apr
    ['2027-03-26', '2027-03-30', '2027-04-28', '2027-05-11'],
    // +28 = Thu 14 May 2026 (Hemelvaartsdag) → Fri 15 May; +42 = Thu 28 May
    ['2026-04-14', '2026-04-16', '2026-05-15', '2026-05-28'],
  ];
  for (const [intake, start, from, until] of cases) {
    await setDate(page, 'intake', intake);
    await setDate(page, 'start', start);
    const box = w(page, '[data-window-from]');
    assert.equal(await box.getAttribute('data-window-from'), from, `${start} from`);
    assert.equal(await box.getAttribute('data-window-until'), until, `${start} until`);
    assert.equal(JSON.stringify(await planOf(page)), cliPlan(intake, start), `${intake} ${start}`);
  }
  // Across a weekend and Tweede Paasdag: deadline Thu 1 Apr, no warning for Tue 30 Mar.
  await setDate(page, 'intake', '2027-03-26');
  await setDate(page, 'start', '2027-03-30');
  assert.equal((await planOf(page)).start_deadline, '2027-04-01');
  assert.equal(await w(page, '[data-warning=start_late]').count(), 0);
  // Thursday 23 Dec 2027: deadline Tue 28 Dec (Christmas and a weekend in between); Wed 29 Dec is late.
  await setDate(page, 'intake', '2027-12-23');
  await setDate(page, 'start', '2027-12-29');
  assert.equal((await planOf(page)).start_deadline, '2027-12-28');
  assert.match(await w(page, '[data-warning=start_late]').textContent(), /4 werkdagen na de intake.*dinsdag 28 december 2027/);
  // A start before the intake is refused at the field.
  await setDate(page, 'start', '2027-12-20');
  assert.match(await w(page, '#hbh1-start-error, [id$=-start-error]').first().textContent(), /vóór de intake/);
  assert.equal(await w(page, 'input[name=start]').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

async function fillComplete(page) {
  await setDate(page, 'intake', '2026-11-02');
  await answerAll(page, '[data-step="1"]', INTAKE);
  await setDate(page, 'start', '2026-11-04');
  await setDate(page, 'evaluation', '2026-12-10');
  await answerAll(page, '[data-step="3"]', EVALUATION);
  await w(page, '[data-step="3"] [data-question="beperkingen"] textarea').fill('Meer pijn bij bukken.');
  await w(page, '[data-step="3"] [data-question="extra_kamers_niet_in_gebruik"] textarea').fill('Kamers leeg sinds verhuizing kinderen.');
}

test('the exported JSON, opened again, restores the record and gives the same indication', async () => {
  const page = await open(env, PAGE);
  await fillComplete(page);
  const [download] = await Promise.all([page.waitForEvent('download'), w(page, 'button[data-action=save]').click()]);
  const file = path.join(ARTIFACTS, 'record.json');
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^omgekeerd-toewijzen-kpmg-2019-2026-11-02\.json$/);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(saved.format, 'urenwijzer-omgekeerd-toewijzen/1');
  assert.equal(saved.complete, true);
  const before = await indicationText(page);
  assert.equal(JSON.stringify(saved.final.indication), before);

  // A fresh widget (another page), opened through the file chooser.
  const other = await open(env, PAGE);
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), w(other, 'button[data-action=open]').click()]);
  await chooser.setFiles(file);
  await w(other, '[data-import] .alert-ok').waitFor();
  assert.equal(await w(other, '[data-import] .alert-warning').count(), 0);
  assert.equal(await indicationText(other), before);
  const again = await other.evaluate(() => document.getElementById('w').exportRecord());
  delete again.saved_at;
  delete saved.saved_at;
  assert.deepEqual(again, saved);
  // The form shows the restored state.
  assert.equal(await w(other, 'input[name=start]').inputValue(), '2026-11-04');
  assert.equal(await w(other, '[data-step="3"] [data-question="beperkingen"] textarea').inputValue(), 'Meer pijn bij bukken.');

  // importRecord with text works too; a record of another package is refused.
  const third = await open(env, PAGE);
  await third.evaluate((text) => document.getElementById('w').importRecord(text), fs.readFileSync(file, 'utf8'));
  assert.equal(await indicationText(third), before);
  const err = await third.evaluate(
    (text) => {
      const r = JSON.parse(text);
      r.package.id = 'h4';
      try {
        document.getElementById('w').importRecord(r);
        return null;
      } catch (e) {
        return e.message;
      }
    },
    fs.readFileSync(file, 'utf8'),
  );
  assert.match(err, /hoort bij normpakket h4/);
  // A broken file gives a message in the widget, not an exception.
  const broken = path.join(ARTIFACTS, 'broken.json');
  fs.writeFileSync(broken, '{"format": "iets anders"}');
  const [chooser2] = await Promise.all([third.waitForEvent('filechooser'), w(third, 'button[data-action=open]').click()]);
  await chooser2.setFiles(broken);
  await w(third, '[data-import] .alert-error').waitFor();
  assert.match(await w(third, '[data-import] .alert-error').textContent(), /geen geldig dossier/);
  for (const p of [page, other, third]) {
    assert.deepEqual(await problems(p), []);
    await p.context().close();
  }
});

test('printable summary: print view shows only the summary; the HTML summary can be saved', async () => {
  const page = await open(env, PAGE);
  await fillComplete(page);
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => (window.__printed += 1);
  });
  await w(page, 'button[data-action=print]').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.equal(await w(page, '.print-summary').isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await w(page, '.print-summary').isVisible(), true);
  assert.equal(await w(page, 'section[data-step="1"]').isVisible(), false);
  const text = await w(page, '.print-summary').innerText();
  for (const s of [
    'Samenvatting omgekeerd toewijzen',
    'KPMG normenkader',
    'maandag 2 november 2026',
    'donderdag 10 december 2026',
    'Meer pijn bij bukken.',
    'Datum en paraaf',
    'sha256:',
  ]) {
    assert.ok(text.includes(s), `summary has ${s}`);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'provider-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([page.waitForEvent('download'), w(page, 'button[data-action=downloadSummary]').click()]);
  const html = fs.readFileSync(await download.path(), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.ok(html.includes('Samenvatting omgekeerd toewijzen') && html.includes('Meer pijn bij bukken.'));
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('the indicatie event carries the current indication; setAnswers and setDates prefill', async () => {
  const page = await open(env, PAGE);
  await page.evaluate((a) => {
    const el = document.getElementById('w');
    el.setDates({ intake: '2026-11-02' });
    el.setAnswers(a);
  }, INTAKE);
  const events = await page.evaluate(() => window.__events.map((e) => JSON.stringify(e)));
  assert.equal(events.at(-1), await indicationText(page));
  assert.equal(events.at(-1), cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('an invalid evaluation answer shows a message at the question, not a broken widget', async () => {
  const page = await open(env, PAGE);
  await page.evaluate((a) => {
    const el = document.getElementById('w');
    el.setDates({ intake: '2026-11-02', start: '2026-11-03', evaluation: '2026-12-08' });
    el.setAnswers(a);
  }, INTAKE);
  await w(page, '[data-step="3"] [data-question="extra_kamers_in_gebruik"] input').fill('99');
  await w(page, '[data-step="3"] [data-question="extra_kamers_in_gebruik"] .field .field-error').waitFor();
  assert.match(await w(page, '[data-step="4"] .status').first().textContent(), /Verbeter eerst/);
  assert.equal(await page.evaluate(() => document.getElementById('w').exportRecord().complete), false);
  // The current indication falls back to the first estimate.
  assert.equal(await indicationText(page), cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  await w(page, '[data-step="3"] [data-question="extra_kamers_in_gebruik"] input').fill('1,5');
  assert.match(await w(page, '[data-step="3"] [data-question="extra_kamers_in_gebruik"] .field .field-error').textContent(), /geheel getal|getal/);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('an element made by script takes answers, dates and records before it is ready', async () => {
  const page = await open(env, PAGE);
  const record = await page.evaluate(async (a) => {
    const el = document.createElement('hbh-indicatie');
    el.setAttribute('package', '/packages/kpmg-2019.json');
    el.setAttribute('municipality', 'almere');
    el.setAttribute('mode', 'provider');
    el.setDates({ intake: '2026-11-02', start: '2026-11-03' });
    el.setAnswers(a);
    document.querySelector('main').append(el);
    await el.ready;
    const r = el.exportRecord();
    // A second element gets that record before it is connected.
    const copy = document.createElement('hbh-indicatie');
    for (const n of ['package', 'municipality', 'mode']) copy.setAttribute(n, el.getAttribute(n));
    copy.importRecord(r);
    document.querySelector('main').append(copy);
    await copy.ready;
    return { first: JSON.stringify(el.getIndication()), second: JSON.stringify(copy.getIndication()), start: r.start };
  }, INTAKE);
  assert.equal(record.first, cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  assert.equal(record.second, record.first);
  assert.equal(record.start, '2026-11-03');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});
