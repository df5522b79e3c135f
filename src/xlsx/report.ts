/** `--report <out.xlsx>`: every finding of every file as a row of a 校验报告 sheet. */
import ExcelJS from "exceljs";
import type { FileResult } from "../cli/check";
import type { Lang } from "../cli/format";

const HEAD = {
  zh: ["文件", "规则", "等级", "工作表", "单元格", "单位", "人员", "说明", "依据"],
  en: ["File", "Rule", "Severity", "Sheet", "Cell", "Unit", "Person", "Message", "Source"],
};
const SEV = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export async function writeReport(path: string, results: FileResult[], lang: Lang): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("校验报告", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(HEAD[lang]).font = { bold: true };
  for (const r of results) {
    if (r.status === "unusable") {
      ws.addRow([r.file, "", SEV[lang].error, "", "", "", "", lang === "zh" ? r.error : r.errorEn, ""]);
      continue;
    }
    for (const f of r.findings) {
      ws.addRow([
        r.file,
        f.rule,
        SEV[lang][f.severity],
        f.sheet,
        f.cell,
        f.unit ?? "",
        f.person ?? "",
        lang === "zh" ? f.message : f.messageEn,
        f.source,
      ]);
    }
  }
  ws.columns.forEach((c, i) => (c.width = [28, 6, 6, 8, 8, 16, 10, 70, 28][i]));
  ws.autoFilter = { from: "A1", to: "I1" };
  await wb.xlsx.writeFile(path);
}
