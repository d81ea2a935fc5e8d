// End-to-end test of the citizen self-check in headless Chromium.
//
//   node tests/site/run.mjs [site root, default www/dist]
//
// For every municipality of every entry-point package in the site's
// packages/index.json it walks the whole flow with the keyboard only (Tab,
// Shift+Tab, Space, Enter, arrow keys and typing; no mouse, no fill()):
// municipality, every step (with validation errors on purpose, a step back,
// conditional questions switched off and on again), the result, editing an
// answer from the result, and print. At every state it runs axe-core
// (WCAG 2.1 A/AA and best practices) and writes phone and desktop
// screenshots to tests/artifacts/site/. It compares the result on screen with
// `urenwijzer eval` of the same bundled package and answers, and checks the
// privacy promises: every request goes to the site itself, is a GET without
// body or query, names only static files, and carries none of the answers;
// nothing is stored (cookies, localStorage, sessionStorage, IndexedDB, Cache
// Storage, service workers); no Content Security Policy violation; the
// server sends the CSP header.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, DESKTOP, describeViolations, launchChromium, PHONE, serveSite, screenshot, tabTo } from '../lib/browser.mjs';
import { pickRadio, press, retype, settled } from './keyboard.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const root = path.resolve(process.argv[2] ?? path.join(repo, 'www', 'dist'));
const artifacts = path.resolve(process.env.SITE_ARTIFACTS ?? path.join(repo, 'tests', 'artifacts', 'site'));
const cli = process.env.URENWIJZER_CLI ?? path.join(repo, 'target', 'release', 'urenwijzer');
const only = process.env.SITE_ONLY; // e.g. "kpmg-2019/almere" to run one flow

const EXPECTED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
// A typed value that is not a number: distinctive, and checked against every request.
const NOT_A_NUMBER = 'zeventien';

let failures = 0;
function check(condition, message) {
  if (!condition) {
    failures += 1;
    console.error(`  FOUT: ${message}`);
  }
  return condition;
}
function log(message) {
  console.log(message);
}

// -------------------------------------------------------------- keyboard

// ------------------------------------------------------- axe, screenshots

let shotCounter = 0;
async function capture(page, flow, name, report) {
  const result = await axe(page);
  for (const v of describeViolations(result)) check(false, `${flow.slug} ${name}: axe ${v}`);
  report.axe.push({ flow: flow.slug, state: name, violations: result.violations.length, passes: result.passes.length });
  const n = String(++shotCounter).padStart(3, '0');
  const base = path.join(artifacts, `${flow.slug.replace('/', '--')}-${n}-${name}`);
  await screenshot(page, `${base}-desktop.png`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${base}-phone.png`);
  // The phone layout must not scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `${flow.slug} ${name}: the phone layout is ${overflow}px wider than the screen`);
  await page.setViewportSize(DESKTOP);
}

// ------------------------------------------------------------- answering

/**
 * The answer a flow gives. Variant A: yes, the last option, a small number, a
 * start date before 2021 (so conditional questions and transition rules come
 * into play). Variant B: no, a middle option, the largest allowed number.
 */
function plannedValue(q, variant = 'A') {
  const min = Number.isInteger(q.min) ? q.min : 0;
  const max = Number.isInteger(q.max) ? q.max : min + 10;
  switch (q.type) {
    case 'yes_no':
      return variant === 'A';
    case 'choice':
      return q.options[variant === 'A' ? q.options.length - 1 : Math.floor((q.options.length - 1) / 2)].id;
    case 'number':
      return variant === 'A' ? Math.min(max, min + 2) : max;
    case 'date':
      return variant === 'A' ? '2019-03-14' : '2022-06-01';
    default:
      throw new Error(`unknown question type ${q.type}`);
  }
}

async function visibleQuestions(page) {
  return page.evaluate(() => [...document.querySelectorAll('.uw-question')].filter((el) => !el.hidden).map((el) => el.dataset.question));
}

/** Answers question q (focused by Tab) with value; returns what was typed, for the privacy check. */
async function answer(page, q, value) {
  const sel = `.uw-question[data-question="${q.id}"]`;
  if (q.type === 'yes_no' || q.type === 'choice') {
    await tabTo(page, `${sel} input[type=radio]`);
    const k = q.type === 'yes_no' ? (value ? 0 : 1) : q.options.findIndex((o) => o.id === value);
    await pickRadio(page, k);
    const ok = await page.evaluate(({ s, k }) => document.querySelectorAll(`${s} input[type=radio]`)[k].checked, { s: sel, k });
    check(ok, `${q.id}: option ${k} is not selected after the arrow keys`);
    return [];
  }
  if (q.type === 'date') {
    const [y, m, d] = value.split('-');
    await tabTo(page, `${sel} input[data-part=day]`);
    await retype(page, String(Number(d)));
    await page.keyboard.press('Tab');
    await retype(page, String(Number(m)));
    await page.keyboard.press('Tab');
    await retype(page, y);
    return [value, `${Number(d)}-${Number(m)}-${y}`];
  }
  await tabTo(page, `${sel} input`);
  await retype(page, String(value));
  return [];
}

async function fieldState(page, qid) {
  return page.evaluate((id) => {
    const root = document.querySelector(`.uw-question[data-question="${id}"]`);
    if (!root) return null;
    const inputs = [...root.querySelectorAll('input')];
    const describers = inputs
      .map((i) => i.getAttribute('aria-describedby'))
      .concat([...root.querySelectorAll('fieldset')].map((f) => f.getAttribute('aria-describedby')))
      .filter(Boolean)
      .join(' ')
      .split(/\s+/);
    const error = root.querySelector('.utrecht-form-field-error-message');
    return {
      hidden: root.hidden,
      invalid: inputs.some((i) => i.getAttribute('aria-invalid') === 'true'),
      error: error && !error.hidden ? error.textContent : null,
      errorLinked: Boolean(error && !error.hidden && describers.includes(error.id)),
      values: inputs.map((i) => (i.type === 'radio' ? i.checked : i.value)),
    };
  }, qid);
}

function formatDuration(minutes) {
  const h = Math.floor(minutes / 60);
  const r = minutes % 60;
  const min = (n) => `${n} ${n === 1 ? 'minuut' : 'minuten'}`;
  if (h === 0) return min(r);
  if (r === 0) return `${h} uur`;
  return `${h} uur en ${min(r)}`;
}

// ------------------------------------------------------------------ flow

async function runFlow(browser, base, entry, report) {
  const { pkg, municipality, variant } = entry;
  const flow = { slug: `${pkg.id}/${municipality?.id ?? '-'}${variant === 'A' ? '' : `-${variant.toLowerCase()}`}` };
  log(`\n== ${flow.slug}: ${entry.label} (answers ${variant})`);
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'packages', pkg.file), 'utf8'));
  const questions = describeQuestions(doc);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL', serviceWorkers: 'allow' });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), postData: r.postData(), headers: r.allHeaders() }));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  const typed = []; // strings typed or implied by the answers: none may leave the page
  const answers = {}; // what the resident answered, per question id

  const response = await page.goto(base, { waitUntil: 'load' });
  const csp = response.headers()['content-security-policy'] ?? '';
  check(csp.startsWith(EXPECTED_CSP), `${flow.slug}: the page is served without the expected CSP (got: ${csp})`);
  await page.waitForSelector('#start');
  await capture(page, flow, 'gemeente', report);

  // Start without choosing: an error at the field.
  await press(page, '#start');
  await page.waitForSelector('#gemeente-fout');
  check(
    await page.evaluate(() => document.querySelector('fieldset').getAttribute('aria-describedby').includes('gemeente-fout')),
    `${flow.slug}: the municipality error is not linked to its fieldset`,
  );
  await capture(page, flow, 'gemeente-fout', report);

  // Choose the municipality with the arrow keys.
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('input[name=gemeente] + label, input[name=gemeente]')]
      .filter((el) => el.tagName === 'INPUT')
      .map((el) => document.querySelector(`label[for="${el.id}"]`).textContent),
  );
  const k = labels.indexOf(entry.label);
  if (!check(k >= 0, `${flow.slug}: "${entry.label}" is not in the list of municipalities (${labels.join(', ')})`)) {
    await context.close();
    return;
  }
  await tabTo(page, 'input[name=gemeente]', { back: true });
  await pickRadio(page, k);
  let heading = await page.evaluate(() => document.querySelector('h1').textContent);
  await press(page, '#start');
  heading = await settled(page, heading);
  if (municipality) {
    check(
      (await page.evaluate(() => document.documentElement.dataset.municipality)) === municipality.id,
      `${flow.slug}: <html data-municipality> is not set for the theme`,
    );
  }

  // The steps.
  let stepNo = 0;
  let errorsShown = false;
  let numberErrorsShown = false;
  let wentBack = false;
  const triggers = [];
  while (await page.$('#volgende')) {
    stepNo += 1;
    const title = heading;
    check(
      await page.evaluate(() => document.activeElement?.tagName === 'H1'),
      `${flow.slug} step ${stepNo}: focus is not on the heading after the step changed`,
    );
    check(
      /^Stap \d+ van \d+/.test(await page.evaluate(() => document.querySelector('.uw-progress__label')?.textContent ?? '')),
      `${flow.slug} step ${stepNo}: no "Stap x van y"`,
    );
    await capture(page, flow, `stap${stepNo}`, report);

    if (!errorsShown) {
      // Next without answers: messages at every field, linked, and a summary with focus.
      await press(page, '#volgende');
      await page.waitForFunction(() => document.activeElement?.id === 'foutmeldingen');
      for (const qid of await visibleQuestions(page)) {
        const f = await fieldState(page, qid);
        check(f.invalid && f.error && f.errorLinked, `${flow.slug} ${qid}: missing answer has no linked message at the field (${JSON.stringify(f)})`);
      }
      await capture(page, flow, `stap${stepNo}-fouten`, report);
      errorsShown = true;
    }

    // Answer every visible question; new (conditional) ones may appear.
    const done = new Set();
    for (let guard = 0; guard < 50; guard++) {
      const visible = await visibleQuestions(page);
      const qid = visible.find((id) => !done.has(id));
      if (!qid) break;
      const q = questions.get(qid);
      if (q.optional) {
        // Optional (a contribution exemption's): the label says so; answers B skip it (standard contribution with a note).
        const legend = await page.evaluate((id) => document.querySelector(`.uw-question[data-question="${id}"] .uw-legend`)?.textContent ?? '', qid);
        check(legend.includes('(mag u overslaan)'), `${flow.slug} ${qid}: an optional question does not say "(mag u overslaan)" ("${legend}")`);
        if (variant === 'B') {
          // "Weet ik niet" (the last choice) leaves it unanswered, by keyboard as a resident would.
          const sel = `.uw-question[data-question="${qid}"]`;
          const labels = await page.evaluate((s) => [...document.querySelectorAll(`${s} label`)].map((l) => l.textContent), sel);
          check(labels.at(-1) === 'Weet ik niet', `${flow.slug} ${qid}: an optional question has no "Weet ik niet" choice (${JSON.stringify(labels)})`);
          await tabTo(page, `${sel} input[type=radio]`);
          await pickRadio(page, labels.length - 1);
          done.add(qid);
          continue;
        }
      }
      const value = plannedValue(q, variant);
      if (q.type === 'number' && !numberErrorsShown) {
        // Not a number, then out of range: the engine's errors, in Dutch, at the field.
        await answer(page, q, NOT_A_NUMBER);
        typed.push(NOT_A_NUMBER);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'foutmeldingen');
        let f = await fieldState(page, qid);
        check(f.error?.includes('heel getal') && f.errorLinked, `${flow.slug} ${qid}: no "heel getal" message for text (${JSON.stringify(f)})`);
        const tooBig = String((Number.isInteger(q.max) ? q.max : 100) + 5);
        await answer(page, q, tooBig);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'foutmeldingen');
        f = await fieldState(page, qid);
        check(f.error?.includes('tot en met') && f.errorLinked, `${flow.slug} ${qid}: no range message for ${tooBig} (${JSON.stringify(f)})`);
        await capture(page, flow, `stap${stepNo}-getal-fout`, report);
        numberErrorsShown = true;
      }
      typed.push(...(await answer(page, q, value)));
      answers[qid] = value;
      done.add(qid);
      const after = await visibleQuestions(page);
      const appeared = after.filter((id) => !visible.includes(id));
      if (appeared.length) {
        triggers.push({ step: stepNo, title, qid, value, appeared });
        const said = await page.evaluate(() => document.getElementById('wijzigingen')?.textContent ?? '');
        check(said.includes('bijgekomen'), `${flow.slug}: the live region did not announce the new question(s) ${appeared.join(', ')} ("${said}")`);
      }
    }
    for (const qid of Object.keys(answers)) {
      const f = await fieldState(page, qid);
      if (f?.hidden) delete answers[qid];
    }
    await capture(page, flow, `stap${stepNo}-ingevuld`, report);

    // Once: go forward, come back, and find the answers still there.
    if (!wentBack && stepNo === 1) {
      await press(page, '#volgende');
      const next = await settled(page, heading);
      if (next !== '#foutmeldingen' && (await page.$('#vorige'))) {
        await press(page, '#vorige');
        heading = await settled(page, next);
        check(heading === title, `${flow.slug}: "Vorige" did not return to "${title}" (got "${heading}")`);
        for (const qid of await visibleQuestions(page)) {
          const f = await fieldState(page, qid);
          check(
            f.values.some((v) => v === true || (typeof v === 'string' && v !== '')),
            `${flow.slug} ${qid}: the answer was lost after going back`,
          );
        }
        wentBack = true;
      } else {
        heading = next;
        continue;
      }
    }
    await press(page, '#volgende');
    heading = await settled(page, heading);
    check(
      heading !== '#foutmeldingen',
      `${flow.slug} step ${stepNo}: the answers were refused: ${await page.evaluate(() => document.getElementById('foutmeldingen')?.textContent)}`,
    );
    if (heading === '#foutmeldingen') break;
  }

  // The result.
  check(heading === 'Uw uitkomst', `${flow.slug}: no result page (heading "${heading}")`);
  await verifyResult(page, flow, entry, answers, report);
  await capture(page, flow, 'uitkomst', report);
  await page.emulateMedia({ media: 'print' });
  const printHidden = await page.evaluate(() =>
    ['.uw-buttons', '.uw-progress', '.uw-footer'].every((s) => [...document.querySelectorAll(s)].every((el) => getComputedStyle(el).display === 'none')),
  );
  check(printHidden, `${flow.slug}: buttons, progress or footer are printed`);
  await page.screenshot({ path: path.join(artifacts, `${flow.slug.replace('/', '--')}-print.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The browser's back button goes to the last step, forward to the result again.
  const lastStep = await page.evaluate(() => [...document.querySelectorAll('.uw-answers__group h3')].pop()?.textContent);
  await page.goBack();
  heading = await settled(page, heading);
  check(heading === lastStep, `${flow.slug}: browser back went to "${heading}", expected "${lastStep}"`);
  await page.goForward();
  heading = await settled(page, heading);
  check(heading === 'Uw uitkomst', `${flow.slug}: browser forward went to "${heading}"`);

  // Edit from the result: a conditional question switched off drops its answer.
  const trigger = triggers[0];
  if (trigger) {
    const q = questions.get(trigger.qid);
    await press(page, `.uw-edit[data-step="${trigger.step - 1}"]`);
    heading = await settled(page, heading);
    check(heading === trigger.title, `${flow.slug}: "Wijzig" did not open "${trigger.title}" (got "${heading}")`);
    const off = q.type === 'yes_no' ? !trigger.value : q.type === 'number' ? (Number.isInteger(q.min) ? q.min : 0) : q.options[0].id;
    await answer(page, q, off);
    const hiddenNow = [];
    for (const id of trigger.appeared) hiddenNow.push((await fieldState(page, id)).hidden);
    check(hiddenNow.every(Boolean), `${flow.slug}: ${trigger.appeared.join(', ')} still shown after ${trigger.qid} = ${JSON.stringify(off)}`);
    const said = await page.evaluate(() => document.getElementById('wijzigingen')?.textContent ?? '');
    check(said.includes('weggehaald'), `${flow.slug}: the live region did not announce that questions went away ("${said}")`);
    await capture(page, flow, 'wijzig-verborgen', report);
    await answer(page, q, trigger.value);
    for (const id of trigger.appeared) {
      const f = await fieldState(page, id);
      check(
        !f.hidden && f.values.every((v) => v === false || v === ''),
        `${flow.slug}: ${id} came back with its old answer (it should have been dropped): ${JSON.stringify(f.values)}`,
      );
      const qq = questions.get(id);
      typed.push(...(await answer(page, qq, answers[id] ?? plannedValue(qq, variant))));
    }
    // On to the result again.
    for (let guard = 0; guard < 20 && heading !== 'Uw uitkomst'; guard++) {
      await press(page, '#volgende');
      heading = await settled(page, heading);
      if (heading === '#foutmeldingen') break;
    }
    check(heading === 'Uw uitkomst', `${flow.slug}: could not get back to the result after editing (at "${heading}")`);
    await verifyResult(page, flow, entry, answers, report);
  }

  // Privacy.
  await verifyPrivacy(page, context, flow, base, requests, typed, answers, questions, problems);
  report.flows.push({ flow: flow.slug, label: entry.label, steps: stepNo, answers, requests: requests.map((r) => new URL(r.url).pathname) });
  await context.close();
}

function describeQuestions(doc) {
  const out = new Map();
  const add = (d) => {
    for (const q of d.questions ?? []) if (!out.has(q.id)) out.set(q.id, q);
    for (const linked of Object.values(d.linked ?? {})) add(linked);
  };
  add(doc);
  return out;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function expected(entry, answers, command = 'eval') {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'site-test-'));
  const file = path.join(tmp, 'answers.json');
  fs.writeFileSync(file, JSON.stringify(answers));
  const args = [command, path.join(root, 'packages', entry.pkg.file), file, '--date', today(), ...(command === 'eval' ? ['--format', 'json'] : [])];
  if (entry.municipality) args.push('--municipality', entry.municipality.id);
  const r = spawnSync(cli, args, { encoding: 'utf8' });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`urenwijzer ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function verifyResult(page, flow, entry, answers, report) {
  const want = expected(entry, answers);
  // The site's form state is the core's: the same bytes as `urenwijzer state`.
  const formState = await page.evaluate(() => JSON.stringify(window.__zelftest.formState()));
  const wantState = JSON.stringify(expected(entry, answers, 'state'));
  check(
    formState === wantState,
    `${flow.slug}: the site's form state differs from urenwijzer state:\n  site: ${formState.slice(0, 300)}\n  cli:  ${wantState.slice(0, 300)}`,
  );
  const got = await page.evaluate(() => ({
    total: document.getElementById('totaal-per-week')?.textContent ?? '',
    rows: [...document.querySelectorAll('#per-resultaat tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
    fingerprint: document.getElementById('vingerafdruk')?.textContent ?? '',
    rough: Boolean(document.getElementById('ruwe-schatting')),
    contribution: document.getElementById('eigen-bijdrage-bedrag')?.textContent ?? null,
    standardContribution: Boolean(document.getElementById('eigen-bijdrage-standaard')),
    transition: Boolean(document.querySelector('.uw-transition')),
    how: document.querySelector('#uw-how')?.textContent ?? '',
    apply: document.getElementById('aanvragen')?.textContent ?? '',
    decision: document.getElementById('geen-besluit')?.textContent ?? '',
  }));
  // The resident reads "ongeveer" and the week rounded up to the quarter hour; the exact minutes stay in the JSON.
  const display = (part) => part.display_minutes_per_week;
  const week = formatDuration(display(want.total));
  check(
    got.total.startsWith('Ongeveer') && got.total.includes(week),
    `${flow.slug}: total shows "${got.total}", expected ongeveer ${week} (${want.total.minutes_per_week} min)`,
  );
  const shown = want.areas.filter((a) => a.minutes_per_week > 0);
  const rows = shown.length > 1 ? shown : [];
  check(got.rows.length === rows.length, `${flow.slug}: ${got.rows.length} result rows, expected ${rows.length} (rows of 0 minutes hidden)`);
  rows.forEach((a, i) => {
    const row = got.rows[i] ?? [];
    check(
      row[0] === a.title && row[1]?.includes(formatDuration(display(a))),
      `${flow.slug}: row ${i} is ${JSON.stringify(row)}, expected ${a.title} ongeveer ${formatDuration(display(a))}`,
    );
  });
  check(got.fingerprint === want.package.fingerprint, `${flow.slug}: fingerprint ${got.fingerprint} ≠ ${want.package.fingerprint}`);
  const rough = want.package.status === 'concept' || want.warnings.some((w) => w.code === 'concept' || w.code === 'provisional');
  check(got.rough === rough, `${flow.slug}: "ruwe schatting" ${got.rough ? 'shown' : 'missing'} (warnings: ${want.warnings.map((w) => w.code)})`);
  const c = want.cost?.contribution;
  check(Boolean(got.contribution), `${flow.slug}: the eigen bijdrage section is missing`);
  if (c?.exemption && got.contribution) {
    // The core's exemption, worded; a provisional one is never stated as certain.
    check(got.contribution.includes('geen eigen bijdrage'), `${flow.slug}: eigen bijdrage "${got.contribution}" does not say there is none`);
    if (c.provisional || c.exemption.provisional) {
      check(got.contribution.includes('nog niet zeker'), `${flow.slug}: a provisional exemption is stated as certain: "${got.contribution}"`);
    }
  } else if (c && got.contribution) {
    const euros = (c.cents / 100).toFixed(2).replace('.', ',');
    check(got.contribution.includes(euros), `${flow.slug}: eigen bijdrage "${got.contribution}" does not show ${euros}`);
    if (c.provisional)
      check(got.contribution.includes('nog niet zeker'), `${flow.slug}: a provisional contribution is stated as certain: "${got.contribution}"`);
  }
  const standard = want.warnings.some((w) => w.code === 'standard_contribution');
  check(
    got.standardContribution === standard,
    `${flow.slug}: the standard-contribution note is ${got.standardContribution ? 'shown' : 'missing'} (warnings: ${want.warnings.map((w) => w.code)})`,
  );
  check(got.transition === Boolean(want.transition), `${flow.slug}: transition note ${got.transition ? 'shown' : 'missing'}`);
  for (const { text: sentence } of want.explanation) {
    check(got.how.includes(sentence), `${flow.slug}: "Hoe is dit berekend?" lacks: ${sentence}`);
  }
  for (const t of want.trace) {
    for (const s of t.sources ?? []) {
      if (s.locator) check(got.how.includes(s.locator), `${flow.slug}: "Hoe is dit berekend?" lacks the source ${s.locator}`);
    }
  }
  check(got.decision.includes('geen besluit'), `${flow.slug}: no "dit is geen besluit"`);
  if (entry.municipality?.how_to_apply) {
    check(got.apply.length > 0, `${flow.slug}: no "how to apply" text`);
  }
  report.results.push({
    flow: flow.slug,
    answers,
    total: want.total,
    version: want.package.version,
    status: want.package.status,
    overlay: want.package.overlay,
    transition: Boolean(want.transition),
    warnings: want.warnings.map((w) => w.code),
    contribution: c ?? null,
  });
}

async function verifyPrivacy(page, context, flow, base, requests, typed, answers, questions, problems) {
  const failuresBefore = failures;
  const origin = new URL(base).origin;
  const staticFiles = new Set(listFiles(root).map((f) => `/${path.relative(root, f).split(path.sep).join('/')}`));
  staticFiles.add('/');
  const answerJson = JSON.stringify(answers);
  const needles = new Set([answerJson, ...typed.filter((t) => t.length >= 4)]);
  for (const id of questions.keys()) needles.add(id);
  for (const [id, v] of Object.entries(answers)) {
    needles.add(`${id}=${v}`);
    needles.add(`"${id}":${JSON.stringify(v)}`);
  }
  check(requests.length > 0, `${flow.slug}: no requests captured`);
  for (const r of requests) {
    const u = new URL(r.url);
    const where = `${flow.slug}: request ${r.method} ${r.url}`;
    check(u.origin === origin, `${where} goes to another host`);
    check(r.method === 'GET', `${where} is not a GET`);
    check(!r.postData, `${where} has a body`);
    check(u.search === '' && u.hash === '', `${where} has a query or fragment`);
    check(staticFiles.has(u.pathname), `${where} is not one of the site's static files`);
    const headers = await r.headers;
    const text = [r.url, r.postData ?? '', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\n');
    for (const n of needles) check(!text.includes(n), `${where} contains an answer ("${n}")`);
  }
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: (await caches.keys()).length,
    workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    cookie: document.cookie,
    csp: window.__csp,
  }));
  check(stored.local === 0 && stored.session === 0, `${flow.slug}: something was put in localStorage/sessionStorage`);
  check(stored.idb === 0 && stored.caches === 0 && stored.workers === 0, `${flow.slug}: IndexedDB, Cache Storage or a service worker was used`);
  check(stored.cookie === '' && (await context.cookies()).length === 0, `${flow.slug}: cookies were set`);
  check(stored.csp.length === 0, `${flow.slug}: CSP violations: ${stored.csp.join('; ')}`);
  for (const p of problems) check(false, `${flow.slug}: ${p}`);
  if (failures === failuresBefore) {
    log(`   ${requests.length} requests, all same-origin GETs of static files without answers; nothing stored; no CSP violations`);
  }
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// ------------------------------------------------------------------ main

function entriesOf(index) {
  // The same rules as the site: entry points only, one entry per municipality, labels made unique.
  const list = [];
  for (const pkg of index.packages ?? []) {
    if ((pkg.superseded_by ?? []).length > 0) continue;
    const municipalities = pkg.municipalities ?? [];
    if (municipalities.length === 0) list.push({ pkg, municipality: null, name: pkg.title });
    for (const m of municipalities) list.push({ pkg, municipality: m, name: m.name });
  }
  const count = new Map();
  for (const e of list) count.set(e.name, (count.get(e.name) ?? 0) + 1);
  for (const e of list) e.label = count.get(e.name) > 1 ? `${e.name} (${e.pkg.title})` : e.name;
  // Every municipality with answers A; the first municipality of each package also with answers B.
  const flows = list.map((e) => ({ ...e, variant: 'A' }));
  const seen = new Set();
  for (const e of list) {
    if (seen.has(e.pkg.id)) continue;
    seen.add(e.pkg.id);
    flows.push({ ...e, variant: 'B' });
  }
  return flows;
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const f of fs.readdirSync(artifacts)) if (f.endsWith('.png')) fs.rmSync(path.join(artifacts, f));
  const index = JSON.parse(fs.readFileSync(path.join(root, 'packages', 'index.json'), 'utf8'));
  let entries = entriesOf(index);
  const skipped = (index.packages ?? []).filter((p) => (p.superseded_by ?? []).length > 0).map((p) => p.id);
  if (only) entries = entries.filter((e) => `${e.pkg.id}/${e.municipality?.id ?? '-'}/${e.variant}`.startsWith(only));
  log(
    `site: ${root}\nflows: ${entries.length} (${entries.map((e) => `${e.label} ${e.variant}`).join(', ')})${skipped.length ? `; not entry points: ${skipped.join(', ')}` : ''}`,
  );
  check(entries.length > 0, 'no entry points in packages/index.json');

  const server = await serveSite(root);
  check(/^http:\/\/localhost:\d+\/$/.test(server.printed), `serve.mjs printed ${server.printed}`);
  const browser = await launchChromium();
  const report = { root, started: new Date().toISOString(), flows: [], results: [], axe: [] };
  try {
    for (const entry of entries) {
      try {
        await runFlow(browser, server.url, entry, report);
      } catch (e) {
        check(false, `${entry.pkg.id}/${entry.municipality?.id ?? '-'} (${entry.variant}): ${e.stack ?? e}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  report.failures = failures;
  fs.writeFileSync(path.join(artifacts, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const shots = fs.readdirSync(artifacts).filter((f) => f.endsWith('.png')).length;
  log(`\n${report.flows.length} flows, ${report.axe.length} axe runs, ${shots} screenshots in ${path.relative(repo, artifacts)}/`);
  if (failures > 0) {
    console.error(`site tests: ${failures} failure(s)`);
    process.exit(1);
  }
  log('site tests passed');
}

await main();
