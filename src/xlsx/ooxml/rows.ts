/**
 * A sheet's rows built from its cells as they come, each row made once its cells are known, in the
 * shape that costs memory by the cells present: a row up to DENSE_WIDTH wide is filled with null like
 * range.values (its width counted against the budget); a wider one is sparse (one value in XFD costs
 * one slot, not 16,384). Writing cells one by one would let V8 grow a row with a cell every few hundred
 * columns into a full-width array, and a 4 MB file into gigabytes.
 */
import type { Budget } from "./budget";

/** Rows up to this width are filled with null like range.values; wider ones stay sparse. */
export const DENSE_WIDTH = 1024;
/** The rows between those that hold cells: one shared, frozen empty row (a million of them cost no memory). */
export const NO_CELLS = Object.freeze([]) as unknown as unknown[];

/** Values or formulas of one sheet, row by row. */
export class Rows<T> {
  readonly rows: T[][] = [];
  private r = -1;
  private cols: number[] = [];
  private vals: T[] = [];

  constructor(
    private readonly budget: Budget,
    private readonly sheet: string,
    /** Whether these rows count as the sheet's rows (values do; formulas are the same rows again). */
    private readonly counted = true,
  ) {}

  put(r: number, c: number, value: T): void {
    if (r !== this.r) {
      this.flush();
      this.r = r;
    }
    this.cols.push(c);
    this.vals.push(value);
  }

  /** The rows (as many as `length`, else up to the last with a cell); rows without cells are NO_CELLS. */
  done(length?: number): T[][] {
    this.flush();
    const n = length ?? this.rows.length;
    for (let i = 0; i < n; i++) if (!this.rows[i]) this.rows[i] = NO_CELLS as T[];
    return this.rows;
  }

  private flush(): void {
    if (this.cols.length === 0) return;
    const before = this.rows[this.r];
    if (!before && this.counted) this.budget.dataRow(this.sheet, this.r);
    if (before) {
      // The row's cells came in two places (rows out of order): made again with all of them, the later
      // cells last; bounded, as hostile files could make every cell a row of its own.
      const cols: number[] = [];
      const vals: T[] = [];
      for (const k in before) {
        if (before[k] === null && before.length <= DENSE_WIDTH) continue;
        cols.push(Number(k));
        vals.push(before[k]);
      }
      this.budget.reorder(this.sheet, cols.length);
      this.cols = cols.concat(this.cols);
      this.vals = vals.concat(this.vals);
    }
    this.rows[this.r] = this.make();
    this.cols = [];
    this.vals = [];
  }

  private make(): T[] {
    let width = 0;
    for (const c of this.cols) if (c + 1 > width) width = c + 1;
    if (width <= DENSE_WIDTH) {
      this.budget.slots(this.sheet, this.r, width);
      const row = new Array<T | null>(width).fill(null);
      for (let i = 0; i < this.cols.length; i++) row[this.cols[i]] = this.vals[i];
      return row as T[];
    }
    // The last column first: an index that far past an array's end makes V8 keep its elements in a
    // dictionary, which then costs by the cells present.
    const row: T[] = [];
    row[width - 1] = undefined as T;
    for (let i = 0; i < this.cols.length; i++) row[this.cols[i]] = this.vals[i];
    return row;
  }
}
