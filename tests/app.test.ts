/**
 * 考核规则网页版 (issue 19) in headless Chromium: the returned files picked in the page are checked as
 * `kaohe merge` checks them, the findings name their file, cell and row, and nothing leaves the page.
 */
import { mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { openApp, type AppSession } from "../src/testing/app-browser";
import { makeReturned } from "./helpers/returned";
import { runKaohe } from "./helpers/streams";

const dist = path.join(__dirname, "..", "dist");
const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "kaohe-app-"));
let returned: string;
let files: string[];
let cliLines: string[];

beforeAll(async () => {
  returned = await makeReturned(dir);
  files = readdirSync(returned)
    .sort((a, b) => a.localeCompare(b))
    .map((f) => path.join(returned, f));
  const r = await runKaohe("merge", returned, "--out", path.join(dir, "汇总.xlsx"));
  cliLines = r.out
    .trim()
    .split("\n")
    .filter((l) => /^[✓✗] /.test(l))
    .map((l) => l.split(returned + path.sep).join(""));
}, 120000);

async function ready(s: AppSession): Promise<void> {
  await s.page.goto(`${s.origin}/app/index.html`);
  await s.page.waitForFunction(() => document.body.dataset.ready === "1");
}

async function pick(s: AppSession, picked: string[]): Promise<void> {
  await s.page.setInputFiles("#mergeFiles", picked);
  await s.page.waitForFunction(() => /已校验 \d+ 个文件/.test(document.getElementById("status")!.textContent ?? ""));
}

describe("the browser app", () => {
  let s: AppSession;
  afterEach(async () => s?.close());

  it("opens on its own: no office.js, no request beyond its own files, the files section first", async () => {
    s = await openApp();
    await ready(s);
    expect(await s.page.textContent("#title")).toBe("考核规则网页版");
    expect(await s.page.isVisible("#validate")).toBe(false);
    expect(await s.page.isVisible("#pickFiles")).toBe(true);
    expect(await s.page.isVisible("#pickFolder")).toBe(true);
    expect(await s.page.isVisible("#mark")).toBe(false);
    expect(s.requests.every((u) => u.startsWith(`${s.origin}/app/`) || u.startsWith(`${s.origin}/__test-fonts/`))).toBe(
      true,
    );
    expect(s.blocked).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it("checks the 21 returned files: each status line is kaohe merge's", async () => {
    s = await openApp();
    await ready(s);
    await pick(s, files);
    const lines = await s.page.$$eval("#mergeStatus li", (li) => li.map((x) => x.textContent));
    // The CLI says "file: reason" for an unusable file, the page "file：reason": the same words.
    expect(lines.map((l) => l!.replace(/^(✗ [^：]+)：/, "$1: "))).toEqual(cliLines);
    expect(await s.page.textContent("#status")).toContain("已校验 19 个文件，2 个无法使用");
    expect(s.blocked).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 120000);

  it("lists each finding with its file, cell and the row's unit, name and grades, filtered by file", async () => {
    s = await openApp();
    await ready(s);
    await pick(s, files);
    expect(await s.page.isHidden("#fFile")).toBe(false);
    await s.page.selectOption("#fFile", "市直-改过公式.xlsx");
    await s.page.selectOption("#groupBy", "rule");
    const heads = await s.page.$$eval(".finding .head", (x) => x.map((e) => e.textContent));
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.every((h) => h!.includes("市直-改过公式.xlsx · "))).toBe(true);
    const rows = await s.page.$$eval(".finding .row-key", (x) => x.map((e) => e.textContent));
    expect(rows.some((r) => /班子 (优秀|良好|一般|较差|—)/.test(r!))).toBe(true);
    // No sheet to go to: the findings are not links.
    expect(
      await s.page.$$eval(".finding[data-index]", (x) => x.every((e) => e.getAttribute("aria-disabled") === "true")),
    ).toBe(true);
  }, 120000);

  it("at desktop width puts the findings beside the file list", async () => {
    s = await openApp({ width: 1280, height: 800 });
    await ready(s);
    await pick(s, files);
    const side = await s.page.locator("#daily").boundingBox();
    const results = await s.page.locator("#results").boundingBox();
    expect(results!.x).toBeGreaterThan(side!.x + side!.width - 1);
    const first = await s.page.locator(".finding").first().boundingBox();
    expect(first!.y + first!.height).toBeLessThanOrEqual(800);
  }, 120000);

  it("dist/kaohe.html works alone from file:// with every request refused", async () => {
    s = await openApp({ offline: true });
    await s.page.goto(`file://${path.join(dist, "kaohe.html")}`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
    await pick(s, [SAMPLE]);
    expect(await s.page.textContent("#status")).toContain("已校验 1 个文件");
    expect(await s.page.locator(".finding").count()).toBeGreaterThan(0);
    expect(s.requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(await s.page.isHidden("#legacy")).toBe(true);
  }, 120000);
});
