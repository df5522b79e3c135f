/**
 * The reader's figure (issue 22): a workbook of 20,000 tiny sheets read by src/xlsx/ooxml — the zip
 * directory read once and each part inflated on its own, so the time grows with the sheets, not their square.
 */
import { rawXlsx } from "../sample/raw-xlsx";
import { readWorkbookBytes } from "../xlsx/ooxml";

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function readerFigures(log: (s: string) => void, sheets = 20000): Promise<Record<string, number>> {
  log(`reader: a workbook of ${sheets} tiny sheets…`);
  const bytes = rawXlsx(
    Array.from({ length: sheets }, (_, i) => ({
      name: `表${i + 1}`,
      xml: `<sheetData><row r="1"><c r="A1"><v>${i}</v></c></row></sheetData>`,
    })),
  );
  const t = process.hrtime.bigint();
  const read = readWorkbookBytes(bytes);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (read.sheets.length !== sheets) throw new Error(`read ${read.sheets.length} sheets of ${sheets}`);
  return { reader_sheets_20k_ms: round(ms) };
}
