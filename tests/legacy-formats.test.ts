/**
 * Returns in the formats units actually save (issue 23): the sample, generated county returns and the
 * filled native template, converted by LibreOffice to .xls and .ods (and by SheetJS to .xlsb, which
 * LibreOffice cannot write), give exactly the findings of their .xlsx originals; a folder of mixed formats
 * checks and merges as the .xlsx originals do; the format is named; what a format loses is said.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook, renameUnits } from "../src/sample/generate";
import { writeBook } from "../src/sample/write";
import { checkInput } from "../src/batch/check-one";
import { resolveRuleset } from "../src/engine";
import type { FormatId } from "../src/xlsx/formats";
import { readWorkbookFile } from "../src/xlsx/read";
import { convertAll, filesIn, ODS, renameExt, toXlsb, XLS } from "./helpers/legacy-files";
import { describeWithSoffice } from "./helpers/soffice";
import { runKaohe } from "./helpers/streams";
import { fill, tamper } from "./helpers/template-fill";

interface JsonFinding {
  rule: string;
  sheet: string;
  cell: string;
  unit?: string;
  person?: string;
}
interface JsonFile {
  file: string;
  status: string;
  findings?: JsonFinding[];
  error?: string;
}

const key = (f: JsonFinding) => [f.rule, f.sheet, f.cell, f.unit ?? "", f.person ?? ""].join("|");
const keys = (f: JsonFile) => (f.findings ?? []).map(key).sort();
const stem = (file: string) => path.basename(file).replace(/\.[a-z]+$/i, "");

describeWithSoffice("returns saved as .xls, .et, .ods and .xlsb", () => {
  let dir: string;
  let originals: string;
  let converted: string;
  let byFile: Map<string, JsonFile>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kaohe-legacy-"));
    originals = path.join(dir, "xlsx");
    converted = path.join(dir, "other");
    mkdirSync(originals);
    mkdirSync(converted);
    copyFileSync(path.join(__dirname, "..", "examples", "sample.xlsx"), path.join(originals, "示例.xlsx"));
    for (let i = 0; i < 2; i++)
      await writeBook(path.join(originals, `县${i + 1}.xlsx`), renameUnits(largeBook(3, 8, 60 + i), `县${i + 1}`));
    const template = path.join(dir, "模板.xlsx");
    const made = await runKaohe("template", "--out", template, "--year", "2025");
    expect(made.code).toBe(0);
    await fill(template, path.join(originals, "市直-填好.xlsx"));
    await fill(template, path.join(originals, "市直-改过公式.xlsx"), tamper);
    const xlsx = filesIn(originals, "xlsx");
    convertAll(xlsx, converted, path.join(dir, "profile"), [XLS, ODS]);
    // SheetJS writes .xlsb without formulas: the tampered template (its findings are formulas') is left out.
    for (const f of xlsx.filter((x) => !x.includes("改过公式"))) toXlsb(f, path.join(converted, stem(f) + ".xlsb"));
    // WPS's .et is BIFF in a compound file: one county's .xls saved under that name.
    renameExt(path.join(converted, "县2.xls"), "et");
    const r = await runKaohe("check", originals, converted, "--json");
    byFile = new Map((JSON.parse(r.out).files as JsonFile[]).map((f) => [f.file, f]));
  }, 300000);

  afterAll(() => process.env.KAOHE_KEEP || rmSync(dir, { recursive: true, force: true }));

  it("converted files check with exactly the findings of their .xlsx originals", () => {
    const others = [...byFile.keys()].filter((f) => f.startsWith(converted));
    expect(others.length).toBe(14);
    for (const f of others) {
      const original = byFile.get(path.join(originals, stem(f) + ".xlsx"))!;
      const got = byFile.get(f)!;
      expect({ file: f, status: got.status, error: got.error }).toEqual({
        file: f,
        status: "checked",
        error: undefined,
      });
      expect({ file: f, findings: keys(got) }).toEqual({ file: f, findings: keys(original) });
    }
  });

  it("the filled native template saved as .xls (and .et, .ods) audits clean", () => {
    expect(keys(byFile.get(path.join(converted, "市直-填好.xls"))!)).toEqual([]);
    expect(keys(byFile.get(path.join(converted, "市直-填好.ods"))!)).toEqual([]);
    // The tampered one is still seen through the format: a typed quota, pasted counts, another formula.
    const tampered = keys(byFile.get(path.join(converted, "市直-改过公式.xls"))!);
    expect(tampered).toEqual(
      expect.arrayContaining(["A03|班子|H4|甲局|", "A04|班子|I5|乙局|", "A04|干部|R7|甲局|甲4"]),
    );
  });

  it("names the format on each file's line, and reads it as the format it is", async () => {
    const r = await runKaohe(
      "check",
      path.join(converted, "县1.xls"),
      path.join(converted, "县2.et"),
      path.join(converted, "县1.ods"),
    );
    expect(r.out).toContain(`▶ ${path.join(converted, "县1.xls")}（Excel 97–2003） — 规则集`);
    expect(r.out).toContain(`▶ ${path.join(converted, "县2.et")}（WPS 表格 .et） — 规则集`);
    expect(r.out).toContain(`▶ ${path.join(converted, "县1.ods")}（OpenDocument 表格） — 规则集`);
    expect((await readWorkbookFile(path.join(converted, "县1.xlsb"))).format).toBe("xlsb");
    expect((await readWorkbookFile(path.join(originals, "县1.xlsx"))).format).toBe("xlsx");
  });

  it("kaohe results lists the same measures from the .xls, .ods and .xlsb", async () => {
    const measures = async (file: string) =>
      JSON.parse((await runKaohe("results", file, "--json")).out).files[0].measures;
    const original = await measures(path.join(originals, "示例.xlsx"));
    expect(original.length).toBeGreaterThan(0);
    for (const ext of ["xls", "ods", "xlsb"])
      expect(await measures(path.join(converted, `示例.${ext}`))).toEqual(original);
  });

  it("a merge of mixed formats equals the merge of the .xlsx originals", async () => {
    const mixed = path.join(dir, "mixed");
    mkdirSync(mixed);
    const pick = ["示例.xls", "县1.ods", "县2.et", "市直-填好.xlsb", "市直-改过公式.ods"];
    for (const f of pick) copyFileSync(path.join(converted, f), path.join(mixed, f));
    const a = await runKaohe("merge", originals, "--out", path.join(dir, "a.xlsx"), "--json");
    const b = await runKaohe("merge", mixed, "--out", path.join(dir, "b.xlsx"), "--json");
    expect(b.code).toBe(a.code);
    const ja = JSON.parse(a.out);
    const jb = JSON.parse(b.out);
    expect(jb.merged.units).toEqual(ja.merged.units);
    expect(jb.merged.body).toEqual(ja.merged.body);
    const findings = (j: { files: JsonFile[] }) => new Map(j.files.map((f) => [stem(f.file), keys(f)]));
    expect(findings(jb)).toEqual(findings(ja));
    // The consolidated sheets cell for cell, the source file named by its stem, the time of merging left out.
    const sheets = async (file: string) =>
      (await readWorkbookFile(file)).input.sheets.map((s) => ({
        name: s.name,
        values: s.values
          .filter((row) => row[0] !== "汇总时间")
          .map((row) => row.map((v) => (typeof v === "string" && v.includes(path.sep) ? stem(v) : v))),
      }));
    // A template formula ExcelJS left uncalculated (null in the .xlsx) has its value once LibreOffice converts.
    const [sa, sb] = [await sheets(path.join(dir, "a.xlsx")), await sheets(path.join(dir, "b.xlsx"))];
    const computed = new Set(["参评人数", "优秀上限", "已定优秀", "状态", "提示"]);
    for (const [k, sheet] of sa.entries()) {
      const header = sheet.values.find((row) => row[0] === "来源文件") ?? [];
      sheet.values.forEach((row, r) => {
        const other = sb[k].values[r] ?? [];
        for (let c = 0; c < other.length; c++)
          if ((row[c] ?? null) === null && computed.has(String(header[c])))
            other[c] = row[c] === undefined ? undefined : null;
        while (other.length > row.length && other[other.length - 1] === undefined) other.pop();
      });
    }
    expect(sb).toEqual(sa);
  });
});

describe("what an older format lost is said, not taken for tampering (A04 naming the format)", () => {
  const template = async (dir: string) => {
    const file = path.join(dir, "模板.xlsx");
    await runKaohe("template", "--out", file, "--year", "2025");
    const filled = path.join(dir, "填好.xlsx");
    await fill(file, filled);
    return (await readWorkbookFile(filled)).input;
  };
  const check = (input: Awaited<ReturnType<typeof template>>, format: FormatId) => {
    const r = checkInput("填好", input, resolveRuleset("jinan-2022"), false, { format });
    if ("status" in r) throw new Error(r.error);
    return r.result;
  };
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "kaohe-loss-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("#NAME? shown by the template's own formulas, and functions replaced, said once per column", async () => {
    const input = await template(dir);
    const teams = input.sheets.find((s) => s.name === "班子")!;
    // An Excel without COUNTIFS: 参评人数 kept but not computed; 已定优秀 rewritten with SUMPRODUCT.
    for (const r of [3, 4]) {
      teams.values[r][6] = "#NAME?";
      teams.formulas![r][8] = teams.formulas![r][8]!.replace("COUNTIFS(", "SUMPRODUCT(");
    }
    const asXlsx = check(input, "xlsx").findings.filter((f) => f.rule.startsWith("A"));
    // In an .xlsx the same cells are tampering: one finding a cell.
    expect(asXlsx.map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(["A04 I4", "A04 I5", "A06 G4", "A06 G5"]);
    const xls = check(input, "xls");
    const asXls = xls.findings.filter((f) => f.rule.startsWith("A"));
    expect(asXls.map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(["A04 G4", "A04 I4"]);
    expect(xls.summary.errors).toBe(check(input, "xlsx").summary.errors - 2);
    const [shown, replaced] = [asXls.find((f) => f.cell === "G4")!, asXls.find((f) => f.cell === "I4")!];
    expect(shown.message).toMatch(
      /「参评人数」列有 2 个单元格显示 #NAME\?：本文件是 Excel 97–2003 格式（\.xls），保存它的程序无法计算模板的公式/,
    );
    expect(replaced.message).toMatch(
      /「已定优秀」列有 2 个单元格的公式不是模板的公式：本文件是 Excel 97–2003 格式（\.xls），保存它的程序不支持 COUNTIFS/,
    );
    expect(replaced.message).toMatch(/这是文件格式造成的，不是改动/);
    expect(replaced.messageEn).toMatch(/lacks COUNTIFS/);
  });
});
