// Pinning the package: a bundle whose fingerprint was deleted (so that
// edited content would pass as a plain package) is refused, and the
// `integrity` attribute (Subresource Integrity, the `sha384-…` value that
// `urenwijzer bundle` prints) lets only the exact file through.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, problems, indicationText, cliEval, w, CLI, PACKAGES, repo } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const KPMG = path.join(PACKAGES, 'kpmg-2019.json');
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const ANSWERS = {
  eigen_mogelijkheden: false,
  beperkingen: 'enig',
  samenstelling_huishouden: false,
  extra_kamers_in_gebruik: 1,
  extra_kamers_niet_in_gebruik: 0,
};

async function loadError(page) {
  await w(page, '.alert-error').waitFor();
  return {
    text: await w(page, '.alert-error').innerText(),
    code: await page.evaluate(() => document.getElementById('w').error?.code ?? null),
    message: await page.evaluate(() => document.getElementById('w').error?.message ?? null),
  };
}

test('a tampered bundle with its fingerprint deleted is refused (missing_fingerprint)', async () => {
  const doc = JSON.parse(fs.readFileSync(KPMG, 'utf8'));
  delete doc.fingerprint;
  doc.versions[0].values.basis_volledige_overname.amount *= 10;
  fs.writeFileSync(path.join(PACKAGES, 'tampered-kpmg.json'), JSON.stringify(doc));
  const page = await open(env, '/plain.html?package=/packages/tampered-kpmg.json');
  const { text, code, message } = await loadError(page);
  assert.equal(code, 'missing_fingerprint');
  assert.match(text, /kon niet worden geladen/);
  assert.match(message, /geen vingerafdruk/);
  assert.equal(await w(page, 'form, .question').count(), 0);
  await page.context().close();
});

test('integrity: the value urenwijzer bundle prints loads the file; other bytes or a malformed value are refused', async () => {
  const bytes = fs.readFileSync(KPMG);
  // The value the CLI prints for this bundle (stderr), equal to the file's own hash.
  const printed = execFileSync(CLI, ['bundle', 'norms/kpmg-2019'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(printed, bytes.toString('utf8'));
  const stderr = execFileSync('sh', ['-c', `"${CLI}" bundle norms/kpmg-2019 2>&1 >/dev/null`], { cwd: repo, encoding: 'utf8' });
  const right = sri(bytes);
  assert.ok(stderr.includes(`integrity ${right}`), stderr);

  const good = await open(env, `/plain.html?integrity=${encodeURIComponent(right)}`);
  assert.equal(await good.evaluate(() => document.getElementById('w').error), null);
  await good.evaluate((a) => document.getElementById('w').setAnswers(a), ANSWERS);
  assert.equal(await indicationText(good), cliEval('kpmg-2019', ANSWERS, { date: '2026-11-02', municipality: 'almere' }));
  assert.deepEqual(await problems(good), []);
  await good.context().close();

  const wrong = sri(Buffer.concat([bytes, Buffer.from(' ')]));
  const bad = await open(env, `/plain.html?integrity=${encodeURIComponent(wrong)}`);
  const refused = await loadError(bad);
  assert.match(refused.text, /geweigerd: de inhoud is niet het bestand/);
  await bad.context().close();

  const malformed = await open(env, `/plain.html?integrity=${encodeURIComponent('sha384-niet geldig!')}`);
  assert.match((await loadError(malformed)).text, /integrity-attribuut is geen geldige/);
  await malformed.context().close();
});
