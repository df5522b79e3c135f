/**
 * An in-memory Excel for the tests, the benchmark and the pane in headless Chromium (there is no Excel
 * on this machine). It keeps Office.js's batch semantics, because those are what the adapter must get
 * right: calls are queued and run at `context.sync()`, a loaded property is readable only after the sync
 * that loaded it (reading earlier throws, as Office.js does), a response over the size limit fails the
 * whole sync with `ResponsePayloadSizeLimitExceeded`, and edit mode fails every sync. Every sync and
 * every write is recorded.
 *
 * Self-contained on purpose (no imports): the browser test transpiles this one file and injects it.
 */

export interface FakeCellFormat {
  fill?: string;
  bold?: boolean;
  fontColor?: string;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  /** Comma-separated A1 areas the format applies to. */
  ranges: string;
  formula: string | null;
  fill: string | null;
}

export interface FakeSheetSpec {
  name: string;
  values: unknown[][];
  /** Formula text by cell ("=B2*2"); a cell without one holds its value. */
  formulas?: Record<string, string>;
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  formats?: Record<string, FakeCellFormat>;
  conditionalFormats?: FakeConditionalFormat[];
  customProperties?: Record<string, string>;
}

export interface FakeSheet {
  /** Worksheet.id: stays when the sheet is renamed. */
  id: string;
  name: string;
  values: unknown[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  merges: string[];
  visibility: string;
  protected: boolean;
  formats: Map<string, FakeCellFormat>;
  conditionalFormats: FakeConditionalFormat[];
  customProperties: Map<string, string>;
  frozenRows: number;
  autoFilter: string | null;
  columnWidths: Map<number, number>;
  /** Cells left unlocked for a protected sheet. */
  unlocked: Set<string>;
  /** Whole columns unlocked (0-based), and the cells in them locked again. */
  unlockedColumns: Set<number>;
  lockedCells: Set<string>;
  /** Data validation by range address. */
  validations: Map<string, { rule?: unknown; errorAlert?: unknown; prompt?: unknown }>;
  /** The options the sheet was protected with. */
  protectionOptions: Record<string, unknown> | null;
  pageLayout: { orientation?: string; zoom?: unknown; printTitleRows?: string };
  /** Charts added (Worksheet.charts.add): type and source address. */
  charts: { type: string; source: string; seriesBy: string }[];
}

export interface FakeWrite {
  sheet: string;
  what: string;
  address?: string;
}

export interface FakeExcelState {
  sheets: FakeSheet[];
  active: string;
  selection: { sheet: string; address: string } | null;
  syncs: number;
  writes: FakeWrite[];
  /** Bytes of loaded values per sync (JSON), to compare with the limit. */
  responseBytes: number[];
  editMode: boolean;
  structureProtected: boolean;
  payloadLimitBytes: number;
  calculations: string[];
  /** Change-event handlers: workbook-wide (ExcelApi 1.9) and per sheet (1.7), by sheet name. */
  handlers: { workbook: ((e: FakeChangeEvent) => unknown)[]; sheets: Map<string, ((e: FakeChangeEvent) => unknown)[]> };
  /** `context.runtime.enableEvents` (ExcelApi 1.8). */
  eventsEnabled: boolean;
  /** The highest ExcelApi this fake host offers: below 1.9 no workbook-wide onChanged, below 1.14 no triggerSource. */
  excelApi: number;
  /** Events raised, for the tests. */
  events: FakeChangeEvent[];
}

/** What Office.js gives a WorksheetChanged handler (`details` only for a single cell). */
export interface FakeChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  triggerSource?: "ThisLocalAddin" | "Unknown";
  details?: { valueBefore: unknown; valueAfter: unknown };
}

type Op = () => void;

interface Ctx {
  queue: Op[];
  state: FakeExcelState;
  batchBytes: number;
}

function richError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string; name: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellName(r: number, c: number): string {
  return letters(c) + String(r + 1);
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "A1", "B2:C9", "'干部'!F5", "A:A" is not used by the adapter and not supported. */
function parseBox(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.replace(/\$/g, "").split(":");
  const whole = /^[A-Z]+$/i;
  if (whole.test(a) && whole.test(b ?? "")) {
    const col = (x: string) => [...x.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { r0: 0, c0: Math.min(col(a), col(b)), r1: 1048575, c1: Math.max(col(a), col(b)) };
  }
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s.toUpperCase());
    if (!m) throw richError("InvalidArgument", `bad address ${address}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: col - 1 };
  };
  const p = one(a);
  const q = one(b ?? a);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

function boxAddress(b: Box): string {
  const a = cellName(b.r0, b.c0);
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${cellName(b.r1, b.c1)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Base of every proxy: `load` snapshots at sync time; a getter before that throws like Office.js. */
class Proxy0 {
  protected loaded: Record<string, unknown> = {};
  protected nullObject: boolean | undefined;
  constructor(protected ctx: Ctx) {}
  protected value<T>(key: string): T {
    if (!(key in this.loaded)) {
      throw richError(
        "PropertyNotLoaded",
        `The property '${key}' is not available. Load it and call context.sync() first.`,
      );
    }
    return this.loaded[key] as T;
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw richError("PropertyNotLoaded", "isNullObject read before sync");
    return this.nullObject;
  }
  protected queue(op: Op): void {
    this.ctx.queue.push(op);
  }
  protected write(sheet: string, what: string, address?: string): void {
    this.ctx.state.writes.push({ sheet, what, address });
  }
}

function paths(spec: string | string[] | undefined): string[] {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec : spec.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

function live(ctx: Ctx, name: string): FakeSheet {
  const s = ctx.state.sheets.find((x) => x.name === name);
  if (!s) throw richError("ItemNotFound", `worksheet ${name} not found`);
  return s;
}

function guardWritable(s: FakeSheet): void {
  if (s.protected) throw richError("AccessDenied", `worksheet ${s.name} is protected`);
}

class FakeRange extends Proxy0 {
  /** The conditional formats that intersect this range (adding needs `getRanges` here). */
  readonly conditionalFormats: FakeConditionalFormats;
  readonly dataValidation: { rule: unknown; errorAlert: unknown; prompt: unknown };
  readonly format: {
    fill: { color: string };
    font: { bold: boolean; color: string };
    columnWidth: number;
    protection: { locked: boolean };
  };
  constructor(
    ctx: Ctx,
    private sheet: () => FakeSheet | null,
    private box: () => Box | null,
  ) {
    super(ctx);
    const self = this;
    this.conditionalFormats = new FakeConditionalFormats(
      ctx,
      () => this.target().sheet,
      () => boxAddress(this.target().box),
    );
    const validate = (key: "rule" | "errorAlert" | "prompt", v: unknown) =>
      self.queue(() => {
        const t = self.target();
        guardWritable(t.sheet);
        const address = boxAddress(t.box);
        self.write(t.sheet.name, `dataValidation.${key}`, address);
        t.sheet.validations.set(address, { ...(t.sheet.validations.get(address) ?? {}), [key]: v });
      });
    this.dataValidation = {
      set rule(v: unknown) {
        validate("rule", v);
      },
      get rule(): unknown {
        throw richError("PropertyNotLoaded", "dataValidation.rule");
      },
      set errorAlert(v: unknown) {
        validate("errorAlert", v);
      },
      get errorAlert(): unknown {
        throw richError("PropertyNotLoaded", "dataValidation.errorAlert");
      },
      set prompt(v: unknown) {
        validate("prompt", v);
      },
      get prompt(): unknown {
        throw richError("PropertyNotLoaded", "dataValidation.prompt");
      },
    };
    const fmt = (apply: (f: FakeCellFormat) => void, what: string) =>
      self.queue(() => {
        const s = self.target();
        guardWritable(s.sheet);
        self.write(s.sheet.name, what, boxAddress(s.box));
        self.each(s.box, (r, c) => {
          const key = cellName(r, c);
          const f = { ...(s.sheet.formats.get(key) ?? {}) };
          apply(f);
          s.sheet.formats.set(key, f);
        });
      });
    this.format = {
      fill: {
        set color(v: string) {
          fmt((f) => (f.fill = v), "format.fill");
        },
        get color(): string {
          throw richError("PropertyNotLoaded", "format.fill.color");
        },
      },
      font: {
        set bold(v: boolean) {
          fmt((f) => (f.bold = v), "format.font.bold");
        },
        get bold(): boolean {
          throw richError("PropertyNotLoaded", "format.font.bold");
        },
        set color(v: string) {
          fmt((f) => (f.fontColor = v), "format.font.color");
        },
        get color(): string {
          throw richError("PropertyNotLoaded", "format.font.color");
        },
      },
      set columnWidth(v: number) {
        self.queue(() => {
          const s = self.target();
          self.write(s.sheet.name, "format.columnWidth", boxAddress(s.box));
          for (let c = s.box.c0; c <= s.box.c1; c++) s.sheet.columnWidths.set(c, v);
        });
      },
      get columnWidth(): number {
        throw richError("PropertyNotLoaded", "format.columnWidth");
      },
      protection: {
        set locked(v: boolean) {
          self.queue(() => {
            const t = self.target();
            guardWritable(t.sheet);
            self.write(t.sheet.name, "format.protection.locked", boxAddress(t.box));
            if (t.box.r0 === 0 && t.box.r1 === 1048575) {
              for (let c = t.box.c0; c <= t.box.c1; c++)
                v ? t.sheet.unlockedColumns.delete(c) : t.sheet.unlockedColumns.add(c);
              return;
            }
            self.each(t.box, (r, c) => {
              const key = cellName(r, c);
              if (v) {
                t.sheet.unlocked.delete(key);
                if (t.sheet.unlockedColumns.has(c)) t.sheet.lockedCells.add(key);
              } else {
                t.sheet.unlocked.add(key);
                t.sheet.lockedCells.delete(key);
              }
            });
          });
        },
        get locked(): boolean {
          throw richError("PropertyNotLoaded", "format.protection.locked");
        },
      },
    };
  }

  /** The address the range stands for, when an operation runs (charts record their source). */
  boxAddressNow(): string {
    return boxAddress(this.target().box);
  }
  private target(): { sheet: FakeSheet; box: Box } {
    const sheet = this.sheet();
    const box = this.box();
    if (!sheet || !box) throw richError("InvalidReference", "range does not exist");
    return { sheet, box };
  }

  private each(b: Box, fn: (r: number, c: number) => void): void {
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(r, c);
  }

  load(spec?: string | string[]): this {
    const want = paths(spec);
    this.queue(() => {
      const sheet = this.sheet();
      const box = sheet ? this.box() : null;
      this.nullObject = !sheet || !box;
      if (!sheet || !box) return;
      for (const p of want) {
        if (p === "address") this.loaded.address = `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
        else if (p === "rowIndex") this.loaded.rowIndex = box.r0;
        else if (p === "columnIndex") this.loaded.columnIndex = box.c0;
        else if (p === "rowCount") this.loaded.rowCount = box.r1 - box.r0 + 1;
        else if (p === "columnCount") this.loaded.columnCount = box.c1 - box.c0 + 1;
        else if (p === "values" || p === "formulas") {
          const m: unknown[][] = [];
          for (let r = box.r0; r <= box.r1; r++) {
            const row: unknown[] = [];
            for (let c = box.c0; c <= box.c1; c++) {
              const v = sheet.values[r]?.[c];
              const f = p === "formulas" ? sheet.formulas.get(cellName(r, c)) : undefined;
              row.push(f ?? (v === null || v === undefined ? "" : v));
            }
            m.push(row);
          }
          this.ctx.batchBytes += new TextEncoder().encode(JSON.stringify(m)).length;
          this.loaded[p] = m;
        } else throw richError("InvalidArgument", `fake range cannot load ${p}`);
      }
    });
    return this;
  }

  get address(): string {
    return this.value("address");
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }

  /** Excel's rule: a string starting with "=" is a formula unless the cell is formatted as text. */
  private put(m: unknown[][], what: string): void {
    this.queue(() => {
      const { sheet, box } = this.target();
      guardWritable(sheet);
      if (m.length !== box.r1 - box.r0 + 1 || m.some((row) => row.length !== box.c1 - box.c0 + 1)) {
        throw richError("InvalidArgument", `${what}: matrix does not match ${boxAddress(box)}`);
      }
      this.write(sheet.name, what, boxAddress(box));
      raise(this.ctx.state, sheet, boxAddress(box), "RangeEdited", "ThisLocalAddin");
      this.each(box, (r, c) => {
        const v = m[r - box.r0][c - box.c0];
        const key = cellName(r, c);
        while (sheet.values.length <= r) sheet.values.push([]);
        const asText = sheet.numberFormats.get(key) === "@";
        if (typeof v === "string" && v.startsWith("=") && !asText) {
          sheet.formulas.set(key, v);
          sheet.values[r][c] = v; // no calculation engine here: the formula text stands for its value
        } else {
          sheet.formulas.delete(key);
          sheet.values[r][c] = v;
        }
      });
    });
  }

  set values(m: unknown[][]) {
    this.put(m, "values");
  }
  set formulas(m: unknown[][]) {
    this.put(m, "formulas");
  }
  set numberFormat(m: unknown[][]) {
    this.queue(() => {
      const { sheet, box } = this.target();
      guardWritable(sheet);
      this.write(sheet.name, "numberFormat", boxAddress(box));
      this.each(box, (r, c) =>
        sheet.numberFormats.set(cellName(r, c), String(m[r - box.r0]?.[c - box.c0] ?? "General")),
      );
    });
  }

  /** Merges the range (Office.js `range.merge()`), recorded as its address. */
  merge(): void {
    this.queue(() => {
      const { sheet, box } = this.target();
      guardWritable(sheet);
      this.write(sheet.name, "merge", boxAddress(box));
      sheet.merges.push(boxAddress(box));
    });
  }

  select(): void {
    this.queue(() => {
      const { sheet, box } = this.target();
      if (this.ctx.state.active !== sheet.name) throw richError("InvalidSelection", "select on an inactive sheet");
      this.ctx.state.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheet, () => {
      const { sheet, box } = this.target();
      const inside = sheet.merges.filter((m) => {
        const b = parseBox(m);
        return b.r0 >= box.r0 && b.r1 <= box.r1 && b.c0 >= box.c0 && b.c1 <= box.c1;
      });
      return inside.length ? inside : null;
    });
  }
}

class FakeConditionalFormatProxy extends Proxy0 {
  /** `custom.rule.formula` is set when made, and loaded (`custom.rule.load("formula")`) when read back. */
  readonly custom: { rule: { formula: string; load: (p?: string) => void }; format: { fill: { color: string } } };
  constructor(
    ctx: Ctx,
    private get0: () => { sheet: FakeSheet; cf: FakeConditionalFormat },
  ) {
    super(ctx);
    const self = this;
    const set = (apply: (cf: FakeConditionalFormat) => void, what: string) =>
      self.queue(() => {
        const { sheet, cf } = self.get0();
        guardWritable(sheet);
        self.write(sheet.name, what, cf.ranges);
        apply(cf);
      });
    this.custom = {
      rule: {
        set formula(v: string) {
          set((cf) => (cf.formula = v), "conditionalFormat.formula");
        },
        get formula(): string {
          return self.value("custom/rule/formula");
        },
        load(p?: string) {
          if (p && p !== "formula") throw richError("InvalidArgument", `rule cannot load ${p}`);
          self.queue(() => {
            const { cf } = self.get0();
            if (cf.type !== "Custom") throw richError("InvalidOperation", "not a custom conditional format");
            self.loaded["custom/rule/formula"] = cf.formula ?? "";
          });
        },
      },
      format: {
        fill: {
          set color(v: string) {
            set((cf) => (cf.fill = v), "conditionalFormat.fill");
          },
          get color(): string {
            throw richError("PropertyNotLoaded", "custom.format.fill.color");
          },
        },
      },
    };
  }
  snapshot(cf: FakeConditionalFormat, want: string[]): void {
    this.nullObject = false;
    for (const p of want) {
      if (p === "type") this.loaded.type = cf.type;
      else if (p === "id") this.loaded.id = cf.id;
      else throw richError("InvalidArgument", `fake conditional format cannot load ${p}`);
    }
  }
  load(spec?: string): this {
    const want = paths(spec);
    this.queue(() => this.snapshot(this.get0().cf, want));
    return this;
  }
  get type(): string {
    return this.value("type");
  }
  get id(): string {
    return this.value("id");
  }
  delete(): void {
    this.queue(() => {
      const { sheet, cf } = this.get0();
      guardWritable(sheet);
      this.write(sheet.name, "conditionalFormat.delete", cf.ranges);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

class FakeConditionalFormats extends Proxy0 {
  constructor(
    ctx: Ctx,
    private sheet: () => FakeSheet,
    private areas: () => string | null,
  ) {
    super(ctx);
  }
  load(spec?: string): this {
    const want = paths(spec).map((p) => p.replace(/^items\//, ""));
    this.queue(() => {
      const sheet = this.sheet();
      const within = this.areas();
      const boxes = within ? within.split(",").map(parseBox) : null;
      const meets = (cf: FakeConditionalFormat) =>
        !boxes ||
        cf.ranges.split(",").some((a) => {
          const x = parseBox(a);
          return boxes.some((b) => x.r0 <= b.r1 && b.r0 <= x.r1 && x.c0 <= b.c1 && b.c0 <= x.c1);
        });
      this.loaded.items = sheet.conditionalFormats.filter(meets).map((cf) => {
        const p = new FakeConditionalFormatProxy(this.ctx, () => ({ sheet: live(this.ctx, sheet.name), cf }));
        p.snapshot(cf, want);
        return p;
      });
    });
    return this;
  }
  get items(): FakeConditionalFormatProxy[] {
    return this.value("items");
  }
  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      const sheet = this.sheet();
      const cf = sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw richError("ItemNotFound", `conditional format ${id} not found`);
      return { sheet: live(this.ctx, sheet.name), cf };
    });
  }
  add(type: string): FakeConditionalFormatProxy {
    let made: FakeConditionalFormat | null = null;
    let where: FakeSheet | null = null;
    this.queue(() => {
      where = this.sheet();
      guardWritable(where);
      const ranges = this.areas();
      if (!ranges) throw richError("InvalidArgument", "conditional format needs a range");
      made = { id: `cf${nextId()}`, type, ranges, formula: null, fill: null };
      where.conditionalFormats.push(made);
      this.write(where.name, "conditionalFormat.add", ranges);
    });
    return new FakeConditionalFormatProxy(this.ctx, () => {
      if (!made || !where) throw richError("InvalidReference", "conditional format not created");
      return { sheet: where, cf: made };
    });
  }
}

let idCounter = 0;
function nextId(): number {
  return ++idCounter;
}

class FakeRangeAreas extends Proxy0 {
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    ctx: Ctx,
    sheet: () => FakeSheet | null,
    private areas: () => string[] | null,
  ) {
    super(ctx);
    this.conditionalFormats = new FakeConditionalFormats(
      ctx,
      () => {
        const s = sheet();
        if (!s) throw richError("ItemNotFound", "no sheet");
        return s;
      },
      () => areas()?.join(",") ?? null,
    );
  }
  load(spec?: string): this {
    const want = paths(spec);
    this.queue(() => {
      const a = this.areas();
      this.nullObject = a === null;
      if (a && want.includes("address")) this.loaded.address = a.join(",");
    });
    return this;
  }
  get address(): string {
    return this.value("address");
  }
}

class FakeCustomProperties extends Proxy0 {
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

class FakeWorksheet extends Proxy0 {
  readonly protection: {
    readonly protected: boolean;
    load: (p?: string) => void;
    protect: (options?: Record<string, unknown>) => void;
  };
  readonly pageLayout: {
    orientation: string;
    zoom: unknown;
    setPrintTitleRows: (rows: string) => void;
  };
  readonly customProperties: FakeCustomProperties;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => { title: { text: string } } };
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
      load() {
        self.load("protection/protected");
      },
      protect(options?: Record<string, unknown>) {
        self.queue(() => {
          const s = self.sheet();
          self.write(s.name, "protect");
          s.protected = true;
          s.protectionOptions = options ?? {};
        });
      },
    };
    const layout = (key: "orientation" | "zoom" | "printTitleRows", v: unknown) =>
      self.queue(() => {
        const s = self.sheet();
        self.write(s.name, `pageLayout.${key}`);
        (s.pageLayout as Record<string, unknown>)[key] = v;
      });
    this.pageLayout = {
      set orientation(v: string) {
        layout("orientation", v);
      },
      get orientation(): string {
        throw richError("PropertyNotLoaded", "pageLayout.orientation");
      },
      set zoom(v: unknown) {
        layout("zoom", v);
      },
      get zoom(): unknown {
        throw richError("PropertyNotLoaded", "pageLayout.zoom");
      },
      setPrintTitleRows: (rows: string) => layout("printTitleRows", rows),
    };
    this.customProperties = new FakeCustomProperties(ctx, () => this.sheet());
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy = "Auto") => {
        this.queue(() => {
          const sh = this.sheet();
          guardWritable(sh);
          this.write(sh.name, "chart.add");
          sh.charts.push({ type, source: source.boxAddressNow(), seriesBy });
        });
        return { title: { text: "" } };
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
  /** Per-sheet change events (ExcelApi 1.7). */
  get onChanged(): { add: (h: (e: FakeChangeEvent) => unknown) => { remove: () => void } } {
    return {
      add: (h) => {
        this.queue(() => {
          const name = this.sheet().name;
          const list = this.ctx.state.handlers.sheets.get(name) ?? [];
          this.ctx.state.handlers.sheets.set(name, [...list, h]);
        });
        return {
          remove: () =>
            this.queue(() => {
              for (const [k, list] of this.ctx.state.handlers.sheets)
                this.ctx.state.handlers.sheets.set(
                  k,
                  list.filter((x) => x !== h),
                );
            }),
        };
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

class FakeWorksheets extends Proxy0 {
  /** Workbook-wide change events: ExcelApi 1.9; undefined on older hosts, as Office.js leaves it. */
  get onChanged(): { add: (h: (e: FakeChangeEvent) => unknown) => { remove: () => void } } | undefined {
    if (this.ctx.state.excelApi < 1.09) return undefined;
    return {
      add: (h) => {
        this.queue(() => void this.ctx.state.handlers.workbook.push(h));
        return {
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

/** Raises a change event to the handlers registered for the sheet, after the current sync, as Excel does. */
function raise(
  state: FakeExcelState,
  sheet: FakeSheet,
  address: string,
  changeType: string,
  by: "ThisLocalAddin" | "Unknown",
  details?: FakeChangeEvent["details"],
): void {
  if (!state.eventsEnabled) return;
  const e: FakeChangeEvent = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source: "Local" };
  if (state.excelApi >= 1.14) e.triggerSource = by;
  if (details) e.details = details;
  state.events.push(e);
  const handlers = [...state.handlers.workbook, ...(state.handlers.sheets.get(sheet.name) ?? [])];
  for (const h of handlers) setTimeout(() => void h(e), 0);
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
