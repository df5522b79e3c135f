/**
 * 「边填边查」 as every host runs it: hears edits, waits for a pause in typing, then either reads only the
 * changed rows and re-checks their units (engine/live.ts), or — for inserted or deleted rows and columns,
 * a sheet it does not know, a paste of many rows — reads the workbook again. A host supplies how it
 * reads rows, reads everything and keeps its marks (hosts/excel/live.ts, hosts/wps/live.ts).
 */
import { LiveCheck, parseA1, type LiveOutcome, type RowEdit } from "../engine";
import type { LiveUpdate, WorkbookRead } from "./host";
import { DATA_KINDS } from "./owned";

export interface LiveOptions {
  /** The pause in typing before a re-check. */
  debounceMs?: number;
  /** A change of more rows than this reads the workbook again. */
  pasteRows?: number;
  onUpdate(u: LiveUpdate): void;
  onError(e: unknown): void;
}

/** One edit as the host reported it. */
export interface HeardChange {
  /** The sheet's name now, or null when the host names a sheet the last reading does not know. */
  sheet: string | null;
  address: string;
  /** Rows or columns inserted or deleted: the sheet's shape changed. */
  structural: boolean;
}

/** Changed rows per sheet, 0-based and inclusive. */
export type RowBlocks = Map<string, { r0: number; r1: number }[]>;

/** Rows of an A1 address ("B5", "$B$5:$D$9", "'干部'!B5"); null for whole rows or columns ("3:3", "A:A"). */
export function rowsOf(address: string): { r0: number; r1: number; c1: number } | null {
  const local = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(/\$/g, "");
  const [a, b] = local.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return { r0: Math.min(p.row, q.row), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

export abstract class LiveRunner {
  private pending: HeardChange[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  protected stopped = false;
  private running: Promise<void> = Promise.resolve();
  protected fullAt = new Date();

  constructor(
    protected live: LiveCheck,
    protected read: WorkbookRead,
    protected options: LiveOptions,
  ) {}

  get lastFull(): Date {
    return this.fullAt;
  }

  /** Stops listening; a re-check under way finishes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Waits for the re-checks heard so far (tests, and before a report is written). */
  async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 10)); // events arrive a moment after the change
    while (this.timer || this.pending.length) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        this.flushSoon(0);
      }
      await new Promise((r) => setTimeout(r, 5));
      await this.running;
    }
    await this.running;
  }

  /** A host's edit: the add-in's own sheets (reports, lists) are not data and are let be. */
  protected hear(change: HeardChange): void {
    if (this.stopped) return;
    const owned = change.sheet ? this.read.sheets.find((s) => s.name === change.sheet)?.owned : null;
    if (owned && !DATA_KINDS.has(owned)) return;
    this.pending.push(change);
    this.flushSoon(this.options.debounceMs ?? 300);
  }

  private flushSoon(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running.then(() => this.flush()).catch((e) => this.options.onError(e));
    }, ms);
  }

  private async flush(): Promise<void> {
    const changes = this.pending.splice(0);
    if (!changes.length || this.stopped) return;
    const started = performance.now();
    const limit = this.options.pasteRows ?? 500;
    const blocks: RowBlocks = new Map();
    let full = changes.some((c) => c.structural || c.sheet === null);
    for (const c of changes) {
      const box = rowsOf(c.address);
      const info = this.read.sheets.find((s) => s.name === c.sheet);
      if (!box || !c.sheet || !info || box.r1 - box.r0 + 1 > limit || box.c1 >= info.cols) full = true;
      else blocks.set(c.sheet, [...(blocks.get(c.sheet) ?? []), box]);
    }
    const outcome = full
      ? null
      : await this.patch(
          blocks,
          this.read.input.sheets.some((s) => s.formulas),
        );
    if (!outcome) return this.full(started);
    this.read = { ...this.read, input: this.live.workbook };
    this.options.onUpdate({ outcome, read: this.read, ms: performance.now() - started, fullAt: this.fullAt });
  }

  /**
   * Reads the changed rows, re-checks them (`this.live.edit`) and brings the marks along; null when the
   * workbook turned out to have changed shape meanwhile (a sheet renamed), which reads it all again.
   */
  protected abstract patch(blocks: RowBlocks, formulas: boolean): Promise<LiveOutcome | null>;

  /** Everything read again, marked afresh where the cells are marked. */
  protected abstract readAll(): Promise<WorkbookRead>;
  protected abstract remark(outcome: LiveOutcome, read: WorkbookRead): Promise<void>;

  /** Everything read again: the sheets' shape changed, or more changed than is worth patching. */
  private async full(started: number): Promise<void> {
    const read = await this.readAll();
    this.read = read;
    const outcome = this.live.full(read.input, "structure");
    await this.remark(outcome, read);
    this.fullAt = new Date();
    this.options.onUpdate({ outcome, read, ms: performance.now() - started, fullAt: this.fullAt });
  }

  /** The changed rows as the engine takes them, from one block of values (and formulas) per range read. */
  protected static edits(
    reads: { sheet: string; r0: number; values: unknown[][]; formulas?: unknown[][] }[],
  ): RowEdit[] {
    const edits = new Map<string, RowEdit>();
    for (const { sheet, r0, values, formulas } of reads) {
      values.forEach((row, i) => {
        const f = formulas?.[i].map((x) => (typeof x === "string" && x.startsWith("=") ? x : null));
        edits.set(`${sheet}!${r0 + i}`, { sheet, row: r0 + i, values: row, formulas: f });
      });
    }
    return [...edits.values()];
  }
}
