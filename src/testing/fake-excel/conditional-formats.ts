/** Conditional formats: the marks the add-in owns are custom-rule formats. */
import { parseBox, richError } from "./address";
import { guardWritable, live, nextId, paths, Proxy0 } from "./proxy";
import type { Ctx, FakeConditionalFormat, FakeSheet } from "./types";

export class FakeConditionalFormatProxy extends Proxy0 {
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
