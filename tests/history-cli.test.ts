/**
 * `--history` on the command line (issue 21, item 3): kaohe check, merge and results read the record of
 * past years from files or a folder; the JSON adds what the record did, and a record file that cannot serve
 * is said and ends with exit status 2, as an unusable input does.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { blankHistory, currentBook, PAST, writeInput } from "./helpers/history-books";
import { runKaohe } from "./helpers/streams";
import { toXlsb } from "./helpers/legacy-files";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-history-"));
const past = path.join(dir, "往年");
const current = path.join(dir, "2025.xlsx");
const typed = path.join(dir, "2025-填了往年.xlsx");

beforeAll(async () => {
  mkdirSync(past);
  for (const [y, b] of PAST) await writeInput(path.join(past, `${y}年度汇总.xlsx`), b);
  await writeInput(current, currentBook(blankHistory));
  await writeInput(
    typed,
    currentBook((n) => ({ "2024年度等次": n === "张一" ? "称职" : "" })),
  );
});

type Json = {
  files: { findings: { rule: string; cell: string; person?: string; severity: string }[]; history?: object }[];
  history?: { files: object[] };
};

describe("kaohe --history", () => {
  it("check: the record fills blank history (H01, H05), says what it did, and the JSON adds it", async () => {
    const plain = JSON.parse((await runKaohe("check", current, "--json")).out) as Json;
    expect(plain.history).toBeUndefined();
    expect(plain.files[0].history).toBeUndefined();
    expect(plain.files[0].findings.filter((f) => ["H01", "H05"].includes(f.rule))).toEqual([]);
    const r = await runKaohe("check", current, "--history", past, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as Json;
    expect(j.files[0].findings.filter((f) => ["H01", "H05"].includes(f.rule)).map((f) => [f.rule, f.person])).toEqual([
      ["H01", "张一"],
      ["H05", "张二"],
    ]);
    expect(j.files[0].history).toEqual({ filled: 30, contradicted: 0, absent: 0 });
    expect(j.history).toEqual({
      files: [2022, 2023, 2024].map((y) => ({
        file: path.join(past, `${y}年度汇总.xlsx`),
        status: "used",
        year: y,
        people: 10,
      })),
    });
    const text = await runKaohe("check", current, "--history", path.join(past, "2024年度汇总.xlsx"));
    expect(text.out).toContain("◆ 往年结果");
    expect(text.out).toContain("2024 年度，10 人");
    expect(text.out).toContain("往年结果：补全历史等次 10 处，与记录不符 0 处，记录中没有 0 人");
  });

  it("check: a typed grade the record contradicts is H07 at its cell, naming the record's file and cell", async () => {
    const r = await runKaohe("check", typed, "--history", past, "--json", "--lang", "en");
    const h07 = (JSON.parse(r.out) as Json).files[0].findings.filter((f) => f.rule === "H07");
    expect(h07).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "干部",
        cell: "E3",
        person: "张一",
        message: `The 2024 grade is typed COMPETENT, but the record "${path.join(past, "2024年度汇总.xlsx")}" 干部!D3 says EXCELLENT: the record decides`,
      }),
    ]);
  });

  it("merge and results take the record too", async () => {
    const m = await runKaohe("merge", current, "--history", past, "--out", path.join(dir, "汇总.xlsx"), "--json");
    const mj = JSON.parse(m.out) as Json;
    expect(mj.files[0].findings.some((f) => f.rule === "H01")).toBe(true);
    expect(mj.history?.files).toHaveLength(3);
    const res = await runKaohe("results", current, "--history", past, "--json");
    const measures = (JSON.parse(res.out) as { files: { measures: { rule: string; person?: string }[] }[] }).files[0]
      .measures;
    expect(measures.filter((x) => x.rule === "H01").map((x) => x.person)).toEqual(["张一"]);
    // R04 last year (不称职, two years): 张二 barred from promotion this year too.
    expect(measures.some((x) => x.person === "张二")).toBe(true);
  });

  it("a record file that cannot serve is said, the check goes on, and the exit status is 2", async () => {
    const bad = path.join(dir, "坏的往年.xlsx");
    writeFileSync(bad, "not a workbook");
    const noYear = path.join(dir, "没有年份.xlsx");
    await writeInput(noYear, {
      sheets: [
        {
          name: "干部",
          values: [
            ["单位", "姓名", "本年等次"],
            ["甲局", "张一", "优秀"],
          ],
        },
      ],
    });
    const r = await runKaohe("check", current, "--history", bad, "--history", noYear);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`✗ 往年结果 ${bad}：`);
    expect(r.out).toContain(`✗ 往年结果 ${noYear}：无法确定往年结果的考核年度`);
    expect(r.out).toContain(`▶ ${current}`);
  });

  it("an output that would replace a record file is refused", async () => {
    const r = await runKaohe("check", current, "--history", past, "--report", path.join(past, "2022年度汇总.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("就是输入文件");
  });

  it("a record kept in an older format (.xlsb here) is read as its .xlsx: the same grades filled", async () => {
    const binary = path.join(dir, "往年-二进制");
    mkdirSync(binary);
    for (const [y] of PAST) toXlsb(path.join(past, `${y}年度汇总.xlsx`), path.join(binary, `${y}年度汇总.xlsb`));
    const fromXlsx = JSON.parse((await runKaohe("check", current, "--history", past, "--json")).out) as Json;
    const fromXlsb = JSON.parse((await runKaohe("check", current, "--history", binary, "--json")).out) as Json;
    expect(fromXlsb.files[0].findings).toEqual(fromXlsx.files[0].findings);
    expect(fromXlsb.files[0].history).toEqual(fromXlsx.files[0].history);
    expect(fromXlsb.history!.files).toHaveLength(3);
  });
});
