/**
 * Excel.Functions (ExcelApi 1.2): worksheet functions evaluated without a cell. The fake has DATE only,
 * computed in the workbook's date system as the reference says of its `year` ("a number from 1900 or
 * 1904 (depending on the workbook's date system)"): DATE(1904,1,1) is 1462 in a 1900 workbook, 0 in a
 * 1904 one. A state with no date system known (null) answers with an error, as a host might.
 */
import { richError } from "./address";
import type { Ctx } from "./types";

const DAY = 86400000;

/** A FunctionResult: `value` and `error` after the sync that loaded them (its own class: Proxy0 has a `value` method). */
export class FakeFunctionResult {
  private loaded: { value?: unknown; error?: string | null } | null = null;
  constructor(
    private ctx: Ctx,
    private compute: () => { value: unknown; error: string | null },
  ) {}
  load(): this {
    this.ctx.queue.push(() => (this.loaded = this.compute()));
    return this;
  }
  private get result(): { value?: unknown; error?: string | null } {
    if (!this.loaded) throw richError("PropertyNotLoaded", "FunctionResult read before sync");
    return this.loaded;
  }
  get value(): unknown {
    return this.result.value;
  }
  get error(): string | null {
    return this.result.error ?? null;
  }
}

export class FakeFunctions {
  constructor(private ctx: Ctx) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, () => {
      const system = this.ctx.state.date1904;
      if (system === null) return { value: null, error: "#VALUE!" };
      // Serial days from 1899-12-30 (the 1900 system with its phantom 1900-02-29), or from 1904-01-01.
      const serial = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / DAY;
      return { value: system ? serial - 1462 : serial, error: null };
    });
  }
}
