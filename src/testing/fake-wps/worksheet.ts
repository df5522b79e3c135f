/** Et.Worksheet as the WPS host uses it, typed member by member by et-jsapi-declare. */
import { parseBox, type Box } from "./address";
import { FakeWpsRange, type Raise, type RangeSurface } from "./range";
import { counted, richError, type FakeWpsSheet, type FakeWpsState } from "./state";

export interface WorksheetSurface {
  Name: Et.Worksheet["Name"];
  readonly Visible: Et.Worksheet["Visible"];
  readonly ProtectContents: Et.Worksheet["ProtectContents"];
  readonly UsedRange: RangeSurface;
  readonly Cells: RangeSurface;
  Range(address: string): RangeSurface;
  readonly CustomProperties: {
    readonly Count: Et.CustomProperties["Count"];
    Item(i: number | string): Pick<Et.CustomProperty, "Name" | "Value">;
    Add(name: string, value: string): Pick<Et.CustomProperty, "Name" | "Value">;
  };
  Activate(): ReturnType<Et.Worksheet["Activate"]>;
  Delete(): ReturnType<Et.Worksheet["Delete"]>;
}

/** The used range: from the first to the last cell holding a value or formula; A1 on an empty sheet. */
function usedBox(s: FakeWpsSheet): Box {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  s.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, c), Math.max(r1, r), Math.max(c1, c)];
    }),
  );
  for (const key of s.formulas.keys()) {
    const b = parseBox(key);
    [r0, c0, r1, c1] = [Math.min(r0, b.r0), Math.min(c0, b.c0), Math.max(r1, b.r0), Math.max(c1, b.c0)];
  }
  return r1 < 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : { r0, c0, r1, c1 };
}

export class FakeWpsWorksheet implements WorksheetSurface {
  constructor(
    private state: FakeWpsState,
    readonly sheet: FakeWpsSheet,
    private raise: Raise,
  ) {}

  private range(areas: Box[]): RangeSurface {
    return counted(this.state, new FakeWpsRange(this.state, this.sheet, areas, this.raise));
  }

  get Name(): string {
    return this.sheet.name;
  }
  set Name(name: string) {
    if (this.state.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase()))
      throw richError(`a sheet named ${name} exists`);
    if (this.state.active === this.sheet.name) this.state.active = name;
    this.sheet.name = name;
  }
  get Visible(): number {
    return this.sheet.visible;
  }
  get ProtectContents(): boolean {
    return this.sheet.protected;
  }
  get UsedRange(): RangeSurface {
    return this.range([usedBox(this.sheet)]);
  }
  get Cells(): RangeSurface {
    return this.range([{ r0: 0, c0: 0, r1: 1048575, c1: 16383 }]);
  }
  Range(address: string): RangeSurface {
    if (address.length > 255) throw richError("Range: address longer than 255 characters");
    return this.range(address.split(",").map(parseBox));
  }
  get CustomProperties(): WorksheetSurface["CustomProperties"] {
    const props = this.sheet.customProperties;
    const entry = (name: string) => ({ Name: name, Value: props.get(name) ?? "" });
    return counted(this.state, {
      get Count() {
        return props.size;
      },
      Item: (i: number | string) => {
        const name = typeof i === "number" ? [...props.keys()][i - 1] : i;
        if (name === undefined || !props.has(name)) throw richError(`no custom property ${i}`);
        return entry(name);
      },
      Add: (name: string, value: string) => {
        props.set(name, value);
        return entry(name);
      },
    });
  }
  Activate(): void {
    if (this.sheet.visible !== -1) throw richError(`cannot activate hidden sheet ${this.sheet.name}`);
    this.state.active = this.sheet.name;
  }
  Delete(): void {
    if (this.state.protectStructure) throw richError("workbook structure is protected");
    if (this.state.displayAlerts) this.state.prompts++;
    this.state.sheets = this.state.sheets.filter((s) => s !== this.sheet);
    if (this.state.active === this.sheet.name) this.state.active = this.state.sheets[0]?.name ?? "";
  }
}
