/** A ruleset is data (rules.md §10): which rules are on, their parameters, and where they come from. */
import type { ScaleId } from "../grades";

export type Severity = "error" | "warning" | "info";
export type Rounding = "floor" | "round-half-up" | "ceil";
/** What a sanction allows in a year: not 优秀, 不定等次 only, or 不称职 only. */
export type SanctionLimit = "not-excellent" | "ungraded" | "incompetent";

export interface SanctionRow {
  /** Canonical name, as listed in rules.md's E05 table. */
  name: string;
  /** Other ways it is written (政务警告, 党内警告 for 警告 …). */
  aliases: string[];
  /** Limit in the year of the sanction, then in each following year. */
  limits: SanctionLimit[];
}

export interface QuotaArithmetic {
  rounding: Rounding;
  /** 0 by default; with 1, a quota that exists only because of it is a warning-level note. */
  minimum: number;
  /** Rows graded 不定等次 leave the denominator. */
  excludeUngraded: boolean;
  /** The principal counts in the unit's denominator. */
  principalCounts: boolean;
}

export interface RulesetParams {
  quota: QuotaArithmetic;
  /** Q01: share (percent) of 优秀 among a unit's cadres, by team grade 优秀/良好/一般/较差. */
  teamShares: [number, number, number, number];
  /** Q02: general share (warning above) and maximum with approval (error above), percent. */
  bodyShare: { general: number; max: number };
  /** Q03: public institutions — general, raised (collective merit) and lowered (不合格 / accountability). */
  institutionShares: { general: number; raised: number; lowered: number };
  /** Q04: share for units of these categories (乡镇/街道). */
  townshipShare: { share: number; categories: string[] };
  /** Q05: share by unit performance grade, and the overall cap. */
  performanceShares: { table: Record<string, number>; overall: number };
  /** E01: lowest regular-assessment score that still allows 优秀. */
  regularScoreMin: number;
  /** E04: share of responsibility points lost above which the team and principal may not be 优秀. */
  pointsLostMax: number;
  /** E05: the sanction table. */
  sanctions: SanctionRow[];
  /** History: a year graded 不定等次 breaks a run (true) or is skipped (false). */
  ungradedBreaksRun: boolean;
  /** T02 / T03. */
  term: { years: number; maxTerms: number };
  /** S01 / S02 / S03 / S04, percent. */
  weights: {
    regular: number;
    survey: number;
    evaluators: Record<string, number>;
    highQuality: { min: number; max: number; value: number | null };
    /** Gansu counties (002): 乡村振兴实绩 and 强县域行动 together weigh `share`; `value` is the locality's figure. */
    countyFocus?: { share: number; value: number | null };
  };
  /** R08: share (percent) of 基本称职 + 不称职 votes in the democratic evaluation that calls for a talk. */
  democraticLowShare: number;
}

export interface RuleSetting {
  /** Overrides the rule's own severity. */
  severity?: Severity;
  /** The document this ruleset follows for the rule. */
  source?: string;
}

export interface Ruleset {
  id: string;
  title: { zh: string; en: string };
  year: number;
  source: string;
  /** A base ruleset stands alone; an Overlay adds to one. */
  kind: "base";
  scale: ScaleId;
  /** How teams are graded: 优秀/良好/一般/较差 (default), or the term system's 一类–四类. */
  teamScale?: "team" | "termClass";
  rules: Record<string, RuleSetting>;
  params: RulesetParams;
  /** Parameter path → where the figure comes from; `local: true` marks a figure the source does not give. */
  paramNotes: Record<string, { source: string; local?: boolean }>;
}

/** The scale a ruleset grades teams with. */
export function teamScaleOf(rs: { teamScale?: "team" | "termClass" }): "team" | "termClass" {
  return rs.teamScale ?? "team";
}

/** An overlay names only what it changes. */
export interface Overlay {
  id: string;
  title: { zh: string; en: string };
  year: number;
  source: string;
  kind: "overlay";
  defaultBase: string;
  rules: Record<string, RuleSetting>;
  params: DeepPartial<RulesetParams>;
  paramNotes: Record<string, { source: string; local?: boolean }>;
}

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
