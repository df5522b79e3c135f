/** The KH functions called as Excel calls them. */
import fc from "fast-check";
import { resolveRuleset, toSerial } from "../src/engine";
import * as KH from "../src/functions/functions";
import { rulesetInForceId, setRulesetInForce } from "../src/functions/ruleset-in-force";
import { CfError, installCustomFunctions, valueErrorOf } from "./helpers/custom-functions";

const serial = (y: number, m: number, d: number) => toSerial({ y, m, d });

beforeAll(installCustomFunctions);
afterEach(() => setRulesetInForce("jinan-2022"));

describe("KH.TEAMCAP", () => {
  it("gives the Q01 share of the ruleset for grades as people type them", () => {
    expect(KH.teamCap("一般")).toBe(0.1);
    expect(KH.teamCap(" 优秀等次 ")).toBe(0.3);
    expect(KH.teamCap("ＧＯＯＤ", null as unknown as string)).toBe(0.2);
    expect(KH.teamCap("较差", "jinan-2022")).toBe(0);
    expect(KH.teamCap([["一般"]])).toBe(0.1);
  });
  it("answers bad arguments with #VALUE! naming the problem in Chinese", () => {
    expect(valueErrorOf(() => KH.teamCap(5))).toContain("「5」");
    expect(valueErrorOf(() => KH.teamCap(null))).toBe("缺少班子等次");
    expect(valueErrorOf(() => KH.teamCap(""))).toBe("缺少班子等次");
    expect(valueErrorOf(() => KH.teamCap("称职"))).toContain("不是可识别的班子等次");
    expect(valueErrorOf(() => KH.teamCap("一般", "atlantis-2099"))).toContain("未知的规则集");
    expect(valueErrorOf(() => KH.teamCap(new CfError("#N/A")))).toContain("班子等次");
    expect(valueErrorOf(() => KH.teamCap("#REF!"))).toContain("#REF!");
  });
});

describe("KH.EXCELLENTQUOTA", () => {
  it("computes the quota exactly: 10 × 30% is 3", () => {
    expect(KH.excellentQuota([["优秀"]], [[10]])).toEqual([[3]]);
    expect(KH.excellentQuota([["一般"]], [[25]])).toEqual([[2]]);
  });
  it("returns a column for a column of team grades, blanks staying blank", () => {
    expect(KH.excellentQuota([["优秀"], ["一般"], [null], ["较差"], [""]], [[10]])).toEqual([
      [3],
      [1],
      [""],
      [0],
      [""],
    ]);
    expect(KH.excellentQuota([["优秀"], ["良好"]], [[10], [7]])).toEqual([[3], [1]]);
  });
  it("puts #VALUE! in the one cell that is wrong, and refuses mismatched shapes", () => {
    const out = KH.excellentQuota([["优秀"], ["优良"], ["一般"]], [[10]]);
    expect(out[0][0]).toBe(3);
    expect(out[1][0]).toBeInstanceOf(CfError);
    expect((out[1][0] as CfError).message).toContain("优良");
    expect(out[2][0]).toBe(1);
    expect(KH.excellentQuota([["优秀"]], [["十"]])[0][0]).toBeInstanceOf(CfError);
    expect(valueErrorOf(() => KH.excellentQuota([["优秀"], ["一般"]], [[10, 20]]))).toContain("同样大小");
  });
});

describe("KH.GRADE", () => {
  it("gives the canonical grade of any scale", () => {
    expect(KH.grade(" excellent ")).toBe("优秀");
    expect(KH.grade("称职等次")).toBe("称职");
    expect(KH.grade("良好")).toBe("良好");
    expect(KH.grade("较好")).toBe("较好");
    expect(KH.grade("只写评语不定等次")).toBe("不定等次");
  });
  it("refuses what it does not know, quoting it (D01)", () => {
    expect(valueErrorOf(() => KH.grade("优良"))).toBe("「优良」不是可识别的等次（D01）");
    expect(valueErrorOf(() => KH.grade(90))).toContain("90");
    expect(valueErrorOf(() => KH.grade("合格"))).toContain("合格");
  });
  it("follows the ruleset in force in the workbook", () => {
    setRulesetInForce("public-institution-2023");
    expect(rulesetInForceId()).toBe("public-institution-2023");
    expect(KH.grade("基本合格")).toBe("基本合格");
    expect(valueErrorOf(() => KH.grade("基本合格", "jinan-2022"))).toContain("基本合格");
  });
});

describe("KH.CHECK", () => {
  it("is empty for a row that keeps the rules", () => {
    expect(KH.check("一般", "称职", "是")).toBe("");
    expect(KH.check("优秀", "优秀", "是")).toBe("");
    expect(KH.check("良好", null, "否")).toBe("");
  });
  it("names the first rule broken with its message", () => {
    expect(KH.check("一般", "优秀", "是")).toBe("L02 班子为一般等次的，正职不得确定为优秀");
    expect(KH.check("较差", "称职", true)).toMatch(/^L03 /);
    expect(KH.check("较差", "优秀", "否")).toMatch(/^L04 /);
    expect(KH.check("优秀", "称职", "Y")).toMatch(/^L01 /);
    expect(KH.check("良好", "优良", "否")).toMatch(/^D01 .*优良/);
    expect(KH.check("良好", "优秀", "否", "警告", null, null, "civil-servant-2020")).toMatch(/^E05 .*警告/);
    expect(KH.check("良好", "优秀", "否", null, "较好", 95, "jinan-2022+gansu-2024")).toMatch(/^E02 /);
    expect(KH.check("良好", "优秀", "否", null, "好", 85, "jinan-2022+gansu-2024")).toMatch(/^E01 /);
    expect(KH.check("良好", "优秀", "否", null, "好", "九十", "jinan-2022+gansu-2024")).toMatch(/^D06 /);
  });
  it("gives the same verdict as checking the row inside a whole workbook", () => {
    // L02 in KH.CHECK and in `kaohe check` come from one rule module: same message.
    expect(KH.check("一般", "优秀", "是").slice(4)).toBe("班子为一般等次的，正职不得确定为优秀");
  });
});

describe("KH.ALLOWEDGRADES", () => {
  it("lists the grades that break no error-level rule", () => {
    expect(KH.allowed("一般", "是")).toBe("称职、基本称职、不称职、不定等次");
    expect(KH.allowed("较差", "是")).toBe("基本称职、不称职、不定等次");
    expect(KH.allowed("较差", "否")).toBe("称职、基本称职、不称职、不定等次");
    expect(KH.allowed("优秀", "是")).toBe("优秀、称职、基本称职、不称职、不定等次");
    expect(KH.allowed("良好", "否", "记大过", null, null, "civil-servant-2020")).toBe("不定等次");
    expect(KH.allowed("良好", "否", "开除党籍", null, null, "civil-servant-2020")).toBe("不称职");
  });
  it("refuses a sanction or team grade it cannot read", () => {
    expect(valueErrorOf(() => KH.allowed("良好", "否", "罚款", null, null, "civil-servant-2020"))).toContain("罚款");
    expect(valueErrorOf(() => KH.allowed("优良", "否"))).toContain("优良");
  });
});

describe("KH.STREAK", () => {
  it("counts years running over a row of grades, newest first", () => {
    expect(KH.streakOf([["优秀", "优秀", "称职"]], "优秀")).toBe(2);
    expect(KH.streakOf([["优秀"], ["优秀"], ["优秀"]], "优秀")).toBe(3);
    expect(KH.streakOf([["称职", "优秀"]], "优秀")).toBe(0);
    expect(KH.streakOf([["优秀", null, "优秀"]], "优秀")).toBe(1);
  });
  it("lets 不定等次 break a run by default, or be skipped where the ruleset says", () => {
    expect(KH.streakOf([["不称职", "不定等次", "不称职"]], "不称职")).toBe(1);
    const skip = resolveRuleset("jinan-2022");
    expect(skip.params.ungradedBreaksRun).toBe(true);
  });
  it("refuses numbers and unknown text inside the range", () => {
    expect(valueErrorOf(() => KH.streakOf([["优秀", 3]], "优秀"))).toContain("第 2 个");
    expect(valueErrorOf(() => KH.streakOf([["优秀"]], "优良"))).toContain("优良");
  });
});

describe("KH.CONSEQUENCES", () => {
  it("lists the measures of the person's grade and team grade in the ruleset in force", () => {
    const basic = KH.consequences("基本称职");
    expect(basic).toMatch(/^R03：/);
    expect(basic).toContain("一年内不得提拔");
    const both = KH.consequences("优秀", "一般");
    expect(both.split("\n").map((l) => l.slice(0, 3))).toEqual(["R01", "R06"]);
    expect(
      KH.consequences("优秀", "一般", "civil-servant-2020")
        .split("\n")
        .map((l) => l.slice(0, 3)),
    ).toEqual(["R01"]);
    expect(KH.consequences("不定等次")).toBe("");
  });
});

describe("KH.TERMSTART and KH.TERMEND", () => {
  it("start on 1 January of the year, or the next after 30 June (T01)", () => {
    expect(KH.termStartOf(serial(2021, 8, 15))).toBe(serial(2022, 1, 1));
    expect(KH.termStartOf("2021-06-30")).toBe(serial(2021, 1, 1));
    expect(KH.termStartOf("2021年7月1日")).toBe(serial(2022, 1, 1));
  });
  it("end five years later less a day (T02), or with the predecessor's term (T04)", () => {
    expect(KH.termEndOf(serial(2021, 8, 15))).toBe(serial(2026, 12, 31));
    expect(KH.termEndOf(serial(2020, 2, 29))).toBe(serial(2024, 12, 31));
    expect(KH.termEndOf(serial(2022, 5, 1), serial(2020, 3, 1))).toBe(serial(2024, 12, 31));
  });
  it("refuses what is not a date", () => {
    expect(valueErrorOf(() => KH.termStartOf("明年"))).toContain("明年");
    expect(valueErrorOf(() => KH.termEndOf(null))).toBe("缺少任职时间");
  });
});

describe("KH.RULE and KH.RULESET", () => {
  it("quotes a rule with its source, saying when the ruleset does not use it", () => {
    expect(KH.rule("l02")).toBe("L02 班子一般的，正职不得为优秀（错误）—— 济南市 2022 实施办法");
    expect(KH.rule("Q02")).toContain("本规则集未启用");
    expect(KH.rule("Q02", "civil-servant-2020")).not.toContain("未启用");
    expect(valueErrorOf(() => KH.rule("X99"))).toContain("X99");
  });
  it("shows the ruleset in force with its fingerprint", () => {
    expect(KH.rulesetInfo()).toBe(`jinan-2022 ${resolveRuleset("jinan-2022").fingerprint}`);
    setRulesetInForce("civil-servant-2020+gansu-2024");
    expect(KH.rulesetInfo()).toMatch(/^civil-servant-2020\+gansu-2024 [0-9a-f]{64}$/);
  });
});

describe("every KH function", () => {
  const anyArg = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom("优秀", "一般", "是", "#N/A", "jinan-2022", "2021-05-01"),
    fc.array(
      fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 }),
      { minLength: 1, maxLength: 3 },
    ),
  );
  const fns = Object.entries(KH).filter(([, f]) => typeof f === "function") as [string, (...a: unknown[]) => unknown][];
  it("returns a value or throws #VALUE!, never a bare exception", () => {
    expect(fns.length).toBe(11);
    fc.assert(
      fc.property(fc.constantFrom(...fns), fc.array(anyArg, { maxLength: 7 }), ([, f], args) => {
        try {
          f(...args);
        } catch (e) {
          expect(e).toBeInstanceOf(CfError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
