// What one request costs in a fresh headless Chromium context on this machine, apart from
// Urenwijzer: two fetches of a 404, the import of a one-line module, then of the resident
// module's urenwijzer.js (medians of 12 fresh contexts). Read with bench/first-eval-browser.mjs:
// its import, .wasm and .uwb steps are each one such request. Run after scripts/build-wasm.sh:
//   node bench/request-cost-browser.mjs
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/lib/browser.mjs';
const server = createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>p</title>');
  if (req.url === '/tiny.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end('export const x = 1;');
  if (req.url === '/w.js')
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL('../www/pkg/urenwijzer.js', import.meta.url)));
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const rows = [];
for (let i = 0; i < 12; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${origin}/`);
  rows.push(
    await page.evaluate(async () => {
      const a = performance.now();
      await (await fetch('/nothing')).text();
      const b = performance.now();
      await (await fetch('/nothing2')).text();
      const c = performance.now();
      await import('/tiny.js');
      const d = performance.now();
      await import('/w.js');
      const e = performance.now();
      return [b - a, c - b, d - c, e - d];
    }),
  );
  await ctx.close();
}
const med = (k) =>
  rows
    .map((r) => r[k])
    .sort((x, y) => x - y)[6]
    .toFixed(1);
console.log(`first fetch ${med(0)} ms, second fetch ${med(1)} ms, import tiny ${med(2)} ms, import urenwijzer.js ${med(3)} ms`);
await browser.close();
server.close();
