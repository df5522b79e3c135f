/**
 * The WPS add-in's pages in headless Chromium with the fake WPS: the entry page registers the ribbon's
 * callbacks and the KH functions (Excel's metadata), the pane checks, marks, writes and goes to a cell
 * as the Excel pane does — the same UI over the WPS host.
 */
import * as path from "path";
import { readFileSync } from "fs";
import { main } from "../src/cli/main";
import { readXlsx } from "../src/xlsx/read";
import { openWps, WPS_STATE, type WpsSession } from "../src/testing/wps-browser";
import { MARK_FORMULA } from "../src/ui/marks";
import { wpsSpecsOf } from "./helpers/fake-wps-book";
import { Capture } from "./helpers/streams";

const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");
const dist = path.join(__dirname, "..", "dist");

interface WpsStateJson {
  selection: { sheet: string; address: string } | null;
  functions: { namespace: string; name: string; meta: { parameters: { name: string; type: string }[] } }[];
  panes: { url: string; visible: boolean }[];
  storage: [string, string][];
  sheets: { name: string; props: [string, string][]; conditions: { formula1: string }[] }[];
}
const state = (s: WpsSession) => s.page.evaluate(WPS_STATE) as Promise<WpsStateJson>;

describe("the WPS add-in's entry page", () => {
  let s: WpsSession;
  afterAll(async () => s?.close());

  it("registers every KH function with Excel's metadata, and the ribbon opens the pane", async () => {
    s = await openWps(wpsSpecsOf(await readXlsx(SAMPLE)));
    await s.page.goto(`${s.origin}/wps/index.html`);
    await s.page.evaluate(() => (window as unknown as { ribbon: { OnAddinLoad(): boolean } }).ribbon.OnAddinLoad());
    const excel = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: { id: string; parameters: { name: string; optional?: boolean }[] }[];
    };
    const st = await state(s);
    expect(st.functions.map((f) => f.name)).toEqual(excel.functions.map((f) => f.id));
    expect(st.functions.every((f) => f.namespace === "KH")).toBe(true);
    for (const f of excel.functions) {
      const wps = st.functions.find((x) => x.name === f.id)!;
      expect(wps.meta.parameters.map((p) => p.name)).toEqual(f.parameters.map((p) => p.name));
      expect(wps.meta.parameters.map((p) => p.type.endsWith("?"))).toEqual(
        f.parameters.map((p) => Boolean(p.optional)),
      );
    }
    expect(new Map(st.storage).get("kaohe.ruleset")).toBe("jinan-2022");
    await s.page.evaluate(() =>
      (window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean } }).ribbon.OnAction({ Id: "kaoheCheck" }),
    );
    const after = await state(s);
    expect(after.panes).toEqual([{ id: expect.any(Number), url: `${s.origin}/wps/taskpane.html`, visible: true }]);
    expect(new Map(after.storage).get("kaohe.checkOnOpen")).toBe("1");
    expect(s.consoleErrors).toEqual([]);
  });

  it("ships ribbon.xml naming callbacks the entry page defines", () => {
    const ribbon = readFileSync(path.join(dist, "wps", "ribbon.xml"), "utf8");
    const callbacks = [...ribbon.matchAll(/(?:onLoad|onAction|getImage)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(callbacks)).toEqual(new Set(["ribbon.OnAddinLoad", "ribbon.OnAction", "ribbon.GetImage"]));
    expect(ribbon).toContain('xmlns="http://schemas.microsoft.com/office/2006/01/customui"');
  });
});

describe("the WPS pane", () => {
  let s: WpsSession;
  afterEach(async () => s?.close());

  async function open(pluginStorage: Record<string, string> = {}) {
    s = await openWps(wpsSpecsOf(await readXlsx(SAMPLE)));
    if (Object.keys(pluginStorage).length)
      await s.page.addInitScript((items) => {
        const w = window as unknown as { __wps: { state: { pluginStorage: Map<string, string> } } };
        for (const [k, v] of Object.entries(items)) w.__wps.state.pluginStorage.set(k, v);
      }, pluginStorage);
    await s.page.goto(`${s.origin}/wps/taskpane.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
  }

  it("checks the open workbook as kaohe check does, marks the cells, writes the report and goes to a cell", async () => {
    await open();
    expect(await s.page.getAttribute("body", "data-host")).toBe("wps");
    await s.page.click("#validate");
    await s.page.waitForSelector(".finding");
    const out = new Capture();
    await main(["check", SAMPLE, "--json"], out.stream, new Capture().stream);
    const cli = JSON.parse(out.text).files[0];
    const cards = await s.page.$$eval("#cards b", (b) => b.map((x) => Number(x.textContent)));
    expect(cards).toEqual([cli.summary.rows, cli.summary.errors, cli.summary.warnings, cli.summary.info]);
    await s.page.click("#mark");
    await s.page.waitForFunction(() => /已标记/.test(document.getElementById("status")!.textContent ?? ""));
    expect((await state(s)).sheets.some((x) => x.conditions.some((c) => c.formula1 === MARK_FORMULA))).toBe(true);
    await s.page.click("#writeReport");
    await s.page.waitForFunction(() => /已写入工作表/.test(document.getElementById("status")!.textContent ?? ""));
    expect((await state(s)).sheets.find((x) => x.name === "校验报告")!.props).toEqual([["kaohe", "report"]]);
    await s.page.click(".finding[aria-disabled='false']");
    await s.page.waitForFunction(
      () => (window as unknown as { __wps: { state: { selection: unknown } } }).__wps.state.selection !== null,
    );
    const sel = (await state(s)).selection!;
    expect(
      cli.findings.some((f: { sheet: string; cell: string }) => f.sheet === sel.sheet && f.cell === sel.address),
    ).toBe(true);
    expect(s.consoleErrors).toEqual([]);
    expect(s.blocked).toEqual([]);
  });

  it("checks at once when opened from the ribbon's 校验整个工作簿", async () => {
    await open({ "kaohe.checkOnOpen": "1" });
    await s.page.waitForSelector(".finding");
    expect(new Map((await state(s)).storage).has("kaohe.checkOnOpen")).toBe(false);
  });

  it("says in 「环境」 that it runs in WPS, with the version", async () => {
    await open();
    expect(await s.page.textContent("#envFacts")).toContain("12.1.0.20540");
    expect(await s.page.getAttribute("#envFeatures li[data-feature='functions']", "data-on")).toBe("true");
  });

  it("runs the 自检 from 「环境」: every call listed as passed, with a copy button", async () => {
    await open();
    await s.page.click("#envTitle");
    await s.page.click("#selfTest");
    await s.page.waitForSelector("#selfTestList li");
    const lines = await s.page.$$eval("#selfTestList li", (li) => li.map((x) => (x as HTMLElement).dataset.ok));
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.every((ok) => ok === "true")).toBe(true);
    expect(await s.page.isVisible("#selfTestCopy")).toBe(true);
    expect((await state(s)).sheets.some((x) => x.name.startsWith("kaohe自检"))).toBe(false);
  });

  it("on a WPS older than custom functions, offers only plain formulas for the template and says why", async () => {
    s = await openWps(
      wpsSpecsOf(await readXlsx(SAMPLE)),
      { noCustomFunctions: true },
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/87.0 Safari/537.36 WpsOfficeApp/11.1.0.11719 (per,linux)",
    );
    await s.page.goto(`${s.origin}/wps/taskpane.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
    expect(await s.page.$eval("#formulasKh", (o) => (o as HTMLOptionElement).disabled)).toBe(true);
    expect(await s.page.getAttribute("#formulasKh", "title")).toContain("12.1.0.20540");
    expect(await s.page.inputValue("#templateFormulas")).toBe("native");
  });
});
