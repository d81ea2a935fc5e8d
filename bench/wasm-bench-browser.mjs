// engine.evaluate timed inside headless Chromium (the browsers residents
// use), next to the Node figures of bench/wasm-bench.mjs. Serves www/pkg on
// 127.0.0.1 and drives Chromium through tests/lib/browser.mjs (the shared launch).
// Run after scripts/build-wasm.sh: `npm run bench:browser`.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { launchChromium } from '../tests/lib/browser.mjs';
import { cli, pkgDir, root } from '../tests/conformance/collect.mjs';

const bundle = existsSync(cli())
  ? execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' })
  : readFileSync(join(root, 'norms', 'kpmg-2019', 'package.json'), 'utf8');
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const name = new URL(req.url, 'http://127.0.0.1').pathname.slice(1);
  if (name === '') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
  const file = join(pkgDir, name);
  if (!/^[\w.]+$/.test(name) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const result = await page.evaluate(async (bundle) => {
    const api = await import('/urenwijzer.js');
    await api.init();
    const engine = new api.Engine(bundle);
    const households = Array.from({ length: 64 }, (_, i) => ({
      eigen_mogelijkheden: i % 2 === 0,
      beperkingen: ['geen', 'enig', 'veel'][i % 3],
      samenstelling_huishouden: i % 5 === 0,
      extra_kamers_in_gebruik: i % 6,
      extra_kamers_niet_in_gebruik: i % 4,
    }));
    const time = (options) => {
      for (let i = 0; i < 30000; i++) engine.evaluate(households[i & 63], options);
      const per = [];
      for (let b = 0; b < 60; b++) {
        const t = performance.now();
        for (let r = 0; r < 16; r++) for (let i = 0; i < 64; i++) engine.evaluate(households[i], options);
        per.push(((performance.now() - t) * 1000) / 1024);
      }
      per.sort((a, b) => a - b);
      return { median: per[30], p95: per[57] };
    };
    return {
      userAgent: navigator.userAgent,
      trace: time({ date: '2024-06-01', trace: true }),
      noTrace: time({ date: '2024-06-01', trace: false }),
    };
  }, bundle);
  const f = (t) => `${t.median.toFixed(2)} µs median, ${t.p95.toFixed(2)} µs p95`;
  console.log(`Chromium ${result.userAgent.match(/Chrome\/(\S+)/)?.[1] ?? '?'} (headless), KPMG package, 64 households:`);
  console.log(`  evaluate, trace     ${f(result.trace)}`);
  console.log(`  evaluate, no trace  ${f(result.noTrace)}`);
} finally {
  await browser.close();
  server.close();
}
