/**
 * The department's record of past years (--history, the pane's 往年结果): earlier consolidated or checked
 * workbooks, each read as a returned file is and kept only as its year's grades. A file that cannot serve
 * says why, as an unusable input does.
 */
import {
  modelOf,
  NO_APPRAISAL_SHEET,
  pastPart,
  recordOf,
  rulesetForWorkbook,
  type PastPart,
  type PastRecord,
  type ResolvedRuleset,
  type WorkbookInput,
} from "../engine";
import { unusable, type Unusable } from "./results";

export type RecordFileStatus = { file: string; status: "used"; year: number; people: number } | Unusable;

export const NO_YEAR = {
  zh: "无法确定往年结果的考核年度：标题或列名中没有年份（如「2024年度考核…」「2024年度等次」），也没有「规则」表",
  en: "the record's appraisal year is unknown: no year in a title or a header (2024年度考核…, 2024年度等次) and no 规则 sheet",
};

/** One past workbook's grades, or why it cannot serve as the record. */
export function pastFile(
  file: string,
  input: WorkbookInput,
  ruleset: ResolvedRuleset,
  named: boolean,
): PastPart | Unusable {
  const model = modelOf(input, rulesetForWorkbook(input.sheets, ruleset, named));
  if (!model.cadreSheet || model.cadreSheet.cols.grade === undefined)
    return unusable(file, NO_APPRAISAL_SHEET.zh, NO_APPRAISAL_SHEET.en);
  return pastPart({ file, model }) ?? unusable(file, NO_YEAR.zh, NO_YEAR.en);
}

/** The record of the files that serve, and a status per file. */
export function recordFrom(parts: (PastPart | Unusable)[]): { record: PastRecord; files: RecordFileStatus[] } {
  const used = parts.filter((p): p is PastPart => !("status" in p));
  return {
    record: recordOf(used),
    files: parts.map((p) => ("status" in p ? p : { ...p.file, status: "used" as const })),
  };
}

/** One line per record file: its year and people, or why it is not used. */
export function recordLine(s: RecordFileStatus, lang: "zh" | "en"): string {
  if (s.status === "unusable")
    return lang === "zh" ? `✗ 往年结果 ${s.file}：${s.error}` : `✗ record ${s.file}: ${s.errorEn}`;
  return lang === "zh"
    ? `◆ 往年结果 ${s.file}：${s.year} 年度，${s.people} 人`
    : `◆ record ${s.file}: ${s.year}, ${s.people} people`;
}
