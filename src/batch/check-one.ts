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
import type { FormatId } from "../xlsx/formats";
import { FORMAT_NAME, sayFormatLoss } from "../xlsx/legacy/format-loss";
import { unusable, type FileResult, type Unusable } from "./results";

/** A returned workbook that was read and checked. */
export interface CheckedFile {
  file: string;
  input: WorkbookInput;
  result: CheckResult;
  /** The format it was read as, where not .xlsx (status lines name it). */
  format?: FormatId;
}

export function checkInput(
  file: string,
  input: WorkbookInput,
  ruleset: ResolvedRuleset,
  named: boolean,
  extra: { format?: FormatId; record?: PastRecord | null } = {},
): CheckedFile | Unusable {
  const { format, record = null } = extra;
  const rs = rulesetForWorkbook(input.sheets, ruleset, named);
  const refs = referenceFor(input.sheets, rs);
  const checked = checkWorkbook(input, rs, { templateFormulas: refs, record });
  // What an older format's program did to the template's formulas is said as such, once per column.
  const result = format && format !== "xlsx" ? sayFormatLoss(checked, input, refs ?? [], FORMAT_NAME[format]) : checked;
  if (result.problem) return unusable(file, result.problem.zh, result.problem.en);
  return { file, input, result, ...(format && format !== "xlsx" ? { format } : {}) };
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
