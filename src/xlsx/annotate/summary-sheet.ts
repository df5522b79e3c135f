/**
 * The 校验意见 sheet of a copy sent back: what the file is (name, fingerprint, ruleset, date, result),
 * then every finding — severity, rule, where (a link to the cell), unit, person, message, what to do,
 * source. Written as XML here (inline strings: the unit's shared strings are not touched).
 */
import { columnLetter } from "../../engine";
import { hyperlinkFormula, type LinkCell } from "../../tables/table";
import { escapeXml } from "../parts";
import { xmlText } from "../xml-text";

export type SummaryCell = string | LinkCell | null;

export interface SummaryRow {
  cells: SummaryCell[];
  /** Cell format per column (from AddedStyles), 0 for none. */
  styles: number[];
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const text = (s: string) => escapeXml(xmlText(s));

function cell(ref: string, v: SummaryCell, s: number): string {
  const style = s ? ` s="${s}"` : "";
  if (v === null || v === "") return s ? `<c r="${ref}"${style}/>` : "";
  if (typeof v === "object")
    return `<c r="${ref}"${style} t="str"><f>${text(hyperlinkFormula(v).slice(1))}</f><v>${text(v.text)}</v></c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${text(v)}</t></is></c>`;
}

/** The sheet: rows as given, the table's header on `headerRow` (1-based) frozen and filtered. */
export function summarySheetXml(rows: SummaryRow[], headerRow: number, widths: number[]): string {
  const last = columnLetter(widths.length - 1);
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const body = rows
    .map(
      (row, i) =>
        `<row r="${i + 1}">${row.cells.map((v, c) => cell(`${columnLetter(c)}${i + 1}`, v, row.styles[c] ?? 0)).join("")}</row>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
    `<sheetPr><tabColor rgb="FFC50F1F"/></sheetPr>` +
    `<dimension ref="A1:${last}${Math.max(rows.length, 1)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" ` +
    `activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${body}</sheetData>` +
    `<autoFilter ref="A${headerRow}:${last}${Math.max(rows.length, headerRow)}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape"/></worksheet>`
  );
}
