/** Templates for subordinate units: made by `kaohe template`, filled with ExcelJS, checked back. */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { describeWithSoffice, soffice as convert } from "./helpers/soffice";
import { checkWorkbook, columnLetter, resolveRuleset, rulesetForWorkbook } from "../src/engine";
import type { FakeExcel } from "../src/testing/fake-excel";
import { readWorkbook } from "../src/taskpane/excel/read";
import { TemplateSheetsExist, writeTemplateSheets } from "../src/taskpane/excel/write-template";
import { fakeOf, run } from "./helpers/fake-book";
import { main } from "../src/cli/main";
import { buildTemplate } from "../src/template/spec";
import { Capture } from "./helpers/streams";
import { fill, tamper } from "./helpers/template-fill";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-template-"));
const jinan = path.join(dir, "jinan.xlsx");

async function kaohe(...args: string[]) {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out.stream, err.stream);
  return { code, out: out.text, err: err.text };
}

async function checkJson(file: string, ...extra: string[]) {
  const r = await kaohe("check", file, "--json", ...extra);
  return JSON.parse(r.out).files[0] as {
    ruleset: { id: string; fingerprint: string };
    findings: { rule: string; severity: string; sheet: string; cell: string; message: string }[];
  };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(async () => {
  expect((await kaohe("template", "--ruleset", "jinan-2022", "--out", jinan, "--year", "2025")).code).toBe(0);
});

describe("kaohe template", () => {
  it("writes 班子, 干部 and a protected 规则 sheet with frozen headers", async () => {
    const wb = await load(jinan);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["班子", "干部", "规则"]);
    for (const name of ["班子", "干部"]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const rules = wb.getWorksheet("规则")!;
    expect((rules as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(rules.getCell("B2").value).toBe("jinan-2022");
    expect(rules.getCell("B7").value).toBe(resolveRuleset("jinan-2022").fingerprint);
  });

  it("puts a dropdown on every grade, yes/no and sanction column", async () => {
    const wb = await load(jinan);
    const t = buildTemplate(resolveRuleset("jinan-2022"), { year: 2025 });
    for (const sheet of [t.teams, t.cadres]) {
      const ws = wb.getWorksheet(sheet.name)!;
      sheet.columns.forEach((col, i) => {
        if (!col.input || !["teamGrade", "grade", "political", "yesno", "sanction"].includes(col.input)) return;
        const cell = ws.getCell(sheet.rows + 1, i + 1);
        expect({ header: col.header, v: cell.dataValidation?.type }).toEqual({ header: col.header, v: "list" });
        for (const item of t.lists[col.input as keyof typeof t.lists])
          expect(cell.dataValidation!.formulae![0]).toContain(item);
      });
    }
  });

  it("computes the team figures and the row check with formulas, cached values included", async () => {
    const wb = await load(jinan);
    const teams = wb.getWorksheet("班子")!;
    const header = (teams.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const quota = teams.getCell(2, col("优秀上限"));
    expect(quota.formula).toContain("KH.EXCELLENTQUOTA(");
    expect(quota.formula).toContain("规则!$B$2");
    // An empty row's cached result is "" (written as <v></v>, which ExcelJS reads back as undefined).
    expect([undefined, ""]).toContain((quota.value as ExcelJS.CellFormulaValue).result);
    for (const h of ["参评人数", "已定优秀", "状态"]) expect(teams.getCell(2, col(h)).formula).toBeTruthy();
    const cadres = wb.getWorksheet("干部")!;
    expect(cadres.getCell(600, 18).formula).toMatch(/^IF\(\$C600="","",KH\.CHECK\(IFERROR\(VLOOKUP\(\$B600,班子!/);
  });

  it("checks clean when empty, under the ruleset it carries", async () => {
    const r = await checkJson(jinan);
    expect(r.findings).toEqual([]);
    expect(r.ruleset.id).toBe("jinan-2022");
    const cs = path.join(dir, "cs.xlsx");
    await kaohe("template", "--ruleset", "civil-servant-2020+gansu-2024", "--out", cs, "--year", "2025");
    expect((await checkJson(cs)).ruleset).toEqual({
      id: "civil-servant-2020+gansu-2024",
      fingerprint: resolveRuleset("civil-servant-2020+gansu-2024").fingerprint,
    });
  });

  it("reports a workbook carrying another ruleset than the one named (A02)", async () => {
    const r = await checkJson(jinan, "--ruleset", "civil-servant-2020");
    expect(r.findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`])).toEqual([
      ["A02", "warning", "规则!B7"],
    ]);
  });
});

interface Shape {
  sheets: {
    name: string;
    headers: string[];
    frozen: number;
    columns: { formula2: string | null; formulaLast: string | null; validation: string | null }[];
  }[];
  rules: unknown[][];
  rulesProtected: boolean;
  rulesUnlocked: string[];
}

const trimRow = (r: unknown[] | undefined) => {
  const out = Array.from(r ?? [], (v) => (v === null || v === undefined ? "" : v)); // ExcelJS rows are sparse
  while (out.length && out[out.length - 1] === "") out.pop();
  return out;
};

/** What both writers must agree on, read from the CLI's file. */
async function shapeOfFile(file: string, t: ReturnType<typeof buildTemplate>): Promise<Shape> {
  const wb = await load(file);
  return {
    sheets: [t.teams, t.cadres].map((sheet) => {
      const ws = wb.getWorksheet(sheet.name)!;
      const last = sheet.rows + 1;
      return {
        name: sheet.name,
        headers: trimRow((ws.getRow(1).values as unknown[]).slice(1)) as string[],
        frozen: (ws.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0,
        columns: sheet.columns.map((_, i) => {
          const v = ws.getCell(last, i + 1).dataValidation;
          const f = (r: number) => (ws.getCell(r, i + 1).formula ? "=" + ws.getCell(r, i + 1).formula : null);
          return {
            formula2: f(2),
            formulaLast: f(last),
            validation: !v?.type
              ? null
              : v.type === "list"
                ? `list:${String(v.formulae![0]).replace(/^"|"$/g, "")}`
                : v.type,
          };
        }),
      };
    }),
    rules: Array.from(wb.getWorksheet("规则")!.getSheetValues().slice(1), (r) =>
      trimRow(((r as unknown[] | undefined) ?? []).slice(1)),
    ),
    rulesProtected:
      (wb.getWorksheet("规则") as unknown as { sheetProtection?: { sheet: boolean } }).sheetProtection?.sheet === true,
    rulesUnlocked: (() => {
      const cells: string[] = [];
      wb.getWorksheet("规则")!.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (c) => void (c.protection?.locked === false && cells.push(c.address))),
      );
      return cells;
    })(),
  };
}

/** The same, read from the fake Excel the pane's writer wrote into. */
function shapeOfFake(fake: FakeExcel, t: ReturnType<typeof buildTemplate>): Shape {
  const sheet = (name: string) => fake.state.sheets.find((x) => x.name === name)!;
  const kinds: Record<string, string> = { decimal: "decimal", wholeNumber: "whole", date: "date" };
  return {
    sheets: [t.teams, t.cadres].map((ts) => {
      const s = sheet(ts.name);
      const last = ts.rows + 1;
      return {
        name: ts.name,
        headers: trimRow(s.values[0]) as string[],
        frozen: s.frozenRows,
        columns: ts.columns.map((_, i) => {
          const L = columnLetter(i);
          const rule = s.validations.get(`${L}2:${L}${last}`)?.rule as Record<string, { source?: string }> | undefined;
          const kind = rule ? Object.keys(rule)[0] : null;
          return {
            formula2: s.formulas.get(`${L}2`) ?? null,
            formulaLast: s.formulas.get(`${L}${last}`) ?? null,
            validation: !kind ? null : kind === "list" ? `list:${rule!.list.source}` : kinds[kind],
          };
        }),
      };
    }),
    rules: sheet("规则").values.map(trimRow),
    rulesProtected: sheet("规则").protected,
    rulesUnlocked: [...sheet("规则").unlocked],
  };
}

describe("the pane's template writer", () => {
  it("writes the same sheets, headers, validations, formulas and 规则 sheet as kaohe template", async () => {
    const rs = resolveRuleset("jinan-2022");
    const t = buildTemplate(rs, { year: 2025 });
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    await run(fake, (ctx) => writeTemplateSheets(ctx, t));
    const pane = shapeOfFake(fake, t);
    const cli = await shapeOfFile(jinan, t);
    expect(pane).toEqual(cli);
    expect(cli.sheets[1].columns.filter((c) => c.validation?.startsWith("list:")).length).toBeGreaterThanOrEqual(8);
    expect(cli.rulesProtected).toBe(true);
    expect(cli.rulesUnlocked).toEqual(["B8"]); // 公布日期, the one cell to fill in
  });

  it("refuses to write over a workbook's own 班子/干部/规则 sheets", async () => {
    const t = buildTemplate(resolveRuleset("jinan-2022"), { year: 2025 });
    const fake = fakeOf([{ name: "干部", values: [["我的数据"]] }]);
    const e = await run(fake, (ctx) => writeTemplateSheets(ctx, t)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TemplateSheetsExist);
    expect((e as TemplateSheetsExist).names).toEqual(["干部"]);
    expect(fake.state.writes).toEqual([]);
  });

  it("a template the pane wrote checks clean and carries its ruleset", async () => {
    const t = buildTemplate(resolveRuleset("civil-servant-2020+gansu-2024"), { year: 2025 });
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    await run(fake, (ctx) => writeTemplateSheets(ctx, t));
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    const rsUsed = rulesetForWorkbook(read.input.sheets, resolveRuleset("jinan-2022"), false);
    expect(rsUsed.id).toBe("civil-servant-2020+gansu-2024");
    expect(checkWorkbook(read.input, rsUsed).findings).toEqual([]);
  });
});

describe("a filled and returned template", () => {
  it("is checked like any appraisal workbook", async () => {
    const filled = path.join(dir, "filled.xlsx");
    await fill(jinan, filled);
    const r = await checkJson(filled);
    // 甲局 is 一般: 10 cadres at 10% allow 1 优秀 — one is given, so Q01 holds; 乙局's principal is 优秀 under 良好.
    expect(r.findings.filter((f) => f.rule === "Q01")).toEqual([]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("finds a changed parameter on 规则 at its cell (A01)", async () => {
    const tampered = path.join(dir, "tampered-rules.xlsx");
    await fill(jinan, tampered, (wb) => {
      const rules = wb.getWorksheet("规则")!;
      rules.eachRow((row) => {
        if (row.getCell(4).value === "teamShares.2") row.getCell(2).value = 20;
      });
    });
    const r = await checkJson(tampered);
    const a01 = r.findings.filter((f) => f.rule === "A01");
    expect(a01.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["规则!B7"]);
    expect(a01[0].message).toMatch(/teamShares\.2 表中为 20（B\d+），jinan-2022 规定为 10/);
  });

  it("takes the announcement date from the 规则 sheet's 公布日期 cell, without changing the rules", async () => {
    const announced = path.join(dir, "announced.xlsx");
    await fill(jinan, announced, (wb) => {
      wb.getWorksheet("干部")!.getCell("G4").value = "基本称职";
      wb.getWorksheet("规则")!.getCell("B8").value = new Date(Date.UTC(2026, 2, 1));
    });
    const r = await kaohe("results", announced, "--json");
    const r03 = (JSON.parse(r.out).files[0].measures as { rule: string; until: string | null }[]).filter(
      (m) => m.rule === "R03",
    );
    expect(r03.length).toBeGreaterThan(0);
    expect(r03.map((m) => m.until)).toContain("2027-03-01");
    expect((await checkJson(announced)).findings.filter((f) => f.rule.startsWith("A"))).toEqual([]);
    const given = await kaohe("results", announced, "--json", "--announced", "2026-05-01");
    expect(
      JSON.parse(given.out)
        .files[0].measures.filter((m: { rule: string }) => m.rule === "R03")
        .map((m: { until: string }) => m.until),
    ).toContain("2027-05-01");
  });

  it("finds every kind of formula tampering at its cell (A03–A06)", async () => {
    const tampered = path.join(dir, "tampered-formulas.xlsx");
    await fill(jinan, tampered, tamper);
    const r = await checkJson(tampered);
    const at = (rule: string) =>
      r.findings
        .filter((f) => f.rule === rule)
        .map((f) => `${f.sheet}!${f.cell}`)
        .sort();
    expect(at("A03")).toEqual(["班子!G2", "班子!G3", "班子!H2"]);
    expect(at("A04")).toEqual(["班子!I3"]);
    expect(at("A05")).toEqual(["干部!R5"]);
    expect(at("A06")).toEqual(["班子!H2", "班子!I3", "班子!J3"]);
    const a04 = r.findings.find((f) => f.rule === "A04")!;
    expect(a04.message).toContain('应为 =IF($B3="","",COUNTIFS(干部!$B:$B,$B3,干部!$C:$C,"<>",干部!$G:$G,"优秀"))');
    expect(a04.message).toContain("现为 =COUNTIFS(干部!$B:$B,$B3)");
    expect(r.findings.find((f) => f.rule === "A06" && f.cell === "H2")!.message).toContain("应为「1」");
    expect(
      r.findings
        .filter((f) => f.rule.startsWith("A"))
        .every((f) => (f.rule === "A05" ? f.severity === "warning" : f.severity === "error")),
    ).toBe(true);
  });
});

describeWithSoffice("a second reader: LibreOffice (headless)", () => {
  const soffice = (file: string, to: string, out: string) => convert(file, to, out, path.join(dir, "lo-profile"));

  it("opens the template and a filled copy: every sheet to CSV, the cached KH values shown, and to PDF", async () => {
    const out = path.join(dir, "lo");
    mkdirSync(out, { recursive: true });
    const filled = path.join(dir, "lo-filled.xlsx");
    await fill(jinan, filled, (wb) => {
      const h2 = wb.getWorksheet("班子")!.getCell("H2");
      h2.value = { formula: h2.formula, result: 1 }; // what Excel with the add-in would have stored
    });
    // All sheets, UTF-8, as LibreOffice ≥ 7.2 writes them: <name>-<sheet>.csv
    soffice(filled, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", out);
    const teams = readFileSync(path.join(out, "lo-filled-班子.csv"), "utf8").split(/\r?\n/);
    expect(teams[0]).toBe("序号,单位,单位类别,本年班子等次,上年班子等次,指标失分率,参评人数,优秀上限,已定优秀,状态");
    expect(teams[1].split(",").slice(1, 4)).toEqual(["甲局", "市直部门", "一般"]);
    expect(teams[1].split(",")[7]).toBe("1"); // the KH.EXCELLENTQUOTA cell shows its cached value without the add-in
    const rules = readFileSync(path.join(out, "lo-filled-规则.csv"), "utf8");
    expect(rules).toContain(`指纹,${resolveRuleset("jinan-2022").fingerprint}`);
    expect(readFileSync(path.join(out, "lo-filled-干部.csv"), "utf8").split(/\r?\n/)[0]).toContain("姓名");
    soffice(jinan, "pdf", out);
    expect(readFileSync(path.join(out, "jinan.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 180000);
});
