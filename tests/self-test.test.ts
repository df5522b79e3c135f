/**
 * 自检 (issue 20, item 6): each host API the add-in uses is called for real on a scratch sheet that is made
 * and removed; every step passes or fails on its own; the report reads as text to send.
 */
import { createFakeWps } from "../src/testing/fake-wps";
import { createFakeExcel } from "../src/testing/fake-excel";
import { wpsSelfTest } from "../src/hosts/wps/self-test";
import { excelSelfTest } from "../src/hosts/excel/self-test";
import { runSelfTest, selfTestText } from "../src/ui/self-test";
import { sampleBook } from "../src/sample/generate";
import { asApp, wpsBookSpecs } from "./helpers/fake-wps-book";
import { bookSpecs } from "./helpers/fake-book";

describe("自检 in WPS", () => {
  it("passes every call on a WPS that has them, and leaves the workbook as it was", async () => {
    const fake = createFakeWps(wpsBookSpecs(sampleBook()));
    const before = fake.state.sheets.map((s) => s.name);
    const lines = await runSelfTest(wpsSelfTest(asApp(fake.app)));
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(before);
    expect(fake.state.documentProperties.size).toBe(0);
    expect(fake.state.handlers.get("SheetChange")).toEqual([]);
    expect(fake.state.displayAlerts).toBe(true);
    const text = selfTestText("WPS 表格 · Linux · 12.1.0.20540", lines);
    expect(text.split("\n")[1]).toBe(`${lines.length}/${lines.length} 通过 / passed`);
  });

  it("says which call failed and goes on; an old WPS without custom functions fails that line only", async () => {
    const fake = createFakeWps(wpsBookSpecs(sampleBook()), { noCustomFunctions: true });
    const lines = await runSelfTest(wpsSelfTest(asApp(fake.app)));
    const failed = lines.filter((l) => !l.ok);
    expect(failed.map((l) => l.name)).toEqual(["wps.AddCustomFunction（KH 函数）"]);
    expect(failed[0].detail).toContain("12.1.0.20540");
    expect(lines.at(-1)!.ok).toBe(true); // the scratch sheet was still removed
    expect(selfTestText("x", lines)).toContain("✗ wps.AddCustomFunction");
  });
});

describe("自检 in Excel", () => {
  const g = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
    delete g.CustomFunctions;
  });

  function install(functions: boolean) {
    const fake = createFakeExcel(bookSpecs(sampleBook()));
    const settings = new Map<string, unknown>();
    g.Excel = fake.namespace;
    g.Office = {
      context: {
        diagnostics: { host: "Excel", platform: "PC", version: "16.0.17928.20000" },
        requirements: {
          isSetSupported: (set: string, v: string) =>
            set === "ExcelApi" ? Number(v.split(".")[1]) <= 17 : functions && set === "CustomFunctionsRuntime",
        },
        document: {
          settings: {
            get: (k: string) => settings.get(k),
            set: (k: string, v: unknown) => settings.set(k, v),
            remove: (k: string) => settings.delete(k),
          },
        },
      },
    };
    if (functions) g.CustomFunctions = {};
    return { fake, settings };
  }

  it("passes every call on an Excel that has them, and removes its scratch sheet and handler", async () => {
    const { fake, settings } = install(true);
    const before = fake.state.sheets.map((s) => s.name);
    const lines = await runSelfTest(excelSelfTest());
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines[0].detail).toContain("ExcelApi 1.17");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(before);
    expect(fake.state.handlers.sheets.get("kaohe自检") ?? []).toEqual([]);
    expect(settings.size).toBe(0);
  });

  it("probes in Excel what the adapter assumes of it: cell-edit delay, handler removal, text cells, 512 merged areas, date system", async () => {
    install(true);
    const lines = await runSelfTest(excelSelfTest());
    const detail = (start: string) => {
      const line = lines.find((l) => l.name.startsWith(start));
      expect(line).toBeDefined();
      expect(line!.ok).toBe(true);
      return line!.detail;
    };
    expect(detail("Excel.run delayForCellEdit")).toContain("waits for a cell edit to end");
    expect(detail("EventHandlerResult.remove")).toContain("no event");
    expect(detail("numberFormat @")).toContain("text");
    expect(detail("getMergedAreasOrNullObject 512")).toMatch(/refused 513.*read by blocks: 513/);
    expect(detail("functions.date")).toContain("1900");
  });

  it("fails the custom-functions line where the runtime has none, and only that", async () => {
    install(false);
    const lines = await runSelfTest(excelSelfTest());
    expect(lines.filter((l) => !l.ok).map((l) => l.name)).toEqual(["CustomFunctionsRuntime（KH 函数）"]);
  });
});
