/**
 * 「边填边查」 as every host runs it: hears edits, waits for a pause in typing, then either reads only the
 * changed rows and re-checks their units (engine/live.ts), or — for inserted or deleted rows and columns,
 * a sheet it does not know, a paste of many rows — reads the workbook again. A host supplies how it
 * reads rows, reads everything and keeps its marks (hosts/excel/live.ts, hosts/wps/live.ts). A re-check
 * that fails (the host busy, Excel in cell-edit mode) puts its changes back and is tried again: an edit
 * heard is never dropped.
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
  /** A change nobody reported but that may have happened (hosts/excel/live.ts: a dropdown pick on the web). */
  hint?: boolean;
}

/** Changed rows per sheet, 0-based and inclusive. */
export type RowBlocks = Map<string, { r0: number; r1: number }[]>;

/** A patch's answer: the re-check, null to read everything again, or "unchanged" when the rows read hold what was known. */
export type PatchResult = LiveOutcome | null | "unchanged";

/** Tries of a failed re-check before waiting for the next edit, and the pause before the first. */
const RETRIES = 3;
const RETRY_MS = 1000;

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
  /** Failed re-checks in a row. */
  private failures = 0;
  /** Set while the marks lag the engine (a patch re-checked but its marks were not brought along yet). */
  protected marksPending = false;

  constructor(
    protected live: LiveCheck,
    protected read: WorkbookRead,
    protected options: LiveOptions,
  ) {}

  /** Stops listening; a re-check under way finishes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Waits for the re-checks heard so far (tests, and before a report is written); gives up after the retries fail. */
  async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 10)); // events arrive a moment after the change
    while ((this.timer || this.pending.length) && this.failures <= RETRIES) {
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
    try {
      await this.recheck(changes);
      this.failures = 0;
    } catch (e) {
      // Nothing of a failed batch counts: its changes go back in front, tried again after a pause.
      this.pending.unshift(...changes);
      if (++this.failures <= RETRIES) this.flushSoon(RETRY_MS * this.failures);
      throw e;
    }
  }

  private async recheck(changes: HeardChange[]): Promise<void> {
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
          changes.every((c) => c.hint),
        );
    if (outcome === "unchanged") return;
    if (!outcome) return this.full(started);
    this.read = { ...this.read, input: this.live.workbook };
    this.options.onUpdate({ outcome, read: this.read, ms: performance.now() - started, fullAt: this.fullAt });
  }

  /**
   * Reads the changed rows, re-checks them (`this.live.edit`) and brings the marks along; null when the
   * workbook turned out to have changed shape meanwhile (a sheet renamed), which reads it all again;
   * "unchanged" when, read on hints alone, the rows hold what the engine has (hosts/excel/live.ts).
   */
  protected abstract patch(blocks: RowBlocks, formulas: boolean, hintsOnly: boolean): Promise<PatchResult>;

  /** The rows read hold what the engine already has, and the marks are in step: nothing to re-check. */
  protected unchanged(edits: RowEdit[]): boolean {
    if (this.marksPending) return false;
    const same = (a: unknown, b: unknown) => (a ?? "") === (b ?? "");
    return edits.every((e) => {
      const sheet = this.live.workbook.sheets.find((s) => s.name === e.sheet);
      const row = sheet?.values[e.row] ?? [];
      const known = sheet?.formulas?.[e.row] ?? [];
      const n = Math.max(row.length, e.values.length);
      for (let c = 0; c < n; c++) {
        if (!same(row[c], e.values[c])) return false;
        if (e.formulas && !same(known[c], e.formulas[c])) return false;
      }
      return true;
    });
  }

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
