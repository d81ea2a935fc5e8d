// The self-check's logic without the page: which municipalities to offer,
// reading typed answers, pairing the explanation with the trace, and where
// to apply. Pure functions, unit-tested in Node (tests/site/unit.test.mjs).

/** One entry per municipality of every package that is an entry point. */
export function entriesOf(index) {
  const list = [];
  for (const pkg of index.packages ?? []) {
    if ((pkg.superseded_by ?? []).length > 0) continue; // kept only for earlier clients
    const municipalities = pkg.municipalities ?? [];
    if (municipalities.length === 0) list.push({ pkg, municipality: null, name: pkg.title });
    for (const m of municipalities) list.push({ pkg, municipality: m, name: m.name });
  }
  const count = new Map();
  for (const e of list) count.set(e.name, (count.get(e.name) ?? 0) + 1);
  for (const e of list) e.label = count.get(e.name) > 1 ? `${e.name} (${e.pkg.title})` : e.name;
  list.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  list.forEach((e, i) => {
    e.key = `${e.pkg.id}/${e.municipality?.id ?? ''}`;
    e.index = i;
  });
  return list;
}

/** A typed number: an integer when it is one, otherwise the text (the engine refuses it). */
export function parseNumber(text) {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^[-+]?\d{1,9}$/.test(t)) return Number(t);
  return t;
}

/** Day, month and year fields as YYYY-MM-DD; incomplete or odd input goes through as text. */
export function parseDate({ day = '', month = '', year = '' }) {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return undefined;
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) {
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  return `${y || '?'}-${m || '?'}-${d || '?'}`;
}

/**
 * The site's texts of a package are made by the core when it is bundled
 * (`rules_core::resident_texts`, the `resident` field of its index.json
 * entry): the site looks up the package and version the indication names and
 * reads no package document. A package a transition rule referred to is one
 * of them; an unknown id falls back to the bundled package (`root`).
 */
function packageTexts(resident, root, packageId) {
  return resident?.packages?.[packageId] ?? resident?.packages?.[root] ?? null;
}

/**
 * How to apply in municipality `municipalityId` for an indication of package
 * `packageId` (the core already chose: linked package first, overlay wins,
 * https links and phone digits only): {how, url, contact}.
 */
export function applyInfo(resident, root, municipalityId, packageId) {
  const perPackage = municipalityId ? resident?.apply?.[municipalityId] : null;
  return perPackage?.[packageId] ?? perPackage?.[root] ?? { how: null, url: null, contact: null };
}

/** "14 015" → "tel:14015"; "+31 15 123" → "tel:+3115123". */
export function telHref(text) {
  return `tel:${String(text).replace(/\s+/g, '')}`;
}

/**
 * What the result does not count, for residents: one B1 text per
 * `not_encoded` and `not_covered` item of the version that was used
 * ({id, title, text, reason}, made by the core).
 */
export function notCounted(resident, root, ind) {
  return packageTexts(resident, root, ind?.package?.id)?.not_counted?.[ind?.package?.version] ?? [];
}

/** The title residents read: the municipality's rules when the package serves several, else the package's resident title. */
export function residentTitle(resident, root, ind, municipalityName) {
  const pkg = packageTexts(resident, root, ind?.package?.id);
  if (municipalityName && (pkg?.municipalities ?? 0) > 1) return `Regels van de gemeente ${municipalityName}`;
  return pkg?.resident_title ?? (municipalityName ? `Regels van de gemeente ${municipalityName}` : (pkg?.title ?? ''));
}

/**
 * Groups the explanation (contract 2: each sentence names its `kind`, the
 * trace `step` and the `area` it explains) per area with the trace steps it
 * explains. Null when a sentence points at a step or area that is not there.
 */
export function calculation(ind) {
  const trace = ind.trace ?? [];
  const out = { transition: null, class: null, areas: ind.areas.map((area) => ({ area, items: [], outcome: null })), closing: [] };
  const byArea = new Map(out.areas.map((a) => [a.area.id, a]));
  for (const s of ind.explanation ?? []) {
    const item = s.step === null ? null : trace[s.step];
    const group = s.area === null ? null : byArea.get(s.area);
    if (item === undefined || group === undefined) return null;
    if (s.kind === 'transition') out.transition = { sentence: s.text, sources: item?.sources ?? [] };
    else if (s.kind === 'step' && item?.kind === 'class') {
      // The tariff class (Resultatenmatrix) is a step of no area: read with the closing lines.
      out.class = { sentence: s.text, sources: item.sources ?? [] };
      out.closing.push(s.text);
    } else if (s.kind === 'step' && item && group) group.items.push({ sentence: s.text, item });
    else if (s.kind === 'area' && group) group.outcome = s.text;
    else out.closing.push(s.text);
  }
  return out;
}
