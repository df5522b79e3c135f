/**
 * One worksheet's XML to the matrices of SheetInput: values as Excel's `range.values` gives them
 * (formula cells as their cached result, dates as serial numbers, errors as "#N/A" text), the formula
 * text of every formula cell (shared formulas translated to each cell), merges, and sparse rows where
 * a row is mostly empty (one value in column XFD costs one slot, not 16,384). Every row and column number
 * is on Excel's grid, every text capped, every cell, row and merge counted against the budget.
 */
import { fromR1C1, toR1C1 } from "../../engine/audit/r1c1";
import { MISSING_STRING, type SheetInput } from "../../engine";
import type { Budget } from "./budget";
import type { Package } from "./package";
import { areaAt, cellAt, onGrid, rowAt } from "./refs";
import { DENSE_WIDTH, Rows } from "./rows";
import type { SheetEntry, WorkbookParts } from "./workbook";
import { gather, own, textOf } from "./xml";
import { DAYS_1904 } from "../date-format";

const EPOCH_MS = Date.UTC(1899, 11, 30);

/** One worksheet part read; null when the package lacks the part the workbook lists. */
export function readSheet(pkg: Package, entry: SheetEntry, wb: WorkbookParts, budget: Budget): SheetInput | null {
  const sheet = entry.name;
  const values = new Rows<unknown>(budget, sheet);
  const formulas = new Rows<string | null>(budget, sheet, false);
  const merges: string[] = [];
  const shared = new Map<string, { r1c1: string }>();
  let anyFormula = false;

  let r = -1;
  let c = -1;
  let type = "";
  let style = 0;
  let text = "";
  let capture: "v" | "f" | "is" | null = null;
  let inlineText = "";
  let phonetic = 0;
  let f: { t: string; si: string; text: string } | null = null;
  let v: string | null = null;

  const toRow = (next: number) => {
    if (next !== r) budget.row(sheet, next);
    r = next;
  };

  const put = (value: unknown, formula: string | null) => {
    if (value === null && formula === null) return;
    budget.cell(sheet, r);
    values.put(r, c, value); // null where a formula was never calculated: the cell exists, its value is unknown
    if (formula !== null) {
      formulas.put(r, c, formula);
      anyFormula = true;
    }
  };

  /** Text a cell keeps, counted against the budget. */
  const kept = (raw: string): string => {
    const s = textOf(raw);
    budget.text(s.length);
    return s;
  };

  const cellValue = (): unknown => {
    if (type === "inlineStr") return kept(inlineText);
    if (v === null) return null;
    switch (type) {
      case "s": {
        // An index the table lacks is a value the file does not give: unknown (D09), never blank.
        const i = Number(v);
        const s = Number.isInteger(i) && i >= 0 && v.trim() !== "" ? wb.strings[i] : undefined;
        return s === undefined ? MISSING_STRING : s;
      }
      case "str":
        return kept(v);
      case "b":
        return v === "1" || v === "true";
      case "e":
        return kept(v.trim());
      case "d": {
        const ms = Date.parse(v.trim().length <= 10 ? v.trim() + "T00:00:00Z" : v.trim());
        return Number.isNaN(ms) ? kept(v) : (ms - EPOCH_MS) / 86400000;
      }
      default: {
        const n = Number(v);
        if (Number.isNaN(n)) return kept(v);
        return wb.date1904 && wb.dateStyles[style] ? n + DAYS_1904 : n;
      }
    }
  };

  const formulaText = (): string | null => {
    if (!f) return null;
    const body = f.text.trim();
    let out: string | null;
    if (f.t === "shared" && f.si !== "") {
      if (body) {
        out = "=" + textOf(body);
        shared.set(f.si, { r1c1: toR1C1(out, r, c) });
      } else {
        const master = shared.get(f.si);
        out = master ? fromR1C1(master.r1c1, r, c) : null;
      }
    } else out = body ? "=" + textOf(body) : null;
    if (out) budget.text(out.length);
    return out;
  };

  const found = pkg.parse(entry.part, {
    open(name, a) {
      switch (name) {
        case "row":
          toRow(a.r !== undefined ? rowAt(a.r, sheet) : r + 1);
          onGrid(sheet, r, 0);
          c = -1;
          break;
        case "c": {
          if (a.r !== undefined) {
            const at = cellAt(a.r, sheet);
            c = at.col;
            toRow(at.row);
          } else {
            if (r < 0) toRow(0);
            onGrid(sheet, r, ++c);
          }
          type = a.t ?? "";
          style = a.s ? Number(a.s) : 0;
          v = null;
          f = null;
          inlineText = "";
          break;
        }
        case "v":
          capture = "v";
          text = "";
          break;
        case "f":
          capture = "f";
          text = "";
          f = { t: a.t ?? "", si: a.si ?? "", text: "" };
          break;
        case "is":
          capture = "is";
          break;
        case "rPh":
          phonetic++;
          break;
        case "mergeCell":
          if (a.ref) {
            areaAt(a.ref, sheet); // on the grid, or the file is refused
            budget.merge(sheet);
            merges.push(own(a.ref));
          }
          break;
      }
    },
    text(t) {
      if (capture === "is") {
        if (phonetic === 0) inlineText = gather(inlineText, t);
      } else if (capture) text = gather(text, t);
    },
    close(name) {
      switch (name) {
        case "v":
          v = text;
          capture = null;
          break;
        case "f":
          if (f) f.text = text;
          capture = null;
          break;
        case "is":
          capture = null;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c":
          put(cellValue(), formulaText());
          break;
      }
    },
  });
  if (!found) return null;

  const rows = values.done();
  budget.sheetDone(rows.length);
  blankUnderMerges(rows, merges, budget, sheet);
  return {
    name: sheet,
    values: rows,
    merges,
    hidden: entry.hidden,
    ...(anyFormula ? { formulas: formulas.done(rows.length) } : {}),
  };
}

/**
 * Excel shows only a merge's anchor; a value some writer left under the rest is not what people see.
 * Only the rows the sheet has and the cells present in them are visited, whatever the merge's extent.
 */
export function blankUnderMerges(values: unknown[][], merges: string[], budget: Budget, sheet: string): void {
  for (const m of merges) {
    const { from, to } = areaAt(m, sheet);
    const last = Math.min(to.row, values.length - 1);
    budget.mergeWork(sheet, Math.max(1, last - from.row + 1));
    for (let rr = from.row; rr <= last; rr++) {
      const row = values[rr];
      const end = Math.min(to.col, row.length - 1);
      if (end < from.col) continue;
      const keep = rr === from.row ? from.col : -1;
      if (row.length <= DENSE_WIDTH) {
        budget.mergeWork(sheet, end - from.col + 1);
        for (let cc = from.col; cc <= end; cc++) if (cc !== keep && row[cc] !== undefined) row[cc] = null;
      } else {
        // A wide row is sparse: its present cells only.
        for (const k in row) {
          const cc = Number(k);
          budget.mergeWork(sheet, 1);
          if (cc >= from.col && cc <= end && cc !== keep) row[cc] = null;
        }
      }
    }
  }
}
