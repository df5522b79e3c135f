/**
 * Quota arithmetic (rules.md §3): quota = max(minimum, round(n × share)), never above n.
 * Shares are turned into whole basis points first, so floating point never decides a quota:
 * 10 × 30% is 10 × 3000 / 10000 = 3 exactly.
 */
import type { QuotaArithmetic, Rounding } from "./ruleset/types";

/** A percent (30, 12.5) as whole basis points (3000, 1250). */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

function divide(a: number, b: number, rounding: Rounding): number {
  switch (rounding) {
    case "floor":
      return (a - (a % b)) / b;
    case "ceil":
      return divide(a + b - 1, b, "floor");
    case "round-half-up":
      return divide(2 * a + b, 2 * b, "floor");
  }
}

export interface Quota {
  /** How many may be 优秀. */
  quota: number;
  /** The quota rounding alone gives, before the minimum. */
  rounded: number;
  /** True when the quota exists only because of the minimum. */
  byMinimum: boolean;
}

export function computeQuota(
  n: number,
  sharePercent: number,
  arithmetic: Pick<QuotaArithmetic, "rounding" | "minimum">,
): Quota {
  const whole = Math.max(0, Math.floor(n));
  if (whole === 0) return { quota: 0, rounded: 0, byMinimum: false };
  const bp = Math.min(10000, Math.max(0, basisPoints(sharePercent)));
  const rounded = divide(whole * bp, 10000, arithmetic.rounding);
  // A share of 0 (team 较差) means nobody, whatever the minimum.
  const quota = bp === 0 ? 0 : Math.min(whole, Math.max(arithmetic.minimum, rounded));
  return { quota, rounded, byMinimum: quota > rounded };
}

export function formatPercent(p: number): string {
  return `${Number(p.toFixed(2))}%`;
}
