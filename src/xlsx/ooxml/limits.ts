/**
 * What the reader takes on: Excel's own limits (a file beyond them is not a workbook Excel can open)
 * and the budgets that keep any file within bounded time and memory. Pure.
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel holds at most 32,767 characters in a cell; longer text is cut there. */
export const MAX_CELL_TEXT = 32_767;

export interface ReadLimits {
  /** Non-empty cells in the whole workbook; also the bound on shared strings, text and merge work. */
  maxCells: number;
  /** Rows holding cells in the whole workbook: the engine keeps about 1 KB for each row it reads. */
  maxRows: number;
  /** Inflated size of one part (a sheet's XML, the shared strings). */
  maxPartBytes: number;
  /** Inflated size of all the parts read, together. */
  maxTotalBytes: number;
}

/**
 * A province's appraisal is ~100,000 people × 40 columns: twice that still reads in well under 1 GB
 * (1,000,000 cadres would take the engine 1.5 GB). Parts are streamed, never held inflated: the
 * whole-file budget bounds the time spent inflating.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxCells: 8_000_000,
  maxRows: 500_000,
  maxPartBytes: 768 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

/** Characters of text held in cells and shared strings, per allowed cell: 128 million by default. */
export const TEXT_PER_CELL = 16;

export function limitsOf(given: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_LIMITS, ...given };
}

export const count = (n: number) => n.toLocaleString("en");

/** 1.5 GB, 768 MB, 12 KB: sizes as people read them. */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
