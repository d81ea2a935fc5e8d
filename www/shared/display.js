// The resident's "ongeveer" figure: minutes per week rounded up (never down)
// to the quarter hour. The core computes it (contract 2,
// `display_minutes_per_week` on the total and on each area); this is the
// one place the front ends read it.

/** Code of the problem when an indication lacks the field (an older contract). */
export const MISSING_DISPLAY_MINUTES = 'missing_display_minutes';

/**
 * Display minutes per week of a total or an area of an indication. An
 * indication without a whole `display_minutes_per_week` (made before
 * contract 2) throws an Error with code `missing_display_minutes`, never NaN:
 * the caller shows it as a problem.
 */
export function displayMinutes(part) {
  const m = part?.display_minutes_per_week;
  if (Number.isSafeInteger(m) && m >= 0) return m;
  const e = new Error('display_minutes_per_week ontbreekt in de uitkomst (JSON-contract 2 nodig)');
  e.code = MISSING_DISPLAY_MINUTES;
  throw e;
}
