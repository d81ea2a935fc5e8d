// Unit tests of the checking page's page-free logic (www/src/check-model.js)
// and of the core's assembly it uses (checkFiles / classifyFiles of the wasm
// build) in Node:  node --test tests/check-page/unit.test.mjs
// Ends with every package folder in norms/ put together from its files by
// the core as the page does, and compared with what
// `urenwijzer check --format json` and `urenwijzer test` say of the folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { merge, placeReport, describeError, fileOfError, caseSummary, errorHint } from '../../www/src/check-model.js';
import api from '../node/wasm.mjs';

const { checkFiles, classifyFiles } = api;

/** One file classified by the core, as the page keeps it. */
const classify = (p, text) => classifyFiles([[p, text]])[0];

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.URENWIJZER_CLI ?? path.join(repo, 'target', 'release', 'urenwijzer');

const pkg = (id, extra = {}) => JSON.stringify({ format: 'urenwijzer-package/1', id, title: id, versions: [], ...extra });
const overlay = (base, municipality) => JSON.stringify({ format: 'urenwijzer-overlay/1', base, municipality });
const kase = (d = 'x') => JSON.stringify({ description: d, date: '2024-01-01', answers: {}, expect: {} });

test('classify (the core): package, bundle, overlay, case, invalid JSON, unknown, not JSON', () => {
  assert.equal(classify('a/package.json', pkg('a')).kind, 'package');
  assert.equal(classify('a/package.json', pkg('a')).id, 'a');
  assert.equal(classify('a/package.json', pkg('a')).bundled, false);
  assert.equal(classify('h4.json', pkg('h4', { fingerprint: 'sha256:0' })).bundled, true);
  const o = classify('a/overlays/delft.json', overlay('a', 'delft'));
  assert.deepEqual([o.kind, o.base, o.municipality], ['overlay', 'a', 'delft']);
  assert.equal(classify('a/cases/01.json', kase()).kind, 'case');
  assert.equal(classify('a/cases/01.json', '{"answers": {}}').kind, 'case');
  assert.equal(classify('kapot.json', '{"description": "x",').kind, 'invalid');
  assert.equal(classify('index.json', JSON.stringify({ format: 'urenwijzer-index/1', packages: [] })).kind, 'unknown');
  assert.equal(classify('lijst.json', '[1, 2]').kind, 'unknown');
  assert.equal(classify('iets.json', '{"a": 1}').kind, 'unknown');
  assert.equal(classify('README.md', '# x').kind, 'skipped');
  assert.equal(classify('p.json', JSON.stringify({ id: 'p', versions: [] })).kind, 'package');
});

test("the core's JSON errors carry line, column and what is wrong", () => {
  const trailing = classify('x.json', '{\n  "a": 1,\n  "b": 2,\n}').error;
  assert.deepEqual([trailing.code, trailing.line, trailing.column], ['invalid_json', 4, 1]);
  assert.match(trailing.detail, /komma/);
  assert.deepEqual([classify('x.json', '{"a": 1\n "b": 2}').error.line, classify('x.json', '{"a": 1\n "b": 2}').error.column], [2, 2]);
  assert.match(classify('x.json', '{"a": [1, 2]').error.detail, /te vroeg/);
  assert.match(classify('x.json', "{'a': 1}").error.detail, /dubbele aanhalingstekens/);
  assert.match(classify('x.json', '\ufeff{}').error.detail, /BOM/);
  const dup = classify('x.json', '{"a": {"b": 1, "b": 2}}').error;
  assert.deepEqual([dup.code, dup.path, dup.line], ['duplicate_key', 'a', 1]);
  const utf8 = classifyFiles([{ path: 'x.json', bytes: Uint8Array.from([0x7b, 0x0a, 0x22, 0xff, 0x22, 0x7d]) }])[0].error;
  assert.deepEqual([utf8.code, utf8.line, utf8.column], ['invalid_json', 2, 2]);
});

test('merge: a file chosen again replaces the earlier one (same path, same package id, same overlay)', () => {
  const a1 = classify('package.json', pkg('a', { title: 'een' }));
  const c1 = classify('cases/01.json', kase('een'));
  let { files, replaced } = merge([], [a1, c1]);
  assert.equal(files.length, 2);
  assert.equal(replaced, 0);
  const a2 = classify('a/package.json', pkg('a', { title: 'twee' })); // other path, same id
  const c2 = classify('cases/01.json', kase('twee'));
  ({ files, replaced } = merge(files, [a2, c2]));
  assert.equal(replaced, 2);
  assert.deepEqual(
    files.map((f) => f.title ?? f.path),
    ['twee', 'cases/01.json'],
  );
  assert.equal(files[1], c2);
  // a file that was not JSON and is now fixed replaces the broken one, and the other way round
  const bad = classify('package.json', '{');
  ({ files } = merge([bad], [classify('package.json', pkg('a'))]));
  assert.deepEqual(
    files.map((f) => f.kind),
    ['package'],
  );
  ({ files } = merge(files, [classify('package.json', '{')]));
  assert.deepEqual(
    files.map((f) => f.kind),
    ['invalid'],
  );
  // two packages both called package.json, chosen one after the other: both stay
  ({ files, replaced } = merge(merge([], [classify('package.json', pkg('nieuw'))]).files, [classify('package.json', pkg('oud'))]));
  assert.deepEqual([files.map((f) => f.id), replaced], [['nieuw', 'oud'], 0]);
  // then one of them broken: it replaces the last one chosen with that name
  ({ files } = merge(files, [classify('package.json', '{')]));
  assert.deepEqual(
    files.map((f) => f.id ?? f.kind),
    ['nieuw', 'invalid'],
  );
});

test('checkFiles (the core): overlays by file name, linked packages by id, cases by folder', () => {
  const files = [
    ['norms/nieuw/package.json', pkg('nieuw', { versions: [{ transition: { package: 'oud' } }] })],
    ['norms/oud/package.json', pkg('oud')],
    ['norms/nieuw/overlays/stad.json', overlay('nieuw', 'stad')],
    ['norms/nieuw/cases/02.json', kase('n2')],
    ['norms/nieuw/cases/01.json', kase('n1')],
    ['norms/oud/cases/01.json', kase('o1')],
    ['norms/los/package.json', pkg('los')],
  ];
  const { reports, unplaced } = checkFiles(files);
  assert.deepEqual(unplaced, []);
  assert.deepEqual(
    reports.map((r) => r.id),
    ['los', 'nieuw', 'oud'],
  );
  const nieuw = reports.find((r) => r.id === 'nieuw');
  assert.deepEqual(nieuw.overlay_municipalities, ['stad']);
  assert.deepEqual(nieuw.linked_ids, ['oud']);
  assert.deepEqual(nieuw.case_files, ['norms/nieuw/cases/01.json', 'norms/nieuw/cases/02.json']);
  assert.deepEqual(reports.find((r) => r.id === 'oud').case_files, ['norms/oud/cases/01.json']);
  assert.equal(reports.find((r) => r.id === 'los').case_files.length, 0);
  // one overlay naming rule: the file name is the municipality
  const wrong = checkFiles([files[0], files[1], ['norms/nieuw/overlays/x-stad.json', overlay('nieuw', 'stad')]]);
  const e = wrong.reports.find((r) => r.id === 'nieuw').check.error;
  assert.deepEqual([e.code, e.file], ['overlay_name', 'norms/nieuw/overlays/x-stad.json']);
});

test('checkFiles: files without folders go to the one main package; a linked package without cases gets no report of its own', () => {
  const { reports, unplaced } = checkFiles([
    ['package.json', pkg('nieuw', { versions: [{ transition: { package: 'oud' } }] })],
    ['oud.json', pkg('oud')],
    ['01.json', kase()],
    ['delft.json', overlay('nieuw', 'delft')],
  ]);
  assert.deepEqual(
    reports.map((r) => [r.id, r.case_files.length, r.overlays.length]),
    [['nieuw', 1, 1]],
  );
  assert.deepEqual(unplaced, []);
});

test('checkFiles: a missing linked package is named; cases with two main packages and no folders are not placed', () => {
  const { reports } = checkFiles([['package.json', pkg('nieuw', { versions: [{ transition: { package: 'oud' } }] })]]);
  assert.deepEqual(reports[0].missing, ['oud']);
  const { r } = placeReport(reports[0], []);
  assert.match(errorHint(r, { path: 'versions[2021.1].transition.package' }), /norms\/oud\/package\.json/);
  const r2 = checkFiles([
    ['a.json', pkg('a')],
    ['b.json', pkg('b')],
    ['01.json', kase()],
    ['x.json', overlay('c', 'x')],
  ]);
  assert.deepEqual(
    r2.unplaced.map((u) => u.path),
    ['01.json', 'x.json'],
  );
  assert.match(r2.unplaced.find((u) => u.path === 'x.json').reason, /'c'/);
  const r3 = checkFiles([['01.json', kase()]]);
  assert.deepEqual(r3.reports, []);
  assert.equal(r3.unplaced.length, 1);
});

test('checkFiles: a bundle is checked as it is; overlays chosen with it are set aside', () => {
  const { reports } = checkFiles([
    ['h4.json', pkg('h4', { fingerprint: 'sha256:0', overlays: { delft: {} } })],
    ['delft.json', overlay('h4', 'delft')],
  ]);
  assert.deepEqual(reports[0].ignored_overlays, ['delft.json']);
  assert.deepEqual(reports[0].overlay_municipalities, ['delft']);
});

test('errors: path and message apart; the file an error is in', () => {
  assert.deepEqual(
    describeError({
      code: 'invalid_package',
      path: 'versions[2019.1].values.basis',
      message: 'ongeldig normpakket bij versions[2019.1].values.basis: dit getal heeft geen herkomst',
    }),
    { code: 'invalid_package', path: 'versions[2019.1].values.basis', column: '', message: 'dit getal heeft geen herkomst' },
  );
  assert.deepEqual(
    describeError({
      code: 'invalid_expression',
      path: 'versions[1].areas[a].rules[b].amount',
      message: "ongeldige expressie bij versions[1].areas[a].rules[b].amount, kolom 8: 'wastjd' is geen tabel",
    }),
    { code: 'invalid_expression', path: 'versions[1].areas[a].rules[b].amount', column: ', kolom 8', message: "'wastjd' is geen tabel" },
  );
  assert.equal(describeError({ code: 'x', path: null, message: 'm' }).message, 'm');
  const list = [
    ['h4/package.json', pkg('h4')],
    ['h4/overlays/delft.json', overlay('h4', 'delft')],
  ];
  const entries = classifyFiles(list);
  const { r } = placeReport(checkFiles(list).reports[0], entries);
  assert.equal(fileOfError(r, { path: 'overlays[delft].tariff' }).path, 'h4/overlays/delft.json');
  assert.equal(fileOfError(r, { path: 'versions[1]' }).path, 'h4/package.json');
  assert.equal(fileOfError(r, { file: 'h4/overlays/delft.json', path: '(document)' }).path, 'h4/overlays/delft.json');
  assert.equal(caseSummary([{ ok: true }, { ok: false }, { ok: true }]), '2 van 3 testgevallen geslaagd');
  assert.equal(caseSummary([{ ok: true }]), '1 van 1 testgeval geslaagd');
});

test('every package in norms/, put together from its files as the page does, gives what the CLI says', async () => {
  if (!fs.existsSync(cli)) assert.fail(`needs ${cli} (cargo build --release -p rules-cli)`);
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const files = walk(path.join(repo, 'norms'))
    .sort()
    .map((f) => ({ path: path.relative(repo, f).split(path.sep).join('/'), bytes: fs.readFileSync(f) }));
  const { reports, unplaced } = checkFiles(files);
  assert.deepEqual(unplaced, []);
  const dirs = fs
    .readdirSync(path.join(repo, 'norms'))
    .filter((d) => fs.existsSync(path.join(repo, 'norms', d, 'package.json')))
    .sort();
  assert.deepEqual(reports.map((r) => r.id).sort(), dirs);
  for (const r of reports) {
    const got = r.check;
    const dir = path.join(repo, 'norms', r.id);
    const check = spawnSync(cli, ['check', dir, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const want = JSON.parse(check.stdout);
    assert.equal(got.error, null, `${r.id}: ${JSON.stringify(got.error)}`);
    assert.equal(got.package.fingerprint, want.fingerprint, `${r.id}: fingerprint`);
    assert.deepEqual(
      got.lints.map((l) => [l.code, l.path, l.message]),
      want.lints.map((l) => [l.code, l.path, l.message]),
      `${r.id}: lints`,
    );
    const run = spawnSync(cli, ['test', dir], { encoding: 'utf8' });
    const lines = run.stdout
      .split('\n')
      .map((l) => /^(ok|FOUT)\s+(\S+)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[2], m[1] === 'ok']);
    assert.deepEqual(
      got.cases.map((c) => [c.name, c.ok]),
      lines,
      `${r.id}: cases`,
    );
    assert.ok(got.ok, `${r.id}: not ok`);
    assert.deepEqual(r.missing, []);
  }
});
