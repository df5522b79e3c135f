/**
 * One worksheet's XML to the matrices of SheetInput: values as Excel's `range.values` gives them
 * (formula cells as their cached result, dates as serial numbers, errors as "#N/A" text), the formula
 * text of every formula cell (shared formulas translated to each cell), merges, and sparse rows where
 * a row is mostly empty (one value in column XFD costs one slot, not 16,384).
 */
import { fromR1C1, toR1C1 } from "../../engine/audit/r1c1";
import type { SheetInput } from "../../engine";
import { parseA1 } from "../../engine";
import type { ReadLimits } from "./package";
import { UnusableFile } from "./unusable";
import type { SheetEntry, WorkbookParts } from "./workbook";
import { parseXml, unescapeOoxml } from "./xml";

/** Rows up to this width are filled with null like range.values; wider ones stay sparse. */
const DENSE_WIDTH = 1024;
const DAYS_1904 = 1462;
const EPOCH_MS = Date.UTC(1899, 11, 30);

export interface CellCount {
  cells: number;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  return col - 1;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) - 1 : -1;
}

/** A row no wider than DENSE_WIDTH gets null in its holes, as range.values has; a wider one stays sparse. */
function densify<T>(row: (T | null | undefined)[]): (T | null)[] {
  if (row.length <= DENSE_WIDTH) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
  return row as (T | null)[];
}

export function readSheet(
  bytes: Uint8Array,
  entry: SheetEntry,
  wb: WorkbookParts,
  limits: ReadLimits,
  count: CellCount,
): SheetInput {
  const values: unknown[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: string[] = [];
  const shared = new Map<string, { r1c1: string }>();
  let anyFormula = false;

  let row: unknown[] | null = null;
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

  const put = (value: unknown, formula: string | null) => {
    if (value === null && formula === null) return;
    if (++count.cells > limits.maxCells) {
      throw new UnusableFile(
        `工作簿过大：非空单元格超过 ${limits.maxCells.toLocaleString("en")} 个（读到工作表「${entry.name}」第 ${r + 1} 行）`,
        `workbook too large: more than ${limits.maxCells.toLocaleString("en")} non-empty cells (at sheet "${entry.name}" row ${r + 1})`,
      );
    }
    if (!row) row = values[r] = [];
    row[c] = value; // null where a formula was never calculated: the cell exists, its value is unknown
    if (formula !== null) {
      const fr = (formulas[r] ??= []);
      fr[c] = formula;
      anyFormula = true;
    }
  };

  const cellValue = (): unknown => {
    if (type === "inlineStr") return unescapeOoxml(inlineText);
    if (v === null) return null;
    switch (type) {
      case "s": {
        const s = wb.strings[Number(v)];
        return s === undefined ? null : s;
      }
      case "str":
        return unescapeOoxml(v);
      case "b":
        return v === "1" || v === "true";
      case "e":
        return v.trim();
      case "d": {
        const ms = Date.parse(v.trim().length <= 10 ? v.trim() + "T00:00:00Z" : v.trim());
        return Number.isNaN(ms) ? v : (ms - EPOCH_MS) / 86400000;
      }
      default: {
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return wb.date1904 && wb.dateStyles[style] ? n + DAYS_1904 : n;
      }
    }
  };

  const formulaText = (): string | null => {
    if (!f) return null;
    const body = f.text.trim();
    if (f.t === "shared" && f.si !== "") {
      if (body) {
        shared.set(f.si, { r1c1: toR1C1("=" + unescapeOoxml(body), r, c) });
        return "=" + unescapeOoxml(body);
      }
      const master = shared.get(f.si);
      return master ? fromR1C1(master.r1c1, r, c) : null;
    }
    return body ? "=" + unescapeOoxml(body) : null;
  };

  parseXml(bytes, entry.part, {
    open(name, a) {
      switch (name) {
        case "row":
          r = a.r ? Number(a.r) - 1 : r + 1;
          c = -1;
          row = values[r] ?? null;
          break;
        case "c": {
          const ref = a.r;
          if (ref) {
            c = columnOf(ref);
            const rr = rowOf(ref);
            if (rr >= 0 && rr !== r) {
              r = rr;
              row = values[r] ?? null;
            }
          } else c++;
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
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    text(t) {
      if (capture === "is") {
        if (phonetic === 0) inlineText += t;
      } else if (capture) text += t;
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
        case "row":
          if (row) densify(row);
          row = null;
          break;
      }
    },
  });

  for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
  blankUnderMerges(values, merges);
  return {
    name: entry.name,
    values,
    merges,
    hidden: entry.hidden,
    ...(anyFormula ? { formulas: Array.from({ length: values.length }, (_, i) => densify(formulas[i] ?? [])) } : {}),
  };
}

/** Excel shows only a merge's anchor; a value some writer left under the rest is not what people see. */
function blankUnderMerges(values: unknown[][], merges: string[]): void {
  for (const m of merges) {
    const [from, to] = m.split(":");
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    if (!a || !b) continue;
    for (let rr = a.row; rr <= b.row && rr < values.length; rr++) {
      const row = values[rr];
      for (let cc = a.col; cc <= b.col; cc++) {
        if ((rr !== a.row || cc !== a.col) && row[cc] !== undefined && cc < row.length) row[cc] = null;
      }
    }
  }
}
