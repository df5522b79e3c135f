/**
 * What a workbook holds, cell for cell, read with ExcelJS (an oracle independent of our reader): per
 * sheet, each cell's value or formula, its data validation, and the sheet's conditional formats — to
 * say two files are the same workbook although their zips differ (times, ids).
 */
import ExcelJS from "exceljs";

export interface SheetCells {
  cells: Record<string, unknown>;
  validations: Record<string, unknown>;
  conditionalFormats: unknown;
}

/** A time a writer stamps ("2026-12-03 11:05"): equal between two runs only by chance of the minute. */
const STAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d$/;

export async function workbookCells(bytes: Uint8Array | Buffer): Promise<Record<string, SheetCells>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, SheetCells> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    const validations: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        const f = cell.formula;
        cells[cell.address] = f ? `=${f}` : typeof v === "string" && STAMP.test(v) ? "<time>" : v;
        if (cell.dataValidation) validations[cell.address] = cell.dataValidation;
      }),
    );
    out[ws.name] = {
      cells,
      validations,
      conditionalFormats: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    };
  });
  return out;
}
