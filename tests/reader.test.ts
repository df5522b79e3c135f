/**
 * The .xlsx reader (src/xlsx/ooxml): the same matrices as ExcelJS's full load on every kind of file
 * this project meets, what Excel writes that ExcelJS does not, and files too large or not workbooks.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { toR1C1 } from "../src/engine/audit/r1c1";
import type { SheetInput, WorkbookInput } from "../src/engine";
import { largeBook } from "../src/sample/generate";
import { writeBook } from "../src/sample/write";
import { main } from "../src/cli/main";
import { readXlsx, UnusableFile } from "../src/xlsx/read";
import { readWorkbookBytes } from "../src/xlsx/ooxml";
import { readWithExcelJS } from "./helpers/exceljs-reader";
import { fill } from "./helpers/template-fill";
import { rawXlsx, sparseWideXlsx } from "../src/sample/raw-xlsx";
import { Capture } from "./helpers/streams";
import { childEnv, kaohe } from "./helpers/cli-build";

const root = path.join(__dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "kaohe-reader-"));
const quiet = () => new Capture().stream;

/** What a person sees: blanks alike (hole, undefined, null), no trailing blanks, formulas by meaning. */
function seen(input: WorkbookInput) {
  const trim = <T>(xs: T[], blank: (x: T) => boolean) => {
    let n = xs.length;
    while (n > 0 && blank(xs[n - 1])) n--;
    return xs.slice(0, n);
  };
  // "" too: a formula whose cached result is "" (Excel's range.values says ""; ExcelJS, nothing).
  const isBlank = (v: unknown) => v === null || v === undefined || v === "";
  return input.sheets.map((s: SheetInput) => ({
    name: s.name,
    hidden: !!s.hidden,
    merges: [...(s.merges ?? [])].sort(),
    values: trim(
      Array.from(s.values, (row) =>
        trim(
          Array.from(row ?? [], (v) => (isBlank(v) ? null : typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v)),
          isBlank,
        ),
      ),
      (r) => r.length === 0,
    ),
    formulas: (s.formulas ?? []).flatMap((row, r) =>
      Array.from(row ?? [], (f, c) => (f ? `${r}:${c}:${toR1C1(f, r, c)}` : null)).filter(Boolean),
    ),
  }));
}

async function bothReaders(file: string) {
  return { ours: seen(await readXlsx(file)), exceljs: seen(await readWithExcelJS(file)) };
}

describe("the same workbook input as ExcelJS's full load", () => {
  it("on the bundled sample (titles, merged units, a note row)", async () => {
    const { ours, exceljs } = await bothReaders(path.join(root, "examples", "sample.xlsx"));
    expect(ours).toEqual(exceljs);
    expect(ours.find((s) => s.name === "干部")!.merges.length).toBeGreaterThan(5);
  });

  it("on a template and a filled, tampered copy (formulas with cached values, validations, protection)", async () => {
    const template = path.join(dir, "template.xlsx");
    expect(await main(["template", "--out", template, "--year", "2025"], quiet(), quiet())).toBe(0);
    const filled = path.join(dir, "filled.xlsx");
    await fill(template, filled, (wb) => {
      wb.getWorksheet("班子")!.getCell("H3").value = 7; // a typed constant over a formula
    });
    for (const f of [template, filled]) {
      const { ours, exceljs } = await bothReaders(f);
      expect(ours).toEqual(exceljs);
      expect(ours.flatMap((s) => s.formulas).length).toBeGreaterThan(100);
    }
  });

  it("on rich text, errors, booleans, dates, hidden sheets, shared formulas and 1904 dates", async () => {
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet("干部");
      ws.addRow(["姓名", "任职时间", "正职", "得分", "两倍"]);
      ws.addRow([
        { richText: [{ text: "张" }, { text: "三", font: { bold: true } }] },
        new Date(Date.UTC(2021, 7, 15)),
        true,
        91.5,
      ]);
      ws.addRow(["李四", new Date(Date.UTC(2019, 0, 1)), false, { error: "#N/A" }]);
      ws.getCell("E2").value = {
        formula: "D2*2",
        result: 183,
        shareType: "shared",
        ref: "E2:E3",
      } as ExcelJS.CellFormulaValue;
      ws.getCell("E3").value = { sharedFormula: "E2", result: 1 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell("B2").numFmt = "yyyy-mm-dd";
      ws.getCell("B3").numFmt = "yyyy年m月d日";
      wb.addWorksheet("说明", { state: "hidden" }).addRow(["注：", 1]);
      const file = path.join(dir, `kinds-${date1904}.xlsx`);
      await wb.xlsx.writeFile(file);
      const { ours, exceljs } = await bothReaders(file);
      expect(ours).toEqual(exceljs);
      const cadres = ours[0];
      expect(cadres.values[1]).toEqual(["张三", 44423, true, 91.5, 183]); // 2021-08-15 as Excel's 1900 serial
      expect(cadres.values[2].slice(3)).toEqual(["#N/A", 1]);
      expect(cadres.formulas).toEqual(["1:4:=RC[-1]*2", "2:4:=RC[-1]*2"]);
      expect(ours[1].hidden).toBe(true);
    }
  });

  it("on generated books of any shape (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        async (units, per, seed, titles) => {
          const file = path.join(dir, `gen-${units}-${per}-${seed}.xlsx`);
          await writeBook(file, largeBook(units, per, seed), { titles, mergeUnits: titles });
          const { ours, exceljs } = await bothReaders(file);
          expect(ours).toEqual(exceljs);
        },
      ),
      { numRuns: 15 },
    );
  }, 60000);
});

const sheetData = (rows: string) => `<sheetData>${rows}</sheetData>`;
const only = (bytes: Uint8Array) => readWorkbookBytes(bytes).sheets[0];

describe("what Excel writes and ExcelJS's writer does not", () => {
  it("translates a shared formula to each cell of its range", () => {
    const s = only(
      rawXlsx([
        {
          name: "班子",
          xml: sheetData(
            '<row r="2"><c r="B2"><v>3</v></c><c r="H2"><f t="shared" ref="H2:H4" si="0">IF($B2="","",COUNTIFS(干部!$B:$B,$B2))</f><v>1</v></c></row>' +
              '<row r="3"><c r="H3"><f t="shared" si="0"/><v>2</v></c></row><row r="4"><c r="H4"><f t="shared" si="0"/></c></row>',
          ),
        },
      ]),
    );
    expect(s.formulas![2][7]).toBe('=IF($B3="","",COUNTIFS(干部!$B:$B,$B3))');
    expect(s.formulas![3][7]).toBe('=IF($B4="","",COUNTIFS(干部!$B:$B,$B4))');
    expect(s.values[2][7]).toBe(2);
    expect(s.values[3][7]).toBeNull(); // a formula never calculated has no value
  });

  it("reads inline strings, shared strings with runs and phonetic guides, errors, booleans, ISO dates, escapes", () => {
    const s = only(
      rawXlsx(
        [
          {
            name: "干部",
            xml: sheetData(
              '<row r="1"><c r="A1" t="inlineStr"><is><t>张三</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>' +
                '<c r="D1" t="e"><v>#NAME?</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="d"><v>2021-08-15</v></c><c r="G1" t="str"><f>A1&amp;"x"</f><v>张三x</v></c></row>',
            ),
          },
        ],
        { strings: ['<r><t>优</t></r><r><t>秀</t></r><rPh sb="0" eb="1"><t>ユウ</t></rPh>', "a_x000D_b"] },
      ),
    );
    expect(s.values[0]).toEqual(["张三", "优秀", "a\rb", "#NAME?", true, 44423, "张三x"]);
  });

  it("reads prefixed namespaces, cells without addresses, merges and hidden sheets", () => {
    const bytes = rawXlsx([
      {
        name: "干部",
        state: "veryHidden",
        xml: '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="3"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row></x:sheetData><mergeCells count="1"><mergeCell ref="A3:A5"/></mergeCells>',
      },
    ]);
    const s = only(bytes);
    expect(s.values).toEqual([[], [], [1, 2]]);
    expect(s.merges).toEqual(["A3:A5"]);
    expect(s.hidden).toBe(true);
  });

  it("shifts the date cells of a 1904 workbook onto Excel's usual serials, and leaves other numbers alone", () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>';
    const s = only(
      rawXlsx(
        [
          {
            name: "干部",
            xml: sheetData(
              '<row r="1"><c r="A1" s="1"><v>42961</v></c><c r="B1" s="2"><v>42961</v></c><c r="C1"><v>42961</v></c></row>',
            ),
          },
        ],
        { date1904: true, styles },
      ),
    );
    expect(s.values[0]).toEqual([44423, 44423, 42961]);
  });

  it("keeps a row with one value in column XFD sparse", () => {
    const s = only(sparseWideXlsx(3));
    expect(s.values[1].length).toBe(16384);
    expect(Object.keys(s.values[1])).toEqual(["16383"]); // one slot, not 16,384
  });
});

describe("files that cannot be read say why, in one line", () => {
  const bad = (bytes: Uint8Array, limits?: { maxCells: number; maxPartBytes: number }) => {
    try {
      readWorkbookBytes(bytes, undefined, limits);
    } catch (e) {
      expect(e).toBeInstanceOf(UnusableFile);
      return (e as UnusableFile).zh;
    }
    throw new Error("read without complaint");
  };

  it("refuses more cells than the budget, naming the sheet and row it got to", () => {
    expect(bad(sparseWideXlsx(50), { maxCells: 20, maxPartBytes: 1 << 30 })).toMatch(
      /非空单元格超过 20 个（读到工作表「干部」第 \d+ 行）/,
    );
  });

  it("refuses a part that would inflate beyond the budget before inflating it", () => {
    expect(bad(sparseWideXlsx(2000), { maxCells: 1e9, maxPartBytes: 10000 })).toMatch(
      /^工作簿过大：其中「xl\/worksheets\/sheet1.xml」解压后/,
    );
  });

  it("tells a damaged zip, random bytes, an old .xls and an encrypted file apart", () => {
    const good = sparseWideXlsx(5);
    expect(bad(good.subarray(0, good.length - 30))).toMatch(/^不是有效的 xlsx 工作簿/);
    expect(bad(new TextEncoder().encode("姓名,单位\n张三,甲局\n"))).toBe("不是有效的 xlsx 工作簿");
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(bad(cfb)).toMatch(/旧版 \.xls/);
    cfb.set(new Uint8Array(Buffer.from("EncryptionInfo", "utf16le")), 600);
    expect(bad(cfb)).toMatch(/密码保护/);
    expect(bad(rawXlsx([]))).toMatch(/没有工作表/);
  });
});

describe("memory in proportion to the cells present", () => {
  it("checks 100,000 rows with one value in column XFD inside a 512 MB heap", () => {
    const file = path.join(dir, "sparse-wide.xlsx");
    writeFileSync(file, sparseWideXlsx(100000));
    const run = spawnSync(process.execPath, ["--max-old-space-size=512", kaohe(), "check", file, "--json"], {
      env: childEnv(),
      encoding: "utf8",
      maxBuffer: 1 << 28,
      timeout: 120000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBeLessThanOrEqual(1); // findings or none, never a heap exhaustion (134)
    const json = JSON.parse(run.stdout) as { files: { status: string; summary: { rows: number } }[] };
    expect(json.files[0].status).toBe("checked");
  }, 150000);
});
