/**
 * 「生成模板」: the template description written into the open workbook with Office.js — the same sheets,
 * headers, dropdowns, formulas and protected 规则 sheet as `kaohe template`. It only adds sheets: when
 * the workbook already has a 班子, 干部 or 规则 sheet it stops and says so, never writing over them.
 */
import { ANNOUNCED_CELL, columnLetter } from "../../engine";
import { validationOf, type Template, type TemplateSheet } from "../../template/spec";
import { writeHeader } from "./write-table";

export class TemplateSheetsExist extends Error {
  constructor(readonly names: string[]) {
    super(`sheets exist: ${names.join(", ")}`);
  }
}

function dataSheet(ws: Excel.Worksheet, sheet: TemplateSheet, t: Template): void {
  const cols = sheet.columns.length;
  writeHeader(
    ws.getRangeByIndexes(0, 0, 1, cols),
    sheet.columns.map((c) => c.header),
  );
  const last = sheet.rows + 1;
  sheet.columns.forEach((col, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = col.width * 7;
    const body = ws.getRange(`${columnLetter(i)}2:${columnLetter(i)}${last}`);
    if (col.formula) {
      body.formulas = Array.from({ length: sheet.rows }, (_, k) => [col.formula!(k + 2)]);
      body.format.font.color = "#605E5C";
      return;
    }
    if (col.input === "text") body.numberFormat = Array.from({ length: sheet.rows }, () => ["@"]);
    if (col.input === "date") body.numberFormat = Array.from({ length: sheet.rows }, () => ["yyyy-mm-dd"]);
    const v = col.input ? validationOf(col.input, t) : null;
    if (!v) return;
    switch (v.type) {
      case "list":
        body.dataValidation.rule = { list: { inCellDropDown: true, source: v.items.join(",") } };
        body.dataValidation.errorAlert = {
          showAlert: true,
          style: v.warn ? "Warning" : "Stop",
          title: "请从下拉列表选择",
          message: `可选：${v.items.join("、")}`,
        };
        break;
      case "decimal":
        body.dataValidation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
        break;
      case "whole":
        body.dataValidation.rule = { wholeNumber: { formula1: v.min, operator: "GreaterThanOrEqualTo" } };
        break;
      case "date":
        body.dataValidation.rule = { date: { formula1: v.after, operator: "GreaterThan" } };
        break;
    }
  });
  ws.freezePanes.freezeRows(1);
}

/** Two syncs: which sheets exist, then everything written at once. */
export async function writeTemplateSheets(context: Excel.RequestContext, t: Template): Promise<string[]> {
  const list = context.workbook.worksheets;
  list.load("items/name");
  await context.sync();
  const wanted = [t.teams.name, t.cadres.name, "规则"];
  const taken = list.items.map((w) => w.name).filter((n) => wanted.includes(n.trim()));
  if (taken.length) throw new TemplateSheetsExist(taken);
  dataSheet(list.add(t.teams.name), t.teams, t);
  dataSheet(list.add(t.cadres.name), t.cadres, t);
  const rules = list.add("规则");
  const width = Math.max(...t.rules.map((r) => r.length));
  const grid = t.rules.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? "" : r[c])));
  rules.getRangeByIndexes(0, 0, grid.length, width).values = grid;
  rules.getRange("A1").format.font.bold = true;
  const announced = rules.getRange(ANNOUNCED_CELL);
  announced.numberFormat = [["yyyy-mm-dd"]];
  announced.format.protection.locked = false; // filled in when the results are announced
  [22, 40, 60, 30, 40].forEach((w, i) => (rules.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
  rules.protection.protect();
  list.getItem(t.teams.name).activate();
  await context.sync();
  return wanted;
}
