// Formatting of minutes, dates and money for people (nl default, en).

/** "3 uur en 24 minuten" / "3 hours and 24 minutes" (same rule as the core's explain::duration). */
export function duration(minutes, lang = 'nl') {
  const sign = minutes < 0 ? (lang === 'en' ? 'minus ' : 'min ') : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  const en = lang === 'en';
  const min = (n) => `${n} ${en ? (n === 1 ? 'minute' : 'minutes') : n === 1 ? 'minuut' : 'minuten'}`;
  const hrs = (n) => `${n} ${en ? (n === 1 ? 'hour' : 'hours') : 'uur'}`;
  let body;
  if (h === 0) body = min(r);
  else if (r === 0) body = hrs(h);
  else body = `${hrs(h)} ${en ? 'and' : 'en'} ${min(r)}`;
  return sign + body;
}

/** A signed number of minutes: "+30", "−15", "0". */
export function signed(n) {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${Math.abs(n)}`;
  return '0';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s) {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** "maandag 2 november 2026" / "Monday 2 November 2026"; the ISO text itself when not a date. */
export function longDate(iso, lang = 'nl') {
  if (!isIsoDate(iso)) return iso ?? '';
  const [y, mo, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, mo - 1, d)));
}

/** Today as YYYY-MM-DD in local time. */
export function today() {
  const d = new Date();
  const p = (n, w) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1, 2)}-${p(d.getDate(), 2)}`;
}

/** "€ 1.234,56" (nl) / "€1,234.56" (en). */
export function euro(cents, lang = 'nl') {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
