/**
 * A rule module, after ESLint's: metadata (ID, severity, source, title in Chinese and English, the
 * columns it needs) beside a small check that reads its parameters from the ruleset.
 */
import type { CadreCol, TeamCol } from "../model/columns";
import type { CellRef, Model } from "../model/types";
import type { ResolvedRuleset } from "../ruleset/resolve";
import type { RulesetParams, Severity } from "../ruleset/types";

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  unit?: string;
  person?: string;
  /** Chinese. */
  message: string;
  messageEn: string;
  source: string;
}

/** What a check says; the runner adds the rule's ID, severity and source. */
export interface Report {
  at: CellRef | null;
  unit?: string;
  person?: string;
  zh: string;
  en: string;
  /** Only for rules whose kind depends on the case (Q02 warning / error, E03 error / review). */
  severity?: Severity;
  /** Report under another rule ID (a check that finds a data error of the D family). */
  rule?: string;
}

/**
 * A column a rule needs. `optional` columns make the rule silent where they are missing
 * (exception columns such as 处分 or 拟提拔: no column means nothing recorded); the others are D02.
 */
export type Need =
  | { sheet: "cadre"; col: CadreCol; optional?: boolean }
  | { sheet: "team"; col: TeamCol; optional?: boolean }
  | { sheet: "teamGrade"; optional?: boolean }
  | { sheet: "teamGradePrev"; optional?: boolean }
  | { sheet: "history"; optional: true };

export interface RuleMeta {
  id: string;
  severity: Severity;
  title: { zh: string; en: string };
  /** Used when the ruleset names no source for the rule. */
  source: string;
  needs?: Need[];
  /**
   * Runs wherever the department gives its record of past years, whatever the ruleset turns on (H07): the
   * record is the department's, and the built-in rulesets' fingerprints stay as templates carry them.
   */
  withRecord?: boolean;
}

export interface RuleContext {
  model: Model;
  ruleset: ResolvedRuleset;
  params: RulesetParams;
  /** Is another rule on in this ruleset? */
  enabled(id: string): boolean;
  report(r: Report): void;
}

/** What the unit should do about a finding (怎么改), in both languages. */
export type Fix = { zh: string; en: string };

export interface RuleModule {
  meta: RuleMeta;
  /**
   * What the unit should do about a finding, for the notes of a copy sent back for correction. Beside the
   * metadata, not in it: functions.js carries every rule's metadata and none of this. An info rule may leave
   * it out (nothing to change: the department acts on it).
   */
  fix?: Fix;
  check(ctx: RuleContext): void;
}
