/**
 * `--report <out.xlsx>`: every finding of every file on one 校验报告 sheet — the pane's finding rows
 * (tables/report.ts) with a 文件 column in front; 单元格 is text, the cells live in other files.
 */
import ExcelJS from "exceljs";
import { finishedBytes } from "./finish";
import { cellValue } from "./xml-text";
import type { FileResult, Lang } from "../batch/results";
import { FINDING_HEADER, FINDING_WIDTHS, findingRows, SEVERITY_TEXT } from "../tables/report";
import { isLink } from "../tables/table";

const FILE = { zh: "文件", en: "File" };

/** The report of a batch as a finished .xlsx package (`kaohe check --report`, the app's download). */
export async function reportBytes(results: FileResult[], lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("校验报告", { views: [{ state: "frozen", ySplit: 1 }] });
  const add = (cells: unknown[]) => ws.addRow(cells.map(cellValue));
  add([FILE[lang], ...FINDING_HEADER[lang]]).font = { bold: true };
  for (const r of results) {
    if (r.status === "unusable") {
      add([r.file, "", SEVERITY_TEXT[lang].error, "", "", "", "", lang === "zh" ? r.error : r.errorEn, ""]);
      continue;
    }
    for (const row of findingRows(r.findings, lang)) add([r.file, ...row.map((c) => (isLink(c) ? c.text : c))]);
  }
  ws.columns.forEach((c, i) => (c.width = [28, ...FINDING_WIDTHS][i]));
  ws.autoFilter = { from: "A1", to: { row: 1, column: FINDING_HEADER[lang].length + 1 } };
  return finishedBytes(wb, { output: "report" });
}
