/** `kaohe template`: the template description written with ExcelJS (the pane writes it with Office.js). */
import ExcelJS from "exceljs";
import { ANNOUNCED_CELL, columnLetter } from "../engine";
import { inlineList, validationOf, type InputKind, type Template, type TemplateSheet } from "../template/spec";

type Validation = ExcelJS.DataValidation;
interface RangeValidations {
  dataValidations: { add(range: string, v: Validation): void };
}

function validation(kind: InputKind, t: Template): Validation | null {
  const v = validationOf(kind, t);
  const alert = (title: string, text: string) => ({ showErrorMessage: true, errorTitle: title, error: text });
  if (!v) return null;
  switch (v.type) {
    case "list": {
      const list = inlineList(v.items);
      if (!list) return null;
      return {
        type: "list",
        allowBlank: true,
        formulae: [list],
        errorStyle: v.warn ? "warning" : "stop",
        ...alert("请从下拉列表选择", `可选：${v.items.join("、")}`),
      };
    }
    case "decimal":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [v.min, v.max],
        ...alert("数值有误", `请填写 ${v.min}–${v.max} 之间的数`),
      };
    case "whole":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [v.min],
        ...alert("数值有误", "请填写非负整数"),
      };
    case "date":
      return {
        type: "date",
        operator: "greaterThan",
        allowBlank: true,
        formulae: [new Date(`${v.after}T00:00:00Z`)],
        ...alert("日期有误", "请填写日期，如 2021-08-15"),
      };
  }
}

function dataSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, t: Template): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = ws.getRow(1);
  sheet.columns.forEach((col, i) => {
    header.getCell(i + 1).value = col.header;
    ws.getColumn(i + 1).width = col.width;
  });
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } };
  const last = sheet.rows + 1;
  sheet.columns.forEach((col, i) => {
    const L = columnLetter(i);
    if (col.formula) {
      for (let r = 2; r <= last; r++) {
        // The cached result of an empty row is "", so the file shows sensible values before any recalculation.
        ws.getCell(`${L}${r}`).value = { formula: col.formula(r).slice(1), result: "" } as ExcelJS.CellFormulaValue;
      }
      ws.getColumn(i + 1).font = { color: { argb: "FF605E5C" } };
      return;
    }
    const v = col.input ? validation(col.input, t) : null;
    // One range validation per column (exceljs has it at run time, its typings only per cell).
    if (v) (ws as unknown as RangeValidations).dataValidations.add(`${L}2:${L}${last}`, v);
    if (col.input === "date") ws.getColumn(i + 1).numFmt = "yyyy-mm-dd";
    if (col.input === "text" || col.header === "身份证号") ws.getColumn(i + 1).numFmt = "@";
  });
  ws.autoFilter = { from: "A1", to: `${columnLetter(sheet.columns.length - 1)}1` };
}

export function templateWorkbook(t: Template): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaohe";
  dataSheet(wb, t.teams, t);
  dataSheet(wb, t.cadres, t);
  const rules = wb.addWorksheet("规则");
  t.rules.forEach((row) => rules.addRow(row));
  rules.getCell("A1").font = { bold: true, size: 13 };
  const announced = rules.getCell(ANNOUNCED_CELL);
  announced.protection = { locked: false }; // filled in when the results are announced
  announced.numFmt = "yyyy-mm-dd";
  [22, 40, 60, 30, 40].forEach((w, i) => (rules.getColumn(i + 1).width = w));
  // Locked, no password: nobody edits it by accident; an edit on purpose is A01.
  void rules.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  return wb;
}

export async function writeTemplate(path: string, t: Template): Promise<void> {
  await templateWorkbook(t).xlsx.writeFile(path);
}
