/**
 * An in-memory Excel for the tests, the benchmark and the pane in headless Chromium (there is no Excel
 * on this machine). It keeps Office.js's batch semantics, because those are what the adapter must get
 * right: calls are queued and run at `context.sync()`, a loaded property is readable only after the sync
 * that loaded it (reading earlier throws, as Office.js does), a response over the size limit fails the
 * whole sync with `ResponsePayloadSizeLimitExceeded`, and edit mode fails every sync. Every sync and
 * every write is recorded.
 *
 * Split by the objects it fakes (this folder); testing/page-bundle.ts joins the files for the page.
 */
import { boxAddress, cellName, parseBox, richError } from "./address";
import { raise } from "./events";
import { Proxy0 } from "./proxy";
import { FakeWorksheets, makeSheet } from "./worksheets";
import type { Ctx, FakeExcelState, FakeSheetSpec } from "./types";

export type * from "./types";
export { isUnlocked, makeSheet } from "./worksheets";

export interface FakeExcel {
  state: FakeExcelState;
  /** The user types (or pastes) values at a cell or block: the sheet changes and handlers hear of it. */
  type(sheet: string, at: string, values: unknown[][]): void;
  /** The user inserts `count` rows before 0-based row `at`. */
  insertRows(sheet: string, at: number, count: number): void;
  /** The user deletes `count` rows from 0-based row `at`. */
  deleteRows(sheet: string, at: number, count: number): void;
  /** `Excel.run` */
  run<T>(batch: (context: unknown) => Promise<T>): Promise<T>;
  /** The object to install as the global `Excel`. */
  namespace: Record<string, unknown>;
}

export interface FakeOptions {
  payloadLimitBytes?: number;
  /** Milliseconds each sync takes, like a round trip to Excel on the web. */
  latencyMs?: number;
  /** The host's ExcelApi level as a number (1.9 → 1.09, 1.14 → 1.14); default 1.17 (LTSC 2024). */
  excelApi?: number;
}

export function createFakeExcel(specs: FakeSheetSpec[], options: FakeOptions = {}): FakeExcel {
  const state: FakeExcelState = {
    sheets: specs.map(makeSheet),
    active: specs.find((s) => (s.visibility ?? "Visible") === "Visible")?.name ?? "",
    selection: null,
    syncs: 0,
    writes: [],
    responseBytes: [],
    editMode: false,
    structureProtected: false,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    calculations: [],
    handlers: { workbook: [], sheets: new Map() },
    eventsEnabled: true,
    excelApi: options.excelApi ?? 1.17,
    events: [],
  };
  const run = async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
    const ctx: Ctx = { queue: [], state, batchBytes: 0 };
    const protection = new (class extends Proxy0 {
      load(): this {
        this.queue(() => (this.loaded.protected = state.structureProtected));
        return this;
      }
      get protected(): boolean {
        return this.value("protected");
      }
    })(ctx);
    const context = {
      workbook: {
        worksheets: new FakeWorksheets(ctx),
        protection,
        application: {
          calculate: (type: string) => ctx.queue.push(() => void state.calculations.push(type)),
        },
      },
      runtime: {
        set enableEvents(on: boolean) {
          ctx.queue.push(() => (state.eventsEnabled = on));
        },
      },
      async sync(): Promise<void> {
        state.syncs++;
        const ops = ctx.queue;
        ctx.queue = [];
        ctx.batchBytes = 0;
        await new Promise((r) => setTimeout(r, options.latencyMs ?? 0));
        if (state.editMode) throw richError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
        for (const op of ops) op();
        state.responseBytes.push(ctx.batchBytes);
        if (ctx.batchBytes > state.payloadLimitBytes) {
          throw richError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
        }
      },
    };
    ctx.context = context;
    const result = await batch(context);
    if (ctx.queue.length) await context.sync(); // Excel.run flushes what is left
    return result;
  };
  const find = (name: string) => {
    const s = state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const type = (name: string, at: string, values: unknown[][]) => {
    const s = find(name);
    const b = parseBox(at);
    const before = s.values[b.r0]?.[b.c0] ?? null;
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = b.r0 + i;
        while (s.values.length <= r) s.values.push([]);
        s.values[r][b.c0 + j] = v;
        s.formulas.delete(cellName(r, b.c0 + j));
      }),
    );
    const box = {
      r0: b.r0,
      c0: b.c0,
      r1: b.r0 + values.length - 1,
      c1: b.c0 + Math.max(...values.map((r) => r.length)) - 1,
    };
    const single = box.r0 === box.r1 && box.c0 === box.c1;
    raise(
      state,
      s,
      boxAddress(box),
      "RangeEdited",
      "Unknown",
      single ? { valueBefore: before, valueAfter: values[0][0] } : undefined,
    );
  };
  const insertRows = (name: string, at: number, count: number) => {
    const s = find(name);
    s.values.splice(at, 0, ...Array.from({ length: count }, () => []));
    raise(state, s, `${at + 1}:${at + count}`, "RowInserted", "Unknown");
  };
  const deleteRows = (name: string, at: number, count: number) => {
    const s = find(name);
    s.values.splice(at, count);
    raise(state, s, `${at + 1}:${at + count}`, "RowDeleted", "Unknown");
  };
  return {
    state,
    run,
    type,
    insertRows,
    deleteRows,
    namespace: {
      run,
      CalculationType: { full: "Full", recalculate: "Recalculate" },
      ConditionalFormatType: { custom: "Custom" },
      DataChangeType: {
        rangeEdited: "RangeEdited",
        rowInserted: "RowInserted",
        rowDeleted: "RowDeleted",
        columnInserted: "ColumnInserted",
        columnDeleted: "ColumnDeleted",
        cellInserted: "CellInserted",
        cellDeleted: "CellDeleted",
      },
      EventTriggerSource: { thisLocalAddin: "ThisLocalAddin", unknown: "Unknown" },
      PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
      ErrorCodes: {
        invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
        responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      },
    },
  };
}
