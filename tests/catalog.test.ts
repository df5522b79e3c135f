/**
 * The rule tester: every rule of the D, Q, L, E, H, T and S families has a case that passes and a
 * case that breaks it, checked against the cell the finding must point at.
 */
import {
  checkWorkbook,
  modelOf,
  pastRecord,
  resolveRuleset,
  rulesetFromJson,
  rulesSheetRows,
  RULES,
  type ResolvedRuleset,
  type WorkbookInput,
} from "../src/engine";
import { book, many, unit, units, type Row } from "./helpers/book";

interface Breaking {
  input: WorkbookInput;
  /** sheet!cell of every finding of the rule, in order. */
  at: string[];
  severity?: "error" | "warning" | "info";
}
interface Case {
  ruleset?: string | ResolvedRuleset;
  /** When the passing cases need another ruleset than the breaking ones (rules about the ruleset itself). */
  validRuleset?: ResolvedRuleset;
  valid: WorkbookInput[];
  invalid: Breaking[];
  /** The department's record of past years (--history): each workbook one year's results. */
  record?: WorkbookInput[];
}

const withRuleset = (extra: object) => rulesetFromJson({ id: "test", extends: "jinan-2022", ...extra });

/** A sound unit: team 良好, five cadres, one 优秀 (20% of 5 = 1). */
const sound = unit("甲局", "良好", [
  ["张一", "优秀", true],
  ["张二", "称职"],
  ["张三", "称职"],
  ["张四", "称职"],
  ["张五", "称职"],
]);
const cadreRows = (rows: Row[]) => book({ cadres: rows });
const person = (extra: Row): Row => ({ 单位: "甲局", 姓名: "张一", 是否正职: "否", 本年等次: "称职", ...extra });
/** Three more 称职 cadres, so that one 优秀 stays within every quota. */
const padded = (rows: Row[]): Row[] => [
  ...rows,
  ...many(3, "称职", "丙").map(([n, g]) => person({ 姓名: n, 本年等次: g })),
];

/** Three sound units whose 班子 sheet has a 优秀上限 column: `cells` gives each row's formula (null: a typed value). */
const soundAs = (name: string, p: string) => unit(name, "良好", [[`${p}一`, "优秀", true], ...many(4, "称职", p)]);
function quotaColumn(cells: (string | null)[], values: unknown[] = [1, 1, 1]): WorkbookInput {
  const input = units(sound, soundAs("乙局", "乙"), soundAs("丙局", "丙"));
  const teams = input.sheets.find((x) => x.name === "班子")!;
  const c = teams.values[0].length;
  const values2 = teams.values.map((row, r) => [...row, r === 0 ? "优秀上限" : values[r - 1]]);
  const formulas = teams.values.map((_, r) => {
    const row = new Array<string | null>(c + 1).fill(null);
    if (r > 0) row[c] = cells[r - 1];
    return row;
  });
  return { ...input, sheets: input.sheets.map((x) => (x === teams ? { ...x, values: values2, formulas } : x)) };
}
const quota = (r: number) => `=KH.EXCELLENTQUOTA(B${r},5)`;

const CASES: Record<string, Case> = {
  D01: {
    valid: [
      units(sound),
      units(unit("甲局", " 良好等次 ", [["张一", "ＥＸＣＥＬＬＥＮＴ", true], ...many(4, "称职等")])),
    ],
    invalid: [
      {
        input: units(
          unit("甲局", "良好", [
            ["张一", "优秀", true],
            ["张二", "优良"],
          ]),
        ),
        at: ["干部!D3"],
      },
    ],
  },
  D02: {
    valid: [units(sound)],
    invalid: [
      { input: book({ teams: [sound.team], cadres: sound.cadres.map(({ 是否正职: _, ...r }) => r) }), at: ["干部!A1"] },
    ],
  },
  D03: {
    valid: [units(sound)],
    invalid: [
      {
        input: book({
          teams: [sound.team],
          cadres: [...sound.cadres, { 单位: "乙局", 姓名: "李一", 是否正职: "是", 本年等次: "称职" }],
        }),
        at: ["干部!A7"],
      },
    ],
  },
  D04: {
    valid: [units(sound)],
    invalid: [
      {
        input: units(
          unit("甲局", "良好", [
            ["张一", "称职", true],
            ["张二", "称职"],
            ["张二", "称职"],
          ]),
        ),
        at: ["干部!B4"],
        severity: "warning",
      },
    ],
  },
  D05: {
    valid: [units(sound)],
    invalid: [
      {
        input: units(
          unit("甲局", "良好", [
            ["张一", "称职", true],
            ["张二", "称职", true],
          ]),
        ),
        at: ["干部!C3"],
        severity: "warning",
      },
    ],
  },
  D06: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 平时考核得分: "９２.５" })])],
    invalid: [
      {
        input: cadreRows([person({ 平时考核得分: "九十" }), person({ 姓名: "张二", 平时考核得分: 101 })]),
        at: ["干部!E2", "干部!E3"],
      },
    ],
  },
  D07: {
    valid: [units(sound)],
    invalid: [
      {
        input: units(
          unit("甲局", "良好", [
            ["张一", "称职", true],
            ["张二", ""],
          ]),
        ),
        at: ["干部!D3"],
        severity: "warning",
      },
    ],
  },
  D08: {
    valid: [cadreRows([person({ 班子等次: "良好", 是否正职: "是" }), person({ 姓名: "张二", 班子等次: "良好" })])],
    invalid: [
      {
        input: cadreRows([person({ 班子等次: "良好", 是否正职: "是" }), person({ 姓名: "张二", 班子等次: "一般" })]),
        at: ["干部!E3"],
      },
    ],
  },
  D09: {
    valid: [units(sound)],
    invalid: [
      {
        input: {
          sheets: [
            {
              name: "班子",
              values: [
                ["单位", "本年班子等次"],
                ["甲局", null],
              ],
              formulas: [[], [null, "=VLOOKUP(A2,汇总!A:B,2,0)"]],
            },
            {
              name: "干部",
              values: [
                ["单位", "姓名", "是否正职", "本年等次"],
                ["甲局", "#NAME?", "是", "称职"],
                ["甲局", "张二", "否", "#REF!"],
              ],
            },
          ],
        },
        at: ["班子!B2", "干部!B2", "干部!D3"],
      },
    ],
  },
  Q01: {
    valid: [
      units(sound),
      units(unit("甲局", "优秀", [["正", "优秀", true], ...many(2, "优秀"), ...many(7, "称职", "乙")])),
    ],
    invalid: [
      {
        input: units(unit("甲局", "一般", [["正", "称职", true], ...many(2, "优秀"), ...many(7, "称职", "乙")])),
        at: ["班子!B2"],
      },
    ],
  },
  Q02: {
    ruleset: "civil-servant-2020",
    valid: [
      cadreRows([...many(2, "优秀"), ...many(8, "称职", "乙")].map(([n, g]) => person({ 姓名: n, 本年等次: g }))),
    ],
    invalid: [
      {
        input: cadreRows(
          [...many(3, "优秀"), ...many(7, "称职", "乙")].map(([n, g]) => person({ 姓名: n, 本年等次: g })),
        ),
        at: ["干部!D1"],
        severity: "error",
      },
      {
        input: cadreRows(
          [...many(5, "优秀"), ...many(15, "称职", "乙")].map(([n, g]) => person({ 姓名: n, 本年等次: g })),
        ),
        at: ["干部!D1"],
        severity: "warning",
      },
    ],
  },
  Q03: {
    ruleset: "public-institution-2023",
    valid: [
      book({
        teams: [{ 单位: "甲所", 单位绩效: "集体奖励" }].map((t) => ({ ...t, 本年班子等次: "良好" })),
        cadres: [...many(5, "优秀"), ...many(15, "合格", "乙")].map(([n, g]) =>
          person({ 单位: "甲所", 姓名: n, 本年等次: g }),
        ),
      }),
    ],
    invalid: [
      {
        input: book({
          teams: [{ 单位: "甲所", 本年班子等次: "良好", 单位绩效: "不合格" }],
          cadres: [...many(4, "优秀"), ...many(16, "合格", "乙")].map(([n, g]) =>
            person({ 单位: "甲所", 姓名: n, 本年等次: g }),
          ),
        }),
        at: ["班子!B2"],
      },
    ],
  },
  Q04: {
    ruleset: "zhejiang-township-2018",
    valid: [
      book({
        teams: [{ 单位: "甲镇", 单位类别: "乡镇", 本年班子等次: "良好" }],
        cadres: [...many(2, "优秀"), ...many(8, "称职", "乙")].map(([n, g]) =>
          person({ 单位: "甲镇", 姓名: n, 本年等次: g }),
        ),
      }),
      // An 优秀 team: the base's 30% stands, the township's 20% never lowers it (3 of 10 allowed).
      book({
        teams: [{ 单位: "甲镇", 单位类别: "乡镇", 本年班子等次: "优秀" }],
        cadres: [...many(3, "优秀"), ...many(7, "称职", "乙")].map(([n, g]) =>
          person({ 单位: "甲镇", 姓名: n, 本年等次: g }),
        ),
      }),
    ],
    validRuleset: resolveRuleset("jinan-2022+zhejiang-township-2018"),
    invalid: [
      {
        input: book({
          teams: [{ 单位: "甲镇", 单位类别: "乡镇", 本年班子等次: "良好" }],
          cadres: [...many(3, "优秀"), ...many(9, "称职", "乙")].map(([n, g]) =>
            person({ 单位: "甲镇", 姓名: n, 本年等次: g }),
          ),
        }),
        at: ["班子!C2"],
        severity: "warning",
      },
    ],
  },
  Q05: {
    ruleset: "taixing-2014",
    valid: [
      book({
        teams: [{ 单位: "甲局", 单位绩效: "优秀", 本年班子等次: "良好" }],
        cadres: [...many(3, "优秀"), ...many(17, "称职", "乙")].map(([n, g]) => person({ 姓名: n, 本年等次: g })),
      }),
    ],
    invalid: [
      {
        input: book({
          teams: [{ 单位: "甲局", 单位绩效: "诫勉", 本年班子等次: "良好" }],
          cadres: [...many(3, "优秀"), ...many(22, "称职", "乙")].map(([n, g]) => person({ 姓名: n, 本年等次: g })),
        }),
        at: ["班子!C2"],
      },
    ],
  },
  L01: {
    valid: [units(unit("甲局", "优秀", [["张一", "优秀", true], ...many(3, "称职")]))],
    invalid: [
      {
        input: units(
          unit("甲局", "优秀", [
            ["张一", "称职", true],
            ["张二", "称职"],
          ]),
        ),
        at: ["干部!D2"],
        severity: "warning",
      },
    ],
  },
  L02: {
    valid: [units(unit("甲局", "一般", [["张一", "称职", true], ...many(9, "称职")]))],
    invalid: [{ input: units(unit("甲局", "一般", [["张一", "优秀", true], ...many(9, "称职")])), at: ["干部!D2"] }],
  },
  L03: {
    valid: [
      units(
        unit("甲局", "较差", [
          ["张一", "基本称职", true],
          ["张二", "称职"],
        ]),
      ),
    ],
    invalid: [
      {
        input: units(
          unit("甲局", "较差", [
            ["张一", "称职", true],
            ["张二", "称职"],
          ]),
        ),
        at: ["干部!D2"],
      },
    ],
  },
  L04: {
    valid: [
      units(
        unit("甲局", "较差", [
          ["张一", "基本称职", true],
          ["张二", "称职"],
        ]),
      ),
    ],
    invalid: [
      {
        input: units(
          unit("甲局", "较差", [
            ["张一", "基本称职", true],
            ["张二", "优秀"],
          ]),
        ),
        at: ["干部!D3"],
      },
    ],
  },
  L05: {
    valid: [
      book({
        teams: [{ 单位: "甲局", 本年班子等次: "一般", 上年班子等次: "良好" }],
        cadres: [person({ 是否正职: "是" })],
      }),
    ],
    invalid: [
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "一般", 上年班子等次: "一般" }],
          cadres: [person({ 是否正职: "是" })],
        }),
        at: ["干部!D2"],
        severity: "warning",
      },
    ],
  },
  L06: {
    valid: [
      units(
        unit("甲局", "良好", [
          ["张一", "称职", true],
          ["张二", "不称职"],
        ]),
      ),
    ],
    invalid: [
      {
        input: units(unit("甲局", "优秀", [["张一", "优秀", true], ["张二", "不称职"], ...many(8, "称职")])),
        at: ["班子!B2", "干部!D2"],
      },
    ],
  },
  E01: {
    ruleset: "jinan-2022+gansu-2024",
    valid: [
      units({ ...sound, cadres: sound.cadres.map((r) => ({ ...r, 平时考核得分: 90, 政治素质: "好" })) }),
      book({
        teams: [{ 单位: "甲局", 本年班子等次: "优秀", 平时考核得分: 95, 政治素质: "好" }],
        cadres: [person({ 是否正职: "是", 本年等次: "称职", 平时考核得分: 95, 政治素质: "好" })],
      }),
    ],
    invalid: [
      {
        input: units({ ...sound, cadres: sound.cadres.map((r) => ({ ...r, 平时考核得分: 89.5, 政治素质: "好" })) }),
        at: ["干部!D2"],
      },
      // Gansu judges teams too: a team's own 平时考核 on 班子.
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "优秀", 平时考核得分: 85, 政治素质: "好" }],
          cadres: [person({ 是否正职: "是", 本年等次: "称职", 平时考核得分: 95, 政治素质: "好" })],
        }),
        at: ["班子!B2"],
      },
    ],
  },
  E02: {
    ruleset: "jinan-2022+gansu-2024",
    valid: [units({ ...sound, cadres: sound.cadres.map((r) => ({ ...r, 平时考核得分: 95, 政治素质: "好" })) })],
    invalid: [
      // A one-sheet layout: the team's grade and 政治素质 on every cadre row.
      {
        input: cadreRows([
          person({
            是否正职: "是",
            本年等次: "称职",
            平时考核得分: 95,
            政治素质: "好",
            班子等次: "优秀",
            班子政治素质: "较好",
          }),
        ]),
        at: ["干部!G2"], // the team grade's cell
      },
      {
        input: units({ ...sound, cadres: sound.cadres.map((r) => ({ ...r, 平时考核得分: 95, 政治素质: "较好" })) }),
        at: ["干部!D2"],
      },
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "优秀", 平时考核得分: 95, 政治素质: "较好" }],
          cadres: [person({ 是否正职: "是", 本年等次: "称职", 平时考核得分: 95, 政治素质: "好" })],
        }),
        at: ["班子!B2"],
      },
    ],
  },
  E03: {
    ruleset: "civil-servant-2020+gansu-2024",
    valid: [cadreRows([person({ 平时考核得分: 95, 政治素质: "一般", 拟定等次: "称职", 本年等次: "基本称职" })])],
    invalid: [
      {
        input: cadreRows([person({ 平时考核得分: 95, 政治素质: "一般", 拟定等次: "称职", 本年等次: "称职" })]),
        at: ["干部!D2"],
        severity: "error",
      },
      // 优秀 is a certain breach, with or without a proposed grade (nothing lies above 优秀).
      {
        input: cadreRows([person({ 平时考核得分: 95, 政治素质: "一般", 本年等次: "优秀" })]),
        at: ["干部!D2"],
        severity: "error",
      },
      {
        input: cadreRows([person({ 平时考核得分: 95, 政治素质: "较差", 本年等次: "称职" })]),
        at: ["干部!D2"],
        severity: "warning",
      },
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "优秀", 平时考核得分: 95, 政治素质: "一般" }],
          cadres: [person({ 是否正职: "是", 本年等次: "称职", 平时考核得分: 95, 政治素质: "好" })],
        }),
        at: ["班子!B2"],
        severity: "error",
      },
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "良好", 平时考核得分: 95, 政治素质: "较差" }],
          cadres: [person({ 是否正职: "是", 本年等次: "称职", 平时考核得分: 95, 政治素质: "好" })],
        }),
        at: ["班子!B2"],
        severity: "warning",
      },
    ],
  },
  E04: {
    ruleset: withRuleset({ rules: { E04: {} } }),
    valid: [
      book({
        teams: [{ 单位: "甲局", 本年班子等次: "优秀", 指标失分率: "20%" }],
        cadres: padded([person({ 是否正职: "是", 本年等次: "优秀" })]),
      }),
    ],
    invalid: [
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "优秀", 指标失分率: 0.25 }],
          cadres: [person({ 是否正职: "是", 本年等次: "优秀" })],
        }),
        at: ["班子!B2", "干部!D2"],
      },
    ],
  },
  E05: {
    ruleset: "civil-servant-2020",
    valid: [
      cadreRows(
        padded([
          person({ 处分或处理: "警告", 本年等次: "称职" }),
          person({ 姓名: "张二", 处分或处理: "记大过", 本年等次: "不定等次" }),
          person({ 姓名: "张三", 上年处分: "诫勉", 本年等次: "优秀" }),
        ]),
      ),
    ],
    invalid: [
      {
        input: cadreRows([
          person({ 处分或处理: "警告", 本年等次: "优秀" }),
          person({ 姓名: "张二", 处分或处理: "诫勉、开除党籍", 本年等次: "不定等次" }),
          person({ 姓名: "张三", 上年处分: "降级", 本年等次: "称职" }),
        ]),
        at: ["干部!D2", "干部!D3", "干部!D4"],
      },
    ],
  },
  E06: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 试用期: "是", 本年等次: "只写评语不定等次" })])],
    invalid: [{ input: cadreRows([person({ 试用期: "是", 本年等次: "称职" })]), at: ["干部!D2"] }],
  },
  E07: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 立案审查调查: "✓", 本年等次: "不定等次" })])],
    invalid: [{ input: cadreRows([person({ 立案审查调查: "Y", 本年等次: "称职" })]), at: ["干部!D2"] }],
  },
  E08: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 处分或处理: "", 容错认定: "否" })])],
    invalid: [
      {
        input: cadreRows([person({ 处分或处理: "诫勉", 容错认定: "是", 本年等次: "优秀" })]),
        at: ["干部!F2"],
        severity: "info",
      },
    ],
  },
  H01: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows(padded([person({ 本年等次: "优秀", 上年等次: "优秀", 前年等次: "称职" })]))],
    invalid: [
      {
        input: cadreRows([person({ 本年等次: "优秀", "2024年度等次": "优秀", "2023年度等次": "优秀" })]),
        at: ["干部!D2"],
        severity: "info",
      },
    ],
  },
  H02: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 本年等次: "基本称职", 上年等次: "称职" })])],
    invalid: [
      { input: cadreRows([person({ 本年等次: "基本称职", 上年等次: "基本称职" })]), at: ["干部!D2"], severity: "info" },
    ],
  },
  H03: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 本年等次: "不称职", 上年等次: "不定等次", 前年等次: "不称职" })])],
    invalid: [
      { input: cadreRows([person({ 本年等次: "不称职", 上年等次: "不称职" })]), at: ["干部!D2"], severity: "info" },
    ],
  },
  H06: {
    ruleset: "term-system-2022",
    valid: [cadreRows([person({ 本年等次: "基本称职", 上年等次: "称职" })])],
    invalid: [
      { input: cadreRows([person({ 本年等次: "基本称职", 上年等次: "基本称职" })]), at: ["干部!D2"], severity: "info" },
    ],
  },
  H07: {
    // The record says 张一 was 优秀 in 2024; the unit's 2024 column agrees, is blank, or says otherwise.
    ruleset: "civil-servant-2020",
    record: [{ ...cadreRows([person({ 本年等次: "优秀" })]), year: 2024 }],
    valid: [cadreRows([person({ "2024年度等次": "优秀" })]), cadreRows([person({ "2024年度等次": "" })])],
    invalid: [{ input: cadreRows([person({ "2024年度等次": "称职" })]), at: ["干部!E2"], severity: "error" }],
  },
  H04: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 本年等次: "称职", 上年等次: "基本称职" })])],
    invalid: [
      { input: cadreRows([person({ 本年等次: "称职", 上年等次: "优秀" })]), at: ["干部!D2"], severity: "info" },
    ],
  },
  H05: {
    valid: [
      units({ ...sound, cadres: sound.cadres.map((r) => ({ ...r, 拟提拔: r.姓名 === "张二" ? "是" : "否" })) }),
      // 基本称职's bar is one year: last year's no longer holds.
      units({
        ...sound,
        cadres: sound.cadres.map((r) => (r.姓名 === "张二" ? { ...r, 上年等次: "基本称职", 拟提拔: "是" } : r)),
      }),
    ],
    invalid: [
      {
        input: units({
          ...sound,
          cadres: sound.cadres.map((r) => (r.姓名 === "张二" ? { ...r, 本年等次: "基本称职", 拟提拔: "是" } : r)),
        }),
        at: ["干部!E3"],
      },
      // R04's two years: 不称职 last year still bars promotion this year.
      {
        input: units({
          ...sound,
          cadres: sound.cadres.map((r) => (r.姓名 === "张二" ? { ...r, 上年等次: "不称职", 拟提拔: "是" } : r)),
        }),
        at: ["干部!F3"],
      },
    ],
  },
  T01: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 任职时间: "2021-08-15", 任期届满时间: "2026-12-31" })])],
    invalid: [
      {
        input: cadreRows([person({ 任职时间: "2021-08-15", 任期届满时间: "2026-08-14" })]),
        at: ["干部!F2"],
        severity: "warning",
      },
    ],
  },
  T02: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 任职时间: "2021/3/1", 任期届满时间: "2025年12月31日" })])],
    invalid: [
      {
        input: cadreRows([person({ 任职时间: "2021-03-01", 任期届满时间: "2026-12-31" })]),
        at: ["干部!F2"],
        severity: "warning",
      },
    ],
  },
  T03: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 是否正职: "是", 任期届次: 2 })])],
    invalid: [
      { input: cadreRows([person({ 是否正职: "是", 任期届次: "第三任" })]), at: ["干部!E2"], severity: "warning" },
    ],
  },
  T04: {
    ruleset: "civil-servant-2020",
    valid: [cadreRows([person({ 任职时间: "2022-05-01", 前任任职时间: "2020-03-01", 任期届满时间: "2024-12-31" })])],
    invalid: [
      {
        input: cadreRows([person({ 任职时间: "2022-05-01", 前任任职时间: "2020-03-01", 任期届满时间: "2026-12-31" })]),
        at: ["干部!G2"],
        severity: "warning",
      },
    ],
  },
  S01: {
    ruleset: "civil-servant-2020+gansu-2024",
    valid: [cadreRows([person({ 平时考核得分: 90, 政治素质: "好", 年终考核得分: 80, 综合得分: 83 })])],
    invalid: [
      {
        input: cadreRows([person({ 平时考核得分: 90, 政治素质: "好", 年终考核得分: 80, 综合得分: 85 })]),
        at: ["干部!H2"],
      },
    ],
  },
  S02: {
    ruleset: "jinan-2022+gansu-2024",
    valid: [
      book({
        teams: [{ 单位: "甲局", 本年班子等次: "良好", 民意调查得分: 80, 年终考核得分: 90, 综合得分: 89.5 }],
        cadres: [person({ 是否正职: "是", 平时考核得分: 95, 政治素质: "好" })],
      }),
    ],
    invalid: [
      {
        input: book({
          teams: [{ 单位: "甲局", 本年班子等次: "良好", 民意调查得分: 80, 年终考核得分: 90, 综合得分: 90 }],
          cadres: [person({ 是否正职: "是", 平时考核得分: 95, 政治素质: "好" })],
        }),
        at: ["班子!E2"],
      },
    ],
  },
  S03: {
    ruleset: withRuleset({ params: { weights: { evaluators: { 上级: 50, 同级: 30, 下级: 30 } } } }),
    validRuleset: withRuleset({ params: { weights: { evaluators: { 上级: 50, 同级: 30, 下级: 20 } } } }),
    valid: [units(sound)],
    invalid: [{ input: units(sound), at: ["规则!A1"] }],
  },
  S04: {
    ruleset: withRuleset({ rules: { S04: {} }, params: { weights: { highQuality: { value: 50 } } } }),
    validRuleset: withRuleset({ rules: { S04: {} }, params: { weights: { highQuality: { value: 60 } } } }),
    valid: [units(sound)],
    invalid: [{ input: units(sound), at: ["规则!A1"] }],
  },
  A01: {
    valid: [carrying(units(sound), "jinan-2022"), carrying(units(sound), "civil-servant-2020+gansu-2024")],
    invalid: [{ input: carrying(units(sound), "jinan-2022", { "teamShares.2": 15 }), at: ["规则!B7"] }],
  },
  A03: {
    valid: [quotaColumn([quota(2), quota(3), quota(4)])],
    invalid: [{ input: quotaColumn([quota(2), quota(3), null]), at: ["班子!C4"] }],
  },
  A04: {
    valid: [quotaColumn(["=LEN(A2)-2", "=LEN(A3)-2", "=LEN(A4)-2"])],
    invalid: [{ input: quotaColumn(["=LEN(A2)-2", "=LEN(A3)-1", "=LEN(A4)-2"]), at: ["班子!C3"] }],
  },
  A05: {
    valid: [
      quotaColumn([
        "=KH.EXCELLENTQUOTA(B2,规则!$B$2)",
        "=KH.EXCELLENTQUOTA(B3,规则!$B$2)",
        "=KH.EXCELLENTQUOTA(B4,规则!$B$2)",
      ]),
    ],
    invalid: [{ input: quotaColumn([quota(2), quota(2), quota(4)]), at: ["班子!C3"], severity: "warning" }],
  },
  A06: {
    valid: [quotaColumn([quota(2), quota(3), quota(4)]), quotaColumn([quota(2), quota(3), quota(4)], [1, "", null])],
    invalid: [{ input: quotaColumn([quota(2), quota(3), quota(4)], [1, 1, 3]), at: ["班子!C4"] }],
  },
  A02: {
    valid: [carrying(units(sound), "jinan-2022")],
    invalid: [{ input: carrying(units(sound), "civil-servant-2020"), at: ["规则!B7"], severity: "warning" }],
  },
};

/** A workbook carrying a ruleset on its 规则 sheet, optionally changed by `edit` (path → new figure). */
function carrying(input: WorkbookInput, id: string, edit: Record<string, unknown> = {}): WorkbookInput {
  const rows = rulesSheetRows(resolveRuleset(id), 2025).map((r) =>
    typeof r[3] === "string" && r[3] in edit ? [r[0], edit[r[3]], r[2], r[3]] : r,
  );
  return { ...input, sheets: [...input.sheets, { name: "规则", values: rows }] };
}

function run(c: Case, input: WorkbookInput, valid = false) {
  const rs =
    valid && c.validRuleset
      ? c.validRuleset
      : typeof c.ruleset === "object"
        ? c.ruleset
        : resolveRuleset(c.ruleset ?? "jinan-2022");
  const record = c.record
    ? pastRecord(c.record.map((past, i) => ({ file: `往年${i + 1}.xlsx`, model: modelOf(past, rs) })))
    : undefined;
  return checkWorkbook(input, rs, { record }).findings;
}

describe("rule catalog", () => {
  const families = /^[DQLEHTSA]\d\d$/;
  it("has a passing and a breaking case for every D, Q, L, E, H, T, S and A rule", () => {
    const ids = RULES.map((r) => r.meta.id).filter((id) => families.test(id));
    expect(ids.length).toBe(9 + 5 + 6 + 8 + 7 + 4 + 4 + 6);
    for (const id of ids) {
      expect(CASES[id]).toBeDefined();
      expect(CASES[id].invalid.length).toBeGreaterThan(0);
      expect(CASES[id].valid.length).toBeGreaterThan(0);
    }
  });

  it("every rule that asks the unit to change something says what, in Chinese and English (its fix)", () => {
    const rules = RULES.filter((r) => families.test(r.meta.id));
    // Info findings are the department's to act on: such a rule may leave its fix out ("nothing to change").
    expect(rules.filter((r) => r.meta.severity !== "info" && !r.fix).map((r) => r.meta.id)).toEqual([]);
    for (const { fix } of rules)
      if (fix) {
        expect(fix.zh.length).toBeGreaterThan(4);
        expect(fix.en.length).toBeGreaterThan(4);
        expect(fix.zh).not.toBe(fix.en);
      }
  });

  for (const [id, c] of Object.entries(CASES)) {
    describe(id, () => {
      c.valid.forEach((input, i) => {
        it(`passing case ${i + 1} has no ${id} finding and no error`, () => {
          const findings = run(c, input, true);
          expect(findings.filter((f) => f.rule === id)).toEqual([]);
          expect(findings.filter((f) => f.severity === "error")).toEqual([]);
        });
      });
      c.invalid.forEach((b, i) => {
        it(`breaking case ${i + 1} is reported at ${b.at.join(", ")}`, () => {
          const mine = run(c, b.input).filter((f) => f.rule === id);
          expect(mine.map((f) => `${f.sheet}!${f.cell}`)).toEqual(b.at);
          for (const f of mine) {
            expect(f.message.length).toBeGreaterThan(4);
            expect(f.messageEn.length).toBeGreaterThan(4);
            expect(f.source).toBeTruthy();
            if (b.severity) expect(f.severity).toBe(b.severity);
          }
        });
      });
    });
  }
});
