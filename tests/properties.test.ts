/** Property-style invariants of the engine, over generated workbooks. */
import fc from "fast-check";
import {
  BUILTIN,
  buildModel,
  checkWorkbook,
  resolveRuleset,
  resultList,
  type Finding,
  type SheetInput,
} from "../src/engine";

const TEAM_GRADES = ["优秀", "良好", "一般", "较差", "", "优良"];
const CADRE_GRADES = ["优秀", "称职", "基本称职", "不称职", "不定等次", "", "优良", "excellent"];

const bookArb = fc.record({
  units: fc.array(fc.record({ grade: fc.constantFrom(...TEAM_GRADES), prev: fc.constantFrom(...TEAM_GRADES) }), {
    minLength: 1,
    maxLength: 6,
  }),
  cadres: fc.array(
    fc.record({
      unit: fc.integer({ min: 0, max: 6 }),
      name: fc.integer({ min: 0, max: 40 }),
      principal: fc.constantFrom("是", "否", "", "Y"),
      grade: fc.constantFrom(...CADRE_GRADES),
      prev1: fc.constantFrom(...CADRE_GRADES),
      prev2: fc.constantFrom(...CADRE_GRADES),
      score: fc.oneof(fc.integer({ min: 50, max: 105 }), fc.constant("九十")),
      promote: fc.constantFrom("是", "否", ""),
      sanction: fc.constantFrom("", "警告", "记大过", "诫勉、降级", "开除党籍", "罚款"),
    }),
    { minLength: 1, maxLength: 60 },
  ),
});

type Book = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

function toSheets(b: Book, order: number[]): SheetInput[] {
  const teams: unknown[][] = [
    ["单位", "本年班子等次", "上年班子等次"],
    ...b.units.map((u, i) => [`单位${i}`, u.grade, u.prev]),
  ];
  const head = [
    "单位",
    "姓名",
    "是否正职",
    "本年等次",
    "上年等次",
    "前年等次",
    "平时考核得分",
    "拟提拔",
    "处分或处理",
    "政治素质",
  ];
  const rows = order
    .map((i) => b.cadres[i])
    .map((c) => [
      `单位${c.unit}`,
      `人${c.name}`,
      c.principal,
      c.grade,
      c.prev1,
      c.prev2,
      c.score,
      c.promote,
      c.sanction,
      "好",
    ]);
  return [
    { name: "班子", values: teams },
    { name: "干部", values: [head, ...rows] },
  ];
}

/** A finding without where it is: what must not change when rows move. */
function essence(f: Finding): string {
  return [f.rule, f.severity, f.unit ?? "", f.person ?? "", f.message.replace(/第 \d+ 行/g, "第 n 行")].join("|");
}

describe("engine invariants", () => {
  const rulesets = [
    "jinan-2022",
    "civil-servant-2020+gansu-2024",
    "public-institution-2023",
    "civil-servant-2020+zhejiang-township-2018",
    "taixing-2014",
  ].map(resolveRuleset);

  it("findings never depend on row order", () => {
    fc.assert(
      fc.property(bookArb, fc.integer(), fc.constantFrom(...rulesets), (b, seed, rs) => {
        const order = b.cadres.map((_, i) => i);
        const shuffled = fc.sample(fc.shuffledSubarray(order, { minLength: order.length, maxLength: order.length }), {
          seed,
          numRuns: 1,
        })[0];
        const a = checkWorkbook({ sheets: toSheets(b, order) }, rs)
          .findings.map(essence)
          .sort();
        const c = checkWorkbook({ sheets: toSheets(b, shuffled) }, rs)
          .findings.map(essence)
          .sort();
        expect(c).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("findings and result-use measures never depend on row order, units listed twice with other grades included", () => {
    // Some units appear twice on 班子, with the same or another grade: neither row may win by its place.
    const twiceArb = fc.array(
      fc.record({ unit: fc.integer({ min: 0, max: 5 }), grade: fc.constantFrom(...TEAM_GRADES) }),
      { maxLength: 4 },
    );
    const measures = (sheets: SheetInput[], rs: ReturnType<typeof resolveRuleset>) =>
      resultList(buildModel({ sheets }, rs), rs)
        .map((m) => [m.rule, m.unit, m.person ?? "", m.measure, m.until ?? ""].join("|"))
        .sort();
    fc.assert(
      fc.property(bookArb, twiceArb, fc.integer(), fc.constantFrom(...rulesets), (b, twice, seed, rs) => {
        const base = toSheets(
          b,
          b.cadres.map((_, i) => i),
        );
        const teamRows = [
          ...base[0].values.slice(1),
          ...twice.filter((t) => t.unit < b.units.length).map((t) => [`单位${t.unit}`, t.grade, b.units[t.unit].prev]),
        ];
        const shuffle = <T>(xs: T[], k: number) =>
          fc.sample(fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }), {
            seed: seed + k,
            numRuns: 1,
          })[0];
        const one: SheetInput[] = [{ name: "班子", values: [base[0].values[0], ...teamRows] }, base[1]];
        const other: SheetInput[] = [
          { name: "班子", values: [base[0].values[0], ...shuffle(teamRows, 1)] },
          { name: "干部", values: [base[1].values[0], ...shuffle(base[1].values.slice(1), 2)] },
        ];
        const a = checkWorkbook({ sheets: one }, rs).findings.map(essence).sort();
        const c = checkWorkbook({ sheets: other }, rs).findings.map(essence).sort();
        expect(c).toEqual(a);
        expect(measures(other, rs)).toEqual(measures(one, rs));
      }),
      { numRuns: 200 },
    );
  });

  it("a unit listed twice with different team grades is one D08 naming both rows, and no team rule decides on it", () => {
    const teams: SheetInput = {
      name: "班子",
      values: [
        ["单位", "本年班子等次"],
        ["甲局", "一般"],
        ["乙局", "良好"],
        ["甲局", "优秀"],
      ],
    };
    const cadres: SheetInput = {
      name: "干部",
      values: [
        ["单位", "姓名", "是否正职", "本年等次"],
        ["甲局", "张一", "是", "优秀"],
        ["甲局", "张二", "否", "优秀"],
      ],
    };
    const rs = rulesets[0];
    const found = checkWorkbook({ sheets: [teams, cadres] }, rs).findings.filter((f) => f.unit === "甲局");
    expect(found.map((f) => f.rule)).toEqual(["D08"]);
    expect(found[0].message).toContain("列了 2 行");
    expect(found[0].message).toContain("「优秀」（第 4 行）、「一般」（第 2 行）");
    expect(
      resultList(buildModel({ sheets: [teams, cadres] }, rs), rs).filter((m) => m.unit === "甲局" && !m.person),
    ).toEqual([]);
  });

  it("findings come out in the same order for the same input", () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const order = b.cadres.map((_, i) => i);
        const rs = rulesets[0];
        expect(checkWorkbook({ sheets: toSheets(b, order) }, rs).findings).toEqual(
          checkWorkbook({ sheets: toSheets(b, order) }, rs).findings,
        );
      }),
      { numRuns: 50 },
    );
  });

  const cell = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(
      "单位",
      "姓名",
      "本年等次",
      "是否正职",
      "班子等次",
      "本年班子等次",
      "2024年度等次",
      "上年等次",
      "处分或处理",
      "任职时间",
      "任期届满时间",
      "任期届次",
      "综合得分",
      "平时考核得分",
      "年终考核得分",
      "优秀",
      "称职",
      "一般",
      "是",
      "#N/A",
      "#REF!",
      "2021-13-45",
      "第三任",
    ),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
  );
  const sheetArb = fc.record({
    name: fc.constantFrom("班子", "干部", "Sheet1", "规则", "名单"),
    values: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 }),
    merges: fc.option(fc.array(fc.constantFrom("A1:D1", "A2:A9", "B3:C3", "ZZ1:A1", "bad", "A5"), { maxLength: 3 }), {
      nil: undefined,
    }),
  });

  it("never throws on random matrices of strings, numbers, blanks and errors", () => {
    const all = BUILTIN.map((b) => resolveRuleset(b.id));
    fc.assert(
      fc.property(
        fc.array(sheetArb, { maxLength: 4 }),
        fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }),
        (sheets, year) => {
          for (const rs of all) {
            const r = checkWorkbook({ sheets, year }, rs);
            expect(Array.isArray(r.findings)).toBe(true);
            for (const f of r.findings) expect(["error", "warning", "info"]).toContain(f.severity);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
