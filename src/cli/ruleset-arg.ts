/** `--ruleset <id | ruleset.json>`: a built-in id (overlays joined with +) or a JSON file. */
import { promises as fs } from "fs";
import { DEFAULT_RULESET_ID, resolveRuleset, RulesetError, type ResolvedRuleset } from "../engine";
import { rulesetFromText } from "../ruleset-file/read";

export async function loadRulesetArg(arg: string | undefined): Promise<ResolvedRuleset> {
  const spec = arg ?? DEFAULT_RULESET_ID;
  if (!/\.json$/i.test(spec)) return resolveRuleset(spec);
  let text: string;
  try {
    text = await fs.readFile(spec, "utf8");
  } catch {
    throw new RulesetError(`规则集文件「${spec}」无法读取`);
  }
  return rulesetFromText(text, spec);
}
