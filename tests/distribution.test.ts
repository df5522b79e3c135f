/** 分布: each unit's 优秀 against the quota its rule gives, counted by hand. */
import { checkWorkbook, distribution, resolveRuleset } from "../src/engine";
import { many, unit, units } from "./helpers/book";

describe("distribution", () => {
  const rs = resolveRuleset("jinan-2022");

  it("gives a unit graded 一般 10% of its participants, and says how far over it is", () => {
    // 甲局: team 一般, 10 cadres of whom 3 优秀 → quota 1 (10% of 10), 2 over. 乙局: 良好, 5 cadres, 1 优秀.
    const input = units(
      unit("甲局", "一般", [...many(3, "优秀"), ...many(7, "称职", "丙")]),
      unit("乙局", "良好", [...many(1, "优秀", "乙"), ...many(3, "称职", "丁"), ["戊", "不称职"]]),
    );
    const d = distribution(checkWorkbook(input, rs).model, rs);
    const jia = d.units.find((u) => u.unit === "甲局")!;
    expect([jia.n, jia.excellent, jia.quota, jia.over]).toEqual([10, 3, 1, 2]);
    expect(jia.grades).toEqual([3, 7, 0, 0, 0]);
    const yi = d.units.find((u) => u.unit === "乙局")!;
    expect([yi.excellent, yi.over]).toEqual([1, 0]);
    expect(yi.grades).toEqual([1, 3, 0, 1, 0]);
    expect([d.body.n, d.body.excellent]).toEqual([15, 4]);
  });

  it("has no per-unit quota where the ruleset has none, and the body-wide one where it has (civil servants)", () => {
    const cs = resolveRuleset("civil-servant-2020");
    const input = units(unit("甲局", "一般", [...many(5, "优秀"), ...many(15, "称职", "丙")]));
    const d = distribution(checkWorkbook(input, cs).model, cs);
    expect(d.units[0].quota).toBeNull();
    expect(d.units[0].over).toBe(0);
    expect([d.body.n, d.body.excellent, d.body.quota, d.body.max]).toEqual([20, 5, 4, 5]); // 20% and 25% of 20
  });
});

describe("the picture agrees with the rules", () => {
  it("a unit is over its quota exactly when a unit-quota rule says so, under every ruleset with one", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    const { bookInput, largeBook } = require("../src/sample/generate") as typeof import("../src/sample/generate");
    const ids = ["jinan-2022", "public-institution-2023", "taixing-2014", "civil-servant-2020+zhejiang-township-2018"];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(...ids), (seed, id) => {
        const r = resolveRuleset(id);
        const result = checkWorkbook(bookInput(largeBook(6, 12, seed, 0.2)), r);
        const d = distribution(result.model, r);
        for (const u of d.units) {
          const quotaFindings = result.findings.filter(
            (f) => ["Q01", "Q03", "Q04", "Q05"].includes(f.rule) && f.unit === u.unit,
          );
          // Over ⇒ a finding (error, or Q04's warning); a quota error ⇒ over. (A warning alone may be the
          // "at least 1" minimum case, which is within the quota.)
          if (u.over > 0) expect(quotaFindings.length).toBeGreaterThan(0);
          if (quotaFindings.some((f) => f.severity === "error")) expect(u.over).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
