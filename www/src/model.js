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

/** The package document of `packageId`: the chosen one or one it links (transition). */
function packageDoc(doc, packageId) {
  if (!packageId || packageId === doc?.id) return doc;
  return doc?.linked?.[packageId] ?? doc;
}

const HTTPS = /^https:\/\/[^\s]+$/i;
const https = (url) => (typeof url === 'string' && HTTPS.test(url) ? url : null);
const phone = (text) => (typeof text === 'string' && /^[+\d ]+$/.test(text) && /\d{3}/.test(text.replace(/\D/g, '')) ? text.trim() : null);

/**
 * How to apply: from the municipality's overlay or its entry in the package
 * document `doc`; when a transition rule sent the resident to a linked
 * package (`packageId`), that package is looked at first. The contact
 * (overlay wins) is {phone, tel, url, opening_hours, client_support} or null.
 * Only https addresses are offered as a link (the core refuses others too).
 */
export function applyInfo(doc, municipalityId, packageId) {
  const id = municipalityId;
  const docs = [doc];
  const linked = doc?.linked ?? {};
  if (packageId && packageId !== doc?.id && linked[packageId]) docs.unshift(linked[packageId]);
  docs.push(...Object.values(linked));
  let how = null;
  let url = null;
  let contact = null;
  for (const d of docs) {
    const overlay = id ? d?.overlays?.[id] : null;
    const m = id ? (d?.municipalities ?? []).find((x) => x.id === id) : null;
    how ??= overlay?.how_to_apply ?? m?.how_to_apply ?? null;
    url ??= overlay?.url ?? m?.url ?? null;
    contact ??= overlay?.contact ?? m?.contact ?? null;
  }
  return { how, url: https(url), contact: contactOf(contact) };
}

function contactOf(c) {
  if (!c || typeof c !== 'object') return null;
  const support = c.client_support && typeof c.client_support === 'object' ? c.client_support : null;
  const out = {
    phone: phone(c.phone),
    url: https(c.url),
    opening_hours: typeof c.opening_hours === 'string' ? c.opening_hours : null,
    client_support: support ? { name: support.name ?? null, phone: phone(support.phone), url: https(support.url) } : null,
  };
  return out.phone || out.url || out.client_support?.phone || out.client_support?.url ? out : null;
}

/** "14 015" → "tel:14015"; "+31 15 123" → "tel:+3115123". */
export function telHref(text) {
  return `tel:${String(text).replace(/\s+/g, '')}`;
}

/**
 * What the result does not count, for residents: one B1 text per
 * `not_encoded` and `not_covered` item of the version that was used (its
 * `resident_text`, or its title when the package has none).
 */
export function notCounted(doc, ind) {
  const pkg = packageDoc(doc, ind?.package?.id);
  const version = (pkg?.versions ?? []).find((v) => v.version === ind?.package?.version);
  if (!version) return [];
  return [...(version.not_encoded ?? []), ...(version.not_covered ?? [])].map((n) => ({
    id: n.id,
    title: n.title,
    text: n.resident_text ?? n.title,
    reason: n.reason,
  }));
}

/** The title residents read: the municipality's rules when the package serves several, else the package's resident title. */
export function residentTitle(doc, ind, municipalityName) {
  const pkg = packageDoc(doc, ind?.package?.id);
  if (municipalityName && (pkg?.municipalities ?? []).length > 1) return `Regels van de gemeente ${municipalityName}`;
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
