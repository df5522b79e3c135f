/**
 * The budgets for formats the library reads. It holds every cell as an object of its own (~100 bytes,
 * against ~10 for the .xlsx reader's values), and the whole file with it: a quarter of the cells and an
 * eighth of the bytes keep the peak where the .xlsx reader's is — 2 million non-empty cells and 128 MB
 * by default, beyond any real .xls (65,536 rows by 256 columns a sheet).
 */
import type { ReadLimits } from "../ooxml/limits";

export function legacyLimits(l: ReadLimits): ReadLimits {
  return {
    maxCells: Math.floor(l.maxCells / 4),
    maxRows: l.maxRows,
    maxPartBytes: Math.floor(l.maxPartBytes / 8),
    maxTotalBytes: Math.floor(l.maxTotalBytes / 8),
  };
}
