/**
 * One returned workbook, read: checked with the ruleset it carries (or the one named), the same way in
 * `kaohe check`, `kaohe merge` and the pane's 回收汇总.
 */
import {
  checkWorkbook,
  rulesetForWorkbook,
  type CheckResult,
  type PastRecord,
  type ResolvedRuleset,
  type WorkbookInput,
} from "../engine";
import { referenceFor } from "../template/reference";
import { unusable, type FileResult, type Unusable } from "./results";

/** OOXML workbooks the reader opens (.xlsm: macros are never run, only cells read). */
export const READABLE = /\.(xlsx|xlsm)$/i;

/** A returned workbook that was read and checked. */
export interface CheckedFile {
  file: string;
  input: WorkbookInput;
  result: CheckResult;
}

export function checkInput(
  file: string,
  input: WorkbookInput,
  ruleset: ResolvedRuleset,
  named: boolean,
  record: PastRecord | null = null,
): CheckedFile | Unusable {
  const rs = rulesetForWorkbook(input.sheets, ruleset, named);
  const result = checkWorkbook(input, rs, { templateFormulas: referenceFor(input.sheets, rs), record });
  if (result.problem) return unusable(file, result.problem.zh, result.problem.en);
  return { file, input, result };
}

/** What `--json` and the report say of one file, from its check (or why it was unusable). */
export function fileResultOf(r: CheckedFile | Unusable): FileResult {
  if ("status" in r) return r;
  const { ruleset, summary, findings, model } = r.result;
  const out: FileResult = {
    file: r.file,
    status: "checked",
    ruleset: { id: ruleset.id, fingerprint: ruleset.fingerprint },
    summary,
    findings,
  };
  if (model.record) {
    const { filled, contradicted, absent } = model.record;
    out.history = { filled, contradicted, absent };
  }
  return out;
}
