// Normpakket controleren: the checking page for policy staff (www/controle.html).
//
// Chosen or dropped files are read here, in the browser, as bytes, and handed
// to a worker (check-worker.js) where the rules core compiled to WebAssembly
// reads them strictly, puts them together the way the CLI assembles a package
// folder and checks them (checkFiles): does the package load, what do the
// lints say, do its cases pass. The tab stays responsive meanwhile. Nothing
// is sent anywhere and nothing is stored: after the page has loaded it makes
// no requests at all.

import { h, replace } from './dom.js';
import { dutchDate } from './format.js';
import { merge, placeReport, describeError, fileOfError, caseSummary, errorHint } from './check-model.js';
import { call } from './check-call.js';
import { droppedFiles, setupReports } from './check-reports.js';

// The engine is loaded when the worker answers a first (empty) call.
const ready = call('classify', []);
const NOT_LOADED = 'De controle kon niet worden geladen. Probeer het later nog eens, of gebruik een andere browser.';
const out = document.getElementById('uitkomst');
const status = document.getElementById('status');
const zone = document.getElementById('sleepvak');
const fileInput = document.getElementById('bestanden');
const folderInput = document.getElementById('map');

/** The files chosen so far (classified), in the order they came. */
let files = [];
let busy = Promise.resolve();

// ------------------------------------------------------------- choosing

for (const input of [fileInput, folderInput]) {
  input.addEventListener('change', () => {
    const list = [...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
    // Empty the control, so choosing the same (corrected) file again is a change too.
    queue(list).finally(() => {
      input.value = '';
    });
  });
}

// Dropping anywhere on the page counts: the browser must not open the file instead.
let depth = 0;
document.addEventListener('dragenter', (ev) => {
  if (!carriesFiles(ev)) return;
  ev.preventDefault();
  depth += 1;
  zone.classList.add('uw-dropzone--active');
});
document.addEventListener('dragover', (ev) => {
  if (!carriesFiles(ev)) return;
  ev.preventDefault();
  ev.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', () => {
  depth = Math.max(0, depth - 1);
  if (depth === 0) zone.classList.remove('uw-dropzone--active');
});
document.addEventListener('drop', (ev) => {
  if (!carriesFiles(ev)) return;
  ev.preventDefault();
  depth = 0;
  zone.classList.remove('uw-dropzone--active');
  queue(droppedFiles(ev.dataTransfer));
});

function carriesFiles(ev) {
  return [...(ev.dataTransfer?.types ?? [])].includes('Files');
}

/** Shows (or ends) the busy state: the page stays usable, the results are marked as being updated. */
function setBusy(on, text) {
  out.setAttribute('aria-busy', String(on));
  document.body.dataset.busy = String(on);
  if (text) status.textContent = text;
}

/** Runs one job after the other (reading, checking, removing), with the busy state around it. */
function serial(job) {
  busy = busy.then(async () => {
    setBusy(true, 'Bezig met lezen en controleren…');
    try {
      await job();
    } catch (e) {
      console.warn(e);
      status.textContent = 'Er ging iets mis bij het lezen van de bestanden. Probeer het nog eens.';
    } finally {
      setBusy(false);
    }
  });
  return busy;
}

/** Reads and checks files one batch after the other. */
function queue(listOrPromise) {
  return serial(async () => {
    const list = await listOrPromise;
    if (list.length === 0) {
      status.textContent = 'Er zijn geen bestanden gekozen.';
      return;
    }
    // Only .json files are read (as bytes); others are listed as skipped.
    const read = [];
    for (const { file, path } of list) read.push({ path, bytes: /\.json$/i.test(path) ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0) });
    let infos;
    try {
      await ready;
      infos = await call('classify', read);
    } catch {
      status.textContent = NOT_LOADED;
      return;
    }
    const added = infos.map((info, i) => ({ ...info, bytes: read[i].bytes }));
    const merged = merge(files, added);
    files = merged.files;
    await render({ added: added.length, replaced: merged.replaced });
  });
}

function byPath(list) {
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function removeFile(path) {
  return serial(async () => {
    const index = byPath(files).findIndex((f) => f.path === path);
    files = files.filter((f) => f.path !== path);
    await render({ removedPath: path, keepOpen: true });
    // Focus stays in the list: on the next file's button, else on what is left.
    const buttons = out.querySelectorAll('.uw-remove');
    const target = buttons[Math.min(index, buttons.length - 1)] ?? document.getElementById('alles-weghalen') ?? fileInput;
    target.focus();
  });
}

function removeAll() {
  return serial(async () => {
    files = [];
    await render({});
    fileInput.focus();
  });
}

// ------------------------------------------------------------ rendering

async function render({ added = 0, replaced = 0, removedPath = null, keepOpen = false } = {}) {
  if (files.length === 0) {
    replace(out);
    status.textContent = removedPath ? `${removedPath} is weggehaald. Er zijn geen bestanden meer gekozen.` : 'Alle bestanden zijn weggehaald.';
    return;
  }
  const wasOpen = keepOpen && Boolean(out.querySelector('.uw-details')?.open);
  const checked = await run();
  const byFile = new Map(files.map((f) => [f.path, f]));
  const results = checked.reports.map((report) => placeReport(report, files));
  const reports = results.map(({ r }) => r);
  const unplaced = checked.unplaced.map((u) => ({ entry: byFile.get(u.path), reason: u.reason })).filter((u) => u.entry);
  const duplicates = checked.duplicates.map((p) => byFile.get(p)).filter(Boolean);
  const owner = new Map();
  for (const { r } of results) {
    owner.set(r.entry, r);
    for (const c of r.caseFiles) owner.set(c, r);
    for (const o of r.overlays) owner.set(o, r);
    for (const l of r.linked) if (!owner.has(l)) owner.set(l, r);
  }

  const sections = [
    problemsBox(unplaced, duplicates, results),
    reports.length === 0
      ? h(
          'div',
          { class: 'utrecht-alert utrecht-alert--warning', id: 'geen-pakket' },
          h(
            'p',
            { class: 'utrecht-paragraph' },
            'Er is nog geen normpakket gekozen. Kies ook het bestand package.json van het pakket (of een gebundeld pakket).',
          ),
        )
      : null,
    results.length > 1 ? overview(results) : null,
    results.map(({ r, res }, i) => reportSection(r, res, i)),
    fileList(owner, duplicates, wasOpen),
  ];
  replace(out, sections);

  const parts = [];
  if (added)
    parts.push(
      `${added} ${added === 1 ? 'bestand' : 'bestanden'} gelezen${replaced ? ` (${replaced} ${replaced === 1 ? 'vervangt een eerder bestand' : 'vervangen eerdere bestanden'})` : ''}.`,
    );
  if (removedPath) parts.push(`${removedPath} is weggehaald.`);
  for (const { r, res } of results) parts.push(`${titleOf(r, res)}: ${verdict(res)}.`);
  const bad = files.filter((f) => f.kind === 'invalid').length;
  if (bad) parts.push(`${bad} ${bad === 1 ? 'bestand is' : 'bestanden zijn'} geen geldige JSON.`);
  if (reports.length === 0) parts.push('Er is nog geen normpakket gekozen.');
  status.textContent = parts.join(' ');
}

/** The core's check of all chosen files (in the worker); a refusal of the whole set is shown as a problem of the first file. */
async function run() {
  try {
    return await call('check', files);
  } catch (e) {
    // A limit on the whole set (too many files) or a broken module.
    console.warn(e);
    const first = files[0];
    return { files: [], reports: [], unplaced: [{ path: first.path, reason: `${e.message} (${e.code ?? 'internal'})` }], duplicates: [] };
  }
}

function titleOf(r, res) {
  return res.package?.title ?? r.entry.title ?? r.entry.path;
}

function verdict(res) {
  if (res.error) return 'het pakket laadt niet';
  const failed = res.cases.filter((c) => !c.ok).length;
  const cases = res.cases.length === 0 ? 'geen testgevallen' : caseSummary(res.cases);
  if (failed) return `het pakket laadt, ${cases}`;
  return `het pakket is goed, ${cases}`;
}

function slug(r, i) {
  return `pakket-${(r.id ?? `bestand-${i + 1}`).replace(/[^a-z0-9_-]/gi, '-')}`;
}

function overview(results) {
  return h(
    'nav',
    { class: 'uw-overview', 'aria-labelledby': 'overzicht-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'overzicht-kop' }, `${results.length} pakketten gecontroleerd`),
    h(
      'ul',
      { class: 'utrecht-unordered-list' },
      results.map(({ r, res }, i) =>
        h('li', { class: 'utrecht-unordered-list__item' }, h('a', { class: 'utrecht-link', href: `#${slug(r, i)}` }, titleOf(r, res)), `: ${verdict(res)}`),
      ),
    ),
  );
}

/** Files that could not be used, each with its name and why. */
function problemsBox(unplaced, duplicates, results) {
  const items = [];
  for (const f of files) {
    if (f.kind === 'invalid') {
      const e = f.error;
      items.push(
        fileProblem(f, e.code === 'invalid_json' ? `Geen geldige JSON (regel ${e.line}, kolom ${e.column}): ${e.detail}.` : `${e.message} (${e.code})`, e.code),
      );
    } else if (f.kind === 'unknown') {
      items.push(fileProblem(f, 'Dit is geen normpakket, aanvulling of testgeval. Het bestand is niet gebruikt.'));
    }
  }
  for (const { entry, reason } of unplaced) items.push(fileProblem(entry, `Niet gebruikt. ${reason}`));
  for (const d of duplicates) items.push(fileProblem(d, `Niet gebruikt: er is al een ander pakket '${d.id}' gekozen.`));
  for (const { r } of results) {
    for (const o of r.ignoredOverlays) items.push(fileProblem(o, `Niet gebruikt: ${r.entry.name} is een gebundeld pakket en heeft zijn aanvullingen al.`));
  }
  const skipped = files.filter((f) => f.kind === 'skipped');
  const note = skipped.length
    ? h('p', { class: 'utrecht-paragraph uw-note', id: 'overgeslagen' }, `Overgeslagen, want geen .json-bestand: ${skipped.map((f) => f.path).join(', ')}.`)
    : null;
  if (items.length === 0) return note;
  return [
    h(
      'div',
      { class: 'utrecht-alert utrecht-alert--error uw-file-problems', id: 'bestandsfouten', 'aria-labelledby': 'bestandsfouten-kop' },
      h(
        'h2',
        { class: 'utrecht-heading-3', id: 'bestandsfouten-kop' },
        items.length === 1 ? 'Er is 1 bestand met een probleem' : `Er zijn ${items.length} bestanden met een probleem`,
      ),
      h('ul', { class: 'utrecht-unordered-list' }, items),
    ),
    note,
  ];
}

function fileProblem(f, message, code = '') {
  return h(
    'li',
    { class: 'utrecht-unordered-list__item uw-file-problem', 'data-file': f.path, 'data-code': code },
    h('strong', { class: 'uw-path' }, f.path),
    ': ',
    message,
  );
}

function reportSection(r, res, i) {
  const id = slug(r, i);
  const state = res.error ? 'error' : res.ok ? 'ok' : 'failed';
  return h(
    'section',
    { class: 'uw-report', id, 'data-package': r.id ?? '', 'data-state': state, 'aria-labelledby': `${id}-kop` },
    h('h2', { class: 'utrecht-heading-2', id: `${id}-kop` }, titleOf(r, res)),
    h('p', { class: 'utrecht-paragraph uw-note' }, filesLine(r)),
    res.error
      ? loadError(r, res.error)
      : [
          verdictBox(res, id),
          notes(r, res),
          aboutPackage(r, res.package, id),
          versionsTable(res.package, id),
          lintList(res.lints, id),
          casesTable(res.cases, id),
        ],
  );
}

function filesLine(r) {
  const parts = [`Pakket: ${r.entry.path}${r.entry.bundled ? ' (gebundeld)' : ''}`];
  if (r.overlays.length) parts.push(`${r.overlays.length} ${r.overlays.length === 1 ? 'aanvulling' : 'aanvullingen'}`);
  if (r.linked.length) parts.push(`gekoppeld: ${r.linked.map((l) => l.path).join(', ')}`);
  parts.push(`${r.caseFiles.length} ${r.caseFiles.length === 1 ? 'testgeval' : 'testgevallen'}`);
  return parts.join(' · ');
}

function loadError(r, error) {
  const e = describeError(error);
  // An error in a file that did not read (an overlay in the package's folder) names it.
  const file = files.find((f) => f.path === error.file) ?? fileOfError(r, error);
  const hint = errorHint(r, error);
  const whole = !e.path || e.path === '(document)';
  return h(
    'div',
    { class: 'utrecht-alert utrecht-alert--error uw-load-error', 'data-code': e.code, 'data-path': e.path ?? '' },
    h('h3', { class: 'utrecht-heading-3' }, 'Het pakket laadt niet'),
    h(
      'p',
      { class: 'utrecht-paragraph uw-load-error__message' },
      whole ? 'Fout in het bestand' : ['Fout in ', h('code', { class: 'utrecht-code uw-path' }, e.path), e.column],
      ': ',
      e.message,
    ),
    h(
      'dl',
      { class: 'uw-facts' },
      h('dt', {}, 'Bestand'),
      h('dd', { class: 'uw-path' }, file.path),
      h('dt', {}, 'Foutcode'),
      h('dd', {}, h('code', { class: 'utrecht-code' }, e.code)),
    ),
    hint ? h('p', { class: 'utrecht-paragraph' }, h('strong', {}, 'Tip: '), hint) : null,
    h('p', { class: 'utrecht-paragraph' }, 'Verbeter de fout en kies het bestand opnieuw. De testgevallen worden uitgevoerd zodra het pakket laadt.'),
  );
}

function verdictBox(res, id) {
  const failed = res.cases.filter((c) => !c.ok).length;
  const lints = res.lints.filter((l) => l.code !== 'provisional_numbers').length;
  const kind = failed ? 'error' : lints ? 'warning' : 'ok';
  const headline = failed
    ? `Het pakket laadt, maar ${failed === 1 ? '1 testgeval is' : `${failed} testgevallen zijn`} mislukt.`
    : res.cases.length === 0
      ? 'Het pakket laadt. Er zijn geen testgevallen gekozen.'
      : lints
        ? 'Het pakket laadt en alle testgevallen zijn geslaagd. Kijk nog naar de opmerkingen.'
        : 'Het pakket is goed: het laadt en alle testgevallen zijn geslaagd.';
  return h(
    'div',
    { class: `utrecht-alert utrecht-alert--${kind} uw-verdict` },
    h('p', { class: 'utrecht-paragraph uw-verdict__headline' }, headline),
    h(
      'p',
      { class: 'utrecht-paragraph uw-case-summary' },
      res.cases.length ? caseSummary(res.cases) : 'Geen testgevallen',
      ` · ${res.lints.length === 0 ? 'geen opmerkingen' : res.lints.length === 1 ? '1 opmerking' : `${res.lints.length} opmerkingen`}`,
    ),
    failed
      ? h(
          'p',
          { class: 'utrecht-paragraph uw-failed-list' },
          'Mislukt: ',
          res.cases
            .map((c, i) => [c, i])
            .filter(([c]) => !c.ok)
            .map(([c, i], k) => [k > 0 ? ', ' : null, h('a', { class: 'utrecht-link uw-path', href: `#${caseId(id, i)}` }, c.name)]),
        )
      : null,
  );
}

function caseId(id, i) {
  return `${id}-geval-${i + 1}`;
}

/** Things worth knowing that are not errors: no overlays for a package that has municipal choices, no cases. */
function notes(r, res) {
  const list = [];
  if (!r.entry.bundled && r.overlays.length === 0 && r.hasMunicipalChoices) {
    list.push(
      'Gemeenten mogen bij dit pakket zelf iets kiezen (municipal_choices), maar er zijn geen aanvullingen gekozen. Kies ook de bestanden in de map overlays, anders rekenen testgevallen van gemeenten zonder hun keuzes.',
    );
  }
  if (res.cases.length === 0) list.push('Kies ook de testgevallen (de map cases): pas dan ziet u of het pakket rekent wat u verwacht.');
  if (list.length === 0) return null;
  return h(
    'div',
    { class: 'utrecht-alert utrecht-alert--info uw-notes' },
    list.map((t) => h('p', { class: 'utrecht-paragraph' }, t)),
  );
}

function aboutPackage(r, pkg, id) {
  const overlays = new Set(r.overlayMunicipalities);
  const municipalities =
    pkg.municipalities.length === 0
      ? 'Geen (het pakket geldt niet voor een bepaalde gemeente)'
      : h(
          'ul',
          { class: 'utrecht-unordered-list uw-compact' },
          pkg.municipalities.map((m) =>
            h('li', { class: 'utrecht-unordered-list__item' }, m.name, ` (${m.id})`, overlays.has(m.id) ? ' – met aanvulling' : ''),
          ),
        );
  const linked = r.linkedIds;
  return [
    h('h3', { class: 'utrecht-heading-3', id: `${id}-over` }, 'Over het pakket'),
    h(
      'dl',
      { class: 'uw-facts', 'aria-labelledby': `${id}-over` },
      h('dt', {}, 'Titel'),
      h('dd', {}, pkg.title),
      h('dt', {}, 'Pakket-id'),
      h('dd', {}, h('code', { class: 'utrecht-code' }, pkg.id)),
      h('dt', {}, 'Vingerafdruk'),
      h('dd', { class: 'uw-fingerprint', 'data-fingerprint': pkg.fingerprint }, pkg.fingerprint),
      h('dt', {}, 'Gemeenten'),
      h('dd', {}, municipalities),
      linked.length ? [h('dt', {}, 'Overgangsrecht naar'), h('dd', {}, linked.join(', '))] : null,
    ),
  ];
}

function cell(label, ...content) {
  return h('td', { class: 'utrecht-table__cell', role: 'cell', 'data-label': label }, ...content);
}

function headRow(...names) {
  return h(
    'thead',
    { class: 'utrecht-table__header', role: 'rowgroup' },
    h(
      'tr',
      { class: 'utrecht-table__row', role: 'row' },
      names.map((n) => h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, n)),
    ),
  );
}

function versionsTable(pkg, id) {
  const rows = pkg.versions.map((v) =>
    h(
      'tr',
      { class: 'utrecht-table__row', role: 'row', 'data-version': v.version },
      h('th', { class: 'utrecht-table__header-cell', scope: 'row', role: 'rowheader' }, v.version),
      cell(
        'Geldig',
        v.valid_until ? `${dutchDate(v.valid_from)} tot en met ${dutchDate(v.valid_until)}` : `vanaf ${dutchDate(v.valid_from)}, zonder einddatum`,
      ),
      cell('Status', v.status),
      cell('Voorlopige getallen', String(v.provisional_numbers)),
    ),
  );
  return [
    h('h3', { class: 'utrecht-heading-3', id: `${id}-versies` }, 'Versies'),
    h(
      'div',
      { class: 'uw-table-wrap' },
      h(
        'table',
        { class: 'utrecht-table utrecht-table--html-table uw-table', role: 'table', 'aria-labelledby': `${id}-versies` },
        headRow('Versie', 'Geldig', 'Status', 'Voorlopige getallen'),
        h('tbody', { class: 'utrecht-table__body', role: 'rowgroup' }, rows),
      ),
    ),
  ];
}

function lintList(lints, id) {
  return [
    h('h3', { class: 'utrecht-heading-3', id: `${id}-opmerkingen` }, 'Opmerkingen'),
    lints.length === 0
      ? h('p', { class: 'utrecht-paragraph uw-lints-none' }, 'Geen opmerkingen.')
      : [
          h(
            'p',
            { class: 'utrecht-paragraph' },
            'Een opmerking is geen fout: het pakket laadt wel. Kijk of het zo bedoeld is. Voorlopige getallen zijn goed zolang er nog geen openbare bron is.',
          ),
          h(
            'ul',
            { class: 'utrecht-unordered-list uw-lints', 'aria-labelledby': `${id}-opmerkingen` },
            lints.map((l) =>
              h(
                'li',
                { class: 'utrecht-unordered-list__item uw-lint', 'data-lint': l.code, 'data-path': l.path },
                h('code', { class: 'utrecht-code uw-path' }, l.path),
                ': ',
                l.message,
                h('span', { class: 'uw-lint__code' }, ` (${l.code})`),
              ),
            ),
          ),
        ],
  ];
}

function casesTable(cases, id) {
  if (cases.length === 0) return null;
  const rows = cases.map((c, i) =>
    h(
      'tr',
      { class: `utrecht-table__row uw-case uw-case--${c.ok ? 'ok' : 'failed'}`, role: 'row', id: caseId(id, i), 'data-case': c.name, 'data-ok': String(c.ok) },
      h('th', { class: 'utrecht-table__header-cell uw-path', scope: 'row', role: 'rowheader' }, c.name),
      cell('Beschrijving', c.description || '–'),
      cell(
        'Uitkomst',
        h('span', { class: `uw-badge uw-badge--${c.ok ? 'ok' : 'failed'}` }, c.ok ? 'Geslaagd' : 'Mislukt'),
        c.problems.length
          ? h(
              'ul',
              { class: 'utrecht-unordered-list uw-problems' },
              c.problems.map((p) => h('li', { class: 'utrecht-unordered-list__item' }, p)),
            )
          : null,
      ),
    ),
  );
  const summary = caseSummary(cases);
  return [
    h('h3', { class: 'utrecht-heading-3', id: `${id}-testgevallen` }, 'Testgevallen'),
    h('p', { class: 'utrecht-paragraph uw-case-summary', id: `${id}-samenvatting` }, summary),
    h(
      'div',
      { class: 'uw-table-wrap' },
      h(
        'table',
        {
          class: 'utrecht-table utrecht-table--html-table uw-table uw-cases',
          role: 'table',
          'aria-labelledby': `${id}-testgevallen`,
          'aria-describedby': `${id}-samenvatting`,
        },
        headRow('Testgeval', 'Beschrijving', 'Uitkomst'),
        h('tbody', { class: 'utrecht-table__body', role: 'rowgroup' }, rows),
      ),
    ),
  ];
}

const KIND = {
  package: (f) => `Normpakket ${f.id ?? '(zonder id)'}${f.bundled ? ', gebundeld' : ''}`,
  overlay: (f) => `Aanvulling van ${f.municipality}${f.base ? ` bij ${f.base}` : ''}`,
  case: () => 'Testgeval',
  invalid: () => 'Geen geldige JSON',
  unknown: () => 'Niet herkend',
  skipped: () => 'Overgeslagen (geen .json)',
};

/** The chosen files, each with what it is, and a button to take it away. */
function fileList(owner, duplicates, open) {
  const count = (kind) => files.filter((f) => f.kind === kind).length;
  const counts = [
    [count('package'), 'pakket', 'pakketten'],
    [count('overlay'), 'aanvulling', 'aanvullingen'],
    [count('case'), 'testgeval', 'testgevallen'],
    [count('invalid') + count('unknown') + count('skipped'), 'ander bestand', 'andere bestanden'],
  ]
    .filter(([n]) => n > 0)
    .map(([n, one, more]) => `${n} ${n === 1 ? one : more}`)
    .join(', ');
  const rows = byPath(files).map((f) => {
    const r = owner.get(f);
    let what = KIND[f.kind](f);
    if (duplicates.includes(f)) what += ' (niet gebruikt)';
    else if (r && (f.kind === 'case' || f.kind === 'overlay') && r.id) what += `, bij ${r.id}`;
    return h(
      'tr',
      { class: 'utrecht-table__row', role: 'row', 'data-file': f.path },
      h('th', { class: 'utrecht-table__header-cell uw-path', scope: 'row', role: 'rowheader' }, f.path),
      cell('Wat het is', what),
      cell(
        'Weghalen',
        h(
          'button',
          {
            type: 'button',
            class: 'utrecht-button utrecht-button--subtle uw-remove',
            'aria-label': `Weghalen: ${f.path}`,
            on: { click: () => removeFile(f.path) },
          },
          'Weghalen',
        ),
      ),
    );
  });
  return h(
    'section',
    { class: 'uw-files', 'aria-labelledby': 'bestanden-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'bestanden-kop' }, 'Gekozen bestanden'),
    h('p', { class: 'utrecht-paragraph' }, `${counts}.`),
    h(
      'details',
      { class: 'uw-details', open },
      h('summary', { class: 'uw-details__summary' }, `Toon alle ${files.length} bestanden`),
      h(
        'div',
        { class: 'uw-table-wrap' },
        h(
          'table',
          { class: 'utrecht-table utrecht-table--html-table uw-table', role: 'table', 'aria-labelledby': 'bestanden-kop' },
          headRow('Bestand', 'Wat het is', 'Weghalen'),
          h('tbody', { class: 'utrecht-table__body', role: 'rowgroup' }, rows),
        ),
      ),
    ),
    h(
      'div',
      { class: 'utrecht-button-group uw-buttons' },
      h(
        'button',
        { type: 'button', id: 'alles-weghalen', class: 'utrecht-button utrecht-button--secondary-action', on: { click: removeAll } },
        'Alle bestanden weghalen',
      ),
    ),
  );
}

// The pilot and impact reports (their own sections of the page).
setupReports(ready);

// For tests and for anyone watching: the engine is loaded.
ready.then(
  () => {
    document.body.dataset.ready = 'true';
  },
  () => {},
);
ready.catch((e) => {
  console.warn(e);
  status.textContent = NOT_LOADED;
});
