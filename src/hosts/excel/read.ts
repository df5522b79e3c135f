/**
 * Reads the workbook into the plain matrices the engine takes, in a constant number of syncs:
 * 1. the sheet list (name, visibility, protection);
 * 2. each sheet's used range bounds, merged areas and custom properties (which sheets the add-in owns),
 *    and the workbook's date system (dates.ts);
 * 3. the values themselves — one sync for the whole workbook unless the estimated response passes the
 *    request budget, then blocks of rows grouped into as few syncs as fit. A response Excel still finds
 *    too large (ResponsePayloadSizeLimitExceeded) is retried in halves, so an estimate too low costs a
 *    sync, never the run. In a 1904 workbook the number formats come along, to find the date cells.
 * A sheet with more than 512 merged areas fails step 2: it is asked again without them, and the merged
 * areas by blocks (merges.ts), so one such sheet costs syncs, never the read.
 */
import { RULES_SHEET, type SheetInput } from "../../engine";
import type { SheetInfo, Visibility, WorkbookRead } from "../../ui/host";
import { Cancelled, type Progress, type Signal } from "../../ui/progress";
import { DATA_KINDS, OWNER_KEY } from "../../ui/owned";
import type { Said } from "../../ui/environment";
import { askDateSystem, shiftDates, UNKNOWN_DATE_SYSTEM } from "./dates";
import { isMergeLimit, mergeAddresses, mergesByBlocks } from "./merges";

export { mergeAddresses } from "./merges";

export type { SheetInfo, Visibility, WorkbookRead } from "../../ui/host";

export interface ReadOptions {
  /** Read formulas too; by default only when the workbook carries a 规则 sheet (a returned template). */
  formulas?: boolean;
  /** Response budget per sync; Excel on the web refuses responses over 5 MB. */
  budgetBytes?: number;
  /** Estimated JSON bytes per cell (Chinese text is 3 bytes a character; most cells are short). */
  bytesPerCell?: number;
  signal?: Signal;
  onProgress?: Progress;
}

export const BUDGET_BYTES = 4 * 1024 * 1024;
export const BYTES_PER_CELL = 16;
/** A number format as JSON ("General", "yyyy-mm-dd"), read with the values in a 1904 workbook. */
const BYTES_PER_FORMAT = 12;

/** Rows `from`..`to` (exclusive, 0-based sheet rows) of one sheet, columns as its used range. */
export interface Segment {
  sheet: number;
  from: number;
  to: number;
  columnIndex: number;
  columnCount: number;
}

/** Excel's `formulas` hold the value where a cell has no formula. */
function formulaOrNull(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

function isPayloadTooLarge(e: unknown): boolean {
  return (e as { code?: string })?.code === "ResponsePayloadSizeLimitExceeded";
}

/** Cuts segments into row blocks of at most `cellsPerSync` cells and groups them into syncs. */
export function planBatches(segments: Segment[], cellsPerSync: number): Segment[][] {
  const batches: Segment[][] = [];
  let batch: Segment[] = [];
  let room = cellsPerSync;
  for (const seg of segments) {
    let row = seg.from;
    while (row < seg.to) {
      let rows = Math.min(Math.floor(room / seg.columnCount), seg.to - row);
      if (rows < 1 && batch.length) {
        batches.push(batch);
        batch = [];
        room = cellsPerSync;
        continue;
      }
      // A single row wider than the budget still goes alone: Excel has no smaller unit to ask for.
      rows = Math.max(rows, 1);
      batch.push({ ...seg, from: row, to: row + rows });
      room -= rows * seg.columnCount;
      row += rows;
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookRead> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
    if (opts.signal?.aborted) throw new Cancelled();
  };
  opts.onProgress?.("sheets", 0, 1);

  const list = context.workbook.worksheets;
  list.load("items/name,items/visibility,items/protection/protected");
  await sync();
  const worksheets = list.items;

  const bounds = (withMerges: boolean) => ({
    used: worksheets.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")),
    merged: withMerges ? worksheets.map((ws) => ws.getRange().getMergedAreasOrNullObject().load("address")) : null,
    props: worksheets.map((ws) => ws.customProperties.load("items/key,items/value")),
    date1904: askDateSystem(context),
  });
  let asked = bounds(true);
  try {
    await sync();
  } catch (e) {
    if (!isMergeLimit(e)) throw e;
    asked = bounds(false); // a sheet with more than 512 merged areas: its merges by blocks below
    await sync();
  }
  const { used, props } = asked;
  const date1904 = asked.date1904();
  const notes: Said[] = date1904 === null ? [UNKNOWN_DATE_SYSTEM] : [];

  const sheets: SheetInfo[] = worksheets.map((ws, i) => ({
    name: ws.name,
    visibility: ws.visibility as Visibility,
    protected: ws.protection.protected,
    owned: props[i].items.find((p) => p.key === OWNER_KEY)?.value ?? null,
    rows: used[i].isNullObject ? 0 : used[i].rowIndex + used[i].rowCount,
    cols: used[i].isNullObject ? 0 : used[i].columnIndex + used[i].columnCount,
  }));
  // The add-in's own sheets (reports, lists) are not appraisal data.
  const segments: Segment[] = [];
  used.forEach((u, i) => {
    const owned = sheets[i].owned;
    if (u.isNullObject || (owned && !DATA_KINDS.has(owned))) return;
    segments.push({
      sheet: i,
      from: u.rowIndex,
      to: u.rowIndex + u.rowCount,
      columnIndex: u.columnIndex,
      columnCount: u.columnCount,
    });
  });

  const merges = new Map<number, string[]>();
  if (asked.merged) {
    const m = asked.merged;
    worksheets.forEach((_, i) => merges.set(i, m[i].isNullObject ? [] : mergeAddresses(m[i].address)));
  } else {
    const targets = segments.map((g) => ({
      sheet: g.sheet,
      name: sheets[g.sheet].name,
      ws: worksheets[g.sheet],
      r0: g.from,
      rows: g.to - g.from,
      c0: g.columnIndex,
      cols: g.columnCount,
    }));
    const got = await mergesByBlocks(targets, sync);
    got.merges.forEach((v, k) => merges.set(k, v));
    if (got.lost.length) notes.push(mergesLost(got.lost));
  }

  const withFormulas = opts.formulas ?? sheets.some((s) => s.name.trim() === RULES_SHEET);
  const perCell = (opts.bytesPerCell ?? BYTES_PER_CELL) * (withFormulas ? 2 : 1) + (date1904 ? BYTES_PER_FORMAT : 0);
  let cellsPerSync = Math.max(1, Math.floor((opts.budgetBytes ?? BUDGET_BYTES) / perCell));
  const values: unknown[][][] = sheets.map((s) => new Array<unknown[]>(s.rows));
  const formulas: (string | null)[][][] = sheets.map(() => []);
  const cells = segments.reduce((n, g) => n + (g.to - g.from) * g.columnCount, 0);
  let done = 0;

  let pending = planBatches(segments, cellsPerSync);
  while (pending.length) {
    const batch = pending[0];
    opts.onProgress?.("values", done, cells);
    const ranges = batch.map((g) =>
      worksheets[g.sheet]
        .getRangeByIndexes(g.from, g.columnIndex, g.to - g.from, g.columnCount)
        .load(["values", ...(withFormulas ? ["formulas"] : []), ...(date1904 ? ["numberFormat"] : [])]),
    );
    try {
      await sync();
    } catch (e) {
      const oneRow = batch.length === 1 && batch[0].to - batch[0].from === 1;
      if (!isPayloadTooLarge(e) || oneRow) throw e;
      // The estimate was too low for this workbook: ask again for halves of what is left.
      cellsPerSync = Math.max(1, Math.floor(cellsPerSync / 2));
      pending = planBatches(pending.flat(), cellsPerSync);
      continue;
    }
    batch.forEach((g, i) => {
      const pad = g.columnIndex > 0 ? new Array<unknown>(g.columnIndex).fill(null) : null;
      const rows = ranges[i].values;
      if (date1904) shiftDates(rows, ranges[i].numberFormat);
      const frows = withFormulas ? ranges[i].formulas : null;
      for (let k = 0; k < rows.length; k++) {
        values[g.sheet][g.from + k] = pad ? pad.concat(rows[k]) : rows[k];
        if (frows) formulas[g.sheet][g.from + k] = (pad ? pad.concat(frows[k]) : frows[k]).map(formulaOrNull);
      }
      done += (g.to - g.from) * g.columnCount;
    });
    pending = pending.slice(1);
  }
  opts.onProgress?.("values", cells, cells);

  const read = new Set(segments.map((g) => g.sheet));
  const inputs: SheetInput[] = [];
  sheets.forEach((s, i) => {
    if (!read.has(i)) return;
    const v = values[i];
    for (let r = 0; r < v.length; r++) if (!v[r]) v[r] = [];
    const f = formulas[i];
    if (withFormulas) for (let r = 0; r < v.length; r++) if (!f[r]) f[r] = [];
    inputs.push({
      name: s.name,
      values: v,
      merges: merges.get(i) ?? [],
      hidden: s.visibility !== "Visible",
      ...(withFormulas ? { formulas: f } : {}),
    });
  });
  return { input: { sheets: inputs }, sheets, cells, syncs, date1904, notes };
}

function mergesLost(names: string[]): Said {
  return {
    zh: `工作表「${names.join("」「")}」的一行里合并单元格多于 Excel 一次能报告的 512 个，读取时未按合并处理：合并区域下方的空格可能被报为未填写。`,
    en: `A row of sheet ${names.join(", ")} holds more merged areas than Excel reports at once (512); it was read without merges, so blanks under merged cells may be reported as missing.`,
  };
}
