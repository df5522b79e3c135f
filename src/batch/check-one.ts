/**
 * One returned workbook, read: checked with the ruleset it carries (or the one named), the same way in
 * `kaohe check`, `kaohe merge` and the pane's 回收汇总.
 */
import {
  checkWorkbook,
  rulesetForWorkbook,
  type CheckResult,
  type ResolvedRuleset,
  type WorkbookInput,
} from "../engine";
import { referenceFor } from "../template/reference";
import { unusable, type Unusable } from "./results";

export function checkInput(
  file: string,
  input: WorkbookInput,
  ruleset: ResolvedRuleset,
  named: boolean,
): { file: string; input: WorkbookInput; result: CheckResult } | Unusable {
  const rs = rulesetForWorkbook(input.sheets, ruleset, named);
  const result = checkWorkbook(input, rs, { templateFormulas: referenceFor(input.sheets, rs) });
  if (result.problem) return unusable(file, result.problem.zh, result.problem.en);
  return { file, input, result };
}
