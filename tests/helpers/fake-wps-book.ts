/** Fake WPS workbooks from the sources the CLI reads: an .xlsx file or a generated book. */
import { a1, type WorkbookInput } from "../../src/engine";
import type { GeneratedBook } from "../../src/sample/generate";
import type { FakeWpsSheetSpec } from "../../src/testing/fake-wps";
import type { WpsApp } from "../../src/hosts/wps/et";

export function wpsSpecsOf(input: WorkbookInput): FakeWpsSheetSpec[] {
  return input.sheets.map((s) => {
    const formulas: Record<string, string> = {};
    s.formulas?.forEach((row, r) => row?.forEach((f, c) => f && (formulas[a1(r, c)] = f)));
    return { name: s.name, values: s.values, merges: s.merges, visible: s.hidden ? 0 : -1, formulas };
  });
}

export function wpsBookSpecs(book: GeneratedBook): FakeWpsSheetSpec[] {
  return [
    { name: "班子", values: [book.teamHeaders, ...book.teams] },
    { name: "干部", values: [book.cadreHeaders, ...book.cadres] },
  ];
}

/** The fake's app as the host takes it: the fake has only the members the host uses. */
export const asApp = (app: unknown) => app as WpsApp;
