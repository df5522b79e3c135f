/**
 * History from the record (issue 21, item 3; rules.md §12, H07): three past years' consolidated workbooks and
 * this year's, built as the hidden cases are — sheets of rows keyed by header. Blank history takes the record's
 * grades (H01, H05 then fire from the record alone), a typed grade the record contradicts is H07 at its cell,
 * a person the record lacks is said once, people are matched by 身份证号 else unit and name, and findings
 * still never depend on the order of rows.
 */
import fc from "fast-check";
import {
  checkWorkbook,
  modelOf,
  pastRecord,
  resolveRuleset,
  type Finding,
  type PastRecord,
  type WorkbookInput,
} from "../src/engine";
import { book, type Row } from "./helpers/book";
import { blankHistory, currentBook, PAST, yearBook } from "./helpers/history-books";

const rs = resolveRuleset("jinan-2022");
const team = (unit: string, grade = "良好"): Row => ({ 单位: unit, 本年班子等次: grade });
const cadre = (unit: string, name: string, grade: string, extra: Row = {}): Row => ({
  单位: unit,
  姓名: name,
  是否正职: name.endsWith("一") ? "是" : "否",
  本年等次: grade,
  ...extra,
});
const year = yearBook;

const record = (...books: WorkbookInput[]): PastRecord =>
  pastRecord(books.map((input, i) => ({ file: `${2022 + i}年度汇总.xlsx`, model: modelOf(input, rs) })));

const RECORD = record(...PAST.map(([, b]) => b));
const current = currentBook;
const blankColumns = blankHistory;

const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe("history from the record", () => {
  it("fills blank history columns: H01 and H05 fire from the record alone", () => {
    const without = checkWorkbook(current(blankColumns), rs).findings;
    expect(of(without, "H01")).toEqual([]);
    expect(of(without, "H05")).toEqual([]);
    const r = checkWorkbook(current(blankColumns), rs, { record: RECORD });
    expect(of(r.findings, "H01").map((f) => [f.person, f.cell])).toEqual([["张一", "D3"]]);
    expect(of(r.findings, "H05").map((f) => [f.person, f.cell, f.severity])).toEqual([["张二", "G4", "error"]]);
    expect(of(r.findings, "H07")).toEqual([]);
    expect(r.model.record).toMatchObject({ filled: 30, contradicted: 0, absent: 0 });
  });

  it("gives the history a workbook has no column for", () => {
    const r = checkWorkbook(
      current(() => ({})),
      rs,
      { record: RECORD },
    );
    expect(of(r.findings, "H01").map((f) => f.person)).toEqual(["张一"]);
    expect(of(r.findings, "H05").map((f) => f.person)).toEqual(["张二"]);
    expect(r.model.cadres[0].history).toEqual([0, 0, 1]); // 2024 优秀, 2023 优秀, 2022 称职
  });

  it("a typed 2024 grade the record contradicts is an error at that cell naming both cells; the record decides", () => {
    const r = checkWorkbook(
      current((n) => ({ "2024年度等次": n === "张一" ? "称职" : n === "张三" ? "称职" : "" })),
      rs,
      { record: RECORD },
    );
    const h07 = of(r.findings, "H07");
    expect(h07.map((f) => [f.sheet, f.cell, f.severity, f.person])).toEqual([["干部", "E3", "error", "张一"]]);
    expect(h07[0].message).toBe(
      "2024 年度等次填为「称职」，与往年结果「2024年度汇总.xlsx」干部!D3的「优秀」不符：以往年结果为准",
    );
    expect(h07[0].messageEn).toContain('the record "2024年度汇总.xlsx" 干部!D3 says EXCELLENT');
    expect(h07[0].source).toContain("以市委组织部文件通报");
    expect(of(r.findings, "H01").map((f) => f.person)).toEqual(["张一"]);
  });

  it("says once a person the record does not hold, and never guesses by name across units", () => {
    const input = year(2025, {}, () => ({ "2024年度等次": "" }));
    const cadres = input.sheets[1];
    cadres.values.push(["甲局", "王新", "否", "称职", ""]); // new this year
    cadres.values.push(["甲局", "李二", "否", "称职", ""]); // 李二 of 乙局 has a namesake in 甲局 now
    const r = checkWorkbook(input, rs, { record: RECORD });
    const info = of(r.findings, "H07").map((f) => [f.person, f.cell, f.severity, f.message]);
    expect(info).toEqual([
      ["李二", "B9", "info", "往年结果中同名者在多个单位（乙局、甲局），未按姓名对应：历年等次未与往年结果核对"],
      ["王新", "B13", "info", "往年结果中没有此人（按身份证号、单位和姓名均未找到）：历年等次未与往年结果核对"],
      ["李二", "B14", "info", expect.stringContaining("同名者在多个单位")],
    ]);
  });

  it("matches by 身份证号 where both sides have one: a renamed person is found, a namesake with another ID is not", () => {
    const past = book({
      year: 2024,
      teams: [team("甲局")],
      cadres: [
        cadre("甲局", "张一", "优秀", { 身份证号: "110101198001010011" }),
        cadre("甲局", "张二", "不称职", { 身份证号: "110101198001010022" }),
      ],
    });
    const now = book({
      year: 2025,
      teams: [team("甲局")],
      cadres: [
        cadre("甲局", "张壹", "称职", { 身份证号: "110101198001010011", 上年等次: "称职" }), // renamed
        cadre("甲局", "张二", "称职", { 身份证号: "110101198001010099", 上年等次: "" }), // another 张二
      ],
    });
    const r = checkWorkbook(now, rs, { record: record(past) });
    expect(of(r.findings, "H07").map((f) => [f.person, f.severity, f.cell])).toEqual([
      ["张壹", "error", "F2"],
      ["张二", "info", "B3"],
    ]);
  });

  it("a record of this year or later is not used, and a workbook without a year is said so", () => {
    const r = checkWorkbook(current(blankColumns), rs, { record: record(year(2025, {})) });
    expect(of(r.findings, "H07").map((f) => f.message)).toEqual([expect.stringContaining("不早于本次考核年度 2025")]);
    const noYear = book({ teams: [team("甲局")], cadres: [cadre("甲局", "张一", "称职")] });
    const n = checkWorkbook(noYear, rs, { record: RECORD });
    expect(of(n.findings, "H07").map((f) => f.message)).toEqual([
      expect.stringContaining("无法确定本工作簿的考核年度"),
    ]);
  });

  it("findings never depend on the order of rows, the record's included", () => {
    const G = ["优秀", "称职", "基本称职", "不称职", "", "不定等次"];
    const personArb = fc.record({
      unit: fc.integer({ min: 0, max: 2 }),
      name: fc.integer({ min: 0, max: 8 }),
      id: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      grades: fc.array(fc.constantFrom(...G), { minLength: 4, maxLength: 4 }),
      typed: fc.constantFrom("", "优秀", "称职", "基本称职"),
      promote: fc.constantFrom("是", "否"),
    });
    type P = { unit: number; name: number; id?: number; grades: string[]; typed: string; promote: string };
    const toBook = (y: number, ps: P[], k: number) =>
      book({
        year: y,
        teams: ["甲局", "乙局", "丙局"].map((u) => team(u)),
        cadres: ps.map((p) =>
          cadre(`${"甲乙丙"[p.unit]}局`, `人${p.name}`, p.grades[k], {
            身份证号: p.id === undefined ? "" : `ID${p.id}`,
            ...(k === 3 ? { "2024年度等次": p.typed, 拟提拔: p.promote } : {}),
          }),
        ),
      });
    // Where a row is (here or in the record) moves with the rows; what is said of it must not.
    const essence = (f: Finding) =>
      [
        f.rule,
        f.severity,
        f.unit,
        f.person,
        f.message.replace(/第 \d+ 行/g, "第 n 行").replace(/![A-Z]+\d+/g, "!cell"),
      ].join("|");
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 20 }), fc.integer(), (ps, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }), {
          seed,
          numRuns: 1,
        })[0];
        const run = (order: typeof ps) => {
          const rec = record(toBook(2022, order, 0), toBook(2023, order, 1), toBook(2024, order, 2));
          // D04 names the later of two rows by design: which one that is moves with the rows.
          return checkWorkbook(toBook(2025, order, 3), rs, { record: rec })
            .findings.filter((f) => f.rule !== "D04")
            .map(essence)
            .sort();
        };
        expect(run(shuffled)).toEqual(run(ps));
      }),
      { numRuns: 80 },
    );
  });
});
