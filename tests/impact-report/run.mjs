// Browser check of the council report (report.html of `urenwijzer impact`) in headless Chromium.
//
//   node tests/impact-report/run.mjs
//
// Makes the Haarlem report from examples/haarlem-clienten.csv (with and without
// --reassess-all, extrapolated), opens it from disk (file://) and checks: axe-core
// (WCAG 2.1 A/AA and best practices) at phone and desktop width; no sideways
// scrolling on a phone nor at A4 print width; no request but the file itself, no
// script, no CSP violation or console error; every chart an <svg role="img"> named
// by its <title> and <desc>; "minder dan 5" for small groups. Writes phone and
// desktop screenshots and an A4 PDF (page.pdf) to tests/artifacts/impact-report/.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { axe, DESKTOP, launchChromium, PHONE } from '../lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const artifacts = path.resolve(process.env.IMPACT_ARTIFACTS ?? path.join(repo, 'tests', 'artifacts', 'impact-report'));
const cli = process.env.URENWIJZER_CLI ?? path.join(repo, 'target', 'release', 'urenwijzer');

// A4 at 96 dpi minus 2 × 15 mm margins.
const A4_CONTENT = { width: 680, height: 1010 };

let failures = 0;
function check(condition, message) {
  if (!condition) {
    failures += 1;
    console.error(`  FOUT: ${message}`);
  }
  return condition;
}

function makeReport(name, extra) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `impact-${name}-`));
  const r = spawnSync(cli, [
    'impact',
    path.join(repo, 'norms/haarlem-ciz'),
    path.join(repo, 'norms/haarlem-2021'),
    path.join(repo, 'examples/haarlem-clienten.csv'),
    '--out',
    out,
    '--date',
    '2025-01-01',
    '--scale-to',
    '3500',
    ...extra,
  ]);
  if (r.status !== 0) throw new Error(`urenwijzer impact: ${r.status} ${r.stderr}`);
  return path.join(out, 'report.html');
}

async function checkReport(browser, name, file) {
  console.log(`== ${name}`);
  const html = fs.readFileSync(file, 'utf8');
  check(!/<script/i.test(html), `${name}: no script`);
  check(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`), `${name}: meta CSP`);
  check(!/(src|href)=/i.test(html), `${name}: no external resource`);
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  check(requests.length === 1 && requests[0] === url, `${name}: only the file itself is loaded (${requests.join(', ')})`);
  check(problems.length === 0, `${name}: console clean (${problems.join(' | ')})`);

  const charts = await page.evaluate(() =>
    [...document.querySelectorAll('svg')].map((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
      return {
        role: svg.getAttribute('role'),
        named: ids.length === 2 && ids.every((id) => svg.querySelector(`#${CSS.escape(id)}`)?.textContent.trim()),
      };
    }),
  );
  check(charts.length >= 3, `${name}: at least three charts (${charts.length})`);
  charts.forEach((c, i) => {
    check(c.role === 'img' && c.named, `${name}: chart ${i + 1} is an image named by its title and description`);
  });
  check(html.includes('minder dan 5'), `${name}: small groups shown as "minder dan 5"`);
  check(html.includes('schatting'), `${name}: the extrapolation is called an estimate`);

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['telefoon', PHONE],
  ]) {
    await page.setViewportSize(viewport);
    const result = await axe(page);
    check(result.violations.length === 0, `${name} ${label}: axe ${result.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(sideways <= 0, `${name} ${label}: ${sideways}px sideways scrolling`);
    await page.screenshot({ path: path.join(artifacts, `${name}-${label}.png`), fullPage: true });
  }

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(A4_CONTENT);
  const printSideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(printSideways <= 0, `${name} print: ${printSideways}px wider than A4`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(artifacts, `${name}.pdf`), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  check(pages >= 1 && pages <= 12, `${name}: A4 PDF has ${pages} pages`);
  console.log(`  ${charts.length} grafieken, A4: ${pages} pagina's`);
  await context.close();
}

fs.mkdirSync(artifacts, { recursive: true });
const browser = await launchChromium();
try {
  await checkReport(browser, 'haarlem-overgangsrecht', makeReport('kept', []));
  await checkReport(browser, 'haarlem-iedereen-opnieuw', makeReport('all', ['--reassess-all']));
} finally {
  await browser.close();
}
if (failures > 0) {
  console.error(`${failures} problem(s)`);
  process.exit(1);
}
console.log('report.html: all checks passed');
