/**
 * Formulas of the older formats in the form the .xlsx reader gives (issue 23): an .ods's OpenFormula in
 * Excel's A1 syntax, BIFF8's whole columns and rows and _xlfn. names put back.
 */
import { legacyFormulas } from "../src/xlsx/legacy/formulas";
import { fromOpenFormula } from "../src/xlsx/legacy/open-formula";

describe("OpenFormula to Excel's form", () => {
  it.each([
    [
      'of:=IF([.$B4]="";"";COUNTIFS([$干部.$B:.$B];[.$B4];[$干部.$C:.$C];"<>"))',
      '=IF($B4="","",COUNTIFS(干部!$B:$B,$B4,干部!$C:$C,"<>"))',
    ],
    ["of:=SUM({1;2|3;4})", "=SUM({1,2;3,4})"],
    ["of:=[$'My sheet'.A1:.B2]+[.A1]", "='My sheet'!A1:B2+A1"],
    ['of:=IF([.A1]="a;[.B2]";1;2)', '=IF(A1="a;[.B2]",1,2)'],
    ["of:=COM.MICROSOFT.IFS([.A1]>1;1)", "=IFS(A1>1,1)"],
    ["of:=[$规则.$B$17]*100", "=规则!$B$17*100"],
  ])("%s", (ods, excel) => expect(fromOpenFormula(ods)).toBe(excel));
});

describe("BIFF8's formulas as Excel shows them", () => {
  const biff = legacyFormulas("xls");
  it("a whole column stored as rows 1–65,536, a whole row as columns A–IV", () => {
    expect(biff('COUNTIFS(干部!$B$1:$B$65536,$B4,干部!C1:C65536,"<>")')).toBe(
      '=COUNTIFS(干部!$B:$B,$B4,干部!C:C,"<>")',
    );
    expect(biff("SUM($A$3:$IV$3)")).toBe("=SUM($3:$3)");
    expect(biff("SUM(B1:B65535)")).toBe("=SUM(B1:B65535)");
    expect(biff('IF(A1="B1:B65536",1,2)')).toBe('=IF(A1="B1:B65536",1,2)');
  });
  it("a function newer than the format, stored with _xlfn.", () => {
    expect(biff("_xlfn.COUNTIFS(A:A,1)+MY_xlfn.X(1)")).toBe("=COUNTIFS(A:A,1)+MY_xlfn.X(1)");
  });
  it("other formats' formulas as they are", () => {
    expect(legacyFormulas("ods")("=SUM(B1:B65536)")).toBe("=SUM(B1:B65536)");
  });
});
