/** A template filled as a subordinate unit would, and tampered with as the audit must notice. */
import ExcelJS from "exceljs";
import { HEADER_ROW } from "../../src/template/spec";

/** The first data row of a template (Excel, 1-based). */
export const FIRST = HEADER_ROW + 1;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Fills the template as a subordinate unit would: two units, their cadres. */
export async function fill(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void = () => {}): Promise<void> {
  const wb = await load(from);
  const teams = wb.getWorksheet("班子")!;
  const cadres = wb.getWorksheet("干部")!;
  [
    ["甲局", "市直部门", "一般", "良好"],
    ["乙局", "市直部门", "良好", "良好"],
  ].forEach((row, i) => {
    row.forEach((v, c) => (teams.getCell(FIRST + i, c + 2).value = v));
  });
  const people: [string, string, string, string][] = [
    ["甲局", "甲一", "是", "称职"],
    ...Array.from({ length: 9 }, (_, i): [string, string, string, string] => [
      "甲局",
      `甲${i + 2}`,
      "否",
      i < 1 ? "优秀" : "称职",
    ]),
    ["乙局", "乙一", "是", "优秀"],
    ...Array.from({ length: 4 }, (_, i): [string, string, string, string] => ["乙局", `乙${i + 2}`, "否", "称职"]),
  ];
  people.forEach(([unit, name, principal, grade], i) => {
    cadres.getCell(FIRST + i, 2).value = unit;
    cadres.getCell(FIRST + i, 3).value = name;
    cadres.getCell(FIRST + i, 6).value = principal;
    cadres.getCell(FIRST + i, 7).value = grade;
  });
  edit(wb);
  await wb.xlsx.writeFile(to);
}

/** Every kind of formula tampering: a typed quota, pasted 参评人数, another formula, a stale shown value, a KH formula reading the next row. */
export function tamper(wb: ExcelJS.Workbook): void {
  const teams = wb.getWorksheet("班子")!;
  const cadres = wb.getWorksheet("干部")!;
  const [a, b] = [FIRST, FIRST + 1]; // 甲局's and 乙局's rows
  teams.getCell(`H${a}`).value = 3; // a number typed over the quota formula (甲局 may have 1)
  teams.getCell(`G${a}`).value = 10; // 参评人数 pasted as values (right ones)
  teams.getCell(`G${b}`).value = 5;
  teams.getCell(`I${b}`).value = { formula: `COUNTIFS(干部!$B:$B,$B${b})`, result: 5 }; // another formula, another figure
  const status = teams.getCell(`J${b}`);
  status.value = { formula: status.formula, result: "超出优秀上限" }; // the formula kept, its shown value not
  const check = cadres.getCell(`R${FIRST + 3}`);
  // 校验 / 提示 reading the next row's grade
  check.value = { formula: check.formula.split(`$G${FIRST + 3}`).join(`$G${FIRST + 4}`), result: "" };
}
