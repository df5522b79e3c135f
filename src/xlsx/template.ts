/**
 * `kaohe template`: the template description written with ExcelJS (the pane writes it with Office.js).
 * KH formulas are stored as Excel stores custom functions (`_xldudf_KH_CHECK(`); every text through xmlText.
 */
import ExcelJS from "exceljs";
import type { AddinStore } from "./auto-open";
import { finishedBytes } from "./finish";
import { cellValue, xmlText } from "./xml-text";
import { ANNOUNCED_CELL, columnLetter } from "../engine";
import { toStoredFormula } from "../engine/audit/stored-formula";
import {
  inlineList,
  INSTRUCTIONS_SHEET,
  promptOf,
  validationOf,
  type Template,
  type TemplateColumn,
  type TemplateSheet,
} from "../template/spec";

type Validation = ExcelJS.DataValidation;
interface RangeValidations {
  dataValidations: { add(range: string, v: Validation): void };
}

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

function validation(col: TemplateColumn, t: Template): Validation | null {
  const v = col.input ? validationOf(col.input, t) : null;
  if (!v) return null;
  const prompt = promptOf(col, t);
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    ...(prompt ? { showInputMessage: true, promptTitle: xmlText(prompt.title), prompt: xmlText(prompt.text) } : {}),
  };
  switch (v.type) {
    case "list": {
      const list = inlineList(v.items);
      if (!list) return null;
      return {
        ...base,
        type: "list",
        formulae: [xmlText(list)],
        errorStyle: v.warn ? "warning" : "stop",
        errorTitle: "请从下拉列表选择",
        error: xmlText(`可选：${v.items.join("、")}`),
      };
    }
    case "listRange":
      return {
        ...base,
        type: "list",
        formulae: [v.source.slice(1)],
        errorStyle: "warning",
        errorTitle: "单位不在班子表中",
        error: "班子表中没有这个单位，请先在班子表中填写",
      };
    case "decimal":
      return {
        ...base,
        type: "decimal",
        operator: "between",
        formulae: [v.min, v.max],
        errorTitle: "数值有误",
        error: `请填写 ${v.min}–${v.max} 之间的数`,
      };
    case "whole":
      return {
        ...base,
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [v.min],
        errorTitle: "数值有误",
        error: "请填写非负整数",
      };
    case "date":
      return {
        ...base,
        type: "date",
        operator: "greaterThan",
        formulae: [new Date(`${v.after}T00:00:00Z`)],
        errorTitle: "日期有误",
        error: "请填写日期，如 2021-08-15",
      };
  }
}

const LOCKED = { locked: true };
const UNLOCKED = { locked: false };

function dataSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, t: Template): void {
  const h = sheet.headerRow;
  const ws = wb.addWorksheet(xmlText(sheet.name), { views: [{ state: "frozen", ySplit: h }] });
  const width = sheet.columns.length;
  const lastCol = columnLetter(width - 1);
  // Input columns are unlocked whole (rows typed below the prepared ones too); formula columns stay locked.
  sheet.columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = col.width;
    if (col.input) column.protection = UNLOCKED;
    if (col.formula) column.font = { color: { argb: "FF605E5C" } }; // computed: grey (titles and headers set below)
    // A long 提示 shrinks into its column instead of spilling across the printed page (rows never grow).
    if (col.computes === "hint" || col.computes === "check") column.alignment = { shrinkToFit: true };
    if (col.input === "date") column.numFmt = "yyyy-mm-dd";
    if (col.input === "text" || col.input === "unit" || col.header === "身份证号") column.numFmt = "@";
  });
  // Above the table: the title, then the form a county office fills and signs.
  const title = ws.getCell("A1");
  title.value = cellValue(sheet.title);
  ws.mergeCells(`A1:${lastCol}1`);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };
  ws.getRow(1).height = 24;
  for (let r = 1; r < h; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).protection = LOCKED;
  for (const f of sheet.form) {
    const label = ws.getCell(2, f.col + 1);
    label.value = cellValue(f.label);
    label.font = { bold: true, color: { argb: "FF000000" } };
    label.alignment = { horizontal: "right" };
    const input = ws.getCell(2, f.col + 2);
    input.protection = UNLOCKED;
    input.border = { bottom: { style: "thin" } };
    if (f.date) input.numFmt = "yyyy-mm-dd";
  }
  const header = ws.getRow(h);
  sheet.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellValue(col.header);
    cell.protection = LOCKED;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  const first = h + 1;
  const last = h + sheet.rows;
  sheet.columns.forEach((col, i) => {
    const L = columnLetter(i);
    if (col.formula) {
      for (let r = first; r <= last; r++) {
        // The cached result of an empty row is "", so the file shows sensible values before any recalculation.
        ws.getCell(`${L}${r}`).value = cellValue({
          formula: toStoredFormula(col.formula(r)).slice(1),
          result: "",
        }) as ExcelJS.CellFormulaValue;
      }
      return;
    }
    const v = validation(col, t);
    // One range validation per column (exceljs has it at run time, its typings only per cell).
    if (v) (ws as unknown as RangeValidations).dataValidations.add(`${L}${first}:${L}${last}`, v);
  });
  for (const x of sheet.highlights) {
    ws.addConditionalFormatting({
      ref: x.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [xmlText(toStoredFormula(x.formula)).slice(1)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(x.fill) } } },
        },
      ],
    });
  }
  ws.autoFilter = { from: `A${h}`, to: `${lastCol}${h}` };
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${h}:${h}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  // No password: a unit can unprotect knowingly (A03/A04 then see what changed); rows may be added.
  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    autoFilter: true,
    sort: true,
  });
}

export function templateWorkbook(t: Template): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaohe";
  dataSheet(wb, t.teams, t);
  dataSheet(wb, t.cadres, t);
  const rules = wb.addWorksheet("规则");
  t.rules.forEach((row) => rules.addRow(row.map(cellValue)));
  for (const [at, fmt] of Object.entries(t.rulesFormats)) rules.getCell(at).numFmt = fmt;
  rules.getCell("A1").font = { bold: true, size: 13 };
  const announced = rules.getCell(ANNOUNCED_CELL);
  announced.protection = UNLOCKED; // filled in when the results are announced
  announced.numFmt = "yyyy-mm-dd";
  [44, 40, 60, 14, 40].forEach((w, i) => (rules.getColumn(i + 1).width = w));
  rules.getColumn(4).font = { color: { argb: "FF8A8886" }, size: 9 }; // the machine keys: narrow and grey
  rules.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // Locked, no password: nobody edits it by accident; an edit on purpose is A01.
  void rules.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  const notes = wb.addWorksheet(xmlText(INSTRUCTIONS_SHEET));
  t.instructions.forEach((line) => notes.addRow([cellValue(line)]));
  notes.getColumn(1).width = 120;
  notes.getCell("A1").font = { bold: true, size: 13 };
  notes.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return wb;
}

/** The template as a finished .xlsx package (`kaohe template`, the app's download, WPS's 生成模板). */
export function templateBytes(t: Template, autoOpen: AddinStore | null = null): Promise<Uint8Array> {
  return finishedBytes(templateWorkbook(t), { autoOpen });
}
