/**
 * The WPS host against the fake WPS (typed by et-jsapi-declare): it reads, checks, marks, writes, selects,
 * keeps settings and collects files as the Excel host does, in bulk calls, never touching a user's format.
 */
import * as path from "path";
import { readFileSync } from "fs";
import { checkWorkbook, resolveRuleset } from "../src/engine";
import { main } from "../src/cli/main";
import { readXlsx } from "../src/xlsx/read";
import { largeBook } from "../src/sample/generate";
import { reportTable } from "../src/tables/report";
import { createFakeWps } from "../src/testing/fake-wps";
import { readWorkbook } from "../src/hosts/wps/read";
import { clearMarks, markFindings } from "../src/hosts/wps/marks";
import { writeTables } from "../src/hosts/wps/write-table";
import { selectCell } from "../src/hosts/wps/select";
import { wpsSettings } from "../src/hosts/wps/settings";
import { wpsHost } from "../src/hosts/wps";
import { bgr } from "../src/hosts/wps/et";
import { MARK_FILL, MARK_FORMULA } from "../src/ui/marks";
import { rulesetInForceId, setRulesetInForce } from "../src/functions/ruleset-in-force";
import { asApp, wpsBookSpecs, wpsSpecsOf } from "./helpers/fake-wps-book";
import { Capture } from "./helpers/streams";

const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");
const rs = resolveRuleset("jinan-2022");

async function cli(file: string) {
  const out = new Capture();
  await main(["check", file, "--json"], out.stream, new Capture().stream);
  return JSON.parse(out.text).files[0];
}

const brief = (f: { rule: string; severity: string; sheet: string; cell: string; message: string }) => ({
  rule: f.rule,
  severity: f.severity,
  sheet: f.sheet,
  cell: f.cell,
  message: f.message,
});

describe("reading the open workbook in WPS", () => {
  it("gives the findings `kaohe check` gives on the bundled sample", async () => {
    const fake = createFakeWps(wpsSpecsOf(await readXlsx(SAMPLE)));
    const read = await readWorkbook(asApp(fake.app));
    const result = checkWorkbook(read.input, rs);
    const expected = await cli(SAMPLE);
    expect(result.findings.length).toBeGreaterThan(10);
    expect(result.findings.map(brief)).toEqual(expected.findings.map(brief));
    expect(result.summary).toEqual(expected.summary);
  });

  it("reads in bulk: the same number of calls for 10 rows as for 10,000, and at most 20", async () => {
    const calls: number[] = [];
    for (const [units, per] of [
      [2, 5],
      [500, 20],
    ]) {
      const fake = createFakeWps(wpsBookSpecs(largeBook(units, per, 7)));
      const read = await readWorkbook(asApp(fake.app));
      expect(checkWorkbook(read.input, rs).summary.rows).toBe(units * per + units);
      calls.push(fake.state.calls);
    }
    expect(new Set(calls).size).toBe(1);
    expect(calls[0]).toBeLessThanOrEqual(20);
  });

  it("pads a used range not starting at A1, finds merged areas, says which sheets are hidden", async () => {
    const fake = createFakeWps([
      { name: "说明", values: [[], [], [null, null, "填表说明"]], visible: 0 },
      {
        name: "干部",
        values: [
          [null, "2025年考核"],
          [null, "单位", "姓名", "本年等次"],
          [null, "甲局", "张三", "称职"],
          [null, null, "李四", "优秀"],
        ],
        merges: ["B3:B4", "B1:D1"],
      },
      { name: "空表", values: [] },
    ]);
    const read = await readWorkbook(asApp(fake.app));
    const [notes, cadres] = read.input.sheets;
    expect(notes.values[2]).toEqual([null, null, "填表说明"]);
    expect(notes.hidden).toBe(true);
    expect(cadres.values[2]).toEqual([null, "甲局", "张三", "称职"]);
    expect(cadres.merges!.sort()).toEqual(["B1:D1", "B3:B4"]);
    expect(read.input.sheets.map((s) => s.name)).toEqual(["说明", "干部"]);
    expect(read.sheets.map((s) => [s.name, s.visibility, s.rows])).toEqual([
      ["说明", "Hidden", 3],
      ["干部", "Visible", 4],
      ["空表", "Visible", 0],
    ]);
    // A merged unit cell applies to every row it covers, as the engine reads it from a file.
    const check = checkWorkbook(read.input, rs);
    expect(check.model.cadres.map((c) => [c.unit, c.name])).toEqual([
      ["甲局", "张三"],
      ["甲局", "李四"],
    ]);
  });

  it("reads a returned template's formulas and audits it as `kaohe check` does", async () => {
    const file = path.join(__dirname, "..", "examples", "sample.xlsx");
    const input = await readXlsx(file);
    const fake = createFakeWps(wpsSpecsOf(input));
    const read = await readWorkbook(asApp(fake.app), { formulas: true });
    expect(read.input.sheets.some((s) => s.formulas)).toBe(true);
  });
});

describe("marks in WPS", () => {
  it("marks each finding's cell with a format of its own, and clearing leaves the user's formats exactly", async () => {
    const input = await readXlsx(SAMPLE);
    const specs = wpsSpecsOf(input);
    const cadres = specs.find((s) => s.name === "干部")!;
    cadres.formats = { B3: { color: bgr("#FFFF00"), bold: true } };
    cadres.conditions = [{ type: 2, ranges: "$A$2:$A$9", formula1: "=A2>0", color: bgr("#00FF00") }];
    const fake = createFakeWps(specs);
    const before = JSON.stringify(
      fake.state.sheets.map((s) => [s.formats, s.conditions, s.values]),
      (_, v) => (v instanceof Map ? [...v] : v),
    );
    const read = await readWorkbook(asApp(fake.app));
    const result = checkWorkbook(read.input, rs);
    const r = markFindings(asApp(fake.app), result.findings, read.sheets);
    expect(r.marked).toBeGreaterThan(5);
    const ours = fake.state.sheets.flatMap((s) => s.conditions.filter((c) => c.formula1 === MARK_FORMULA));
    expect(ours.length).toBeGreaterThan(0);
    expect(new Set(ours.map((c) => c.color))).toEqual(
      new Set(result.findings.filter((f) => f.cell.match(/\d/)).map((f) => bgr(MARK_FILL[f.severity]))),
    );
    expect(clearMarks(asApp(fake.app))).toBe(ours.length);
    const after = JSON.stringify(
      fake.state.sheets.map((s) => [s.formats, s.conditions, s.values]),
      (_, v) => (v instanceof Map ? [...v] : v),
    );
    expect(after).toBe(before);
  });

  it("leaves a protected sheet unmarked and says so", async () => {
    const specs = wpsSpecsOf(await readXlsx(SAMPLE));
    specs.find((s) => s.name === "干部")!.protected = true;
    const fake = createFakeWps(specs);
    const read = await readWorkbook(asApp(fake.app));
    const r = markFindings(asApp(fake.app), checkWorkbook(read.input, rs).findings, read.sheets);
    expect(r.protectedSheets.map((p) => p.sheet)).toEqual(["干部"]);
    expect(fake.state.sheets.find((s) => s.name === "干部")!.conditions).toEqual([]);
  });
});

describe("writing the add-in's own sheets in WPS", () => {
  it("writes the report, replaces it next time, and never touches a user's sheet of that name", async () => {
    const specs = wpsSpecsOf(await readXlsx(SAMPLE));
    specs.push({ name: "校验报告", values: [["我自己的笔记"]] });
    const fake = createFakeWps(specs);
    const read = await readWorkbook(asApp(fake.app));
    const table = reportTable(checkWorkbook(read.input, rs), "zh", "2026-12-01 10:00");
    const [w] = writeTables(asApp(fake.app), [table]);
    expect(w).toEqual({ name: "校验报告 (2)", renamed: true, replaced: false });
    const [again] = writeTables(asApp(fake.app), [table]);
    expect(again).toEqual({ name: "校验报告 (2)", renamed: true, replaced: true });
    expect(fake.state.sheets.filter((s) => s.name.startsWith("校验报告")).length).toBe(2);
    expect(fake.state.sheets.find((s) => s.name === "校验报告")!.values).toEqual([["我自己的笔记"]]);
    const report = fake.state.sheets.find((s) => s.name === "校验报告 (2)")!;
    expect(report.customProperties.get("kaohe")).toBe("report");
    expect(report.values[table.meta.length + 1].slice(0, 3)).toEqual(table.header.slice(0, 3));
    const link = [...report.formulas.values()][0];
    expect(link).toMatch(/^=HYPERLINK\("#'/);
    expect(fake.state.prompts).toBe(0); // the old sheet deleted without asking
    expect(fake.state.enableEvents).toBe(true);
  });

  it("refuses a workbook whose structure is protected, naming what to do", async () => {
    const fake = createFakeWps(wpsSpecsOf(await readXlsx(SAMPLE)));
    fake.state.protectStructure = true;
    const host = wpsHost(asApp(fake.app), "WpsOfficeApp/12.1.0.20540", "Linux");
    const read = await host.workbook!.read();
    const table = reportTable(checkWorkbook(read.input, rs), "zh", "2026-12-01 10:00");
    const e = await host.workbook!.writeTables([table]).catch((x) => x);
    expect(host.describeError(e).zh).toContain("撤销工作簿保护");
  });
});

describe("the rest of the WPS host", () => {
  it("goes to a finding's cell, and says why not for a hidden or missing sheet", () => {
    const fake = createFakeWps([
      { name: "干部", values: [["姓名"]] },
      { name: "旧表", values: [["x"]], visible: 0 },
    ]);
    expect(selectCell(asApp(fake.app), "干部", "F12")).toBeNull();
    expect(fake.state.selection).toEqual({ sheet: "干部", address: "F12" });
    expect(selectCell(asApp(fake.app), "旧表", "A1")?.zh).toContain("取消隐藏");
    expect(selectCell(asApp(fake.app), "没有", "A1")?.zh).toContain("已没有工作表");
  });

  it("keeps the ruleset and 边填边查 in the workbook's document properties, and recalculates", async () => {
    const fake = createFakeWps([{ name: "干部", values: [["姓名"]] }]);
    const settings = wpsSettings(asApp(fake.app));
    expect(settings.ruleset()).toBeNull();
    await settings.saveRuleset("civil-servant-2020");
    expect(fake.state.documentProperties.get("kaohe.ruleset")).toBe("civil-servant-2020");
    expect(fake.state.calculations).toBe(1);
    setRulesetInForce("jinan-2022");
    expect(settings.ruleset()).toBe("civil-servant-2020");
    expect(rulesetInForceId()).toBe("civil-servant-2020");
    await settings.saveLive(true);
    expect(settings.live()).toBe(true);
    setRulesetInForce("jinan-2022");
  });

  it("picks returned files in WPS's dialog and reads their bytes", async () => {
    const bytes = [...readFileSync(SAMPLE)];
    const fake = createFakeWps([{ name: "Sheet1", values: [] }], { files: { "/home/kaohe/回收/市直.xlsx": bytes } });
    const host = wpsHost(asApp(fake.app), "", "Linux");
    const picked = await host.pickFiles!();
    expect(picked!.map((p) => p.name)).toEqual(["市直.xlsx"]);
    expect(Buffer.from(await picked![0].bytes()).equals(readFileSync(SAMPLE))).toBe(true);
  });

  it("says in 「环境」 what this WPS runs: KH functions only from 12.1.0.20540", () => {
    const on = wpsHost(
      asApp(createFakeWps([]).app),
      "Mozilla/5.0 Chrome/104 WpsOfficeApp/12.1.0.20540 (per,windows)",
      "Win32",
    );
    const off = wpsHost(
      asApp(createFakeWps([], { noCustomFunctions: true }).app),
      "Mozilla/5.0 Chrome/87 WpsOfficeApp/11.1.0.11719 (per,linux)",
      "Linux x86_64",
    );
    const fn = (h: ReturnType<typeof wpsHost>) => h.environment().features.find((f) => f.id === "functions")!;
    expect(fn(on).on).toBe(true);
    expect(fn(off).on).toBe(false);
    expect(fn(off).why.zh).toContain("12.1.0.20540");
    expect(off.environment().version).toBe("11.1.0.11719");
  });
});

describe("生成模板 and 结果运用清单 in WPS", () => {
  it("writes kaohe template's file into Downloads (never over a file there) and opens it", async () => {
    const { workbookCells } = await import("./helpers/xlsx-cells");
    const { buildTemplate } = await import("../src/template/spec");
    const { runKaohe } = await import("./helpers/streams");
    const os = await import("os");
    const fs = await import("fs");
    const fake = createFakeWps([{ name: "Sheet1", values: [] }]);
    const host = wpsHost(asApp(fake.app), "", "Linux");
    const t = buildTemplate(rs, { year: 2025, formulas: "native" });
    const first = await host.workbook!.writeTemplate(t);
    const second = await host.workbook!.writeTemplate(t);
    expect(first!.path).toBe("/home/kaohe/下载/2025年度考核模板.xlsx");
    expect(second!.path).toBe("/home/kaohe/下载/2025年度考核模板 (2).xlsx");
    expect(fake.state.opened).toEqual([first!.path, second!.path]);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-wps-t-")), "t.xlsx");
    expect((await runKaohe("template", "--out", out, "--year", "2025")).code).toBe(0);
    expect(await workbookCells(fake.state.files.get(first!.path)!)).toEqual(await workbookCells(readFileSync(out)));
  });

  it("writes 结果运用清单 and 谈话安排 as sheets of its own", async () => {
    const { resultTablesFor } = await import("../src/ui/results");
    const fake = createFakeWps(wpsSpecsOf(await readXlsx(SAMPLE)));
    const host = wpsHost(asApp(fake.app), "", "Linux");
    const read = await host.workbook!.read();
    const tables = resultTablesFor(checkWorkbook(read.input, rs), "zh", undefined);
    const written = await host.workbook!.writeTables(tables);
    expect(written.map((w) => w.name)).toEqual(["结果运用清单", "谈话安排"]);
    const list = fake.state.sheets.find((s) => s.name === "结果运用清单")!;
    expect(list.values.length).toBe(tables[0].meta.length + 2 + Math.max(1, tables[0].rows.length));
  });
});
