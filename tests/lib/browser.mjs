// What the browser tests share (site, checking page, widget): headless
// Chromium (Debian's, through playwright-core) with the proven flags, the
// site's static server (scripts/serve.mjs), axe-core with one set of rules,
// and the two screen sizes the screenshots use.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium at $CHROMIUM (or $CHROMIUM_PATH; default /usr/bin/chromium); `args` are added to the shared flags. */
export function launchChromium({ args = [] } = {}) {
  const executablePath = process.env.CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * scripts/serve.mjs on a free port for `root` (www/dist). Resolves to
 * {url (127.0.0.1), printed (what it told the user), child, close()}.
 */
export function serveSite(root) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'scripts', 'serve.mjs'), root], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Open (http:\/\/localhost:(\d+)\/)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[2]}/`, printed: m[1], close: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
}

/** The WCAG rules every page is checked against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe-core on the page (or only inside `include`, a CSS selector): the full result. */
export function axe(page, { include = null, tags = AXE_TAGS } = {}) {
  let builder = new AxeBuilder({ page });
  if (tags) builder = builder.withTags(tags);
  if (include) builder = builder.include(include);
  return builder.analyze();
}

/** "rule (impact): help – first targets" for each violation. */
export function describeViolations(result, limit = 3) {
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} – ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, limit)
        .join(', ')}`,
  );
}

/**
 * A full-page screenshot (an artifact, not an assertion). Headless Chromium
 * now and then never delivers the frame a screenshot waits for right after a
 * viewport change (seen once in 150 screenshots on a fresh clone, 2026-12-03):
 * so one try of 20 s, then, after two animation frames, one more.
 */
export async function screenshot(page, file, { fullPage = true } = {}) {
  try {
    return await page.screenshot({ path: file, fullPage, timeout: 20_000 });
  } catch (error) {
    if (error?.name !== 'TimeoutError') throw error;
    console.log(`   (screenshot ${path.basename(file)} timed out once; taken again)`);
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          requestAnimationFrame(() => requestAnimationFrame(resolve));
          setTimeout(resolve, 500);
        }),
    );
    return await page.screenshot({ path: file, fullPage, timeout: 30_000 });
  }
}

/** Presses Tab (or Shift+Tab) until the focused element matches the selector. */
export async function tabTo(page, selector, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  const at = await page.evaluate(() => document.activeElement?.outerHTML?.slice(0, 200));
  throw new Error(`Tab never reached ${selector} (focus on ${at})`);
}
