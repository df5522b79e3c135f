/** The whole job over plain matrices, as the CLI and the task pane both call it. */
import { checkModel, summarize, type Summary } from "./check";
import { buildModel } from "./model/read";
import { auditModel } from "./audit/pass";
import type { FormulaReference, Model, WorkbookInput } from "./model/types";
import type { ResolvedRuleset } from "./ruleset/resolve";
import type { Finding } from "./rules/types";
import { RULES } from "./rules/index";
import { applyRecord } from "./record/apply";
import type { PastRecord } from "./record/types";

export interface CheckResult {
  model: Model;
  ruleset: ResolvedRuleset;
  findings: Finding[];
  summary: Summary;
  /** Set when the workbook holds no appraisal sheet at all: nothing was checked. */
  problem?: { zh: string; en: string };
}

export const NO_APPRAISAL_SHEET = {
  zh: "没有找到考核表：需要含「姓名」和「本年等次」列的干部表，或含「单位」和「班子等次」列的班子表",
  en: "No appraisal sheet found: need a cadre sheet with 姓名 and 本年等次 columns, or a teams sheet with 单位 and 班子等次",
};

export interface CheckWorkbookOptions {
  /** The formulas of the template the workbook was made from (src/template), for A03–A06. */
  templateFormulas?: FormulaReference[];
  /** The department's record of past years (--history): fills blank history, H07 where it disagrees. */
  record?: PastRecord | null;
}

/** The model of a workbook with the audit pass done: what checks and result lists read. */
export function modelOf(input: WorkbookInput, ruleset: ResolvedRuleset, options: CheckWorkbookOptions = {}): Model {
  const model = auditModel(buildModel(input, ruleset), input.sheets, ruleset, options.templateFormulas);
  if (options.record) applyRecord(model, options.record);
  return model;
}

export function checkWorkbook(
  input: WorkbookInput,
  ruleset: ResolvedRuleset,
  options: CheckWorkbookOptions = {},
): CheckResult {
  const model = modelOf(input, ruleset, options);
  if (!model.cadreSheet && !model.teamSheet) {
    return { model, ruleset, findings: [], summary: summarize(model, []), problem: NO_APPRAISAL_SHEET };
  }
  const findings = checkModel(model, ruleset, RULES);
  return { model, ruleset, findings, summary: summarize(model, findings) };
}
