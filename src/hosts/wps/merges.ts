/**
 * Merged areas without asking cell by cell: Range.MergeCells is false for a block with no merged cell,
 * true or null (mixed) otherwise, so blocks are halved until a single cell names its MergeArea. A sheet
 * without merges costs one call per block; the title rows of a template a few more.
 */
import { addressOf, boxOf, type Box } from "./address";

/** The rows a title and a header sit in: searched apart, so the data below is one block. */
const TOP = 30;

/** The merged areas in `used` (whose range, when given, is asked first: most sheets have none below a title). */
export function findMerges(ws: Et.Worksheet, used: Box, usedRange?: Et.Range): { areas: string[]; calls: number } {
  const areas: string[] = [];
  const covered: Box[] = [];
  let calls = 0;
  const inside = (b: Box, r: number, c: number) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
  const search = (b: Box): void => {
    const range = ws.Range(addressOf(b));
    const merged = range.MergeCells as unknown;
    calls += 2;
    if (merged === false) return;
    if (b.r0 === b.r1 && b.c0 === b.c1) {
      if (covered.some((x) => inside(x, b.r0, b.c0))) return;
      const area = boxOf(range.MergeArea.Address());
      calls += 2;
      if (area && (area.r1 > area.r0 || area.c1 > area.c0)) {
        covered.push(area);
        areas.push(addressOf(area));
      }
      return;
    }
    // Halve the longer side; a block already inside a found area holds nothing new.
    if (covered.some((x) => x.r0 <= b.r0 && x.r1 >= b.r1 && x.c0 <= b.c0 && x.c1 >= b.c1)) return;
    if (b.r1 - b.r0 >= b.c1 - b.c0) {
      const mid = (b.r0 + b.r1) >> 1;
      search({ ...b, r1: mid });
      search({ ...b, r0: mid + 1 });
    } else {
      const mid = (b.c0 + b.c1) >> 1;
      search({ ...b, c1: mid });
      search({ ...b, c0: mid + 1 });
    }
  };
  if (usedRange) {
    calls += 1;
    if ((usedRange.MergeCells as unknown) === false) return { areas, calls };
  }
  const split = used.r0 + TOP;
  if (used.r1 < split) search(used);
  else {
    search({ ...used, r1: split - 1 });
    search({ ...used, r0: split });
  }
  return { areas, calls };
}
