/**
 * `kaohe results --out`: the pane's 结果运用清单 and 谈话安排 tables (tables/results.ts) written with ExcelJS,
 * with a 文件 column since one run can cover many workbooks; 位置 is text (the rows live in other files).
 */
import ExcelJS from "exceljs";
import { finishedBytes } from "./finish";
import { cellValue, xmlText } from "./xml-text";
import type { Lang, ResultsFile } from "../batch/results";
import { resultTables } from "../tables/results";
import { isLink } from "../tables/table";

const FILE = { zh: "文件", en: "File" };

/** The result-use list of a batch as a finished .xlsx package (`kaohe results --out`, the app's download). */
export async function resultListBytes(results: ResultsFile[], lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const checked = results.filter((r) => r.status === "checked");
  const perFile = checked.map((r) => ({ file: r.file, tables: resultTables(r.items, lang) }));
  const shape = resultTables([], lang);
  shape.forEach((t, k) => {
    const name = lang === "zh" ? t.name : k === 0 ? "Result use" : "Talks";
    const ws = wb.addWorksheet(xmlText(name), { views: [{ state: "frozen", ySplit: 1 }] });
    const last = t.header.length - 1; // 位置 stays last, after 文件
    const add = (cells: unknown[]) => ws.addRow(cells.map(cellValue));
    add([...t.header.slice(0, last), FILE[lang], t.header[last]]).font = { bold: true };
    for (const { file, tables } of perFile) {
      for (const row of tables[k].rows) {
        const cells = row.map((c) => (isLink(c) ? c.text : (c ?? "")));
        add([...cells.slice(0, last), file, cells[last]]);
      }
    }
    ws.columns.forEach((c, i) => (c.width = [...t.widths.slice(0, last), 24, t.widths[last]][i]));
    ws.autoFilter = { from: "A1", to: { row: 1, column: t.header.length + 1 } };
  });
  return finishedBytes(wb, { output: "results" });
}
