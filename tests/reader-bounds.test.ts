/**
 * The reader is bounded in time and memory for any input (issue 22, item 4): row and column numbers
 * within the format's limits, merges clipped to the cells present, the zip directory read once and each
 * part inflated once, the whole file budgeted as well as each part, no text accumulated without bound.
 * Each hostile file is refused in one line (or read, where it is a workbook), and `kaohe check` goes on
 * with the rest of the batch within 1 GB.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildModel, resolveRuleset } from "../src/engine";
import { readWorkbookBytes, UnusableFile, type ReadLimits } from "../src/xlsx/ooxml";
import {
  CADRE_ROWS,
  deflatePieces,
  goodBook,
  hostileBook,
  sheet,
  SHEET_CLOSE,
  SHEET_OPEN,
  type Piece,
} from "./helpers/hostile-xlsx";
import { childEnv, runCheck } from "./helpers/cli-build";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bounds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ONE = [{ name: "干部", target: "worksheets/sheet1.xml" }];
const oneSheet = (inner: string) => hostileBook(ONE, { "xl/worksheets/sheet1.xml": sheet(inner) });
/** A sheet part of pieces, deflated by hand: hundreds of MB inflated cost nothing to make. */
const bigSheet = (pieces: Piece[]) =>
  hostileBook(ONE, { "xl/worksheets/sheet1.xml": deflatePieces([SHEET_OPEN, ...pieces, SHEET_CLOSE]) });
const MB = 1024 * 1024;

function refusal(bytes: Uint8Array, limits?: Partial<ReadLimits>): UnusableFile {
  try {
    readWorkbookBytes(bytes, undefined, limits);
  } catch (e) {
    if (e instanceof UnusableFile) return e;
    throw e;
  }
  throw new Error("read without complaint");
}

describe("row and column numbers within the format's limits", () => {
  it("refuses a cell beyond row 1,048,576 or column XFD, naming it", () => {
    const row = refusal(oneSheet(`<sheetData>${CADRE_ROWS}<row><c r="A1048577"><v>1</v></c></row></sheetData>`));
    expect(row.zh).toMatch(/「A1048577」.*1,048,576 行、16,384 列/);
    expect(row.en).toMatch(/A1048577.*1,048,576 rows and 16,384 columns/);
    expect(
      refusal(oneSheet(`<sheetData>${CADRE_ROWS}<row r="3"><c r="XFE3"><v>1</v></c></row></sheetData>`)).zh,
    ).toMatch(/「XFE3」/);
    // A row numbered beyond, cells without addresses running past XFD, a row number that is not one.
    expect(refusal(oneSheet(`<sheetData><row r="1000000000"><c><v>1</v></c></row></sheetData>`)).zh).toMatch(
      /1000000000/,
    );
    const wide = `<row r="1">${"<c><v>1</v></c>".repeat(16385)}</row>`;
    expect(refusal(oneSheet(`<sheetData>${wide}</sheetData>`)).zh).toMatch(/16,384 列/);
    expect(refusal(oneSheet(`<sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData>`)).zh).toMatch(/「x」/);
  });

  it("refuses a merge beyond the limits, and reads a cell on the last row and column", () => {
    expect(
      refusal(oneSheet(`<sheetData>${CADRE_ROWS}</sheetData><mergeCells><mergeCell ref="A3:A1048577"/></mergeCells>`))
        .zh,
    ).toMatch(/「A3:A1048577」/);
    const last = readWorkbookBytes(
      oneSheet(`<sheetData><row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>`),
    );
    expect(last.sheets[0].values.length).toBe(1048576);
    expect(last.sheets[0].values[1048575][16383]).toBe(7);
  });
});

describe("merges clipped to the cells present", () => {
  it("blanks what lies under a merge and keeps its anchor and what lies outside", () => {
    const s = readWorkbookBytes(
      oneSheet(
        `<sheetData>${CADRE_ROWS}<row r="3"><c r="F3"><v>1</v></c><c r="G3"><v>2</v></c></row><row r="4"><c r="E4"><v>3</v></c><c r="XFD4"><v>4</v></c></row></sheetData>` +
          `<mergeCells><mergeCell ref="F3:XFD1048576"/><mergeCell ref="F3:XFD1048576"/></mergeCells>`,
      ),
    ).sheets[0];
    expect(s.values[2][5]).toBe(1);
    expect(s.values[2][6]).toBeNull();
    expect(s.values[3][4]).toBe(3);
    expect(s.values[3][16383]).toBeNull();
    expect(s.values.length).toBe(4);
  });

  it("carries a merged anchor down only over the rows the sheet has", () => {
    const model = buildModel(
      {
        sheets: [
          {
            name: "干部",
            values: [
              ["姓名", "单位", "本年等次"],
              ["张三", "甲局", "优秀"],
              ["李四", null, "称职"],
            ],
            merges: ["B2:B1048576", "F1:XFD1048576", "F1:XFD1048576", "F1:XFD1048576"],
          },
        ],
      },
      resolveRuleset("jinan-2022"),
    );
    expect(model.cells.get("干部")!.values.length).toBe(3);
    expect(model.cadres.map((p) => p.unit)).toEqual(["甲局", "甲局"]);
  });

  it("carries a unit down rows that each hold one value in column XFD by their cells, not their width", () => {
    const values: unknown[][] = [["姓名", "单位", "本年等次"]];
    for (let r = 1; r <= 20000; r++) {
      const row: unknown[] = [];
      row[16383] = r; // sparse, as the reader keeps such a row
      row[0] = `人${r}`;
      row[2] = "称职";
      values.push(row);
    }
    values[1][1] = "甲局";
    const t = Date.now();
    const model = buildModel(
      { sheets: [{ name: "干部", values, merges: ["B2:B20001"] }] },
      resolveRuleset("jinan-2022"),
    );
    expect(Date.now() - t).toBeLessThan(3000); // slice() walked all 16,384 indices of each row: 20 s
    expect(model.cadres.filter((p) => p.unit === "甲局")).toHaveLength(20000);
    expect(model.cells.get("干部")!.values[20000][16383]).toBe(20000);
  });
});

describe("each part inflated once, the whole file budgeted", () => {
  it("refuses sheets that share one part before inflating it", () => {
    const sheets = Array.from({ length: 150 }, (_, i) => ({ name: `S${i}`, target: "worksheets/sheet1.xml" }));
    const e = refusal(
      hostileBook(sheets, { "xl/worksheets/sheet1.xml": sheet(`<sheetData>${CADRE_ROWS}</sheetData>`) }),
    );
    expect(e.zh).toMatch(/工作表「S0」和「S1」指向同一部分「xl\/worksheets\/sheet1.xml」/);
    expect(e.en).toMatch(/sheets "S0" and "S1" are the same part "xl\/worksheets\/sheet1.xml"/);
  });

  it("refuses parts each within the part budget that together exceed the file budget", () => {
    const part = sheet(`<sheetData>${CADRE_ROWS}</sheetData>`);
    const book = hostileBook(
      [
        { name: "干部", target: "worksheets/sheet1.xml" },
        { name: "班子", target: "worksheets/sheet2.xml" },
      ],
      { "xl/worksheets/sheet1.xml": part, "xl/worksheets/sheet2.xml": part },
    );
    expect(() => readWorkbookBytes(book, undefined, { maxPartBytes: part.length * 2 })).not.toThrow();
    const e = refusal(book, { maxPartBytes: part.length * 2, maxTotalBytes: part.length * 2 });
    expect(e.zh).toMatch(/^工作簿过大：要读取的各部分解压后共 .*，超过可读取的/);
  });

  it("refuses more rows holding cells than the engine keeps within 1 GB (500,000 by default)", () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c></row>`);
    const book = oneSheet(`<sheetData>${CADRE_ROWS}${rows.join("")}</sheetData>`);
    expect(refusal(book, { maxRows: 100 }).zh).toMatch(
      /^工作簿过大：有内容的行共超过 100 行（读到工作表「干部」第 101 行）/,
    );
    expect(() => readWorkbookBytes(book, undefined, { maxRows: 202 })).not.toThrow();
  });

  it("refuses a part that inflates beyond the size its header declares", () => {
    const stored = deflatePieces([
      SHEET_OPEN,
      "<sheetData>",
      CADRE_ROWS,
      { repeat: 4 * MB, byte: 0x20 },
      "</sheetData>",
      SHEET_CLOSE,
    ]);
    const e = refusal(hostileBook(ONE, { "xl/worksheets/sheet1.xml": { ...stored, declared: 1000 } }));
    expect(e.zh).toMatch(/「xl\/worksheets\/sheet1.xml」解压后超过其声明的大小/);
  });
});

describe("no text accumulated without bound", () => {
  it("caps a cell's text at Excel's 32,767 characters (inline, shared, formula)", () => {
    const long = "长".repeat(100000);
    const s = readWorkbookBytes(
      hostileBook(
        ONE,
        {
          "xl/worksheets/sheet1.xml": sheet(
            `<sheetData><row r="1"><c r="A1" t="inlineStr"><is>${"<t>甲</t>".repeat(40000)}</is></c><c r="B1" t="s"><v>0</v></c><c r="C1"><f>${"1+".repeat(20000)}1</f><v>1</v></c><c r="D1" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>`,
          ),
        },
        { strings: [long] },
      ),
    ).sheets[0];
    expect((s.values[0][0] as string).length).toBe(32767);
    expect((s.values[0][1] as string).length).toBe(32767);
    expect(s.formulas![0][2]!.length).toBeLessThanOrEqual(32768);
    expect((s.values[0][3] as string).length).toBe(32767);
  });

  it("refuses a run of text, an attribute or a comment of MBs, or nesting thousands deep, without holding it", () => {
    for (const [pieces, reason] of [
      [["<sheetData>", { repeat: 64 * MB, byte: 0x20 }, "</sheetData>"], /连续超过 1,048,576 个字符/],
      [
        [
          "<sheetData>",
          CADRE_ROWS,
          '<row r="3"><c r="A3" s="',
          { repeat: 64 * MB, byte: 0x31 },
          '"/></row></sheetData>',
        ],
        /连续超过/,
      ],
      [["<sheetData><!--", { repeat: 64 * MB, byte: 0x2e }, "--></sheetData>"], /连续超过/],
      [["<sheetData>", "<x>".repeat(100000), "</x>".repeat(100000), "</sheetData>"], /嵌套超过/],
    ] as [Piece[], RegExp][]) {
      const t = Date.now();
      const e = refusal(bigSheet(pieces));
      expect(e.zh).toMatch(reason);
      expect(e.zh).toMatch(/「xl\/worksheets\/sheet1.xml」/);
      expect(Date.now() - t).toBeLessThan(5000); // refused at the bound, not after inflating 64 MB
    }
  });
});

describe("kaohe check goes on with the batch, each hostile file refused in one line, within 1 GB", () => {
  const good = () => {
    const file = path.join(dir, "good.xlsx");
    writeFileSync(file, goodBook());
    return file;
  };

  /** `kaohe check hostile good --json` in a child: exit code, each file's status, peak memory. */
  function checkBatch(name: string, bytes: Uint8Array) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const t = Date.now();
    const run = spawnSync(process.execPath, [runCheck(), file, good()], {
      env: childEnv(),
      encoding: "utf8",
      maxBuffer: 1 << 26,
      timeout: 60000,
    });
    const ms = Date.now() - t;
    const last = run.stderr.trim().split("\n").pop() ?? "";
    const peak = last.startsWith("{") ? (JSON.parse(last) as { maxRssKb: number }).maxRssKb / 1024 : NaN;
    let files: { file: string; status: string; error?: string }[] = [];
    try {
      files = (JSON.parse(run.stdout) as { files: typeof files }).files;
    } catch {
      process.stdout.write(`${name}: no JSON; stderr: ${run.stderr.slice(0, 1500)}\n`); // killed or aborted
    }
    const of = (f: string) => files.find((x) => path.basename(x.file) === f);
    process.stdout.write(`${name}: exit ${run.status ?? run.signal}, ${ms} ms, peak ${Math.round(peak)} MB\n`);
    return { status: run.status, hostile: of(name), good: of("good.xlsx"), peakMb: peak, ms };
  }

  const refused = (r: ReturnType<typeof checkBatch>, reason: RegExp) => {
    expect(r.status).toBe(2);
    expect(r.hostile?.status).toBe("unusable");
    expect(r.hostile?.error).toMatch(reason);
    expect(r.good?.status).toBe("checked");
    expect(r.peakMb).toBeLessThan(1024);
  };

  it("a 1.7 KB file with a cell on row 1,000,000,000", () => {
    refused(
      checkBatch(
        "row-1e9.xlsx",
        oneSheet(`<sheetData>${CADRE_ROWS}<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>`),
      ),
      /1000000000」超出 Excel 的范围/,
    );
  });

  it("three merges over F1:XFD1048576 on a sheet that reaches XFD1048576 (read, in seconds)", () => {
    const r = checkBatch(
      "merges.xlsx",
      oneSheet(
        `<sheetData>${CADRE_ROWS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData><mergeCells>${'<mergeCell ref="F1:XFD1048576"/>'.repeat(3)}</mergeCells>`,
      ),
    );
    expect(r.hostile?.status).toBe("checked");
    expect(r.good?.status).toBe("checked");
    expect(r.peakMb).toBeLessThan(1024);
    expect(r.ms).toBeLessThan(30000);
  });

  it("one 64 MB part referenced by 150 sheets", () => {
    const sheets = Array.from({ length: 150 }, (_, i) => ({ name: `S${i}`, target: "worksheets/sheet1.xml" }));
    const halves: Piece[] = Array.from({ length: 128 }, () => [
      { repeat: MB / 2, byte: 0x20 },
      "<x/>",
    ]).flat() as Piece[];
    const part = deflatePieces([SHEET_OPEN, "<sheetData>", CADRE_ROWS, ...halves, "</sheetData>", SHEET_CLOSE]);
    refused(checkBatch("shared-part.xlsx", hostileBook(sheets, { "xl/worksheets/sheet1.xml": part })), /指向同一部分/);
  });

  it("20,000 tiny sheets (the zip directory read once)", () => {
    const sheets = Array.from({ length: 20000 }, (_, i) => ({ name: `S${i}`, target: `worksheets/sheet${i + 1}.xml` }));
    const parts: Record<string, string> = {};
    sheets.forEach(
      (_, i) =>
        (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheet(
          `<sheetData><row r="1"><c r="A1"><v>${i}</v></c></row></sheetData>`,
        )),
    );
    const r = checkBatch("sheets-20k.xlsx", hostileBook(sheets, parts));
    refused(r, /没有找到考核表/);
    expect(r.ms).toBeLessThan(30000);
  });

  it("a 700 MB part of whitespace (under the 768 MB part budget)", () => {
    refused(
      checkBatch(
        "whitespace-700mb.xlsx",
        bigSheet(["<sheetData>", CADRE_ROWS, { repeat: 700 * MB, byte: 0x20 }, "</sheetData>"]),
      ),
      /连续超过/,
    );
  });

  it("one value in column AMJ (the 1,024th) on each of a million rows: 4 MB that V8 would hold as 8 GB", () => {
    const rows: string[] = [];
    for (let r = 3; r <= 1000000; r++) rows.push(`<row r="${r}"><c r="AMJ${r}"><v>1</v></c></row>`);
    refused(
      checkBatch("wide-rows.xlsx", oneSheet(`<sheetData>${CADRE_ROWS}${rows.join("")}</sheetData>`)),
      /各行.*共超过/,
    );
  });

  it("a 600 MB part with a string every MB (each kept string its own copy, not a view of its MB)", () => {
    const pieces: Piece[] = ["<sheetData>", CADRE_ROWS];
    for (let r = 3; r < 603; r++)
      pieces.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>长长长长长长长长长长长长长长长长${r}</t></is></c></row>`,
        {
          repeat: 1000 * 1024,
          byte: 0x20,
        },
      );
    const r = checkBatch("strings-apart.xlsx", bigSheet([...pieces, "</sheetData>"]));
    expect(r.hostile?.status).toBe("checked");
    expect(r.good?.status).toBe("checked");
    expect(r.peakMb).toBeLessThan(1024);
  });

  it("two sheets of one name", () => {
    refused(
      checkBatch(
        "same-name.xlsx",
        hostileBook(
          [
            { name: "干部", target: "worksheets/sheet1.xml" },
            { name: "干部", target: "worksheets/sheet2.xml" },
          ],
          {
            "xl/worksheets/sheet1.xml": sheet(`<sheetData>${CADRE_ROWS}</sheetData>`),
            "xl/worksheets/sheet2.xml": sheet(`<sheetData>${CADRE_ROWS}</sheetData>`),
          },
        ),
      ),
      /工作簿中有两个同名工作表「干部」/,
    );
  });
});
