/** A ruleset JSON file picked in the page: parsed and validated as `kaohe --ruleset file.json` does. */
import { RulesetError, type ResolvedRuleset } from "../engine";
import { rulesetFromFile } from "../cli/ruleset-schema";

export function rulesetFromText(text: string, name: string): ResolvedRuleset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RulesetError(`规则集文件「${name}」不是有效的 JSON：${(e as Error).message}`);
  }
  return rulesetFromFile(json, name);
}
