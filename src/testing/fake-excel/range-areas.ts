/** Several areas of a sheet at once (getRanges, merged areas). */
import { richError } from "./address";
import { FakeConditionalFormats } from "./conditional-formats";
import { paths, Proxy0 } from "./proxy";
import type { Ctx, FakeSheet } from "./types";

export class FakeRangeAreas extends Proxy0 {
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
