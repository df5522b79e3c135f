/** Excel.Worksheet with its custom properties, protection, layout, charts and ranges. */
import { cellName, parseBox, richError, setOnly } from "./address";
import { addHandler, type FakeHandlerResult } from "./events";
import { guardWritable, paths, Proxy0 } from "./proxy";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./range-areas";
import type { Ctx, FakeChangeEvent, FakeSheet, Handler } from "./types";

/** What `charts.add` gives back: the title, and where the chart goes. */
export interface FakeChartProxy {
  title: { text: string };
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void;
}

export class FakeCustomProperties extends Proxy0 {
  constructor(
    ctx: Ctx,
    private sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  load(spec?: string): this {
    void spec;
    this.queue(() => {
      const s = this.sheet();
      this.loaded.items = [...s.customProperties].map(([key, value]) => ({ key, value }));
    });
    return this;
  }
  get items(): { key: string; value: string }[] {
    return this.value("items");
  }
  add(key: string, value: string): void {
    this.queue(() => {
      const s = this.sheet();
      this.write(s.name, "customProperty", key);
      s.customProperties.set(key, value);
    });
  }
}

export class FakeWorksheet extends Proxy0 {
  readonly protection: {
    readonly protected: boolean;
    readonly options: Record<string, unknown>;
    load: (p?: string) => void;
    protect: (options?: Record<string, unknown>, password?: string) => void;
    unprotect: (password?: string) => void;
  };
  readonly pageLayout: {
    orientation: string;
    zoom: unknown;
    setPrintTitleRows: (rows: string) => void;
  };
  readonly customProperties: FakeCustomProperties;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChartProxy };
  readonly autoFilter: { apply: (range: FakeRange | string) => void };
  constructor(
    ctx: Ctx,
    private find: () => FakeSheet | null,
  ) {
    super(ctx);
    const self = this;
    this.protection = {
      get protected(): boolean {
        return self.value("protection/protected");
      },
      get options(): Record<string, unknown> {
        return self.value("protection/options");
      },
      load(p?: string) {
        self.load(paths(p ?? "protected").map((x) => `protection/${x}`));
      },
      protect(options?: Record<string, unknown>, password?: string) {
        self.queue(() => {
          const s = self.sheet();
          if (s.protected) throw richError("InvalidOperation", `worksheet ${s.name} is already protected`);
          self.write(s.name, "protect");
          s.protected = true;
          s.protectionOptions = options ?? {};
          s.password = password ?? null;
        });
      },
      unprotect(password?: string) {
        self.queue(() => {
          const s = self.sheet();
          if (s.password !== null && password !== s.password)
            throw richError("InvalidArgument", `worksheet ${s.name} needs its password`);
          self.write(s.name, "unprotect");
          s.protected = false;
          s.password = null;
        });
      },
    };
    const layout = (key: "orientation" | "zoom" | "printTitleRows", v: unknown) =>
      self.queue(() => {
        const s = self.sheet();
        self.write(s.name, `pageLayout.${key}`);
        (s.pageLayout as Record<string, unknown>)[key] = v;
      });
    this.pageLayout = Object.assign(setOnly("pageLayout", ["orientation", "zoom"] as const, layout), {
      setPrintTitleRows: (rows: string) => layout("printTitleRows", rows),
    }) as FakeWorksheet["pageLayout"];
    this.customProperties = new FakeCustomProperties(ctx, () => this.sheet());
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy = "Auto") => {
        // Where Office.js puts a chart it was not told where to put is not documented; Excel's own
        // default is over the top left of the window, so the fake puts it over A1: on the table it plots.
        const chart = { type, source: "", seriesBy, at: "A1" };
        this.queue(() => {
          const sh = this.sheet();
          guardWritable(sh);
          this.write(sh.name, "chart.add");
          chart.source = source.boxAddressNow();
          sh.charts.push(chart);
        });
        return {
          title: { text: "" },
          // Chart.setPosition(startCell, endCell) (ExcelApi 1.1): the chart's top-left on startCell.
          setPosition: (start: FakeRange | string) =>
            this.queue(() => {
              chart.at = typeof start === "string" ? start : start.boxAddressNow().split(":")[0];
            }),
        };
      },
    };
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.queue(() => {
          const s = this.sheet();
          this.write(s.name, "freezeRows");
          s.frozenRows = n;
        }),
    };
    this.autoFilter = {
      apply: (range: FakeRange | string) =>
        this.queue(() => {
          const s = this.sheet();
          this.write(s.name, "autoFilter");
          s.autoFilter = typeof range === "string" ? range : "set";
        }),
    };
  }

  sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw richError("ItemNotFound", "worksheet not found");
    return s;
  }

  snapshot(s: FakeSheet | null, want: string[]): void {
    this.nullObject = s === null;
    if (!s) return;
    for (const p of want) {
      if (p === "name") this.loaded.name = s.name;
      else if (p === "id") this.loaded.id = s.id;
      else if (p === "visibility") this.loaded.visibility = s.visibility;
      else if (p === "position") this.loaded.position = this.ctx.state.sheets.indexOf(s);
      else if (p === "protection/protected") this.loaded[p] = s.protected;
      else if (p === "protection/options") this.loaded[p] = { ...(s.protectionOptions ?? {}) };
      else throw richError("InvalidArgument", `fake worksheet cannot load ${p}`);
    }
  }

  load(spec?: string | string[]): this {
    const want = paths(spec);
    this.queue(() => this.snapshot(this.find(), want));
    return this;
  }
  get name(): string {
    return this.value("name");
  }
  get id(): string {
    return this.value("id");
  }
  /** Per-sheet change events (ExcelApi 1.7), kept by the sheet's name when added. */
  get onChanged(): { add: (h: (e: FakeChangeEvent) => unknown) => FakeHandlerResult } {
    return {
      add: (h) => {
        let name = "";
        const list = (state: Ctx["state"]) => {
          name ||= this.sheet().name;
          if (!state.handlers.sheets.has(name)) state.handlers.sheets.set(name, []);
          return state.handlers.sheets.get(name)!;
        };
        return addHandler(this.ctx, list, h as Handler);
      },
    };
  }
  get visibility(): string {
    return this.value("visibility");
  }
  get position(): number {
    return this.value("position");
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.ctx,
      () => this.find(),
      () => {
        const s = this.sheet();
        let r1 = -1;
        let c1 = -1;
        let r0 = Infinity;
        let c0 = Infinity;
        s.values.forEach((row, r) =>
          row?.forEach((v, c) => {
            // A formula cell is used even when it shows "" (as in Excel); a blank value is not.
            if ((v === null || v === undefined || v === "") && !s.formulas.has(cellName(r, c))) return;
            r0 = Math.min(r0, r);
            c0 = Math.min(c0, c);
            r1 = Math.max(r1, r);
            c1 = Math.max(c1, c);
          }),
        );
        for (const key of s.formulas.keys()) {
          const b = parseBox(key);
          [r0, c0, r1, c1] = [Math.min(r0, b.r0), Math.min(c0, b.c0), Math.max(r1, b.r0), Math.max(c1, b.c0)];
        }
        return r1 < 0 ? null : { r0, c0, r1, c1 };
      },
    );
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.find(),
      () => (address ? parseBox(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 }),
    );
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.find(),
      () => ({ r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 }),
    );
  }
  getRanges(address: string): FakeRangeAreas {
    const parts = address.split(",").map((a) => a.trim());
    return new FakeRangeAreas(
      this.ctx,
      () => this.find(),
      () => {
        parts.forEach(parseBox); // bad addresses fail the sync, as in Excel
        return parts;
      },
    );
  }
  activate(): void {
    this.queue(() => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw richError("InvalidOperation", `cannot activate hidden sheet ${s.name}`);
      this.ctx.state.active = s.name;
    });
  }
  delete(): void {
    this.queue(() => {
      const s = this.sheet();
      if (this.ctx.state.structureProtected) throw richError("AccessDenied", "workbook structure is protected");
      this.write(s.name, "sheet.delete");
      this.ctx.state.sheets = this.ctx.state.sheets.filter((x) => x !== s);
      if (this.ctx.state.active === s.name) this.ctx.state.active = this.ctx.state.sheets[0]?.name ?? "";
    });
  }
}
