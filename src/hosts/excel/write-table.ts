/**
 * Writes a table to a sheet of the add-in's own. The previous sheet of the same kind (found by its
 * custom property, not by name) is replaced; a user's sheet that happens to hold the name is left alone
 * and the table goes to "校验报告 (2)". Cells holding text are formatted as text before writing, so a text
 * starting with "=" stays text; numbers keep the General format, since what goes into a text-formatted
 * cell stays text (the 分布 chart plots numbers). Three syncs, more only for tables over the request
 * budget: Excel on the web refuses a request over 5 MB, so the body goes in blocks sized by bytes.
 */
import { hyperlinkFormula, isLink, type Table, type TableCell } from "../../tables/table";
import type { Written } from "../../ui/host";
import { freeName, OWNER_KEY } from "../../ui/owned";
import { jsonBytes, RequestBudget } from "./budget";

export type { Written } from "../../ui/host";

export class WorkbookProtected extends Error {
  readonly code = "AccessDenied";
}

function grid<T>(rows: number, cols: number, fill: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fill(r, c)));
}

/** A header row as text, bold on the light grey of the add-in's sheets (templates and reports alike). */
export function writeHeader(range: Excel.Range, texts: string[]): void {
  range.numberFormat = [texts.map(() => "@")];
  range.values = [texts];
  range.format.font.bold = true;
  range.format.fill.color = "#F3F2F1";
}

/** Text where the cell holds text (so "=…" stays text); General for numbers, blanks and links. */
function formatOf(cell: TableCell): string {
  return typeof cell === "string" && cell !== "" ? "@" : "General";
}

async function fillSheet(ws: Excel.Worksheet, table: Table, budget: RequestBudget): Promise<void> {
  const cols = table.header.length;
  const top = table.meta.length ? table.meta.length + 1 : 0; // meta lines, a blank line, then the header
  if (table.meta.length) {
    const meta = ws.getRangeByIndexes(0, 0, table.meta.length, 2);
    const lines = table.meta.map(([k, v]) => [k, v]);
    await budget.take(2 * jsonBytes(lines));
    meta.numberFormat = grid(table.meta.length, 2, () => "@");
    meta.values = lines;
    ws.getRangeByIndexes(0, 0, table.meta.length, 1).format.font.bold = true;
  }
  await budget.take(2 * jsonBytes(table.header));
  writeHeader(ws.getRangeByIndexes(top, 0, 1, cols), table.header);
  const body: TableCell[][] = table.rows.length
    ? table.rows
    : [[table.kind === "report" ? "—" : "", ...Array(cols - 1).fill("")]];
  const formulas = (row: TableCell[]) =>
    row.map((cell) => (isLink(cell) ? hyperlinkFormula(cell) : cell === null ? "" : cell));
  const formats = (row: TableCell[]) => row.map(formatOf);
  const rowBytes = body.map((row) => jsonBytes(formulas(row)) + jsonBytes(formats(row)));
  for (let r = 0; r < body.length;) {
    const n = budget.rowsThatFit(rowBytes, r);
    const rows = body.slice(r, r + n);
    await budget.take(rowBytes.slice(r, r + n).reduce((a, b) => a + b, 0));
    const range = ws.getRangeByIndexes(top + 1 + r, 0, n, cols);
    range.numberFormat = rows.map(formats);
    range.formulas = rows.map(formulas);
    r += n;
  }
  table.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7));
  ws.freezePanes.freezeRows(top + 1);
  // 分布: a native column chart of 优秀 against 优秀上限 per unit (the 全体 row left out: it would dwarf them),
  // placed right of the table: a chart not placed lands over the cells it plots.
  if (table.kind === "distribution" && table.rows.length > 1) {
    const chart = ws.charts.add("ColumnClustered", ws.getRangeByIndexes(top, 0, table.rows.length, 3), "Columns");
    chart.title.text = table.header[1] + " / " + table.header[2];
    chart.setPosition(ws.getRangeByIndexes(top, cols + 1, 1, 1), ws.getRangeByIndexes(top + 15, cols + 8, 1, 1));
  }
  ws.autoFilter.apply(ws.getRangeByIndexes(top, 0, body.length + 1, cols));
  ws.customProperties.add(OWNER_KEY, table.kind);
}

/**
 * Writes the tables in one pass (three syncs whatever their number, while they fit one request); the
 * first one's sheet is shown.
 */
export async function writeTables(context: Excel.RequestContext, tables: Table[]): Promise<Written[]> {
  const wb = context.workbook;
  wb.protection.load("protected");
  const list = wb.worksheets;
  list.load("items/name");
  await context.sync();
  if (wb.protection.protected) throw new WorkbookProtected("workbook structure is protected");
  const props = list.items.map((ws) => ws.customProperties.load("items/key,items/value"));
  await context.sync();

  const kindOf = list.items.map((_, i) => props[i].items.find((p) => p.key === OWNER_KEY)?.value);
  const mine = list.items.filter((_, i) => tables.some((t) => t.kind === kindOf[i]));
  for (const ws of mine) ws.delete();
  const taken = list.items.filter((ws) => !mine.includes(ws)).map((ws) => ws.name);
  const budget = new RequestBudget(context);
  const written: Written[] = [];
  for (const table of tables) {
    const name = freeName(table.name, taken);
    taken.push(name);
    await fillSheet(list.add(name), table, budget);
    written.push({ name, renamed: name !== table.name, replaced: kindOf.includes(table.kind) });
  }
  if (written.length) list.getItem(written[0].name).activate();
  await context.sync();
  return written;
}

export async function writeTable(context: Excel.RequestContext, table: Table): Promise<Written> {
  return (await writeTables(context, [table]))[0];
}
