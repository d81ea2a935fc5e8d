// Unit tests of the checking page's page-free logic (www/src/check-model.js)
// in Node:  node --test tests/check-page/unit.test.mjs
// Ends with every package folder in norms/ put together from its files the
// way the page does, checked by the wasm build, and compared with what
// `urenwijzer check --format json` and `urenwijzer test` say of the folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  classify,
  merge,
  assemble,
  parseJson,
  locateJsonError,
  ownerDir,
  describeError,
  fileOfError,
  caseSummary,
  errorHint,
  transitionTargets,
} from '../../www/src/check-model.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.URENWIJZER_CLI ?? path.join(repo, 'target', 'release', 'urenwijzer');

const pkg = (id, extra = {}) => JSON.stringify({ format: 'urenwijzer-package/1', id, title: id, versions: [], ...extra });
const overlay = (base, municipality) => JSON.stringify({ format: 'urenwijzer-overlay/1', base, municipality });
const kase = (d = 'x') => JSON.stringify({ description: d, date: '2024-01-01', answers: {}, expect: {} });

test('classify: package, bundle, overlay, case, invalid JSON, unknown, not JSON', () => {
  assert.equal(classify('a/package.json', pkg('a')).kind, 'package');
  assert.equal(classify('a/package.json', pkg('a')).id, 'a');
  assert.equal(classify('a/package.json', pkg('a')).bundled, false);
  assert.equal(classify('h4.json', pkg('h4', { fingerprint: 'sha256:0' })).bundled, true);
  const o = classify('a/overlays/delft.json', overlay('a', 'delft'));
  assert.deepEqual([o.kind, o.base, o.municipality], ['overlay', 'a', 'delft']);
  // no municipality: the file name
  assert.equal(classify('x/rijswijk.json', JSON.stringify({ format: 'urenwijzer-overlay/1', base: 'a' })).municipality, 'rijswijk');
  assert.equal(classify('a/cases/01.json', kase()).kind, 'case');
  assert.equal(classify('a/cases/01.json', '{"answers": {}}').kind, 'case');
  assert.equal(classify('kapot.json', '{"description": "x",').kind, 'invalid');
  assert.equal(classify('index.json', JSON.stringify({ format: 'urenwijzer-index/1', packages: [] })).kind, 'unknown');
  assert.equal(classify('lijst.json', '[1, 2]').kind, 'unknown');
  assert.equal(classify('iets.json', '{"a": 1}').kind, 'unknown');
  assert.equal(classify('README.md', '# x').kind, 'skipped');
  // a package without format is still a package (the core says what is missing)
  assert.equal(classify('p.json', JSON.stringify({ id: 'p', versions: [] })).kind, 'package');
});

test('JSON errors: a Dutch message with line and column (our own scan: browsers do not always say where) and a tip', () => {
  const trailing = parseJson('{\n  "a": 1,\n  "b": 2,\n}').error;
  assert.equal(trailing.message, 'Geen geldige JSON (regel 4, kolom 1). Na het laatste onderdeel staat een komma. Haal die komma weg.');
  assert.deepEqual([trailing.line, trailing.column], [4, 1]);
  assert.ok(trailing.detail);
  assert.match(parseJson('{"a": 1\n "b": 2}').error.message, /^Geen geldige JSON \(regel 2, kolom 2\)\. Mist hier een komma/);
  assert.match(parseJson('{"a": [1, 2]').error.message, /\(regel 1, kolom 13\)\. Het bestand houdt te vroeg op/);
  assert.match(parseJson("{'a': 1}").error.message, /dubbele aanhalingstekens/);
  assert.match(parseJson('{"a": tru}').error.message, /\(regel 1, kolom 7\)/);
  assert.equal(parseJson('   ').error.message, 'Het bestand is leeg.');
  assert.match(parseJson('\ufeff{}').error.message, /BOM/);
  assert.deepEqual(parseJson('{"a": [1, true, null, -1.5e3, "\\u00e9\\n"]}').doc, { a: [1, true, null, -1500, 'é\n'] });
});

test('JSON scan: agrees with JSON.parse on every file in norms/ and on every cut-off or damaged version of one', () => {
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const texts = walk(path.join(repo, 'norms'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => fs.readFileSync(f, 'utf8'));
  for (const t of texts) assert.equal(locateJsonError(t), null);
  const sample = fs.readFileSync(
    path.join(repo, 'norms', 'kpmg-2019', 'cases', fs.readdirSync(path.join(repo, 'norms', 'kpmg-2019', 'cases')).sort()[0]),
    'utf8',
  );
  for (let k = 0; k < sample.length; k++) {
    for (const t of [sample.slice(0, k), sample.slice(0, k) + sample.slice(k + 1), `${sample.slice(0, k)},${sample.slice(k)}`]) {
      let valid = true;
      try {
        JSON.parse(t);
      } catch {
        valid = false;
      }
      assert.equal(locateJsonError(t) === null, valid, JSON.stringify(t));
    }
  }
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
    files.map((f) => f.doc.title ?? f.doc.description),
    ['twee', 'twee'],
  );
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

test('ownerDir: cases/ and overlays/ belong to the folder above', () => {
  assert.equal(ownerDir('norms/h4/cases/01.json'), 'norms/h4');
  assert.equal(ownerDir('h4/overlays/delft.json'), 'h4');
  assert.equal(ownerDir('cases/01.json'), '');
  assert.equal(ownerDir('01.json'), '');
  assert.equal(ownerDir('h4/package.json'), 'h4');
});

test('assemble: overlays by municipality, linked packages by id, cases by folder', () => {
  const files = [
    classify('norms/nieuw/package.json', pkg('nieuw', { versions: [{ transition: { package: 'oud' } }] })),
    classify('norms/oud/package.json', pkg('oud')),
    classify('norms/nieuw/overlays/x-stad.json', overlay('nieuw', 'stad')),
    classify('norms/nieuw/cases/02.json', kase('n2')),
    classify('norms/nieuw/cases/01.json', kase('n1')),
    classify('norms/oud/cases/01.json', kase('o1')),
    classify('norms/los/package.json', pkg('los')),
  ];
  const { reports, unplaced } = assemble(files);
  assert.deepEqual(unplaced, []);
  assert.deepEqual(
    reports.map((r) => r.id),
    ['los', 'nieuw', 'oud'],
  );
  const nieuw = reports.find((r) => r.id === 'nieuw');
  assert.deepEqual(Object.keys(nieuw.document.overlays), ['stad']); // by municipality, not by file name
  assert.deepEqual(Object.keys(nieuw.document.linked), ['oud']);
  assert.deepEqual(
    nieuw.cases.map(([n, d]) => [n, d.description]),
    [
      ['01.json', 'n1'],
      ['02.json', 'n2'],
    ],
  );
  assert.deepEqual(
    reports.find((r) => r.id === 'oud').cases.map(([, d]) => d.description),
    ['o1'],
  );
  assert.equal(reports.find((r) => r.id === 'los').cases.length, 0);
  // the source document itself is not changed
  assert.equal(files[0].doc.overlays, undefined);
});

test('assemble: files without folders go to the one main package; a linked package without cases gets no report of its own', () => {
  const files = [
    classify('package.json', pkg('nieuw', { versions: [{ transition: { package: 'oud' } }] })),
    classify('oud.json', pkg('oud')),
    classify('01.json', kase()),
    classify('delft.json', overlay('nieuw', 'delft')),
  ];
  const { reports, unplaced } = assemble(files);
  assert.deepEqual(
    reports.map((r) => [r.id, r.cases.length, r.overlays.length]),
    [['nieuw', 1, 1]],
  );
  assert.deepEqual(unplaced, []);
});

test('assemble: a missing linked package is named; cases with two main packages and no folders are not placed', () => {
  const { reports } = assemble([classify('package.json', pkg('nieuw', { versions: [{ transition: { package: 'oud' } }] }))]);
  assert.deepEqual(reports[0].missing, ['oud']);
  assert.match(errorHint(reports[0], { path: 'versions[2021.1].transition.package' }), /norms\/oud\/package\.json/);
  const r2 = assemble([classify('a.json', pkg('a')), classify('b.json', pkg('b')), classify('01.json', kase()), classify('x.json', overlay('c', 'x'))]);
  assert.deepEqual(
    r2.unplaced.map((u) => u.entry.name),
    ['x.json', '01.json'],
  );
  assert.match(r2.unplaced[0].reason, /'c'/);
  const r3 = assemble([classify('01.json', kase())]);
  assert.deepEqual(r3.reports, []);
  assert.equal(r3.unplaced.length, 1);
});

test('assemble: a bundle is checked as it is; overlays chosen with it are set aside', () => {
  const { reports } = assemble([
    classify('h4.json', pkg('h4', { fingerprint: 'sha256:0', overlays: { delft: {} } })),
    classify('delft.json', overlay('h4', 'delft')),
  ]);
  assert.equal(reports[0].ignoredOverlays.length, 1);
  assert.deepEqual(Object.keys(reports[0].document.overlays), ['delft']);
  assert.equal(reports[0].document.overlays.delft.format, undefined);
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
  const files = [classify('h4/package.json', pkg('h4')), classify('h4/overlays/delft.json', overlay('h4', 'delft'))];
  const [r] = assemble(files).reports;
  assert.equal(fileOfError(r, 'overlays[delft].tariff').path, 'h4/overlays/delft.json');
  assert.equal(fileOfError(r, 'versions[1]').path, 'h4/package.json');
  assert.equal(caseSummary([{ ok: true }, { ok: false }, { ok: true }]), '2 van 3 testgevallen geslaagd');
  assert.equal(caseSummary([{ ok: true }]), '1 van 1 testgeval geslaagd');
});

test('every package in norms/, put together from its files as the page does, gives what the CLI says', async () => {
  const wasm = path.join(repo, 'www', 'pkg', 'urenwijzer_wasm_bg.wasm');
  if (!fs.existsSync(wasm) || !fs.existsSync(cli)) {
    assert.fail(`needs ${path.relative(repo, wasm)} (bash scripts/build-wasm.sh) and ${cli} (cargo build --release -p rules-cli)`);
  }
  const { initSync, checkPackage } = await import('../../www/pkg/urenwijzer.js');
  initSync(fs.readFileSync(wasm));
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const files = walk(path.join(repo, 'norms'))
    .sort()
    .map((f) => classify(path.relative(repo, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')));
  const { reports, unplaced } = assemble(files);
  assert.deepEqual(unplaced, []);
  const dirs = fs
    .readdirSync(path.join(repo, 'norms'))
    .filter((d) => fs.existsSync(path.join(repo, 'norms', d, 'package.json')))
    .sort();
  assert.deepEqual(reports.map((r) => r.id).sort(), dirs);
  for (const r of reports) {
    const got = checkPackage(r.document, r.cases);
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
    assert.deepEqual(
      transitionTargets(r.entry.doc).filter((id) => !(id in (r.document.linked ?? {}))),
      [],
    );
  }
});
