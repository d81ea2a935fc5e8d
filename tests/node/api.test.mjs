// The JavaScript API of the wasm build (docs/browser-api.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import api from './wasm.mjs';
import { cli, root } from '../conformance/collect.mjs';

const { Engine, UrenwijzerError, errorObject, checkPackage, readRecord, CONTRACT_VERSION } = api;

const kpmgBundle = execFileSync(cli(), ['bundle', 'norms/kpmg-2019'], { cwd: root, encoding: 'utf8' });
const regioBundle = execFileSync(cli(), ['bundle', 'tests/conformance/fixtures/regio'], { cwd: root, encoding: 'utf8' });
const nieuwBundle = execFileSync(cli(), ['bundle', 'tests/conformance/fixtures/nieuw'], { cwd: root, encoding: 'utf8' });
const kpmg = new Engine(kpmgBundle);

const answers = {
  eigen_mogelijkheden: false,
  beperkingen: 'enig',
  samenstelling_huishouden: false,
  extra_kamers_in_gebruik: 1,
  extra_kamers_niet_in_gebruik: 0,
};

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

test('loads a bundle as text or object; fingerprint and package info', () => {
  const fromObject = new Engine(JSON.parse(kpmgBundle));
  assert.equal(fromObject.fingerprint, JSON.parse(kpmgBundle).fingerprint);
  assert.equal(kpmg.fingerprint, fromObject.fingerprint);
  assert.match(kpmg.fingerprint, /^sha256:[0-9a-f]{64}$/);
  const info = kpmg.package;
  assert.equal(info.id, 'kpmg-2019');
  assert.equal(info.fingerprint, kpmg.fingerprint);
  assert.ok(info.title.length > 0);
  assert.ok(info.versions.length >= 1 && typeof info.versions[0].status === 'string');
  assert.deepEqual(
    info.municipalities.map((m) => m.id),
    ['almere'],
  );
  assert.ok(Object.isFrozen(info) && Object.isFrozen(info.versions[0]));
  assert.equal(kpmg.package, kpmg.package);
  fromObject.free();
  fromObject.free(); // twice is harmless
});

test('a changed bundle is refused: invalid_package with a path', () => {
  const doc = JSON.parse(kpmgBundle);
  doc.title = 'Gewijzigd';
  const e = thrown(() => new Engine(doc));
  assert.ok(e instanceof UrenwijzerError && e instanceof Error);
  assert.equal(e.code, 'invalid_package');
  assert.equal(e.path, 'fingerprint');
  assert.equal(e.question, undefined);
  // Text that is no JSON: the strict reader's error, with where it stops.
  const bad = thrown(() => new Engine('{"format": 1'));
  assert.equal(bad.code, 'invalid_json');
  assert.deepEqual([bad.file, bad.line, bad.column], ['(document)', 1, 13]);
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(bad))), ['code', 'message', 'file', 'line', 'column', 'detail']);
});

test('a bundle without its fingerprint is refused unless a plain document is asked for', () => {
  const doc = JSON.parse(kpmgBundle);
  delete doc.fingerprint;
  const e = thrown(() => new Engine(doc));
  assert.ok(e instanceof UrenwijzerError);
  assert.equal(e.code, 'missing_fingerprint');
  assert.equal(e.path, 'fingerprint');
  assert.throws(() => new Engine(JSON.stringify(doc), { plainDocument: false }), { code: 'missing_fingerprint' });
  const plain = new Engine(doc, { plainDocument: true });
  assert.equal(plain.fingerprint, kpmg.fingerprint);
  plain.free();
});

test('questions: types, labels, options and bounds', () => {
  const qs = kpmg.questions();
  assert.deepEqual(
    qs.map((q) => q.type),
    ['yes_no', 'choice', 'yes_no', 'number', 'number'],
  );
  const choice = qs[1];
  assert.deepEqual(
    choice.options.map((o) => o.id),
    ['geen', 'enig', 'veel'],
  );
  assert.equal(qs[3].min, 0);
  assert.equal(qs[3].max, 20);
  assert.equal(qs[0].ask_if, null);
  assert.notEqual(kpmg.questions(), kpmg.questions(), 'a fresh array each call');
});

test('asked follows conditions and the transition rule', () => {
  const regio = new Engine(regioBundle);
  const q = regio.questions().find((x) => x.id === 'huisgenoten');
  assert.equal(q.ask_if, 'not alleen');
  assert.deepEqual(regio.asked({ alleen: true }), ['alleen', 'kamers']);
  assert.deepEqual(regio.asked({ alleen: false }), ['alleen', 'huisgenoten', 'kamers']);
  assert.deepEqual(regio.asked({}), ['alleen', 'huisgenoten', 'kamers'], 'unanswered condition: asked');
  const nieuw = new Engine(nieuwBundle);
  const options = { date: '2024-06-01' };
  assert.deepEqual(nieuw.asked({ heeft_indicatie: false }, options), ['heeft_indicatie', 'kamers']);
  // Before the transition date: the earlier package's questions are asked too.
  assert.deepEqual(nieuw.asked({ heeft_indicatie: true, indicatie_startdatum: '2020-01-01' }, options).sort(), [
    'alleen',
    'heeft_indicatie',
    'huisgenoten',
    'indicatie_startdatum',
    'kamers',
  ]);
  assert.equal(thrown(() => nieuw.asked({}, { date: 'gisteren' })).code, 'invalid_date');
  regio.free();
  nieuw.free();
});

test('state: asked questions with topics, answers not asked dropped, missing, problems per question, indication when complete', () => {
  const regio = new Engine(regioBundle);
  const s = regio.state({ alleen: true, huisgenoten: 2, bestaat_niet: 1 });
  assert.deepEqual(Object.keys(s), ['asked', 'answers', 'missing', 'problems', 'complete', 'indication']);
  assert.deepEqual(
    s.asked.map((q) => q.id),
    ['alleen', 'kamers'],
  );
  assert.ok(s.asked.every((q) => typeof q.topic === 'string'));
  assert.deepEqual(s.answers, { alleen: true }, 'an answer to a question not asked and an unknown key are dropped');
  assert.deepEqual(s.missing, ['kamers']);
  assert.deepEqual(
    s.problems.map((p) => [p.code, p.question]),
    [['missing_answer', 'kamers']],
  );
  assert.equal(s.complete, false);
  assert.equal(s.indication, null);
  const bad = regio.state({ alleen: 'ja' });
  assert.equal(bad.problems[0].code, 'wrong_type');
  assert.equal(bad.problems[0].question, 'alleen');
  assert.deepEqual(bad.answers, { alleen: 'ja' }, 'an invalid answer to an asked question is kept, with its problem');
  const kpmgState = kpmg.state(answers, { date: '2024-01-01' });
  assert.equal(kpmgState.complete, true);
  assert.equal(JSON.stringify(kpmgState.indication), kpmg.evaluateToJson(answers, { date: '2024-01-01' }));
  assert.equal(JSON.stringify(kpmgState), kpmg.stateToJson(answers, { date: '2024-01-01' }));
  assert.equal(kpmg.state(null).problems[0].code, 'invalid_answers');
  assert.equal(thrown(() => kpmg.state({}, { date: 'gisteren' })).code, 'invalid_date');
  regio.free();
});

test('evaluate and state: the answer-independent parts are frozen and shared, the rest is new', () => {
  const options = { date: '2024-01-01' };
  const a = kpmg.evaluate(answers, options);
  const b = kpmg.evaluate({ ...answers, beperkingen: 'veel' }, options);
  const c = kpmg.state(answers, options).indication;
  // Shared from the engine's template (docs/browser-api.md, "Shared, frozen parts").
  assert.equal(a.package, b.package);
  assert.equal(a.engine, c.engine);
  assert.ok(Object.isFrozen(a.package) && Object.isFrozen(a.engine));
  const base = (ind) => ind.trace.find((s) => s.rule === 'basis');
  assert.equal(base(a).sources, base(b).sources);
  assert.equal(base(a).sources, base(c).sources);
  assert.ok(Object.isFrozen(base(a).sources) && Object.isFrozen(base(a).sources[0]));
  assert.throws(() => {
    a.package.id = 'other';
  }, TypeError);
  // Everything else is the caller's own.
  assert.notEqual(a.trace, c.trace);
  assert.notEqual(base(a), base(c));
  assert.ok(!Object.isFrozen(a) && !Object.isFrozen(a.trace[0]) && !Object.isFrozen(a.explanation[0]));
  a.total.minutes_per_week = 0;
  a.trace[0].label = 'changed';
  a.explanation[0].text = 'changed';
  assert.equal(JSON.stringify(kpmg.evaluate(answers, options)), kpmg.evaluateToJson(answers, options));
  assert.equal(JSON.stringify(c), kpmg.evaluateToJson(answers, options));
});

test('evaluate: plain objects, JSON.stringify equals evaluateToJson, trace optional', () => {
  const ind = kpmg.evaluate(answers, { date: '2024-01-01' });
  assert.equal(Object.getPrototypeOf(ind), Object.prototype);
  assert.ok(Array.isArray(ind.areas) && Array.isArray(ind.trace));
  assert.equal(ind.contract, CONTRACT_VERSION);
  assert.deepEqual(ind.total, { minutes_per_week: 174, minutes_per_period: 693, minutes_per_year: 9000, display_minutes_per_week: 180 });
  // Each step sentence names the trace step it explains, and that step's area.
  for (const s of ind.explanation.filter((x) => x.kind === 'step')) assert.equal(ind.trace[s.step].area, s.area);
  assert.equal(ind.package.fingerprint, kpmg.fingerprint);
  assert.equal(ind.date, '2024-01-01');
  assert.ok(ind.trace.length > 0 && ind.explanation.length > 0);
  assert.equal(JSON.stringify(ind), kpmg.evaluateToJson(answers, { date: '2024-01-01' }));
  const bare = kpmg.evaluate(answers, { date: '2024-01-01', trace: false });
  assert.deepEqual(bare.trace, []);
  assert.deepEqual(bare.explanation, []);
  assert.deepEqual({ ...bare, trace: ind.trace, explanation: ind.explanation }, ind);
  assert.equal(kpmg.evaluate(answers, { date: '2025-06-30', municipality: 'almere' }).package.municipality, 'almere');
});

test('evaluate: the date defaults to today (local), and a Date counts as its local date', () => {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  assert.equal(kpmg.evaluate(answers).date, today);
  assert.equal(kpmg.evaluate(answers, { date: null }).date, today);
  assert.equal(kpmg.evaluate(answers, { date: new Date(2024, 1, 29, 23, 59) }).date, '2024-02-29');
  assert.equal(kpmg.evaluate(answers, { date: new Date(2024, 0, 1, 0, 0) }).date, '2024-01-01');
});

test('evaluate: refusals are UrenwijzerErrors with code and question', () => {
  const e = thrown(() => kpmg.evaluate({ ...answers, beperkingen: 'weinig' }, { date: '2024-01-01' }));
  assert.ok(e instanceof UrenwijzerError && e instanceof Error);
  assert.equal(e.name, 'UrenwijzerError');
  assert.equal(e.code, 'not_an_option');
  assert.equal(e.question, 'beperkingen');
  assert.match(e.message, /weinig/);
  assert.equal(e.detail, 'weinig');
  assert.equal(JSON.stringify(e), `{"code":"not_an_option","message":${JSON.stringify(e.message)},"question":"beperkingen","detail":"weinig"}`);
  assert.deepEqual(errorObject(e), JSON.parse(JSON.stringify(e)));
  assert.equal(thrown(() => kpmg.evaluate(answers, { date: '2024-13-01' })).code, 'invalid_date');
  assert.equal(thrown(() => kpmg.evaluate(answers, { date: '2020-01-01' })).code, 'no_version_for_date');
  assert.equal(thrown(() => kpmg.evaluate(answers, { date: '2024-01-01', municipality: 'delft' })).code, 'unknown_municipality');
  assert.equal(thrown(() => kpmg.evaluate(undefined, { date: '2024-01-01' })).code, 'invalid_answers');
  assert.equal(thrown(() => kpmg.evaluate([answers], { date: '2024-01-01' })).code, 'invalid_answers');
  const cyclic = { ...answers };
  cyclic.self = cyclic;
  assert.equal(thrown(() => kpmg.evaluate(cyclic, { date: '2024-01-01' })).code, 'invalid_answers');
  assert.equal(thrown(() => kpmg.evaluate({ ...answers, x: 1n }, { date: '2024-01-01' })).code, 'invalid_answers');
});

test('validate: every problem, per question, without evaluating', () => {
  assert.deepEqual(kpmg.validate(answers), []);
  const problems = kpmg.validate({ beperkingen: 'weinig', extra_kamers_in_gebruik: 99, huisdieren: true });
  assert.deepEqual(
    problems.map((p) => [p.code, p.question]),
    [
      ['unknown_question', 'huisdieren'],
      ['missing_answer', 'eigen_mogelijkheden'],
      ['not_an_option', 'beperkingen'],
      ['missing_answer', 'samenstelling_huishouden'],
      ['out_of_range', 'extra_kamers_in_gebruik'],
      ['missing_answer', 'extra_kamers_niet_in_gebruik'],
    ],
  );
  for (const p of problems) {
    const withValue = p.code === 'not_an_option' || p.code === 'out_of_range';
    assert.deepEqual(Object.keys(p), ['code', 'message', 'question', ...(withValue ? ['detail'] : [])]);
  }
  assert.equal(problems.find((p) => p.code === 'out_of_range').detail, '99');
  assert.deepEqual(
    kpmg.validate(null).map((p) => p.code),
    ['invalid_answers'],
  );
});

test('readRecord: the core checks a record and migrates format 1', () => {
  const v1 = { format: 'urenwijzer-omgekeerd-toewijzen/1', package: { id: 'kpmg-2019' }, intake: '2025-04-30', plan: { intake: '2025-04-30' } };
  const { record, migrated_from } = readRecord(JSON.stringify(v1));
  assert.equal(migrated_from, 1);
  assert.deepEqual(
    [record.format, record.decision, record.conversation, record.plan, 'intake' in record],
    ['urenwijzer-omgekeerd-toewijzen/2', null, '2025-04-30', null, false],
  );
  const v2 = { format: 'urenwijzer-omgekeerd-toewijzen/2', package: { id: 'kpmg-2019' }, decision: '2025-04-25' };
  assert.deepEqual(readRecord(v2), { record: v2, migrated_from: null });
  assert.equal(thrown(() => readRecord({ ...v2, dossier: 'ref 111222333' })).code, 'bsn_in_reference');
  const bad = thrown(() => readRecord({ ...v2, postcode: '2031AB' }));
  assert.equal(bad.code, 'invalid_record');
  assert.match(bad.message, /postcode/);
});

test('checkPackage: what urenwijzer check and test report', () => {
  const dir = join(root, 'norms', 'kpmg-2019');
  const doc = readFileSync(join(dir, 'package.json'), 'utf8');
  const names = ['01-basis.json', '23-geen-keuze.json'];
  const cases = Object.fromEntries(names.map((n) => [n, JSON.parse(readFileSync(join(dir, 'cases', n), 'utf8'))]));
  const report = checkPackage(doc, cases);
  assert.equal(report.ok, true);
  assert.equal(report.package.id, 'kpmg-2019');
  assert.deepEqual(
    report.cases.map((c) => [c.name, c.ok]),
    names.map((n) => [n, true]),
  );
  const wrong = { ...cases['01-basis.json'], expect: { total: { minutes_per_week: 1 } } };
  const failed = checkPackage(JSON.parse(doc), [['fout.json', wrong]]);
  assert.equal(failed.ok, false);
  assert.equal(failed.cases[0].problems.length, 1);
  const broken = checkPackage('{"format": "urenwijzer-package/1"}');
  assert.equal(broken.ok, false);
  assert.equal(broken.error.code, 'invalid_package');
});

test('planSteps and engine.plan: the motion steps, byte for byte the CLI', () => {
  const { planSteps } = api;
  const cliPlan = (...args) => execFileSync(cli(), ['plan', ...args, '--format', 'json'], { cwd: root, encoding: 'utf8' }).trimEnd();
  // Decision the day before Koningsdag 2025 (Saturday 26 April): Mon 28, Tue 29, Wed 30.
  const dates = { decision: '2025-04-25', conversation: '2025-04-30', start: '2025-05-02', evaluation: '2025-06-20' };
  const p = planSteps(dates);
  assert.equal(p.conversation_deadline, '2025-04-30');
  assert.deepEqual(
    p.warnings.map((w) => w.code),
    ['start_late', 'evaluation_outside_window'],
  );
  assert.deepEqual(
    p.steps.map((s) => s.who),
    ['gemeente', 'aanbieder en inwoner', 'aanbieder', 'aanbieder en inwoner', 'gemeente'],
  );
  const args = ['--decision', '2025-04-25', '--conversation', '2025-04-30', '--start', '2025-05-02', '--evaluation', '2025-06-20'];
  assert.equal(JSON.stringify(p), cliPlan(...args));
  const engine = new Engine(kpmgBundle);
  assert.equal(JSON.stringify(engine.plan(dates, { municipality: 'almere' })), cliPlan(...args, 'norms/kpmg-2019', '--municipality', 'almere'));
  assert.equal(thrown(() => planSteps({ decision: '2025-04-25', start: '2025-04-28' })).code, 'missing_plan_date');
  assert.equal(thrown(() => planSteps({ decision: '2025-04-25', conversation: '2025-04-24' })).code, 'conversation_before_decision');
  assert.equal(thrown(() => planSteps({ decision: '2997-12-31', conversation: '2998-01-01' })).code, 'date_out_of_range');
  assert.equal(thrown(() => engine.plan(dates, { municipality: 'nergens' })).code, 'unknown_municipality');
});

test('pilotReport and engine.pilot: the same summary.json and report.html as urenwijzer pilot', () => {
  const { pilotReport, checkDossierReference } = api;
  const dir = mkdtempSync(join(tmpdir(), 'urenwijzer-pilot-api-'));
  const record = (i) =>
    JSON.stringify({
      format: 'urenwijzer-omgekeerd-toewijzen/2',
      dossier: `HH-${i}`,
      district: i < 5 ? 'Noord' : 'Zuid',
      provider: { name: 'Thuiszorg A', agb: null },
      package: { id: 'kpmg-2019', fingerprint: new Engine(kpmgBundle).fingerprint },
      decision: '2025-04-25',
      conversation: '2025-04-30',
      start: '2025-05-01',
      evaluation: '2025-06-05',
      initial: {
        date: '2025-04-30',
        answers: {
          eigen_mogelijkheden: false,
          beperkingen: 'geen',
          samenstelling_huishouden: false,
          extra_kamers_in_gebruik: 0,
          extra_kamers_niet_in_gebruik: 0,
        },
        indication: { total: { minutes_per_week: 125 } },
      },
      changes: [],
      final: null,
      complete: false,
    });
  const files = [...Array(6).keys()].map((i) => ({ name: `r${i}.json`, text: record(i) }));
  files.push({
    name: 'format1.json',
    text: JSON.stringify({ format: 'urenwijzer-omgekeerd-toewijzen/1', package: { id: 'kpmg-2019' }, intake: '2025-04-30' }),
  });
  files.push({ name: 'bsn.json', text: JSON.stringify({ format: 'urenwijzer-omgekeerd-toewijzen/2', dossier: '111222333', package: { id: 'kpmg-2019' } }) });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  const paths = files.map((f) => join(dir, f.name));
  execFileSync(cli(), ['pilot', ...paths, '--out', join(dir, 'a')], { cwd: root });
  execFileSync(cli(), ['pilot', ...paths, '--out', join(dir, 'b'), '--package', 'norms/kpmg-2019'], { cwd: root });
  const plain = pilotReport(files);
  assert.equal(plain.summaryJson, readFileSync(join(dir, 'a', 'summary.json'), 'utf8'));
  assert.equal(plain.html, readFileSync(join(dir, 'a', 'report.html'), 'utf8'));
  const withPackage = new Engine(kpmgBundle).pilot(files);
  assert.equal(withPackage.summaryJson, readFileSync(join(dir, 'b', 'summary.json'), 'utf8'));
  // Groups sort by fingerprint: the format-1 record (no fingerprint) comes first.
  assert.equal(withPackage.summary.groups.find((g) => g.package.fingerprint).recomputed.checked, 6);
  assert.deepEqual(
    plain.summary.unreadable.map((u) => u.code),
    ['bsn_in_reference'],
  );
  assert.equal(thrown(() => checkDossierReference('dossier 111222333')).code, 'bsn_in_reference');
  assert.equal(checkDossierReference('HH-2026-0042'), undefined);
});
