/**
 * The distribution picture: per unit, its cadres' grades against its 优秀 quota; and the whole body's
 * 优秀 against the body-wide share. The same participants and quota arithmetic as Q01 / Q02 / Q03 / Q05.
 */
import { EXCELLENT, type Grade } from "./grades";
import type { Model } from "./model/types";
import { computeQuota } from "./quota";
import type { ResolvedRuleset } from "./ruleset/resolve";
import { countGrade, participants } from "./rules/helpers";
import { unitLimits } from "./rules/quota";

export interface UnitDistribution {
  unit: string;
  teamGrade: Grade | null;
  /** Taking part (the quota's base). */
  n: number;
  excellent: number;
  /** The most 优秀 its rule allows; null where no per-unit rule applies. */
  quota: number | null;
  over: number;
  /** Count per grade rank (0 = 优秀 …), ungraded last. */
  grades: number[];
}

export interface Distribution {
  units: UnitDistribution[];
  body: { n: number; excellent: number; quota: number | null; max: number | null };
}

export function distribution(model: Model, rs: ResolvedRuleset): Distribution {
  const on = (id: string) => rs.rules[id] !== undefined;
  const q = rs.params.quota;
  const units = model.units
    .filter((u) => u.cadres.length > 0)
    .map((u): UnitDistribution => {
      const pool = participants(u.cadres, q);
      // The tightest of the limits the enabled rules set (Q01 team grade, Q03/Q05 performance, Q04 township).
      const limits = unitLimits(u, rs).map((l) => l.quota);
      const quota = limits.length ? Math.min(...limits) : null;
      const excellent = countGrade(pool, EXCELLENT);
      const grades = [0, 1, 2, 3].map((g) => countGrade(u.cadres, g as Grade));
      grades.push(u.cadres.length - grades.reduce((a, b) => a + b, 0));
      return {
        unit: u.name,
        teamGrade: u.teamGrade,
        n: pool.length,
        excellent,
        quota,
        over: quota === null ? 0 : Math.max(0, excellent - quota),
        grades,
      };
    });
  const pool = participants(model.cadres, q);
  const general = on("Q02") ? rs.params.bodyShare.general : on("Q05") ? rs.params.performanceShares.overall : null;
  const max = on("Q02") ? rs.params.bodyShare.max : null;
  return {
    units,
    body: {
      n: pool.length,
      excellent: countGrade(pool, EXCELLENT),
      quota: general === null ? null : computeQuota(pool.length, general, q).quota,
      max: max === null ? null : computeQuota(pool.length, max, q).quota,
    },
  };
}
