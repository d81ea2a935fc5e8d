// Record files of the provider flow: the record as JSON (save, open,
// restore) and the summary as an HTML file.

import { h, replace } from '../../shared/dom.js';
import { buildRecord } from './record.js';
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
    intake: s.intake,
    start: s.start,
    evaluation: s.evaluation,
    plan: s.plan,
    initial: s.initial,
    changes: s.changes,
    final: s.final,
    complete: s.complete,
  });
}

export function restore(ctx, parsed, { noUpdate = false } = {}) {
  const t = ctx.t;
  const p = ctx.p;
  const info = ctx.main.package;
  if (parsed.packageId !== info.id) throw new Error(t('importOtherPackage', { record: parsed.packageId, loaded: info.id }));
  if (parsed.municipality && !ctx.host.getAttribute('municipality') && info.municipalities.some((m) => m.id === parsed.municipality)) {
    ctx.municipalityChoice = parsed.municipality;
  }
  p.dateInputs.intake.value = parsed.intake ?? '';
  p.dateInputs.start.value = parsed.start ?? '';
  p.dateInputs.evaluation.value = parsed.evaluation ?? '';
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

export function importReport(ctx, parsed) {
  const t = ctx.t;
  const p = ctx.p;
  const notes = [h('p', { class: 'alert alert-ok', text: t('imported') })];
  if (parsed.fingerprint && parsed.fingerprint !== ctx.main.fingerprint) notes.push(h('p', { class: 'alert alert-warning', text: t('importFingerprint') }));
  const sameAs = (stored, text) => stored === null || stored === undefined || (text !== null && JSON.stringify(stored) === text);
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
    replace(p.importBox, h('p', { class: 'alert alert-error', text: ctx.t('importError', { detail: e.message }) }));
  }
}

export function download(ctx) {
  const data = record(ctx);
  const name = `omgekeerd-toewijzen-${data.package.id}-${data.intake ?? 'concept'}.json`;
  save(ctx.root, name, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
}

export function downloadSummary(ctx) {
  const s = ctx.p.state;
  save(ctx.root, `samenvatting-${ctx.main.package.id}-${s.intake || 'concept'}.html`, 'text/html', summaryHtml(ctx));
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
