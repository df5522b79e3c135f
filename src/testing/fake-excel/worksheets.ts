/** The workbook's sheet collection, and a new sheet's state. */
import { cellName, richError } from "./address";
import { live, nextId, paths, Proxy0 } from "./proxy";
import { FakeWorksheet } from "./worksheet";
import type { Ctx, FakeChangeEvent, FakeSheet, FakeSheetSpec } from "./types";

export class FakeWorksheets extends Proxy0 {
  /** Workbook-wide change events: ExcelApi 1.9; undefined on older hosts, as Office.js leaves it. */
  get onChanged():
    { add: (h: (e: FakeChangeEvent) => unknown) => { remove: () => void; context: Ctx["context"] } } | undefined {
    if (this.ctx.state.excelApi < 1.09) return undefined;
    return {
      add: (h) => {
        this.queue(() => void this.ctx.state.handlers.workbook.push(h));
        return {
          context: this.ctx.context,
          remove: () =>
            this.queue(
              () => (this.ctx.state.handlers.workbook = this.ctx.state.handlers.workbook.filter((x) => x !== h)),
            ),
        };
      },
    };
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
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((s) => s.name === name) ?? null);
    this.queue(() => void live(this.ctx, name));
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((s) => s.name === name) ?? null);
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
    numberFormats: new Map(),
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
    protectionOptions: null,
    pageLayout: {},
    charts: [],
  };
}

/** Is a cell unlocked, by itself or by its column? */
export function isUnlocked(s: FakeSheet, r: number, c: number): boolean {
  const key = cellName(r, c);
  return s.unlocked.has(key) || (s.unlockedColumns.has(c) && !s.lockedCells.has(key));
}
