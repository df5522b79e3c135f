/**
 * 「边填边查」 in Excel (the runner in ui/live-runner.ts decides what to read): worksheet change events,
 * the changed rows read in one sync with the marks brought along in the same batch. Its own writes never
 * start a re-check: Excel says who wrote (triggerSource, ExcelApi 1.14); on older hosts the add-in turns
 * events off while it writes (withEventsOff).
 *
 * As real Excel raises them: a handler stays registered until its EventHandlerResult is removed, so stop()
 * removes them; a rename raises no change event, so sheets are addressed by id and a rename found at the
 * next read reads everything again; a sort raises onRowSorted (ExcelApi 1.10), not onChanged; Excel on the
 * web raises nothing for a value picked from a dropdown (office-js #4066), so there the cell the selection
 * leaves is read again; batches wait for a cell edit to end where ExcelApi 1.11 allows (run.ts).
 */
import type { LiveCheck, LiveOutcome } from "../../engine";
import type { WorkbookRead } from "../../ui/host";
import {
  LiveRunner,
  rowsOf,
  type LiveOptions as RunnerOptions,
  type PatchResult,
  type RowBlocks,
} from "../../ui/live-runner";
import { shiftDates } from "./dates";
import { askMarks, markFindings, updateMarks, type MarkIndex } from "./highlight";
import { readWorkbook } from "./read";
import { requirements, runWhenEditDone } from "./run";

export type { LiveUpdate } from "../../ui/host";

export interface LiveOptions extends RunnerOptions {
  /** The marks to keep up to date, when the user marked the cells. */
  marks: MarkIndex | null;
}

const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

/** Workbook-wide change and selection events. */
const hasWorkbookEvents = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.9"));
/** Events that say whether this add-in made the change. */
const hasTriggerSource = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.14"));
/** Sorting's own event. */
const hasRowSorted = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.10"));
/** Excel on the web, where a dropdown pick raises no change event (office-js #4066). */
const onTheWeb = () =>
  typeof Office !== "undefined" && String(Office.context?.diagnostics?.platform) === "OfficeOnline";
/** A selection left behind of at most this many rows is read again on the web (a dropdown sits in one cell). */
const LEFT_ROWS = 20;

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

type Registration = OfficeExtension.EventHandlerResult<unknown>;

export class LiveValidation extends LiveRunner {
  /** Sheet names by worksheet id, as of the last reading: events name the id, which stays when a sheet is renamed. */
  private names = new Map<string, string>();
  private marks: MarkIndex | null;
  private registrations: Registration[] = [];
  private detaching: Promise<void> = Promise.resolve();
  /** Where the selection was (web): the cell a dropdown pick may have changed unheard. */
  private selected: { id: string; address: string } | null = null;

  constructor(live: LiveCheck, read: WorkbookRead, options: LiveOptions) {
    super(live, read, options);
    this.marks = options.marks;
  }

  /** The marks now on the sheets (null: not marking). */
  get markIndex(): MarkIndex | null {
    return this.marks;
  }

  set markIndex(index: MarkIndex | null) {
    this.marks = index;
  }

  async start(): Promise<void> {
    await runWhenEditDone(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      this.names = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const changed = async (e: Excel.WorksheetChangedEventArgs) => this.heard(e);
      const keep = (r: OfficeExtension.EventHandlerResult<never>) => this.registrations.push(r as Registration);
      if (hasWorkbookEvents()) {
        keep(sheets.onChanged.add(changed));
      } else {
        // ExcelApi 1.7–1.8: no workbook-wide event; every sheet's own (a new sheet then reads in full).
        for (const ws of sheets.items) keep(ws.onChanged.add(changed));
      }
      if (hasRowSorted()) {
        keep(sheets.onRowSorted.add(async (e) => this.heardSheet(e.worksheetId, e.address, true)));
      }
      if (hasWorkbookEvents() && onTheWeb()) {
        keep(sheets.onSelectionChanged.add(async (e) => this.selectionMoved(e.worksheetId, e.address)));
      }
      await context.sync();
    });
  }

  /** Stops listening and removes the handlers from Excel (with the context that added them, as Excel requires). */
  override stop(): void {
    super.stop();
    const registrations = this.registrations.splice(0);
    if (!registrations.length) return;
    this.detaching = (async () => {
      for (const r of registrations) r.remove();
      try {
        await registrations[0].context.sync();
      } catch {
        // The context is gone (the runtime reloaded): its handlers went with it.
      }
    })();
  }

  /** Resolves once stop()'s handlers are removed. */
  detached(): Promise<void> {
    return this.detaching;
  }

  private heard(e: Excel.WorksheetChangedEventArgs): void {
    if (hasTriggerSource()) {
      if (e.triggerSource === Excel.EventTriggerSource.thisLocalAddin) return; // our own write
    }
    this.heardSheet(e.worksheetId, e.address, STRUCTURAL.has(e.changeType));
  }

  private heardSheet(id: string, address: string, structural: boolean, hint = false): void {
    this.hear({ sheet: this.names.get(id) ?? null, address, structural, hint });
  }

  /** On the web: the cell the selection leaves may hold a pick Excel did not report; it is read again. */
  private selectionMoved(id: string, address: string): void {
    const left = this.selected;
    this.selected = { id, address };
    if (!left || !this.names.has(left.id)) return;
    const rows = rowsOf(left.address);
    if (rows && rows.r1 - rows.r0 < LEFT_ROWS) this.heardSheet(left.id, left.address, false, true);
  }

  protected patch(blocks: RowBlocks, formulas: boolean, hintsOnly: boolean): Promise<PatchResult> {
    return runWhenEditDone(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      const ids = new Map([...this.names].map(([id, name]) => [name, id]));
      const date1904 = this.read.date1904 === true;
      const reads: { sheet: string; r0: number; range: Excel.Range }[] = [];
      for (const [sheet, boxes] of blocks) {
        const cols = this.read.sheets.find((s) => s.name === sheet)!.cols;
        const ws = sheets.getItem(ids.get(sheet) ?? sheet); // by id: the name may have changed unheard
        for (const b of boxes) {
          const range = ws.getRangeByIndexes(b.r0, 0, b.r1 - b.r0 + 1, cols);
          range.load(["values", ...(formulas ? ["formulas"] : []), ...(date1904 ? ["numberFormat"] : [])]);
          reads.push({ sheet, r0: b.r0, range });
        }
      }
      const present = this.marks ? askMarks(context, this.marks, (name) => ids.get(name) ?? name) : null;
      await context.sync();
      const now = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const renamed = now.size !== this.names.size || [...now].some(([id, n]) => this.names.get(id) !== n);
      if (renamed) return null;
      const edits = LiveRunner.edits(
        reads.map(({ sheet, r0, range }) => {
          if (date1904) shiftDates(range.values, range.numberFormat);
          return { sheet, r0, values: range.values, formulas: formulas ? range.formulas : undefined };
        }),
      );
      // Read on a hint alone (the selection moved on), rows as they were are no edit: no re-check, no sync more.
      if (hintsOnly && this.unchanged(edits)) return "unchanged";
      const out = this.live.edit(edits);
      if (this.marks) {
        this.marksPending = true;
        const updated = await updateMarks(
          context,
          this.marks,
          out.result.findings,
          this.read.sheets,
          present?.() ?? null,
        );
        this.marks = updated.index;
        this.marksPending = false;
      }
      return out;
    });
  }

  protected readAll(): Promise<WorkbookRead> {
    return runWhenEditDone((context) => readWorkbook(context));
  }

  protected async remark(outcome: LiveOutcome, read: WorkbookRead): Promise<void> {
    if (this.marks) {
      const marked = await runWhenEditDone((context) => markFindings(context, outcome.result.findings, read.sheets));
      this.marks = marked.index;
    }
    await runWhenEditDone(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      this.names = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
    });
  }
}
