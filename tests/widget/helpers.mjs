// Shared setup of the widget tests: the static server with the CSP, headless
// Chromium (tests/lib/browser.mjs), the CLI for comparisons.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/browser.mjs';
import { startServer } from './server.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const PACKAGES = path.resolve(process.env.WIDGET_PACKAGES ?? path.join(repo, 'tests/artifacts/widget/packages'));
export const CLI = process.env.URENWIJZER_BIN ?? path.join(repo, 'target/release/urenwijzer');
export const VERSION = fs.readFileSync(path.join(repo, 'www/widget/VERSION'), 'utf8').trim();
export const ARTIFACTS = path.join(repo, 'tests/artifacts/widget');

// Dutch browser UI: date fields are dd-mm-jjjj, as for a Dutch provider.
const ARGS = ['--lang=nl-NL'];

/** Server + browser for one test file; `close()` at the end. */
/** A KPMG intake (Almere): the conversation's answers in the provider tests. */
export const INTAKE = {
  eigen_mogelijkheden: false,
  beperkingen: 'enig',
  samenstelling_huishouden: false,
  extra_kamers_in_gebruik: 1,
  extra_kamers_niet_in_gebruik: 0,
};

export async function setup() {
  for (const f of [path.join(repo, `www/dist/widget/${VERSION}/hbh-indicatie.js`), path.join(PACKAGES, 'index.json'), CLI]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/test-widget.sh (it builds the widget, the CLI and the packages)`);
  }
  const server = await startServer({ packages: PACKAGES });
  const browser = await launchChromium({ args: ARGS });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A new page on `url` that fails the test on page errors, console errors
 * and CSP violations (checked by `expectClean`). Waits until the widget is ready.
 */
export async function open(env, pathAndQuery, { locale = 'nl-NL', viewport = { width: 1100, height: 900 }, acceptDownloads = true } = {}) {
  const context = await env.browser.newContext({ locale, viewport, acceptDownloads });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(env.url + pathAndQuery);
  await page.waitForFunction(() => customElements.get('hbh-indicatie') !== undefined);
  await page.evaluate(() => document.getElementById('w').ready);
  return page;
}

/** No page errors, console errors or CSP violations so far. */
export async function problems(page) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []);
  return [...page.problems, ...csp.map((v) => `CSP violation: ${JSON.stringify(v)}`)];
}

/** The widget's current indication as the JSON text JSON.stringify gives. */
export function indicationText(page) {
  return page.evaluate(() => JSON.stringify(document.getElementById('w').getIndication()));
}

/** `urenwijzer eval PACKAGE answers --date D [--municipality M] --format json` (stdout without the newline). */
export function cliEval(pkg, answers, options = {}) {
  return cli('eval', pkg, answers, options);
}

/** `urenwijzer state PACKAGE answers --date D [--municipality M]`: the core's form state (stdout without the newline). */
export function cliState(pkg, answers, options = {}) {
  return cli('state', pkg, answers, options);
}

function cli(command, pkg, answers, { date, municipality } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'widget-cli-'));
  const file = path.join(dir, 'answers.json');
  fs.writeFileSync(file, JSON.stringify(answers));
  const args = [command, path.join(repo, 'norms', pkg), file, ...(command === 'eval' ? ['--format', 'json'] : [])];
  if (date) args.push('--date', date);
  if (municipality) args.push('--municipality', municipality);
  try {
    return execFileSync(CLI, args, { encoding: 'utf8' }).replace(/\n$/, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `urenwijzer plan [norms/PKG] --decision D [--conversation C] [--start S]
 * [--evaluation E] [--municipality M] --format json` (stdout without the newline).
 */
export function cliPlan({ decision, conversation, start, evaluation }, { pkg, municipality } = {}) {
  const args = ['plan'];
  if (pkg) args.push(path.join(repo, 'norms', pkg));
  for (const [k, v] of Object.entries({ decision, conversation, start, evaluation })) if (v) args.push(`--${k}`, v);
  if (municipality) args.push('--municipality', municipality);
  args.push('--format', 'json');
  return execFileSync(CLI, args, { encoding: 'utf8' }).replace(/\n$/, '');
}

/** The widget's shadow-root locator for a CSS selector. */
export function w(page, selector) {
  return page.locator(`#w ${selector}`);
}

/** Answers a question in the visible form of `scope` ('' or a step section) by id, through the UI. */
export async function answer(page, scope, id, value) {
  const q = page.locator(`#w ${scope} [data-question="${id}"]`).first();
  const radios = q.locator('input[type=radio]');
  if ((await radios.count()) > 0) {
    await q.locator(`input[type=radio][value="${String(value)}"]`).check();
  } else {
    await q.locator('input').first().fill(String(value));
  }
}

export async function answerAll(page, scope, answers) {
  for (const [id, value] of Object.entries(answers)) await answer(page, scope, id, value);
}

/** The deep active element (through shadow roots) as a short description. */
export function activeElement(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      name: el.getAttribute('name'),
      value: el.value ?? null,
      action: el.getAttribute('data-action'),
      text: (el.textContent ?? '').trim().slice(0, 60),
      question: el.closest('[data-question]')?.getAttribute('data-question') ?? null,
      step: el.closest('[data-step]')?.getAttribute('data-step') ?? null,
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
      inWidget: el.getRootNode() !== document,
    };
  });
}

/** Presses Tab until `match(active)` holds; fails after `max` presses. */
export async function tabTo(page, match, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const a = await activeElement(page);
    if (a && match(a)) return a;
  }
  throw new Error('tabTo: target not reached with the keyboard');
}
