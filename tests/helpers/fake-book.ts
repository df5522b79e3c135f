/** Fake Excel workbooks from the same sources the CLI reads: an .xlsx file or a generated book. */
import { createFakeExcel, type FakeExcel, type FakeSheetSpec } from "../../src/testing/fake-excel";
import { a1, type WorkbookInput } from "../../src/engine";
import type { GeneratedBook } from "../../src/sample/generate";

export function specsOf(input: WorkbookInput): FakeSheetSpec[] {
  return input.sheets.map((s) => {
    const formulas: Record<string, string> = {};
    s.formulas?.forEach((row, r) => row?.forEach((f, c) => f && (formulas[a1(r, c)] = f)));
    return { name: s.name, values: s.values, merges: s.merges, visibility: s.hidden ? "Hidden" : "Visible", formulas };
  });
}

export function bookSpecs(book: GeneratedBook): FakeSheetSpec[] {
  return [
    { name: "班子", values: [book.teamHeaders, ...book.teams] },
    { name: "干部", values: [book.cadreHeaders, ...book.cadres] },
  ];
}

export function fakeOf(specs: FakeSheetSpec[], payloadLimitBytes?: number): FakeExcel {
  return createFakeExcel(specs, { payloadLimitBytes });
}

/** Runs one Excel.run batch against the fake, typed as the adapter expects. */
export function run<T>(fake: FakeExcel, fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((ctx) => fn(ctx as Excel.RequestContext));
}
