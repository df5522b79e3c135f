/**
 * 「边填边查」 in WPS on its SheetChange event (Application.ApiEvent), with the runner every host shares
 * (ui/live-runner.ts): the changed rows read in one Value2 call per block, the marks kept in step. The
 * add-in's own writes never start a re-check: events are off while it writes, and a change heard while
 * it writes is let be (whether EnableEvents silences ApiEvent is not documented).
 */
import type { LiveCheck, LiveOutcome } from "../../engine";
import type { WorkbookRead } from "../../ui/host";
import { LiveRunner, type LiveOptions, type RowBlocks } from "../../ui/live-runner";
import { addressOf } from "./address";
import { rowsOf, sheetAt, type WpsApp } from "./et";
import { markFindings, updateMarks, type WpsMarks } from "./marks";
import { readWorkbook } from "./read";
import { quietly } from "./write-table";

/**
 * Our own writes (marks, tables, templates): events and alerts off while they run, and flagged so that a
 * SheetChange WPS raises anyway is not taken for the user's edit.
 */
export function ownWrite<T>(app: WpsApp, state: WpsLiveState, work: () => T): T {
  state.writing = true;
  try {
    return quietly(app, work);
  } finally {
    state.writing = false;
  }
}

export interface WpsLiveState {
  /** The marks on the sheets, shared with the host (null: not marking). */
  marks: WpsMarks | null;
  /** True while the add-in itself writes. */
  writing: boolean;
}

export class WpsLive extends LiveRunner {
  private readonly handler = (sheet: Et.Worksheet, target: unknown) => this.changed(sheet, target as Et.Range);

  constructor(
    private app: WpsApp,
    live: LiveCheck,
    read: WorkbookRead,
    options: LiveOptions,
    private state: WpsLiveState,
  ) {
    super(live, read, options);
  }

  start(): void {
    this.app.ApiEvent.AddApiEventListener("SheetChange", this.handler);
  }

  override stop(): void {
    super.stop();
    this.app.ApiEvent.RemoveApiEventListener("SheetChange", this.handler);
  }

  private changed(sheet: Et.Worksheet, target: Et.Range): void {
    if (this.state.writing) return; // our own write
    const address = target.Address();
    // A whole row or column (inserted, deleted) names no cells: the runner reads everything again.
    this.hear({ sheet: sheet.Name, address, structural: /^\$?\d+:\$?\d+$|^\$?[A-Z]+:\$?[A-Z]+$/i.test(address) });
  }

  protected async patch(blocks: RowBlocks, formulas: boolean): Promise<LiveOutcome | null> {
    const reads: { sheet: string; r0: number; values: unknown[][]; formulas?: unknown[][] }[] = [];
    for (const [sheet, boxes] of blocks) {
      const cols = this.read.sheets.find((s) => s.name === sheet)!.cols;
      const ws = sheetAt(this.app.Worksheets, sheet);
      for (const b of boxes) {
        const range = ws.Range(addressOf({ r0: b.r0, c0: 0, r1: b.r1, c1: cols - 1 }));
        const rows = b.r1 - b.r0 + 1;
        reads.push({
          sheet,
          r0: b.r0,
          values: rowsOf(range.Value2, rows, cols),
          formulas: formulas ? rowsOf(range.Formula as unknown, rows, cols) : undefined,
        });
      }
    }
    const out = this.live.edit(LiveRunner.edits(reads));
    if (this.state.marks)
      this.state.marks = this.quiet(() =>
        updateMarks(this.app, this.state.marks!, out.result.findings, this.read.sheets),
      );
    return out;
  }

  protected readAll(): Promise<WorkbookRead> {
    return readWorkbook(this.app);
  }

  protected async remark(outcome: LiveOutcome, read: WorkbookRead): Promise<void> {
    if (this.state.marks)
      this.state.marks = this.quiet(() => markFindings(this.app, outcome.result.findings, read.sheets).marks);
  }

  private quiet<T>(work: () => T): T {
    return ownWrite(this.app, this.state, work);
  }
}
