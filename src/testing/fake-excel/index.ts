/**
 * An in-memory Excel for the tests, the benchmark and the pane in headless Chromium (there is no Excel
 * on this machine). It keeps Office.js's batch semantics, because those are what the adapter must get
 * right: calls are queued and run at `context.sync()`, a loaded property is readable only after the sync
 * that loaded it (reading earlier throws, as Office.js does), a response or a request over the size limit
 * fails the whole sync, and edit mode fails every sync of a batch not run with delayForCellEdit. It is the
 * harder host where the documents say Excel is hard (each behaviour cites its page or office-js issue
 * where it is made). Every sync and every write is recorded.
 *
 * Split by the objects it fakes (this folder); testing/page-bundle.ts joins the files for the page.
 */
import { boxAddress, cellName, parseBox, richError } from "./address";
import { raise, raiseSheetEvent } from "./events";
import { FakeFunctions } from "./functions";
import { Proxy0 } from "./proxy";
import { byKey, FakeWorksheets, makeSheet } from "./worksheets";
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
  /** The user renames a sheet: Excel raises no onChanged for it (its id stays). */
  renameSheet(sheet: string, to: string): void;
  /** The user sorts 0-based rows `from`..`to` by a column: onRowSorted (ExcelApi 1.10), never onChanged. */
  sortRows(sheet: string, from: number, to: number, col: number): void;
  /** The user picks a value from a cell's data-validation dropdown: on the web no onChanged (office-js #4066). */
  pick(sheet: string, at: string, value: unknown): void;
  /** The user selects a cell or block: onSelectionChanged. */
  select(sheet: string, at: string): void;
  /**
   * The user deletes a conditional format and presses Ctrl+Z: it comes back, but not under its old id
   * (office-js #6396: loading it or calling its methods by the old object fails). The fake gives it a new id.
   */
  restoreByUndo(sheet: string, id: string): void;
  /** `Excel.run`, with Excel.RunOptions or without. */
  run<T>(batch: (context: unknown) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: unknown) => Promise<T>): Promise<T>;
  /** The object to install as the global `Excel`. */
  namespace: Record<string, unknown>;
}

export interface FakeOptions {
  payloadLimitBytes?: number;
  /** Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded). */
  requestLimitBytes?: number;
  /** Excel on the web: a dropdown pick raises no onChanged (office-js #4066). */
  web?: boolean;
  /** The workbook counts days from 1904; null: the host cannot tell (its DATE() gives an error). */
  date1904?: boolean | null;
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
    requestBytes: [],
    requestLimitBytes: options.requestLimitBytes ?? 5 * 1024 * 1024,
    editMode: false,
    structureProtected: false,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    calculations: [],
    handlers: { workbook: [], sheets: new Map(), sorted: [], selection: [] },
    eventsEnabled: true,
    excelApi: options.excelApi ?? 1.17,
    events: [],
    web: options.web ?? false,
    date1904: options.date1904 === undefined ? false : options.date1904,
    delayed: 0,
  };
  const run = async <T>(
    a: { delayForCellEdit?: boolean } | ((context: unknown) => Promise<T>),
    b?: (context: unknown) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof a === "function" ? a : b!;
    // Excel.RunOptions.delayForCellEdit (ExcelApi 1.11): the batch waits for cell editing to end instead of failing.
    const delay = typeof a !== "function" && a.delayForCellEdit === true && state.excelApi >= 1.11;
    const ctx: Ctx = { queue: [], state, batchBytes: 0, requestBytes: 0 };
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
          // Recalculating leaves a custom function that never computed at #NAME? (office-js #6395, #4185): the
          // fake has no calculation, so a cell's value changes only when its formula is written again.
          calculate: (type: string) => ctx.queue.push(() => void state.calculations.push(type)),
        },
        functions: new FakeFunctions(ctx),
      },
      runtime: {
        set enableEvents(on: boolean) {
          ctx.queue.push(() => (state.eventsEnabled = on));
        },
      },
      async sync(): Promise<void> {
        state.syncs++;
        const ops = ctx.queue;
        const sent = ctx.requestBytes;
        ctx.queue = [];
        ctx.batchBytes = 0;
        ctx.requestBytes = 0;
        await new Promise((r) => setTimeout(r, options.latencyMs ?? 0));
        if (state.editMode && delay) {
          state.delayed++;
          while (state.editMode) await new Promise((r) => setTimeout(r, 5));
        }
        if (state.editMode) throw richError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
        state.requestBytes.push(sent);
        // "Resource limits and performance optimization for Office Add-ins": Excel on the web refuses a
        // request or a response over 5 MB; the whole batch fails and nothing of it is applied.
        if (sent > state.requestLimitBytes) {
          throw richError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
        }
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
    const s = byKey(state, name);
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
  const renameSheet = (name: string, to: string) => {
    find(name).name = to; // Excel.WorksheetChangedEventArgs: a rename is no change event (onNameChanged is ExcelApi 1.17)
    if (state.active === name) state.active = to;
  };
  const sortRows = (name: string, from: number, to: number, col: number) => {
    const s = find(name);
    const rows = s.values.slice(from, to + 1);
    const key = (r: unknown[] | undefined) => String(r?.[col] ?? "");
    rows.sort((x, y) => key(x).localeCompare(key(y), "zh"));
    s.values.splice(from, rows.length, ...rows);
    raiseSheetEvent(state, s, "WorksheetRowSorted", `${from + 1}:${to + 1}`);
  };
  const pick = (name: string, at: string, value: unknown) => {
    if (!state.web) return type(name, at, [[value]]);
    // office-js #4066: Excel on the web raises no onChanged for a value picked from a dropdown.
    const s = find(name);
    const b = parseBox(at);
    while (s.values.length <= b.r0) s.values.push([]);
    s.values[b.r0][b.c0] = value;
  };
  const select = (name: string, at: string) => {
    const s = find(name);
    state.active = s.name;
    state.selection = { sheet: s.name, address: at };
    raiseSheetEvent(state, s, "WorksheetSelectionChanged", at);
  };
  const restoreByUndo = (name: string, id: string) => {
    const cf = find(name).conditionalFormats.find((c) => c.id === id);
    if (!cf) throw new Error(`no conditional format ${id}`);
    cf.id = `${id}-restored`;
  };
  return {
    state,
    run: run as FakeExcel["run"],
    type,
    insertRows,
    deleteRows,
    renameSheet,
    sortRows,
    pick,
    select,
    restoreByUndo,
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
