/** Conditional formats: the marks the add-in owns are custom-rule formats. */
import { parseBox, richError } from "./address";
import { guardWritable, live, nextId, paths, Proxy0 } from "./proxy";
import type { Ctx, FakeConditionalFormat, FakeSheet } from "./types";

export class FakeConditionalFormatProxy extends Proxy0 {
  /** `custom.rule.formula` is set when made, and loaded (`custom.rule.load("formula")`) when read back. */
  readonly custom: { rule: { formula: string; load: (p?: string) => void }; format: { fill: { color: string } } };
  constructor(
    ctx: Ctx,
    private find: () => { sheet: FakeSheet; cf: FakeConditionalFormat } | null,
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
  private get0(): { sheet: FakeSheet; cf: FakeConditionalFormat } {
    const found = this.find();
    if (!found) throw richError("ItemNotFound", "The requested resource doesn't exist.");
    return found;
  }
  snapshot(cf: FakeConditionalFormat | null, want: string[]): void {
    this.nullObject = cf === null;
    if (!cf) return;
    for (const p of want) {
      if (p === "type") this.loaded.type = cf.type;
      else if (p === "id") this.loaded.id = cf.id;
      else throw richError("InvalidArgument", `fake conditional format cannot load ${p}`);
    }
  }
  load(spec?: string): this {
    const want = paths(spec);
    this.queue(() => this.snapshot(this.find()?.cf ?? null, want));
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

export class FakeConditionalFormats extends Proxy0 {
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
  private byId(id: string): { sheet: FakeSheet; cf: FakeConditionalFormat } | null {
    const sheet = this.sheet();
    const cf = sheet.conditionalFormats.find((x) => x.id === id);
    return cf ? { sheet: live(this.ctx, sheet.name), cf } : null;
  }
  /** By id: a format restored by Ctrl+Z is not found by its old id (office-js #6396; FakeExcel.restoreByUndo). */
  getItem(id: string): FakeConditionalFormatProxy {
    const p = new FakeConditionalFormatProxy(this.ctx, () => this.byId(id));
    this.queue(() => {
      if (!this.byId(id)) throw richError("ItemNotFound", "The requested resource doesn't exist.");
    });
    return p;
  }
  /** ExcelApi 1.14: a null object where getItem would fail. */
  getItemOrNullObject(id: string): FakeConditionalFormatProxy {
    this.queue(() => {
      if (this.ctx.state.excelApi < 1.14) throw richError("ApiNotFound", "getItemOrNullObject needs ExcelApi 1.14");
    });
    return new FakeConditionalFormatProxy(this.ctx, () => this.byId(id));
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
    return new FakeConditionalFormatProxy(this.ctx, () => (made && where ? { sheet: where, cf: made } : null));
  }
}
