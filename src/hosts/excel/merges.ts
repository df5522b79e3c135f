/**
 * Merged areas when asking for a whole sheet's at once fails: getMergedAreasOrNullObject fails on a range
 * holding more than 512 merged areas (Excel.Range reference). They are asked by blocks of rows — Excel
 * reports an area in the block holding its top-left cell (office-js #3611), so blocks that do not overlap
 * see each area once — first for every sheet in one sync, then sheet by sheet in smaller blocks. A sheet
 * one of whose rows alone holds too many is read without merges, and the pane says so.
 */
import { Cancelled } from "../../ui/progress";

export interface MergeTarget {
  sheet: number;
  name: string;
  ws: Excel.Worksheet;
  r0: number;
  rows: number;
  c0: number;
  cols: number;
}

export const BLOCK_ROWS = 256;

/** Failures that are no merged-area limit: asking again in smaller blocks would not help. */
const NOT_THE_LIMIT = new Set(["InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded", "AccessDenied"]);

export function isMergeLimit(e: unknown): boolean {
  return !(e instanceof Cancelled) && !NOT_THE_LIMIT.has((e as { code?: string })?.code ?? "");
}

/** "'干部'!A1:C1, 干部!$A$5:$A$9" → ["A1:C1", "A5:A9"] */
export function mergeAddresses(address: string): string[] {
  return address
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, ""));
}

function ask(t: MergeTarget, rows: number): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  for (let r = t.r0; r < t.r0 + t.rows; r += rows) {
    const n = Math.min(rows, t.r0 + t.rows - r);
    out.push(t.ws.getRangeByIndexes(r, t.c0, n, t.cols).getMergedAreasOrNullObject().load("address"));
  }
  return out;
}

function collect(areas: Excel.RangeAreas[]): string[] {
  return [...new Set(areas.flatMap((a) => (a.isNullObject ? [] : mergeAddresses(a.address))))];
}

export async function mergesByBlocks(
  targets: MergeTarget[],
  sync: () => Promise<void>,
): Promise<{ merges: Map<number, string[]>; lost: string[] }> {
  const merges = new Map<number, string[]>();
  const lost: string[] = [];
  const all = targets.map((t) => ask(t, BLOCK_ROWS));
  try {
    await sync();
    targets.forEach((t, i) => merges.set(t.sheet, collect(all[i])));
    return { merges, lost };
  } catch (e) {
    if (!isMergeLimit(e)) throw e; // one block still holds too many: sheet by sheet
  }
  for (const t of targets) {
    for (let rows = BLOCK_ROWS; ; rows = Math.max(1, rows >> 2)) {
      const areas = ask(t, rows);
      try {
        await sync();
        merges.set(t.sheet, collect(areas));
        break;
      } catch (e) {
        if (!isMergeLimit(e)) throw e;
        if (rows === 1) {
          merges.set(t.sheet, []);
          lost.push(t.name);
          break;
        }
      }
    }
  }
  return { merges, lost };
}
