/** Writes a generated book as a real-looking .xlsx: title rows, merged unit cells, a note row. */
import ExcelJS from "exceljs";
import type { GeneratedBook } from "./generate";

export interface WriteOptions {
  /** Merge each unit's cells in the cadre sheet's 单位 column, as many real sheets do. */
  mergeUnits?: boolean;
  titles?: boolean;
}

function title(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.addRow([text]);
  ws.mergeCells(ws.rowCount, 1, ws.rowCount, width);
  ws.getRow(ws.rowCount).font = { bold: true, size: 14 };
}

export function bookToWorkbook(book: GeneratedBook, opts: WriteOptions = {}): ExcelJS.Workbook {
  const { mergeUnits = true, titles = true } = opts;
  const wb = new ExcelJS.Workbook();
  const teams = wb.addWorksheet("班子");
  if (titles) title(teams, `${book.year}年度市直单位领导班子年度考核等次汇总表`, book.teamHeaders.length);
  teams.addRow(book.teamHeaders).font = { bold: true };
  for (const row of book.teams) teams.addRow(row);
  teams.columns.forEach((c, i) => (c.width = i === 1 ? 22 : 12));

  const cadres = wb.addWorksheet("干部");
  if (titles) {
    title(cadres, `${book.year}年度市直单位领导干部年度考核等次汇总表`, book.cadreHeaders.length);
    cadres.addRow(["填报单位：市委组织部干部监督科", null, null, null, null, null, null, null, "填报时间：2026年1月"]);
  }
  cadres.addRow(book.cadreHeaders).font = { bold: true };
  const unitCol = book.cadreHeaders.indexOf("单位") + 1;
  let blockStart = cadres.rowCount + 1;
  let blockUnit: unknown = undefined;
  const closeBlock = (end: number) => {
    if (mergeUnits && end > blockStart) cadres.mergeCells(blockStart, unitCol, end, unitCol);
  };
  for (const row of book.cadres) {
    if (row[unitCol - 1] !== blockUnit) {
      closeBlock(cadres.rowCount);
      blockStart = cadres.rowCount + 1;
      blockUnit = row[unitCol - 1];
    }
    cadres.addRow(row);
  }
  closeBlock(cadres.rowCount);
  if (titles) {
    cadres.addRow([]);
    cadres.addRow(["注：1. 本年等次从优秀、称职、基本称职、不称职、不定等次中选择；2. 是否正职填“是”或“否”。"]);
    cadres.mergeCells(cadres.rowCount, 1, cadres.rowCount, book.cadreHeaders.length);
  }
  cadres.columns.forEach((c, i) => (c.width = [6, 22, 10, 14, 8, 10, 12, 12, 12, 8, 24][i] ?? 12));
  cadres.views = [{ state: "frozen", ySplit: titles ? 3 : 1 }];
  return wb;
}

export async function writeBook(path: string, book: GeneratedBook, opts?: WriteOptions): Promise<void> {
  await bookToWorkbook(book, opts).xlsx.writeFile(path);
}

/** A large book without titles or merges, streamed row by row (the benchmark's 100,000+ rows). */
export async function writeBookStreaming(path: string, book: GeneratedBook): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  for (const [name, header, rows] of [
    ["班子", book.teamHeaders, book.teams],
    ["干部", book.cadreHeaders, book.cadres],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).commit();
    for (const row of rows) ws.addRow(row).commit();
    ws.commit();
  }
  await wb.commit();
}
