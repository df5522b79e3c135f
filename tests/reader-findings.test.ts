/**
 * Nothing is read wrong silently (issue 22, items 5 and 9): a shared string the file lacks is an unknown
 * value at its cell (D09), never a blank that drops a person; two sheets of one name make the file
 * unusable; a merged cell holding a bad value is one finding at that cell, not one per row it spans.
 */
import { checkWorkbook, resolveRuleset, type SheetInput } from "../src/engine";
import { rawXlsx } from "../src/sample/raw-xlsx";
import { readWorkbookBytes, UnusableFile } from "../src/xlsx/ooxml";
import { sheet } from "./helpers/book";

const rs = resolveRuleset("jinan-2022");
const s = (ref: string, i: number | string) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
const STRINGS = ["姓名", "单位", "本年等次", "张三", "甲局", "优秀", "李四", "称职"];

function refusal(bytes: Uint8Array): UnusableFile {
  try {
    readWorkbookBytes(bytes);
  } catch (e) {
    if (e instanceof UnusableFile) return e;
    throw e;
  }
  throw new Error("read without complaint");
}

describe("a shared string the file lacks", () => {
  const book = (name: string, grade: string) =>
    readWorkbookBytes(
      rawXlsx(
        [
          {
            name: "干部",
            xml: `<sheetData><row r="1">${s("A1", 0)}${s("B1", 1)}${s("C1", 2)}</row><row r="2">${s("A2", 3)}${s("B2", 4)}${s("C2", 5)}</row><row r="3">${s("A3", name)}${s("B3", 4)}${s("C3", grade)}</row></sheetData>`,
          },
        ],
        { strings: STRINGS },
      ),
    );

  it("is D09 at its cell, and the person still counts", () => {
    const r = checkWorkbook(book("99999", "7"), rs);
    expect(r.summary.rows).toBe(2);
    const d09 = r.findings.filter((f) => f.rule === "D09");
    expect(d09.map((f) => f.cell)).toEqual(["A3"]);
    expect(d09[0].message).toMatch(/共享字符串.*缺失|缺少.*共享字符串/);
    expect(d09[0].messageEn).toMatch(/shared string/);
  });

  it("in a grade cell is unknown, not blank (no D07) — whatever the index looks like", () => {
    for (const bad of ["99999", "", "-1", "1.5", "x"]) {
      const r = checkWorkbook(book("6", bad), rs);
      expect(r.findings.filter((f) => f.rule === "D09").map((f) => f.cell)).toEqual(["C3"]);
      expect(r.findings.filter((f) => f.rule === "D07" || f.rule === "D01")).toEqual([]);
    }
  });
});

describe("two sheets of one name", () => {
  it("make the file unusable, said so (Excel refuses such a file too)", () => {
    const xml = `<sheetData><row r="1">${s("A1", 0)}${s("B1", 1)}${s("C1", 2)}</row></sheetData>`;
    const e = refusal(
      rawXlsx(
        [
          { name: "干部", xml },
          { name: "班子", xml },
          { name: "干部", xml },
        ],
        { strings: STRINGS },
      ),
    );
    expect(e.zh).toBe("工作簿中有两个同名工作表「干部」");
    expect(e.en).toBe('two sheets named "干部"');
    // Excel compares sheet names without case.
    expect(
      refusal(
        rawXlsx([
          { name: "Sheet1", xml },
          { name: "SHEET1", xml },
        ]),
      ).zh,
    ).toMatch(/「Sheet1」.*「SHEET1」|「SHEET1」/);
  });
});

describe("a merged cell holding a bad value is one finding at that cell", () => {
  const rows = (over: Record<string, unknown>[]) =>
    sheet(
      "干部",
      over.map((o, i) => ({
        单位: "甲局",
        姓名: `人${i + 1}`,
        是否正职: i === 0 ? "是" : "否",
        本年等次: "称职",
        班子等次: "良好",
        ...o,
      })),
    );
  const found = (s: SheetInput, rule: string) =>
    checkWorkbook({ sheets: [s] }, rs)
      .findings.filter((f) => f.rule === rule)
      .map((f) => `${f.cell}${f.person ? " " + f.person : ""}`);

  it("a team grade merged down its unit's rows (D01)", () => {
    const s = rows([{ 班子等次: "优良" }, { 班子等次: null }, { 班子等次: null }, { 班子等次: null }]);
    s.merges = ["E2:E5"];
    expect(found(s, "D01")).toEqual(["E2 人1"]);
  });

  it("a grade merged over several people (D01), and a unit merged with an error value (D09)", () => {
    const s = rows([
      { 本年等次: "优良", 单位: "#REF!" },
      { 本年等次: null, 单位: null },
      { 本年等次: null, 单位: null },
    ]);
    s.merges = ["D2:D4", "A2:A4"];
    expect(found(s, "D01")).toEqual(["D2 人1"]);
    expect(found(s, "D09")).toEqual(["A2 人1"]);
  });

  it("an anchor on a row that is no one's: once, at the anchor", () => {
    const s = rows([{ 姓名: null, 本年等次: "优良" }, { 本年等次: null }, { 本年等次: null }]);
    s.merges = ["D2:D4"];
    expect(found(s, "D01")).toEqual(["D2"]);
  });

  it("read from a file as written by Excel", () => {
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const body = [1, 2, 3]
      .map(
        (i) => `<row r="${i + 1}">${t(`A${i + 1}`, `人${i}`)}${i === 1 ? t("B2", "甲局") + t("C2", "优良") : ""}</row>`,
      )
      .join("");
    const input = readWorkbookBytes(
      rawXlsx([
        {
          name: "干部",
          xml: `<sheetData><row r="1">${t("A1", "姓名")}${t("B1", "单位")}${t("C1", "本年等次")}</row>${body}</sheetData><mergeCells><mergeCell ref="B2:B4"/><mergeCell ref="C2:C4"/></mergeCells>`,
        },
      ]),
    );
    const f = checkWorkbook(input, rs).findings.filter((x) => x.rule === "D01");
    expect(f.map((x) => x.cell)).toEqual(["C2"]);
  });
});
