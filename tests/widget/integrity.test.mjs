// Pinning the package: a compiled bundle that is damaged (`bundle_hash`), of
// another format (`bundle_version`) or no compiled bundle at all
// (`invalid_bundle`) is refused with the resident's message, and the
// `integrity` attribute (Subresource Integrity, `compiled.integrity` in
// index.json) lets only the exact file through.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, problems, indicationText, cliEval, w, PACKAGES } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const KPMG = path.join(PACKAGES, 'kpmg-2019.uwb');
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

test('a damaged, rewritten or other-format compiled bundle, or a JSON document, is refused with a clear message', async () => {
  const bytes = fs.readFileSync(KPMG);
  // A changed byte in the body: the header's sha256 no longer matches (bundle_hash).
  const damaged = Buffer.from(bytes);
  damaged[damaged.length - 1] ^= 0xff;
  fs.writeFileSync(path.join(PACKAGES, 'damaged-kpmg.uwb'), damaged);
  // Another format version in the header (bytes 4-5, little-endian): bundle_version.
  const future = Buffer.from(bytes);
  future.writeUInt16LE(future.readUInt16LE(4) + 1, 4);
  fs.writeFileSync(path.join(PACKAGES, 'future-kpmg.uwb'), future);
  const cases = [
    ['damaged-kpmg.uwb', 'bundle_hash', /beschadigd aangekomen/],
    ['future-kpmg.uwb', 'bundle_version', /vorm die deze pagina niet kan lezen/],
    // Widget 0.1.0 took the JSON bundle; 0.2.0 takes only the compiled one.
    ['kpmg-2019.json', 'invalid_bundle', /konden niet worden geladen/],
  ];
  for (const [file, want, text] of cases) {
    const page = await open(env, `/plain.html?package=/packages/${file}`);
    const refused = await loadError(page);
    assert.equal(refused.code, want, file);
    assert.match(refused.text, text, file);
    assert.equal(await w(page, 'form, .question').count(), 0);
    await page.context().close();
  }
});

test('integrity: the value urenwijzer bundle prints loads the file; other bytes or a malformed value are refused', async () => {
  const bytes = fs.readFileSync(KPMG);
  // The value index.json lists for the compiled bundle, equal to the file's own hash.
  const index = JSON.parse(fs.readFileSync(path.join(PACKAGES, 'index.json'), 'utf8'));
  const entry = index.packages.find((p) => p.id === 'kpmg-2019');
  const right = sri(bytes);
  assert.equal(entry.compiled.integrity, right);

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
