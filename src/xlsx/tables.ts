/**
 * Tables (src/tables) written with ExcelJS exactly as the pane lays them out with Office.js
 * (taskpane/excel/write-table.ts): meta lines, a blank line, the header, the body; links as HYPERLINK
 * formulas; 分布 with data bars on its counts, where the pane adds a native chart (ExcelJS draws none).
 * Streamed row by row (a merged workbook of 100,000 rows is never held as an ExcelJS model), then finished:
 * filter names, the data bars written whole, the KaoheOutput mark, auto-open (finish.ts).
 */
import ExcelJS from "exceljs";
import { writeFile } from "fs/promises";
import { PassThrough } from "stream";
import type { AddinStore } from "./auto-open";
import { finishPackage, type DataBar, type OutputKind } from "./finish";
import { cellValue, xmlText } from "./xml-text";
import { columnLetter } from "../engine";
import { hyperlinkFormula, isLink, type Table } from "../tables/table";

const BOLD = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } };

/** The tables as a finished .xlsx package. */
export async function tablesBytes(
  tables: Table[],
  o: { output?: OutputKind | null; autoOpen?: AddinStore | null } = {},
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = "kaohe";
  const filters: { sheet: string; ref: string }[] = [];
  const dataBars: DataBar[] = [];
  for (const table of tables) {
    const top = table.meta.length ? table.meta.length + 1 : 0;
    const ws = wb.addWorksheet(xmlText(table.name), { views: [{ state: "frozen", ySplit: top + 1 }] });
    ws.columns = table.widths.map((width) => ({ width }));
    for (const [k, v] of table.meta) {
      const row = ws.addRow([cellValue(k), cellValue(v)]);
      row.getCell(1).font = BOLD;
      row.commit();
    }
    if (table.meta.length) ws.addRow([]).commit();
    const header = ws.addRow(table.header.map(cellValue));
    header.font = BOLD;
    header.eachCell((c) => (c.fill = HEADER_FILL));
    header.commit();
    for (const cells of table.rows) {
      ws.addRow(
        cells.map((c) =>
          isLink(c) ? cellValue({ formula: hyperlinkFormula(c).slice(1), result: c.text }) : cellValue(c ?? null),
        ),
      ).commit();
    }
    const ref = `A${top + 1}:${columnLetter(table.header.length - 1)}${top + 1 + table.rows.length}`;
    ws.autoFilter = ref;
    filters.push({ sheet: table.name, ref });
    if (table.kind === "distribution" && table.rows.length > 1) {
      const [first, last] = [top + 2, top + table.rows.length]; // units only: the 全体 row would dwarf them
      dataBars.push({ sheet: table.name, ref: `B${first}:B${last}`, argb: "FFC50F1F" });
      dataBars.push({ sheet: table.name, ref: `C${first}:C${last}`, argb: "FF0F6CBD" });
    }
    ws.commit();
  }
  await wb.commit();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  chunks.length = 0;
  return finishPackage(bytes, { filters, dataBars, output: o.output ?? null, autoOpen: o.autoOpen ?? null });
}

export async function writeTablesFile(
  path: string,
  tables: Table[],
  autoOpen: AddinStore | null = null,
  output: OutputKind = "merge",
): Promise<void> {
  await writeFile(path, await tablesBytes(tables, { output, autoOpen }));
}
