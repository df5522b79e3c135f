/**
 * Writes tables to sheets of the add-in's own in WPS, as the Excel host does: the previous sheet of the
 * same kind (found by its custom property, not its name) is replaced; a user's sheet holding the name is
 * left alone and the table goes to "校验报告 (2)". Each sheet is written in a few bulk calls.
 */
import { hyperlinkFormula, isLink, type Table, type TableCell } from "../../tables/table";
import type { Written } from "../../ui/host";
import { freeName, OWNER_KEY } from "../../ui/owned";
import { addressOf } from "./address";
import { bgr, sheetAt, type WpsApp } from "./et";
import { ownerOf } from "./read";

export class WorkbookProtected extends Error {
  readonly code = "AccessDenied";
}

const HEADER_FILL = bgr("#F3F2F1");

/** A column of text only (no number, no link) is formatted as text, so "=…" or "001" stays as typed. */
function textColumns(rows: TableCell[][], cols: number): boolean[] {
  return Array.from({ length: cols }, (_, c) =>
    rows.every((row) => row[c] === null || row[c] === undefined || typeof row[c] === "string"),
  );
}

function fillSheet(ws: Et.Worksheet, table: Table): void {
  const cols = table.header.length;
  const top = table.meta.length ? table.meta.length + 1 : 0; // meta lines, a blank line, then the header
  const body: TableCell[][] = table.rows.length
    ? table.rows
    : [[table.kind === "report" ? "—" : "", ...Array<TableCell>(cols - 1).fill("")]];
  const grid: unknown[][] = [
    ...table.meta.map(([k, v]) => [k, v, ...Array<string>(cols - 2).fill("")]),
    ...(table.meta.length ? [Array<string>(cols).fill("")] : []),
    table.header,
    ...body.map((row) => row.map((cell) => (isLink(cell) ? hyperlinkFormula(cell) : cell === null ? "" : cell))),
  ];
  const width = Math.max(cols, 2);
  const all = ws.Range(addressOf({ r0: 0, c0: 0, r1: grid.length - 1, c1: width - 1 }));
  // Text before values: meta, header and text columns hold what was written, never a formula or a date.
  all.NumberFormat = "@";
  textColumns(body, cols).forEach((text, c) => {
    if (!text) ws.Range(addressOf({ r0: top + 1, c0: c, r1: top + body.length, c1: c })).NumberFormat = "General";
  });
  (all as unknown as { Formula: unknown[][] }).Formula = grid.map((row) =>
    row.length < width ? [...row, ...Array<string>(width - row.length).fill("")] : row,
  );
  if (table.meta.length) ws.Range(addressOf({ r0: 0, c0: 0, r1: table.meta.length - 1, c1: 0 })).Font.Bold = true;
  const header = ws.Range(addressOf({ r0: top, c0: 0, r1: top, c1: cols - 1 }));
  header.Font.Bold = true;
  header.Interior.Color = HEADER_FILL;
  table.widths.forEach((w, c) => (ws.Range(addressOf({ r0: 0, c0: c, r1: 0, c1: c })).ColumnWidth = w));
  ws.Range(addressOf({ r0: top, c0: 0, r1: top + body.length, c1: cols - 1 })).AutoFilter();
  if (table.kind === "distribution" && table.rows.length > 1) {
    // Data bars on 优秀 and 优秀上限, as the file writer draws them (the 全体 row left out).
    for (const c of [1, 2])
      ws.Range(addressOf({ r0: top + 1, c0: c, r1: top + table.rows.length - 1, c1: c })).FormatConditions.AddDatabar();
  }
  ws.CustomProperties.Add(OWNER_KEY, table.kind);
}

/** Runs WPS writes with events off and alerts off (deleting a sheet asks otherwise). */
export function quietly<T>(app: WpsApp, work: () => T): T {
  const events = app.EnableEvents;
  const alerts = app.DisplayAlerts;
  app.EnableEvents = false;
  app.DisplayAlerts = false;
  try {
    return work();
  } finally {
    app.EnableEvents = events;
    app.DisplayAlerts = alerts;
  }
}

export function writeTables(app: WpsApp, tables: Table[]): Written[] {
  if (app.ActiveWorkbook.ProtectStructure) throw new WorkbookProtected("workbook structure is protected");
  return quietly(app, () => {
    const sheets = app.Worksheets;
    const existing: { ws: Et.Worksheet; name: string; kind: string | null }[] = [];
    for (let i = 1; i <= sheets.Count; i++) {
      const ws = sheetAt(sheets, i);
      existing.push({ ws, name: ws.Name, kind: ownerOf(ws) });
    }
    const kinds = new Set(tables.map((t) => t.kind as string));
    const mine = existing.filter((e) => e.kind && kinds.has(e.kind));
    for (const e of mine) e.ws.Delete();
    const taken = existing.filter((e) => !mine.includes(e)).map((e) => e.name);
    const written = tables.map((table) => {
      const name = freeName(table.name, taken);
      taken.push(name);
      const ws = sheets.Add(undefined, sheetAt(sheets, sheets.Count)) as Et.Worksheet;
      ws.Name = name;
      fillSheet(ws, table);
      return { name, renamed: name !== table.name, replaced: existing.some((e) => e.kind === table.kind) };
    });
    if (written.length) sheetAt(sheets, written[0].name).Activate();
    return written;
  });
}
