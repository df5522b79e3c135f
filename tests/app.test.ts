/**
 * 考核规则网页版 (issue 19) in headless Chromium: the returned files picked in the page are checked as
 * `kaohe merge` checks them, the findings name their file, cell and row, and nothing leaves the page.
 */
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { openApp, type AppSession } from "../src/testing/app-browser";
import { makeReturned } from "./helpers/returned";
import { runKaohe } from "./helpers/streams";
import { workbookCells } from "./helpers/xlsx-cells";

const dist = path.join(__dirname, "..", "dist");
const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "kaohe-app-"));
let returned: string;
let files: string[];
let cliLines: string[];
/** The CLI's files for the same 21 returns, run in their folder so that 文件 names them as the page does. */
const cli: Record<string, Buffer> = {};

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
  const names = files.map((f) => path.basename(f));
  const here = process.cwd();
  process.chdir(returned);
  try {
    await runKaohe("check", ...names, "--report", path.join(dir, "cli-report.xlsx"));
    await runKaohe("merge", ...names, "--out", path.join(dir, "cli-merged.xlsx"));
    await runKaohe("results", ...names, "--out", path.join(dir, "cli-results.xlsx"), "--announced", "2026-01-15");
  } finally {
    process.chdir(here);
  }
  for (const n of ["report", "merged", "results"]) cli[n] = readFileSync(path.join(dir, `cli-${n}.xlsx`));
  for (const f of ["native", "kh"]) {
    const out = path.join(dir, `cli-template-${f}.xlsx`);
    await runKaohe("template", "--out", out, "--year", "2025", "--formulas", f);
    cli[`template-${f}`] = readFileSync(out);
  }
}, 180000);

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
    const report = await s.nextDownload(() => s.page.click("#writeReport"));
    const here = process.cwd();
    process.chdir(path.dirname(SAMPLE));
    try {
      await runKaohe("check", "sample.xlsx", "--report", path.join(dir, "cli-sample-report.xlsx"));
    } finally {
      process.chdir(here);
    }
    expect(await workbookCells(report.bytes)).toEqual(
      await workbookCells(readFileSync(path.join(dir, "cli-sample-report.xlsx"))),
    );
    expect(s.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:"))).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(await s.page.isHidden("#legacy")).toBe(true);
  }, 120000);

  it("downloads the report, the consolidated workbook and the result-use list the CLI writes, cell for cell", async () => {
    s = await openApp();
    await ready(s);
    await pick(s, files);
    const report = await s.nextDownload(() => s.page.click("#writeReport"));
    expect(report.name).toBe("校验报告.xlsx");
    expect(await workbookCells(report.bytes)).toEqual(await workbookCells(cli.report));
    const merged = await s.nextDownload(() => s.page.click("#writeMerged"));
    expect(merged.name).toBe("汇总.xlsx");
    const sheets = await workbookCells(merged.bytes);
    expect(Object.keys(sheets)).toEqual(["班子汇总", "干部汇总", "汇总校验报告", "分布"]);
    expect(sheets).toEqual(await workbookCells(cli.merged));
    await s.page.fill("#announced", "2026-01-15");
    const results = await s.nextDownload(() => s.page.click("#writeResults"));
    expect(await workbookCells(results.bytes)).toEqual(await workbookCells(cli.results));
    expect(s.blocked).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 180000);

  it("downloads the template of either formula variant as kaohe template writes it", async () => {
    s = await openApp();
    await ready(s);
    await s.page.fill("#templateYear", "2025");
    for (const f of ["native", "kh"]) {
      await s.page.selectOption("#templateFormulas", f);
      const t = await s.nextDownload(() => s.page.click("#makeTemplate"));
      expect(t.name).toBe(f === "kh" ? "2025年度考核模板（KH函数）.xlsx" : "2025年度考核模板.xlsx");
      expect(await workbookCells(t.bytes)).toEqual(await workbookCells(cli[`template-${f}`]));
    }
  }, 120000);

  it("cancelled midway shows and downloads nothing", async () => {
    s = await openApp();
    await ready(s);
    await s.page.setInputFiles("#mergeFiles", files);
    await s.page.click("#cancel");
    await s.page.waitForFunction(() => /已取消/.test(document.getElementById("status")!.textContent ?? ""));
    expect(await s.page.isHidden("#results")).toBe(true);
    expect(s.downloads).toEqual([]);
  }, 120000);

  it("takes a pick of 100 files, and a JSON ruleset file checked with the CLI's schema and messages", async () => {
    s = await openApp();
    await ready(s);
    const many = Array.from({ length: 100 }, (_, i) => ({
      name: `单位${String(i + 1).padStart(3, "0")}.xlsx`,
      mimeType: "application/octet-stream",
      buffer: readFileSync(files[2 + (i % 17)]),
    }));
    await s.page.setInputFiles("#mergeFiles", many);
    await s.page.waitForFunction(
      () => /已校验 \d+ 个文件/.test(document.getElementById("status")!.textContent ?? ""),
      null,
      {
        timeout: 60000,
      },
    );
    // 100 picks of 17 distinct workbooks: the copies are each counted once, as kaohe merge counts them.
    expect(await s.page.locator("#mergeStatus li:not(.skipped)").count()).toBe(17);
    expect(await s.page.locator("#mergeStatus li.skipped").count()).toBe(83);
    const bad = {
      name: "本地.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"id":"x","rules":{"L2":false}}'),
    };
    await s.page.setInputFiles("#rulesetInput", bad);
    await s.page.waitForFunction(() => /L02/.test(document.getElementById("status")!.textContent ?? ""));
    expect(await s.page.textContent("#status")).toContain("规则集文件「本地.json」有误");
    const good = {
      name: "本地.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ id: "local-2026", extends: "jinan-2022", title: { zh: "本地规则" } })),
    };
    await s.page.setInputFiles("#rulesetInput", good);
    await s.page.waitForFunction(() => /已载入规则集文件/.test(document.getElementById("status")!.textContent ?? ""));
    expect(await s.page.$eval("#ruleset", (x) => (x as HTMLSelectElement).selectedOptions[0].textContent)).toContain(
      "本地规则",
    );
    expect(s.consoleErrors).toEqual([]);
  }, 180000);

  it("says in words that the browser is too old when its engine cannot run the app's script", async () => {
    s = await openApp();
    await s.page.route(/\/app\/app\.[0-9a-f]{8}\.js$/, (r) =>
      r.fulfill({ body: "const f = (a) => a?.b ?? 1; class {", contentType: "text/javascript" }),
    );
    await s.page.goto(`${s.origin}/app/index.html`);
    await s.page.waitForSelector("#legacy:not([hidden])");
    const text = await s.page.textContent("#legacy");
    expect(text).toContain("Chromium 80");
    expect(text).not.toContain("office.js");
  });

  it("takes a whole folder (the folder picker), naming each file by its place in it", async () => {
    s = await openApp();
    await ready(s);
    await s.page.setInputFiles("#folderFiles", returned);
    await s.page.waitForFunction(() => /已校验 \d+ 个文件/.test(document.getElementById("status")!.textContent ?? ""));
    const names = await s.page.$$eval("#mergeStatus li", (li) => li.map((x) => (x as HTMLElement).dataset.file));
    expect(names.sort()).toEqual(files.map((f) => `returned/${path.basename(f)}`).sort());
  }, 120000);

  it("takes files dropped on its drop zone", async () => {
    s = await openApp();
    await ready(s);
    const bytes = [...readFileSync(SAMPLE)];
    await s.page.evaluate((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], "市直.xlsx"));
      const zone = document.getElementById("dropZone")!;
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await s.page.waitForFunction(() => /已校验 1 个文件/.test(document.getElementById("status")!.textContent ?? ""));
    expect(await s.page.$$eval("#mergeStatus li", (li) => li.map((x) => (x as HTMLElement).dataset.file))).toEqual([
      "市直.xlsx",
    ]);
  }, 120000);

  it("draws 优秀 by unit for the files picked; a click on a unit filters the findings to it", async () => {
    s = await openApp();
    await ready(s);
    await pick(s, files);
    const unit = "县3第3单位";
    if (await s.page.isHidden(`.dist-row[data-unit="${unit}"]`)) await s.page.click(".dist-rest > summary");
    await s.page.click(`.dist-row[data-unit="${unit}"]`);
    expect(await s.page.inputValue("#fUnit")).toBe(unit);
    const heads = await s.page.$$eval(".group > summary .name", (x) => x.map((e) => e.textContent));
    expect(heads).toEqual([unit]);
  }, 120000);
});
