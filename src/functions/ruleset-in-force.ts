/**
 * The ruleset in force in this workbook. Kept on the global object under a registered symbol because
 * the task pane and the functions are separate bundles in one shared runtime: both must see one value.
 */
import { DEFAULT_RULESET_ID, resolveRuleset, type ResolvedRuleset } from "../engine";

export const SETTING_KEY = "kaohe.ruleset";
const STORE = Symbol.for("kaohe.rulesetInForce");

type Store = { id: string };

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  return (g[STORE] ??= { id: DEFAULT_RULESET_ID });
}

export function rulesetInForceId(): string {
  return store().id;
}

/** Throws RulesetError for an unknown id, so nothing unknown is ever in force. */
export function setRulesetInForce(id: string): ResolvedRuleset {
  const rs = resolveRuleset(id);
  store().id = rs.id;
  return rs;
}

export function rulesetInForce(): ResolvedRuleset {
  return resolveRuleset(store().id);
}
