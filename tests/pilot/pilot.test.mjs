// A generated pilot of 200 records through `urenwijzer pilot`, its
// summary.json checked against figures computed here independently: working
// days from a hard-coded list of the Algemene termijnenwet days (not the
// core's Easter algorithm), KPMG minutes from the published figures, medians
// and means in plain JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.URENWIJZER ?? join(root, 'target', 'debug', 'urenwijzer');
const pkg = join(root, 'norms', 'kpmg-2019');

const HOLIDAYS = new Set([
  '2026-01-01',
  '2026-04-06',
  '2026-04-27',
  '2026-05-05',
  '2026-05-14',
  '2026-05-25',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
  '2027-03-29',
  '2027-04-27',
  '2027-05-05',
  '2027-05-06',
  '2027-05-17',
  '2027-12-25',
  '2027-12-26',
  '2028-01-01',
  '2028-04-17',
  '2028-04-27',
  '2028-05-05',
  '2028-05-25',
  '2028-06-05',
  '2028-12-25',
  '2028-12-26',
]);
const DAY = 86_400_000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const ms = (s) => Date.parse(`${s}T00:00:00Z`);
const plus = (s, n) => iso(ms(s) + n * DAY);
const working = (s) => {
  const wd = new Date(ms(s)).getUTCDay();
  return wd !== 0 && wd !== 6 && !HOLIDAYS.has(s);
};
const addWd = (s, n) => {
  let d = s;
  while (n > 0) {
    d = plus(d, 1);
    if (working(d)) n--;
  }
  return d;
};
const nextWd = (s) => {
  let d = s;
  while (!working(d)) d = plus(d, 1);
  return d;
};
const wdBetween = (a, b) => {
  let n = 0;
  for (let d = a; d < b; ) {
    d = plus(d, 1);
    if (working(d)) n++;
  }
  return n;
};

// Seeded generator, so the pilot is the same on every run.
let seed = 20261201;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
};
const pickOne = (xs) => xs[rnd(xs.length)];

// KPMG normenkader (hours per year) → minutes per week, rounded up.
function kpmgMinutes(a) {
  const h =
    108 -
    (a.eigen_mogelijkheden ? 23 : 0) +
    { geen: 0, enig: 26, veel: 52 }[a.beperkingen] +
    (a.samenstelling_huishouden ? 26 : 0) +
    16 * a.extra_kamers_in_gebruik +
    4 * a.extra_kamers_niet_in_gebruik;
  return Math.ceil((h * 60) / 52);
}
const randomAnswers = () => ({
  eigen_mogelijkheden: rnd(2) === 1,
  beperkingen: pickOne(['geen', 'enig', 'veel']),
  samenstelling_huishouden: rnd(3) === 0,
  extra_kamers_in_gebruik: rnd(4),
  extra_kamers_niet_in_gebruik: rnd(3),
});

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2].toFixed(1) : ((v[n / 2 - 1] + v[n / 2]) / 2).toFixed(1);
};
function mean(xs) {
  const sum = xs.reduce((a, b) => a + b, 0);
  const q = Math.floor((Math.abs(sum) * 20 + xs.length) / (2 * xs.length));
  const s = `${Math.floor(q / 10)}.${q % 10}`;
  return sum < 0 && q !== 0 ? `-${s}` : s;
}

test('a generated pilot of 200 records: summary.json matches an independent computation', () => {
  const fingerprint = JSON.parse(execFileSync(cli, ['check', pkg, '--format', 'json'], { encoding: 'utf8' })).fingerprint;
  const dir = mkdtempSync(join(tmpdir(), 'urenwijzer-pilot-'));
  const districts = ['Centrum', 'Noord', 'Oost', 'Schalkwijk', 'Zuid-West'];
  const providers = ['Huishoudhulp B', 'Thuiszorg A', 'Zorg C'];
  const files = [];
  const expect = {
    residents: 0,
    district: {},
    provider: {},
    conv: [],
    start: [],
    evalw: [],
    change: [],
    initial: [],
    final: [],
    changed: {},
    format1: [],
    withoutDecision: [],
    incomplete: [],
    differs: [],
    checked: 0,
  };
  for (let i = 0; i < 200; i++) {
    const name = `r${String(i).padStart(3, '0')}.json`;
    // Three residents in Duinwijk and two with provider Klein D: shown as "fewer than 5".
    const district = i < 3 ? 'Duinwijk' : pickOne(districts);
    const provider = i >= 3 && i < 5 ? 'Klein D' : pickOne(providers);
    // Some decisions the day before Koningsdag 2027 (Mon 26 April) and before Christmas 2026.
    const decision = i % 25 === 0 ? '2027-04-26' : i % 25 === 1 ? '2026-12-23' : plus('2026-01-05', rnd(650));
    const conversation = plus(decision, rnd(8));
    const start = plus(conversation, rnd(4));
    const incomplete = i % 25 === 7;
    const evaluation = incomplete ? null : plus(start, 20 + rnd(30));
    const format1 = i % 20 === 3;
    const a0 = randomAnswers();
    const a1 = rnd(3) === 0 ? randomAnswers() : { ...a0 };
    const m0 = kpmgMinutes(a0);
    const m1 = kpmgMinutes(a1);
    const tampered = i === 50 || i === 150;
    const changes = Object.keys(a0)
      .filter((k) => a0[k] !== a1[k])
      .map((k) => ({ question: k, before: a0[k], after: a1[k], reason: `reden ${k}` }));
    const record = {
      format: format1 ? 'urenwijzer-omgekeerd-toewijzen/1' : 'urenwijzer-omgekeerd-toewijzen/2',
      package: { id: 'kpmg-2019', title: 'KPMG normenkader huishoudelijke ondersteuning', fingerprint, municipality: null },
      start,
      evaluation,
      initial: { date: conversation, answers: a0, indication: { total: { minutes_per_week: tampered ? m0 + 1 : m0 } } },
      changes: incomplete ? [] : changes,
      final: incomplete ? null : { date: evaluation, answers: a1, indication: { total: { minutes_per_week: m1 } } },
      complete: !incomplete,
    };
    if (format1) {
      record.intake = conversation;
    } else {
      Object.assign(record, { dossier: `HH-${i}`, provider: { name: provider, agb: null }, district, decision, conversation });
    }
    files.push([name, JSON.stringify(record)]);

    expect.residents++;
    const d = format1 ? 'wijk niet ingevuld' : district;
    const p = format1 ? 'aanbieder niet ingevuld' : provider;
    expect.district[d] = (expect.district[d] ?? 0) + 1;
    expect.provider[p] = (expect.provider[p] ?? 0) + 1;
    if (format1) {
      expect.format1.push(name);
      expect.withoutDecision.push(name);
    } else expect.conv.push([wdBetween(decision, conversation), conversation <= addWd(decision, 3)]);
    expect.start.push([wdBetween(conversation, start), start <= addWd(conversation, 1)]);
    if (evaluation) expect.evalw.push([wdBetween(start, evaluation), nextWd(plus(start, 28)) <= evaluation && evaluation <= nextWd(plus(start, 42))]);
    if (incomplete) expect.incomplete.push(name);
    else {
      expect.initial.push(m0 + (tampered ? 1 : 0));
      expect.final.push(m1);
      expect.change.push(m1 - m0 - (tampered ? 1 : 0));
      for (const c of changes) expect.changed[c.question] = (expect.changed[c.question] ?? 0) + 1;
    }
    expect.checked += incomplete ? 1 : 2;
    if (tampered) expect.differs.push(name);
  }
  files.push(['kapot.json', '{"format": "urenwijzer-omgekeerd-toewijzen/2",']);
  files.push(['bsn.json', JSON.stringify({ format: 'urenwijzer-omgekeerd-toewijzen/2', dossier: '111222333', package: { id: 'kpmg-2019' } })]);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);

  const out = join(dir, 'out');
  execFileSync(cli, ['pilot', ...files.map(([n]) => join(dir, n)), '--out', out, '--package', pkg], { stdio: 'pipe' });
  const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

  assert.equal(s.files, 202);
  assert.deepEqual(
    s.unreadable.map((u) => [u.file, u.code]),
    [
      ['bsn.json', 'bsn_in_reference'],
      ['kapot.json', 'invalid_record'],
    ],
  );
  assert.equal(s.groups.length, 1);
  const g = s.groups[0];
  assert.equal(g.residents, 200);
  const counts = (o) =>
    Object.keys(o)
      .sort()
      .map((name) => ({ name, residents: o[name] >= 5 ? o[name] : null, fewer_than_5: o[name] < 5 }));
  assert.deepEqual(g.per_district, counts(expect.district));
  assert.deepEqual(g.per_provider, counts(expect.provider));
  assert.ok(g.per_district.some((c) => c.name === 'Duinwijk' && c.residents === null));
  const interval = (xs) => ({ measured: xs.length, median_working_days: median(xs.map((x) => x[0])), on_time: xs.filter((x) => x[1]).length });
  assert.deepEqual(g.decision_to_conversation, interval(expect.conv));
  assert.deepEqual(g.conversation_to_start, interval(expect.start));
  assert.deepEqual(g.start_to_evaluation, interval(expect.evalw));
  assert.equal(g.hours.measured, expect.change.length);
  assert.equal(g.hours.initial_mean, mean(expect.initial));
  assert.equal(g.hours.final_mean, mean(expect.final));
  assert.equal(g.hours.change_mean, mean(expect.change));
  assert.equal(g.hours.change_median, median(expect.change));
  assert.deepEqual(
    [g.hours.more, g.hours.same, g.hours.less],
    [expect.change.filter((c) => c > 0).length, expect.change.filter((c) => c === 0).length, expect.change.filter((c) => c < 0).length],
  );
  const bins = [
    [-Infinity, -61],
    [-60, -31],
    [-30, -1],
    [0, 0],
    [1, 30],
    [31, 60],
    [61, Infinity],
  ];
  assert.deepEqual(
    g.hours.distribution.map((b) => b.residents),
    bins.map(([lo, hi]) => expect.change.filter((c) => c >= lo && c <= hi).length),
  );
  assert.deepEqual(g.recomputed, { checked: expect.checked, differs: expect.differs, not_checked: [] });
  assert.deepEqual(
    g.changed_answers,
    Object.keys(expect.changed)
      .sort()
      .map((q) => ({ question: q, residents: expect.changed[q], reasons: null })),
  );
  assert.deepEqual(g.format_1, expect.format1);
  assert.deepEqual(g.without_decision, expect.withoutDecision);
  assert.deepEqual(g.incomplete, expect.incomplete);

  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(html, /<script|reden eigen_mogelijkheden|111222333|HH-1\b/);
  assert.match(html, /minder dan 5/);

  // With --reasons the reasons appear (every changed question here has 5 or more residents).
  const out2 = join(dir, 'out2');
  execFileSync(cli, ['pilot', ...files.map(([n]) => join(dir, n)), '--out', out2, '--reasons'], { stdio: 'pipe' });
  const s2 = JSON.parse(readFileSync(join(out2, 'summary.json'), 'utf8'));
  for (const c of s2.groups[0].changed_answers) assert.equal(c.reasons.length, c.residents >= 5 ? c.residents : undefined);
  assert.match(readFileSync(join(out2, 'report.html'), 'utf8'), /reden beperkingen/);
  // Without --package nothing is recomputed, and says so.
  assert.equal(s2.groups[0].recomputed.checked, 0);
  assert.equal(s2.groups[0].recomputed.not_checked.length, 200);
});
