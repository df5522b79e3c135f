/** Templates for subordinate units: made by `kaohe template`, filled with ExcelJS, checked back. */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import { writeFile } from "fs/promises";
import { templateBytes } from "../src/xlsx/template";
import { tmpdir } from "os";
import * as path from "path";
import { CSV_ALL_SHEETS, describeWithSoffice, recalculatingProfile, soffice } from "./helpers/soffice";
import { readXlsx as readWithOurReader } from "../src/xlsx/read";
import { checkWorkbook, columnLetter, resolveRuleset, rulesetForWorkbook } from "../src/engine";
import { isUnlocked, type FakeExcel } from "../src/testing/fake-excel";
import { readWorkbook } from "../src/hosts/excel/read";
import { TemplateSheetsExist, writeTemplateSheets } from "../src/hosts/excel/write-template";
import { fakeOf, run } from "./helpers/fake-book";
import { main } from "../src/cli/main";
import { buildTemplate, defaultAppraisalYear, inlineList } from "../src/template/spec";
import { normalizeFormula } from "../src/engine/audit/stored-formula";
import { Capture } from "./helpers/streams";
import { fill, FIRST, tamper } from "./helpers/template-fill";
import { unzipSync, strFromU8 } from "fflate";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-template-"));
/** The default, plain-formula template, and the organizing department's KH copy. */
const jinan = path.join(dir, "jinan.xlsx");
const jinanKh = path.join(dir, "jinan-kh.xlsx");
const H = 3; // header row
const LAST = (rows: number) => H + rows;

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
  expect(
    (await kaohe("template", "--ruleset", "jinan-2022", "--out", jinanKh, "--year", "2025", "--formulas", "kh")).code,
  ).toBe(0);
});

/** Every XML part of a package, as text. */
function xmlParts(file: string): Record<string, string> {
  const parts = unzipSync(readFileSync(file));
  return Object.fromEntries(
    Object.entries(parts)
      .filter(([n]) => n.endsWith(".xml"))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

describe("kaohe template", () => {
  it("writes a form to fill, sign and print: title, 填报单位 / 联系人 / 填报日期, frozen headers, protected 规则", async () => {
    const wb = await load(jinan);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["班子", "干部", "规则", "填表说明"]);
    const notes = (wb.getWorksheet("填表说明")!.getSheetValues() as unknown[][]).map((r) => String(r?.[1] ?? ""));
    expect(notes[1]).toMatch(/^2025 年度考核填报模板 — 规则集：济南市/);
    expect(notes.join("\n")).toContain("Excel 2010 及以上、WPS 表格、LibreOffice 均可打开和计算");
    // What the form checks itself, and what waits for the superior unit's check.
    const live = notes
      .slice(notes.indexOf("二、填写时当场可见"), notes.indexOf("三、交回后由上级校验（需要整个工作簿才能判断）"))
      .join("\n");
    const later = notes.slice(notes.indexOf("三、交回后由上级校验（需要整个工作簿才能判断）")).join("\n");
    for (const id of ["Q01", "L01", "L02", "L03", "L04"]) expect(live).toContain(id);
    for (const id of ["D04", "D05", "H01", "H05", "L05", "L06", "T01"]) expect(later).toContain(id);
    for (const name of ["班子", "干部"]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: H });
      expect(String(ws.getCell("A1").value)).toMatch(/^2025年度领导(班子|干部)年度考核等次汇总表$/);
      const form = (ws.getRow(2).values as unknown[]).filter(Boolean);
      expect(form).toEqual(["填报单位：", "联系人：", "填报日期："]);
      expect(ws.pageSetup).toMatchObject({
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${H}:${H}`,
      });
    }
    const rules = wb.getWorksheet("规则")!;
    expect((rules as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(rules.getCell("B2").value).toBe("jinan-2022");
    expect(rules.getCell("B7").value).toBe(resolveRuleset("jinan-2022").fingerprint);
    expect(rules.getCell("D9").value).toBe("native");
    expect((await load(jinanKh)).getWorksheet("规则")!.getCell("D9").value).toBe("kh");
  });

  it("defaults the appraisal year to the year just ended until mid-year", () => {
    expect(defaultAppraisalYear(new Date(2027, 0, 20))).toBe(2026);
    expect(defaultAppraisalYear(new Date(2027, 5, 30))).toBe(2026);
    expect(defaultAppraisalYear(new Date(2027, 6, 1))).toBe(2027);
  });

  it("has no KH function anywhere in the plain template, and keeps them in the KH copy as Excel stores them", () => {
    for (const [name, xml] of Object.entries(xmlParts(jinan))) {
      expect({ name, kh: /KH\.|_xldudf_/.test(xml) }).toEqual({ name, kh: false });
    }
    const kh = Object.values(xmlParts(jinanKh)).join("");
    // Excel's own form (_xldudf_ + namespace + _ + name): the dotted name in a file stays #NAME? (office-js #3558).
    expect(kh).toContain("_xldudf_KH_EXCELLENTQUOTA(");
    expect(kh).toContain("_xldudf_KH_CHECK(");
    expect(kh).not.toMatch(/[^_A-Za-z]KH\.[A-Z]+\(/);
  });

  it("protects the data sheets without a password, formula columns locked, input columns open below the table too", async () => {
    const wb = await load(jinan);
    const t = buildTemplate(resolveRuleset("jinan-2022"), { year: 2025 });
    for (const sheet of [t.teams, t.cadres]) {
      const ws = wb.getWorksheet(sheet.name)! as unknown as ExcelJS.Worksheet & {
        sheetProtection: Record<string, unknown>;
      };
      expect(ws.sheetProtection).toMatchObject({ sheet: true, insertRows: true, deleteRows: true }); // ExcelJS: true = allowed
      expect(ws.sheetProtection.password ?? ws.sheetProtection.hashValue).toBeUndefined();
      sheet.columns.forEach((col, i) => {
        const locked = (r: number) => ws.getCell(r, i + 1).protection?.locked !== false;
        expect({
          col: col.header,
          header: locked(H),
          data: locked(H + 1),
          below: locked(LAST(sheet.rows) + 200),
        }).toEqual({
          col: col.header,
          header: true,
          data: !col.input,
          below: !col.input,
        });
      });
      expect(ws.getCell(2, sheet.form[0].col + 2).protection?.locked).toBe(false); // the 填报单位 input
    }
  });

  it("marks 已定优秀 above 优秀上限 and the rows 提示 speaks of, with native conditional formats", async () => {
    const wb = await load(jinan);
    const cf = (name: string) =>
      (
        wb.getWorksheet(name) as unknown as {
          conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[];
        }
      ).conditionalFormattings;
    expect(cf("班子").map((x) => [x.ref, x.rules[0].type, x.rules[0].formulae[0]])).toEqual([
      [`I${FIRST}:I${LAST(60)}`, "expression", `AND(ISNUMBER($I${FIRST}),ISNUMBER($H${FIRST}),$I${FIRST}>$H${FIRST})`],
    ]);
    expect(cf("干部").map((x) => [x.ref, x.rules[0].formulae[0]])).toEqual([
      [`A${FIRST}:R${LAST(600)}`, `LEN($R${FIRST})>0`],
    ]);
  });

  it("puts a dropdown with an input message on every grade, yes/no and sanction column, and 单位 lists 班子's units", async () => {
    const wb = await load(jinan);
    const t = buildTemplate(resolveRuleset("jinan-2022"), { year: 2025 });
    for (const sheet of [t.teams, t.cadres]) {
      const ws = wb.getWorksheet(sheet.name)!;
      sheet.columns.forEach((col, i) => {
        if (!col.input || !["teamGrade", "grade", "political", "yesno", "sanction"].includes(col.input)) return;
        const cell = ws.getCell(LAST(sheet.rows), i + 1);
        expect({ header: col.header, v: cell.dataValidation?.type }).toEqual({ header: col.header, v: "list" });
        for (const item of t.lists[col.input as keyof typeof t.lists])
          expect(cell.dataValidation!.formulae![0]).toContain(item);
        expect(cell.dataValidation).toMatchObject({ showInputMessage: true, promptTitle: col.header });
      });
    }
    const unit = wb.getWorksheet("干部")!.getCell(FIRST, 2).dataValidation;
    expect(unit).toMatchObject({ type: "list", formulae: [`班子!$B$${FIRST}:$B$${LAST(60)}`], errorStyle: "warning" });
  });

  it("computes the team figures with formulas reading the 规则 sheet, and the KH copy with KH functions", async () => {
    for (const [file, kh] of [
      [jinan, false],
      [jinanKh, true],
    ] as const) {
      const wb = await load(file);
      const teams = wb.getWorksheet("班子")!;
      const header = (teams.getRow(H).values as unknown[]).slice(1);
      const col = (h: string) => header.indexOf(h) + 1;
      const quota = teams.getCell(FIRST, col("优秀上限"));
      if (kh) expect(quota.formula).toContain("_xldudf_KH_EXCELLENTQUOTA(");
      else expect(quota.formula).toMatch(/INT\(\(\$G4\*MIN\(10000,MAX\(0,ROUND\(IF\(\$D4="优秀",规则!\$B\$\d+/);
      // An empty row's cached result is "" (written as <v></v>, which ExcelJS reads back as undefined).
      expect([undefined, ""]).toContain((quota.value as ExcelJS.CellFormulaValue).result);
      for (const h of ["参评人数", "已定优秀", "状态"]) expect(teams.getCell(FIRST, col(h)).formula).toBeTruthy();
      const cadres = wb.getWorksheet("干部")!;
      const last = cadres.getCell(LAST(600), 18);
      expect(cadres.getCell(H, 18).value).toBe(kh ? "校验" : "提示");
      if (kh) expect(last.formula).toMatch(/^IF\(\$C603="","",_xldudf_KH_CHECK\(IFERROR\(VLOOKUP\(\$B603,班子!/);
      else
        expect(last.formula).toMatch(
          /^IF\(\$C603="","",MID\(IF\(AND\(\$F603="是",IFERROR\(VLOOKUP\(\$B603,班子!\$B:\$D,3,0\),""\)="优秀"/,
        );
    }
  });

  it("checks clean when empty, under the ruleset it carries", async () => {
    for (const file of [jinan, jinanKh]) {
      const r = await checkJson(file);
      expect(r.findings).toEqual([]);
      expect(r.ruleset.id).toBe("jinan-2022");
    }
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
    title: unknown;
    form: unknown[];
    headers: string[];
    frozen: number;
    highlights: string[];
    columns: { formula2: string | null; formulaLast: string | null; validation: string | null; open: boolean }[];
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
      const last = LAST(sheet.rows);
      const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
        .conditionalFormattings;
      return {
        name: sheet.name,
        title: ws.getCell("A1").value,
        form: trimRow((ws.getRow(2).values as unknown[]).slice(1)),
        headers: trimRow((ws.getRow(H).values as unknown[]).slice(1)) as string[],
        frozen: (ws.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0,
        highlights: cfs.map((x) => `${x.ref} =${x.rules[0].formulae[0]}`),
        columns: sheet.columns.map((_, i) => {
          const v = ws.getCell(last, i + 1).dataValidation;
          // The file stores KH.CHECK( as Excel does (_xldudf_KH_CHECK(); Office.js takes the dotted name.
          const f = (r: number) =>
            ws.getCell(r, i + 1).formula ? normalizeFormula("=" + ws.getCell(r, i + 1).formula) : null;
          return {
            formula2: f(FIRST),
            formulaLast: f(last),
            validation: !v?.type
              ? null
              : v.type === "list"
                ? `list:${String(v.formulae![0]).replace(/^"|"$/g, "")}`
                : v.type,
            open: ws.getCell(last + 100, i + 1).protection?.locked === false,
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
      const last = LAST(ts.rows);
      return {
        name: ts.name,
        title: s.values[0][0],
        form: trimRow(s.values[1]),
        headers: trimRow(s.values[H - 1]) as string[],
        frozen: s.frozenRows,
        highlights: s.conditionalFormats.map((x) => `${x.ranges} ${x.formula}`),
        columns: ts.columns.map((_, i) => {
          const L = columnLetter(i);
          const rule = s.validations.get(`${L}${FIRST}:${L}${last}`)?.rule as
            Record<string, { source?: string }> | undefined;
          const kind = rule ? Object.keys(rule)[0] : null;
          return {
            formula2: s.formulas.get(`${L}${FIRST}`) ?? null,
            formulaLast: s.formulas.get(`${L}${last}`) ?? null,
            validation: !kind ? null : kind === "list" ? `list:${rule!.list.source!.replace(/^=/, "")}` : kinds[kind],
            open: isUnlocked(s, last + 99, i),
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
  it.each([
    ["native", jinan],
    ["kh", jinanKh],
  ] as const)(
    "writes the same form, sheets, headers, validations, formulas, highlights and 规则 sheet as kaohe template (%s)",
    async (formulas, file) => {
      const rs = resolveRuleset("jinan-2022");
      const t = buildTemplate(rs, { year: 2025, formulas });
      const fake = fakeOf([{ name: "Sheet1", values: [] }]);
      await run(fake, (ctx) => writeTemplateSheets(ctx, t));
      const pane = shapeOfFake(fake, t);
      const cli = await shapeOfFile(file, t);
      expect(pane).toEqual(cli);
      expect(cli.sheets[1].columns.filter((c) => c.validation?.startsWith("list:")).length).toBeGreaterThanOrEqual(8);
      expect(cli.rulesProtected).toBe(true);
      expect(cli.rulesUnlocked).toEqual(["B8"]); // 公布日期, the one cell to fill in
      for (const name of ["班子", "干部"]) {
        const s = fake.state.sheets.find((x) => x.name === name)!;
        expect(s.protectionOptions).toMatchObject({ allowInsertRows: true, allowAutoFilter: true });
        expect(s.pageLayout).toEqual({
          orientation: "Landscape",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: `$${H}:$${H}`,
        });
      }
    },
  );

  it("keeps one rule for a dropdown list over 255 characters in both writers: no validation there", async () => {
    const rs = resolveRuleset("jinan-2022");
    const t = buildTemplate(rs, { year: 2025 });
    t.lists.sanction = Array.from({ length: 40 }, (_, i) => `处分种类第${i + 1}种`);
    expect(inlineList(t.lists.sanction)).toBeNull();
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    await run(fake, (ctx) => writeTemplateSheets(ctx, t));
    const file = path.join(dir, "long-list.xlsx");
    await writeFile(file, await templateBytes(t));
    expect(shapeOfFake(fake, t)).toEqual(await shapeOfFile(file, t));
    const cadres = fake.state.sheets.find((x) => x.name === "干部")!;
    const sanction = t.cadres.columns.findIndex((c) => c.input === "sanction");
    const L = columnLetter(sanction);
    const v = cadres.validations.get(`${L}${FIRST}:${L}${LAST(t.cadres.rows)}`);
    expect(v).toBeUndefined();
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

describe.each([
  ["native", jinan],
  ["kh", jinanKh],
] as const)("a filled and returned template (%s)", (variant, template) => {
  const jinan = template;
  it("is checked like any appraisal workbook", async () => {
    const filled = path.join(dir, `filled-${variant}.xlsx`);
    await fill(jinan, filled);
    const r = await checkJson(filled);
    // 甲局 is 一般: 10 cadres at 10% allow 1 优秀 — one is given, so Q01 holds; 乙局's principal is 优秀 under 良好.
    expect(r.findings.filter((f) => f.rule === "Q01")).toEqual([]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("finds a changed parameter on 规则 at its cell (A01)", async () => {
    const tampered = path.join(dir, `tampered-rules-${variant}.xlsx`);
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
    const announced = path.join(dir, `announced-${variant}.xlsx`);
    await fill(jinan, announced, (wb) => {
      wb.getWorksheet("干部")!.getCell(`G${FIRST + 2}`).value = "基本称职";
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
    const tampered = path.join(dir, `tampered-formulas-${variant}.xlsx`);
    await fill(jinan, tampered, tamper);
    const r = await checkJson(tampered);
    const at = (rule: string) =>
      r.findings
        .filter((f) => f.rule === rule)
        .map((f) => `${f.sheet}!${f.cell}`)
        .sort();
    const [a, b] = [FIRST, FIRST + 1];
    expect(at("A03")).toEqual([`班子!G${a}`, `班子!G${b}`, `班子!H${a}`]);
    // 校验 reading the next row is a KH formula reaching out (A05); 提示 doing so is a formula unlike its column (A04).
    expect(at("A04")).toEqual([`班子!I${b}`, ...(variant === "native" ? [`干部!R${FIRST + 3}`] : [])].sort());
    expect(at("A05")).toEqual(variant === "kh" ? [`干部!R${FIRST + 3}`] : []);
    expect(at("A06")).toEqual([`班子!H${a}`, `班子!I${b}`, `班子!J${b}`]);
    const a04 = r.findings.find((f) => f.rule === "A04" && f.sheet === "班子")!;
    expect(a04.message).toContain(
      `应为 =IF($B${b}="","",COUNTIFS(干部!$B:$B,$B${b},干部!$C:$C,"<>",干部!$G:$G,"优秀"))`,
    );
    expect(a04.message).toContain(`现为 =COUNTIFS(干部!$B:$B,$B${b})`);
    expect(r.findings.find((f) => f.rule === "A06" && f.cell === `H${a}`)!.message).toContain("应为「1」");
    expect(
      r.findings
        .filter((f) => f.rule.startsWith("A"))
        .every((f) => (f.rule === "A05" ? f.severity === "warning" : f.severity === "error")),
    ).toBe(true);
  });
});

describe("a KH copy audits alike whichever form its custom functions are stored in", () => {
  /** Every formula's KH calls rewritten: dotted (as Office.js and older kaohe wrote) or as Excel saves them. */
  const storedAs = (form: "dotted" | "excel") => (wb: ExcelJS.Workbook) => {
    tamper(wb);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (!c.formula) return;
          const f =
            form === "dotted"
              ? c.formula.replace(/_xldudf_KH_([A-Z]+)\(/g, "KH.$1(")
              : c.formula.replace(/(^|[^_A-Za-z])KH\.([A-Z]+)\(/g, "$1_xldudf_KH_$2(");
          c.value = { formula: f, result: (c.value as ExcelJS.CellFormulaValue).result } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
  };

  it("finds the same A03–A06, with the same messages, in both", async () => {
    const [dotted, excel] = [path.join(dir, "kh-dotted.xlsx"), path.join(dir, "kh-excel.xlsx")];
    await fill(jinanKh, dotted, storedAs("dotted"));
    await fill(jinanKh, excel, storedAs("excel"));
    expect(readFileSync(excel).length).toBeGreaterThan(0);
    const [a, b] = [await checkJson(dotted), await checkJson(excel)];
    expect(a.findings.some((f) => f.rule === "A05")).toBe(true);
    expect(b.findings).toEqual(a.findings);
    // What a user reads is the formula as typed in Excel, never the stored _xldudf_ form.
    expect(b.findings.filter((f) => f.message.includes("_xldudf_"))).toEqual([]);
  });

  it("and a column mixing both forms is no A04", async () => {
    const mixed = path.join(dir, "kh-mixed.xlsx");
    await fill(jinanKh, mixed, (wb) => {
      const cadres = wb.getWorksheet("干部")!;
      for (let r = FIRST; r < FIRST + 300; r += 2) {
        const c = cadres.getCell(r, 18);
        c.value = { formula: normalizeFormula(c.formula), result: "" } as ExcelJS.CellFormulaValue;
      }
    });
    expect((await checkJson(mixed)).findings.filter((f) => f.rule.startsWith("A"))).toEqual([]);
  });
});

describe("the audit takes each column's formula from the template the 规则 sheet names", () => {
  it("sees a column replaced whole and consistently (every row the same other formula) as A04 in each row", async () => {
    const replaced = path.join(dir, "replaced-column.xlsx");
    await fill(jinan, replaced, (wb) => {
      const t = wb.getWorksheet("班子")!;
      for (let r = FIRST; r <= LAST(60); r++)
        t.getCell(`H${r}`).value = { formula: `IF($B${r}="","",$G${r})`, result: "" };
    });
    const r = await checkJson(replaced);
    const a04 = r.findings.filter((f) => f.rule === "A04");
    expect(a04.length).toBe(60);
    expect(a04[0].message).toMatch(/应为 =IF\(OR\(\$B4="",NOT\(OR\(\$D4="优秀"/);
  });

  it("judges a KH copy by the KH formulas, and a plain one by the plain formulas", async () => {
    for (const [file, other] of [
      [jinan, jinanKh],
      [jinanKh, jinan],
    ] as const) {
      const swapped = path.join(dir, `swapped-${path.basename(file)}`);
      // The other variant's 优秀上限 formulas pasted into this template: every row differs from what its 规则 sheet names.
      const donor = await load(other);
      await fill(file, swapped, (wb) => {
        const t = wb.getWorksheet("班子")!;
        for (let r = FIRST; r <= LAST(60); r++)
          t.getCell(`H${r}`).value = { formula: donor.getWorksheet("班子")!.getCell(`H${r}`).formula, result: "" };
      });
      expect((await checkJson(swapped)).findings.filter((f) => f.rule === "A04" || f.rule === "A05").length).toBe(60);
    }
  });
});

describeWithSoffice("a second reader: LibreOffice (headless)", () => {
  const csvOf = (file: string) => (sheet: string) =>
    readFileSync(path.join(path.dirname(file), `${path.basename(file, ".xlsx")}-${sheet}.csv`), "utf8").split(/\r?\n/);

  it("recalculates a filled plain template to the engine's figures and verdicts, with no error cell anywhere", async () => {
    const out = path.join(dir, "lo-native");
    mkdirSync(out, { recursive: true });
    const filled = path.join(out, "filled.xlsx");
    await fill(jinan, filled, (wb) => {
      const c = wb.getWorksheet("干部")!;
      // A row typed below the prepared ones, as a unit would: it must still count.
      const below = LAST(600) + 5;
      [
        ["甲局", 2],
        ["甲新", 3],
        ["否", 6],
        ["优秀", 7],
      ].forEach(([v, col]) => (c.getCell(below, col as number).value = v));
      c.getCell(FIRST, 10).value = 85; // 甲一 平时考核 (the gansu overlay is off: no E01 here)
    });
    soffice(filled, CSV_ALL_SHEETS, out, recalculatingProfile(path.join(dir, "lo-recalc")));
    const csv = csvOf(filled);
    const all = ["班子", "干部", "规则"].flatMap(csv).join("\n");
    expect(all).not.toMatch(/#NAME\?|#VALUE!|#REF!|Err:\d+|#DIV\/0!/);
    const teams = csv("班子");
    expect(teams[H - 1]).toBe(
      "序号,单位,单位类别,本年班子等次,上年班子等次,指标失分率,参评人数,优秀上限,已定优秀,状态",
    );
    // The engine on the same file: kaohe check counts the row below the prepared area too.
    const input = await readWithOurReader(filled);
    const r = checkWorkbook(input, resolveRuleset("jinan-2022"));
    const jia = r.model.unitByKey.get("甲局")!;
    expect(jia.cadres.map((p) => p.name)).toContain("甲新");
    const [, unitA, , gradeA, , , nA, quotaA, countA, statusA] = teams[FIRST - 1].split(",");
    expect([unitA, gradeA]).toEqual(["甲局", "一般"]);
    expect(Number(nA)).toBe(jia.cadres.length); // 11: ten prepared rows and the one below
    expect(Number(quotaA)).toBe(1); // 10% of 11, rounded down
    expect(Number(countA)).toBe(2); // 甲2 and 甲新
    expect(statusA).toBe("超出优秀上限");
    expect(r.findings.filter((f) => f.rule === "Q01").map((f) => f.unit)).toEqual(["甲局"]);
    // 乙局 is 良好 and its principal 优秀: no row rule broken; the hints stay empty.
    const cadres = csv("干部");
    expect(cadres.slice(FIRST - 1, FIRST + 14).every((l) => l.split(",")[17] === "")).toBe(true);
  }, 180000);

  it("states each row's breaches in 提示 in LibreOffice as the engine finds them", async () => {
    const out = path.join(dir, "lo-hints");
    mkdirSync(out, { recursive: true });
    const template = path.join(out, "gansu.xlsx");
    expect(
      (await kaohe("template", "--ruleset", "jinan-2022+gansu-2024", "--out", template, "--year", "2025")).code,
    ).toBe(0);
    const filled = path.join(out, "filled.xlsx");
    await fill(template, filled, (wb) => {
      const t = wb.getWorksheet("班子")!;
      t.getCell(`D${FIRST + 1}`).value = "较差"; // 乙局: its principal 优秀 (L03), 乙2 优秀 (L04)
      const c = wb.getWorksheet("干部")!;
      c.getCell(`G${FIRST + 11}`).value = "优秀";
      c.getCell(`G${FIRST}`).value = "优秀"; // 甲局 is 一般: its principal 优秀 (L02) …
      c.getCell(`J${FIRST}`).value = 85; // … with 平时考核 85 (E01)
      c.getCell(`K${FIRST + 2}`).value = "一般"; // 甲3 称职, 政治素质 一般 (E03, to review)
    });
    soffice(filled, CSV_ALL_SHEETS, out, recalculatingProfile(path.join(dir, "lo-recalc")));
    const cadres = csvOf(filled)("干部");
    const input = await readWithOurReader(filled);
    const r = checkWorkbook(input, resolveRuleset("jinan-2022+gansu-2024"));
    for (let i = 0; i < 15; i++) {
      const row = FIRST - 1 + i;
      const shown = (cadres[row].split(",")[17].match(/[A-Z]\d\d/g) ?? []).sort();
      const engine = [
        ...new Set(
          r.findings
            .filter(
              (f) =>
                f.sheet === "干部" &&
                Number(f.cell.slice(1)) === row + 1 &&
                ["L01", "L02", "L03", "L04", "E01", "E02", "E03", "E05"].includes(f.rule),
            )
            .map((f) => f.rule),
        ),
      ].sort();
      expect({ row: row + 1, shown }).toEqual({ row: row + 1, shown: engine });
    }
    expect(cadres[FIRST - 1]).toContain("L02");
    expect(cadres[FIRST - 1]).toContain("E01");
  }, 180000);

  it("keeps the conditional formats, and prints landscape, fitted to the page width", async () => {
    const out = path.join(dir, "lo-print");
    mkdirSync(out, { recursive: true });
    soffice(jinan, "ods", out, recalculatingProfile(path.join(dir, "lo-recalc")));
    const ods = strFromU8(unzipSync(readFileSync(path.join(out, "jinan.ods")))["content.xml"]);
    const conditions = [
      ...ods.matchAll(/calcext:value="formula-is\(([^"]*)\)" calcext:base-cell-address="([^"]*)"/g),
    ].map((m) => `${m[2]} ${m[1]}`);
    expect(conditions).toEqual([
      "班子.I4 AND(ISNUMBER([.$I4]);ISNUMBER([.$H4]);[.$I4]&gt;[.$H4])",
      "干部.A4 LEN([.$R4])&gt;0",
    ]);
    const filled = path.join(out, "printed.xlsx");
    await fill(jinan, filled);
    soffice(filled, "pdf", out, recalculatingProfile(path.join(dir, "lo-recalc")));
    const pdf = readFileSync(path.join(out, "printed.pdf")).toString("latin1");
    expect(pdf.slice(0, 5)).toBe("%PDF-");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every(([w, h]) => w > h)).toBe(true); // landscape
  }, 180000);

  it("shows a KH copy's cached values without the add-in (no recalculation)", async () => {
    const out = path.join(dir, "lo-kh");
    mkdirSync(out, { recursive: true });
    const filled = path.join(out, "kh.xlsx");
    await fill(jinanKh, filled, (wb) => {
      const q = wb.getWorksheet("班子")!.getCell(`H${FIRST}`);
      q.value = { formula: q.formula, result: 1 }; // what Excel with the add-in would have stored
    });
    soffice(filled, CSV_ALL_SHEETS, out, path.join(dir, "lo-plain"));
    const teams = csvOf(filled)("班子");
    expect(teams[FIRST - 1].split(",")[7]).toBe("1");
    expect(csvOf(filled)("规则").join("\n")).toContain(`指纹,${resolveRuleset("jinan-2022").fingerprint}`);
  }, 180000);
});
