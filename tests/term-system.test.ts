/**
 * The term system (source 004): teams classed 一类–四类, cadres 优秀/称职/基本称职/不称职, and the source's
 * own consequences — praise and reward, talks, organizational adjustment, not appointed again.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook, modelOf, readRulesSheet, resolveRuleset, resultList, rulesSheetRows } from "../src/engine";
import { consequences, teamCap } from "../src/functions/functions";
import { buildTemplate } from "../src/template/spec";
import { book } from "./helpers/book";
import { fill, FIRST } from "./helpers/template-fill";
import { runKaohe } from "./helpers/streams";

const rs = resolveRuleset("term-system-2022");
const cadre = (unit: string, name: string, grade: string, extra: Record<string, unknown> = {}) => ({
  单位: unit,
  姓名: name,
  是否正职: "否",
  本年等次: grade,
  ...extra,
});
const input = book({
  teams: [
    { 单位: "一局", 本年班子等次: "一类" },
    { 单位: "三局", 本年班子等次: "三类" },
    { 单位: "四局", 本年班子等次: "四类" },
  ],
  cadres: [
    cadre("一局", "甲", "优秀", { 是否正职: "是" }),
    cadre("三局", "乙", "基本称职", { 是否正职: "是", 上年等次: "基本称职" }),
    cadre("三局", "丙", "基本称职"),
    cadre("四局", "丁", "不称职", { 是否正职: "是" }),
  ],
  year: 2025,
});

describe("term-system-2022", () => {
  it("reads 一类–四类 as team grades, and refuses 优秀 as one (D01 naming the classes)", () => {
    expect(checkWorkbook(input, rs).findings.filter((f) => f.rule === "D01")).toEqual([]);
    const wrong = book({
      teams: [{ 单位: "一局", 本年班子等次: "优秀" }],
      cadres: [cadre("一局", "甲", "称职", { 是否正职: "是" })],
    });
    const d01 = checkWorkbook(wrong, rs).findings.filter((f) => f.rule === "D01");
    expect(d01.map((f) => f.cell)).toEqual(["B2"]);
    expect(d01[0].message).toContain("一类、二类、三类、四类");
  });

  it("lists the source's measures: 一类 praised and rewarded, 三类 talks by the city's leaders, 四类 adjusted, cadres by grade", () => {
    const items = resultList(modelOf(input, rs), rs);
    const of = (rule: string) =>
      items.filter((i) => i.rule === rule).map((i) => [i.unit, i.person ?? "", i.measure, i.by ?? ""]);
    expect(of("R09").map((x) => x[2])).toEqual(["予以通报表扬", "实行物质奖励"]);
    expect(of("R10").every(([u, , , by]) => u === "三局" && by === "市委主要领导")).toBe(true);
    expect(
      of("R10")
        .map((x) => x[1])
        .sort(),
    ).toEqual(["丙", "乙"]);
    expect(of("R11")).toEqual([["四局", "", "及时进行组织调整", ""]]);
    expect(of("R12").map((x) => x[1])).toEqual(["甲"]);
    expect(
      of("R13")
        .map((x) => x[1])
        .sort(),
    ).toEqual(["丙", "乙"]);
    expect(of("R14").map((x) => x[1])).toEqual(["丁"]);
    // Two years 基本称职, as the one year 不称职: not appointed again.
    expect(of("H06").map((x) => [x[1], x[2]])).toEqual([
      ["乙", "不再任用，视情况改任非领导职务、降职使用，或待岗、培训"],
    ]);
    expect(items.some((i) => ["R01", "R03", "R05", "R06", "R07", "H02"].includes(i.rule))).toBe(false);
  });

  it("carries its team scale on the 规则 sheet: the round trip keeps the fingerprint", () => {
    const carried = readRulesSheet({ name: "规则", values: rulesSheetRows(rs, 2025) })!;
    expect(carried.teamScale).toBe("termClass");
    expect(carried.computed).toBe(rs.fingerprint);
    expect(resolveRuleset("jinan-2022").fingerprint).not.toBe(rs.fingerprint);
  });

  it("makes a template whose 班子 dropdown offers the classes, and a filled copy checks under it", async () => {
    const t = buildTemplate(rs, { year: 2025 });
    expect(t.lists.teamGrade).toEqual(["一类", "二类", "三类", "四类"]);
    const dir = mkdtempSync(path.join(tmpdir(), "kaohe-term-"));
    const blank = path.join(dir, "term.xlsx");
    expect((await runKaohe("template", "--ruleset", "term-system-2022", "--out", blank, "--year", "2025")).code).toBe(
      0,
    );
    const filled = path.join(dir, "filled.xlsx");
    await fill(blank, filled, (wb) => {
      const t = wb.getWorksheet("班子")!;
      t.getCell(`D${FIRST}`).value = "三类";
      t.getCell(`D${FIRST + 1}`).value = "一类";
      t.getCell(`E${FIRST}`).value = "二类"; // last year's class
      t.getCell(`E${FIRST + 1}`).value = "二类";
    });
    const r = await runKaohe("check", filled, "--json");
    const f = JSON.parse(r.out).files[0];
    expect(f.ruleset.id).toBe("term-system-2022");
    expect(f.findings.filter((x: { rule: string }) => x.rule === "D01" || x.rule.startsWith("A"))).toEqual([]);
    const res = JSON.parse((await runKaohe("results", filled, "--json")).out).files[0].measures as {
      rule: string;
      unit: string;
    }[];
    expect(res.some((m) => m.rule === "R10" && m.unit === "甲局")).toBe(true);
    expect(res.some((m) => m.rule === "R09" && m.unit === "乙局")).toBe(true);
  });

  it("KH functions take the classes where the ruleset says so", () => {
    expect(teamCap("一类", "term-system-2022")).toBe(0.3);
    expect(consequences("基本称职", undefined, "term-system-2022")).toContain("R13");
  });
});
