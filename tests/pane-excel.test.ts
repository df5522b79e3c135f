/**
 * The pane's Excel adapter against the fake Excel (batch semantics of Office.js, every sync and write
 * recorded): constant syncs, 5 MB blocks, no write to user cells, reversible marks, owned sheets.
 */
import * as fc from "fast-check";
import * as path from "path";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { checkWorkbook, parseA1, resolveRuleset, rulesetForWorkbook } from "../src/engine";
import { fromSerial, isoDay } from "../src/engine/values";
import { fill, tamper } from "./helpers/template-fill";
import { readXlsx } from "../src/xlsx/read";
import { referenceFor } from "../src/template/reference";
import { largeBook } from "../src/sample/generate";
import { readWorkbook, planBatches, mergeAddresses, type Segment } from "../src/hosts/excel/read";
import { clearMarks, markFindings, MARK_FORMULA } from "../src/hosts/excel/highlight";
import { selectCell } from "../src/hosts/excel/select";
import { writeTable, writeTables, WorkbookProtected } from "../src/hosts/excel/write-table";
import { excelHost } from "../src/hosts/excel";
import type { Table, TableCell } from "../src/tables/table";
import { letters } from "../src/testing/fake-excel/address";
import { describeError } from "../src/hosts/excel/errors";
import { Cancelled } from "../src/ui/progress";
import { reportTable } from "../src/tables/report";
import { main } from "../src/cli/main";
import { createFakeExcel, type FakeExcel } from "../src/testing/fake-excel";
import { bookSpecs, fakeOf, run, specsOf } from "./helpers/fake-book";
import { Capture } from "./helpers/streams";

const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");
const rs = resolveRuleset("jinan-2022");

async function validate(fake: FakeExcel) {
  const read = await run(fake, (ctx) => readWorkbook(ctx));
  return { read, result: checkWorkbook(read.input, rs) };
}

describe("reading the workbook", () => {
  it("gives the same findings as `kaohe check` on the bundled sample", async () => {
    const fake = fakeOf(specsOf(await readXlsx(SAMPLE)));
    const { result } = await validate(fake);
    const out = new Capture();
    await main(["check", SAMPLE, "--json"], out.stream, new Capture().stream);
    const cli = JSON.parse(out.text).files[0];
    const pane = result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
    }));
    expect(pane.length).toBeGreaterThan(10);
    expect(pane).toEqual(
      cli.findings.map((f: Record<string, string>) => ({
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        message: f.message,
      })),
    );
    expect(result.summary).toEqual(cli.summary);
  });

  it("uses the same number of syncs for 10 rows as for 10,000", async () => {
    const syncs: number[] = [];
    for (const [units, per] of [
      [2, 5],
      [50, 20],
      [500, 20],
    ]) {
      const fake = fakeOf(bookSpecs(largeBook(units, per, 7)));
      const { read, result } = await validate(fake);
      expect(result.summary.rows).toBe(units * per + units); // cadres and teams
      expect(read.syncs).toBe(fake.state.syncs);
      syncs.push(fake.state.syncs);
    }
    expect(new Set(syncs).size).toBe(1);
    expect(syncs[0]).toBeLessThanOrEqual(4);
  });

  it("writes nothing while reading", async () => {
    const fake = fakeOf(specsOf(await readXlsx(SAMPLE)));
    await validate(fake);
    expect(fake.state.writes).toEqual([]);
  });

  it("splits a read that would pass the response limit into blocks, each under it", async () => {
    const specs = bookSpecs(largeBook(100, 20, 3));
    const whole = await validate(fakeOf(specs));
    const limit = 150 * 1024;
    const fake = fakeOf(specs, limit);
    const { read, result } = await run(fake, async (ctx) => {
      const r = await readWorkbook(ctx, { budgetBytes: 120 * 1024 });
      return { read: r, result: checkWorkbook(r.input, rs) };
    });
    expect(read.syncs).toBeGreaterThan(3);
    expect(Math.max(...fake.state.responseBytes)).toBeLessThanOrEqual(limit);
    expect(read.input).toEqual(whole.read.input);
    expect(result.findings).toEqual(whole.result.findings);
  });

  it("recovers when Excel still finds a response too large (the estimate was low)", async () => {
    const specs = bookSpecs(largeBook(100, 20, 3));
    const whole = await validate(fakeOf(specs));
    const fake = fakeOf(specs, 100 * 1024);
    const read = await run(fake, (ctx) => readWorkbook(ctx, { bytesPerCell: 1 }));
    expect(fake.state.responseBytes.some((b) => b > 100 * 1024)).toBe(true); // one refused …
    expect(read.input).toEqual(whole.read.input); // … and everything read all the same
  });

  it("pads a used range that does not start at A1, reads merged areas, hidden and protected sheets", async () => {
    const fake = fakeOf([
      { name: "说明", values: [[], [], [null, null, "填表说明"]], visibility: "Hidden", protected: true },
      {
        name: "干部",
        values: [
          [null, "2025年考核"],
          [null, "单位", "姓名"],
          [null, "甲局", "张三"],
          [null, null, "李四"],
        ],
        merges: ["B3:B4", "B1:C1"],
      },
    ]);
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    const [notes, cadres] = read.input.sheets;
    expect(notes).toEqual({ name: "说明", values: [[], [], [null, null, "填表说明"]], merges: [], hidden: true });
    expect(cadres.values[2]).toEqual([null, "甲局", "张三"]);
    expect(cadres.values[3]).toEqual([null, "", "李四"]);
    expect(cadres.merges!.sort()).toEqual(["B1:C1", "B3:B4"]);
    expect(read.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["说明", "Hidden", true],
      ["干部", "Visible", false],
    ]);
  });

  it("skips the sheets the add-in wrote, whatever their name", async () => {
    const fake = fakeOf([
      {
        name: "我的报告",
        values: [
          ["单位", "姓名", "本年等次"],
          ["甲", "乙", "优秀"],
        ],
        customProperties: { kaohe: "report" },
      },
      { name: "干部", values: [["单位", "姓名", "本年等次"]] },
    ]);
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    expect(read.input.sheets.map((s) => s.name)).toEqual(["干部"]);
    expect(read.sheets[0].owned).toBe("report");
  });

  it("an empty workbook reads as no sheets, and the engine says there is nothing to check", async () => {
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    const { result } = await validate(fake);
    expect(result.problem?.zh).toContain("没有找到考核表");
  });

  it("says to finish editing when Excel is in cell edit mode", async () => {
    const fake = fakeOf([{ name: "干部", values: [["姓名"]] }]);
    fake.state.editMode = true;
    const e = await run(fake, (ctx) => readWorkbook(ctx)).catch((x: unknown) => x);
    expect(describeError(e).zh).toContain("按 Enter 或 Esc");
  });

  it("stops at the next sync when cancelled", async () => {
    const fake = fakeOf(bookSpecs(largeBook(10, 10, 1)));
    const signal = { aborted: false };
    const e = await run(fake, (ctx) =>
      readWorkbook(ctx, {
        signal,
        onProgress: (stage) => {
          if (stage === "values") signal.aborted = true;
        },
      }),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Cancelled);
    expect(describeError(e).zh).toBe("已取消。");
  });
});

describe("a returned template in the pane", () => {
  it("reads formulas when the workbook carries a 规则 sheet, and finds what kaohe check finds (A01–A06 included)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kaohe-pane-template-"));
    const blank = path.join(dir, "template.xlsx");
    const returned = path.join(dir, "returned.xlsx");
    await main(
      ["template", "--ruleset", "jinan-2022", "--out", blank, "--year", "2025"],
      new Capture().stream,
      new Capture().stream,
    );
    await fill(blank, returned, tamper);
    const input = await readXlsx(returned);
    const fake = fakeOf(specsOf(input));
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    expect(read.input.sheets.find((s) => s.name === "班子")!.formulas![4][7]).toMatch(
      /^=IF\(OR\(\$B5="",NOT\(OR\(\$D5="优秀",/,
    );
    const used = rulesetForWorkbook(read.input.sheets, rs, false);
    const pane = checkWorkbook(read.input, used, { templateFormulas: referenceFor(read.input.sheets, used) }).findings;
    const out = new Capture();
    await main(["check", returned, "--json"], out.stream, new Capture().stream);
    const cli = JSON.parse(out.text).files[0].findings as { rule: string; cell: string; message: string }[];
    expect(pane.map((f) => [f.rule, f.cell, f.message])).toEqual(cli.map((f) => [f.rule, f.cell, f.message]));
    // The plain template's 提示 reading the next row is a formula unlike its column: A04 (A05 is for KH formulas).
    expect(new Set(pane.map((f) => f.rule))).toEqual(new Set(["A03", "A04", "A06"]));
  });

  it("leaves formulas unread in a workbook that is no template (fewer bytes, same syncs)", async () => {
    const fake = fakeOf(bookSpecs(largeBook(3, 3, 1)));
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    expect(read.input.sheets.every((s) => s.formulas === undefined)).toBe(true);
  });
});

describe("planBatches", () => {
  const segment = fc.record({
    rows: fc.integer({ min: 1, max: 400 }),
    cols: fc.integer({ min: 1, max: 60 }),
    start: fc.integer({ min: 0, max: 5 }),
  });
  it("covers every row once, in order, and keeps each sync within the budget unless one row is wider", () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.integer({ min: 1, max: 5000 }), (segs, budget) => {
        const segments: Segment[] = segs.map((s, i) => ({
          sheet: i,
          from: s.start,
          to: s.start + s.rows,
          columnIndex: 0,
          columnCount: s.cols,
        }));
        const batches = planBatches(segments, budget);
        for (const b of batches) {
          const cells = b.reduce((n, g) => n + (g.to - g.from) * g.columnCount, 0);
          if (cells > budget) expect(b).toHaveLength(1);
          if (cells > budget) expect(b[0].to - b[0].from).toBe(1);
        }
        segments.forEach((seg, i) => {
          const mine = batches.flat().filter((g) => g.sheet === i);
          expect(mine[0].from).toBe(seg.from);
          mine.forEach((g, k) => k && expect(g.from).toBe(mine[k - 1].to));
          expect(mine[mine.length - 1].to).toBe(seg.to);
        });
      }),
    );
  });

  it("reads merged-area addresses with or without sheet names", () => {
    expect(mergeAddresses("'干部'!A1:C1, 干部!$A$5:$A$9")).toEqual(["A1:C1", "A5:A9"]);
  });
});

describe("marking offending cells", () => {
  const userCf = { id: "u1", type: "Custom", ranges: "H2:H40", formula: "=H2>90", fill: "#00FF00" };
  async function setup() {
    const input = await readXlsx(SAMPLE);
    const specs = specsOf(input).map((s) =>
      s.name === "干部"
        ? {
            ...s,
            formats: { F5: { fill: "#FFFF00", bold: true }, G9: { fontColor: "#0000FF" } },
            conditionalFormats: [userCf],
          }
        : s,
    );
    const fake = fakeOf(specs);
    const { read, result } = await validate(fake);
    return { fake, read, result };
  }

  it("adds conditional formats of its own, touching no value, formula or format of the user", async () => {
    const { fake, read, result } = await setup();
    const before = JSON.stringify(fake.state.sheets.map((s) => [s.values, [...s.formulas], [...s.formats]]));
    const marked = await run(fake, (ctx) => markFindings(ctx, result.findings, read.sheets));
    expect(marked.marked).toBeGreaterThan(10);
    expect(JSON.stringify(fake.state.sheets.map((s) => [s.values, [...s.formulas], [...s.formats]]))).toBe(before);
    expect(new Set(fake.state.writes.map((w) => w.what))).toEqual(
      new Set(["conditionalFormat.add", "conditionalFormat.formula", "conditionalFormat.fill"]),
    );
    const cadres = fake.state.sheets.find((s) => s.name === "干部")!;
    const ours = cadres.conditionalFormats.filter((c) => c.formula === MARK_FORMULA);
    const cells = ours.flatMap((c) => c.ranges.split(","));
    const wanted = new Set(result.findings.filter((f) => f.sheet === "干部").map((f) => f.cell));
    expect(new Set(cells)).toEqual(wanted);
    expect(cells.length).toBe(wanted.size); // each cell once, at its worst severity
  });

  it("clearing leaves every sheet exactly as before, the user's own conditional format included", async () => {
    const { fake, read, result } = await setup();
    const before = JSON.stringify(fake.state.sheets);
    await run(fake, (ctx) => markFindings(ctx, result.findings, read.sheets));
    await run(fake, (ctx) => markFindings(ctx, result.findings, read.sheets)); // marking twice replaces
    const cleared = await run(fake, (ctx) => clearMarks(ctx));
    expect(cleared.cleared).toBeGreaterThan(0);
    expect(JSON.stringify(fake.state.sheets)).toBe(before);
    expect(fake.state.sheets.find((s) => s.name === "干部")!.conditionalFormats).toEqual([userCf]);
  });

  it("leaves protected sheets unmarked and says so", async () => {
    const input = await readXlsx(SAMPLE);
    const fake = fakeOf(specsOf(input).map((s) => (s.name === "干部" ? { ...s, protected: true } : s)));
    const { read, result } = await validate(fake);
    const marked = await run(fake, (ctx) => markFindings(ctx, result.findings, read.sheets));
    expect(marked.protectedSheets.map((p) => p.sheet)).toEqual(["干部"]);
    expect(fake.state.writes.filter((w) => w.sheet === "干部")).toEqual([]);
  });
});

describe("going to a cell", () => {
  it("activates the sheet and selects the cell", async () => {
    const fake = fakeOf([
      { name: "班子", values: [["a"]] },
      { name: "干部", values: [["b"]] },
    ]);
    expect(await run(fake, (ctx) => selectCell(ctx, "干部", "F12"))).toBeNull();
    expect(fake.state.active).toBe("干部");
    expect(fake.state.selection).toEqual({ sheet: "干部", address: "F12" });
  });

  it("explains a hidden or vanished sheet instead of failing", async () => {
    const fake = fakeOf([
      { name: "班子", values: [["a"]] },
      { name: "干部", values: [["b"]], visibility: "Hidden" },
    ]);
    expect((await run(fake, (ctx) => selectCell(ctx, "干部", "F12")))?.zh).toContain("取消隐藏");
    expect((await run(fake, (ctx) => selectCell(ctx, "旧表", "A1")))?.zh).toContain("已没有工作表「旧表」");
    expect(fake.state.selection).toBeNull();
  });
});

describe("writing the report sheet", () => {
  async function checked(
    extra: { name: string; values: unknown[][]; customProperties?: Record<string, string> }[] = [],
  ) {
    const fake = fakeOf([...specsOf(await readXlsx(SAMPLE)), ...extra]);
    const { result } = await validate(fake);
    return { fake, result, table: reportTable(result, "zh", "2026-11-21 10:00") };
  }

  it("writes every finding with its cell as a link, under the ruleset, fingerprint and time", async () => {
    const { fake, result, table } = await checked();
    const w = await run(fake, (ctx) => writeTable(ctx, table));
    expect(w).toEqual({ name: "校验报告", renamed: false, replaced: false });
    const sheet = fake.state.sheets.find((s) => s.name === "校验报告")!;
    expect(sheet.customProperties.get("kaohe")).toBe("report");
    expect(sheet.values[0]).toEqual(["规则集", `jinan-2022 — ${rs.title.zh}`]);
    expect(sheet.values[1][1]).toBe(rs.fingerprint);
    expect(sheet.values[2][1]).toBe("2026-11-21 10:00");
    expect(sheet.values[5]).toEqual(["规则", "等级", "工作表", "单元格", "单位", "人员", "说明", "依据"]);
    expect(sheet.values.length - 6).toBe(result.findings.length);
    const f = result.findings[0];
    expect(sheet.values[6][0]).toBe(f.rule);
    expect(sheet.formulas.get("D7")).toBe(`=HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`);
    expect(sheet.frozenRows).toBe(6);
    expect(fake.state.active).toBe("校验报告");
    // Only the new sheet was written to.
    expect(new Set(fake.state.writes.map((w) => w.sheet))).toEqual(new Set(["校验报告"]));
  });

  it("replaces its own report on the next run, and never writes over a user's sheet of that name", async () => {
    const { fake, table } = await checked([{ name: "校验报告", values: [["我自己的表"]] }]);
    const first = await run(fake, (ctx) => writeTable(ctx, table));
    const second = await run(fake, (ctx) => writeTable(ctx, table));
    expect(first).toEqual({ name: "校验报告 (2)", renamed: true, replaced: false });
    expect(second).toEqual({ name: "校验报告 (2)", renamed: true, replaced: true });
    expect(fake.state.sheets.find((s) => s.name === "校验报告")!.values).toEqual([["我自己的表"]]);
    expect(fake.state.sheets.filter((s) => s.customProperties.get("kaohe") === "report")).toHaveLength(1);
    expect(fake.state.writes.filter((w) => w.sheet === "校验报告")).toEqual([]);
  });

  it("keeps cell text that starts with = as text (no formula injection)", async () => {
    const { fake, result } = await checked();
    const evil = {
      ...result,
      findings: [{ ...result.findings[0], message: '=HYPERLINK("http://x","y")', unit: "=1+1" }],
    };
    await run(fake, (ctx) => writeTable(ctx, reportTable(evil, "zh", "t")));
    const sheet = fake.state.sheets.find((s) => s.name === "校验报告")!;
    expect(sheet.values[6][6]).toBe('=HYPERLINK("http://x","y")');
    expect(sheet.formulas.has("G7")).toBe(false);
    expect(sheet.formulas.has("E7")).toBe(false);
  });

  it("says the workbook is protected instead of failing half-way", async () => {
    const { fake, table } = await checked();
    fake.state.structureProtected = true;
    const e = await run(fake, (ctx) => writeTable(ctx, table)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookProtected);
    expect(describeError(e).zh).toContain("受保护");
    expect(fake.state.writes).toEqual([]);
  });
});

/** Real Excel's documented limits and behaviours (issue 24), each taught to the fake. */
describe("reads that real Excel refuses", () => {
  /** A 干部 sheet whose 单位 cells are merged two rows at a time: `units` merged areas. */
  function mergedUnits(units: number): { name: string; values: unknown[][]; merges: string[] } {
    const values: unknown[][] = [["单位", "姓名", "本年等次"]];
    const merges: string[] = [];
    for (let u = 0; u < units; u++) {
      values.push([`单位${u}`, `甲${u}`, "称职"], [null, `乙${u}`, "称职"]);
      merges.push(`A${2 * u + 2}:A${2 * u + 3}`);
    }
    return { name: "干部", values, merges };
  }

  it("asks a sheet with more than 512 merged areas in blocks, and gets every area once", async () => {
    const cadres = mergedUnits(700);
    const fake = fakeOf([
      cadres,
      {
        name: "班子",
        values: [
          ["单位", "班子等次"],
          ["甲局", "好"],
        ],
        merges: ["A1:B1"],
      },
    ]);
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    const got = read.input.sheets.find((s) => s.name === "干部")!.merges!;
    expect([...got].sort()).toEqual([...cadres.merges].sort());
    expect(read.input.sheets.find((s) => s.name === "班子")!.merges).toEqual(["A1:B1"]);
    expect(read.notes ?? []).toEqual([]);
  });

  it("falls back per sheet: one whose single row holds over 512 merged areas reads without them, and says so", async () => {
    const wide = Array.from({ length: 520 }, (_, i) => `${letters(2 * i)}2:${letters(2 * i + 1)}2`);
    const fake = fakeOf([
      { name: "宽表", values: [["单位"], Array.from({ length: 1040 }, (_, i) => `x${i}`)], merges: wide },
      mergedUnits(3),
    ]);
    const read = await run(fake, (ctx) => readWorkbook(ctx));
    expect(read.input.sheets.find((s) => s.name === "宽表")!.merges).toEqual([]);
    expect(read.input.sheets.find((s) => s.name === "干部")!.merges).toHaveLength(3);
    expect(read.notes?.map((n) => n.zh).join()).toContain("宽表");
  });

  const dated = (date1904: boolean | null) =>
    createFakeExcel(
      [
        {
          name: "干部",
          values: [
            ["单位", "姓名", "出生日期", "平时考核得分"],
            ["甲局", "张三", 29040, 95], // 1983-07-05 counted from 1904-01-01
          ],
          numberFormats: { C2: "yyyy-mm-dd" },
        },
      ],
      { date1904 },
    );

  it("reads dates of a 1904-date-system workbook as the CLI does (1,462 days on, date cells only)", async () => {
    const read = await run(dated(true), (ctx) => readWorkbook(ctx));
    const row = read.input.sheets[0].values[1];
    expect(row[2]).toBe(29040 + 1462);
    expect(isoDay(fromSerial(row[2] as number))).toBe("1983-07-05");
    expect(row[3]).toBe(95); // a number that is no date stays as it is
    expect(read.date1904).toBe(true);
    const plain = await run(dated(false), (ctx) => readWorkbook(ctx));
    expect(plain.input.sheets[0].values[1][2]).toBe(29040);
    expect(plain.date1904).toBe(false);
    // The same number of syncs either way: the date system is asked with the sheets' bounds.
    expect(plain.syncs).toBe(read.syncs);
  });

  it("says so when Excel cannot tell the date system, and reads dates as 1900-system ones", async () => {
    const read = await run(dated(null), (ctx) => readWorkbook(ctx));
    expect(read.input.sheets[0].values[1][2]).toBe(29040);
    expect(read.date1904).toBeNull();
    expect(read.notes?.map((n) => n.zh).join()).toContain("1904");
  });
});

describe("writes that real Excel refuses or changes", () => {
  const table = (rows: TableCell[][], kind: Table["kind"] = "report"): Table => ({
    kind,
    name: kind === "distribution" ? "分布" : "校验报告",
    meta: [["规则集", "jinan-2022"]],
    header: ["单位", "优秀", "优秀上限", "说明"],
    rows,
    widths: [20, 6, 8, 40],
  });

  it("writes a table of over 5 MB in blocks each under Excel on the web's request limit", async () => {
    const long = "说明文字".repeat(60); // 720 bytes of UTF-8 a cell
    const rows: TableCell[][] = Array.from({ length: 9000 }, (_, i) => [`单位${i}`, i, i + 1, long]);
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    const [w] = await run(fake, (ctx) => writeTables(ctx, [table(rows)]));
    expect(w.name).toBe("校验报告");
    expect(fake.state.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(Math.max(...fake.state.requestBytes)).toBeLessThanOrEqual(fake.state.requestLimitBytes);
    const sheet = fake.state.sheets.find((s) => s.name === "校验报告")!;
    expect(sheet.values.length).toBe(3 + rows.length);
    expect(sheet.values.at(-1)).toEqual(["单位8999", 8999, 9000, long]);
  });

  it("names a request over the limit as a write too large, not as one long row", () => {
    const said = describeError(Object.assign(new Error("x"), { code: "RequestPayloadSizeLimitExceeded" }));
    expect(said.zh).toContain("写入");
    expect(said.zh).not.toContain("一行");
    expect(said.en).toMatch(/write/i);
  });

  it("formats as text only the cells that hold text: 分布's numbers stay numbers for its chart", async () => {
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    const rows: TableCell[][] = [
      ["甲局", 2, 1, "=1+1"],
      ["乙局", 0, 1, null],
      ["全体", 2, 2, null],
    ];
    await run(fake, (ctx) => writeTables(ctx, [table(rows, "distribution")]));
    const sheet = fake.state.sheets.find((s) => s.name === "分布")!;
    expect(sheet.values.slice(3)).toEqual([
      ["甲局", 2, 1, "=1+1"],
      ["乙局", 0, 1, ""],
      ["全体", 2, 2, ""],
    ]);
    expect(sheet.formulas.has("D4")).toBe(false); // text starting with "=" is still no formula
  });

  it("places the 分布 chart beside its table, not over it", async () => {
    const fake = fakeOf([{ name: "Sheet1", values: [] }]);
    const rows: TableCell[][] = [
      ["甲局", 2, 1, null],
      ["乙局", 0, 1, null],
      ["全体", 2, 2, null],
    ];
    await run(fake, (ctx) => writeTables(ctx, [table(rows, "distribution")]));
    const [chart] = fake.state.sheets.find((s) => s.name === "分布")!.charts;
    expect(parseA1(chart.at)!.col).toBeGreaterThan(3); // right of column D, the table's last
    expect(chart.source).toBe("A3:C5");
  });
});

describe("KH cells that never computed (#NAME?)", () => {
  it("re-enters them on a protected sheet and protects it again with the same options", async () => {
    const options = { allowInsertRows: true, allowAutoFilter: true };
    const fake = fakeOf([
      {
        name: "干部",
        values: [
          ["姓名", "本年等次", "校验"],
          ["张三", "优秀", "#NAME?"],
          ["李四", "称职", "#NAME?"],
        ],
        formulas: { C2: '=KH.CHECK("一般",B2)', C3: '=KH.CHECK("一般",B3)' },
        protected: true,
        protectionOptions: options,
      },
    ]);
    const g = globalThis as unknown as { Excel: unknown };
    g.Excel = fake.namespace;
    const wb = excelHost().workbook!;
    expect(wb.reenterFormulas).toBeDefined();
    const n = await wb.reenterFormulas!([{ sheet: "干部", cells: ["C2", "C3"] }]);
    expect(n).toBe(2);
    const s = fake.state.sheets[0];
    expect(s.values[1][2]).toBe('=KH.CHECK("一般",B2)'); // the fake's stand-in for a computed value
    expect(s.formulas.get("C3")).toBe('=KH.CHECK("一般",B3)');
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toEqual(options);
    expect(fake.state.writes.map((w) => w.what)).toEqual(["unprotect", "formulas", "protect"]);
  });
});
