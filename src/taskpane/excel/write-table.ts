/**
 * Writes a table to a sheet of the add-in's own. The previous sheet of the same kind (found by its
 * custom property, not by name) is replaced; a user's sheet that happens to hold the name is left alone
 * and the table goes to "校验报告 (2)". Text columns are formatted as text before writing, so a cell
 * text starting with "=" stays text. Three syncs.
 */
import { hyperlinkFormula, isLink, type Table, type TableCell } from "../../tables/table";
import { freeName, OWNER_KEY } from "./owned";

export interface Written {
  name: string;
  /** True when a user's sheet held the wanted name. */
  renamed: boolean;
  replaced: boolean;
}

export class WorkbookProtected extends Error {
  readonly code = "AccessDenied";
}

function grid<T>(rows: number, cols: number, fill: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fill(r, c)));
}

export async function writeTable(context: Excel.RequestContext, table: Table): Promise<Written> {
  const wb = context.workbook;
  wb.protection.load("protected");
  const list = wb.worksheets;
  list.load("items/name");
  await context.sync();
  if (wb.protection.protected) throw new WorkbookProtected("workbook structure is protected");
  const props = list.items.map((ws) => ws.customProperties.load("items/key,items/value"));
  await context.sync();

  const mine = list.items.filter((_, i) => props[i].items.some((p) => p.key === OWNER_KEY && p.value === table.kind));
  for (const ws of mine) ws.delete();
  const left = list.items.filter((ws) => !mine.includes(ws)).map((ws) => ws.name);
  const name = freeName(table.name, left);
  const ws = list.add(name);

  const cols = table.header.length;
  const top = table.meta.length ? table.meta.length + 1 : 0; // meta lines, a blank line, then the header
  if (table.meta.length) {
    const meta = ws.getRangeByIndexes(0, 0, table.meta.length, 2);
    meta.numberFormat = grid(table.meta.length, 2, () => "@");
    meta.values = table.meta.map(([k, v]) => [k, v]);
    ws.getRangeByIndexes(0, 0, table.meta.length, 1).format.font.bold = true;
  }
  const header = ws.getRangeByIndexes(top, 0, 1, cols);
  header.numberFormat = [table.header.map(() => "@")];
  header.values = [table.header];
  header.format.font.bold = true;
  header.format.fill.color = "#F3F2F1";

  const body: TableCell[][] = table.rows.length
    ? table.rows
    : [[table.kind === "report" ? "—" : "", ...Array(cols - 1).fill("")]];
  const linkCol = body[0].map((_, c) => body.some((row) => isLink(row[c])));
  const range = ws.getRangeByIndexes(top + 1, 0, body.length, cols);
  range.numberFormat = grid(body.length, cols, (_r, c) => (linkCol[c] ? "General" : "@"));
  range.formulas = body.map((row) =>
    row.map((cell) => (isLink(cell) ? hyperlinkFormula(cell) : cell === null ? "" : cell)),
  );
  table.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7));
  ws.freezePanes.freezeRows(top + 1);
  ws.autoFilter.apply(ws.getRangeByIndexes(top, 0, body.length + 1, cols));
  ws.customProperties.add(OWNER_KEY, table.kind);
  ws.activate();
  await context.sync();
  return { name, renamed: name !== table.name, replaced: mine.length > 0 };
}
