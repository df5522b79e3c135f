/**
 * 「边填边查」: listens to worksheet changes, waits for a pause in typing, reads only the changed rows
 * (one sync), re-checks their units (engine/live.ts) and brings the marks along (one sync). Inserted or
 * deleted rows and columns, a new or renamed sheet, or a paste of many rows read the workbook again.
 * Its own writes never start a re-check: Excel says who wrote (triggerSource, ExcelApi 1.14); on older
 * hosts the add-in turns events off while it writes (withEventsOff).
 */
import { LiveCheck, parseA1, type RowEdit } from "../../engine";
import type { LiveUpdate, WorkbookRead } from "../../ui/host";
import { markFindings, updateMarks, type MarkIndex } from "./highlight";
import { readWorkbook } from "./read";
import { DATA_KINDS } from "./owned";

export type { LiveUpdate } from "../../ui/host";

export interface LiveOptions {
  /** The pause in typing before a re-check. */
  debounceMs?: number;
  /** A change of more rows than this reads the workbook again. */
  pasteRows?: number;
  /** The marks to keep up to date, when the user marked the cells. */
  marks: MarkIndex | null;
  onUpdate(u: LiveUpdate): void;
  onError(e: unknown): void;
}

interface Change {
  worksheetId: string;
  address: string;
  changeType: string;
}

const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

const requirements = () => (typeof Office === "undefined" ? undefined : Office.context?.requirements);
/** Workbook-wide change events. */
const hasWorkbookEvents = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.9"));
/** Events that say whether this add-in made the change. */
const hasTriggerSource = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.14"));

/** Rows of an A1 address ("B5", "B5:D9"); null for whole rows or columns ("3:3", "A:A"). */
function rowsOf(address: string): { r0: number; r1: number; c1: number } | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return { r0: Math.min(p.row, q.row), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** Runs a write with the add-in's events off, so that hosts without triggerSource do not re-check it. */
export async function withEventsOff<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(async (context) => {
    const off = !hasTriggerSource();
    if (off) context.runtime.enableEvents = false;
    try {
      return await work(context);
    } finally {
      if (off) {
        context.runtime.enableEvents = true;
        await context.sync();
      }
    }
  });
}

export class LiveValidation {
  private pending: Change[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private names = new Map<string, string>();
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private fullAt = new Date();
  private marks: MarkIndex | null;

  constructor(
    private live: LiveCheck,
    private read: WorkbookRead,
    private options: LiveOptions,
  ) {
    this.marks = options.marks;
  }

  get lastFull(): Date {
    return this.fullAt;
  }

  /** The marks now on the sheets (null: not marking). */
  get markIndex(): MarkIndex | null {
    return this.marks;
  }

  set markIndex(index: MarkIndex | null) {
    this.marks = index;
  }

  async start(): Promise<void> {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      this.names = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const handler = async (e: Excel.WorksheetChangedEventArgs) => this.heard(e);
      if (hasWorkbookEvents()) {
        sheets.onChanged.add(handler);
      } else {
        // ExcelApi 1.7–1.8: no workbook-wide event; every sheet's own (a new sheet then reads in full).
        for (const ws of sheets.items) ws.onChanged.add(handler);
      }
      await context.sync();
    });
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

  private heard(e: Excel.WorksheetChangedEventArgs): void {
    if (this.stopped) return;
    if (hasTriggerSource()) {
      if (e.triggerSource === Excel.EventTriggerSource.thisLocalAddin) return; // our own write
    }
    const name = this.names.get(e.worksheetId);
    // The add-in's own sheets (reports, lists) are not data; the consolidated 班子汇总 / 干部汇总 are.
    const owned = name ? this.read.sheets.find((s) => s.name === name)?.owned : null;
    if (owned && !DATA_KINDS.has(owned)) return;
    this.pending.push({ worksheetId: e.worksheetId, address: e.address, changeType: e.changeType });
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
    const blocks = new Map<string, { r0: number; r1: number }[]>();
    let full = changes.some((c) => STRUCTURAL.has(c.changeType) || !this.names.has(c.worksheetId));
    for (const c of changes) {
      const box = rowsOf(c.address);
      const name = this.names.get(c.worksheetId);
      const info = this.read.sheets.find((s) => s.name === name);
      if (!box || !name || !info || box.r1 - box.r0 + 1 > limit || box.c1 >= info.cols) full = true;
      else blocks.set(name, [...(blocks.get(name) ?? []), box]);
    }
    if (full) return this.full(started);

    const formulas = this.read.input.sheets.some((s) => s.formulas);
    const outcome = await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      const reads: { sheet: string; r0: number; range: Excel.Range }[] = [];
      for (const [sheet, boxes] of blocks) {
        const cols = this.read.sheets.find((s) => s.name === sheet)!.cols;
        const ws = sheets.getItem(sheet);
        for (const b of boxes) {
          const range = ws.getRangeByIndexes(b.r0, 0, b.r1 - b.r0 + 1, cols);
          if (formulas) range.load("values,formulas");
          else range.load("values");
          reads.push({ sheet, r0: b.r0, range });
        }
      }
      await context.sync();
      const now = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const renamed = now.size !== this.names.size || [...now].some(([id, n]) => this.names.get(id) !== n);
      if (renamed) return null;
      const edits = new Map<string, RowEdit>();
      for (const { sheet, r0, range } of reads) {
        range.values.forEach((values, i) => {
          const f = formulas
            ? range.formulas[i].map((x) => (typeof x === "string" && x.startsWith("=") ? x : null))
            : undefined;
          edits.set(`${sheet}!${r0 + i}`, { sheet, row: r0 + i, values, formulas: f });
        });
      }
      const out = this.live.edit([...edits.values()]);
      if (this.marks)
        this.marks = (await updateMarks(context, this.marks, out.result.findings, this.read.sheets)).index;
      return out;
    });
    if (!outcome) return this.full(started);
    this.read = { ...this.read, input: this.live.workbook };
    this.options.onUpdate({ outcome, read: this.read, ms: performance.now() - started, fullAt: this.fullAt });
  }

  /** Everything read again: the sheets' shape changed, or more changed than is worth patching. */
  private async full(started: number): Promise<void> {
    const read = await Excel.run((context) => readWorkbook(context));
    this.read = read;
    const outcome = this.live.full(read.input, "structure");
    if (this.marks) {
      const marked = await Excel.run((context) => markFindings(context, outcome.result.findings, read.sheets));
      this.marks = marked.index;
    }
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      this.names = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
    });
    this.fullAt = new Date();
    this.options.onUpdate({ outcome, read, ms: performance.now() - started, fullAt: this.fullAt });
  }
}
