/**
 * The pane's figures (issue 4): syncs to read 10,000 rows through the fake Excel, first render and a
 * whole validation of 10,000 rows in headless Chromium. Needs dist/ built; the browser comes from testing/browser.ts.
 */
import { checkWorkbook, resolveRuleset } from "../engine";
import { largeBook, type GeneratedBook } from "../sample/generate";
import { readWorkbook } from "../hosts/excel/read";
import { createFakeExcel, type FakeSheetSpec } from "../testing/fake-excel";
import { openPane } from "../testing/pane-browser";

function specs(book: GeneratedBook): FakeSheetSpec[] {
  return [
    { name: "班子", values: [book.teamHeaders, ...book.teams] },
    { name: "干部", values: [book.cadreHeaders, ...book.cadres] },
  ];
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function paneFigures(log: (s: string) => void): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const book = specs(largeBook(500, 20, 21)); // 10,000 cadres in 500 units
  const fake = createFakeExcel(book);
  const read = await fake.run((ctx) => readWorkbook(ctx as Excel.RequestContext));
  figures.pane_rows = read.input.sheets.reduce((n, s) => n + s.values.length, 0);
  figures.pane_syncs_10k = fake.state.syncs;
  figures.pane_response_kb = round(Math.max(...fake.state.responseBytes) / 1024);
  figures.pane_bytes_per_cell = round(fake.state.responseBytes.reduce((a, b) => a + b, 0) / read.cells, 1);
  const t = process.hrtime.bigint();
  checkWorkbook(read.input, resolveRuleset("jinan-2022"));
  figures.pane_engine_10k_ms = round(Number(process.hrtime.bigint() - t) / 1e6);

  log("pane: headless Chromium, first render and 10,000-row validation…");
  const s = await openPane(book);
  try {
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      await s.page.goto(`${s.origin}/taskpane.html`);
      await s.page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
      renders.push(await s.page.evaluate(() => performance.getEntriesByName("kaohe:ready")[0].startTime));
    }
    figures.pane_first_render_ms = round(median(renders));
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await s.page.evaluate(() => document.getElementById("results")!.setAttribute("hidden", ""));
      const start = Date.now();
      await s.page.click("#validate");
      await s.page.waitForSelector("#results:not([hidden]) .finding", { timeout: 60000 });
      runs.push(Date.now() - start);
    }
    figures.pane_validate_10k_ms = round(median(runs));
  } finally {
    await s.close();
  }
  return figures;
}
