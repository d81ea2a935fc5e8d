// engine.figures / figuresArray (figures only): for every case of every
// package (cases/ and the generated ones), the numbers of engine.evaluate's
// indication, and the same error object when refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import api from './wasm.mjs';
import { collect } from '../conformance/collect.mjs';

const MINUTES = ['minutes_per_week', 'minutes_per_period', 'minutes_per_year', 'display_minutes_per_week'];
const pick = (m) => Object.fromEntries(MINUTES.map((k) => [k, m[k]]));

/** The figures an indication implies (the class checked by presence; its index in rules-core's tests). */
function expected(ind, classIndex) {
  return {
    total: pick(ind.total),
    areas: ind.areas.map(pick),
    cents_per_period: ind.cost?.cents_per_period ?? null,
    cents_per_year: ind.cost?.cents_per_year ?? null,
    contribution_cents_per_year: ind.cost?.contribution?.cents_per_year ?? null,
    class: ind.cost?.class ? classIndex : null,
    warnings: ind.warnings.length,
    transition: ind.transition !== null,
  };
}

test('figures equal the numbers of evaluate for every case of every package, errors included', () => {
  const collected = collect(api.Engine);
  const engines = Object.fromEntries(Object.entries(collected.bundles).map(([k, text]) => [k, new api.Engine(text)]));
  const problems = [];
  let evaluated = 0;
  let refused = 0;
  for (const c of collected.cases) {
    const engine = engines[c.package];
    const options = { date: c.date, municipality: c.municipality };
    let full;
    let figures;
    try {
      full = engine.evaluate(c.answers, { ...options, trace: false });
    } catch (e) {
      full = e;
    }
    try {
      figures = engine.figures(c.answers, options);
    } catch (e) {
      figures = e;
    }
    if (full instanceof Error || figures instanceof Error) {
      refused += 1;
      if (JSON.stringify(full) !== JSON.stringify(figures)) problems.push(`${c.key}: ${JSON.stringify(full)} vs ${JSON.stringify(figures)}`);
      continue;
    }
    evaluated += 1;
    const want = JSON.stringify(expected(full, figures.class));
    if (JSON.stringify(figures) !== want) problems.push(`${c.key}: ${JSON.stringify(figures)} vs ${want}`);
    if (JSON.stringify(api.figuresObject(engine.figuresArray(c.answers, options))) !== want) problems.push(`${c.key}: figuresArray`);
  }
  assert.deepEqual(problems.slice(0, 10), [], `${problems.length} differences`);
  assert.ok(evaluated >= 200 && refused >= 50, `${evaluated} evaluated, ${refused} refused`);
  console.log(`# ${evaluated} evaluated and ${refused} refused cases: figures equal evaluate's numbers`);
});
