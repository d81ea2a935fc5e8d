// The provider's record of one omgekeerd-toewijzen trajectory: building it
// for export (format 2, docs/widget.md) and taking what the widget needs
// from a record the rules core has read (`readRecord`: checked, format 1
// migrated), and the answer changes between the conversation and the
// evaluation. Pure functions (no DOM, no engine).

export const RECORD_FORMAT = 'urenwijzer-omgekeerd-toewijzen/2';

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
  const f = r.fields ?? {};
  return {
    format: RECORD_FORMAT,
    created_with: { name: 'hbh-indicatie', version: r.widgetVersion },
    saved_at: r.savedAt,
    dossier: f.dossier || null,
    provider: f.providerName || f.providerAgb ? { name: f.providerName || null, agb: f.providerAgb || null } : null,
    district: f.district || null,
    postcode: f.postcode || null,
    package: {
      id: r.package.id,
      title: r.package.title,
      fingerprint: r.package.fingerprint,
      municipality: r.municipality ?? null,
      version_initial: r.initial?.indication?.package?.version ?? null,
      version_final: r.final?.indication?.package?.version ?? null,
      url: r.package.url ?? null,
    },
    decision: r.decision || null,
    conversation: r.conversation || null,
    start: r.start || null,
    evaluation: r.evaluation || null,
    plan: r.plan ?? null,
    initial: r.initial ?? null,
    changes: r.changes ?? [],
    final: r.final ?? null,
    complete: Boolean(r.complete),
  };
}

const text = (v) => (typeof v === 'string' ? v : '');

/**
 * What the widget restores from a record the rules core has read
 * (`readRecord(input)`: `{record, migrated_from}`; the core refused a bad
 * field or a BSN-like reference already).
 */
export function parseRecord({ record: r, migrated_from: migratedFrom }) {
  const changes = Array.isArray(r.changes) ? r.changes : [];
  const reasons = {};
  for (const c of changes) {
    if (c && typeof c.question === 'string' && typeof c.reason === 'string' && c.reason.trim()) reasons[c.question] = c.reason;
  }
  const answers = (part) => (part && typeof part.answers === 'object' && part.answers !== null ? part.answers : null);
  return {
    record: r,
    migratedFrom: migratedFrom ?? null,
    packageId: r.package.id,
    fingerprint: r.package.fingerprint ?? null,
    municipality: typeof r.package.municipality === 'string' ? r.package.municipality : null,
    dates: { decision: text(r.decision), conversation: text(r.conversation), start: text(r.start), evaluation: text(r.evaluation) },
    fields: {
      dossier: text(r.dossier),
      providerName: text(r.provider?.name),
      providerAgb: text(r.provider?.agb),
      district: text(r.district),
      postcode: text(r.postcode),
    },
    initialAnswers: answers(r.initial) ?? {},
    finalAnswers: r.final ? (answers(r.final) ?? {}) : null,
    reasons,
    initialIndication: r.initial?.indication ?? null,
    finalIndication: r.final?.indication ?? null,
  };
}
