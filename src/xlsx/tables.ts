/**
 * Tables (src/tables) written with ExcelJS exactly as the pane lays them out with Office.js
 * (hosts/excel/write-table.ts): meta lines, a blank line, the header, the body; links as HYPERLINK
 * formulas; 分布 with data bars on its counts, where the pane adds a native chart (ExcelJS draws none).
 */
import ExcelJS from "exceljs";
import { writeFile } from "fs/promises";
import { withAutoOpen, type AddinStore } from "./auto-open";
import { hyperlinkFormula, isLink, type Table } from "../tables/table";

export function tablesWorkbook(tables: Table[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaohe";
  for (const table of tables) {
    const top = table.meta.length ? table.meta.length + 1 : 0;
    const ws = wb.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: top + 1 }] });
    for (const [k, v] of table.meta) {
      const row = ws.addRow([k, v]);
      row.getCell(1).font = { bold: true };
    }
    if (table.meta.length) ws.addRow([]);
    const header = ws.addRow(table.header);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } }));
    for (const cells of table.rows) {
      ws.addRow(
        cells.map((c) => (isLink(c) ? { formula: hyperlinkFormula(c).slice(1), result: c.text } : (c ?? null))),
      );
    }
    table.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.autoFilter = {
      from: { row: top + 1, column: 1 },
      to: { row: top + 1 + table.rows.length, column: table.header.length },
    };
    if (table.kind === "distribution" && table.rows.length > 1) {
      const first = top + 2;
      const last = top + table.rows.length; // units only: the 全体 row would dwarf them
      for (const col of ["B", "C"]) {
        ws.addConditionalFormatting({
          ref: `${col}${first}:${col}${last}`,
          rules: [
            {
              type: "dataBar",
              priority: 1,
              cfvo: [{ type: "num", value: 0 }, { type: "max" }],
              color: { argb: col === "B" ? "FFC50F1F" : "FF0F6CBD" },
            } as ExcelJS.DataBarRuleType,
          ],
        });
      }
    }
  }
  return wb;
}

export async function writeTablesFile(
  path: string,
  tables: Table[],
  autoOpen: AddinStore | null = null,
): Promise<void> {
  if (!autoOpen) return tablesWorkbook(tables).xlsx.writeFile(path);
  await writeFile(path, withAutoOpen(new Uint8Array(await tablesWorkbook(tables).xlsx.writeBuffer()), autoOpen));
}
