/**
 * Property (issue 23): random appraisal workbooks — text, numbers, dates, blanks, a unit merged down its
 * rows — round-tripped through LibreOffice's .ods give the same findings as the .xlsx they came from.
 * Few runs, all converted in one LibreOffice run. And the kinds of value LibreOffice has no cell for
 * (booleans, typed errors) and hidden sheets read back as the .xlsx reader reads them.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook, resolveRuleset, type Finding } from "../src/engine";
import { readWorkbookFile } from "../src/xlsx/read";
import { convertAll, ODS, XLS } from "./helpers/legacy-files";
import { describeWithSoffice } from "./helpers/soffice";

const RUNS = 8;
const SEED = 23;

const TEAM = ["优秀", "良好", "一般", "较差", "", "优良"];
const CADRE = ["优秀", "称职", "基本称职", "不称职", "不定等次", "", "优良"];

const bookArb = fc.record({
  teams: fc.array(fc.constantFrom(...TEAM), { minLength: 1, maxLength: 5 }),
  cadres: fc.array(
    fc.record({
      unit: fc.integer({ min: 0, max: 5 }),
      name: fc.integer({ min: 0, max: 30 }),
      principal: fc.constantFrom("是", "否", ""),
      grade: fc.constantFrom(...CADRE),
      prev: fc.constantFrom(...CADRE),
      score: fc.oneof(fc.integer({ min: 60, max: 100 }), fc.double({ min: 80, max: 99, noNaN: true }), fc.constant("")),
      appointed: fc.option(fc.date({ min: new Date("2015-01-01"), max: new Date("2025-12-31") }), { nil: undefined }),
      sanction: fc.constantFrom("", "警告", "记大过", "罚款"),
    }),
    { minLength: 1, maxLength: 40 },
  ),
});
type Book = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

async function write(b: Book, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const teams = wb.addWorksheet("班子");
  teams.addRow(["单位", "本年班子等次"]);
  b.teams.forEach((g, i) => teams.addRow([`单位${i}`, g]));
  const cadres = wb.addWorksheet("干部");
  cadres.addRow(["单位", "姓名", "是否正职", "本年等次", "2024年度等次", "平时考核得分", "任职时间", "处分或处理"]);
  // Sorted by unit, and each unit's cells merged down its rows, as units lay them out.
  const rows = b.cadres.slice().sort((x, y) => x.unit - y.unit);
  rows.forEach((c) => {
    const row = cadres.addRow([
      `单位${c.unit}`,
      `人${c.name}`,
      c.principal,
      c.grade,
      c.prev,
      c.score,
      c.appointed ?? null,
      c.sanction,
    ]);
    if (c.appointed) row.getCell(7).numFmt = "yyyy-mm-dd";
  });
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].unit === rows[i].unit) j++;
    if (j > i) cadres.mergeCells(i + 2, 1, j + 2, 1);
    i = j + 1;
  }
  await wb.xlsx.writeFile(file);
}

const key = (f: Finding) => [f.rule, f.sheet, f.cell, f.unit ?? "", f.person ?? "", f.message].join("|");

describeWithSoffice("random workbooks through .ods give the same findings", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "kaohe-ods-prop-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${RUNS} random workbooks (seed ${SEED})`, async () => {
    const books = fc.sample(bookArb, { numRuns: RUNS, seed: SEED });
    const files = books.map((_, i) => path.join(dir, `book${i}.xlsx`));
    for (const [i, b] of books.entries()) await write(b, files[i]);
    convertAll(files, dir, path.join(dir, "profile"), [ODS]);
    const rs = resolveRuleset("jinan-2022");
    for (const f of files) {
      const xlsx = (await readWorkbookFile(f)).input;
      const ods = await readWorkbookFile(f.replace(/\.xlsx$/, ".ods"));
      expect(ods.format).toBe("ods");
      const a = checkWorkbook(xlsx, rs).findings.map(key).sort();
      const b = checkWorkbook(ods.input, rs).findings.map(key).sort();
      expect({ file: path.basename(f), findings: b }).toEqual({ file: path.basename(f), findings: a });
      expect(ods.input.sheets.map((s) => s.merges)).toEqual(xlsx.sheets.map((s) => s.merges));
    }
  }, 180000);

  it("hidden sheets, typed errors and booleans, formulas showing errors: as the .xlsx reader reads them", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("干部");
    a.addRow(["单位", "错", "真"]);
    a.addRow(["甲局", { error: "#N/A" }, true]);
    a.addRow(["乙局", { formula: "1/0", result: { error: "#DIV/0!" } }, false]);
    const h = wb.addWorksheet("隐藏");
    h.state = "hidden";
    h.addRow(["隐"]);
    const file = path.join(dir, "kinds.xlsx");
    await wb.xlsx.writeFile(file);
    convertAll([file], dir, path.join(dir, "profile"), [ODS, XLS]);
    const xlsx = (await readWorkbookFile(file)).input.sheets;
    expect(xlsx[1].hidden).toBe(true);
    for (const ext of ["ods", "xls"])
      expect((await readWorkbookFile(file.replace(/xlsx$/, ext))).input.sheets).toEqual(xlsx);
  }, 60000);
});
