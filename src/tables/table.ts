/**
 * A sheet the add-in writes, as data: the pane writes it with Office.js, the CLI with ExcelJS, so both
 * give the same rows.
 */
export interface LinkCell {
  text: string;
  sheet: string;
  cell: string;
}

export type TableCell = string | number | null | LinkCell;

export interface Table {
  kind:
    | "report"
    | "results"
    | "talks"
    | "mergedTeams"
    | "mergedCadres"
    | "mergeReport"
    | "distribution"
    | "diff"
    | "diffFindings";
  name: string;
  /** Label / value lines above the header (ruleset, fingerprint, time …). */
  meta: [string, string][];
  header: string[];
  rows: TableCell[][];
  /** Column widths in characters. */
  widths: number[];
}

export function isLink(c: TableCell): c is LinkCell {
  return typeof c === "object" && c !== null;
}

/** =HYPERLINK("#'干部'!F12","干部!F12"): an in-workbook link that Excel, Excel on the web and LibreOffice follow. */
export function hyperlinkFormula(l: LinkCell): string {
  const target = `#'${l.sheet.replace(/'/g, "''")}'!${l.cell}`;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(target)},${q(l.text)})`;
}

/** Local time as "2026-11-21 09:05". */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A table as its sheet reads back: meta lines, a blank line, the header, the body (links as their text).
 * Rows without a link are the table's own arrays, not copies (a consolidated table can hold 100,000 rows).
 */
export function tableValues(table: Table): unknown[][] {
  const out: unknown[][] = table.meta.map(([k, v]) => [k, v]);
  if (table.meta.length) out.push([]);
  out.push([...table.header]);
  for (const row of table.rows) out.push(row.some(isLink) ? row.map((c) => (isLink(c) ? c.text : c)) : row);
  return out;
}
