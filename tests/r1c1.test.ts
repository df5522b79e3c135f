/** Formulas in relative R1C1 form: what A04 and A05 compare. */
import { fromR1C1, isKhFormula, outsideRowRefs, toR1C1 } from "../src/engine/audit/r1c1";

const CHECK = (r: number) =>
  `=IF($C${r}="","",KH.CHECK(IFERROR(VLOOKUP($B${r},班子!$B:$D,3,FALSE),""),$G${r},$F${r},规则!$B$2))`;

describe("relative R1C1", () => {
  it("gives one form for a column's formula on every row, and back again", () => {
    expect(toR1C1(CHECK(5), 4, 17)).toBe(toR1C1(CHECK(600), 599, 17));
    expect(toR1C1(CHECK(5), 4, 17)).toBe(
      '=IF(RC3="","",KH.CHECK(IFERROR(VLOOKUP(RC2,班子!C2:C4,3,FALSE),""),RC7,RC6,规则!R2C2))',
    );
    expect(fromR1C1(toR1C1(CHECK(5), 4, 17), 9, 17)).toBe(CHECK(10));
  });

  it('leaves function names and string literals alone, "" inside a literal included', () => {
    expect(toR1C1('=LOG10(A1)&"B2 ""C3"" D4"', 0, 0)).toBe('=LOG10(RC)&"B2 ""C3"" D4"');
    expect(toR1C1("=SUM(B2:C3)", 0, 0)).toBe("=SUM(R[1]C[1]:R[2]C[2])");
  });

  it("tells references to other rows from whole columns and the formula's own row", () => {
    expect(outsideRowRefs(CHECK(5), 4, 17)).toEqual(["规则!R2"]);
    expect(outsideRowRefs("=KH.CHECK(D5,G6)", 4, 0)).toEqual(["!R[1]"]);
    expect(outsideRowRefs("=COUNTIFS(干部!$B:$B,$B5)", 4, 0)).toEqual([]);
  });

  it("knows KH formulas, as typed and as Excel saves them without the add-in", () => {
    expect(isKhFormula("=KH.EXCELLENTQUOTA(D2,G2)")).toBe(true);
    expect(isKhFormula("=_xldudf_KH_EXCELLENTQUOTA(D2,G2)")).toBe(true);
    expect(toR1C1("=_xldudf_KH_CHECK(D2)", 1, 0)).toBe(toR1C1("=KH.CHECK(D2)", 1, 0));
    expect(isKhFormula("=SUM(D2)")).toBe(false);
  });
});
