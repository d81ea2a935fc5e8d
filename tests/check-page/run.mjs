// Browser test of the checking page for policy staff (controle.html) in headless Chromium.
//
//   node tests/check-page/run.mjs [site root, default www/dist]
//
// Chooses files with the page's real file controls (setInputFiles) and by a
// drop on the page, and checks what it shows against the CLI
// (`urenwijzer check --format json`, `urenwijzer test`): every package in
// norms/ with its overlays, linked packages and cases passes with the CLI's
// fingerprint and lints; broken packages show the core's error with its
// path; a wrong expectation shows as a failed case with the problem; a file
// that is not JSON is named with line and column. At every state: axe-core
// (WCAG 2.1 A/AA and best practices), screenshots at desktop and phone width
// in tests/artifacts/check-page/, no sideways scrolling on a phone. Privacy:
// after the page has loaded it makes no request at all, no request carries
// anything of the files, nothing is stored, no CSP violation, no console
// error.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, DESKTOP, describeViolations, launchChromium, PHONE, serveSite, screenshot } from '../lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const root = path.resolve(process.argv[2] ?? path.join(repo, 'www', 'dist'));
const artifacts = path.resolve(process.env.CHECK_ARTIFACTS ?? path.join(repo, 'tests', 'artifacts', 'check-page'));
const cli = process.env.URENWIJZER_CLI ?? path.join(repo, 'target', 'release', 'urenwijzer');
const norms = path.join(repo, 'norms');

const EXPECTED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
// Distinctive text put into the files chosen: it must never be in a request.
const MARKER = 'Geheim-Controle-7f3a9c';

let failures = 0;
function check(condition, message) {
  if (!condition) {
    failures += 1;
    console.error(`  FOUT: ${message}`);
  }
  return condition;
}
const log = (m) => console.log(m);

// ------------------------------------------------------------ the CLI

function cliJson(args) {
  const r = spawnSync(cli, args, { encoding: 'utf8' });
  return { status: r.status, json: r.stdout.trim() ? JSON.parse(r.stdout) : null, stdout: r.stdout, stderr: r.stderr };
}

/** What the CLI says of a package folder: fingerprint, lints, cases (name → ok). */
function cliReport(dir) {
  const c = cliJson(['check', dir, '--format', 'json']);
  if (c.status !== 0) return { error: c.json };
  const t = spawnSync(cli, ['test', dir], { encoding: 'utf8' });
  const cases = t.stdout
    .split('\n')
    .map((l) => /^(ok|FOUT)\s+(\S+)$/.exec(l))
    .filter(Boolean)
    .map((m) => [m[2], m[1] === 'ok']);
  return { fingerprint: c.json.fingerprint, lints: c.json.lints, cases };
}

function jsonFiles(dir) {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}

/** A package folder written to a temporary place, so the CLI can check a changed copy. */
function tempPackage(files) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'check-page-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return tmp;
}

const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));

// ------------------------------------------------------------ the page

let shot = 0;
async function capture(page, name, report) {
  const result = await axe(page);
  report.axe.push({ state: name, violations: result.violations.length, passes: result.passes.length });
  for (const v of describeViolations(result)) check(false, `${name}: axe ${v}`);
  shot += 1;
  const base = `${String(shot).padStart(2, '0')}-${name}`;
  await screenshot(page, path.join(artifacts, `${base}-desktop.png`));
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `${name}: ${overflow}px sideways scrolling at phone width`);
  for (const v of describeViolations(await axe(page))) check(false, `${name} (phone): axe ${v}`);
  await screenshot(page, path.join(artifacts, `${base}-phone.png`));
  await page.setViewportSize(size);
}

async function openPage(browser, base) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL' });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), postData: r.postData(), headers: r.allHeaders(), at: Date.now() }));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${base}controle.html`, { waitUntil: 'load' });
  check((response.headers()['content-security-policy'] ?? '').startsWith(EXPECTED_CSP), 'controle.html is served without the CSP');
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 15000 });
  await page.waitForLoadState('networkidle');
  const loaded = requests.length;
  return { context, page, requests, problems, loaded };
}

/** Chooses files with the file control (#bestanden or #map) and waits for the page to finish. */
async function choose(page, selector, files) {
  const before = await page.evaluate(() => document.getElementById('status').textContent);
  await page.setInputFiles(selector, files);
  await page.waitForFunction(
    (prev) => {
      const t = document.getElementById('status').textContent;
      return t !== prev && !t.startsWith('Bezig');
    },
    before,
    { timeout: 20000 },
  );
  return page.evaluate(() => document.getElementById('status').textContent);
}

const buffer = (name, content) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content, null, 2)),
});

/** What a package's report on the page shows. */
async function shown(page, id) {
  return page.evaluate((pid) => {
    const s = document.querySelector(`.uw-report[data-package="${pid}"]`);
    if (!s) return null;
    const err = s.querySelector('.uw-load-error');
    return {
      state: s.dataset.state,
      heading: s.querySelector('h2')?.textContent ?? '',
      text: s.textContent,
      error: err
        ? { code: err.dataset.code, path: err.dataset.path, text: err.textContent, message: err.querySelector('.uw-load-error__message')?.textContent ?? '' }
        : null,
      fingerprint: s.querySelector('[data-fingerprint]')?.dataset.fingerprint ?? null,
      lints: [...s.querySelectorAll('.uw-lint')].map((li) => ({ code: li.dataset.lint, path: li.dataset.path, text: li.textContent })),
      noLints: Boolean(s.querySelector('.uw-lints-none')),
      cases: [...s.querySelectorAll('tr.uw-case')].map((tr) => ({ name: tr.dataset.case, ok: tr.dataset.ok === 'true', text: tr.textContent })),
      summary: [...s.querySelectorAll('.uw-case-summary')].map((p) => p.textContent),
      versions: [...s.querySelectorAll('tr[data-version]')].map((tr) => tr.dataset.version),
    };
  }, id);
}

/** The page's report of a package agrees with the CLI on the folder. */
function agrees(got, want, label) {
  if (!check(got, `${label}: no report on the page`)) return;
  check(got.state === 'ok', `${label}: state ${got.state}${got.error ? ` (${got.error.text})` : ''}`);
  check(got.fingerprint === want.fingerprint, `${label}: fingerprint ${got.fingerprint} ≠ CLI ${want.fingerprint}`);
  check(
    JSON.stringify(got.lints.map((l) => [l.code, l.path])) === JSON.stringify(want.lints.map((l) => [l.code, l.path])),
    `${label}: lints ${JSON.stringify(got.lints.map((l) => [l.code, l.path]))} ≠ CLI ${JSON.stringify(want.lints.map((l) => [l.code, l.path]))}`,
  );
  for (const [i, l] of want.lints.entries()) check(got.lints[i]?.text.includes(l.message), `${label}: lint ${l.code} without its message`);
  check(got.noLints === (want.lints.length === 0), `${label}: "Geen opmerkingen." ${got.noLints ? 'shown' : 'missing'}`);
  check(
    JSON.stringify(got.cases.map((c) => [c.name, c.ok])) === JSON.stringify(want.cases),
    `${label}: cases ${JSON.stringify(got.cases.map((c) => [c.name, c.ok]))} ≠ CLI ${JSON.stringify(want.cases)}`,
  );
  const n = want.cases.length;
  check(
    got.summary.includes(`${n} van ${n} ${n === 1 ? 'testgeval' : 'testgevallen'} geslaagd`),
    `${label}: summary ${JSON.stringify(got.summary)}, expected "${n} van ${n} testgevallen geslaagd"`,
  );
}

async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press('Tab');
  }
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

async function privacy(name, { context, page, requests, problems, loaded }, base, contents) {
  const origin = new URL(base).origin;
  const staticFiles = new Set(listFiles(root).map((f) => `/${path.relative(root, f).split(path.sep).join('/')}`));
  check(
    requests.length === loaded,
    `${name}: ${requests.length - loaded} request(s) after the page had loaded: ${requests
      .slice(loaded)
      .map((r) => r.url)
      .join(', ')}`,
  );
  const needles = [
    MARKER,
    ...contents.flatMap((c) => {
      // a few distinctive pieces of every file chosen
      const doc = (() => {
        try {
          return JSON.parse(c);
        } catch {
          return null;
        }
      })();
      return [doc?.description, doc?.title, doc?.id && doc.format ? `"id":"${doc.id}"` : null].filter((s) => typeof s === 'string' && s.length >= 8);
    }),
  ];
  for (const r of requests) {
    const u = new URL(r.url);
    const where = `${name}: request ${r.method} ${r.url}`;
    check(u.origin === origin, `${where} goes to another host`);
    check(r.method === 'GET' && !r.postData, `${where} is not a GET without body`);
    check(u.search === '' && u.hash === '', `${where} has a query`);
    check(staticFiles.has(u.pathname), `${where} is not one of the site's files`);
    const headers = await r.headers;
    const text = [r.url, r.postData ?? '', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\n');
    for (const n of needles) check(!text.includes(n), `${where} carries file contents ("${n.slice(0, 40)}")`);
  }
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: (await caches.keys()).length,
    cookie: document.cookie,
    csp: window.__csp,
  }));
  check(stored.local === 0 && stored.session === 0 && stored.idb === 0 && stored.caches === 0 && stored.cookie === '', `${name}: something was stored`);
  check((await context.cookies()).length === 0, `${name}: cookies were set`);
  check(stored.csp.length === 0, `${name}: CSP violations: ${stored.csp.join('; ')}`);
  for (const p of problems) check(false, `${name}: ${p}`);
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// ------------------------------------------------------------ reports (pilot, impact)

/** The file behind a download link on the page, as bytes. */
async function downloaded(page, name, scope) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} a[data-download="${name}"]`)]);
  check(dl.suggestedFilename() === name, `download named ${dl.suggestedFilename()}, want ${name}`);
  return fs.readFileSync(await dl.path());
}

/**
 * Waits until the page shows each package folder as chosen (`Gekozen: …`): it
 * reads a folder's files asynchronously, and "Rapport maken" before that says
 * "Kies eerst de oude norm".
 */
async function normsChosen(page, ids) {
  await page.waitForFunction((list) => list.every((id) => document.getElementById(id).textContent.startsWith('Gekozen')), ids);
}

/** Waits until a report's status says it is done (or failed), and returns it. */
async function reportDone(page, statusId) {
  await page.waitForFunction(
    (id) => {
      const t = document.getElementById(id).textContent;
      return t !== '' && !t.startsWith('Bezig');
    },
    statusId,
    { timeout: 60000 },
  );
  return page.evaluate((id) => document.getElementById(id).textContent, statusId);
}

/** A small pilot: records in format 2 and 1, one that does not parse, one with a BSN as reference. */
function pilotRecords(dir) {
  const files = [];
  const districts = ['Noord', 'Noord', 'Zuid'];
  for (let i = 0; i < 14; i++) {
    const day = String(5 + (i % 20)).padStart(2, '0');
    const record = {
      format: i % 7 === 3 ? 'urenwijzer-omgekeerd-toewijzen/1' : 'urenwijzer-omgekeerd-toewijzen/2',
      package: { id: 'kpmg-2019', title: 'KPMG normenkader', fingerprint: 'sha256:abc', municipality: null },
      start: `2026-03-${day}`,
      evaluation: i === 5 ? null : `2026-04-${day}`,
      initial: { date: `2026-03-${day}`, answers: { a: 1 }, indication: { total: { minutes_per_week: 100 + 15 * (i % 4) } } },
      changes: i % 3 === 0 ? [{ question: 'a', before: 1, after: 2, reason: `${MARKER} reden` }] : [],
      final: i === 5 ? null : { date: `2026-04-${day}`, answers: { a: 2 }, indication: { total: { minutes_per_week: 110 + 15 * (i % 3) } } },
      complete: i !== 5,
    };
    if (record.format.endsWith('/1')) record.intake = record.start;
    else
      Object.assign(record, {
        provider: { name: i % 2 ? 'Thuiszorg A' : 'Zorg B', agb: null },
        district: districts[i % 3],
        decision: `2026-03-0${1 + (i % 3)}`,
        conversation: record.start,
      });
    files.push([`dossier-${String(i).padStart(2, '0')}.json`, JSON.stringify(record)]);
  }
  files.push(['kapot.json', '{"format": "urenwijzer-omgekeerd-toewijzen/2",']);
  files.push(['bsn.json', JSON.stringify({ format: 'urenwijzer-omgekeerd-toewijzen/2', dossier: '111222333', package: { id: 'kpmg-2019' } })]);
  return files.map(([name, text]) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  });
}

/** Runs the CLI and returns the files it wrote in `--out`. */
function cliFiles(args, names) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'check-page-cli-'));
  const r = spawnSync(cli, [...args, '--out', out], { encoding: 'utf8' });
  const files = Object.fromEntries(names.map((n) => [n, fs.existsSync(path.join(out, n)) ? fs.readFileSync(path.join(out, n)) : null]));
  fs.rmSync(out, { recursive: true, force: true });
  return { status: r.status, stderr: r.stderr, files };
}

// ------------------------------------------------------------ scenarios

async function main() {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const report = { root, started: new Date().toISOString(), scenarios: [], axe: [] };
  const server = await serveSite(root);
  const browser = await launchChromium();
  const base = server.url;
  const contents = []; // every file content chosen, for the privacy check
  const fileContents = (list) => list.map((f) => (typeof f === 'string' ? fs.readFileSync(f, 'utf8') : f.buffer.toString('utf8')));
  const scenario = async (name, fn) => {
    log(`\n== ${name}`);
    const before = failures;
    try {
      await fn();
    } catch (e) {
      check(false, `${name}: ${e.stack ?? e}`);
    }
    report.scenarios.push({ name, ok: failures === before });
  };

  try {
    // The residents' page links here from its footer.
    await scenario('link in the footer of the self-check', async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await page.goto(base);
      const link = await page.evaluate(() => [...document.querySelectorAll('footer a')].map((a) => [a.textContent, a.getAttribute('href')]));
      check(
        link.some(([t, href]) => t === 'Normpakket controleren (voor beleidsmedewerkers)' && href === 'controle.html'),
        `footer links: ${JSON.stringify(link)}`,
      );
      await context.close();
    });

    const kpmg = path.join(norms, 'kpmg-2019');
    await scenario('kpmg-2019: package.json and its cases, keyboard, replacing and removing files', async () => {
      const s = await openPage(browser, base);
      const { page } = s;
      await capture(page, 'leeg', report);
      // The file control is a real, labelled control that Tab reaches.
      check(await tabTo(page, '#bestanden'), 'Tab does not reach the file control');
      const label = await page.evaluate(() => [...document.getElementById('bestanden').labels].map((l) => l.textContent));
      check(label.includes('Kies bestanden'), `file control label: ${JSON.stringify(label)}`);
      check(
        await page.evaluate(
          () => document.getElementById('map').labels[0]?.textContent === 'Kies een map' && document.getElementById('map').hasAttribute('webkitdirectory'),
        ),
        'the folder control is missing or unlabelled',
      );
      const files = [path.join(kpmg, 'package.json'), ...jsonFiles(path.join(kpmg, 'cases'))];
      contents.push(...fileContents(files));
      const said = await choose(page, '#bestanden', files);
      const want = cliReport(kpmg);
      check(
        said.includes(`${files.length} bestanden gelezen`) && said.includes(`${want.cases.length} van ${want.cases.length} testgevallen geslaagd`),
        `status: ${said}`,
      );
      const got = await shown(page, 'kpmg-2019');
      agrees(got, want, 'kpmg-2019');
      // Almere has no public contact details in the package, so the one remark is that (the CLI says the same).
      check(
        JSON.stringify(want.lints.map((l) => [l.code, l.path])) === '[["no_contact","municipalities[almere].contact"]]',
        `kpmg-2019 lints ${JSON.stringify(want.lints.map((l) => l.code))}`,
      );
      check(got.versions.join() === '2019.1', `versions ${got.versions}`);
      await capture(page, 'kpmg-goed', report);

      // A wrong expectation: shown as failed, with the problem.
      const first = jsonFiles(path.join(kpmg, 'cases'))[0];
      const wrong = readJson(first);
      wrong.description = `Verkeerde verwachting ${MARKER}`;
      wrong.expect.total.minutes_per_week += 1;
      const tmp = tempPackage({ 'package.json': readJson(path.join(kpmg, 'package.json')), 'cases/99-verkeerd.json': wrong });
      const wantWrong = cliReport(tmp);
      fs.rmSync(tmp, { recursive: true, force: true });
      const wrongFile = buffer('99-verkeerd.json', wrong);
      contents.push(...fileContents([wrongFile]));
      await choose(page, '#bestanden', [wrongFile]);
      const after = await shown(page, 'kpmg-2019');
      const failed = after.cases.find((c) => c.name === '99-verkeerd.json');
      check(failed && !failed.ok && failed.text.includes('Mislukt'), `the wrong case is not shown as failed: ${JSON.stringify(failed)}`);
      check(wantWrong.cases.find(([n]) => n === '99-verkeerd.json')?.[1] === false, 'the CLI passes the wrong case?');
      check(
        failed?.text.includes(`totaal: verwacht ${wrong.expect.total.minutes_per_week} minuten per week, berekend ${wrong.expect.total.minutes_per_week - 1}`),
        `problem not shown: ${failed?.text}`,
      );
      const n = want.cases.length + 1;
      check(
        after.state === 'failed' && after.summary.includes(`${n - 1} van ${n} testgevallen geslaagd`),
        `summary after a wrong case: ${after.state} ${JSON.stringify(after.summary)}`,
      );
      check(after.text.includes('1 testgeval is mislukt'), 'no "1 testgeval is mislukt"');
      const link = await page.evaluate(() => {
        const a = document.querySelector('.uw-verdict a[href^="#"]');
        return a ? [a.textContent, document.querySelector(a.getAttribute('href'))?.dataset.case] : null;
      });
      check(link?.[0] === '99-verkeerd.json' && link[1] === '99-verkeerd.json', `the verdict does not link to the failed case: ${JSON.stringify(link)}`);
      await capture(page, 'kpmg-testgeval-mislukt', report);

      // A broken package (a value without source) replaces the good one; then the good one comes back.
      const broken = readJson(path.join(kpmg, 'package.json'));
      const v = broken.versions[0];
      const name = Object.keys(v.values)[0];
      delete v.values[name].source;
      broken.description = `${broken.description} ${MARKER}`;
      const brokenTmp = tempPackage({ 'package.json': broken });
      const wantErr = cliJson(['check', brokenTmp, '--format', 'json']).json;
      fs.rmSync(brokenTmp, { recursive: true, force: true });
      const brokenFile = buffer('package.json', broken);
      contents.push(...fileContents([brokenFile]));
      const saidBroken = await choose(page, '#bestanden', [brokenFile]);
      check(saidBroken.includes('1 vervangt een eerder bestand') && saidBroken.includes('het pakket laadt niet'), `status: ${saidBroken}`);
      const e = (await shown(page, 'kpmg-2019'))?.error;
      check(e && e.code === wantErr.code && e.path === wantErr.path, `error ${JSON.stringify(e)} ≠ CLI ${JSON.stringify(wantErr)}`);
      check(e?.message.startsWith(`Fout in ${wantErr.path}: dit getal heeft geen herkomst`), `error message: ${e?.message}`);
      check(e?.text.includes('invalid_package'), 'no error code');
      await capture(page, 'kpmg-fout-herkomst', report);
      await choose(page, '#bestanden', [path.join(kpmg, 'package.json')]);
      check((await shown(page, 'kpmg-2019'))?.state === 'failed', 'after choosing the good package again the report is not back');

      // Remove the wrong case with the keyboard: all pass again.
      check(await tabTo(page, '.uw-details__summary', 400), 'Tab does not reach "Toon alle … bestanden"');
      await page.keyboard.press('Enter');
      check(await page.evaluate(() => document.querySelector('.uw-details').open), 'Enter does not open the list of files');
      check(await tabTo(page, 'button[aria-label="Weghalen: 99-verkeerd.json"]', 400), 'Tab does not reach the remove button');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('status').textContent.includes('99-verkeerd.json is weggehaald'));
      agrees(await shown(page, 'kpmg-2019'), want, 'kpmg-2019 after removing the wrong case');
      check(
        await page.evaluate(() => document.activeElement?.classList.contains('uw-remove') && document.querySelector('.uw-details').open),
        'focus is not on the next remove button after removing',
      );
      await privacy('kpmg-2019', s, base, contents);
      await s.context.close();
    });

    const h4 = path.join(norms, 'h4');
    await scenario('h4: package.json, its overlays and its cases', async () => {
      const s = await openPage(browser, base);
      const files = [path.join(h4, 'package.json'), ...jsonFiles(path.join(h4, 'overlays')), ...jsonFiles(path.join(h4, 'cases'))];
      contents.push(...fileContents(files));
      await choose(s.page, '#bestanden', files);
      const got = await shown(s.page, 'h4');
      agrees(got, cliReport(h4), 'h4');
      const overlays = jsonFiles(path.join(h4, 'overlays')).map((f) => readJson(f).municipality);
      for (const m of overlays) check(got.text.includes(`(${m}) – met aanvulling`), `h4: ${m} not shown with its overlay`);
      await capture(s.page, 'h4-goed', report);

      // Without the overlays: a note that says to choose them.
      const s2 = await openPage(browser, base);
      await choose(s2.page, '#bestanden', [path.join(h4, 'package.json')]);
      check(
        await s2.page.evaluate(() => document.querySelector('.uw-notes')?.textContent.includes('overlays')),
        'h4 without overlays: no note about the overlays',
      );
      // A broken overlay: the error names the overlay's element and file.
      const delft = readJson(path.join(h4, 'overlays', 'delft.json'));
      // A dated tariff without a source or provisional reason.
      delft.tariffs = [{ valid_from: '2024-01-01', kind: 'per_period', cents: 34200, label: 'Periodetarief Delft' }];
      const tmp = tempPackage({ 'package.json': readJson(path.join(h4, 'package.json')), 'overlays/delft.json': delft });
      const wantErr = cliJson(['check', tmp, '--format', 'json']).json;
      fs.rmSync(tmp, { recursive: true, force: true });
      await choose(s2.page, '#bestanden', [buffer('delft.json', delft)]);
      const e = (await shown(s2.page, 'h4'))?.error;
      check(e && e.path === wantErr?.path && e.code === wantErr.code, `h4 broken overlay: ${JSON.stringify(e)} ≠ CLI ${JSON.stringify(wantErr)}`);
      check(e?.text.includes('delft.json'), 'h4 broken overlay: the file is not named');
      await capture(s2.page, 'h4-fout-aanvulling', report);
      await privacy('h4', s, base, contents);
      await privacy('h4 overlay', s2, base, contents);
      await s.context.close();
      await s2.context.close();
    });

    const h2021 = path.join(norms, 'haarlem-2021');
    const ciz = path.join(norms, 'haarlem-ciz');
    await scenario('haarlem-2021: with the haarlem-ciz package and its cases; without it first', async () => {
      const s = await openPage(browser, base);
      const files = [path.join(h2021, 'package.json'), ...jsonFiles(path.join(h2021, 'cases'))];
      contents.push(...fileContents(files));
      await choose(s.page, '#bestanden', files);
      const missing = await shown(s.page, 'haarlem-2021');
      check(missing?.error?.path === 'versions[2021.1].transition.package', `without haarlem-ciz: ${JSON.stringify(missing?.error)}`);
      check(missing?.error?.text.includes('norms/haarlem-ciz/package.json'), 'without haarlem-ciz: no tip to choose it');
      await capture(s.page, 'haarlem-zonder-ciz', report);
      // A separate pick of the other package.json (same file name, other id): both stay.
      await choose(s.page, '#bestanden', [path.join(ciz, 'package.json')]);
      agrees(await shown(s.page, 'haarlem-2021'), cliReport(h2021), 'haarlem-2021');
      check((await s.page.evaluate(() => document.querySelectorAll('.uw-report').length)) === 1, 'haarlem-ciz (linked, no cases) got a report of its own');
      await capture(s.page, 'haarlem-goed', report);
      await privacy('haarlem-2021', s, base, contents);
      await s.context.close();
    });

    await scenario('the whole norms/ folder with the folder control', async () => {
      const s = await openPage(browser, base);
      const said = await choose(s.page, '#map', norms);
      const dirs = fs
        .readdirSync(norms)
        .filter((d) => fs.existsSync(path.join(norms, d, 'package.json')))
        .sort();
      check(
        (await s.page.evaluate(() => [...document.querySelectorAll('.uw-report')].map((r) => r.dataset.package).join())) === dirs.join(),
        `reports for ${dirs}`,
      );
      for (const d of dirs) agrees(await shown(s.page, d), cliReport(path.join(norms, d)), `norms/${d}`);
      check(await s.page.evaluate(() => document.getElementById('overgeslagen')?.textContent.includes('README.md')), 'README.md is not listed as skipped');
      check(!(await s.page.$('#bestandsfouten')), 'file problems shown for norms/');
      check(said.includes(`${dirs.length}`) || said.length > 0, `status: ${said}`);
      await capture(s.page, 'norms-map', report);
      await privacy('norms/', s, base, contents);
      await s.context.close();
    });

    await scenario('broken: an expression with a typo, a file that is not JSON, a drop on the page', async () => {
      const s = await openPage(browser, base);
      const pkg = readJson(path.join(kpmg, 'package.json'));
      const rule = pkg.versions[0].areas[0].rules[0];
      rule.amount = `${rule.amount}x`;
      pkg.title = `${pkg.title} ${MARKER}`;
      const tmp = tempPackage({ 'package.json': pkg });
      const wantErr = cliJson(['check', tmp, '--format', 'json']).json;
      fs.rmSync(tmp, { recursive: true, force: true });
      const notJson = `{\n  "description": "${MARKER}",\n  "answers": {},\n}\n`;
      const files = [buffer('package.json', pkg), { name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from(notJson) }];
      contents.push(...fileContents(files));
      // Dropped on the page, as a file manager would (the drop handler, not the control).
      const said = await (async () => {
        const before = await s.page.evaluate(() => document.getElementById('status').textContent);
        await s.page.evaluate(
          (list) => {
            const dt = new DataTransfer();
            for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
            const zone = document.getElementById('sleepvak');
            zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
            zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
            zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
          },
          files.map((f) => ({ name: f.name, text: f.buffer.toString('utf8') })),
        );
        await s.page.waitForFunction((prev) => {
          const t = document.getElementById('status').textContent;
          return t !== prev && !t.startsWith('Bezig');
        }, before);
        return s.page.evaluate(() => document.getElementById('status').textContent);
      })();
      check(said.includes('2 bestanden gelezen') && said.includes('1 bestand is geen geldige JSON'), `status after the drop: ${said}`);
      const e = (await shown(s.page, 'kpmg-2019'))?.error;
      check(
        e && e.code === 'invalid_expression' && e.code === wantErr.code && e.path === wantErr.path,
        `typo: ${JSON.stringify(e)} ≠ CLI ${JSON.stringify(wantErr)}`,
      );
      check(e?.message.startsWith(`Fout in ${wantErr.path}, kolom `) && e.message.includes(`'${rule.amount}'`), `typo message: ${e?.message}`);
      const bad = await s.page.evaluate(() => document.querySelector('#bestandsfouten li[data-file="kapot.json"]')?.textContent ?? '');
      check(bad.includes('kapot.json') && bad.includes('Geen geldige JSON (regel 4, kolom 1)') && bad.includes('komma'), `JSON error of kapot.json: ${bad}`);
      check(
        !(await s.page.evaluate(() => document.getElementById('sleepvak').classList.contains('uw-dropzone--active'))),
        'drop zone still highlighted after the drop',
      );
      await capture(s.page, 'fout-expressie-en-json', report);
      // Remove all: back to the start.
      check(await tabTo(s.page, '#alles-weghalen', 400), 'Tab does not reach "Alle bestanden weghalen"');
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction(() => document.getElementById('status').textContent === 'Alle bestanden zijn weggehaald.');
      check(
        await s.page.evaluate(() => document.getElementById('uitkomst').children.length === 0 && document.activeElement?.id === 'bestanden'),
        'after removing all: results left or focus not on the file control',
      );
      await privacy('broken', s, base, contents);
      await s.context.close();
    });

    await scenario('hostile files: the verdict of tests/fixtures/hostile/expect.json, as the CLI and the core', async () => {
      const dir = path.join(repo, 'tests', 'fixtures', 'hostile');
      const manifest = readJson(path.join(dir, 'expect.json'));
      const s = await openPage(browser, base);
      const alone = manifest.cases.filter((c) => c.as === 'package' || c.as === 'case');
      const said = await choose(
        s.page,
        '#bestanden',
        alone.map((c) => ({ name: c.file, mimeType: 'application/json', buffer: fs.readFileSync(path.join(dir, c.file)) })),
      );
      check(said.includes(`${alone.length} bestanden gelezen`), `status: ${said}`);
      for (const c of alone) {
        const got = await s.page.evaluate((f) => {
          const li = document.querySelector(`#bestandsfouten li[data-file="${f}"]`);
          return li ? { code: li.dataset.code, text: li.textContent } : null;
        }, c.file);
        const cliRun = spawnSync(cli, ['check', path.join(dir, c.file), '--format', 'json'], { encoding: 'utf8' });
        const cliCode = c.as === 'package' ? JSON.parse(cliRun.stdout).code : c.code;
        check(got?.code === c.code && cliCode === c.code, `${c.file}: page ${JSON.stringify(got)}, CLI ${cliCode}, want ${c.code}`);
        if (c.line) check(got?.text.includes(`regel ${c.line}, kolom ${c.column}`), `${c.file}: no line and column in ${got?.text}`);
      }
      await capture(s.page, 'vijandige-bestanden', report);
      await s.context.close();
      // An overlay with a duplicate key, in the overlays folder of h4: the package's error, as the CLI says.
      const o = manifest.cases.find((c) => c.as === 'overlay');
      const tmp = tempPackage({
        'package.json': fs.readFileSync(path.join(h4, 'package.json'), 'utf8'),
        'overlays/delft.json': fs.readFileSync(path.join(dir, o.file), 'utf8'),
      });
      const h4dir = path.join(tmp, 'h4');
      fs.mkdirSync(h4dir);
      for (const f of ['package.json', 'overlays']) fs.renameSync(path.join(tmp, f), path.join(h4dir, f));
      const wantErr = cliJson(['check', h4dir, '--format', 'json']).json;
      const s2 = await openPage(browser, base);
      await choose(s2.page, '#map', h4dir);
      const e = (await shown(s2.page, 'h4'))?.error;
      check(e?.code === o.code && wantErr?.code === o.code, `overlay with a duplicate key: page ${JSON.stringify(e)}, CLI ${JSON.stringify(wantErr)}`);
      check(e?.text.includes('delft.json'), 'overlay with a duplicate key: the file is not named');
      fs.rmSync(tmp, { recursive: true, force: true });
      await s2.context.close();
    });

    await scenario('pilot report: records chosen and dropped, the same summary.json and report.html as urenwijzer pilot', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-page-pilot-'));
      const records = pilotRecords(dir).sort();
      const want = cliFiles(['pilot', ...records], ['summary.json', 'report.html']);
      check(want.files['summary.json'] !== null, `urenwijzer pilot wrote nothing: ${want.stderr}`);
      const s = await openPage(browser, base);
      contents.push(...records.map((f) => fs.readFileSync(f, 'utf8')));
      // Keyboard: the records control is a labelled control Tab reaches.
      check(await tabTo(s.page, '#dossiers', 200), 'Tab does not reach the records control');
      await s.page.setInputFiles('#dossiers', records);
      const said = await reportDone(s.page, 'proef-status');
      check(said.startsWith('Verslag gemaakt') && said.includes('2 niet'), `pilot status: ${said}`);
      const listed = await s.page.evaluate(() =>
        [...document.querySelectorAll('#proef-niet-gelezen li')].map((li) => [li.dataset.file, li.dataset.code, li.textContent]),
      );
      check(
        listed.some(([f]) => f === 'kapot.json') && listed.some(([f, c]) => f === 'bsn.json' && c === 'bsn_in_reference'),
        `unreadable records: ${JSON.stringify(listed)}`,
      );
      await capture(s.page, 'proef-verslag', report);
      await privacy('pilot', s, base, contents);
      for (const name of ['summary.json', 'report.html']) {
        const got = await downloaded(s.page, name, '#proef-uitkomst');
        check(Buffer.compare(got, want.files[name]) === 0, `pilot ${name}: the page's bytes differ from urenwijzer pilot's`);
      }
      // Dropped on the pilot's own zone: the pilot takes them, the package check does not.
      await s.page.evaluate(
        (list) => {
          const dt = new DataTransfer();
          for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
          const zone = document.getElementById('proef');
          document.getElementById('proef-status').textContent = '';
          for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        records
          .filter((f) => path.basename(f).startsWith('dossier-'))
          .slice(0, 3)
          .map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') })),
      );
      const dropped = await reportDone(s.page, 'proef-status');
      check(dropped.startsWith('Verslag gemaakt: 3 van de 3'), `pilot status after a drop: ${dropped}`);
      check((await s.page.evaluate(() => document.getElementById('uitkomst').children.length)) === 0, 'the dropped records went to the package check');
      await s.context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    await scenario('impact report: two packages and a caseload, the same three files as urenwijzer impact', async () => {
      const csv = path.join(repo, 'examples', 'haarlem-clienten.csv');
      const names = ['summary.json', 'report.html', 'households.csv'];
      for (const reassess of [false, true]) {
        const extra = reassess ? ['--reassess-all'] : [];
        const want = cliFiles(
          ['impact', path.join(norms, 'haarlem-ciz'), path.join(norms, 'haarlem-2021'), csv, '--date', '2025-01-01', '--scale-to', '3500', ...extra],
          names,
        );
        check(want.files['summary.json'] !== null, `urenwijzer impact wrote nothing: ${want.stderr}`);
        const s = await openPage(browser, base);
        await s.page.setInputFiles('#oude-norm-map', path.join(norms, 'haarlem-ciz'));
        await s.page.setInputFiles('#nieuwe-norm-map', path.join(norms, 'haarlem-2021'));
        await s.page.setInputFiles('#huishoudens', csv);
        await s.page.waitForFunction(() => document.getElementById('huishoudens-gekozen').textContent.includes('haarlem-clienten.csv'));
        // The folders are read asynchronously too: wait until both are shown as chosen.
        await normsChosen(s.page, ['oude-norm-gekozen', 'nieuwe-norm-gekozen']);
        await s.page.fill('#peildatum', '2025-01-01');
        await s.page.fill('#doorrekenen', '3500');
        if (reassess) await s.page.check('#iedereen-opnieuw');
        // Keyboard only: Tab to the button, Enter.
        check(await tabTo(s.page, '#gevolgen-maken', 60), 'Tab does not reach "Rapport maken"');
        await s.page.keyboard.press('Enter');
        const said = await reportDone(s.page, 'gevolgen-status');
        check(said.startsWith('Rapport gemaakt'), `impact status: ${said}`);
        check(await s.page.evaluate(() => document.getElementById('gevolgen-voortgang').hidden), 'the progress bar is still shown');
        if (!reassess) {
          await capture(s.page, 'gevolgen-rapport', report);
          await privacy('impact', s, base, contents);
        }
        for (const name of names) {
          const got = await downloaded(s.page, name, '#gevolgen-uitkomst');
          check(
            Buffer.compare(got, want.files[name]) === 0,
            `impact${reassess ? ' --reassess-all' : ''} ${name}: the page's bytes differ from urenwijzer impact's`,
          );
        }
        await s.context.close();
      }
      // A caseload with an unknown column: the core's coded error, as the CLI says.
      const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-page-csv-')), 'fout.csv');
      fs.writeFileSync(bad, 'id,onbekende_kolom\n1,ja\n');
      const cliBad = cliFiles(['impact', path.join(norms, 'kpmg-2019'), path.join(norms, 'kpmg-2019'), bad, '--date', '2025-01-01'], names);
      const s = await openPage(browser, base);
      await s.page.setInputFiles('#oude-norm-map', path.join(norms, 'kpmg-2019'));
      await s.page.setInputFiles('#huishoudens', bad);
      await s.page.waitForFunction(() => document.getElementById('huishoudens-gekozen').textContent.includes('fout.csv'));
      await normsChosen(s.page, ['oude-norm-gekozen']);
      await s.page.fill('#oude-datum', '2024-01-01');
      await s.page.fill('#nieuwe-datum', '2025-01-01');
      await s.page.click('#gevolgen-maken');
      const said = await reportDone(s.page, 'gevolgen-status');
      check(
        said.includes('(invalid_caseload)') && said.includes('onbekende_kolom') && cliBad.stderr.includes('invalid_caseload'),
        `bad caseload: ${said} / CLI ${cliBad.stderr}`,
      );
      await capture(s.page, 'gevolgen-fout', report);
      await s.context.close();
    });
  } finally {
    await browser.close();
    server.close();
  }

  report.failures = failures;
  fs.writeFileSync(path.join(artifacts, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const shots = fs.readdirSync(artifacts).filter((f) => f.endsWith('.png')).length;
  log(`\n${report.scenarios.length} scenarios, ${report.axe.length} axe runs (desktop; phone too), ${shots} screenshots in ${path.relative(repo, artifacts)}/`);
  if (failures > 0) {
    console.error(`check page tests: ${failures} failure(s)`);
    process.exit(1);
  }
  log('check page tests passed');
}

await main();
