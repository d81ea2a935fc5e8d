// Record files of the provider flow: the record as JSON (save, open,
// restore) and the summary as an HTML file.

import { h, replace } from '../../shared/dom.js';
import { recordMessage } from '../../shared/messages.js';
import { readRecord } from './engine.js';
import { buildRecord, parseRecord } from './record.js';
import { PLAN_FIELDS } from './steps.js';
import { summaryHtml } from './summary.js';
import { VERSION } from './version.js';

export function record(ctx) {
  const s = ctx.p.state;
  const info = ctx.main.package;
  return buildRecord({
    widgetVersion: VERSION,
    savedAt: new Date().toISOString(),
    package: { id: info.id, title: info.title, fingerprint: ctx.main.fingerprint, url: ctx.mainUrl },
    municipality: ctx.municipality(),
    fields: s.fields,
    decision: s.decision,
    conversation: s.conversation,
    start: s.start,
    evaluation: s.evaluation,
    plan: s.plan,
    initial: s.initial,
    changes: s.changes,
    final: s.final,
    complete: s.complete,
  });
}

/** Reads a record through the rules core (checked; format 1 migrated) into what restore() takes. Throws UrenwijzerError. */
export function readRecordInput(input) {
  return parseRecord(readRecord(typeof input === 'string' ? input : JSON.stringify(input ?? null)));
}

export function restore(ctx, parsed, { noUpdate = false } = {}) {
  const t = ctx.t;
  const p = ctx.p;
  const info = ctx.main.package;
  if (parsed.packageId !== info.id) throw new Error(t('importOtherPackage', { record: parsed.packageId, loaded: info.id }));
  if (parsed.municipality && !ctx.host.getAttribute('municipality') && info.municipalities.some((m) => m.id === parsed.municipality)) {
    ctx.municipalityChoice = parsed.municipality;
  }
  for (const k of PLAN_FIELDS) p.dateInputs[k].value = parsed.dates[k] ?? '';
  p.recordFields.setValues(parsed.fields);
  p.initialForm.setAnswers(parsed.initialAnswers);
  if (parsed.finalAnswers) {
    p.evalForm.setAnswers(parsed.finalAnswers);
    p.evalTouched = true;
  } else {
    p.evalForm.setAnswers(parsed.initialAnswers);
    p.evalTouched = false;
  }
  p.evalForm.setReasons(parsed.reasons);
  if (noUpdate) {
    p.importNote = parsed;
    return;
  }
  ctx.update();
  importReport(ctx, parsed);
}

/** A record that cannot be opened: the message per code (the core's check), in the import box. */
export function importErrorText(ctx, e) {
  const t = ctx.t;
  if (e?.code === 'bsn_in_reference') return t('importError', { detail: recordMessage(e, 'dossier', ctx.lang) });
  // invalid_record: the core names the field; its message is for the provider (a file they saved).
  return t('importError', { detail: e?.message ?? String(e) });
}

/** JSON text with the keys of every object sorted (compares two values regardless of key order). */
function sorted(value) {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

export function importReport(ctx, parsed) {
  const t = ctx.t;
  const p = ctx.p;
  const notes = [h('p', { class: 'alert alert-ok', text: t('imported') })];
  // A format-1 record was migrated by the core: its intake is the conversation, the decision date is not known.
  if (parsed.migratedFrom === 1) notes.push(h('p', { class: 'alert alert-warning', 'data-note': 'migrated', text: t('importMigrated') }));
  if (parsed.fingerprint && parsed.fingerprint !== ctx.main.fingerprint) notes.push(h('p', { class: 'alert alert-warning', text: t('importFingerprint') }));
  // The core reads the record into its own JSON value, which may order keys differently: compare sorted.
  const sameAs = (stored, text) => stored === null || stored === undefined || (text !== null && sorted(stored) === sorted(JSON.parse(text)));
  if (!sameAs(parsed.initialIndication, p.state.initialText) || !sameAs(parsed.finalIndication, p.state.finalText)) {
    notes.push(h('p', { class: 'alert alert-warning', 'data-warning': 'import_differs', text: t('importDiffers') }));
  }
  replace(p.importBox, notes);
}

export async function importFile(ctx) {
  const p = ctx.p;
  const file = p.fileInput.files?.[0];
  p.fileInput.value = '';
  if (!file) return;
  try {
    ctx.host.importRecord(await file.text());
  } catch (e) {
    replace(p.importBox, h('p', { class: 'alert alert-error', role: 'alert', 'data-code': e?.code ?? null, text: importErrorText(ctx, e) }));
  }
}

export function download(ctx) {
  // A refused field (a BSN-like reference) is never written: fix it first.
  if (ctx.p.state.fieldsRefused) {
    replace(ctx.p.importBox, h('p', { class: 'alert alert-error', role: 'alert', text: ctx.t('recordFieldsFix') }));
    ctx.p.recordFields.element.querySelector('[aria-invalid=true]')?.focus();
    return;
  }
  const data = record(ctx);
  const name = `omgekeerd-toewijzen-${data.package.id}-${data.decision ?? data.conversation ?? 'concept'}.json`;
  save(ctx.root, name, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
}

export function downloadSummary(ctx) {
  const s = ctx.p.state;
  save(ctx.root, `samenvatting-${ctx.main.package.id}-${s.decision || s.conversation || 'concept'}.html`, 'text/html', summaryHtml(ctx));
}

function save(container, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  container.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
