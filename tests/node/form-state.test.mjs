// One form state for every front end: for every case of every package in
// norms/, `urenwijzer state` (native) prints the same bytes as the browser
// build's `engine.stateToJson` (what the site and the widget call). The
// generated cases are compared through `urenwijzer conformance --state` in
// tests/node/conformance.test.mjs and tests/browser/conformance.test.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, packageDirs, root } from '../conformance/collect.mjs';
import api from './wasm.mjs';

const run = (args) => execFileSync(cli(), args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });

test('urenwijzer state = engine.state for every case of every package', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'uw-state-'));
  let compared = 0;
  let pruned = 0;
  try {
    for (const dir of packageDirs()) {
      const engine = new api.Engine(run(['bundle', dir]));
      let files = [];
      try {
        files = readdirSync(join(root, dir, 'cases')).filter((f) => f.endsWith('.json'));
      } catch {
        continue;
      }
      for (const name of files.sort()) {
        const c = JSON.parse(readFileSync(join(root, dir, 'cases', name), 'utf8'));
        const answersFile = join(scratch, 'answers.json');
        writeFileSync(answersFile, JSON.stringify(c.answers));
        const args = ['state', dir, answersFile, '--date', c.date, ...(c.municipality ? ['--municipality', c.municipality] : [])];
        const native = run(args).trimEnd();
        let browser;
        try {
          browser = engine.stateToJson(c.answers, { date: c.date, municipality: c.municipality ?? undefined });
        } catch (e) {
          browser = JSON.stringify(e);
        }
        assert.equal(browser, native, `${dir}/${name}`);
        const state = JSON.parse(native);
        if (state.answers && c.answers && typeof c.answers === 'object' && Object.keys(state.answers).length < Object.keys(c.answers).length) pruned++;
        // A refused case (expect_error) is never complete; a computed one always is.
        if (c.expect && !c.expect_error) assert.equal(state.complete, true, `${dir}/${name}: ${JSON.stringify(state.problems)}`);
        compared++;
      }
      engine.free();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  assert.ok(compared >= 20, `only ${compared} cases`);
  assert.ok(pruned >= 1, 'no case had an answer to drop');
  console.log(`# ${compared} cases: identical form state (${pruned} with answers dropped)`);
});
