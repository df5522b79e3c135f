/**
 * The legacy formats within the same bounds as the .xlsx reader (issue 23, item 4): a hostile .xls —
 * a compound file cut short, a sector chain that loops, a shared string table or cells beyond the budget
 * — an encrypted or pre-97 workbook, an .et that is not BIFF, an .ods whose repeats stand for billions of
 * cells: each one unusable file with its reason, refused before the library holds it; a batch of them
 * beside a good file goes on, in a child process whose peak stays under 1 GB.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { strToU8, zipSync } from "fflate";
import { tmpdir } from "os";
import * as path from "path";
import { readAnyBytes } from "../src/xlsx/any";
import { sniff, UnusableFile } from "../src/xlsx/ooxml";
import * as XLSX from "@e965/xlsx";
import { bof, eof, goodXls, hugeSst, inCfb, loopingChain, manyCells, record } from "./helpers/hostile-biff";
import { childEnv, runCheck } from "./helpers/cli-build";

async function refusal(bytes: Uint8Array, name: string): Promise<UnusableFile> {
  try {
    await readAnyBytes(bytes, name);
  } catch (e) {
    if (e instanceof UnusableFile) return e;
    throw e;
  }
  throw new Error(`${name} was read`);
}

/** An .ods whose one row of one valued cell is repeated across columns and rows. */
function repeatedOds(cols: number, rows: number): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="干部"><table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${cols}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
    "content.xml": strToU8(content),
  });
}

describe("legacy formats refused in one line, before the library holds them", () => {
  it("reads a good .xls, and the same bytes named .et", async () => {
    const xls = goodXls();
    for (const name of ["好.xls", "好.et"]) {
      const r = await readAnyBytes(xls, name);
      expect(r.format).toBe(name.endsWith(".et") ? "et" : "xls");
      expect(r.input.sheets[0].values[1]).toEqual(["甲局", "张一", "是", "优秀"]);
    }
  });

  it("the same input from .xls and .xlsb as from .xlsx: 1904 dates, errors, booleans, merges, hidden sheets", async () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([
      ["单位", "任职时间", "数", "真", "错"],
      ["甲局", { t: "n", v: 43466, z: "yyyy-mm-dd" }, 5, true, { t: "e", v: 0x2a }],
      [null, 1, 6.5, false, "x"],
    ]);
    ws["!merges"] = [XLSX.utils.decode_range("A2:A3")];
    XLSX.utils.book_append_sheet(wb, ws, "干部");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["隐"]]), "隐藏");
    wb.Workbook = { WBProps: { date1904: true }, Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const read = async (bookType: "xls" | "xlsb" | "xlsx") =>
      (await readAnyBytes(XLSX.write(wb, { type: "buffer", bookType }) as Buffer, `a.${bookType}`)).input.sheets;
    const xlsx = await read("xlsx");
    expect(xlsx[0].values[1]).toEqual(["甲局", 43466 + 1462, 5, true, "#N/A"]);
    expect(xlsx[0].merges).toEqual(["A2:A3"]);
    expect(xlsx[1].hidden).toBe(true);
    expect(await read("xls")).toEqual(xlsx);
    expect(await read("xlsb")).toEqual(xlsx);
  });

  it("an encrypted .xlsx is told by its EncryptionInfo stream, not by a cell that says so", async () => {
    expect((await refusal(inCfb(Buffer.alloc(64), "EncryptionInfo"), "加密.xlsx")).zh).toMatch(/密码保护/);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["说明"], ["见 EncryptionInfo"]]), "表");
    const xls = XLSX.write(wb, { type: "buffer", bookType: "xls", compression: false }) as Buffer;
    expect(sniff(xls)?.zh).toMatch(/密码保护/); // what a scan of the bytes alone would have said
    expect((await readAnyBytes(xls, "说明.xls")).input.sheets[0].values[1]).toEqual(["见 EncryptionInfo"]);
  });

  it("a compound file cut short", async () => {
    const xls = goodXls();
    const e = await refusal(xls.subarray(0, Math.floor(xls.length * 0.6)), "截断.xls");
    expect(e.zh).toMatch(/^复合文档损坏：文件不完整/);
    expect(e.en).toMatch(/^damaged compound file: cut short/);
    expect((await refusal(xls.subarray(0, 300), "头部.xls")).zh).toMatch(/不足 512 字节/);
  });

  it("a sector chain that loops", async () => {
    const e = await refusal(loopingChain(goodXls()), "成环.xls");
    expect(e.zh).toMatch(/「Workbook」流的扇区链成环/);
    expect(e.en).toMatch(/sector chain loops/);
  });

  it("a shared string table beyond the budget (2,000,000 strings for the library)", async () => {
    const t = Date.now();
    const e = await refusal(inCfb(hugeSst(2_100_000)), "字符串.xls");
    expect(e.zh).toMatch(/共享字符串超过 2,000,000 个/);
    expect(Date.now() - t).toBeLessThan(10000);
  });

  it("cells beyond the budget, counted before the library reads them", async () => {
    const e = await refusal(inCfb(manyCells(2_100_000)), "单元格.xls");
    expect(e.zh).toMatch(/非空单元格超过 2,000,000 个（读到工作表「干部」/);
  });

  it("an encrypted .xls, a pre-97 one, an .et that is not BIFF, an .et that is neither", async () => {
    const filepass = inCfb(Buffer.concat([bof(5), record(0x002f, [1, 0, 1, 0, 1, 0]), eof()]));
    expect((await refusal(filepass, "加密.xls")).zh).toMatch(/受密码保护（已加密）/);
    const biff5 = inCfb(Buffer.concat([bof(5, 0x0500), eof()]), "Book");
    expect((await refusal(biff5, "旧.xls")).zh).toMatch(/Excel 5\.0\/95 或更早格式的 \.xls 文件/);
    const wps = inCfb(Buffer.from("not biff"), "WpsContent");
    const e = await refusal(wps, "单位.et");
    expect(e.zh).toMatch(
      /这个 \.et 文件不是 BIFF（Excel 97–2003）格式：复合文档中没有 Workbook 流（有：.*WpsContent）/,
    );
    expect((await refusal(Buffer.from("ET文件"), "单位.et")).zh).toMatch(/既不是 BIFF.*也不是 xlsx/);
  });

  it("an .ods whose repeated cells stand for 16 billion", async () => {
    const t = Date.now();
    const e = await refusal(repeatedOds(16384, 1_000_000), "重复.ods");
    expect(e.zh).toMatch(/非空单元格超过 2,000,000 个/);
    expect(Date.now() - t).toBeLessThan(10000);
  });
});

describe("kaohe check goes on past hostile legacy files, within 1 GB", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "kaohe-legacy-bounds-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("each hostile file unusable with its reason, the good one checked", () => {
    const files: Record<string, Uint8Array> = {
      "截断.xls": goodXls().subarray(0, 3000),
      "成环.xls": loopingChain(goodXls()),
      "字符串.xls": inCfb(hugeSst(2_100_000)),
      "单元格.xls": inCfb(manyCells(2_100_000)),
      "重复.ods": repeatedOds(16384, 1_000_000),
      "好.xls": goodXls(),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    const run = spawnSync(process.execPath, [runCheck(), ...Object.keys(files).map((f) => path.join(dir, f))], {
      env: childEnv(),
      encoding: "utf8",
      maxBuffer: 1 << 26,
      timeout: 120000,
    });
    const last = run.stderr.trim().split("\n").pop() ?? "";
    const peakMb = (JSON.parse(last) as { maxRssKb: number }).maxRssKb / 1024;
    const out = JSON.parse(run.stdout) as { files: { file: string; status: string; error?: string }[] };
    const of = (f: string) => out.files.find((x) => path.basename(x.file) === f)!;
    process.stdout.write(`hostile legacy batch: exit ${run.status}, peak ${Math.round(peakMb)} MB\n`);
    expect(run.status).toBe(2);
    expect(of("截断.xls").error).toMatch(/文件不完整/);
    expect(of("成环.xls").error).toMatch(/扇区链成环/);
    expect(of("字符串.xls").error).toMatch(/共享字符串超过/);
    expect(of("单元格.xls").error).toMatch(/非空单元格超过/);
    expect(of("重复.ods").error).toMatch(/非空单元格超过/);
    expect(of("好.xls").status).toBe("checked");
    expect(peakMb).toBeLessThan(1024);
  });
});
