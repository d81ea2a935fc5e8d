// Formatting for residents: durations, money and dates in plain Dutch.

/** "2 uur en 50 minuten", "45 minuten", "1 uur", "0 minuten". */
export function duration(minutes) {
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const min = (n) => `${n} ${n === 1 ? 'minuut' : 'minuten'}`;
  let body;
  if (h === 0) body = min(rest);
  else if (rest === 0) body = `${h} uur`;
  else body = `${h} uur en ${min(rest)}`;
  return minutes < 0 ? `min ${body}` : body;
}

/** "170 minuten" (with the right singular). */
export function minutesText(minutes) {
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** 1900 → "€ 19,00". */
export function money(cents) {
  return euro.format(cents / 100);
}

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/** "2026-11-25" → "25 november 2026"; anything else is returned as it is. */
export function dutchDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (!m) return String(iso ?? '');
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return String(iso);
  return `${Number(m[3])} ${month} ${Number(m[1])}`;
}

/** Units of norm values, as a resident reads them. */
export function unitText(unit) {
  switch (unit) {
    case 'hours_per_year': return 'uur per jaar';
    case 'minutes_per_week': return 'minuten per week';
    case 'minutes_per_year': return 'minuten per jaar';
    case 'minutes_per_period': return 'minuten per 4 weken';
    default: return '';
  }
}

/** "per maand" / "per 4 weken". */
export function perText(per) {
  switch (per) {
    case 'month': return 'per maand';
    case 'period': return 'per 4 weken';
    case 'per_hour': return 'per uur';
    case 'per_period': return 'per 4 weken';
    default: return '';
  }
}
