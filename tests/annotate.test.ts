/**
 * 退回修改件 (issue 21, item 1): `kaohe check --annotate` on returned files with charts, an image, a pivot
 * table, custom XML, the unit's own notes, merged cells, data validations, and as .xlsm a VBA project. Every
 * part not touched is byte-identical; a touched sheet differs only by the added elements; the notes carry
 * the rule, what to do and the source, hostile text staying text; the copy checks again exactly as the
 * original; merge passes over a copy the unit has not changed and takes one it has.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { hyperlinkFormula } from "../src/tables/table";
import { readWorkbookBytes } from "../src/xlsx/ooxml";
import { MARK_FORMULA } from "../src/xlsx/annotate";
import { HOSTILE_GRADE, HOSTILE_SHEET, HOSTILE_UNIT, richReturn, sheetPartOf } from "./helpers/rich-return";
import { describeWithSoffice, soffice } from "./helpers/soffice";
import { runKaohe } from "./helpers/streams";
import { writeInput, yearBook } from "./helpers/history-books";
import { fill, tamper } from "./helpers/template-fill";
import { toXlsb } from "./helpers/legacy-files";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-annotate-"));
const returned = path.join(dir, "回收");
const out = path.join(dir, "退回");
const files = { xlsx: path.join(returned, "甲局.xlsx"), xlsm: path.join(returned, "甲局宏.xlsm") };
const copies = { xlsx: path.join(out, "甲局（校验意见）.xlsx"), xlsm: path.join(out, "甲局宏（校验意见）.xlsm") };
let run: { code: number; out: string; err: string };
const originals: Record<string, Buffer> = {};

beforeAll(async () => {
  mkdirSync(returned);
  writeFileSync(files.xlsx, await richReturn());
  writeFileSync(files.xlsm, await richReturn(true));
  for (const f of Object.values(files)) originals[f] = readFileSync(f);
  run = await runKaohe("check", returned, "--annotate", out, "--json");
}, 60000);

const unzip = (f: string) => unzipSync(new Uint8Array(readFileSync(f)));
const xmlOf = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]);
type JsonFinding = { rule: string; cell: string; sheet: string; message: string };

describe("kaohe check --annotate", () => {
  it("writes 原名（校验意见）.xlsx, keeps .xlsm, and says so in --json; the originals are untouched", () => {
    expect(run.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["甲局宏（校验意见）.xlsm", "甲局（校验意见）.xlsx"]);
    const j = JSON.parse(run.out);
    expect(j.annotated).toEqual({
      dir: out,
      copies: [
        { file: files.xlsx, copy: copies.xlsx, findings: 3, cells: 3 },
        { file: files.xlsm, copy: copies.xlsm, findings: 3, cells: 3 },
      ],
      failed: [],
      skipped: [],
    });
    for (const f of Object.values(files)) expect(readFileSync(f).equals(originals[f])).toBe(true);
  });

  it.each(["xlsx", "xlsm"] as const)("every part not touched is byte-identical (%s)", (kind) => {
    const a = unzip(files[kind]);
    const b = unzip(copies[kind]);
    const touched = new Set(
      Object.keys(b).filter((n) => !a[n] || Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n])) !== 0),
    );
    // Every part of the original is there; what changed is what annotating touches, nothing else.
    for (const n of Object.keys(a)) expect(b[n]).toBeDefined();
    const sheetPart = (name: string) => sheetPartOf(a, name);
    const cadres = sheetPart(HOSTILE_SHEET);
    const teams = sheetPart("班子");
    const rels = (p: string) => p.replace("worksheets/", "worksheets/_rels/") + ".rels";
    const expected = [
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/custom.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      cadres,
      teams,
      rels(teams),
      // the unit's own notes on the cadre sheet: ours appended to its comments and VML parts
      ...Object.keys(a).filter((n) => /^xl\/comments\d*\.xml$|^xl\/drawings\/vmlDrawing\d*\.vml$/.test(n)),
    ];
    for (const n of touched) expect([...expected, ...Object.keys(b).filter((x) => !a[x])]).toContain(n);
    for (const n of Object.keys(a))
      if (!expected.includes(n)) expect(Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n]))).toBe(0);
    if (kind === "xlsm") {
      expect(Buffer.compare(Buffer.from(a["xl/vbaProject.bin"]), Buffer.from(b["xl/vbaProject.bin"]))).toBe(0);
      expect(xmlOf(b, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }
    for (const p of [
      "xl/charts/chart1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "customXml/item1.xml",
      "xl/media/image1.png",
    ])
      expect(touched.has(p)).toBe(false);
  });

  it("a touched sheet differs only by the added elements: the fills' conditional formats and a legacyDrawing", () => {
    const a = unzip(files.xlsx);
    const b = unzip(copies.xlsx);
    for (const name of Object.keys(a).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const before = xmlOf(a, name);
      const after = xmlOf(b, name);
      const mark = MARK_FORMULA.replace(/"/g, "&quot;");
      const stripped = after
        .replace(
          /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>([^<]*)<\/formula><\/cfRule><\/conditionalFormatting>/g,
          (m, f: string) => (f === mark ? "" : m),
        )
        .replace(/<legacyDrawing xmlns:r="[^"]+" r:id="rIdKaohe\d+"\/>/g, "");
      expect(stripped).toBe(before);
    }
  });

  it("notes at the cells: the rule, what to do and the source, in the unit's words; the unit's own note kept first", () => {
    const b = unzip(copies.xlsx);
    const comments = Object.keys(b).filter((n) => /^xl\/comments\d*\.xml$/.test(n));
    const notes = new Map<string, string>();
    for (const c of comments) {
      const doc = new DOMParser().parseFromString(xmlOf(b, c), "text/xml");
      const list = doc.getElementsByTagName("comment");
      for (let i = 0; i < list.length; i++) notes.set(list[i].getAttribute("ref")!, list[i].textContent ?? "");
    }
    expect(notes.get("D3")).toMatch(
      /^单位自己的批注：张三为正职[\s\S]*考核规则校验：\n【错误】L02 班子为一般等次的，正职不得确定为优秀\n怎么改：将正职等次改为称职及以下，或核对班子等次\n依据：济南市 2022 实施办法$/,
    );
    // Hostile text quoted by D01 stays the very text: no markup, no entity decoded twice.
    expect(notes.get("D4")).toContain(`「${HOSTILE_GRADE}」`);
    expect(notes.get("F4")).toBe("另一条批注");
    expect(notes.get("B2")).toContain(`【错误】Q01 ${HOSTILE_UNIT}：班子等次为一般`);
    // Each note has its box in a well-formed VML part, with shape ids unique across the workbook.
    const ids: string[] = [];
    let boxes = 0;
    for (const v of Object.keys(b).filter((n) => n.endsWith(".vml"))) {
      const doc = new DOMParser().parseFromString(xmlOf(b, v), "text/xml");
      const shapes = Array.from(doc.getElementsByTagName("v:shape") as unknown as ArrayLike<Element>);
      boxes += shapes.length;
      ids.push(...shapes.map((x) => x.getAttribute("id")!));
    }
    expect(boxes).toBe(notes.size);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("notes in the unit's language: a workbook with English headers gets English notes and sheet", async () => {
    const en = path.join(dir, "en");
    mkdirSync(en);
    await writeInput(path.join(en, "unit.xlsx"), {
      sheets: [
        {
          name: "Teams",
          values: [
            ["Unit", "Team grade"],
            ["A", "一般"],
          ],
        },
        {
          name: "Cadres",
          values: [
            ["Unit", "Name", "Principal", "Grade"],
            ["A", "Zhang", "是", "优秀"],
          ],
        },
      ],
    });
    await runKaohe("check", en, "--annotate", en);
    const b = unzip(path.join(en, "unit（校验意见）.xlsx"));
    const comments = Object.keys(b)
      .filter((n) => /^xl\/comments\d*\.xml$/.test(n))
      .map((n) => xmlOf(b, n))
      .join("");
    expect(comments).toContain("What to do: Grade the principal 称职 or below, or check the team grade");
    const first = readWorkbookBytes(new Uint8Array(readFileSync(path.join(en, "unit（校验意见）.xlsx")))).sheets[0];
    expect(first.values[7]).toEqual([
      "No.",
      "Severity",
      "Rule",
      "Where",
      "Unit",
      "Person",
      "Finding",
      "What to do",
      "Source",
    ]);
  });

  it("the first sheet 校验意见 lists every finding with a link that lands on its cell, the fingerprint and the date", () => {
    const bytes = new Uint8Array(readFileSync(copies.xlsx));
    const input = readWorkbookBytes(bytes);
    expect(input.sheets.map((s) => s.name)).toEqual(["校验意见", "班子", HOSTILE_SHEET, "统计", "透视"]);
    const sheet = input.sheets[0];
    const original = readFileSync(files.xlsx);
    expect(sheet.values[2][3]).toBe(require("crypto").createHash("sha256").update(original).digest("hex"));
    expect(sheet.values[4][3]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const findings = JSON.parse(run.out).files[0].findings as JsonFinding[];
    const rows = sheet.values.slice(8);
    expect(rows.map((r) => [r[2], r[3], r[6]])).toEqual(
      findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.message]),
    );
    // The link is a HYPERLINK formula whose target quotes the hostile sheet name as Excel reads it.
    const formulas = sheet.formulas!.slice(8).map((r) => r[3]);
    expect(formulas).toEqual(
      findings.map((f) => hyperlinkFormula({ text: `${f.sheet}!${f.cell}`, sheet: f.sheet, cell: f.cell })),
    );
    expect(formulas[1]).toBe(`=HYPERLINK("#'干部''""<&>表'!D3","干部'""<&>表!D3")`);
    // The message quoting formula-like text is text, never a formula.
    expect(sheet.formulas![9 + 1]?.[6] ?? null).toBeNull();
  });

  it("the copy checks again exactly as the original; merge passes it over until the unit changes it", async () => {
    const a = JSON.parse((await runKaohe("check", files.xlsx, "--json")).out).files[0];
    const b = JSON.parse((await runKaohe("check", copies.xlsx, "--json")).out).files[0];
    expect(b.findings).toEqual(a.findings);
    expect(b.summary).toEqual(a.summary);
    const m = await runKaohe("merge", copies.xlsx, "--out", path.join(dir, "汇总.xlsx"));
    expect(m.out).toContain("单位尚未修改（数据与原件相同），已跳过");
    // The unit corrects 张三's grade (a cell of the copy edited in place) and sends the copy back.
    const parts = unzip(copies.xlsx);
    const strings = xmlOf(parts, "xl/sharedStrings.xml");
    parts["xl/sharedStrings.xml"] = strToU8(strings.replace("<t>优秀</t>", "<t>称职</t>"));
    const corrected = path.join(dir, "甲局（校验意见）-已改.xlsx");
    writeFileSync(corrected, zipSync(parts as Zippable));
    const again = await runKaohe("merge", corrected, "--out", path.join(dir, "汇总2.xlsx"), "--json");
    const files2 = JSON.parse(again.out).files;
    expect(files2).toHaveLength(1);
    expect(files2[0].findings.map((f: JsonFinding) => f.rule)).not.toContain("L02");
  });

  it("a returned template with formulas typed over: the copy's A01–A06 findings are the original's", async () => {
    const t = path.join(dir, "template");
    mkdirSync(t);
    await runKaohe("template", "--out", path.join(t, "模板.xlsx"), "--year", "2025");
    const filled = path.join(t, "市直.xlsx");
    await fill(path.join(t, "模板.xlsx"), filled, tamper);
    const r = JSON.parse((await runKaohe("check", filled, "--annotate", t, "--json")).out);
    const original = r.files[0].findings as JsonFinding[];
    expect(original.map((f) => f.rule)).toEqual(expect.arrayContaining(["A03", "A04", "A06"]));
    const copy = JSON.parse((await runKaohe("check", r.annotated.copies[0].copy, "--json")).out).files[0];
    expect(copy.findings).toEqual(original);
  });

  it("a file without findings gets no copy; a copy never replaces an input", async () => {
    const clean = path.join(dir, "clean");
    mkdirSync(clean);
    await writeInput(path.join(clean, "丙局.xlsx"), yearBook(2025, {}));
    writeFileSync(path.join(clean, "乙局.xlsx"), readFileSync(path.join(__dirname, "..", "examples", "sample.xlsx")));
    // Annotating into the folder of the returns, twice: the second run meets its own copy as an input.
    const first = JSON.parse((await runKaohe("check", clean, "--annotate", clean, "--json")).out);
    expect(first.annotated.copies.map((c: { copy: string }) => path.basename(c.copy))).toEqual([
      "乙局（校验意见）.xlsx",
    ]);
    const second = await runKaohe("check", clean, "--annotate", clean, "--json");
    const j = JSON.parse(second.out);
    expect(j.annotated.failed).toEqual([
      { file: path.join(clean, "乙局.xlsx"), error: expect.stringContaining("不会覆盖输入") },
    ]);
    expect(second.code).toBe(2);
  });
});

describe("kaohe check --annotate on a return in an older format", () => {
  it("an .xlsb with findings is checked, its copy not made and the reason said; the others still annotated", async () => {
    const mixed = path.join(dir, "mixed");
    const back = path.join(dir, "mixed-out");
    mkdirSync(mixed);
    const src = path.join(dir, "mixed-src.xlsx");
    writeFileSync(src, readFileSync(path.join(__dirname, "..", "examples", "sample.xlsx")));
    toXlsb(src, path.join(mixed, "丁局.xlsb"));
    writeFileSync(path.join(mixed, "乙局.xlsx"), readFileSync(src));
    const r = await runKaohe("check", mixed, "--annotate", back, "--json");
    const j = JSON.parse(r.out);
    const binary = j.files.find((f: { file: string }) => f.file.endsWith("丁局.xlsb"));
    expect(binary.findings.length).toBeGreaterThan(0);
    expect(j.annotated.copies.map((c: { copy: string }) => path.basename(c.copy))).toEqual(["乙局（校验意见）.xlsx"]);
    expect(j.annotated.failed).toEqual([]);
    expect(j.annotated.skipped).toEqual([
      { file: path.join(mixed, "丁局.xlsb"), reason: expect.stringContaining(".xlsb 文件未制作退回修改件") },
    ]);
    expect(readdirSync(back)).toEqual(["乙局（校验意见）.xlsx"]);
    // Findings decide the exit status, not the copy that could not be made.
    expect(r.code).toBe(1);
    const text = await runKaohe("check", path.join(mixed, "丁局.xlsb"), "--annotate", back, "--lang", "en");
    expect(text.out).toContain("no annotated copy of a .xlsb file");
  });
});

describeWithSoffice("LibreOffice opens an annotated copy and shows its notes", () => {
  it.each(["xlsx", "xlsm"] as const)(
    "%s: the notes' text at their cells, the 校验意见 sheet first with its links",
    (kind) => {
      const lo = path.join(dir, `lo-${kind}`);
      mkdirSync(lo, { recursive: true });
      soffice(copies[kind], "fods", lo, path.join(lo, "profile"));
      const fods = readFileSync(path.join(lo, path.basename(copies[kind]).replace(/\.xlsx$|\.xlsm$/, ".fods")), "utf8");
      const doc = new DOMParser().parseFromString(fods, "text/xml");
      const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
      const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
      const tables = Array.from(doc.getElementsByTagNameNS(TABLE, "table") as unknown as ArrayLike<Element>).map((t) =>
        t.getAttributeNS(TABLE, "name"),
      );
      // (LibreOffice adds tables of its own after the sheets: the chart's "local-table".)
      expect(tables.slice(0, 4)).toEqual(["校验意见", "班子", HOSTILE_SHEET, "统计"]);
      expect(tables).toContain("透视");
      const notes = Array.from(doc.getElementsByTagNameNS(OFFICE, "annotation") as unknown as ArrayLike<Element>).map(
        (a) =>
          Array.from(
            a.getElementsByTagNameNS(
              "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
              "p",
            ) as unknown as ArrayLike<Element>,
          )
            .map((p) => p.textContent)
            .join("\n"),
      );
      expect(notes.some((n) => n.includes("【错误】L02 班子为一般等次的，正职不得确定为优秀"))).toBe(true);
      expect(notes.some((n) => n.includes(`「${HOSTILE_GRADE}」`))).toBe(true);
      expect(notes.some((n) => n.startsWith("单位自己的批注"))).toBe(true);
      // The link column's formulas, as LibreOffice reads them: HYPERLINK to the hostile sheet's cell.
      expect(fods).toContain("HYPERLINK(&quot;#&apos;干部&apos;&apos;&quot;&quot;&lt;&amp;&gt;表&apos;!D3&quot;");
    },
    120000,
  );
});
