/** The rule catalog: every rule module of rules.md, by ID. */
import { AUDIT_RULES } from "./audit";
import { DATA_RULES } from "./data";
import { ELIGIBILITY_RULES } from "./eligibility";
import { HISTORY_RULES } from "./history";
import { LINK_RULES } from "./links";
import { QUOTA_RULES } from "./quota";
import { SCORE_RULES } from "./scores";
import { TERM_RULES } from "./terms";
import type { RuleModule } from "./types";

export const RULES: RuleModule[] = [
  ...DATA_RULES,
  ...QUOTA_RULES,
  ...LINK_RULES,
  ...ELIGIBILITY_RULES,
  ...HISTORY_RULES,
  ...TERM_RULES,
  ...SCORE_RULES,
  ...AUDIT_RULES,
];

export const RULE_BY_ID: ReadonlyMap<string, RuleModule> = new Map(RULES.map((r) => [r.meta.id, r]));
