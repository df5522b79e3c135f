/** KH functions inside real formulas, evaluated by a formula engine: nesting is proven, not assumed. */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { installCustomFunctions } from "./helpers/custom-functions";
import { registerKh } from "./helpers/hyperformula-kh";

const cadres = [
  ["单位", "姓名", "本年等次", "是否正职", "2024年度等次", "2023年度等次", "校验"],
  ["甲局", "张一", "优秀", "是", "优秀", "优秀", "=KH.CHECK(Teams!B2, C2, D2)"],
  ["甲局", "张二", "优秀", "否", "称职", "优秀", "=KH.CHECK(Teams!B2, C3, D3)"],
  ...Array.from({ length: 8 }, (_, i) => [
    "甲局",
    `李${i}`,
    "称职",
    "否",
    "称职",
    "称职",
    `=KH.CHECK(Teams!B2, C${i + 4}, D${i + 4})`,
  ]),
];
const teams = [
  ["单位", "班子等次", "参评人数", "优秀上限", "已定优秀", "状态"],
  [
    "甲局",
    "一般",
    "=COUNTIF(Cadres!A2:A11, A2)",
    "=KH.EXCELLENTQUOTA(B2, COUNTIF(Cadres!A2:A11, A2))",
    '=COUNTIFS(Cadres!A2:A11, A2, Cadres!C2:C11, "优秀")',
    '=IF(E2>D2, "超出", "")',
  ],
];

let hf: HyperFormula;
beforeAll(async () => {
  installCustomFunctions();
  await registerKh();
  hf = HyperFormula.buildFromSheets({ Teams: teams, Cadres: cadres }, { licenseKey: "gpl-v3" });
});
afterAll(() => hf?.destroy());

const at = (sheet: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!)!);

describe("KH.* in a formula engine", () => {
  it("nests: =KH.EXCELLENTQUOTA(B2, COUNTIF(...)) gives the quota for the counted cadres", () => {
    expect(at("Teams", "C2")).toBe(10);
    expect(at("Teams", "D2")).toBe(1); // 10% of 10
    expect(at("Teams", "E2")).toBe(2);
    expect(at("Teams", "F2")).toBe("超出");
  });

  it("recomputes when a grade changes", () => {
    hf.setCellContents(hf.simpleCellAddressFromString("B2", hf.getSheetId("Teams")!)!, [["优秀"]]);
    expect(at("Teams", "D2")).toBe(3);
    expect(at("Teams", "F2")).toBe("");
    expect(at("Cadres", "G2")).toBe("");
    hf.setCellContents(hf.simpleCellAddressFromString("B2", hf.getSheetId("Teams")!)!, [["一般"]]);
    expect(at("Cadres", "G2")).toBe("L02 班子为一般等次的，正职不得确定为优秀");
    expect(at("Cadres", "G3")).toBe("");
  });

  it("takes ranges and returns errors Excel-style, catchable by IFERROR", () => {
    const sheet = hf.getSheetId("Cadres")!;
    const put = (a1: string, f: string) => hf.setCellContents(hf.simpleCellAddressFromString(a1, sheet)!, [[f]]);
    put("H2", '=KH.STREAK(C2:F2, "优秀")');
    expect((at("Cadres", "H2") as DetailedCellError).message).toBe("第 2 个等次「是」不是可识别的等次"); // D2 holds 是
    put("H3", '=KH.STREAK(E2:F2, "优秀")');
    expect(at("Cadres", "H3")).toBe(2);
    put("H4", '=KH.TEAMCAP("一般")*100');
    expect(at("Cadres", "H4")).toBe(10);
    put("H5", '=KH.GRADE("优良")');
    const err = at("Cadres", "H5") as DetailedCellError;
    expect(err).toBeInstanceOf(DetailedCellError);
    expect(err.message).toContain("优良");
    put("H6", '=IFERROR(KH.GRADE("优良"), "待核")');
    expect(at("Cadres", "H6")).toBe("待核");
    put("H7", "=KH.TERMEND(DATE(2021,8,15))");
    expect(at("Cadres", "H7")).toBe(46387); // 2026-12-31
    put("H8", "=LEFT(KH.RULESET(), 10)");
    expect(at("Cadres", "H8")).toBe("jinan-2022");
  });
});
