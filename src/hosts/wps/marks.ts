/**
 * Marks in WPS: conditional formats of the add-in's own (ui/marks.ts), one per group of cells of a
 * severity; the user's fills and formats are never touched. A sheet's marks are rewritten only when what
 * should be marked on it changed (边填边查 keeps them in step after each edit).
 */
import type { Finding, Severity } from "../../engine";
import type { MarkResult, SheetInfo } from "../../ui/host";
import { cellsToMark, MARK_FILL, MARK_FORMULA } from "../../ui/marks";
import { bgr, sheetAt, XL, type WpsApp } from "./et";

/** Range("A1,B5,…") takes an address of at most 255 characters. */
const ADDRESS_CHARS = 250;

/** What is marked now, per sheet: cell → severity. */
export type WpsMarks = Map<string, Map<string, Severity>>;

function sheetNamed(app: WpsApp, name: string): Et.Worksheet {
  return sheetAt(app.Worksheets, name);
}

/** Deletes the add-in's formats on one sheet; returns how many. */
function clearSheet(ws: Et.Worksheet): number {
  const list = ws.Cells.FormatConditions;
  let cleared = 0;
  // From the last: deleting shifts the ones after.
  for (let i = list.Count; i >= 1; i--) {
    const cf = list.Item(i) as Et.FormatCondition;
    if (cf.Type === XL.expression && cf.Formula1 === MARK_FORMULA) {
      cf.Delete();
      cleared++;
    }
  }
  return cleared;
}

function markSheet(ws: Et.Worksheet, cells: Map<string, Severity>): void {
  for (const severity of ["error", "warning", "info"] as Severity[]) {
    const list = [...cells].filter(([, s]) => s === severity).map(([cell]) => cell);
    let group: string[] = [];
    const flush = () => {
      if (!group.length) return;
      const cf = ws
        .Range(group.join(","))
        .FormatConditions.Add(XL.expression, undefined, MARK_FORMULA) as Et.FormatCondition;
      cf.Interior.Color = bgr(MARK_FILL[severity]);
      group = [];
    };
    for (const cell of list) {
      if ((group.join(",") + "," + cell).length > ADDRESS_CHARS) flush();
      group.push(cell);
    }
    flush();
  }
}

export function clearMarks(app: WpsApp): number {
  const sheets = app.Worksheets;
  let cleared = 0;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheetAt(sheets, i);
    if (!ws.ProtectContents) cleared += clearSheet(ws);
  }
  return cleared;
}

export function markFindings(app: WpsApp, findings: Finding[], sheets: SheetInfo[]): MarkResult & { marks: WpsMarks } {
  clearMarks(app);
  const result = { marked: 0, protectedSheets: [] as MarkResult["protectedSheets"], marks: new Map() as WpsMarks };
  for (const [sheet, cells] of cellsToMark(findings, sheets)) {
    const ws = sheetNamed(app, sheet);
    if (ws.ProtectContents) {
      result.protectedSheets.push({ sheet, cells: cells.size });
      continue;
    }
    markSheet(ws, cells);
    result.marks.set(sheet, cells);
    result.marked += cells.size;
  }
  return result;
}

/** Brings the marks to a new set of findings, rewriting only the sheets whose marks changed. */
export function updateMarks(app: WpsApp, marks: WpsMarks, findings: Finding[], sheets: SheetInfo[]): WpsMarks {
  const want = cellsToMark(findings, sheets);
  const next: WpsMarks = new Map();
  for (const sheet of new Set([...want.keys(), ...marks.keys()])) {
    const w = want.get(sheet) ?? new Map<string, Severity>();
    const h = marks.get(sheet) ?? new Map<string, Severity>();
    const same = w.size === h.size && [...w].every(([c, s]) => h.get(c) === s);
    if (same) {
      if (h.size) next.set(sheet, h);
      continue;
    }
    const ws = sheetNamed(app, sheet);
    if (ws.ProtectContents) continue;
    clearSheet(ws);
    markSheet(ws, w);
    if (w.size) next.set(sheet, w);
  }
  return next;
}
