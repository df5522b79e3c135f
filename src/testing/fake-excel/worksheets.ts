/** The workbook's sheet collection, and a new sheet's state. */
import { cellName, richError } from "./address";
import { addHandler, type FakeHandlerResult } from "./events";
import { live, nextId, paths, Proxy0 } from "./proxy";
import { FakeWorksheet } from "./worksheet";
import type { FakeChangeEvent, FakeExcelState, FakeSheet, FakeSheetEvent, FakeSheetSpec, Handler } from "./types";

type Events<E> = { add: (h: (e: E) => unknown) => FakeHandlerResult } | undefined;

/** A sheet by name or by id: WorksheetCollection.getItem(key) takes either ("Gets a worksheet object using its name or ID"). */
export function byKey(state: FakeExcelState, key: string): FakeSheet | null {
  return state.sheets.find((s) => s.name === key) ?? state.sheets.find((s) => s.id === key) ?? null;
}

export class FakeWorksheets extends Proxy0 {
  private events<E>(since: number, list: (s: FakeExcelState) => Handler[]): Events<E> {
    // Office.js leaves a member of a newer set undefined on an older host.
    if (this.ctx.state.excelApi < since) return undefined;
    return { add: (h) => addHandler(this.ctx, list, h as Handler) };
  }
  /** Workbook-wide change events: ExcelApi 1.9. A renamed sheet raises none (Excel.WorksheetChangedEventArgs). */
  get onChanged(): Events<FakeChangeEvent> {
    return this.events(1.09, (s) => s.handlers.workbook);
  }
  /** Rows sorted top to bottom: ExcelApi 1.10; a sort raises no onChanged (Excel.WorksheetCollection.onRowSorted). */
  get onRowSorted(): Events<FakeSheetEvent> {
    return this.events(1.1, (s) => s.handlers.sorted);
  }
  /** The selection moved on any sheet: ExcelApi 1.9. */
  get onSelectionChanged(): Events<FakeSheetEvent> {
    return this.events(1.09, (s) => s.handlers.selection);
  }
  load(spec?: string): this {
    const want = paths(spec).map((p) => p.replace(/^items\//, ""));
    this.queue(() => {
      this.loaded.items = this.ctx.state.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((x) => x === s) ?? null);
        ws.snapshot(s, want);
        return ws;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.value("items");
  }
  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => byKey(this.ctx.state, key));
    this.queue(() => void (byKey(this.ctx.state, key) ?? live(this.ctx, key)));
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    const name = this.ctx.state.active;
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((s) => s.name === name) ?? null);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => byKey(this.ctx.state, key));
  }
  add(name: string): FakeWorksheet {
    this.queue(() => {
      if (this.ctx.state.structureProtected) throw richError("AccessDenied", "workbook structure is protected");
      if (this.ctx.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw richError("ItemAlreadyExists", `a sheet named ${name} exists`);
      }
      this.write(name, "sheet.add");
      this.ctx.state.sheets.push(makeSheet({ name, values: [] }));
    });
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((s) => s.name === name) ?? null);
  }
}

export function makeSheet(spec: FakeSheetSpec): FakeSheet {
  return {
    id: `{${nextId()}-${spec.name}}`,
    name: spec.name,
    values: spec.values.map((r) => (r ? [...r] : [])),
    formulas: new Map(Object.entries(spec.formulas ?? {})),
    numberFormats: new Map(Object.entries(spec.numberFormats ?? {})),
    merges: [...(spec.merges ?? [])],
    visibility: spec.visibility ?? "Visible",
    protected: spec.protected ?? false,
    formats: new Map(Object.entries(spec.formats ?? {}).map(([k, v]) => [k, { ...v }])),
    conditionalFormats: (spec.conditionalFormats ?? []).map((c) => ({ ...c })),
    customProperties: new Map(Object.entries(spec.customProperties ?? {})),
    frozenRows: 0,
    autoFilter: null,
    columnWidths: new Map(),
    validations: new Map(),
    unlocked: new Set(),
    unlockedColumns: new Set(),
    lockedCells: new Set(),
    protectionOptions: spec.protected ? (spec.protectionOptions ?? {}) : null,
    pageLayout: {},
    charts: [],
    password: spec.password ?? null,
  };
}

/** Is a cell unlocked, by itself or by its column? */
export function isUnlocked(s: FakeSheet, r: number, c: number): boolean {
  const key = cellName(r, c);
  return s.unlocked.has(key) || (s.unlockedColumns.has(c) && !s.lockedCells.has(key));
}
