/**
 * Et.Range as the WPS host uses it. Each member is typed by et-jsapi-declare (Et.Range["Value2"] …), so a
 * member WPS does not have fails the type check. Value2 of one cell is a scalar, of a block rows of
 * values from index 0; colours are WPS's red + green·256 + blue·65536.
 */
import { absolute, cellName, meets, parseBox, within, type Box } from "./address";
import { counted, richError, type FakeWpsSheet, type FakeWpsState } from "./state";

export interface ConditionSurface {
  readonly Type: Et.FormatCondition["Type"];
  readonly Formula1: Et.FormatCondition["Formula1"];
  readonly Interior: Pick<Et.Interior, "Color">;
  Delete: Et.FormatCondition["Delete"];
}

export interface ConditionsSurface {
  readonly Count: Et.FormatConditions["Count"];
  Item(i: number): ConditionSurface;
  Add(type: number, operator?: unknown, formula1?: string): ConditionSurface;
  AddDatabar(): unknown;
}

export interface RangeSurface {
  Value2: Et.Range["Value2"];
  Formula: Et.Range["Formula"];
  Address: Et.Range["Address"];
  readonly MergeCells: Et.Range["MergeCells"];
  readonly MergeArea: RangeSurface;
  NumberFormat: Et.Range["NumberFormat"];
  readonly Font: Pick<Et.Font, "Bold">;
  readonly Interior: Pick<Et.Interior, "Color">;
  ColumnWidth: Et.Range["ColumnWidth"];
  AutoFilter(): ReturnType<Et.Range["AutoFilter"]>;
  readonly FormatConditions: ConditionsSurface;
  Select(): ReturnType<Et.Range["Select"]>;
  Merge(): ReturnType<Et.Range["Merge"]>;
}

/** Raises SheetChange after the call, as WPS does, unless events are off. */
export type Raise = (sheet: FakeWpsSheet, address: string) => void;

export class FakeWpsRange implements RangeSurface {
  constructor(
    private state: FakeWpsState,
    private sheet: FakeWpsSheet,
    private areas: Box[],
    private raise: Raise,
  ) {}

  private get box(): Box {
    return this.areas[0];
  }

  private guard(): void {
    if (this.sheet.protected) throw richError(`sheet ${this.sheet.name} is protected`);
  }

  private each(fn: (r: number, c: number) => void): void {
    for (const b of this.areas) for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(r, c);
  }

  private read(fn: (r: number, c: number) => unknown): unknown {
    const b = this.box;
    if (b.r0 === b.r1 && b.c0 === b.c1) return fn(b.r0, b.c0);
    const rows: unknown[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: unknown[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(fn(r, c));
      rows.push(row);
    }
    return rows;
  }

  private value(r: number, c: number): unknown {
    const v = this.sheet.values[r]?.[c];
    return v === null || v === undefined ? "" : v;
  }

  private write(m: unknown, asFormulas: boolean): void {
    this.guard();
    const b = this.box;
    const rows = Array.isArray(m) ? (m as unknown[][]) : [[m]];
    for (let r = b.r0; r <= b.r1; r++) {
      for (let c = b.c0; c <= b.c1; c++) {
        const v = rows[r - b.r0]?.[c - b.c0];
        while (this.sheet.values.length <= r) this.sheet.values.push([]);
        const key = cellName(r, c);
        const text = this.sheet.numberFormats.get(key) === "@";
        if (asFormulas && typeof v === "string" && v.startsWith("=") && !text) {
          this.sheet.formulas.set(key, v);
          this.sheet.values[r][c] = v; // no calculation here: the formula text stands for its value
        } else {
          this.sheet.formulas.delete(key);
          this.sheet.values[r][c] = text && typeof v === "number" ? String(v) : v;
        }
      }
    }
    this.raise(this.sheet, absolute(b));
  }

  get Value2(): Et.Range["Value2"] {
    return this.read((r, c) => this.value(r, c)) as Et.Range["Value2"];
  }
  set Value2(m: Et.Range["Value2"]) {
    this.write(m, false);
  }
  get Formula(): Et.Range["Formula"] {
    return this.read((r, c) => this.sheet.formulas.get(cellName(r, c)) ?? this.value(r, c)) as Et.Range["Formula"];
  }
  set Formula(m: Et.Range["Formula"]) {
    this.write(m, true);
  }

  Address(): string {
    return this.areas.map(absolute).join(",");
  }

  get MergeCells(): boolean {
    const merges = this.sheet.merges.map(parseBox);
    const touching = merges.filter((m) => this.areas.some((a) => meets(a, m)));
    if (!touching.length) return false;
    let covered = true;
    this.each((r, c) => {
      if (!merges.some((m) => within({ r0: r, c0: c, r1: r, c1: c }, m))) covered = false;
    });
    return (covered ? true : null) as boolean; // null: some merged, some not (as VBA's MergeCells)
  }

  get MergeArea(): FakeWpsRange {
    const b = this.box;
    const area = this.sheet.merges.map(parseBox).find((m) => within({ r0: b.r0, c0: b.c0, r1: b.r0, c1: b.c0 }, m));
    return counted(
      this.state,
      new FakeWpsRange(this.state, this.sheet, [area ?? { ...b, r1: b.r0, c1: b.c0 }], this.raise),
    );
  }

  get NumberFormat(): string {
    return this.sheet.numberFormats.get(cellName(this.box.r0, this.box.c0)) ?? "General";
  }
  set NumberFormat(f: string) {
    this.guard();
    this.each((r, c) => this.sheet.numberFormats.set(cellName(r, c), f));
  }

  private format(apply: (key: string) => void) {
    this.guard();
    this.each((r, c) => apply(cellName(r, c)));
  }

  get Font(): Pick<Et.Font, "Bold"> {
    const self = this;
    return {
      get Bold() {
        return Boolean(self.sheet.formats.get(cellName(self.box.r0, self.box.c0))?.bold);
      },
      set Bold(v: boolean) {
        self.format((k) => self.sheet.formats.set(k, { ...self.sheet.formats.get(k), bold: v }));
      },
    };
  }

  get Interior(): Pick<Et.Interior, "Color"> {
    const self = this;
    return {
      get Color() {
        return self.sheet.formats.get(cellName(self.box.r0, self.box.c0))?.color ?? 16777215;
      },
      set Color(v: number) {
        self.format((k) => self.sheet.formats.set(k, { ...self.sheet.formats.get(k), color: v }));
      },
    };
  }

  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.box.c0) ?? 8.38;
  }
  set ColumnWidth(w: number) {
    for (let c = this.box.c0; c <= this.box.c1; c++) this.sheet.columnWidths.set(c, w);
  }

  AutoFilter(): unknown {
    this.sheet.autoFilter = absolute(this.box);
    return true;
  }

  get FormatConditions(): ConditionsSurface {
    const { state, sheet } = this;
    const mine = () =>
      sheet.conditions.filter((cf) => cf.ranges.split(",").some((a) => this.areas.some((b) => meets(parseBox(a), b))));
    const surface = (cf: FakeWpsSheet["conditions"][number]): ConditionSurface =>
      counted(state, {
        get Type() {
          return cf.type;
        },
        get Formula1() {
          return cf.formula1;
        },
        get Interior() {
          return {
            get Color() {
              return cf.color ?? 16777215;
            },
            set Color(v: number) {
              cf.color = v;
            },
          };
        },
        Delete() {
          if (sheet.protected) throw richError(`sheet ${sheet.name} is protected`);
          sheet.conditions = sheet.conditions.filter((x) => x !== cf);
        },
      });
    const add = (type: number, formula1: string) => {
      this.guard();
      const cf = { id: state.nextId++, type, ranges: this.areas.map(absolute).join(","), formula1, color: null };
      sheet.conditions.push(cf);
      return surface(cf);
    };
    return counted(state, {
      get Count() {
        return mine().length;
      },
      Item: (i: number) => {
        const cf = mine()[i - 1];
        if (!cf) throw richError(`no format condition ${i}`);
        return surface(cf);
      },
      Add: (type: number, _operator?: unknown, formula1?: string) => add(type, formula1 ?? ""),
      AddDatabar: () => add(4, ""),
    });
  }

  Merge(): void {
    this.guard();
    this.sheet.merges.push(absolute(this.box).replace(/\$/g, ""));
  }

  Select(): boolean {
    if (this.state.active !== this.sheet.name) throw richError("select on an inactive sheet");
    this.state.selection = { sheet: this.sheet.name, address: this.areas.map(absolute).join(",").replace(/\$/g, "") };
    return true;
  }
}
