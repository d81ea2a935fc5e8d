// The checking page's two reports for policy staff, next to the package check:
//
// - the pilot report of omgekeerd toewijzen: the providers' record files in,
//   the summary.json and report.html of `urenwijzer pilot` out;
// - the caseload impact report: an old and a new norm (or one on two dates)
//   and a caseload CSV in, the report.html, summary.json and households.csv
//   of `urenwijzer impact` out.
//
// Both run in the page's worker through the core compiled to WebAssembly
// (pilotReport, impactReport): the same bytes as the CLI, nothing computed
// here, nothing sent anywhere. The files are offered as downloads.

import { h, replace } from './dom.js';
import { call } from './check-call.js';

const NOT_LOADED = 'Het verslag kon niet worden gemaakt: de rekenmodule is niet geladen. Probeer het later nog eens.';

/** Sets up both sections; `ready` resolves when the worker's engine is loaded. */
export function setupReports(ready) {
  setupPilot(ready);
  setupImpact(ready);
}

// ------------------------------------------------------------ shared

/** A download link for a file made here (a blob URL: nothing is fetched). */
function download(name, type, text, label) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  return h('li', { class: 'utrecht-unordered-list__item' }, h('a', { class: 'utrecht-link', href: url, download: name, 'data-download': name }, label));
}

function downloads(list) {
  return h('ul', { class: 'utrecht-unordered-list uw-downloads' }, list);
}

/** Dropping files on `zone` hands them to `take`; the page's package drop zone does not see them. */
function dropTarget(zone, take) {
  let depth = 0;
  const carries = (ev) => [...(ev.dataTransfer?.types ?? [])].includes('Files');
  zone.addEventListener('dragenter', (ev) => {
    if (!carries(ev)) return;
    ev.preventDefault();
    ev.stopPropagation();
    depth += 1;
    zone.classList.add('uw-dropzone--active');
  });
  zone.addEventListener('dragover', (ev) => {
    if (!carries(ev)) return;
    ev.preventDefault();
    ev.stopPropagation();
    ev.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', (ev) => {
    ev.stopPropagation();
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('uw-dropzone--active');
  });
  zone.addEventListener('drop', (ev) => {
    if (!carries(ev)) return;
    ev.preventDefault();
    ev.stopPropagation();
    depth = 0;
    zone.classList.remove('uw-dropzone--active');
    take(ev);
  });
}

/** The dropped files with their paths; folders are read through (webkitGetAsEntry). */
export async function droppedFiles(dt) {
  const entries = [...(dt.items ?? [])]
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.())
    .filter(Boolean);
  if (entries.length === 0) return [...dt.files].map((file) => ({ file, path: file.name }));
  const list = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      list.push({ file, path: entry.fullPath.replace(/^\/+/, '') || file.name });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) await walk(e);
  return list;
}

const fromInput = (input) => [...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));

async function readAll(list) {
  const out = [];
  for (const { file, path } of list) out.push({ path, bytes: new Uint8Array(await file.arrayBuffer()) });
  return out;
}

const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

// ------------------------------------------------------------ pilot

function setupPilot(ready) {
  const zone = document.getElementById('proef');
  const input = document.getElementById('dossiers');
  const reasons = document.getElementById('redenen');
  const status = document.getElementById('proef-status');
  const out = document.getElementById('proef-uitkomst');
  if (!zone || !input) return;
  let records = [];
  let busy = Promise.resolve();

  const make = () => {
    busy = busy.then(async () => {
      if (records.length === 0) return;
      out.setAttribute('aria-busy', 'true');
      status.textContent = `Bezig met ${records.length} dossiers…`;
      try {
        await ready;
        const result = await call('pilot', records, { reasons: reasons.checked });
        showPilot(out, status, result, records.length);
      } catch (e) {
        console.warn(e);
        replace(out);
        status.textContent = e?.code === 'internal' || !e?.code ? NOT_LOADED : `Het verslag kon niet worden gemaakt: ${e.message}`;
      } finally {
        out.setAttribute('aria-busy', 'false');
      }
    });
    return busy;
  };
  const take = async (list) => {
    const json = (await list).filter(({ path }) => /\.json$/i.test(path));
    // In name order, as a shell lists records/*.json for the CLI.
    records = (await readAll(json)).sort(byPath);
    if (records.length === 0) {
      replace(out);
      status.textContent = 'Er zijn geen dossiers (.json) gekozen.';
      return;
    }
    await make();
  };
  input.addEventListener('change', () => {
    take(fromInput(input)).finally(() => {
      input.value = '';
    });
  });
  reasons.addEventListener('change', make);
  dropTarget(zone, (ev) => take(droppedFiles(ev.dataTransfer)));
}

function showPilot(out, status, { summary, summaryJson, html }, count) {
  const read = summary.groups.reduce((n, g) => n + (g.residents ?? 0), 0);
  const bad = summary.unreadable;
  replace(
    out,
    h('h3', { class: 'utrecht-heading-3', id: 'proef-verslag-kop' }, 'Het verslag'),
    h('p', { class: 'utrecht-paragraph' }, `${read} van de ${summary.files} dossiers gelezen.`),
    bad.length > 0
      ? h(
          'div',
          { class: 'utrecht-alert utrecht-alert--warning', id: 'proef-niet-gelezen' },
          h('p', { class: 'utrecht-paragraph' }, `${bad.length} ${bad.length === 1 ? 'dossier kon' : 'dossiers konden'} niet worden gelezen:`),
          h(
            'ul',
            { class: 'utrecht-unordered-list' },
            bad.map((u) =>
              h(
                'li',
                { class: 'utrecht-unordered-list__item', 'data-file': u.file, 'data-code': u.code },
                h('span', { class: 'uw-path' }, u.file),
                `: ${u.reason}`,
              ),
            ),
          ),
        )
      : null,
    h('p', { class: 'utrecht-paragraph' }, 'Dezelfde bestanden als urenwijzer pilot maakt:'),
    downloads([
      download('report.html', 'text/html;charset=utf-8', html, 'report.html: het verslag voor de commissie'),
      download('summary.json', 'application/json', summaryJson, 'summary.json: de cijfers'),
    ]),
  );
  status.textContent = `Verslag gemaakt: ${read} van de ${count} dossiers gelezen${bad.length ? `, ${bad.length} niet` : ''}.`;
}

// ------------------------------------------------------------ impact

function setupImpact(ready) {
  const form = document.getElementById('gevolgen-formulier');
  if (!form) return;
  const status = document.getElementById('gevolgen-status');
  const out = document.getElementById('gevolgen-uitkomst');
  const bar = document.getElementById('gevolgen-voortgang');
  const chosen = { old: [], new: [], caseload: null };
  const sides = [
    ['old', 'oude-norm', 'oude-norm-map'],
    ['new', 'nieuwe-norm', 'nieuwe-norm-map'],
  ];
  const shown = (key) => document.getElementById(`${key === 'caseload' ? 'huishoudens' : key === 'old' ? 'oude-norm' : 'nieuwe-norm'}-gekozen`);
  const say = (key, list) => {
    const el = shown(key);
    if (el) el.textContent = list.length === 0 ? 'Nog niets gekozen.' : `Gekozen: ${list.map((f) => f.path).join(', ')}`;
  };
  const takeSide = async (key, list) => {
    chosen[key] = (await readAll((await list).filter(({ path }) => /\.json$/i.test(path)))).sort(byPath);
    say(key, chosen[key]);
  };
  for (const [key, fileId, folderId] of sides) {
    for (const id of [fileId, folderId]) {
      const input = document.getElementById(id);
      input.addEventListener('change', () => {
        takeSide(key, fromInput(input));
      });
    }
    dropTarget(document.getElementById(`${fileId}-vak`), (ev) => takeSide(key, droppedFiles(ev.dataTransfer)));
  }
  const caseloadInput = document.getElementById('huishoudens');
  const takeCaseload = async (list) => {
    const [first] = await readAll(await list);
    chosen.caseload = first ?? null;
    say('caseload', first ? [first] : []);
  };
  caseloadInput.addEventListener('change', () => takeCaseload(fromInput(caseloadInput)));
  dropTarget(document.getElementById('huishoudens-vak'), (ev) => takeCaseload(droppedFiles(ev.dataTransfer)));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const value = (id) => document.getElementById(id).value.trim();
    const missing = [];
    if (chosen.old.length === 0) missing.push('de oude norm');
    if (chosen.new.length === 0 && !(value('oude-datum') && value('nieuwe-datum'))) missing.push('de nieuwe norm (of twee datums)');
    if (!chosen.caseload) missing.push('het bestand met huishoudens');
    if (missing.length > 0) {
      status.textContent = `Kies eerst ${missing.join(' en ')}.`;
      return;
    }
    const scale = value('doorrekenen');
    const options = {
      date: value('peildatum') || undefined,
      oldDate: value('oude-datum') || null,
      newDate: value('nieuwe-datum') || null,
      municipality: value('gemeente') || null,
      reassessAll: document.getElementById('iedereen-opnieuw').checked,
      scaleTo: scale ? Number(scale) : null,
    };
    const size = chosen.caseload.bytes.length;
    bar.hidden = false;
    bar.value = 0;
    bar.max = Math.max(1, size);
    out.setAttribute('aria-busy', 'true');
    status.textContent = 'Bezig met rekenen…';
    try {
      await ready;
      const result = await call(
        'impact',
        [...chosen.old, ...chosen.new],
        { oldCount: chosen.old.length, caseload: chosen.caseload.bytes, options },
        ({ households, bytesRead }) => {
          bar.value = bytesRead;
          bar.textContent = `${Math.round((100 * bytesRead) / Math.max(1, size))}%`;
          status.textContent = `Bezig: ${households} huishoudens berekend…`;
        },
      );
      showImpact(out, status, result);
    } catch (e) {
      console.warn(e);
      replace(out);
      status.textContent = e?.code && e.code !== 'internal' ? `Het rapport kon niet worden gemaakt: ${e.message} (${e.code})` : NOT_LOADED;
    } finally {
      bar.hidden = true;
      out.setAttribute('aria-busy', 'false');
    }
  });
}

function showImpact(out, status, { summary, summaryJson, html, householdsCsv }) {
  const s = summary;
  replace(
    out,
    h('h3', { class: 'utrecht-heading-3' }, 'Het rapport'),
    h(
      'p',
      { class: 'utrecht-paragraph', id: 'gevolgen-samenvatting' },
      `${s.households} huishoudens: ${s.compared} vergeleken, ${s.refused} niet te berekenen. Met de nieuwe norm meer hulp: ${s.higher}, minder: ${s.lower}, gelijk: ${s.equal}.`,
    ),
    h('p', { class: 'utrecht-paragraph' }, 'Dezelfde bestanden als urenwijzer impact maakt:'),
    downloads([
      download('report.html', 'text/html;charset=utf-8', html, 'report.html: het rapport voor de raad'),
      download('summary.json', 'application/json', summaryJson, 'summary.json: de totalen'),
      download('households.csv', 'text/csv;charset=utf-8', householdsCsv, 'households.csv: één regel per huishouden'),
    ]),
  );
  status.textContent = `Rapport gemaakt: ${s.households} huishoudens, ${s.compared} vergeleken, ${s.refused} niet te berekenen.`;
}
