/** Excel.Range: values, formulas, formats, validation, merges and selection, queued until sync. */
import { boxAddress, cellName, parseBox, quoteSheet, richError, setOnly, type Box } from "./address";
import { FakeConditionalFormats } from "./conditional-formats";
import { raise } from "./events";
import { guardWritable, paths, Proxy0, requestBytes } from "./proxy";
import { FakeRangeAreas } from "./range-areas";
import type { Ctx, FakeCellFormat, FakeSheet } from "./types";

export const MERGED_AREAS_LIMIT = 512;

/** How Excel shows a number or a boolean as text. */
function textOf(v: number | boolean): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

export class FakeRange extends Proxy0 {
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
    const validate = (key: "rule" | "errorAlert" | "prompt", v: unknown) => {
      requestBytes(ctx, v);
      // A list typed into the rule is capped at 255 characters by Excel (its data-validation dialog and file
      // format both refuse more). The Office.js reference does not say what ListDataValidation.source does
      // with a longer one: the fake refuses it, the safe assumption.
      const source = (v as { list?: { source?: unknown } } | null)?.list?.source;
      const tooLong = key === "rule" && typeof source === "string" && !source.startsWith("=") && source.length > 255;
      self.queue(() => {
        if (tooLong) throw richError("InvalidArgument", "a data-validation list longer than 255 characters");
        const t = self.target();
        guardWritable(t.sheet);
        const address = boxAddress(t.box);
        self.write(t.sheet.name, `dataValidation.${key}`, address);
        t.sheet.validations.set(address, { ...(t.sheet.validations.get(address) ?? {}), [key]: v });
      });
    };
    this.dataValidation = setOnly("dataValidation", ["rule", "errorAlert", "prompt"] as const, validate);
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
        else if (p === "values" || p === "formulas" || p === "numberFormat") {
          const m: unknown[][] = [];
          for (let r = box.r0; r <= box.r1; r++) {
            const row: unknown[] = [];
            for (let c = box.c0; c <= box.c1; c++) {
              const key = cellName(r, c);
              if (p === "numberFormat") {
                row.push(sheet.numberFormats.get(key) ?? "General");
                continue;
              }
              const v = sheet.values[r]?.[c];
              const f = p === "formulas" ? sheet.formulas.get(key) : undefined;
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
  get numberFormat(): unknown[][] {
    return this.value("numberFormat");
  }

  /**
   * Excel's rule: a string starting with "=" is a formula unless the cell is formatted as text. And what
   * is entered into a cell formatted as text stays text ("Format numbers as text", Excel support): the
   * Office.js reference says nothing of `values` on such a cell, so the fake keeps a number written there
   * as its text, the safe assumption (the 自检 asks the real Excel, hosts/excel/self-test.ts).
   */
  private put(m: unknown[][], what: string): void {
    requestBytes(this.ctx, m);
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
          sheet.values[r][c] = asText && (typeof v === "number" || typeof v === "boolean") ? textOf(v) : v;
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
    requestBytes(this.ctx, m);
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

  /**
   * The merged areas whose top-left cell is in this range, each whole (office-js #3611: an area starting
   * above or left of the range is not reported). More than 512 fails the request (Excel.Range reference:
   * "if the merged areas count in this range is more than 512, then this method will fail to return the
   * result"; the error it gives is not documented: the fake gives GeneralException).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheet, () => {
      const { sheet, box } = this.target();
      const inside = sheet.merges.filter((m) => {
        const b = parseBox(m);
        return b.r0 >= box.r0 && b.r0 <= box.r1 && b.c0 >= box.c0 && b.c0 <= box.c1;
      });
      if (inside.length > MERGED_AREAS_LIMIT)
        throw richError("GeneralException", `more than ${MERGED_AREAS_LIMIT} merged areas in ${boxAddress(box)}`);
      return inside.length ? inside : null;
    });
  }
}
