/**
 * 「边填边查」 in Excel (the runner in ui/live-runner.ts decides what to read): worksheet change events,
 * the changed rows read in one sync with the marks brought along in the same batch. Its own writes never
 * start a re-check: Excel says who wrote (triggerSource, ExcelApi 1.14); on older hosts the add-in turns
 * events off while it writes (withEventsOff).
 */
import type { LiveCheck, LiveOutcome } from "../../engine";
import type { WorkbookRead } from "../../ui/host";
import { LiveRunner, type LiveOptions as RunnerOptions, type RowBlocks } from "../../ui/live-runner";
import { markFindings, updateMarks, type MarkIndex } from "./highlight";
import { readWorkbook } from "./read";

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

const requirements = () => (typeof Office === "undefined" ? undefined : Office.context?.requirements);
/** Workbook-wide change events. */
const hasWorkbookEvents = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.9"));
/** Events that say whether this add-in made the change. */
const hasTriggerSource = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.14"));

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

export class LiveValidation extends LiveRunner {
  /** Sheet names by worksheet id: events name the id, which stays when a sheet is renamed. */
  private names = new Map<string, string>();
  private marks: MarkIndex | null;

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

  private heard(e: Excel.WorksheetChangedEventArgs): void {
    if (hasTriggerSource()) {
      if (e.triggerSource === Excel.EventTriggerSource.thisLocalAddin) return; // our own write
    }
    this.hear({
      sheet: this.names.get(e.worksheetId) ?? null,
      address: e.address,
      structural: STRUCTURAL.has(e.changeType),
    });
  }

  protected patch(blocks: RowBlocks, formulas: boolean): Promise<LiveOutcome | null> {
    return Excel.run(async (context) => {
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
      const out = this.live.edit(
        LiveRunner.edits(
          reads.map(({ sheet, r0, range }) => ({
            sheet,
            r0,
            values: range.values,
            formulas: formulas ? range.formulas : undefined,
          })),
        ),
      );
      if (this.marks)
        this.marks = (await updateMarks(context, this.marks, out.result.findings, this.read.sheets)).index;
      return out;
    });
  }

  protected readAll(): Promise<WorkbookRead> {
    return Excel.run((context) => readWorkbook(context));
  }

  protected async remark(outcome: LiveOutcome, read: WorkbookRead): Promise<void> {
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
  }
}
