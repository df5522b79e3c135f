/**
 * A pane one does not have to scroll through (issue 19, item 5): after a check of the sample, in a
 * 320×800 pane, the summary and the first finding are in view; 优秀分布 shows the units over their quota
 * and folds the rest; the superior department's section and 「环境」 stay folded until opened.
 */
import * as path from "path";
import { openPane, type PaneSession } from "../src/testing/pane-browser";
import { readXlsx } from "../src/xlsx/read";
import { specsOf } from "./helpers/fake-book";

const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");

describe("the pane at 320×800 after checking the sample", () => {
  let s: PaneSession;
  beforeAll(async () => {
    s = await openPane(specsOf(await readXlsx(SAMPLE)));
    await s.page.setViewportSize({ width: 320, height: 800 });
    await s.page.goto(`${s.origin}/taskpane.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
    await s.page.click("#validate");
    await s.page.waitForSelector(".finding");
  }, 60000);
  afterAll(async () => s?.close());

  const bottom = async (selector: string) => {
    const box = await s.page.locator(selector).first().boundingBox();
    return box!.y + box!.height;
  };

  it("shows the summary cards and the first finding without scrolling", async () => {
    expect(await s.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await bottom("#cards")).toBeLessThanOrEqual(800);
    expect(await bottom(".finding")).toBeLessThanOrEqual(800);
  });

  it("keeps the superior department's section, 「环境」 and the functions folded", async () => {
    for (const id of ["superiorBox", "envBox", "functionsBox"])
      expect(await s.page.$eval(`#${id}`, (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await s.page.isVisible("#makeTemplate")).toBe(false);
  });

  it("draws the units over their quota and folds the others", async () => {
    const shown = await s.page.$$eval("#dist > .dist-row[data-unit]", (rows) => rows.map((r) => r.className));
    expect(shown.every((c) => c.includes("over"))).toBe(true);
    const folded = await s.page.$$eval(".dist-rest .dist-row[data-unit]", (rows) => rows.map((r) => r.className));
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.some((c) => c.includes("over"))).toBe(false);
    expect(await s.page.$eval(".dist-rest", (d) => (d as HTMLDetailsElement).open)).toBe(false);
  });
});
