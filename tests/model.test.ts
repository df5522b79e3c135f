/** Reading real-world layouts: headers found by name wherever they are, blank and note rows skipped. */
import { buildModel, checkWorkbook, resolveRuleset, type SheetInput } from "../src/engine";
import { sheet } from "./helpers/book";

const rs = resolveRuleset("jinan-2022");
const teams = sheet("班子", [{ 单位: "甲局", 本年班子等次: "一般" }]);
const rows = [
  { 单位: "甲局", 姓名: "张一", 是否正职: "是", 本年等次: "优秀" },
  { 单位: "甲局", 姓名: "张二", 是否正职: "否", 本年等次: "称职" },
];

function l02Cells(cadres: SheetInput, t: SheetInput = teams): string[] {
  return checkWorkbook({ sheets: [t, cadres] }, rs)
    .findings.filter((f) => f.rule === "L02")
    .map((f) => `${f.sheet}!${f.cell}`);
}

describe("finding the header and the columns", () => {
  it("reads the standard layout", () => {
    expect(l02Cells(sheet("干部", rows))).toEqual(["干部!D2"]);
  });

  it("finds the header under title rows and a merged title", () => {
    const s = sheet("干部", rows, [["2025年度领导干部考核汇总表"], [null], ["填报单位：组织部"]]);
    s.merges = ["A1:D1"];
    expect(l02Cells(s)).toEqual(["干部!D5"]);
    expect(buildModel({ sheets: [teams, s] }, rs).year).toBe(2025);
  });

  it("finds moved columns and synonyms, in English too", () => {
    const moved = sheet(
      "名单",
      rows.map((r) => ({
        考核等次: r.本年等次,
        备注: "",
        Name: r.姓名,
        所在单位: r.单位,
        "班子正职 (Principal)": r.是否正职,
      })),
    );
    expect(l02Cells(moved)).toEqual(["名单!A2"]);
    const english = sheet(
      "Cadres",
      rows.map((r) => ({ Unit: r.单位, NAME: r.姓名, principal: r.是否正职 === "是" ? "Y" : "N", Grade: r.本年等次 })),
    );
    expect(l02Cells(english, sheet("Teams", [{ Unit: "甲局", "Team grade": "FAIR" }]))).toEqual(["Cadres!D2"]);
  });

  it("orders year-labelled history columns by year, whatever their order", () => {
    const s = sheet("干部", [
      {
        单位: "甲局",
        姓名: "张一",
        是否正职: "是",
        "2023年度等次": "称职",
        "2025年度等次": "优秀",
        "2024年度等次": "基本称职",
      },
    ]);
    const m = buildModel({ sheets: [teams, s] }, rs);
    expect(m.year).toBe(2025);
    expect(m.cadres[0].grade).toBe(0);
    expect(m.cadres[0].history).toEqual([2, 1]);
  });

  it("skips blank rows, note rows and repeated header rows", () => {
    const s = sheet("干部", rows);
    s.values.splice(
      2,
      0,
      [null, null, null, null],
      ["单位", "姓名", "是否正职", "本年等次"],
      ["", "注：以上人员按姓氏笔画排序", "", ""],
    );
    s.values.push(["合计", "", "", ""], ["说明：本表由组织部填报"]);
    const m = buildModel({ sheets: [teams, s] }, rs);
    expect(m.cadres.map((p) => p.name)).toEqual(["张一", "张二"]);
  });

  it("carries a unit merged down its cadres' rows to each of them", () => {
    const s = sheet("干部", [...rows, { 单位: null, 姓名: "张三", 是否正职: "否", 本年等次: "称职" }]);
    s.merges = ["A2:A4"];
    const m = buildModel({ sheets: [teams, s] }, rs);
    expect(m.cadres.map((p) => p.unit)).toEqual(["甲局", "甲局", "甲局"]);
    expect(m.unitByKey.get("甲局")!.cadres).toHaveLength(3);
  });

  it("matches units across sheets after trimming and width folding", () => {
    const t = sheet("班子", [{ 单位: " 甲局（机关）", 本年班子等次: "一般" }]);
    const s = sheet(
      "干部",
      rows.map((r) => ({ ...r, 单位: "甲局(机关) " })),
    );
    expect(l02Cells(s, t)).toEqual(["干部!D2"]);
  });

  it("reads the team grade from the cadre sheet when there is no teams sheet", () => {
    const s = sheet(
      "干部",
      rows.map((r) => ({ ...r, 班子等次: "一般" })),
    );
    const f = checkWorkbook({ sheets: [s] }, rs).findings;
    expect(f.filter((x) => x.rule === "L02").map((x) => x.cell)).toEqual(["D2"]);
    expect(f.filter((x) => x.rule === "D02")).toEqual([]);
  });

  it("says which column is missing instead of guessing (renamed beyond recognition)", () => {
    const s = sheet(
      "干部",
      rows.map(({ 是否正职, ...r }) => ({ ...r, 领导: 是否正职 })),
    );
    const d02 = checkWorkbook({ sheets: [teams, s] }, rs).findings.filter((f) => f.rule === "D02");
    expect(d02).toHaveLength(1);
    expect(d02[0].message).toContain("是否正职");
    expect(d02[0].message).toContain("L02");
  });

  it("reports a workbook with no appraisal sheet as unusable, without throwing", () => {
    const r = checkWorkbook({ sheets: [sheet("Sheet1", [{ 项目: "经费", 金额: 100 }])] }, rs);
    expect(r.problem?.zh).toContain("没有找到考核表");
    expect(r.findings).toEqual([]);
    expect(checkWorkbook({ sheets: [] }, rs).problem).toBeDefined();
  });

  it("reports the teams table missing as D02 for team-linked rules", () => {
    const f = checkWorkbook({ sheets: [sheet("干部", rows)] }, rs).findings;
    expect(
      f
        .filter((x) => x.rule === "D02")
        .map((x) => x.message)
        .join(),
    ).toContain("班子等次");
  });

  it("never reads the add-in's own sheets as data", () => {
    const report = sheet("校验报告", rows);
    const m = buildModel({ sheets: [report, teams] }, rs);
    expect(m.cadreSheet).toBeNull();
  });

  it("says an Excel error value is one (D09), never reads it as a grade or as blank", () => {
    const s = sheet("干部", [{ ...rows[0], 本年等次: "#N/A" }, rows[1]]);
    const found = checkWorkbook({ sheets: [teams, s] }, rs).findings;
    const d09 = found.filter((f) => f.rule === "D09");
    expect(d09.map((f) => f.cell)).toEqual(["D2"]);
    expect(d09[0].message).toContain("#N/A");
    expect(found.filter((f) => f.rule === "D01" || f.rule === "D07")).toEqual([]);
  });

  it("counts a person whose 姓名 is #NAME?, and takes an uncalculated team grade as unknown, not blank", () => {
    const people = Array.from({ length: 10 }, (_, i) => ({
      单位: "甲局",
      姓名: i === 0 ? "#NAME?" : `人${i}`,
      是否正职: i === 1 ? "是" : "否",
      本年等次: i < 4 ? "优秀" : "称职",
    }));
    const cadres = sheet("干部", people);
    const known = checkWorkbook({ sheets: [sheet("班子", [{ 单位: "甲局", 本年班子等次: "一般" }]), cadres] }, rs);
    expect(known.summary.rows).toBe(11); // the #NAME? row is a cadre
    expect(known.findings.find((f) => f.rule === "Q01")!.message).toContain("参评 10 人");
    expect(known.findings.filter((f) => f.rule === "D09").map((f) => f.cell)).toEqual(["B2"]);
    const t = sheet("班子", [{ 单位: "甲局", 本年班子等次: null }]);
    t.formulas = [[], [null, "=汇总!B7"]];
    const unknown = checkWorkbook({ sheets: [t, cadres] }, rs).findings;
    expect(
      unknown
        .filter((f) => f.unit === "甲局")
        .map((f) => f.rule)
        .sort(),
    ).toEqual(["D09", "D09"]);
    expect(unknown.find((f) => f.cell === "B2" && f.sheet === "班子")!.message).toContain("=汇总!B7");
  });

  it("reads a huge sheet (60,000 rows) in one pass", () => {
    const big = sheet(
      "干部",
      Array.from({ length: 60000 }, (_, i) => ({
        单位: `单位${i % 600}`,
        姓名: `人${i}`,
        是否正职: i % 100 === 0 ? "是" : "否",
        本年等次: "称职",
      })),
    );
    const t = sheet(
      "班子",
      Array.from({ length: 600 }, (_, i) => ({ 单位: `单位${i}`, 本年班子等次: "良好" })),
    );
    const r = checkWorkbook({ sheets: [t, big] }, rs);
    expect(r.summary.rows).toBe(60600);
    expect(r.summary.errors).toBe(0);
  });
});
