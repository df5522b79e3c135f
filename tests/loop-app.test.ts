/**
 * The loop in the page (issue 21): after 回收汇总 the copies to send back (one per file, or all as a .zip),
 * 与上次报送比较 and 往年结果 — in the browser app as downloads equal, cell for cell, to the CLI's files
 * (`kaohe check --annotate`, `kaohe diff --out`, `kaohe check --history --report`), and in the Excel pane
 * over the fake Excel.
 */
import { unzipSync } from "fflate";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { openApp, type AppSession } from "../src/testing/app-browser";
import { FAKE_STATE, openPane, type FakeStateJson, type PaneSession } from "../src/testing/pane-browser";
import { readWorkbookBytes } from "../src/xlsx/ooxml";
import { specsOf } from "./helpers/fake-book";
import { blankHistory, currentBook, PAST, writeInput, yearBook } from "./helpers/history-books";
import { richReturn } from "./helpers/rich-return";
import { runKaohe } from "./helpers/streams";
import { workbookCells } from "./helpers/xlsx-cells";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-loop-app-"));
const returned = path.join(dir, "回收");
const past = path.join(dir, "往年");
const RETURNS = ["甲局.xlsx", "丙局.xlsx", "sample.xlsx"];
const at = (folder: string, names: string[]) => names.map((n) => path.join(folder, n));
const cliCopies: Record<string, Buffer> = {};
let cliDiff: Buffer;
let cliHistoryReport: Buffer;

beforeAll(async () => {
  mkdirSync(returned);
  mkdirSync(past);
  writeFileSync(path.join(returned, "甲局.xlsx"), await richReturn());
  await writeInput(path.join(returned, "丙局.xlsx"), yearBook(2025, {})); // no findings: no copy
  writeFileSync(
    path.join(returned, "sample.xlsx"),
    readFileSync(path.join(__dirname, "..", "examples", "sample.xlsx")),
  );
  for (const [y, b] of PAST) await writeInput(path.join(past, `${y}年度汇总.xlsx`), b);
  await writeInput(path.join(dir, "第一次.xlsx"), currentBook(blankHistory));
  await writeInput(
    path.join(dir, "第二次.xlsx"),
    currentBook((n) => ({ "2024年度等次": n === "张二" ? "不称职" : "" })),
  );
  await writeInput(path.join(dir, "2025.xlsx"), currentBook(blankHistory));
  const here = process.cwd();
  try {
    // Run where the files are, so that names in the files are the names the page is given.
    process.chdir(returned);
    await runKaohe("check", ...RETURNS, "--annotate", path.join(dir, "cli-copies"));
    process.chdir(dir);
    await runKaohe("diff", "第一次.xlsx", "第二次.xlsx", "--out", "cli-对比.xlsx");
    const pastNames = PAST.map(([y]) => path.join("往年", `${y}年度汇总.xlsx`));
    process.chdir(past);
    const history = PAST.flatMap(([y]) => ["--history", `${y}年度汇总.xlsx`]);
    await runKaohe("check", path.join(dir, "2025.xlsx"), ...history, "--report", path.join(dir, "cli-history.xlsx"));
    void pastNames;
  } finally {
    process.chdir(here);
  }
  for (const f of readdirSync(path.join(dir, "cli-copies")))
    cliCopies[f] = readFileSync(path.join(dir, "cli-copies", f));
  cliDiff = readFileSync(path.join(dir, "cli-对比.xlsx"));
  cliHistoryReport = readFileSync(path.join(dir, "cli-history.xlsx"));
}, 120000);

async function ready(s: AppSession): Promise<void> {
  await s.page.goto(`${s.origin}/app/index.html`);
  await s.page.waitForFunction(() => document.body.dataset.ready === "1");
}

const statusHas = (s: AppSession | PaneSession, re: RegExp) =>
  s.page.waitForFunction(
    (src) => new RegExp(src).test(document.getElementById("status")!.textContent ?? ""),
    re.source,
    {
      timeout: 60000,
    },
  );

describe("the loop in the browser app", () => {
  let s: AppSession;
  afterEach(async () => s?.close());

  it("after the check, the copies to send back: one per file, or all as one .zip — kaohe check --annotate's, cell for cell", async () => {
    s = await openApp();
    await ready(s);
    await s.page.setInputFiles("#mergeFiles", at(returned, RETURNS));
    await statusHas(s, /已校验 3 个文件/);
    const buttons = await s.page.$$eval("#annotateList button", (b) => b.map((x) => x.textContent));
    expect(buttons).toEqual(["⤓ 甲局（校验意见）.xlsx", "⤓ sample（校验意见）.xlsx"]);
    const zip = await s.nextDownload(() => s.page.click("#annotateZip"));
    expect(zip.name).toBe("退回修改件.zip");
    const inside = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(inside).sort()).toEqual(Object.keys(cliCopies).sort());
    for (const [name, bytes] of Object.entries(inside))
      expect(await workbookCells(bytes)).toEqual(await workbookCells(cliCopies[name]));
    const one = await s.nextDownload(() => s.page.click("#annotateList button >> nth=1"));
    expect(one.name).toBe("sample（校验意见）.xlsx");
    expect(await workbookCells(one.bytes)).toEqual(await workbookCells(cliCopies["sample（校验意见）.xlsx"]));
    expect(s.blocked).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 180000);

  it("与上次报送比较: two files compared, the list shown and 对比.xlsx as kaohe diff --out writes it", async () => {
    s = await openApp();
    await ready(s);
    await s.page.setInputFiles("#diffBefore", path.join(dir, "第一次.xlsx"));
    expect(await s.page.textContent("#diffStatus")).toContain("已选上次报送「第一次.xlsx」");
    await s.page.setInputFiles("#diffAfter", path.join(dir, "第二次.xlsx"));
    await s.page.waitForSelector("#downloadDiff:not([hidden])");
    expect(await s.page.textContent("#diffStatus")).toContain("修改 1 人（1 项，其中未被要求 1 项）");
    const items = await s.page.$$eval("#diffList li", (li) => li.map((x) => [x.className, x.textContent]));
    expect(items).toContainEqual(["unasked", expect.stringContaining("2024年度等次：（空） → 不称职")]);
    const file = await s.nextDownload(() => s.page.click("#downloadDiff"));
    expect(file.name).toBe("对比.xlsx");
    expect(await workbookCells(file.bytes)).toEqual(await workbookCells(cliDiff));
    expect(s.consoleErrors).toEqual([]);
  }, 120000);

  it("往年结果: the record picked first fills history (H01 from the record alone); the report is kaohe check --history's", async () => {
    s = await openApp();
    await ready(s);
    await s.page.setInputFiles(
      "#historyFiles",
      at(
        past,
        PAST.map(([y]) => `${y}年度汇总.xlsx`),
      ),
    );
    await statusHas(s, /已载入往年结果 3 个文件（2022、2023、2024 年度）/);
    expect(await s.page.$$eval("#historyStatus li", (li) => li.map((x) => x.textContent))).toEqual(
      PAST.map(([y]) => `◆ ${y}年度汇总.xlsx：${y} 年度，10 人`),
    );
    await s.page.setInputFiles("#mergeFiles", path.join(dir, "2025.xlsx"));
    await statusHas(s, /已校验 1 个文件/);
    const rules = await s.page.$$eval(".finding .head", (x) => x.map((e) => e.textContent));
    expect(rules.some((r) => r!.includes("H01"))).toBe(true);
    const report = await s.nextDownload(() => s.page.click("#writeReport"));
    const cells = await workbookCells(report.bytes);
    const cli = await workbookCells(cliHistoryReport);
    // The CLI names the file by the path it was given; the page by the name picked.
    const rename = (c: typeof cells) =>
      JSON.parse(
        JSON.stringify(c)
          .split(JSON.stringify(path.join(dir, "2025.xlsx")).slice(1, -1))
          .join("2025.xlsx"),
      );
    expect(cells).toEqual(rename(cli));
    await s.page.click("#clearHistory");
    await statusHas(s, /已校验 1 个文件/);
    const again = await s.page.$$eval(".finding .head", (x) => x.map((e) => e.textContent));
    expect(again.some((r) => r!.includes("H01"))).toBe(false);
  }, 120000);
});

describe("the loop in the Excel pane", () => {
  let s: PaneSession;
  afterEach(async () => s?.close());

  it("after 回收汇总, the copies download as one .zip, the CLI's cell for cell", async () => {
    s = await openPane([{ name: "Sheet1", values: [] }]);
    await s.page.goto(`${s.origin}/taskpane.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
    await s.page.setInputFiles("#mergeFiles", at(returned, RETURNS));
    await statusHas(s, /已汇总/);
    await s.page.click("#superiorBox > summary"); // the pane folds 上级部门 until asked
    const [download] = await Promise.all([s.page.waitForEvent("download"), s.page.click("#annotateZip")]);
    expect(download.suggestedFilename()).toBe("退回修改件.zip");
    const inside = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(inside).sort()).toEqual(Object.keys(cliCopies).sort());
    for (const [name, bytes] of Object.entries(inside))
      expect(await workbookCells(bytes)).toEqual(await workbookCells(cliCopies[name]));
    expect(s.consoleErrors).toEqual([]);
  }, 180000);

  it("与上次报送比较 against the open workbook: 对比 and 问题对比 written into it, linking to its cells", async () => {
    const open = readWorkbookBytes(new Uint8Array(readFileSync(path.join(dir, "第二次.xlsx"))));
    s = await openPane(specsOf(open));
    await s.page.goto(`${s.origin}/taskpane.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
    expect(await s.page.isHidden("#pickDiffAfter")).toBe(true);
    await s.page.setInputFiles("#diffBefore", path.join(dir, "第一次.xlsx"));
    await statusHas(s, /已写入工作表「问题对比」/);
    const state = (await s.page.evaluate(FAKE_STATE)) as FakeStateJson;
    const diff = state.sheets.find((x) => x.name === "对比")!;
    const rows = diff.values.filter((r) => r[0] === "修改");
    expect(rows).toEqual([
      // 新单元格 links into this workbook: the fake keeps a formula cell's formula as its value.
      [
        "修改",
        "甲局",
        "张二",
        "",
        "2024年度等次",
        "",
        "不称职",
        "干部!E4",
        `=HYPERLINK("#'干部'!E4","干部!E4")`,
        "否（未被要求）",
      ],
    ]);
    expect(await s.page.textContent("#diffStatus")).toContain("修改 1 人");
    expect(s.consoleErrors).toEqual([]);
  }, 120000);
});
