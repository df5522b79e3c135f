/** The pure engine: grades, rulesets, quotas and checks over plain values. No Office.js, DOM or file I/O. */
export * from "./grades";
export * from "./quota";
export * from "./terms";
export * from "./values";
export * from "./text";
export * from "./check";
export * from "./restrictions";
export { buildModel, OWN_SHEETS } from "./model/read";
export * from "./model/types";
export { a1, columnLetter, parseA1, CADRE_COLUMNS, TEAM_COLUMNS } from "./model/columns";
export * from "./ruleset/types";
export * from "./ruleset/resolve";
export { BUILTIN, DEFAULT_RULESET_ID, DEFAULT_PARAMS } from "./ruleset/builtin";
export { RULES, RULE_BY_ID } from "./rules/index";
export type { Finding, RuleModule, RuleMeta } from "./rules/types";
export { streak } from "./rules/helpers";
