/**
 * `kaohe results --out`: the list as a workbook — a sortable 结果运用清单 sheet and a 谈话安排 sheet, in the
 * pane's order, with a 文件 column since one run can cover many workbooks.
 */
import ExcelJS from "exceljs";
import type { Lang } from "../cli/format";
import type { ResultsFile } from "../cli/results";
import { talks } from "../engine";
import { groupedItems } from "../tables/results";

const HEAD = {
  zh: ["规则", "措施", "单位", "姓名", "执行", "期限", "文件", "位置"],
  en: ["Rule", "Measure", "Unit", "Person", "By", "Until", "File", "Row"],
};

export async function writeResultList(path: string, results: ResultsFile[], lang: Lang): Promise<void> {
  const zh = lang === "zh";
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet(zh ? "结果运用清单" : "Result use", { views: [{ state: "frozen", ySplit: 1 }] });
  const talk = wb.addWorksheet(zh ? "谈话安排" : "Talks", { views: [{ state: "frozen", ySplit: 1 }] });
  for (const ws of [list, talk]) ws.addRow(HEAD[lang]).font = { bold: true };
  for (const r of results) {
    if (r.status !== "checked") continue;
    const row = (i: (typeof r.items)[number]) => [
      i.rule,
      zh ? i.measure : i.measureEn,
      i.unit,
      i.person ?? "",
      (zh ? i.by : i.byEn) ?? "",
      i.until ?? "",
      r.file,
      `${i.sheet}!${i.cell}`,
    ];
    // The pane's order: by measure, then unit.
    const items = groupedItems(r.items);
    for (const i of items) list.addRow(row(i));
    for (const i of talks(items)) talk.addRow(row(i));
  }
  for (const ws of [list, talk]) {
    ws.columns.forEach((c, i) => (c.width = [6, 44, 20, 10, 26, 12, 24, 12][i]));
    ws.autoFilter = { from: "A1", to: "H1" };
  }
  await wb.xlsx.writeFile(path);
}
