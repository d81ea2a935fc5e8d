// The widget's form state is the rules core's: for a sample of answers
// (partial, with answers to questions that are not asked, invalid, complete,
// after a transition rule) `element.formState` equals `urenwijzer state`
// byte for byte, and the form shows exactly the questions it asks.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cliState, open, problems, setup } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const DATE = '2026-11-02';
const FULL = {
  heeft_indicatie: false,
  volwassen_huisgenoot: true,
  huisgenoot_kan_huishouden_doen: false,
  kinderen_onder_5: 0,
  kinderen_5_tot_12: 1,
  kinderen_13_tot_17: 1,
  slaapkamers_in_gebruik: 3,
  kan_zelf_strijken: false,
};
const SAMPLES = [
  ['empty', {}],
  ['partial', { heeft_indicatie: false, volwassen_huisgenoot: true }],
  ['answer to a question not asked', { ...FULL, volwassen_huisgenoot: false }],
  ['out of range', { ...FULL, slaapkamers_in_gebruik: 99 }],
  ['complete', FULL],
  ['transition', { ...FULL, heeft_indicatie: true, indicatie_startdatum: '2018-05-01', hulp_sinds: '2018-05-01' }],
];

test('element.formState equals urenwijzer state for a sample of answers', async () => {
  const page = await open(env, `/plain.html?mode=consultant&package=/packages/haarlem-2021.uwb&municipality=haarlem&date=${DATE}`);
  for (const [name, answers] of SAMPLES) {
    await page.evaluate((x) => document.getElementById('w').setAnswers(x), answers);
    const got = await page.evaluate(() => JSON.stringify(document.getElementById('w').formState));
    const want = cliState('haarlem-2021', answers, { date: DATE, municipality: 'haarlem' });
    assert.equal(got, JSON.stringify(JSON.parse(want)), name);
    const shown = await page.evaluate(() =>
      [...document.getElementById('w').shadowRoot.querySelectorAll('[data-question]')]
        .filter((e) => !e.closest('[hidden]') && !e.hidden)
        .map((e) => e.getAttribute('data-question')),
    );
    assert.deepEqual(new Set(shown), new Set(JSON.parse(want).asked.map((q) => q.id)), `${name}: questions shown`);
  }
  assert.deepEqual(await problems(page), []);
  await page.context().close();
});
