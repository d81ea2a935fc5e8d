// The widget's indication is byte for byte the CLI's `urenwijzer eval
// --format json` for the same answers (JSON.stringify of the indication),
// in every package, with overlays and transition rules; answers entered
// through the form map to the same JSON as answers set by script.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, problems, indicationText, cliEval, answerAll, w } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const H4 = {
  huishouden_grootte: 3,
  aantal_kinderen: 1,
  hulp_bij_kinderen: true,
  eigen_mogelijkheden: false,
  beperkingen: 'enig',
  extra_kamers_in_gebruik: 2,
  extra_was: 'extra',
  wasservice: false,
  boodschappen_maaltijden: 'boodschappen_en_maaltijden',
  regie: 'deels',
};
const CASES = [
  [
    'kpmg-2019',
    'almere',
    '2026-11-02',
    { eigen_mogelijkheden: true, beperkingen: 'veel', samenstelling_huishouden: true, extra_kamers_in_gebruik: 3, extra_kamers_niet_in_gebruik: 2 },
  ],
  [
    'kpmg-2019',
    null,
    '2021-01-01',
    { eigen_mogelijkheden: false, beperkingen: 'geen', samenstelling_huishouden: false, extra_kamers_in_gebruik: 0, extra_kamers_niet_in_gebruik: 0 },
  ],
  ['h4', 'delft', '2026-11-02', H4],
  ['h4', 'westland', '2023-06-01', { ...H4, aantal_kinderen: 0, hulp_bij_kinderen: undefined, regie: 'volledig' }],
  ['h4', 'midden-delfland', '2020-03-01', { ...H4, wasservice: true }],
  ['h4', null, '2026-11-02', H4],
  // haarlem-2021: a client whose indication started before 2021 keeps the old CIZ norm (transition).
  [
    'haarlem-2021',
    'haarlem',
    '2026-11-02',
    {
      heeft_indicatie: true,
      indicatie_startdatum: '2019-03-01',
      hulp_sinds: '2019-03-01',
      volwassen_huisgenoot: true,
      huisgenoot_kan_huishouden_doen: false,
      kinderen_onder_5: 1,
      kinderen_5_tot_12: 1,
      kinderen_13_tot_17: 1,
      slaapkamers_in_gebruik: 3,
      kan_zelf_strijken: false,
    },
  ],
  [
    'haarlem-2021',
    'haarlem',
    '2026-11-02',
    {
      heeft_indicatie: false,
      volwassen_huisgenoot: false,
      kinderen_onder_5: 0,
      kinderen_5_tot_12: 2,
      kinderen_13_tot_17: 0,
      slaapkamers_in_gebruik: 2,
      kan_zelf_strijken: true,
    },
  ],
  [
    'haarlem-ciz',
    'haarlem',
    '2026-11-02',
    { volwassen_huisgenoot: false, kinderen_onder_5: 0, kinderen_5_tot_12: 0, kinderen_13_tot_17: 0, slaapkamers_in_gebruik: 3, kan_zelf_strijken: false },
  ],
];

const clean = (a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));

test('setAnswers: JSON.stringify(indication) equals `urenwijzer eval --format json`', async () => {
  for (const [pkg, municipality, date, raw] of CASES) {
    const answers = clean(raw);
    const q = new URLSearchParams({ mode: 'consultant', package: `/packages/${pkg}.uwb`, date });
    q.set('municipality', municipality ?? '');
    const page = await open(env, `/plain.html?${q}`);
    await page.evaluate((a) => document.getElementById('w').setAnswers(a), answers);
    const widget = await indicationText(page);
    const cli = cliEval(pkg, answers, { date, municipality });
    assert.equal(widget, cli, `${pkg} ${municipality} ${date}`);
    // The event carried the same text.
    assert.equal(await page.evaluate(() => JSON.stringify(window.__events.at(-1))), cli);
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  }
});

test('answers typed and clicked in the form give the same indication as the CLI (citizen mode)', async () => {
  const answers = { ...H4 };
  const page = await open(env, '/plain.html?package=/packages/h4.uwb&municipality=rijswijk&date=2026-11-02');
  await answerAll(page, '', answers);
  assert.equal(await indicationText(page), cliEval('h4', answers, { date: '2026-11-02', municipality: 'rijswijk' }));
  // Fewer children: the conditional question disappears and its answer is no longer sent.
  await answerAll(page, '', { aantal_kinderen: 0 });
  assert.equal(await w(page, '[data-question=hulp_bij_kinderen]').isVisible(), false);
  const { hulp_bij_kinderen, ...rest } = { ...answers, aantal_kinderen: 0 };
  assert.equal(hulp_bij_kinderen, true);
  assert.equal(await indicationText(page), cliEval('h4', rest, { date: '2026-11-02', municipality: 'rijswijk' }));
  // An answer out of range: message at the question, no indication.
  await answerAll(page, '', { extra_kamers_in_gebruik: 11 });
  await w(page, '[data-question=extra_kamers_in_gebruik] .field-error').waitFor();
  // The shared resident message for the code (www/shared/messages.js), never the core's text with the question id.
  const message = await w(page, '[data-question=extra_kamers_in_gebruik] .field-error').textContent();
  assert.equal(message, 'Vul een getal in van 0 tot en met 10.');
  assert.doesNotMatch(message, /extra_kamers_in_gebruik/);
  assert.equal(await w(page, '[data-question=extra_kamers_in_gebruik] input').getAttribute('aria-invalid'), 'true');
  assert.equal(await indicationText(page), 'null');
  assert.equal(await page.evaluate(() => window.__events.at(-1)), null);
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});
