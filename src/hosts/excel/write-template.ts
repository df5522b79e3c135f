/**
 * 「生成模板」: the template description written into the open workbook with Office.js — the same form,
 * sheets, headers, dropdowns with input messages, formulas, highlights, protection and print setup as
 * `kaohe template`. It only adds sheets: when the workbook already has a 班子, 干部 or 规则 sheet it stops
 * and says so, never writing over them.
 */
import { ANNOUNCED_CELL, columnLetter } from "../../engine";
import {
  inlineList,
  INSTRUCTIONS_SHEET,
  promptOf,
  validationOf,
  type Template,
  type TemplateSheet,
} from "../../template/spec";
import { jsonBytes, RequestBudget } from "./budget";
import { writeHeader } from "./write-table";

export class TemplateSheetsExist extends Error {
  constructor(readonly names: string[]) {
    super(`sheets exist: ${names.join(", ")}`);
  }
}

/** Print setup needs ExcelApi 1.9 (Office 2021+); older hosts get the template without it. */
function canSetPageLayout(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return !office?.context?.requirements || office.context.requirements.isSetSupported("ExcelApi", "1.9");
}

async function dataSheet(ws: Excel.Worksheet, sheet: TemplateSheet, t: Template, budget: RequestBudget): Promise<void> {
  const cols = sheet.columns.length;
  const h = sheet.headerRow;
  const lastCol = columnLetter(cols - 1);
  // Input columns unlocked whole (rows typed below the prepared ones too); the rest stays locked.
  sheet.columns.forEach((col, i) => {
    const L = columnLetter(i);
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = col.width * 7;
    if (col.input) ws.getRange(`${L}:${L}`).format.protection.locked = false;
  });
  ws.getRangeByIndexes(0, 0, h, cols).format.protection.locked = true;
  const title = ws.getRange(`A1:${lastCol}1`);
  title.merge();
  ws.getRange("A1").values = [[sheet.title]];
  title.format.font.bold = true;
  for (const f of sheet.form) {
    const label = ws.getRangeByIndexes(1, f.col, 1, 1);
    label.values = [[f.label]];
    label.format.font.bold = true;
    const input = ws.getRangeByIndexes(1, f.col + 1, 1, 1);
    input.format.protection.locked = false;
    if (f.date) input.numberFormat = [["yyyy-mm-dd"]];
  }
  writeHeader(
    ws.getRangeByIndexes(h - 1, 0, 1, cols),
    sheet.columns.map((c) => c.header),
  );
  const first = h + 1;
  const last = h + sheet.rows;
  for (const [i, col] of sheet.columns.entries()) {
    const L = columnLetter(i);
    const body = ws.getRange(`${L}${first}:${L}${last}`);
    if (col.formula) {
      const formulas = Array.from({ length: sheet.rows }, (_, k) => [col.formula!(first + k)]);
      await budget.take(jsonBytes(formulas)); // a long template's formulas pass 5 MB on the web
      body.formulas = formulas;
      body.format.font.color = "#605E5C";
      continue;
    }
    if (col.input === "text" || col.input === "unit" || col.header === "身份证号")
      body.numberFormat = Array.from({ length: sheet.rows }, () => ["@"]);
    if (col.input === "date") body.numberFormat = Array.from({ length: sheet.rows }, () => ["yyyy-mm-dd"]);
    const v = col.input ? validationOf(col.input, t) : null;
    if (!v) continue;
    switch (v.type) {
      case "list": {
        // The file writer's rule (template/spec.ts): a list over Excel's 255 characters gets no dropdown.
        const list = inlineList(v.items);
        if (!list) continue;
        body.dataValidation.rule = { list: { inCellDropDown: true, source: list.slice(1, -1) } };
        body.dataValidation.errorAlert = {
          showAlert: true,
          style: v.warn ? "Warning" : "Stop",
          title: "请从下拉列表选择",
          message: `可选：${v.items.join("、")}`,
        };
        break;
      }
      case "listRange":
        body.dataValidation.rule = { list: { inCellDropDown: true, source: v.source } };
        body.dataValidation.errorAlert = {
          showAlert: true,
          style: "Warning",
          title: "单位不在班子表中",
          message: "班子表中没有这个单位，请先在班子表中填写",
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
    const prompt = promptOf(col, t);
    if (prompt) body.dataValidation.prompt = { showPrompt: true, title: prompt.title, message: prompt.text };
  }
  for (const x of sheet.highlights) {
    const cf = ws.getRange(x.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = x.formula;
    cf.custom.format.fill.color = x.fill;
  }
  ws.freezePanes.freezeRows(h);
  if (canSetPageLayout()) {
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows(`$${h}:$${h}`);
  }
  // No password: a unit can unprotect knowingly (A03/A04 then see what changed); rows may be added.
  ws.protection.protect({
    allowFormatColumns: true,
    allowFormatRows: true,
    allowInsertRows: true,
    allowDeleteRows: true,
    allowAutoFilter: true,
    allowSort: true,
  });
}

/** Two syncs: which sheets exist, then everything written at once (in blocks, when over the request budget). */
export async function writeTemplateSheets(context: Excel.RequestContext, t: Template): Promise<string[]> {
  const list = context.workbook.worksheets;
  list.load("items/name");
  await context.sync();
  const wanted = [t.teams.name, t.cadres.name, "规则", INSTRUCTIONS_SHEET];
  const taken = list.items.map((w) => w.name).filter((n) => wanted.includes(n.trim()));
  if (taken.length) throw new TemplateSheetsExist(taken);
  const budget = new RequestBudget(context);
  await dataSheet(list.add(t.teams.name), t.teams, t, budget);
  await dataSheet(list.add(t.cadres.name), t.cadres, t, budget);
  const rules = list.add("规则");
  const width = Math.max(...t.rules.map((r) => r.length));
  const grid = t.rules.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? "" : r[c])));
  rules.getRangeByIndexes(0, 0, grid.length, width).values = grid;
  for (const [at, fmt] of Object.entries(t.rulesFormats)) rules.getRange(at).numberFormat = [[fmt]];
  rules.getRange("A1").format.font.bold = true;
  const announced = rules.getRange(ANNOUNCED_CELL);
  announced.numberFormat = [["yyyy-mm-dd"]];
  announced.format.protection.locked = false; // filled in when the results are announced
  [44, 40, 60, 14, 40].forEach((w, i) => (rules.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
  rules.getRangeByIndexes(0, 3, grid.length, 1).format.font.color = "#8A8886"; // the machine keys, in grey
  rules.protection.protect();
  const notes = list.add(INSTRUCTIONS_SHEET);
  notes.getRangeByIndexes(0, 0, t.instructions.length, 1).values = t.instructions.map((line) => [line]);
  notes.getRange("A1").format.font.bold = true;
  notes.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 120 * 7;
  if (canSetPageLayout()) notes.pageLayout.orientation = "Landscape";
  list.getItem(t.teams.name).activate();
  await context.sync();
  return wanted;
}
