/** Terms of office (rules.md §7, T01–T04): pure date arithmetic on calendar days. */
import type { Day } from "./values";

/** T01: decided on or before 30 June → from 1 January that year; after → 1 January next year. */
export function termStart(appointed: Day): Day {
  return { y: appointed.m <= 6 ? appointed.y : appointed.y + 1, m: 1, d: 1 };
}

/** T02: start + length − 1 day. */
export function termEnd(start: Day, years: number): Day {
  const dt = new Date(Date.UTC(start.y + years, start.m - 1, start.d) - 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** T04: someone who takes over mid-term ends with the predecessor's term. */
export function inheritedTermEnd(predecessorAppointed: Day, years: number): Day {
  return termEnd(termStart(predecessorAppointed), years);
}

export function sameDay(a: Day, b: Day): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}
