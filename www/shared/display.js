// The resident's "ongeveer" figure: minutes per week rounded up (never down)
// to the quarter hour. The core computes it (contract 2,
// `display_minutes_per_week` on the total and on each area); this is the
// one place the front ends read it.

/** Display minutes per week of a total or an area of an indication. */
export function displayMinutes(part) {
  return part.display_minutes_per_week;
}
