/**
 * Reads the open workbook through WPS's ET API into the plain matrices the engine takes: per sheet its
 * used range's values (Range.Value2) in one call — blocks of rows for very large sheets — its formulas
 * when the workbook is a returned template, and its merged areas. Calls are counted as "syncs": a whole
 * check costs a handful per sheet, never one per cell.
 */
import { RULES_SHEET, type SheetInput } from "../../engine";
import type { ReadRequest, SheetInfo, Visibility, WorkbookRead } from "../../ui/host";
import { DATA_KINDS, OWNER_KEY } from "../../ui/owned";
import { Cancelled } from "../../ui/progress";
import { addressOf, boxOf, type Box } from "./address";
import { findMerges } from "./merges";
import { rowsOf, sheetAt, XL, type WpsApp } from "./et";

/** Cells per Value2 call: a block stays well inside what one call marshals comfortably. */
export const CELLS_PER_CALL = 1_000_000;

export function visibilityOf(v: number): Visibility {
  return v === XL.sheetVisible ? "Visible" : v === XL.sheetVeryHidden ? "VeryHidden" : "Hidden";
}

/** What the add-in made this sheet for (its custom property), or null for the user's sheets. */
export function ownerOf(ws: Et.Worksheet): string | null {
  const props = ws.CustomProperties;
  const n = props.Count;
  for (let i = 1; i <= n; i++) {
    const p = props.Item(i);
    if (p.Name === OWNER_KEY) return String(p.Value);
  }
  return null;
}

const frame = () => new Promise<void>((r) => setTimeout(r, 0));

export interface WpsReadOptions extends ReadRequest {
  /** Read formulas too; by default only when the workbook carries a 规则 sheet (a returned template). */
  formulas?: boolean;
}

export async function readWorkbook(app: WpsApp, opts: WpsReadOptions = {}): Promise<WorkbookRead> {
  let calls = 0;
  const sheets = app.Worksheets;
  const count = sheets.Count;
  calls += 2;
  const found: { ws: Et.Worksheet; used: Et.Range; info: SheetInfo; box: Box | null }[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = sheetAt(sheets, i);
    const name = ws.Name;
    const visibility = visibilityOf(ws.Visible);
    const owned = ownerOf(ws);
    const used = ws.UsedRange;
    const box = boxOf(used.Address());
    calls += 7;
    found.push({
      ws,
      used,
      info: {
        name,
        visibility,
        protected: false, // asked when marking: only then does it matter
        owned,
        rows: box ? box.r1 + 1 : 0,
        cols: box ? box.c1 + 1 : 0,
      },
      box,
    });
  }
  const withFormulas = opts.formulas ?? found.some((s) => s.info.name.trim() === RULES_SHEET);
  const total = found.reduce((n, s) => n + (s.box ? (s.box.r1 - s.box.r0 + 1) * (s.box.c1 - s.box.c0 + 1) : 0), 0);
  let done = 0;
  const inputs: SheetInput[] = [];
  for (const { ws, used, info, box } of found) {
    if (opts.signal?.aborted) throw new Cancelled();
    opts.onProgress?.("values", done, total);
    await frame();
    // The add-in's own sheets (reports, lists) are not appraisal data.
    if (!box || (info.owned && !DATA_KINDS.has(info.owned))) continue;
    const read = readBox(ws, box, withFormulas, used);
    calls += read.calls;
    const merges = findMerges(ws, box, used);
    calls += merges.calls;
    const values = read.values;
    if (values.every((row) => row.every((v) => v === "" || v === null || v === undefined))) {
      info.rows = info.cols = 0; // an empty sheet's used range is A1
      continue;
    }
    inputs.push({
      name: info.name,
      values,
      merges: merges.areas,
      hidden: info.visibility !== "Visible",
      ...(withFormulas ? { formulas: read.formulas } : {}),
    });
    done += (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
  }
  opts.onProgress?.("values", total, total);
  return { input: { sheets: inputs }, sheets: found.map((s) => s.info), cells: total, syncs: calls };
}

/** The box's values (and formulas) as rows from row 0 and column 0, in blocks of rows (`whole`: the box's range). */
export function readBox(
  ws: Et.Worksheet,
  box: Box,
  withFormulas: boolean,
  whole?: Et.Range,
): { values: unknown[][]; formulas: (string | null)[][]; calls: number } {
  const cols = box.c1 - box.c0 + 1;
  const perBlock = Math.max(1, Math.floor(CELLS_PER_CALL / cols));
  const values: unknown[][] = Array.from({ length: box.r0 }, () => []);
  const formulas: (string | null)[][] = Array.from({ length: box.r0 }, () => []);
  const pad: null[] = new Array<null>(box.c0).fill(null);
  let calls = 0;
  for (let r = box.r0; r <= box.r1; r += perBlock) {
    const rows = Math.min(perBlock, box.r1 - r + 1);
    const single = whole && rows === box.r1 - box.r0 + 1;
    const range = single ? whole : ws.Range(addressOf({ r0: r, c0: box.c0, r1: r + rows - 1, c1: box.c1 }));
    const v = rowsOf(range.Value2, rows, cols);
    calls += single ? 1 : 2;
    for (const row of v) values.push(box.c0 ? [...pad, ...row] : row);
    if (withFormulas) {
      const f = rowsOf(range.Formula as unknown, rows, cols);
      calls += 1;
      for (const row of f) {
        const texts = row.map((x) => (typeof x === "string" && x.startsWith("=") ? x : null));
        formulas.push(box.c0 ? [...pad, ...texts] : texts);
      }
    }
  }
  return { values, formulas, calls };
}
