// Unit tests of the site's page-free logic (www/src/model.js, format.js,
// messages.js) in Node:  node --test tests/site/
// The pairing of explanation sentences with trace entries is checked on the
// canonical output of every conformance case of every package in norms/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesOf, parseNumber, parseDate, applyInfo, calculation, notCounted, residentTitle, telHref } from '../../www/src/model.js';
import { displayMinutes } from '../../www/shared/display.js';
import { duration, minutesText, euro, dutchDate, longDate, answerText } from '../../www/shared/format.js';
import { fieldMessage, pageMessage, dateMessage } from '../../www/shared/messages.js';
import { perText } from '../../www/src/texts.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.URENWIJZER_CLI ?? path.join(repo, 'target', 'release', 'urenwijzer');

test('entry points: one per municipality, superseded packages left out, names made unique, sorted in Dutch order', () => {
  const index = {
    packages: [
      { id: 'oud', title: 'Oude norm', file: 'oud.json', superseded_by: ['nieuw'], municipalities: [{ id: 'b', name: 'Bergen' }] },
      { id: 'nieuw', title: 'Nieuwe norm', file: 'nieuw.json', superseded_by: [], municipalities: [{ id: 'b', name: 'Bergen' }] },
      {
        id: 'regio',
        title: 'Regionorm',
        file: 'regio.json',
        superseded_by: [],
        municipalities: [
          { id: 'z', name: 'Zeist' },
          { id: 'a', name: "'s-Gravenhage" },
          { id: 'b2', name: 'Bergen' },
        ],
      },
      { id: 'los', title: 'Algemene norm', file: 'los.json', municipalities: [] },
    ],
  };
  const list = entriesOf(index);
  assert.deepEqual(
    list.map((e) => e.label),
    ["'s-Gravenhage", 'Algemene norm', 'Bergen (Nieuwe norm)', 'Bergen (Regionorm)', 'Zeist'],
  );
  assert.ok(!list.some((e) => e.pkg.id === 'oud'));
  assert.equal(list.find((e) => e.pkg.id === 'los').municipality, null);
  assert.deepEqual(
    list.map((e) => e.index),
    [0, 1, 2, 3, 4],
  );
  assert.equal(new Set(list.map((e) => e.key)).size, list.length);
  assert.deepEqual(entriesOf({}), []);
});

test('typed numbers: whole numbers become numbers, anything else stays text for the engine to refuse', () => {
  assert.equal(parseNumber(''), undefined);
  assert.equal(parseNumber('   '), undefined);
  assert.equal(parseNumber(' 3 '), 3);
  assert.equal(parseNumber('0'), 0);
  assert.equal(parseNumber('-2'), -2);
  assert.equal(parseNumber('2,5'), '2,5');
  assert.equal(parseNumber('twee'), 'twee');
  assert.equal(parseNumber('1e3'), '1e3');
  assert.equal(parseNumber('12345678901'), '12345678901');
});

test('dates: day, month and year become YYYY-MM-DD; incomplete dates stay invalid', () => {
  assert.equal(parseDate({}), undefined);
  assert.equal(parseDate({ day: '14', month: '3', year: '2019' }), '2019-03-14');
  assert.equal(parseDate({ day: '1', month: '12', year: '2020' }), '2020-12-01');
  assert.equal(parseDate({ day: '31', month: '2', year: '2021' }), '2021-02-31'); // the engine says invalid_date
  assert.match(parseDate({ day: '14', month: '', year: '2019' }), /\?/);
  assert.match(parseDate({ day: 'a', month: '3', year: '19' }), /^19-3-a$/);
});

// The texts themselves (overlay first, linked package first, https and phone digits only) are made by
// the core at bundle time (rules-core/src/resident_texts.rs, tested there); the site only looks them up.
const RESIDENT = {
  packages: {
    nieuw: {
      title: 'Officieel normenkader',
      resident_title: 'Nieuwe regels',
      municipalities: 1,
      not_counted: { 1: [{ id: 'x', title: 'X', text: 'X is niet meegeteld.', reason: 'niet openbaar' }] },
    },
    oud: { title: 'Oud', resident_title: null, municipalities: 2, not_counted: { 7: [] } },
  },
  apply: {
    a: {
      nieuw: { how: 'Kom langs op het stadhuis.', url: 'https://a.example/wmo', contact: null },
      oud: { how: 'Oude route.', url: null, contact: { phone: '14 015', url: null, opening_hours: null, client_support: null } },
    },
  },
};

test("how to apply: the core's choice for the municipality and the package the indication names", () => {
  assert.deepEqual(applyInfo(RESIDENT, 'nieuw', 'a', 'nieuw'), RESIDENT.apply.a.nieuw);
  assert.deepEqual(applyInfo(RESIDENT, 'nieuw', 'a', 'oud'), RESIDENT.apply.a.oud);
  assert.deepEqual(applyInfo(RESIDENT, 'nieuw', 'a', 'onbekend'), RESIDENT.apply.a.nieuw);
  assert.deepEqual(applyInfo(RESIDENT, 'nieuw', null, 'nieuw'), { how: null, url: null, contact: null });
  assert.deepEqual(applyInfo(undefined, 'nieuw', 'a', 'nieuw'), { how: null, url: null, contact: null });
  assert.equal(telHref('14 015'), 'tel:14015');
  assert.equal(telHref('+31 15 260 2222'), 'tel:+31152602222');
});

test("what is not counted and the title residents read: the core's texts of the package and version used", () => {
  const ind = { package: { id: 'nieuw', version: '1' } };
  assert.deepEqual(
    notCounted(RESIDENT, 'nieuw', ind).map((n) => n.text),
    ['X is niet meegeteld.'],
  );
  assert.deepEqual(notCounted(RESIDENT, 'nieuw', { package: { id: 'nieuw', version: '9' } }), []);
  assert.equal(residentTitle(RESIDENT, 'nieuw', ind, 'A'), 'Nieuwe regels');
  // A package of several municipalities: the municipality's rules; no resident title: the municipality or the title.
  const old = { package: { id: 'oud', version: '7' } };
  assert.equal(residentTitle(RESIDENT, 'nieuw', old, 'B'), 'Regels van de gemeente B');
  assert.equal(residentTitle(RESIDENT, 'nieuw', { package: { id: 'nieuw' } }, null), 'Nieuwe regels');
  assert.equal(residentTitle({ packages: { oud: { title: 'Oud', municipalities: 1 } } }, 'oud', old, null), 'Oud');
});

test('the resident figure is the one the core computed', () => {
  assert.equal(displayMinutes({ minutes_per_week: 281, display_minutes_per_week: 285 }), 285);
});

test('durations, money and dates in plain Dutch', () => {
  assert.equal(duration(0), '0 minuten');
  assert.equal(duration(1), '1 minuut');
  assert.equal(duration(45), '45 minuten');
  assert.equal(duration(60), '1 uur');
  assert.equal(duration(61), '1 uur en 1 minuut');
  assert.equal(duration(235), '3 uur en 55 minuten');
  assert.equal(duration(-30), 'min 30 minuten');
  assert.equal(minutesText(1), '1 minuut');
  assert.equal(minutesText(937), '937 minuten');
  assert.match(euro(1900), /^€\s?19,00$/);
  assert.equal(dutchDate('2026-11-25'), '25 november 2026');
  assert.equal(dutchDate('2021-01-01'), '1 januari 2021');
  assert.equal(dutchDate('gisteren'), 'gisteren');
  assert.equal(perText('month'), 'per maand');
  assert.equal(perText('period'), 'per 4 weken');
});

test('engine error codes become Dutch messages at the field, never the engine text with question ids', () => {
  const number = { id: 'kamers', type: 'number', min: 0, max: 20 };
  const yesNo = { id: 'hulp', type: 'yes_no' };
  const choice = { id: 'keuze', type: 'choice' };
  const date = { id: 'start', type: 'date' };
  assert.equal(fieldMessage({ code: 'out_of_range' }, number), 'Vul een getal in van 0 tot en met 20.');
  assert.match(fieldMessage({ code: 'wrong_type' }, number), /heel getal/);
  assert.match(fieldMessage({ code: 'missing_answer' }, number), /Vul een aantal in/);
  assert.equal(fieldMessage({ code: 'missing_answer' }, yesNo), 'Kies Ja of Nee.');
  assert.equal(fieldMessage({ code: 'missing_answer' }, choice), 'Kies een antwoord.');
  assert.match(fieldMessage({ code: 'missing_answer' }, date), /datum/);
  assert.match(fieldMessage({ code: 'invalid_date' }, date), /bestaat niet/);
  assert.equal(fieldMessage({ code: 'not_an_option' }, choice), 'Kies een van de antwoorden.');
  for (const code of ['missing_answer', 'out_of_range', 'wrong_type', 'not_an_option', 'invalid_date', 'not_asked', 'unknown_question', 'iets_nieuws']) {
    for (const q of [number, yesNo, choice, date]) {
      const text = fieldMessage({ code, message: `vraag '${q.id}' ...`, question: q.id }, q);
      assert.ok(text && !text.includes(q.id), `${code}/${q.type}: ${text}`);
    }
  }
  for (const code of ['no_version_for_date', 'unknown_municipality', 'internal', 'invalid_package', undefined]) {
    assert.ok(pageMessage({ code }).length > 10);
  }
});

test('the shared messages speak English too, and never name a question id', () => {
  const number = { id: 'kamers', type: 'number', min: 0, max: 10 };
  assert.equal(fieldMessage({ code: 'out_of_range' }, number, 'en'), 'Enter a number from 0 up to and including 10.');
  assert.equal(fieldMessage({ code: 'out_of_range' }, number, 'xx'), 'Vul een getal in van 0 tot en met 10.');
  for (const lang of ['nl', 'en']) {
    for (const code of ['missing_answer', 'out_of_range', 'wrong_type', 'not_an_option', 'invalid_date', 'not_asked', 'iets_nieuws']) {
      const text = fieldMessage({ code, message: `vraag 'kamers'`, question: 'kamers' }, number, lang);
      assert.ok(text && !text.includes('kamers'), `${lang}/${code}: ${text}`);
    }
    for (const code of [
      'invalid_date',
      'conversation_before_decision',
      'start_before_conversation',
      'evaluation_before_start',
      'no_procedure_for_date',
      'iets_nieuws',
    ]) {
      assert.ok(dateMessage({ code }, lang).length > 10);
    }
    assert.ok(pageMessage({ code: 'internal' }, lang).length > 10);
  }
  assert.equal(dateMessage({ code: 'start_before_conversation' }), 'De start ligt vóór het gesprek. Kies een latere startdatum.');
});

test('answers and dates as people read them (site and widget)', () => {
  assert.equal(answerText({ type: 'yes_no' }, true), 'Ja');
  assert.equal(answerText({ type: 'yes_no' }, false, { lang: 'en' }), 'No');
  assert.equal(answerText({ type: 'choice', options: [{ id: 'a', label: 'Alleen' }] }, 'a'), 'Alleen');
  assert.equal(answerText({ type: 'date' }, '2026-11-25'), '25 november 2026');
  assert.equal(answerText({ type: 'date' }, '2026-11-25', { date: longDate }), 'woensdag 25 november 2026');
  assert.equal(answerText({ type: 'number' }, undefined, { empty: 'Niet ingevuld' }), 'Niet ingevuld');
  assert.equal(duration(125, 'en'), '2 hours and 5 minutes');
});

function rulesById(doc, out = new Map()) {
  for (const v of doc.versions ?? []) {
    for (const a of v.areas ?? []) for (const r of a.rules ?? []) out.set(`${doc.id}/${v.version}/${a.id}/${r.id}`, r);
  }
  for (const l of Object.values(doc.linked ?? {})) rulesById(l, out);
  return out;
}

test('calculation() pairs by step and area, not by order, and refuses a sentence that points nowhere', () => {
  const trace = [
    { kind: 'base', area: 'a', sources: [] },
    { kind: 'base', area: 'b', sources: [] },
  ];
  const areas = [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
  ];
  const explanation = [
    { kind: 'step', step: 1, area: 'b', text: 'B1' },
    { kind: 'area', step: null, area: 'b', text: 'Uitkomst B' },
    { kind: 'step', step: 0, area: 'a', text: 'A1' },
    { kind: 'area', step: null, area: 'a', text: 'Uitkomst A' },
    { kind: 'note', step: null, area: null, text: 'Slot' },
  ];
  const calc = calculation({ contract: 2, trace, areas, explanation, transition: null });
  assert.deepEqual(
    calc.areas.map((a) => [a.area.id, a.items.map((i) => [i.sentence, i.item]), a.outcome]),
    [
      ['a', [['A1', trace[0]]], 'Uitkomst A'],
      ['b', [['B1', trace[1]]], 'Uitkomst B'],
    ],
  );
  assert.deepEqual(calc.closing, ['Slot']);
  assert.equal(calculation({ trace, areas, explanation: [{ kind: 'step', step: 5, area: 'a', text: 'x' }] }), null);
  assert.equal(calculation({ trace, areas, explanation: [{ kind: 'area', step: null, area: 'zz', text: 'x' }] }), null);
});

test('"Hoe is dit berekend?": each trace step gets its own sentence, for every conformance case of every package', {
  skip: !fs.existsSync(cli) && `no CLI at ${cli}`,
}, () => {
  const dirs = fs
    .readdirSync(path.join(repo, 'norms'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(repo, 'norms', d.name, 'package.json')))
    .map((d) => path.join(repo, 'norms', d.name));
  assert.ok(dirs.length > 0);
  let checked = 0;
  for (const dir of dirs) {
    const r = spawnSync(cli, ['conformance', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr);
    const bundle = spawnSync(cli, ['bundle', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(bundle.status, 0, bundle.stderr);
    const rules = rulesById(JSON.parse(bundle.stdout));
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      const { case: name, output } = JSON.parse(line);
      if (typeof output !== 'string') continue;
      const ind = JSON.parse(output);
      if (!ind.total) continue; // an error case
      const calc = calculation(ind);
      assert.ok(calc, `${path.basename(dir)}/${name}: explanation and trace do not line up`);
      if (ind.transition) assert.match(calc.transition.sentence, /^U krijgt al hulp sinds/);
      assert.equal(
        calc.areas.reduce((n, a) => n + a.items.length, 0) + (ind.transition ? 1 : 0) + (calc.class ? 1 : 0),
        ind.trace.length,
        `${path.basename(dir)}/${name}: every trace step has one sentence`,
      );
      for (const { area, items, outcome } of calc.areas) {
        assert.match(outcome, /^Uitkomst voor /, `${name}: ${outcome}`);
        for (const { sentence, item } of items) {
          assert.equal(item.area, area.id);
          const rule = rules.get(`${ind.package.id}/${ind.package.version}/${area.id}/${item.rule}`);
          if (rule) {
            const lead = rule.explanation ?? `${rule.label}.`;
            assert.ok(sentence.startsWith(lead), `${path.basename(dir)}/${name} ${item.rule}: "${sentence}" does not start with "${lead}"`);
          } else {
            // floor and maximum steps have no rule of their own
            assert.match(sentence, /^(De tijd voor|Voor )/, `${name} ${item.kind}: ${sentence}`);
          }
        }
      }
      assert.match(calc.closing.at(-1), /gemeente beslist/);
      checked += 1;
    }
  }
  assert.ok(checked > 0);
});
