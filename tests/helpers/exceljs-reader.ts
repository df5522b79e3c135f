/**
 * The reader this project used before its own (src/xlsx/ooxml): ExcelJS's full load, turned into the
 * same matrices. Kept in the tests as an independent oracle of what a workbook holds.
 */
import ExcelJS from "exceljs";
import { parseA1, type SheetInput, type WorkbookInput } from "../../src/engine";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A cell value as Excel's `range.values` would give it. */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86400000;
  const o = v as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("error" in o) return String(o.error);
  if ("text" in o) return plainValue(o.text);
  return String(v);
}

function sheetInput(ws: ExcelJS.Worksheet): SheetInput {
  const values: unknown[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = row.values as unknown[];
    const out: unknown[] = new Array(Math.max(0, raw.length - 1));
    let fs: (string | null)[] | null = null;
    for (let c = 1; c < raw.length; c++) {
      const v = raw[c];
      out[c - 1] = plainValue(v);
      if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
        // Shared formulas are stored once; ExcelJS translates them per cell.
        const text = row.getCell(c).formula;
        if (text) {
          fs ??= new Array<string | null>(raw.length - 1).fill(null);
          fs[c - 1] = "=" + text;
          anyFormula = true;
        }
      }
    }
    values[rowNumber - 1] = out;
    if (fs) formulas[rowNumber - 1] = fs;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const merges: string[] = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  // Excel leaves all but a merge's anchor blank; ExcelJS repeats the anchor's value.
  for (const m of merges) {
    const [from, to] = m.split(":");
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++) {
        if ((r !== a.row || c !== a.col) && values[r]) values[r][c] = null;
      }
    }
  }
  return {
    name: ws.name,
    values,
    merges,
    hidden: ws.state !== "visible",
    ...(anyFormula ? { formulas: Array.from({ length: values.length }, (_, r) => formulas[r] ?? []) } : {}),
  };
}

export async function readWithExcelJS(path: string): Promise<WorkbookInput> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return { sheets: wb.worksheets.map(sheetInput) };
}
