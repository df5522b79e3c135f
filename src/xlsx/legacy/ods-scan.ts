/**
 * An .ods's content.xml counted before the library reads it: a cell repeated across columns and rows
 * (table:number-columns-repeated, table:number-rows-repeated) is that many cells to the library, so a
 * few bytes can stand for billions. Cells holding a value count against the budget, repeats multiplied;
 * empty ones (LibreOffice pads every sheet to its last row) cost nothing, as the library skips them.
 * Formulas are taken here, in Excel's form (./open-formula), by sheet and cell: the library's own
 * conversion leaves some references in OpenFormula's brackets and drops a formula whose result is "".
 */
import type { Budget } from "../ooxml/budget";
import { MAX_COLS, MAX_ROWS } from "../ooxml/limits";
import { beyond } from "../ooxml/refs";
import { parseXml } from "../ooxml/xml";
import { columnLetter } from "../../engine";
import { fromOpenFormula } from "./open-formula";

/** Formulas of one sheet by cell (row × 16,384 + column). */
export type OdsFormulas = Map<number, string>[];

/** What the scan takes from content.xml for the reader: formulas, and which sheets are hidden. */
export interface OdsScan {
  formulas: OdsFormulas;
  /** By sheet, in order: a table whose style says table:display="false" (the library does not read it). */
  hidden: boolean[];
}

const repeat = (v: string | undefined) => Math.max(1, Math.floor(Number(v) || 1));

export function scanOds(content: Uint8Array, budget: Budget): OdsScan {
  const formulas: OdsFormulas = [];
  const hidden: boolean[] = [];
  const hiddenStyles = new Set<string>();
  let style = "";
  let formula: string | null = null;
  let rowFormulas: [number, number, string][] = [];
  let sheet = "";
  let r = 0;
  let c = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  let colRepeat = 1;
  let inCell = false;
  let valued = false;
  let lastRow = -1;
  const xml = parseXml("content.xml", {
    open(name, a) {
      switch (name) {
        case "style":
          style = a["style:family"] === "table" ? (a["style:name"] ?? "") : "";
          break;
        case "table-properties":
          if (style && a["table:display"] === "false") hiddenStyles.add(style);
          break;
        case "table":
          sheet = a["table:name"] ?? "";
          formulas.push(new Map());
          hidden.push(hiddenStyles.has(a["table:style-name"] ?? ""));
          r = 0;
          lastRow = -1;
          break;
        case "table-row":
          rowRepeat = repeat(a["table:number-rows-repeated"]);
          rowCells = 0;
          rowFormulas = [];
          c = 0;
          break;
        case "table-cell":
        case "covered-table-cell":
          colRepeat = repeat(a["table:number-columns-repeated"]);
          inCell = true;
          valued = a["office:value-type"] !== undefined || a["table:formula"] !== undefined;
          formula = a["table:formula"] ? fromOpenFormula(a["table:formula"]) : null;
          if (a["table:number-columns-spanned"] || a["table:number-rows-spanned"]) budget.merge(sheet);
          break;
        case "p":
          if (inCell) valued = true;
          break;
      }
    },
    close(name) {
      if (name === "table-cell" || name === "covered-table-cell") {
        if (valued) {
          if (c + colRepeat > MAX_COLS || r >= MAX_ROWS)
            throw beyond(sheet, "cell", columnLetter(Math.min(c + colRepeat, MAX_COLS)) + String(r + 1));
          rowCells += colRepeat;
          if (formula !== null) {
            budget.text(formula.length);
            rowFormulas.push([c, colRepeat, formula]);
          }
        }
        c += colRepeat;
        inCell = false;
      } else if (name === "table-row") {
        if (rowCells > 0) {
          const last = r + rowRepeat - 1;
          if (last >= MAX_ROWS) throw beyond(sheet, "row", String(last + 1));
          budget.row(sheet, last);
          lastRow = last;
          // Counted one by one: the budget refuses at its limit, so this loop stops there.
          for (let k = 0; k < rowRepeat; k++) {
            budget.dataRow(sheet, r + k);
            for (let j = 0; j < rowCells; j++) budget.cell(sheet, r + k);
            const map = formulas[formulas.length - 1];
            for (const [col, n, f] of rowFormulas)
              for (let j = 0; j < n; j++) map?.set((r + k) * MAX_COLS + col + j, f);
          }
        }
        r += rowRepeat;
      } else if (name === "table") budget.sheetDone(lastRow + 1);
    },
  });
  xml.write(content);
  xml.end();
  return { formulas, hidden };
}
