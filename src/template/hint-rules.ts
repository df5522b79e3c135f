/**
 * The breaches one cadre row and its team row can show, as worksheet conditions for the native
 * template's 提示 column: the same rules as the engine's one-row check (KH.CHECK), written with IF,
 * AND, OR and lookups only. The audit (A06) compares the column with the engine over these IDs.
 */
import type { SanctionLimit } from "../engine/ruleset/types";

export interface HintRefs {
  /** The row's team grade, looked up on 班子. */
  team(r: number): string;
  grade(r: number): string;
  /** A condition: the row is its unit's principal. */
  principal(r: number): string;
  score(r: number): string;
  political(r: number): string;
  /** This year's limit of the row's sanction, from the 规则 sheet's sanction table. */
  sanctionLimit(r: number): string;
  /** A condition: 容错 exempts this year's sanction (never where E08 is off). */
  tolerated(r: number): string;
  /** The 规则 cell holding regularScoreMin. */
  minScore: string;
  limits: Record<SanctionLimit, string>;
  /** The cadre scale's grades, best first (优秀, 称职 / 合格, …), and 不定等次. */
  labels: string[];
  /** The team scale's grades, best first (优秀/良好/一般/较差, or 一类–四类). */
  teamLabels: string[];
  ungraded: string;
}

export interface HintRule {
  id: string;
  when(refs: HintRefs, r: number): string;
}

/** `OR(A1="x",A1="y")`: equality tests every spreadsheet program reads. */
export const anyOf = (cell: string, values: readonly string[]) =>
  `OR(${values.map((v) => `${cell}="${v}"`).join(",")})`;

export const HINT_RULES: HintRule[] = [
  {
    id: "L01",
    when: (x, r) => `AND(${x.principal(r)},${x.team(r)}="${x.teamLabels[0]}",${anyOf(x.grade(r), x.labels.slice(1))})`,
  },
  {
    id: "L02",
    when: (x, r) => `AND(${x.principal(r)},${x.team(r)}="${x.teamLabels[2]}",${x.grade(r)}="${x.labels[0]}")`,
  },
  {
    id: "L03",
    when: (x, r) =>
      `AND(${x.principal(r)},${x.team(r)}="${x.teamLabels[3]}",${anyOf(x.grade(r), x.labels.slice(0, 2))})`,
  },
  {
    id: "L04",
    when: (x, r) => `AND(NOT(${x.principal(r)}),${x.team(r)}="${x.teamLabels[3]}",${x.grade(r)}="${x.labels[0]}")`,
  },
  // A blank score is unknown, not 0; a number typed as text still counts.
  {
    id: "E01",
    when: (x, r) => `AND(${x.grade(r)}="${x.labels[0]}",${x.score(r)}<>"",IFERROR(--${x.score(r)}<${x.minScore},1=0))`,
  },
  {
    id: "E02",
    when: (x, r) => `AND(${x.grade(r)}="${x.labels[0]}",${anyOf(x.political(r), ["较好", "一般", "较差"])})`,
  },
  {
    id: "E03",
    when: (x, r) => `AND(${anyOf(x.political(r), ["一般", "较差"])},${anyOf(x.grade(r), x.labels.slice(0, 3))})`,
  },
  {
    id: "E05",
    when: (x, r) => {
      const lim = x.sanctionLimit(r);
      const g = x.grade(r);
      return `AND(NOT(${x.tolerated(r)}),${g}<>"",OR(AND(${lim}="${x.limits["not-excellent"]}",${g}="${x.labels[0]}"),AND(${lim}="${x.limits.ungraded}",${g}<>"${x.ungraded}"),AND(${lim}="${x.limits.incompetent}",${g}<>"${x.labels[3]}")))`;
    },
  },
];

export const HINT_RULE_IDS: ReadonlySet<string> = new Set(HINT_RULES.map((h) => h.id));
