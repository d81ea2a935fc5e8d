// impactReport (the caseload impact report in the wasm build) gives the
// three files of `urenwijzer impact` byte for byte, from package folders
// read as the checking page reads them (paths with folders, bytes), and
// reports its progress while it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import api from './wasm.mjs';
import { cli, root } from '../conformance/collect.mjs';

const { impactReport } = api;
const NAMES = ['summary.json', 'report.html', 'households.csv'];

/** A package folder as {path, bytes}, paths from the folder's parent ("haarlem-ciz/package.json"). */
function folder(dir) {
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ path: relative(join(dir, '..'), f), bytes: readFileSync(f) }));
}

function cliImpact(args) {
  const out = mkdtempSync(join(tmpdir(), 'impact-node-'));
  try {
    execFileSync(cli(), ['impact', ...args, '--out', out], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: some household refused, the files are written
  }
  return Object.fromEntries(NAMES.map((n) => [n, readFileSync(join(out, n), 'utf8')]));
}

const same = (got, want, label) => {
  assert.equal(got.summaryJson, want['summary.json'], `${label}: summary.json`);
  assert.equal(got.html, want['report.html'], `${label}: report.html`);
  assert.equal(got.householdsCsv, want['households.csv'], `${label}: households.csv`);
};

test('Haarlem old against new over the example caseload: the CLI bytes, with and without re-assessment', () => {
  const csv = join(root, 'examples', 'haarlem-clienten.csv');
  const old = folder(join(root, 'norms', 'haarlem-ciz'));
  const next = folder(join(root, 'norms', 'haarlem-2021'));
  for (const reassess of [false, true]) {
    const want = cliImpact([
      'norms/haarlem-ciz',
      'norms/haarlem-2021',
      csv,
      '--date',
      '2025-01-01',
      '--scale-to',
      '3500',
      ...(reassess ? ['--reassess-all'] : []),
    ]);
    const got = impactReport({ old, new: next, caseload: readFileSync(csv), options: { date: '2025-01-01', scaleTo: 3500, reassessAll: reassess } });
    same(got, want, reassess ? 'reassess-all' : 'with transition');
    assert.equal(got.summary.households, got.summary.compared + got.summary.refused);
  }
});

test('one package on two dates, JSON Lines, progress reported in order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'impact-node-lines-'));
  const base = readFileSync(join(root, 'examples', 'kpmg-huishoudens.jsonl'), 'utf8')
    .trim()
    .split('\n');
  // Enough households for several progress calls (every 2,048), ids unique.
  const lines = Array.from({ length: 5000 }, (_, i) => base[i % base.length].replace(/"id": "[^"]*"/, `"id": "h${i}"`));
  const file = join(dir, 'veel.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const want = cliImpact(['norms/kpmg-2019', 'norms/kpmg-2019', file, '--old-date', '2024-01-01', '--new-date', '2025-01-01', '--date', '2025-01-01']);
  const calls = [];
  const got = impactReport({
    old: folder(join(root, 'norms', 'kpmg-2019')),
    caseload: readFileSync(file),
    options: { date: '2025-01-01', oldDate: '2024-01-01', newDate: '2025-01-01' },
    onProgress: (households, bytes) => calls.push([households, bytes]),
  });
  same(got, want, 'two dates');
  assert.deepEqual(
    calls.map(([h]) => h),
    [2048, 4096],
  );
  assert.ok(calls[0][1] > 0 && calls[1][1] > calls[0][1], `bytes read grow: ${JSON.stringify(calls)}`);
});

test('a bad caseload is the core coded error, as the CLI says', () => {
  assert.throws(
    () =>
      impactReport({
        old: folder(join(root, 'norms', 'kpmg-2019')),
        caseload: new TextEncoder().encode('id,onbekend\n1,ja\n'),
        options: { date: '2025-01-01', oldDate: '2024-01-01', newDate: '2025-01-01' },
      }),
    (e) => e.code === 'invalid_caseload' && e.message.includes('onbekend'),
  );
  assert.throws(
    () => impactReport({ old: [], caseload: new Uint8Array(0) }),
    (e) => e.code === 'invalid_package',
  );
});
