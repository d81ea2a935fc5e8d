// The provider's record of one omgekeerd-toewijzen trajectory: building it
// for export, checking it on import, and the answer changes between intake
// and evaluation. Pure functions (no DOM, no engine).

export const RECORD_FORMAT = 'urenwijzer-omgekeerd-toewijzen/1';

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Answers that differ between `before` (intake) and `after` (evaluation),
 * in question order: [{question, before, after}] (undefined = not asked).
 */
export function diffAnswers(before, after, order) {
  const ids = [...order];
  for (const id of [...Object.keys(before), ...Object.keys(after)]) if (!ids.includes(id)) ids.push(id);
  const out = [];
  for (const id of ids) {
    const b = before[id];
    const a = after[id];
    if (b === undefined && a === undefined) continue;
    if (!same(b, a)) out.push({ question: id, before: b ?? null, after: a ?? null });
  }
  return out;
}

/** Only the answers whose ids are in `ids`, in the order of `ids`. */
export function pick(answers, ids) {
  const out = {};
  for (const id of ids) if (answers[id] !== undefined) out[id] = answers[id];
  return out;
}

export function buildRecord(r) {
  return {
    format: RECORD_FORMAT,
    created_with: { name: 'hbh-indicatie', version: r.widgetVersion },
    saved_at: r.savedAt,
    package: {
      id: r.package.id,
      title: r.package.title,
      fingerprint: r.package.fingerprint,
      municipality: r.municipality ?? null,
      version_initial: r.initial?.indication?.package?.version ?? null,
      version_final: r.final?.indication?.package?.version ?? null,
      url: r.package.url ?? null,
    },
    intake: r.intake || null,
    start: r.start || null,
    evaluation: r.evaluation || null,
    plan: r.plan ?? null,
    initial: r.initial ?? null,
    changes: r.changes ?? [],
    final: r.final ?? null,
    complete: Boolean(r.complete),
  };
}

function fail(message) {
  throw new Error(message);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function optDate(v, name) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string' || !DATE.test(v)) fail(`'${name}' moet een datum zijn (JJJJ-MM-DD)`);
  return v;
}

function answersOf(part, name) {
  if (part === null || part === undefined) return null;
  if (typeof part !== 'object' || Array.isArray(part)) fail(`'${name}' moet een object zijn`);
  const a = part.answers;
  if (a === undefined || a === null) return {};
  if (typeof a !== 'object' || Array.isArray(a)) fail(`'${name}.answers' moet een object zijn`);
  return a;
}

/**
 * Checks an exported record (object or JSON text) and returns what the
 * widget needs to restore it. Throws an Error with a Dutch message.
 */
export function parseRecord(input) {
  let r = input;
  if (typeof input === 'string') {
    try {
      r = JSON.parse(input);
    } catch (e) {
      fail(`geen geldige JSON (${e.message})`);
    }
  }
  if (!r || typeof r !== 'object' || Array.isArray(r)) fail('verwacht een JSON-object');
  if (r.format !== RECORD_FORMAT) fail(`onbekend formaat '${r.format ?? ''}' (verwacht ${RECORD_FORMAT})`);
  if (!r.package || typeof r.package.id !== 'string') fail("'package.id' ontbreekt");
  const changes = Array.isArray(r.changes) ? r.changes : [];
  const reasons = {};
  for (const c of changes) {
    if (c && typeof c.question === 'string' && typeof c.reason === 'string' && c.reason.trim()) reasons[c.question] = c.reason;
  }
  return {
    record: r,
    packageId: r.package.id,
    fingerprint: r.package.fingerprint ?? null,
    municipality: typeof r.package.municipality === 'string' ? r.package.municipality : null,
    intake: optDate(r.intake, 'intake'),
    start: optDate(r.start, 'start'),
    evaluation: optDate(r.evaluation, 'evaluation'),
    initialAnswers: answersOf(r.initial, 'initial') ?? {},
    finalAnswers: answersOf(r.final, 'final'),
    reasons,
    initialIndication: r.initial?.indication ?? null,
    finalIndication: r.final?.indication ?? null,
  };
}
