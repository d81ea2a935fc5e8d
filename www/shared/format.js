// Formatting for people, shared by the site and the widget: durations, dates,
// money and answers, in Dutch (default) or English.

const en = (lang) => lang === 'en';

/** "3 uur en 24 minuten" / "3 hours and 24 minutes", "45 minuten", "1 uur" (same rule as the core's explain::duration). */
export function duration(minutes, lang = 'nl') {
  const sign = minutes < 0 ? (en(lang) ? 'minus ' : 'min ') : '';
  const m = Math.abs(minutes);
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  const min = (n) => `${n} ${en(lang) ? (n === 1 ? 'minute' : 'minutes') : n === 1 ? 'minuut' : 'minuten'}`;
  const hrs = (n) => `${n} ${en(lang) ? (n === 1 ? 'hour' : 'hours') : 'uur'}`;
  let body;
  if (hours === 0) body = min(rest);
  else if (rest === 0) body = hrs(hours);
  else body = `${hrs(hours)} ${en(lang) ? 'and' : 'en'} ${min(rest)}`;
  return sign + body;
}

/** "170 minuten" (with the right singular). */
export function minutesText(minutes, lang = 'nl') {
  if (en(lang)) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
}

/** A signed number of minutes: "+30", "−15", "0". */
export function signed(n) {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${Math.abs(n)}`;
  return '0';
}

/** 1900 → "€ 19,00" (nl) / "€19.00" (en). */
export function euro(cents, lang = 'nl') {
  return new Intl.NumberFormat(en(lang) ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing calendar date written YYYY-MM-DD. */
export function isIsoDate(s) {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-11-25" → "25 november 2026"; anything else is returned as it is. */
export function dutchDate(iso) {
  const m = ISO.exec(String(iso ?? ''));
  if (!m) return String(iso ?? '');
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return String(iso);
  return `${Number(m[3])} ${month} ${Number(m[1])}`;
}

/** "maandag 2 november 2026" / "Monday 2 November 2026"; the ISO text itself when not a date. */
export function longDate(iso, lang = 'nl') {
  if (!isIsoDate(iso)) return iso ?? '';
  const [y, mo, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(en(lang) ? 'en-GB' : 'nl-NL', {
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

const YES_NO = { nl: ['Ja', 'Nee'], en: ['Yes', 'No'] };

/**
 * An answer as people read it. `empty` is the text for no answer; `date`
 * formats a date answer (the site writes "25 november 2026", the widget adds
 * the weekday).
 */
export function answerText(question, value, { lang = 'nl', empty = '', date = dutchDate } = {}) {
  if (value === undefined || value === null) return empty;
  if (!question) return typeof value === 'string' ? value : JSON.stringify(value);
  const [yes, no] = YES_NO[lang] ?? YES_NO.nl;
  switch (question.type) {
    case 'yes_no':
      return value === true ? yes : value === false ? no : String(value);
    case 'choice':
      return question.options?.find((o) => o.id === value)?.label ?? String(value);
    case 'date':
      return date(value, lang);
    default:
      return String(value);
  }
}
