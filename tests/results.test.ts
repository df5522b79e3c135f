/** The result-use list: each R and H rule's measures, dates, runs broken by 不定等次, and the CLI. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import {
  addYears,
  modelOf,
  resolveRuleset,
  resultList,
  rulesetFromJson,
  talks,
  type ResolvedRuleset,
  type WorkbookInput,
} from "../src/engine";
import { main } from "../src/cli/main";
import * as KH from "../src/functions/functions";
import { sampleBook } from "../src/sample/generate";
import { writeBook } from "../src/sample/write";
import { book, many, unit, units, type Row } from "./helpers/book";
import { Capture } from "./helpers/streams";
import { installCustomFunctions } from "./helpers/custom-functions";

const jinan = resolveRuleset("jinan-2022");
const cs = resolveRuleset("civil-servant-2020");
const list = (input: WorkbookInput, rs: ResolvedRuleset = jinan, announced?: { y: number; m: number; d: number }) =>
  resultList(modelOf(input, rs), rs, { announced });
const person = (extra: Row): Row => ({ 单位: "甲局", 姓名: "张一", 是否正职: "否", 本年等次: "称职", ...extra });

describe("measures per grade (R01–R07)", () => {
  const input = {
    ...units(
      unit("甲局", "一般", [
        ["正职甲", "称职", true],
        ["乙", "基本称职"],
        ["丙", "不称职"],
        ["丁", "优秀"],
        ...many(6, "称职"),
      ]),
    ),
    year: 2025,
  };
  const items = list(input);
  const of = (name: string, rule: string) => items.filter((i) => i.person === name && i.rule === rule);

  it("gives a 基本称职 cadre the R03 measures, the bar on promotion running one year from the year's end", () => {
    const r03 = of("乙", "R03");
    expect(r03.map((i) => i.measure)).toEqual([
      "在本单位内通报批评并进行诫勉",
      "向组织部门作出书面检查",
      "一年内不得提拔、进一步使用或晋升职级",
      "不发放年度考核奖金",
      "调整分工，不得分管执法、人事、项目审批等工作",
      "由组织部门负责同志谈话",
    ]);
    expect(r03.find((i) => i.measure.startsWith("一年内"))!.until).toBe("2026-12-31");
    expect(r03.find((i) => i.measure.startsWith("由组织部门"))!.by).toBe("组织部门负责同志");
  });

  it("gives a 不称职 cadre R04 for two years and calls the unit's principal in", () => {
    expect(of("丙", "R04").find((i) => i.measure.startsWith("两年内"))!.until).toBe("2027-12-31");
    const call = of("正职甲", "R04");
    expect(call.map((i) => i.measure)).toEqual(["约谈所在单位正职（因丙不称职）"]);
    expect(call[0].talk).toBe(true);
  });

  it("gives 优秀 R01 and 称职 R02, with no end date", () => {
    expect(of("丁", "R01").length).toBe(5);
    expect(of("丁", "R01").every((i) => i.until === null)).toBe(true);
    expect(of("甲1", "R02").map((i) => i.measure)).toEqual(["发放年度考核奖金", "本年度计算为晋升职级的任职年限"]);
  });

  it("gives a team graded 一般 R06: the principal, every member, the team", () => {
    const r06 = items.filter((i) => i.rule === "R06");
    expect(r06.filter((i) => i.measure === "约谈领导班子正职").map((i) => i.person)).toEqual(["正职甲"]);
    expect(r06.filter((i) => i.measure === "班子成员一年内不得提拔").length).toBe(10);
    const team = r06.find((i) => i.measure === "对领导班子通报批评")!;
    expect(team.person).toBeUndefined();
    expect(`${team.sheet}!${team.cell}`).toBe("班子!A2");
  });

  it("gives teams graded 优秀 and 较差 R05 and R07", () => {
    const r05 = list(units(unit("乙局", "优秀", [["正", "优秀", true], ...many(3, "称职")])));
    expect(r05.filter((i) => i.rule === "R05").length).toBe(1 + 1 + 4 + 1);
    const r07 = list(units(unit("丙局", "较差", [["正", "基本称职", true], ...many(3, "称职")])));
    expect(r07.filter((i) => i.rule === "R07" && i.measure === "正职提出辞职或责令辞职").map((i) => i.person)).toEqual([
      "正",
    ]);
  });

  it("invents nothing for rules the ruleset turns off", () => {
    const items2 = list({ ...input }, cs);
    expect(items2.some((i) => ["R05", "R06", "R07"].includes(i.rule))).toBe(false);
    expect(list(input).some((i) => i.rule === "H04")).toBe(false);
    const none = rulesetFromJson({
      id: "bare",
      extends: "jinan-2022",
      rules: { R01: false, R02: false, R03: null, R04: false, R05: false, R06: false, R07: false, R08: false },
    });
    expect(Object.keys(none.rules).filter((k) => k.startsWith("R")).length).toBe(0);
    expect(list(input, none).filter((i) => i.rule.startsWith("R"))).toEqual([]);
  });

  it("lists the talks of R03, R04, R06, R07 in a section of their own", () => {
    expect(talks(items).map((i) => `${i.rule} ${i.by} → ${i.person}`)).toEqual([
      "R03 组织部门负责同志 → 乙",
      "R04 组织部门负责同志 → 正职甲",
      "R04 党委（党组）负责同志 → 丙",
      "R06 组织部门负责同志 → 正职甲",
    ]);
  });
});

describe("dates", () => {
  it("run from the announcement date when given, else from the end of the appraisal year", () => {
    const input = { ...book({ cadres: [person({ 本年等次: "基本称职" })] }), year: 2025 };
    const until = (announced?: { y: number; m: number; d: number }) =>
      list(input, cs, announced).find((i) => i.measure.startsWith("一年内"))!.until;
    expect(until()).toBe("2026-12-31");
    expect(until({ y: 2026, m: 2, d: 15 })).toBe("2027-02-15");
    expect(until({ y: 2024, m: 2, d: 29 })).toBe("2025-02-28");
    expect(
      list({ ...book({ cadres: [person({ 本年等次: "不称职" })] }), year: 2023 }, cs, { y: 2024, m: 2, d: 29 }).find(
        (i) => i.measure.startsWith("两年内"),
      )!.until,
    ).toBe("2026-02-28");
  });
  it("adds whole years, keeping 29 February only in leap years", () => {
    expect(addYears({ y: 2024, m: 2, d: 29 }, 4)).toEqual({ y: 2028, m: 2, d: 29 });
    expect(addYears({ y: 2099, m: 2, d: 28 }, 1)).toEqual({ y: 2100, m: 2, d: 28 });
    expect(addYears({ y: 2096, m: 2, d: 29 }, 4)).toEqual({ y: 2100, m: 2, d: 28 });
    expect(addYears({ y: 2025, m: 12, d: 31 }, 2)).toEqual({ y: 2027, m: 12, d: 31 });
  });
  it("are left open (null) when neither the announcement nor the year is known", () => {
    expect(
      list(book({ cadres: [person({ 本年等次: "基本称职" })] }), cs).find((i) => i.measure.startsWith("一年内"))!.until,
    ).toBeNull();
  });
});

describe("history (H01–H04)", () => {
  const h = (rs: ResolvedRuleset, grades: string[]) =>
    list(
      book({
        cadres: [
          person({
            本年等次: grades[0],
            "2024年度等次": grades[1],
            "2023年度等次": grades[2],
            "2022年度等次": grades[3],
          }),
        ],
      }),
      rs,
    )
      .filter((i) => i.rule.startsWith("H"))
      .map((i) => `${i.rule} ${i.measure}`);

  it("gives 记三等功, 组织调整或组织处理, 辞退 and salary steps", () => {
    expect(h(cs, ["优秀", "优秀", "优秀", "称职"])).toEqual(["H01 记三等功", "H04 晋升一个工资档次"]);
    expect(h(cs, ["基本称职", "基本称职", "称职", "称职"])).toEqual(["H02 组织调整或组织处理"]);
    expect(h(cs, ["不称职", "不称职", "称职", "称职"])).toEqual(["H03 予以辞退"]);
    expect(h(cs, ["称职", "基本称职", "称职", "不称职"])).toEqual(["H04 晋升一个工资档次"]);
  });

  it("lets 不定等次 break a run by default, or skips it where the ruleset says so", () => {
    expect(h(cs, ["优秀", "不定等次", "优秀", "优秀"])).toEqual([]); // three years 称职+: no step (odd)
    const skip = rulesetFromJson({ id: "skip", extends: "civil-servant-2020", params: { ungradedBreaksRun: false } });
    expect(h(skip, ["优秀", "不定等次", "优秀", "优秀"])).toEqual(["H01 记三等功"]);
  });
});

describe("R08 and KH.CONSEQUENCES", () => {
  it("R08: a high share of 基本称职/不称职 votes calls for a talk by the team's principal", () => {
    const rs = rulesetFromJson({ id: "with-r08", extends: "jinan-2022", rules: { R08: {} } });
    const items = list(
      units({
        team: { 单位: "甲局", 本年班子等次: "良好" },
        cadres: [
          person({ 姓名: "正", 是否正职: "是" }),
          person({ 姓名: "乙", 民主测评基本称职及不称职比例: "40%" }),
          person({ 姓名: "丙", 民主测评基本称职及不称职比例: 0.1 }),
        ],
      }),
      rs,
    );
    const r08 = items.filter((i) => i.rule === "R08");
    expect(r08.map((i) => [i.person, i.by, i.talk])).toEqual([["乙", "正（班子正职）", true]]);
  });

  it("KH.CONSEQUENCES names the same measures the list gives that person", () => {
    installCustomFunctions();
    const items = list(units(unit("甲局", "良好", [["正", "称职", true], ["乙", "基本称职"], ...many(3, "称职")])));
    const fromList = items.filter((i) => i.person === "乙" && i.rule === "R03").map((i) => i.measure);
    expect(KH.consequences("基本称职")).toBe(`R03：${fromList.join("；")}`);
  });
});

describe("kaohe results", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-results-"));
  const sample = path.join(dir, "sample.xlsx");
  beforeAll(() => writeBook(sample, sampleBook()));
  const run = async (...args: string[]) => {
    const out = new Capture();
    const err = new Capture();
    return { code: await main(args, out.stream, err.stream), out: out.text, err: err.text };
  };

  it("prints the list as JSON per cli.md", async () => {
    const r = await run("results", sample, "--json");
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out).files[0];
    expect(Object.keys(f)).toEqual(["file", "status", "measures"]);
    for (const m of f.measures) {
      expect(Object.keys(m).filter((k) => k !== "person")).toEqual(["rule", "unit", "measure", "by", "until"]);
      expect(m.rule).toMatch(/^[RH]0\d$/);
    }
    expect(f.measures).toContainEqual({
      rule: "R06",
      unit: "市教育局",
      person: expect.any(String),
      measure: "约谈领导班子正职",
      by: "组织部门负责同志",
      until: null,
    });
    expect(f.measures.find((m: { rule: string }) => m.rule === "H01")).toMatchObject({
      unit: "市农业农村局",
      measure: "记三等功",
      by: null,
      until: null,
    });
    expect(
      f.measures.find((m: { rule: string; measure: string }) => m.rule === "R03" && m.measure.startsWith("一年内"))
        .until,
    ).toBe("2026-12-31");
  });

  it("dates from --announced and writes the list and the talks to a workbook", async () => {
    const out = path.join(dir, "list.xlsx");
    const r = await run("results", sample, "--json", "--announced", "2026-03-01", "--out", out);
    const measures = JSON.parse(r.out).files[0].measures as { rule: string; measure: string; until: string | null }[];
    expect(measures.find((m) => m.rule === "R03" && m.measure.startsWith("一年内"))!.until).toBe("2027-03-01");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("结果运用清单")!.rowCount).toBe(measures.length + 1);
    expect((wb.getWorksheet("结果运用清单")!.getRow(1).values as unknown[]).slice(1)).toEqual([
      "规则",
      "措施",
      "单位",
      "姓名",
      "执行",
      "期限",
      "文件",
      "位置",
    ]);
    expect(String(wb.getWorksheet("结果运用清单")!.getCell("H2").value)).toMatch(/^(干部|班子)![A-Z]+\d+$/);
    expect(wb.getWorksheet("谈话安排")!.rowCount).toBeGreaterThan(5);
    expect((await run("results", sample, "--announced", "soon")).code).toBe(2);
  });

  it("prints text grouped by measure with a talks section", async () => {
    const r = await run("results", sample);
    expect(r.out).toContain("R03 一年内不得提拔、进一步使用或晋升职级（至 2026-12-31）");
    expect(r.out).toContain("谈话安排");
  });
});
