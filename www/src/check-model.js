// The checking page's logic without the page (www/controle.html): which
// chosen file replaces which, and the core's answer put in the page's terms.
// What each file is and how the files become packages is the core's job
// (rules-core `assemble`, through checkFiles / classifyFiles of the
// browser build), the same code the CLI assembles a package folder with.
// Pure functions, unit-tested in Node (tests/check-page/unit.test.mjs).

/** The folder part of a path ("" for a file without a folder). */
export function dirname(p) {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** The file name of a path. */
export function basename(p) {
  return p.slice(p.lastIndexOf('/') + 1);
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

/**
 * A package report of the core (`checkFiles`) with the chosen files in
 * place of their paths: {id, entry, overlays, ignoredOverlays, linked,
 * caseFiles (file entries), missing, overlayMunicipalities, linkedIds,
 * hasMunicipalChoices} and the check itself as `res`.
 */
export function placeReport(report, files) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entries = (paths) => paths.map((p) => byPath.get(p)).filter(Boolean);
  return {
    r: {
      id: report.id,
      entry: byPath.get(report.path),
      overlays: entries(report.overlays),
      ignoredOverlays: entries(report.ignored_overlays),
      linked: entries(report.linked),
      caseFiles: entries(report.case_files),
      missing: report.missing,
      overlayMunicipalities: report.overlay_municipalities,
      linkedIds: report.linked_ids,
      hasMunicipalChoices: report.has_municipal_choices,
    },
    res: report.check,
  };
}

/**
 * The core's error for display: the path, and the message without the
 * "ongeldig normpakket bij <path>" it starts with: {code, path, column, message},
 * column being ", kolom 8" for an expression (or "").
 */
export function describeError(error) {
  const path = error?.path ?? null;
  const message = String(error?.message ?? '');
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
 * Which chosen file an error is in: the one it names (`file`), else by its
 * path: `overlays[delft]…` is the overlay filed as delft (its file name),
 * `linked.<id>.…` the linked package <id>; otherwise the package itself.
 */
export function fileOfError(report, error) {
  const named = [report.entry, ...report.overlays, ...report.linked].find((f) => f && f.path === error?.file);
  if (named) return named;
  const path = error?.path;
  if (typeof path !== 'string') return report.entry;
  const overlay = /^overlays\[([^\]]+)\]/.exec(path);
  if (overlay) return report.overlays.find((o) => o.name.replace(/\.json$/i, '') === overlay[1]) ?? report.entry;
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
