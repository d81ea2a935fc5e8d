// The resident's answer (issue 13), in headless Chromium, keyboard only:
// three households (Delft, alone with a rollator; a Haarlem family with
// children of 4 and 9; a quick answer in Almere), each at phone and desktop
// width. For each: the total reads "ongeveer" with the week rounded up to a
// quarter hour, "geen besluit" under it, the "not counted" box right under
// the total (within one screen), the print is one A4 page, and the text a
// resident sees without opening anything holds none of the banned words.
// Also: forced colours show the selected radio (pixels of selected and
// unselected differ), axe finds nothing in every state (also forced colours,
// 200 % zoom and 320 px), no sideways scroll, step names not cut, a reload
// mid-way says why the answers are gone, and "Terug naar uitkomst" works.
//
//   node tests/site/resident.mjs [site root, default www/dist]
// Screenshots go to tests/artifacts/resident/.

import fs from 'node:fs';
import path from 'node:path';
import { axe, DESKTOP, describeViolations, launchChromium, PHONE, repo, screenshot, serveSite, tabTo } from '../lib/browser.mjs';
import { pickRadio, press, retype, settled } from './keyboard.mjs';

const root = path.resolve(process.argv[2] ?? path.join(repo, 'www', 'dist'));
const artifacts = path.resolve(process.env.RESIDENT_ARTIFACTS ?? path.join(repo, 'tests', 'artifacts', 'resident'));

const HOUSEHOLDS = [
  {
    slug: 'delft-alleen',
    municipality: 'Delft',
    // 82, alone, a rollator (more dirt comes in), three rooms in use: living room, bedroom and one more.
    answers: {
      huishouden_grootte: 1,
      aantal_kinderen: 0,
      hulp_bij_kinderen: false,
      eigen_mogelijkheden: false,
      beperkingen: 'enig',
      extra_kamers_in_gebruik: 1,
      extra_was: 'normaal',
      wasservice: false,
      boodschappen_maaltijden: 'geen',
      regie: 'geen',
    },
  },
  {
    slug: 'haarlem-gezin',
    municipality: 'Haarlem',
    // A couple, one with MS, children of 4 and 9; no help yet.
    answers: {
      heeft_indicatie: false,
      volwassen_huisgenoot: true,
      huisgenoot_kan_huishouden_doen: false,
      kinderen_onder_5: 1,
      kinderen_5_tot_12: 1,
      kinderen_13_tot_17: 0,
      slaapkamers_in_gebruik: 3,
      kan_zelf_strijken: false,
    },
    notCounted: ['boodschappen_maaltijden', 'verzorging_kinderen', 'regie_huishouden'],
  },
  {
    slug: 'almere-snel',
    municipality: 'Almere',
    answers: { eigen_mogelijkheden: false, beperkingen: 'geen', samenstelling_huishouden: false, extra_kamers_in_gebruik: 0, extra_kamers_niet_in_gebruik: 0 },
    notCounted: ['extra_vervuiling', 'wasverzorging'],
  },
];

// Words a resident should not meet without opening anything (B1, no jargon).
const BANNED = [
  'normenkader',
  'fingerprint',
  'vingerafdruk',
  'ECLI',
  'overlay',
  'sha256',
  'H4',
  'niet openbaar',
  'brontekst',
  'abonnementstarief',
  'Resultatenmatrix',
  'provisional',
  'not_encoded',
];

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures += 1;
    console.error(`  FOUT: ${message}`);
  }
  return ok;
}

async function axeClean(page, where) {
  const result = await axe(page);
  for (const v of describeViolations(result)) check(false, `${where}: axe ${v}`);
}

async function noSidewaysScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `${where}: the page is ${overflow}px wider than the screen`);
}

/** Ids of rules, values, tables and tariff/contribution labels of a package document (and what it links). */
function idsOf(doc) {
  const ids = new Set();
  const add = (d) => {
    for (const v of d.versions ?? []) {
      for (const a of v.areas ?? []) for (const r of a.rules ?? []) ids.add(r.id);
      for (const k of Object.keys(v.values ?? {})) ids.add(k);
      for (const k of Object.keys(v.tables ?? {})) ids.add(k);
    }
    for (const q of d.questions ?? []) ids.add(q.id);
    for (const l of Object.values(d.linked ?? {})) add(l);
  };
  add(doc);
  return [...ids].filter((id) => id.includes('_'));
}

/** The text a resident sees without opening anything: closed sections and the consultant's part left out. */
function visibleText(page) {
  return page.evaluate(() => {
    const hide = [...document.querySelectorAll('details:not([open]), #uw-consulent')];
    const before = hide.map((d) => d.style.display);
    for (const d of hide) d.style.display = 'none';
    const text = document.body.innerText;
    hide.forEach((d, i) => {
      d.style.display = before[i];
    });
    return text;
  });
}

async function chooseMunicipality(page, name) {
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('input[name=gemeente]')].map((el) => document.querySelector(`label[for="${el.id}"]`).textContent),
  );
  const k = labels.indexOf(name);
  if (k < 0) throw new Error(`${name} is not offered (${labels.join(', ')})`);
  await tabTo(page, 'input[name=gemeente]', { back: true });
  await pickRadio(page, k);
}

async function answerStep(page, doc, answers) {
  const questions = new Map();
  const add = (d) => {
    for (const q of d.questions ?? []) if (!questions.has(q.id)) questions.set(q.id, q);
    for (const l of Object.values(d.linked ?? {})) add(l);
  };
  add(doc);
  const done = [];
  // Answering may make a question appear on the same step: go on until none is left.
  for (let guard = 0; guard < 20; guard++) {
    const ids = await page.evaluate(() => [...document.querySelectorAll('.uw-question')].filter((el) => !el.hidden).map((el) => el.dataset.question));
    const id = ids.find((x) => !done.includes(x));
    if (!id) break;
    done.push(id);
    const q = questions.get(id);
    // An optional question (a contribution exemption's) may be skipped, as a resident may.
    if (!(id in answers) && q?.optional) continue;
    if (!(id in answers)) throw new Error(`question ${id} was asked but the household has no answer for it`);
    const value = answers[id];
    const sel = `.uw-question[data-question="${id}"]`;
    if (q.type === 'yes_no' || q.type === 'choice') {
      await tabTo(page, `${sel} input[type=radio]`);
      await pickRadio(page, q.type === 'yes_no' ? (value ? 0 : 1) : q.options.findIndex((o) => o.id === value));
    } else {
      await tabTo(page, `${sel} input`);
      await retype(page, String(value));
    }
  }
  return done;
}

/** Goes from the start page to the result; returns the questions asked. */
async function toResult(page, doc, household, { onStep = null } = {}) {
  await chooseMunicipality(page, household.municipality);
  let heading = await page.evaluate(() => document.querySelector('h1').textContent);
  await press(page, '#start');
  heading = await settled(page, heading);
  const asked = [];
  for (let guard = 0; guard < 20 && heading !== 'Uw uitkomst'; guard++) {
    asked.push(...(await answerStep(page, doc, household.answers)));
    if (onStep) await onStep(asked.length);
    await press(page, '#volgende');
    heading = await settled(page, heading);
    if (heading === '#foutmeldingen') throw new Error(`${household.slug}: validation errors at ${asked.join(', ')}`);
  }
  return asked;
}

async function household(browser, base, index, h, viewport, report) {
  const where = `${h.slug} ${viewport.width}px`;
  console.log(`== ${where}`);
  const entry = index.packages.find((p) => (p.municipalities ?? []).some((m) => m.name === h.municipality) && !(p.superseded_by ?? []).length);
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'packages', entry.file), 'utf8'));
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForSelector('#start');

  const asked = await toResult(page, doc, h, {
    onStep: async (n) => {
      if (n > 0) await axeClean(page, `${where} step`);
    },
  });
  const shot = (name) => screenshot(page, path.join(artifacts, `${h.slug}-${viewport === PHONE ? 'phone' : 'desktop'}-${name}.png`));
  await shot('uitkomst');
  await axeClean(page, `${where} result`);
  await noSidewaysScroll(page, `${where} result`);

  const got = await page.evaluate(() => {
    const box = (sel) => document.querySelector(sel)?.getBoundingClientRect().toJSON() ?? null;
    return {
      total: document.getElementById('totaal-per-week')?.textContent ?? '',
      decision: document.getElementById('geen-besluit')?.textContent ?? '',
      totalBox: box('.uw-total'),
      notCountedBox: box('#niet-meegeteld'),
      notCounted: [...document.querySelectorAll('#niet-meegeteld li')].map((li) => li.dataset.item),
      afterTotal: document.querySelector('.uw-total')?.nextElementSibling?.id ?? null,
      contribution: document.getElementById('eigen-bijdrage') !== null,
      apply: document.getElementById('aanvragen-kop') !== null,
      support: document.getElementById('clientondersteuning')?.textContent ?? '',
      findDesk: document.getElementById('wmo-loket-zoeken')?.textContent ?? '',
    };
  });
  check(/^Ongeveer \d/.test(got.total), `${where}: the total "${got.total}" does not start with "Ongeveer"`);
  check(got.decision.includes('geen besluit'), `${where}: no "geen besluit" under the total`);
  check(got.contribution && got.apply, `${where}: the eigen bijdrage or how to apply is missing`);
  check(got.support.includes('cliëntondersteuner'), `${where}: no word about free client support`);
  check(got.findDesk.includes('Wmo-loket'), `${where}: without contact details the page must say how to find the Wmo desk`);
  if (h.notCounted) {
    check(got.afterTotal === 'niet-meegeteld', `${where}: the "not counted" box does not follow the total (next is ${got.afterTotal})`);
    check(
      got.notCountedBox && got.notCountedBox.top - got.totalBox.top <= viewport.height,
      `${where}: the "not counted" box starts ${Math.round((got.notCountedBox?.top ?? 0) - got.totalBox.top)}px below the total, more than one screen`,
    );
    for (const id of h.notCounted) check(got.notCounted.includes(id), `${where}: "${id}" missing from the not-counted box (${got.notCounted})`);
  }
  const text = await visibleText(page);
  for (const word of [...BANNED, ...idsOf(doc)]) {
    check(!text.toLowerCase().includes(word.toLowerCase()), `${where}: a resident reads "${word}" without opening anything`);
  }
  check(!/\b\d+ minuten per jaar\b|per jaar.*minuten/.test(text), `${where}: minutes per year shown to a resident`);

  // Every closed section opened: still no axe violation.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await axeClean(page, `${where} result, all opened`);
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = false;
  });

  // Print: one A4 page (and a picture of it: A4 less the 12 mm margins is about 703 px wide).
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1032 });
  await shot('print');
  await page.setViewportSize(viewport);
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  check(pages === 1, `${where}: the print has ${pages} pages, expected 1`);
  fs.writeFileSync(path.join(artifacts, `${h.slug}-${viewport === PHONE ? 'phone' : 'desktop'}.pdf`), pdf);

  // Forced colours, 200 % zoom (half the width in CSS pixels) and 320 px: axe, no sideways scroll.
  await page.emulateMedia({ forcedColors: 'active' });
  await axeClean(page, `${where} result, forced colours`);
  await shot('uitkomst-contrast');
  await page.emulateMedia({ forcedColors: 'none' });
  for (const [name, size] of [
    // 200 % zoom halves the width in CSS pixels; WCAG reflow asks for no sideways scroll down to 320.
    ['200%', { width: Math.max(320, Math.floor(viewport.width / 2)), height: Math.floor(viewport.height / 2) }],
    ['320px', { width: 320, height: 640 }],
  ]) {
    await page.setViewportSize(size);
    await axeClean(page, `${where} result at ${name}`);
    await noSidewaysScroll(page, `${where} result at ${name}`);
  }
  await page.setViewportSize(viewport);

  // "Wijzig" from the result, then straight back with "Terug naar uitkomst".
  let heading = 'Uw uitkomst';
  await press(page, '.uw-edit[data-step="0"]');
  heading = await settled(page, heading);
  await press(page, '#terug-naar-uitkomst');
  heading = await settled(page, heading);
  check(heading === 'Uw uitkomst', `${where}: "Terug naar uitkomst" went to "${heading}"`);

  check(errors.length === 0, `${where}: page errors ${errors.join('; ')}`);
  report.push({ household: h.slug, width: viewport.width, asked, total: got.total, pages, notCounted: got.notCounted });
  await context.close();
}

/** Forced colours on a step with radios: the selected radio must look different from an unselected one; progress and step names at 200 %. */
async function forcedColoursAndZoom(browser, base, index) {
  const where = 'forced colours';
  console.log(`== ${where}, zoom, reload`);
  const h = HOUSEHOLDS[2];
  const entry = index.packages.find((p) => (p.municipalities ?? []).some((m) => m.name === h.municipality));
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'packages', entry.file), 'utf8'));
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForSelector('#start');
  await chooseMunicipality(page, h.municipality);
  let heading = await page.evaluate(() => document.querySelector('h1').textContent);
  await press(page, '#start');
  heading = await settled(page, heading);
  await answerStep(page, doc, h.answers);
  await page.emulateMedia({ forcedColors: 'active' });
  const radios = page.locator('.uw-question input[type=radio]');
  const selected = await page.evaluate(() => [...document.querySelectorAll('.uw-question input[type=radio]')].findIndex((r) => r.checked));
  const other = selected === 0 ? 1 : 0;
  const a = await radios.nth(selected).screenshot();
  const b = await radios.nth(other).screenshot();
  check(!a.equals(b), `${where}: the selected radio looks the same as an unselected one`);
  fs.writeFileSync(path.join(artifacts, 'contrast-radio-selected.png'), a);
  fs.writeFileSync(path.join(artifacts, 'contrast-radio-unselected.png'), b);
  await axeClean(page, `${where} step`);
  await screenshot(page, path.join(artifacts, 'contrast-step.png'));
  await page.emulateMedia({ forcedColors: 'none' });

  // 200 %: step names wrap, never cut off; 320 px: no sideways scroll.
  for (const size of [
    { width: 640, height: 400 },
    { width: 320, height: 640 },
  ]) {
    await page.setViewportSize(size);
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.uw-progress__item')]
        .filter((li) => getComputedStyle(li).fontSize !== '0px' && li.scrollWidth > li.clientWidth)
        .map((li) => li.textContent),
    );
    check(cut.length === 0, `${where}: step names cut off at ${size.width}px: ${cut.join(', ')}`);
    await noSidewaysScroll(page, `step at ${size.width}px`);
    await axeClean(page, `step at ${size.width}px`);
  }
  await page.setViewportSize(DESKTOP);

  // A reload mid-way: one sentence why the answers are gone, and a clean start.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#start');
  const after = await page.evaluate(() => ({
    notice: document.getElementById('herladen')?.textContent ?? '',
    checked: document.querySelectorAll('input:checked').length,
    heading: document.querySelector('h1').textContent,
  }));
  check(after.notice.includes('privacy') && after.notice.includes('opnieuw'), `reload: no notice that answers are not kept ("${after.notice}")`);
  check(after.checked === 0, 'reload: an answer survived the reload');
  await axeClean(page, 'reload notice');
  await screenshot(page, path.join(artifacts, 'herladen.png'));
  // A fresh visit shows no such notice.
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForSelector('#start');
  check((await page.locator('#herladen').count()) === 0, 'a first visit shows the reload notice');
  await context.close();
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const index = JSON.parse(fs.readFileSync(path.join(root, 'packages', 'index.json'), 'utf8'));
  const server = await serveSite(root);
  const browser = await launchChromium();
  const report = [];
  try {
    for (const h of HOUSEHOLDS) for (const viewport of [PHONE, DESKTOP]) await household(browser, server.url, index, h, viewport, report);
    await forcedColoursAndZoom(browser, server.url, index);
  } finally {
    await browser.close();
    server.close();
  }
  fs.writeFileSync(path.join(artifacts, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const r of report) console.log(`   ${r.household} ${r.width}px: ${r.total}; ${r.pages} page(s); not counted: ${r.notCounted.join(', ') || '-'}`);
  if (failures) {
    console.error(`\n${failures} problem(s)`);
    process.exit(1);
  }
  console.log('\nresident checks passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
