/** The command line never harms a user's file, and says exactly what is wrong with what it was given. */
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, symlinkSync, readdirSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeAtomically } from "../src/cli/outputs";
import { suggestRule } from "../src/ruleset-file/read";
import { largeBook } from "../src/sample/generate";
import { writeBook } from "../src/sample/write";
import { runKaohe } from "./helpers/streams";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-safety-"));
const input = path.join(dir, "unit.xlsx");
let original: Buffer;

const run = runKaohe;

beforeAll(async () => {
  await writeBook(input, largeBook(3, 10, 7));
  original = readFileSync(input);
});

describe("an output never replaces an input", () => {
  it("refuses --report that is the input itself, naming both paths, before reading anything", async () => {
    const r = await run("check", input, "--report", input);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`--report 「${input}」就是输入文件「${input}」`);
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it("follows symlinks: a report path that links to the input is refused", async () => {
    const link = path.join(dir, "link.xlsx");
    symlinkSync(input, link);
    const r = await run("check", input, "--report", link);
    expect(r.code).toBe(2);
    expect(r.err).toContain(link);
    expect(r.err).toContain(input);
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it("refuses a report onto a workbook inside a folder being checked, and a result list onto an input", async () => {
    const folder = path.join(dir, "returned");
    mkdirSync(folder);
    copyFileSync(input, path.join(folder, "b.xlsx"));
    const r = await run("check", folder, "--report", path.join(folder, "b.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("b.xlsx");
    expect(readFileSync(path.join(folder, "b.xlsx")).equals(original)).toBe(true);
    const res = await run("results", input, "--out", input);
    expect(res.code).toBe(2);
    expect(res.err).toContain("--out");
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it("replaces an existing file that is not an input, and says so in one line", async () => {
    const report = path.join(dir, "report.xlsx");
    writeFileSync(report, "old");
    const r = await run("check", input, "--report", report);
    expect(r.code).toBeLessThanOrEqual(1);
    expect(r.err.trim().split("\n")).toEqual([`将替换已有文件「${report}」`]);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes through a temporary file: an interrupted write leaves the old file whole and no debris", async () => {
    const target = path.join(dir, "target.xlsx");
    writeFileSync(target, "previous report");
    await expect(
      writeAtomically(target, async (tmp) => {
        writeFileSync(tmp, "half a workb");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(readFileSync(target, "utf8")).toBe("previous report");
    expect(readdirSync(dir).filter((f) => f.includes("target.xlsx") && f !== "target.xlsx")).toEqual([]);
  });
});

describe("what is given is checked as given", () => {
  it("refuses results --year abc like check and template", async () => {
    for (const cmd of [
      ["check", input],
      ["results", input],
      ["template", "--out", path.join(dir, "t.xlsx")],
    ]) {
      const r = await run(...cmd, "--year", "abc");
      expect(r.code).toBe(2);
      expect(r.err).toContain("「abc」");
    }
  });

  it("names an empty folder", async () => {
    const empty = path.join(dir, "empty");
    mkdirSync(empty);
    const r = await run("check", empty);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`文件夹 「${empty}」 中没有找到工作簿（.xlsx、.xls、.et、.ods、.xlsb）`);
  });

  it("reads the .xls and .et files of a folder (saying why a broken one is unusable), lists .csv as not checked, checks .xlsm", async () => {
    const folder = path.join(dir, "mixed");
    mkdirSync(folder);
    copyFileSync(input, path.join(folder, "a.xlsx"));
    await writeBook(path.join(folder, "b.xlsm"), largeBook(2, 5, 8)); // other bytes: a copy is counted once
    writeFileSync(path.join(folder, "c.xls"), Buffer.from("d0cf11e0a1b11ae1", "hex"));
    writeFileSync(path.join(folder, "d.csv"), "单位,姓名\n");
    writeFileSync(path.join(folder, "e.et"), "x");
    writeFileSync(path.join(folder, "notes.txt"), "not a spreadsheet");
    const r = await run("check", folder, "--json");
    expect(r.code).toBe(2);
    const files = JSON.parse(r.out).files as { file: string; status: string; error?: string }[];
    expect(files.map((f) => [path.basename(f.file), f.status])).toEqual([
      ["a.xlsx", "checked"],
      ["b.xlsm", "checked"],
      ["c.xls", "unusable"],
      ["e.et", "unusable"],
      ["d.csv", "unusable"],
    ]);
    expect(files[2].error).toMatch(/^复合文档损坏：文件不完整/);
    expect(files[4].error).toContain("未校验");
    const text = await run("check", folder);
    expect(text.out).toContain(
      `✗ ${path.join(folder, "e.et")}: 这个 .et 文件既不是 BIFF（Excel 97–2003）格式也不是 xlsx 格式`,
    );
  });
});

describe("a ruleset file is validated before any workbook is read", () => {
  const cases: [string, object, RegExp][] = [
    ["extends a number", { id: "x", extends: 5 }, /extends：应为文字，收到 5/],
    ["extends an unknown ruleset", { id: "x", extends: "atlantis-2099" }, /extends：没有名为「atlantis-2099」的规则集/],
    [
      "a share above 100",
      { id: "x", extends: "jinan-2022", params: { teamShares: [30, 20, 10, 120] } },
      /params\.teamShares\[3\]：应在允许范围内（不大于 100），收到 120/,
    ],
    [
      "a rounding mode that is none",
      { id: "x", params: { quota: { rounding: "up" } } },
      /params\.quota\.rounding：应为 "floor"、"round-half-up"、"ceil" 之一，收到 "up"/,
    ],
    [
      "a severity that is none",
      { id: "x", rules: { L01: { severity: "fatal" } } },
      /rules\.L01\.severity：应为 "error"、"warning"、"info" 之一/,
    ],
    ["an unknown rule ID", { id: "x", rules: { L2: {} } }, /rules\.L2：没有这条规则，是否指 L02？/],
    ["a misspelt field", { id: "x", parms: {} }, /没有「parms」这一项/],
    ["no id", { extends: "jinan-2022" }, /缺少「id」/],
  ];
  it.each(cases)("refuses %s, naming the file and the field, exit 2, no workbook blamed", async (_, json, message) => {
    const file = path.join(dir, "bad-ruleset.json");
    writeFileSync(file, JSON.stringify(json));
    const r = await run("check", input, "--json", "--ruleset", file);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`规则集文件「${file}」有误`);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain("unit.xlsx");
  });

  it("accepts a well-formed one, and suggests rule IDs from their spelling", async () => {
    const file = path.join(dir, "good.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "licheng-2025",
        extends: "jinan-2022",
        rules: { R06: false, L01: { severity: "warning" } },
        params: { teamShares: [30, 15, 10, 0], quota: { rounding: "round-half-up", minimum: 1 } },
      }),
    );
    const r = await run("check", input, "--json", "--ruleset", file);
    expect(r.code).toBeLessThanOrEqual(1);
    expect(JSON.parse(r.out).files[0].ruleset.id).toBe("licheng-2025");
    expect(suggestRule("q1")).toBe("Q01");
    expect(suggestRule("L002")).toBe("L02");
    expect(suggestRule("XYZ")).toBe(null);
  });
});
