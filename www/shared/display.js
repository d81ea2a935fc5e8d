// The resident's "ongeveer" figure: minutes per week rounded up (never down)
// to the quarter hour. The core computes it (contract 2,
// `display_minutes_per_week` on the total and on each area); this is the
// one place the front ends read it, so nothing else repeats the rounding.

/** Display minutes per week of a total or an area of an indication. */
export function displayMinutes(part) {
  if (Number.isInteger(part?.display_minutes_per_week)) return part.display_minutes_per_week;
  // FALLBACK until contract 2 (helper A2) is on main: the same rule as the core's.
  const m = part?.minutes_per_week ?? 0;
  return Math.ceil(m / 15) * 15;
}
