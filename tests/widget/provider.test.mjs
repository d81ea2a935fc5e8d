// Provider mode: omgekeerd toewijzen in the council motion's five steps
// (decision → conversation → start → evaluation → final indication), the
// dates as `urenwijzer plan --decision …` has them (working days, public
// holidays, window edges, the package's procedure), the record in format 2
// (export, import, a format-1 record migrated by the core, a BSN-like
// reference refused by the core), the printable summary, and no rule or
// tariff ids in the provider's text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, problems, indicationText, cliEval, cliPlan, w, answerAll, ARTIFACTS, INTAKE, PACKAGES } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const PAGE = '/plain.html?mode=provider&package=/packages/kpmg-2019.uwb&municipality=almere';
const KPMG = { pkg: 'kpmg-2019', municipality: 'almere' };
const EVALUATION = { ...INTAKE, beperkingen: 'veel', extra_kamers_niet_in_gebruik: 2 };

async function setDate(page, name, value) {
  await w(page, `input[name=${name}]`).fill(value);
}

async function planOf(page) {
  return page.evaluate(() => document.getElementById('w').exportRecord().plan);
}

test('the five steps: decision, conversation, start, evaluation with reasons, final indication; dates as the CLI plans them', async () => {
  const page = await open(env, PAGE);
  // Who decides what: the municipality whether, provider and resident how much.
  const intro = await w(page, '[data-overview]').textContent();
  assert.match(intro, /Gemeente: De gemeente besluit óf er huishoudelijke hulp nodig is/);
  assert.match(intro, /Aanbieder en inwoner: U en de inwoner spreken samen af hoeveel hulp nodig is/);
  // The numbers come from the plan (kpmg-2019 has no procedure: the motion's defaults).
  assert.match(intro, /binnen 3 werkdagen na het besluit/);
  assert.match(intro, /uiterlijk 1 werkdag daarna/);
  assert.match(intro, /28 tot 42 dagen na de start/);
  assert.equal(await w(page, '[data-plan-step]').count(), 5);

  await setDate(page, 'decision', '2026-11-02');
  assert.match(await w(page, '[data-overview]').textContent(), /uiterlijk donderdag 5 november 2026 \(3 werkdagen na het besluit\)/);
  await setDate(page, 'conversation', '2026-11-04');
  assert.match(await w(page, '[data-conversation]').textContent(), /op tijd: 2 werkdagen na het besluit/);
  await answerAll(page, '[data-step="2"]', INTAKE);
  // First estimate: the norm on the conversation date, identical to the CLI.
  assert.equal(await indicationText(page), cliEval('kpmg-2019', INTAKE, { date: '2026-11-04', municipality: 'almere' }));
  await assert.doesNotReject(w(page, '[data-result=initial] .big').waitFor());

  // Wednesday 4 Nov → Friday 6 Nov is 2 working days: late (1 working day agreed).
  await setDate(page, 'start', '2026-11-06');
  const warning = w(page, '[data-warning=start_late]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /2 werkdagen na het gesprek.*binnen 1 werkdag.*uiterlijk donderdag 5 november 2026/);
  assert.equal(JSON.stringify(await planOf(page)), cliPlan({ decision: '2026-11-02', conversation: '2026-11-04', start: '2026-11-06' }, KPMG));
  await setDate(page, 'start', '2026-11-05');
  assert.equal(await w(page, '[data-warning=start_late]').count(), 0);
  assert.match(await w(page, '[data-plan]').textContent(), /op tijd: 1 werkdag na het gesprek/);
  await setDate(page, 'start', '2026-11-06');
  const window = w(page, '[data-window-from]');
  assert.equal(await window.getAttribute('data-window-from'), '2026-12-04');
  assert.equal(await window.getAttribute('data-window-until'), '2026-12-18');

  // The evaluation form appears with the evaluation date, prefilled with the conversation's answers.
  assert.equal(await w(page, '[data-step="4"] [data-question]').first().isVisible(), false);
  await setDate(page, 'evaluation', '2026-12-07');
  assert.equal(await w(page, '[data-step="4"] [data-question="beperkingen"] input[value=enig]').isChecked(), true);
  await answerAll(page, '[data-step="4"]', EVALUATION);
  assert.equal(await w(page, '[data-step="4"] .change:visible').count(), 2);
  assert.match(await w(page, '[data-status]').textContent(), /nog niet compleet/);
  await w(page, '[data-step="4"] [data-question="beperkingen"] textarea').fill('Sinds de operatie kan mevrouw niet meer bukken.');
  await w(page, '[data-step="4"] [data-question="extra_kamers_niet_in_gebruik"] textarea').fill('Twee kamers van de kinderen staan leeg.');
  assert.match(await w(page, '[data-status]').textContent(), /is compleet/);

  // Step 5: the final indication (norm on the evaluation date), in hours and minutes per week.
  const final = await indicationText(page);
  assert.equal(final, cliEval('kpmg-2019', EVALUATION, { date: '2026-12-07', municipality: 'almere' }));
  const ind = JSON.parse(final);
  assert.match(await w(page, '[data-result=final] .big').textContent(), /^Ongeveer \d+ uur( en \d+ minuten)? per week$|^Ongeveer \d+ minuten per week$/);
  if (ind.total.display_minutes_per_week !== ind.total.minutes_per_week) {
    assert.match(await w(page, '[data-result=final]').textContent(), /Naar boven afgerond op een kwartier\. Precies: /);
  }
  assert.match(await w(page, '[data-difference]').textContent(), /Verschil met de eerste inschatting: ongeveer \+/);
  const record = await page.evaluate(() => document.getElementById('w').exportRecord());
  assert.equal(record.format, 'urenwijzer-omgekeerd-toewijzen/2');
  assert.equal(record.complete, true);
  assert.deepEqual([record.decision, record.conversation, record.start, record.evaluation], ['2026-11-02', '2026-11-04', '2026-11-06', '2026-12-07']);
  assert.equal(
    JSON.stringify(record.plan),
    cliPlan({ decision: '2026-11-02', conversation: '2026-11-04', start: '2026-11-06', evaluation: '2026-12-07' }, KPMG),
  );
  assert.deepEqual(
    record.changes.map((c) => [c.question, c.before, c.after, Boolean(c.reason)]),
    [
      ['beperkingen', 'enig', 'veel', true],
      ['extra_kamers_niet_in_gebruik', 0, 2, true],
    ],
  );
  assert.equal(JSON.stringify(record.initial.indication), cliEval('kpmg-2019', INTAKE, { date: '2026-11-04', municipality: 'almere' }));

  // An evaluation after the window (18 Dec) gets a warning; a late conversation too.
  await setDate(page, 'evaluation', '2026-12-21');
  await w(page, '[data-warning=outside_window]').waitFor();
  assert.match(
    await w(page, '[data-warning=outside_window]').textContent(),
    /buiten de periode van 28 tot 42 dagen na de start \(vrijdag 4 december 2026 tot en met vrijdag 18 december 2026\)/,
  );
  assert.equal((await planOf(page)).evaluation_in_window, false);
  await setDate(page, 'conversation', '2026-11-09');
  await setDate(page, 'start', '2026-11-09');
  assert.match(
    await w(page, '[data-warning=conversation_late]').textContent(),
    /5 werkdagen na het besluit.*binnen 3 werkdagen.*uiterlijk donderdag 5 november 2026/,
  );
  // A conversation before the decision is refused at its field (the core's code).
  await setDate(page, 'conversation', '2026-10-30');
  assert.match(await w(page, '[id$=-conversation-error]').textContent(), /vóór het besluit/);
  assert.equal(await w(page, 'input[name=conversation]').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('a decision the day before Koningsdag, under the Haarlem package procedure: the same dates as urenwijzer plan', async () => {
  const page = await open(env, '/plain.html?mode=provider&package=/packages/haarlem-2021.uwb&municipality=haarlem');
  const HAARLEM = { pkg: 'haarlem-2021', municipality: 'haarlem' };
  const cases = [
    // Friday 25 April 2025; Koningsdag on Saturday 26 April (the 27th is a Sunday), 5 May, Ascension 29 May.
    { decision: '2025-04-25', conversation: '2025-04-30', start: '2025-05-01', evaluation: '2025-06-02' },
    // Monday 26 April 2027, Koningsdag Tuesday 27 April.
    { decision: '2027-04-26', conversation: '2027-04-29', start: '2027-04-30', evaluation: '2027-05-28' },
    // Friday 25 April 2031 (Koningsdag on Saturday 26 April again).
    { decision: '2031-04-25', conversation: '2031-04-30', start: '2031-04-30', evaluation: '2031-06-11' },
  ];
  for (const c of cases) {
    await page.evaluate((d) => document.getElementById('w').setDates(d), c);
    const plan = await planOf(page);
    assert.equal(JSON.stringify(plan), cliPlan(c, HAARLEM), c.decision);
    // The procedure is the package's own, cited to the motion.
    assert.equal(plan.procedure.document, 'haarlem-motie-2016');
    assert.equal(plan.procedure.valid_from, '2016-06-30');
  }
  // 25 April 2025: three working days are 28, 29 and 30 April.
  await page.evaluate(() => document.getElementById('w').setDates({ decision: '2025-04-25', conversation: null, start: null, evaluation: null }));
  assert.equal((await planOf(page)).conversation_deadline, '2025-04-30');
  assert.match(await w(page, '[data-overview]').textContent(), /uiterlijk woensdag 30 april 2025/);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('window edges move to the next working day across weekends and public holidays, as in the CLI', async () => {
  const page = await open(env, PAGE);
  const cases = [
    // start on a Saturday: +28 = Sat 5 Dec → Mon 7 Dec; +42 = Sat 19 Dec → Mon 21 Dec
    [{ decision: '2026-11-02', conversation: '2026-11-04', start: '2026-11-07' }, '2026-12-07', '2026-12-21'],
    // +42 = Sat 26 Dec 2026 (Tweede Kerstdag) → Mon 28 Dec
    [{ decision: '2026-11-12', conversation: '2026-11-13', start: '2026-11-14' }, '2026-12-14', '2026-12-28'],
    // +28 = Tue 27 Apr 2027 (Koningsdag) → Wed 28 Apr
    [{ decision: '2027-03-26', conversation: '2027-03-30', start: '2027-03-30' }, '2027-04-28', '2027-05-11'],
    // +28 = Thu 14 May 2026 (Hemelvaartsdag) → Fri 15 May; +42 = Thu 28 May
    [{ decision: '2026-04-14', conversation: '2026-04-16', start: '2026-04-16' }, '2026-05-15', '2026-05-28'],
  ];
  for (const [dates, from, until] of cases) {
    await page.evaluate((d) => document.getElementById('w').setDates(d), dates);
    const box = w(page, '[data-window-from]');
    assert.equal(await box.getAttribute('data-window-from'), from, `${dates.start} from`);
    assert.equal(await box.getAttribute('data-window-until'), until, `${dates.start} until`);
    assert.equal(JSON.stringify(await planOf(page)), cliPlan(dates, KPMG), JSON.stringify(dates));
  }
  // Decision Friday 26 Mar 2027, Tweede Paasdag Mon 29 Mar: deadline Thu 1 Apr.
  await page.evaluate(() => document.getElementById('w').setDates({ decision: '2027-03-26', conversation: '2027-04-01', start: '2027-04-01' }));
  assert.equal((await planOf(page)).conversation_deadline, '2027-04-01');
  assert.equal(await w(page, '[data-warning=conversation_late]').count(), 0);
  // A start before the conversation is refused at the field.
  await setDate(page, 'start', '2027-03-31');
  assert.match(await w(page, '[id$=-start-error]').textContent(), /vóór het gesprek/);
  assert.equal(await w(page, 'input[name=start]').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

async function fillComplete(page) {
  await setDate(page, 'decision', '2026-11-02');
  await setDate(page, 'conversation', '2026-11-03');
  await answerAll(page, '[data-step="2"]', INTAKE);
  await setDate(page, 'start', '2026-11-04');
  await setDate(page, 'evaluation', '2026-12-10');
  await answerAll(page, '[data-step="4"]', EVALUATION);
  await w(page, '[data-step="4"] [data-question="beperkingen"] textarea').fill('Meer pijn bij bukken.');
  await w(page, '[data-step="4"] [data-question="extra_kamers_niet_in_gebruik"] textarea').fill('Kamers leeg sinds verhuizing kinderen.');
  await w(page, 'input[name=dossier]').fill('HH-2026-0042');
  await w(page, 'input[name=district]').fill('Schalkwijk');
  await w(page, 'input[name=postcode]').fill('2035');
}

test('the record in format 2, with the provider from the element attributes; saved and opened again', async () => {
  const page = await open(env, `${PAGE}&provider-name=Thuiszorg%20A&provider-agb=12345678`);
  await fillComplete(page);
  const [download] = await Promise.all([page.waitForEvent('download'), w(page, 'button[data-action=save]').click()]);
  const file = path.join(ARTIFACTS, 'record.json');
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^omgekeerd-toewijzen-kpmg-2019-2026-11-02\.json$/);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(saved.format, 'urenwijzer-omgekeerd-toewijzen/2');
  assert.deepEqual(
    [saved.dossier, saved.provider, saved.district, saved.postcode, saved.decision],
    ['HH-2026-0042', { name: 'Thuiszorg A', agb: '12345678' }, 'Schalkwijk', '2035', '2026-11-02'],
  );
  assert.equal(saved.complete, true);
  const before = await indicationText(page);
  assert.equal(JSON.stringify(saved.final.indication), before);

  // A fresh widget (another page, no provider attributes), opened through the file chooser.
  const other = await open(env, PAGE);
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), w(other, 'button[data-action=open]').click()]);
  await chooser.setFiles(file);
  await w(other, '[data-import] .alert-ok').waitFor();
  assert.deepEqual(await w(other, '[data-import] .alert-warning').allTextContents(), []);
  assert.equal(await indicationText(other), before);
  const again = await other.evaluate(() => document.getElementById('w').exportRecord());
  delete again.saved_at;
  delete saved.saved_at;
  assert.deepEqual(again, saved);
  assert.equal(await w(other, 'input[name=providerName]').inputValue(), 'Thuiszorg A');
  assert.equal(await w(other, '[data-step="4"] [data-question="beperkingen"] textarea').inputValue(), 'Meer pijn bij bukken.');

  // A record of another package is refused; a broken file gives a message in the widget.
  const err = await other.evaluate(
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
  const broken = path.join(ARTIFACTS, 'broken.json');
  fs.writeFileSync(broken, '{"format": "iets anders"}');
  const [chooser2] = await Promise.all([other.waitForEvent('filechooser'), w(other, 'button[data-action=open]').click()]);
  await chooser2.setFiles(broken);
  await w(other, '[data-import] .alert-error').waitFor();
  assert.match(await w(other, '[data-import] .alert-error').textContent(), /geen geldig dossier/);
  assert.equal(await w(other, '[data-import] .alert-error').getAttribute('data-code'), 'invalid_record');
  for (const p of [page, other]) {
    assert.deepEqual(await problems(p), []);
    await p.context().close();
  }
});

test('a format-1 record opens, migrated by the core, and the widget says so', async () => {
  const page = await open(env, PAGE);
  const v1 = {
    format: 'urenwijzer-omgekeerd-toewijzen/1',
    created_with: { name: 'hbh-indicatie', version: '0.1.0' },
    package: { id: 'kpmg-2019', municipality: 'almere' },
    intake: '2026-11-02',
    start: '2026-11-04',
    evaluation: null,
    plan: { intake: '2026-11-02', start: '2026-11-04' },
    initial: { date: '2026-11-02', answers: INTAKE, indication: null },
    changes: [],
    final: null,
    complete: false,
  };
  const file = path.join(ARTIFACTS, 'record-format-1.json');
  fs.writeFileSync(file, JSON.stringify(v1));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), w(page, 'button[data-action=open]').click()]);
  await chooser.setFiles(file);
  const note = w(page, '[data-import] [data-note=migrated]');
  await note.waitFor();
  assert.match(await note.textContent(), /oudere versie.*De datum van de intake staat nu bij het gesprek/);
  // The intake is the conversation; no decision date (the widget asks for it).
  assert.equal(await w(page, 'input[name=conversation]').inputValue(), '2026-11-02');
  assert.equal(await w(page, 'input[name=decision]').inputValue(), '');
  assert.match(await w(page, '[data-decision]').textContent(), /Vul de datum van het besluit/);
  assert.equal(await indicationText(page), cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  const record = await page.evaluate(() => document.getElementById('w').exportRecord());
  assert.deepEqual([record.format, record.decision, record.conversation, record.start], ['urenwijzer-omgekeerd-toewijzen/2', null, '2026-11-02', '2026-11-04']);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('a dossier reference with a nine-digit number that passes the elfproef is refused by the core, with the reason', async () => {
  const page = await open(env, PAGE);
  await fillComplete(page);
  // 111222333: 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 3 = 66 = 6 · 11.
  await w(page, 'input[name=dossier]').fill('111222333');
  const error = w(page, '[id$=-rf-dossier-error]');
  await error.waitFor();
  assert.match(await error.textContent(), /burgerservicenummer \(BSN\).*Gebruik nooit een BSN.*HH-2026-0042/);
  assert.equal(await w(page, 'input[name=dossier]').getAttribute('data-code'), 'bsn_in_reference');
  assert.equal(await w(page, 'input[name=dossier]').getAttribute('aria-invalid'), 'true');
  // Not written, not saved: the record is incomplete and the save button says why.
  const record = await page.evaluate(() => document.getElementById('w').exportRecord());
  assert.equal(record.dossier, null);
  assert.equal(record.complete, false);
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await w(page, 'button[data-action=save]').click();
  assert.match(await w(page, '[data-import] .alert-error').textContent(), /Verbeter eerst de gegevens van het dossier/);
  assert.equal(downloaded, false);
  // A number that fails the elfproef is fine; a wrong AGB code gets its message.
  await w(page, 'input[name=dossier]').fill('123456789');
  assert.equal(await error.isVisible(), false);
  await w(page, 'input[name=providerAgb]').fill('1234');
  assert.match(await w(page, '[id$=-rf-providerAgb-error]').textContent(), /8 cijfers/);
  await w(page, 'input[name=providerAgb]').fill('');
  // A saved record holding such a reference is refused on opening, with the same reason.
  const bad = { ...(await page.evaluate(() => document.getElementById('w').exportRecord())), dossier: 'dossier 111222333' };
  const file = path.join(ARTIFACTS, 'record-bsn.json');
  fs.writeFileSync(file, JSON.stringify(bad));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), w(page, 'button[data-action=open]').click()]);
  await chooser.setFiles(file);
  const refused = w(page, '[data-import] .alert-error');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('data-code'), 'bsn_in_reference');
  assert.match(await refused.textContent(), /geen geldig dossier: .*Gebruik nooit een BSN/);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('printable summary: the five steps dates, hours and minutes per week, exact minutes for the consultant', async () => {
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
    'Datum van het besluit van de gemeente',
    'maandag 2 november 2026',
    'dinsdag 3 november 2026 (1 werkdag na het besluit)',
    'donderdag 10 december 2026',
    'Per week (ongeveer)',
    'Precieze minuten (voor de consulent)',
    'HH-2026-0042',
    'Meer pijn bij bukken.',
    'Datum en paraaf',
    'sha256:',
  ]) {
    assert.ok(text.includes(s), `summary has ${s}`);
  }
  // Per week in hours and minutes; no bare count of minutes per year (that is only in the consultant's table, as a duration).
  const about = await w(page, '.print-summary table').first().innerText();
  assert.match(about, /uur|minuten/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'provider-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([page.waitForEvent('download'), w(page, 'button[data-action=downloadSummary]').click()]);
  const html = fs.readFileSync(await download.path(), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.ok(html.includes('Samenvatting omgekeerd toewijzen') && html.includes('Meer pijn bij bukken.'));
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

/** Rule ids, tariff (cost class) ids and value names of a bundled package, with its overlays. */
function ruleAndTariffIds(pkg) {
  const doc = JSON.parse(fs.readFileSync(path.join(PACKAGES, `${pkg}.json`), 'utf8'));
  const ids = new Set();
  const walk = (x, key) => {
    if (Array.isArray(x)) for (const v of x) walk(v, key);
    else if (x && typeof x === 'object') {
      if (['rules', 'classes', 'tariffs'].includes(key) && typeof x.id === 'string') ids.add(x.id);
      if (key === 'values') for (const k of Object.keys(x)) ids.add(k);
      for (const [k, v] of Object.entries(x)) walk(v, k);
    }
  };
  walk(doc, '');
  return [...ids];
}

/** The text a provider sees (visible, outside closed details; the consultant's exact table excepted). */
function visibleText(page) {
  return page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const out = [];
    const walk = (node) => {
      for (const el of node.children) {
        if (el.tagName === 'DETAILS' && !el.open) {
          out.push(el.querySelector('summary')?.innerText ?? '');
          continue;
        }
        if (el.checkVisibility && !el.checkVisibility()) continue;
        if (el.children.length === 0) out.push(el.innerText ?? '');
        else {
          for (const n of el.childNodes) if (n.nodeType === 3) out.push(n.textContent);
          walk(el);
        }
      }
    };
    walk(root);
    return out.join('\n');
  });
}

test('no rule ids or tariff ids in the provider text, in every state', async () => {
  for (const [query, pkg, answers] of [
    [PAGE, 'kpmg-2019', { intake: INTAKE, evaluation: EVALUATION }],
    [
      '/plain.html?mode=provider&package=/packages/h4.uwb&municipality=westland',
      'h4',
      {
        intake: {
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
        },
        evaluation: null,
      },
    ],
  ]) {
    const ids = ruleAndTariffIds(pkg);
    assert.ok(ids.length > 3, `${pkg} has rule ids`);
    // Ids with an underscore are unmistakable anywhere; one-word ids (e.g. "basis", "was") are Dutch words
    // too, so those are looked for in the forms a rule id takes in a list: [id], (id).
    const patterns = ids.map((id) => (id.includes('_') ? new RegExp(id) : new RegExp(`[[(]${id}[\\])]`)));
    const page = await open(env, query);
    const check = async (state) => {
      const text = await visibleText(page);
      for (const [k, re] of patterns.entries()) assert.doesNotMatch(text, re, `${pkg} ${state}: id ${ids[k]} in the provider's text`);
    };
    await check('empty');
    await page.evaluate((a) => {
      const el = document.getElementById('w');
      el.setDates({ decision: '2026-11-02', conversation: '2026-11-03' });
      el.setAnswers(a.intake);
    }, answers);
    await check('first estimate');
    await page.evaluate((a) => {
      const el = document.getElementById('w');
      el.setDates({ start: '2026-11-09', evaluation: '2026-12-31' });
      el.setAnswers({ ...a.intake, beperkingen: 'veel' }, { phase: 'evaluation' });
    }, answers);
    await w(page, '[data-warning=outside_window]').waitFor();
    await check('late start, outside the window, reasons missing');
    for (const d of await w(page, 'details:not([data-exact])').all()) await d.evaluate((el) => (el.open = true));
    await check('explanations open');
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  }
});

test("the contribution: skipped exemption question gives the standard amount with the core's note; an exemption says there is none", async () => {
  const H4 = {
    huishouden_grootte: 1,
    aantal_kinderen: 0,
    eigen_mogelijkheden: true,
    beperkingen: 'geen',
    extra_kamers_in_gebruik: 0,
    extra_was: 'normaal',
    wasservice: false,
    boodschappen_maaltijden: 'geen',
    regie: 'geen',
  };
  const page = await open(env, '/plain.html?mode=provider&package=/packages/h4.uwb&municipality=westland');
  // The optional question says it may be skipped, and skipping it is no problem.
  assert.match(await w(page, '[data-step="2"] [data-question="minimaregeling"] legend').textContent(), /\(mag u overslaan\)/);
  await page.evaluate((a) => {
    const el = document.getElementById('w');
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-03' });
    el.setAnswers(a);
  }, H4);
  const note = w(page, '[data-result=initial] li[data-code=standard_contribution]');
  await note.waitFor();
  assert.match(await note.textContent(), /gewone eigen bijdrage/);
  assert.equal(await indicationText(page), cliEval('h4', H4, { date: '2026-11-03', municipality: 'westland' }));
  assert.deepEqual(await problems(page), []);
  await page.evaluate((a) => document.getElementById('w').setAnswers({ ...a, minimaregeling: true }), H4);
  await w(page, '[data-result=initial] [data-contribution=exempt]').waitFor();
  assert.match(await w(page, '[data-result=initial] [data-contribution=exempt]').textContent(), /Eigen bijdrage: geen, want uw inkomen/);
  assert.equal(await w(page, '[data-result=initial] li[data-code=standard_contribution]').count(), 0);
  // "Weet ik niet" leaves the optional question open again: the standard amount with the note.
  const dontKnow = w(page, '[data-step="2"] [data-question="minimaregeling"] input[value=""]');
  assert.match(
    await w(page, `[data-step="2"] [data-question="minimaregeling"] label[for="${await dontKnow.getAttribute('id')}"]`).textContent(),
    /Weet ik niet/,
  );
  await dontKnow.check();
  await note.waitFor();
  assert.equal(await indicationText(page), cliEval('h4', H4, { date: '2026-11-03', municipality: 'westland' }));
  await page.context().close();
});

test('the indicatie event carries the current indication; setAnswers and setDates prefill', async () => {
  const page = await open(env, PAGE);
  await page.evaluate((a) => {
    const el = document.getElementById('w');
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-02' });
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
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-02', start: '2026-11-03', evaluation: '2026-12-08' });
    el.setAnswers(a);
  }, INTAKE);
  await w(page, '[data-step="4"] [data-question="extra_kamers_in_gebruik"] input').fill('99');
  await w(page, '[data-step="4"] [data-question="extra_kamers_in_gebruik"] .field .field-error').waitFor();
  assert.match(await w(page, '[data-step="5"] .status').first().textContent(), /Verbeter eerst/);
  assert.equal(await page.evaluate(() => document.getElementById('w').exportRecord().complete), false);
  // The current indication falls back to the first estimate.
  assert.equal(await indicationText(page), cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  await w(page, '[data-step="4"] [data-question="extra_kamers_in_gebruik"] input').fill('1,5');
  assert.match(await w(page, '[data-step="4"] [data-question="extra_kamers_in_gebruik"] .field .field-error').textContent(), /geheel getal|getal/);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});

test('an element made by script takes answers, dates and records before it is ready', async () => {
  const page = await open(env, PAGE);
  const record = await page.evaluate(async (a) => {
    const el = document.createElement('hbh-indicatie');
    el.setAttribute('package', '/packages/kpmg-2019.uwb');
    el.setAttribute('municipality', 'almere');
    el.setAttribute('mode', 'provider');
    el.setDates({ decision: '2026-11-02', conversation: '2026-11-02', start: '2026-11-03' });
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
    return { first: JSON.stringify(el.getIndication()), second: JSON.stringify(copy.getIndication()), start: r.start, decision: copy.exportRecord().decision };
  }, INTAKE);
  assert.equal(record.first, cliEval('kpmg-2019', INTAKE, { date: '2026-11-02', municipality: 'almere' }));
  assert.equal(record.second, record.first);
  assert.equal(record.start, '2026-11-03');
  assert.equal(record.decision, '2026-11-02');
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});
