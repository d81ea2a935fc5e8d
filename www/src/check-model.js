// The checking page's logic without the page (www/controle.html): what each
// chosen file is, and how the files become package documents and cases for
// checkPackage, the way the CLI assembles a package folder
// (rules-cli/src/files.rs): overlays under `overlays` by municipality, the
// packages a transition rule names under `linked` by id. Pure functions,
// unit-tested in Node (tests/check-page/unit.test.mjs).

export const PACKAGE_FORMAT = 'urenwijzer-package/1';
export const OVERLAY_FORMAT = 'urenwijzer-overlay/1';

/** How deep linked packages are followed (as the CLI). */
const MAX_DEPTH = 4;

/** The folder part of a path ("" for a file without a folder). */
export function dirname(p) {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** The file name of a path. */
export function basename(p) {
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The folder of the package a file belongs to: for `…/cases/x.json` and
 * `…/overlays/x.json` the folder above, for other files their own folder.
 */
export function ownerDir(p) {
  const dir = dirname(p);
  const parent = basename(dir);
  return parent === 'cases' || parent === 'overlays' ? dirname(dir) : dir;
}

/**
 * Parses JSON text. Returns {doc} or {error: {message, detail, line, column}}:
 * a Dutch message with the line and column (1-based) where the text stops
 * being JSON, found by our own scan (browsers do not always say where).
 */
export function parseJson(text) {
  if (text.trim() === '') return { error: { message: 'Het bestand is leeg.', line: null, column: null } };
  if (text.charCodeAt(0) === 0xfeff) {
    return {
      error: {
        message: 'Het bestand begint met een onzichtbaar teken (een BOM). Sla het op als UTF-8 zonder BOM.',
        line: 1,
        column: 1,
      },
    };
  }
  try {
    return { doc: JSON.parse(text) };
  } catch (e) {
    const detail = String(e?.message ?? e);
    const at = locateJsonError(text);
    const { line, column } = lineColumn(text, at ?? 0);
    const where = at === null ? '' : ` (regel ${line}, kolom ${column})`;
    let tip = "Kijk bij die plek naar komma's, aanhalingstekens en haakjes.";
    const before = text.slice(0, at ?? 0).trimEnd();
    if (at !== null && at >= text.length) tip = 'Het bestand houdt te vroeg op. Mist er een } of ] aan het eind?';
    else if (at !== null && before.endsWith(',') && (text[at] === '}' || text[at] === ']')) tip = 'Na het laatste onderdeel staat een komma. Haal die komma weg.';
    else if (at !== null && text[at] === '"' && /["\d\]}el]$/.test(before)) tip = 'Mist hier een komma tussen twee onderdelen?';
    else if (at !== null && text[at] === "'") tip = 'Gebruik dubbele aanhalingstekens (") in plaats van enkele.';
    return { error: { message: `Geen geldige JSON${where}. ${tip}`, detail, line: at === null ? null : line, column: at === null ? null : column } };
  }
}

/**
 * The offset where `text` stops being JSON (text.length when it ends too
 * early), or null when it is valid.
 */
export function locateJsonError(text) {
  let i = 0;
  const n = text.length;
  const fail = () => { throw new RangeError(String(i)); };
  const ws = () => { while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++; };
  const string = () => {
    i++; // the opening quote
    while (i < n) {
      const c = text[i];
      if (c === '"') { i++; return; }
      if (c === '\\') {
        i++;
        if (i < n && '"\\/bfnrt'.includes(text[i])) i++;
        else if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else fail();
      } else if (c < ' ') fail();
      else i++;
    }
    fail();
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (depth) => {
    if (depth > 500) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string(); ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '-' && m[0] !== '') { i += m[0].length; return; }
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) { i += word.length; return; }
    fail();
  };
  try {
    value(0); ws();
    if (i < n) fail();
    return null;
  } catch (e) {
    if (e instanceof RangeError) return Math.min(Number(e.message), n);
    throw e;
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text, offset) {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What a chosen file is. `path` is its path within what was chosen (a
 * folder's files keep their folders), `text` its content.
 * Returns {path, name, kind, doc?, error?, id?, base?, municipality?, bundled?}
 * with kind one of: package, overlay, case, invalid (not JSON), unknown
 * (JSON, but none of these), skipped (not a .json file).
 */
export function classify(path, text) {
  const name = basename(path);
  const entry = { path, name };
  if (!/\.json$/i.test(name)) return { ...entry, kind: 'skipped' };
  const parsed = parseJson(text);
  if (parsed.error) return { ...entry, kind: 'invalid', error: parsed.error };
  const doc = parsed.doc;
  if (!isObject(doc)) return { ...entry, kind: 'unknown', doc };
  const format = typeof doc.format === 'string' ? doc.format : null;
  if (format?.startsWith('urenwijzer-overlay') || (!format && typeof doc.base === 'string' && typeof doc.municipality === 'string')) {
    const municipality = typeof doc.municipality === 'string' && doc.municipality ? doc.municipality : name.replace(/\.json$/i, '');
    return { ...entry, kind: 'overlay', doc, base: typeof doc.base === 'string' ? doc.base : null, municipality };
  }
  if (format?.startsWith('urenwijzer-package') || (!format && (Array.isArray(doc.versions) || Array.isArray(doc.questions)))) {
    const id = typeof doc.id === 'string' && doc.id ? doc.id : null;
    return { ...entry, kind: 'package', doc, id, bundled: typeof doc.fingerprint === 'string' };
  }
  if (format) return { ...entry, kind: 'unknown', doc };
  if (['answers', 'expect', 'expect_error', 'description', 'date'].some((k) => k in doc)) {
    return { ...entry, kind: 'case', doc };
  }
  return { ...entry, kind: 'unknown', doc };
}

/** What identifies a file for replacing an earlier one: a package by id, an overlay by base and municipality. */
export function identity(entry) {
  if (entry.kind === 'package' && entry.id) return `package:${entry.id}`;
  if (entry.kind === 'overlay') return `overlay:${entry.base ?? ''}/${entry.municipality}`;
  return `path:${entry.path}`;
}

/**
 * Adds newly read files to the files chosen before. A new file replaces an
 * earlier one: dropping a corrected file again is how one checks a change.
 * A package replaces the package with the same id, an overlay the one for
 * the same base and municipality (two packages may both be called
 * package.json); any file replaces a file with the same path that was not a
 * package or overlay (a file that was not JSON and now is, or the same case);
 * a file that is not a package or overlay also replaces the last package or
 * overlay chosen with its path (a package that is now broken).
 * Returns {files, replaced}.
 */
export function merge(previous, added) {
  let files = [...previous];
  let replaced = 0;
  const named = (f) => identity(f) !== `path:${f.path}`;
  for (const entry of added) {
    const key = identity(entry);
    const drop = new Set(files.filter((f) => (named(entry) && identity(f) === key) || (f.path === entry.path && !named(f))));
    if (!named(entry)) {
      const last = files.filter((f) => f.path === entry.path && named(f)).pop();
      if (last) drop.add(last);
    }
    replaced += drop.size;
    files = files.filter((f) => !drop.has(f));
    files.push(entry);
  }
  return { files, replaced };
}

/** Package ids named by the transition rules of a package document. */
export function transitionTargets(doc) {
  const out = [];
  for (const v of Array.isArray(doc?.versions) ? doc.versions : []) {
    const id = v?.transition?.package;
    if (typeof id === 'string' && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Puts the chosen files together into what to check. Returns
 *   reports: [{id, entry, document, cases: [[name, doc]], caseFiles, overlays, linked, missing, ignoredOverlays}]
 *     one per package to check: every package no other chosen package links
 *     to, and every package that has test cases of its own;
 *   unplaced: [{entry, reason}] overlays and cases that belong to no package;
 *   duplicates: package entries with an id another one already has (not used).
 */
export function assemble(files) {
  const packages = [];
  const byId = new Map();
  const duplicates = [];
  for (const f of files) {
    if (f.kind !== 'package') continue;
    if (f.id && byId.has(f.id)) {
      duplicates.push(f);
      continue;
    }
    if (f.id) byId.set(f.id, f);
    packages.push(f);
  }
  const linkedIds = new Set();
  for (const p of packages) for (const id of transitionTargets(p.doc)) if (id !== p.id && byId.has(id)) linkedIds.add(id);
  const roots = packages.filter((p) => !p.id || !linkedIds.has(p.id));
  const unplaced = [];

  // Overlays: by their base, else by folder, else to the only package.
  const overlaysOf = new Map(packages.map((p) => [p, []]));
  for (const f of files) {
    if (f.kind !== 'overlay') continue;
    let owner = f.base ? byId.get(f.base) : undefined;
    if (!owner) owner = single(packages.filter((p) => dirname(p.path) === ownerDir(f.path)));
    if (!owner) owner = single(packages.length === 1 ? packages : roots);
    if (owner) overlaysOf.get(owner).push(f);
    else unplaced.push({ entry: f, reason: f.base ? `Er is geen pakket '${f.base}' gekozen.` : 'Het is niet duidelijk bij welk pakket deze aanvulling hoort.' });
  }

  // Cases: by folder (…/X/cases/ belongs to …/X/package.json), else to the only main package.
  const casesOf = new Map(packages.map((p) => [p, []]));
  for (const f of files) {
    if (f.kind !== 'case') continue;
    const here = packages.filter((p) => dirname(p.path) === ownerDir(f.path));
    let owner = single(here) ?? single(here.filter((p) => roots.includes(p)));
    if (!owner && here.length === 0) owner = single(roots);
    if (owner) casesOf.get(owner).push(f);
    else unplaced.push({ entry: f, reason: packages.length === 0 ? 'Er is geen pakket gekozen.' : 'Het is niet duidelijk bij welk pakket dit testgeval hoort. Kies de testgevallen samen met één pakket, of kies hele mappen.' });
  }

  const build = (p, depth, seen) => {
    const overlays = overlaysOf.get(p);
    if (p.bundled) {
      // A bundle already holds its overlays and linked packages (and its fingerprint covers them).
      return { document: p.doc, overlays: [], ignoredOverlays: overlays, linked: [], missing: [] };
    }
    const document = { ...p.doc };
    if (overlays.length > 0) {
      const map = isObject(p.doc.overlays) ? { ...p.doc.overlays } : {};
      for (const o of [...overlays].sort(byPath)) map[o.municipality] = o.doc;
      document.overlays = map;
    }
    const linked = [];
    const missing = [];
    const map = isObject(p.doc.linked) ? { ...p.doc.linked } : {};
    for (const id of transitionTargets(p.doc)) {
      if (id === p.id || id in map) continue;
      const target = byId.get(id);
      if (!target || depth >= MAX_DEPTH || seen.has(id)) {
        if (!target) missing.push(id);
        continue;
      }
      const inner = build(target, depth + 1, new Set([...seen, id]));
      map[id] = inner.document;
      linked.push(target, ...inner.linked);
    }
    if (Object.keys(map).length > 0) document.linked = map;
    return { document, overlays, ignoredOverlays: [], linked, missing };
  };

  const reports = packages
    .filter((p) => roots.includes(p) || casesOf.get(p).length > 0)
    .map((p) => {
      const built = build(p, 0, new Set(p.id ? [p.id] : []));
      const caseFiles = [...casesOf.get(p)].sort(byPath);
      return { id: p.id, entry: p, ...built, caseFiles, cases: caseFiles.map((c) => [c.name, c.doc]) };
    })
    .sort((a, b) => (a.id ?? a.entry.path).localeCompare(b.id ?? b.entry.path));
  return { reports, unplaced, duplicates };
}

function single(list) {
  return list.length === 1 ? list[0] : undefined;
}

function byPath(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The core's error for display: the path, and the message without the
 * "ongeldig normpakket bij <path>" it starts with: {code, path, column, message},
 * column being ", kolom 8" for an expression (or "").
 */
export function describeError(error) {
  const path = error?.path ?? null;
  let message = String(error?.message ?? '');
  if (path) {
    const i = message.indexOf(`bij ${path}`);
    if (i >= 0) {
      const rest = message.slice(i + `bij ${path}`.length);
      // ", kolom 8: …" stays with the path; ": …" goes.
      const m = /^(, kolom \d+)?: ?([\s\S]*)$/.exec(rest);
      if (m) return { code: error.code, path, column: m[1] ?? '', message: m[2] };
    }
  }
  return { code: error?.code ?? 'internal', path, column: '', message };
}

/**
 * Which chosen file an error path points into: `overlays[delft]…` is the
 * overlay of delft, `linked.<id>.…` the linked package <id>; otherwise the package itself.
 */
export function fileOfError(report, path) {
  if (typeof path !== 'string') return report.entry;
  const overlay = /^overlays\[([^\]]+)\]/.exec(path);
  if (overlay) return report.overlays.find((o) => o.municipality === overlay[1]) ?? report.entry;
  const linked = /^linked\.([^.[]+)/.exec(path);
  if (linked) return report.linked.find((l) => l.id === linked[1]) ?? report.entry;
  return report.entry;
}

/** "N van M testgevallen geslaagd". */
export function caseSummary(cases) {
  const passed = cases.filter((c) => c.ok).length;
  return `${passed} van ${cases.length} ${cases.length === 1 ? 'testgeval' : 'testgevallen'} geslaagd`;
}

/** A tip for an error the author can fix by choosing more files. */
export function errorHint(report, error) {
  if (typeof error?.path === 'string' && error.path.endsWith('.transition.package') && report.missing.length > 0) {
    const ids = report.missing;
    return `Dit pakket heeft overgangsrecht naar ${ids.map((id) => `'${id}'`).join(' en ')}. Kies dat pakket er ook bij: ${ids.map((id) => `norms/${id}/package.json`).join(' en ')}, of de hele map.`;
  }
  if (error?.path === 'fingerprint') {
    return 'Dit is een gebundeld pakket dat na het bundelen is veranderd. Kies liever de bronbestanden: package.json met de mappen overlays en cases.';
  }
  return '';
}
