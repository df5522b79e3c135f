/** The 校验报告 sheet: every finding with its cell as a link, under the ruleset, fingerprint and time. */
import { parseA1, type CheckResult, type Finding } from "../engine";
import type { Table, TableCell } from "./table";

type Lang = "zh" | "en";

/** Severity words, for every front that shows them. */
export const SEVERITY_TEXT = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export const FINDING_HEADER = {
  zh: ["规则", "等级", "工作表", "单元格", "单位", "人员", "说明", "依据"],
  en: ["Rule", "Severity", "Sheet", "Cell", "Unit", "Person", "Message", "Source"],
};
export const FINDING_WIDTHS = [6, 6, 8, 8, 16, 10, 60, 28];

/** One row per finding, the cell as a link to it. */
export function findingRows(findings: Finding[], lang: Lang): TableCell[][] {
  return findings.map((f) => [
    f.rule,
    SEVERITY_TEXT[lang][f.severity],
    f.sheet,
    f.sheet && parseA1(f.cell) ? { text: f.cell, sheet: f.sheet, cell: f.cell } : f.cell,
    f.unit ?? "",
    f.person ?? "",
    lang === "zh" ? f.message : f.messageEn,
    f.source,
  ]);
}

const TEXT = {
  zh: {
    name: "校验报告",
    meta: ["规则集", "指纹", "校验时间", "结果"],
    result: (rows: number, e: number, w: number, i: number) => `读取 ${rows} 行：错误 ${e}，警告 ${w}，提示 ${i}`,
  },
  en: {
    name: "校验报告",
    meta: ["Ruleset", "Fingerprint", "Checked at", "Result"],
    result: (rows: number, e: number, w: number, i: number) =>
      `${rows} rows read: ${e} errors, ${w} warnings, ${i} info`,
  },
};

export function reportTable(result: CheckResult, lang: Lang, at: string): Table {
  const t = TEXT[lang];
  const rs = result.ruleset;
  const s = result.summary;
  return {
    kind: "report",
    name: t.name,
    meta: [
      [t.meta[0], `${rs.id} — ${rs.title[lang]}`],
      [t.meta[1], rs.fingerprint],
      [t.meta[2], at],
      [t.meta[3], t.result(s.rows, s.errors, s.warnings, s.info)],
    ],
    header: FINDING_HEADER[lang],
    rows: findingRows(result.findings, lang),
    widths: FINDING_WIDTHS,
  };
}
