/** `kaohe check` on real .xlsx files written with ExcelJS: exit codes, the JSON contract, bad inputs. */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync, mkdirSync, existsSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook, sampleBook } from "../src/sample/generate";
import { writeBook } from "../src/sample/write";
import { runKaohe } from "./helpers/streams";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-cli-"));
const sample = path.join(dir, "sample.xlsx");
const plain = path.join(dir, "plain.xlsx");
const clean = path.join(dir, "clean.xlsx");

const run = runKaohe;

beforeAll(async () => {
  await writeBook(sample, sampleBook());
  await writeBook(plain, sampleBook(), { mergeUnits: false, titles: false });
  await writeBook(clean, largeBook(8, 12, 3, 0));
});

const CONTRACT_KEYS = ["rule", "severity", "sheet", "cell", "unit", "person", "message", "source"];

describe("kaohe check --json on the sample", () => {
  let json: {
    files: {
      file: string;
      status: string;
      ruleset: { id: string; fingerprint: string };
      summary: Record<string, number>;
      findings: Record<string, string>[];
    }[];
  };
  let code: number;
  beforeAll(async () => {
    const r = await run("check", sample, "--json");
    code = r.code;
    json = JSON.parse(r.out);
  });

  it("exits 1 because the sample has error-level findings", () => {
    expect(code).toBe(1);
  });

  it("reports exactly the rule IDs planted in the sample", () => {
    const ids = [...new Set(json.files[0].findings.map((f) => f.rule))].sort();
    expect(ids).toEqual([
      "D01",
      "D03",
      "D04",
      "D05",
      "D06",
      "D07",
      "H01",
      "H02",
      "H03",
      "H05",
      "L01",
      "L02",
      "L03",
      "L04",
      "L05",
      "L06",
      "Q01",
    ]);
  });

  it("follows the JSON contract of cli.md", () => {
    const f = json.files[0];
    expect(Object.keys(f)).toEqual(["file", "status", "ruleset", "summary", "findings"]);
    expect(f.file).toBe(sample);
    expect(f.status).toBe("checked");
    expect(f.ruleset.id).toBe("jinan-2022");
    expect(f.ruleset.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(f.summary)).toEqual(["rows", "errors", "warnings", "info"]);
    expect(f.summary.errors).toBe(f.findings.filter((x) => x.severity === "error").length);
    for (const x of f.findings) {
      for (const k of Object.keys(x)) expect(CONTRACT_KEYS).toContain(k);
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
      expect(["error", "warning", "info"]).toContain(x.severity);
    }
    const q01 = f.findings.filter((x) => x.rule === "Q01");
    expect(q01.length).toBe(2);
    for (const x of q01) expect(x.person).toBeUndefined();
    const l02 = f.findings.find((x) => x.rule === "L02")!;
    expect(l02).toMatchObject({
      severity: "error",
      sheet: "干部",
      unit: "市教育局",
      message: "班子为一般等次的，正职不得确定为优秀",
      source: "济南市 2022 实施办法",
    });
  });

  it("points at the same people whether units are merged under title rows or written plainly", async () => {
    const other = JSON.parse((await run("check", plain, "--json")).out);
    const essence = (fs: Record<string, string>[]) =>
      fs.map((x) => `${x.rule}|${x.unit}|${x.person}|${x.message.replace(/第 \d+ 行/, "")}`).sort();
    expect(essence(other.files[0].findings)).toEqual(essence(json.files[0].findings));
  });
});

describe("kaohe check, text and options", () => {
  it("prints findings in Chinese grouped by unit, errors first, and a total", async () => {
    const r = await run("check", sample);
    expect(r.code).toBe(1);
    expect(r.out).toContain("市教育局");
    expect(r.out).toMatch(/错误 L02 干部!F\d+/);
    expect(r.out).toContain("合计：1 个文件");
    const lines = r.out.split("\n");
    const start = lines.indexOf("  市市场监督管理局");
    const block = lines.slice(start + 1).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith("    ")));
    expect(block.map((l) => l.trim().split(" ")[0])).toEqual(["错误", "提示"]);
  });

  it("speaks English with --lang en", async () => {
    const r = await run("check", sample, "--lang", "en");
    expect(r.out).toContain("Team graded 一般 (fair): its principal may not be 优秀");
    expect(r.out).toContain("Total: 1 files");
  });

  it("exits 0 on a workbook that keeps every rule", async () => {
    const r = await run("check", clean, "--json");
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out).files[0];
    expect(f.summary.errors).toBe(0);
    expect(f.summary.warnings).toBe(0);
    expect(f.summary.rows).toBe(8 + 8 * 12);
  });

  it("takes a ruleset from JSON and says an unknown one in one line", async () => {
    const rsFile = path.join(dir, "strict.json");
    writeFileSync(
      rsFile,
      JSON.stringify({ id: "strict", extends: "jinan-2022", rules: { L01: { severity: "error" } } }),
    );
    const r = await run("check", sample, "--json", "--ruleset", rsFile);
    const f = JSON.parse(r.out).files[0];
    expect(f.ruleset.id).toBe("strict");
    expect(f.findings.find((x: { rule: string }) => x.rule === "L01").severity).toBe("error");
    const bad = await run("check", sample, "--ruleset", "atlantis-2099");
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toContain("atlantis-2099");
  });

  it("writes a report workbook with a row per finding", async () => {
    const out = path.join(dir, "report.xlsx");
    const r = await run("check", sample, "--json", "--report", out);
    const n = JSON.parse(r.out).files[0].findings.length;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("校验报告")!;
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.getRow(1).getCell(2).value).toBe("规则");
  });
});

describe("kaohe check on bad inputs", () => {
  const folder = path.join(dir, "returned");
  beforeAll(async () => {
    mkdirSync(path.join(folder, "sub"), { recursive: true });
    await writeBook(path.join(folder, "a-good.xlsx"), largeBook(3, 10, 5, 0));
    writeFileSync(path.join(folder, "b-text.xlsx"), "单位,姓名\n甲局,张三\n");
    // An OLE compound file holding an EncryptionInfo stream: how Excel stores a password-protected .xlsx.
    const cfb = Buffer.alloc(2048);
    Buffer.from("d0cf11e0a1b11ae1", "hex").copy(cfb, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    writeFileSync(path.join(folder, "c-locked.xlsx"), cfb);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("经费").addRow(["项目", "金额"]);
    await other.xlsx.writeFile(path.join(folder, "sub", "d-budget.xlsx"));
    writeFileSync(path.join(folder, "~$a-good.xlsx"), "lock");
    writeFileSync(path.join(folder, "notes.txt"), "not a workbook and not .xlsx");
  });

  it("checks every workbook in a folder, says what is unusable in one line each, exits 2", async () => {
    const r = await run("check", folder, "--json");
    expect(r.code).toBe(2);
    const files = JSON.parse(r.out).files as { file: string; status: string; error?: string }[];
    expect(files.map((f) => path.basename(f.file))).toEqual([
      "a-good.xlsx",
      "b-text.xlsx",
      "c-locked.xlsx",
      "d-budget.xlsx",
    ]);
    expect(files.map((f) => f.status)).toEqual(["checked", "unusable", "unusable", "unusable"]);
    expect(files[1].error).toBe("不是有效的 xlsx 工作簿");
    expect(files[2].error).toContain("密码");
    expect(files[3].error).toContain("没有找到考核表");
  });

  it("names a missing file in one line, no stack trace, and still checks the others", async () => {
    const r = await run("check", path.join(dir, "nope.xlsx"), sample);
    expect(r.code).toBe(2);
    const line = r.out.split("\n").find((l) => l.includes("nope.xlsx"))!;
    expect(line).toContain("文件不存在");
    expect(r.out).not.toMatch(/at .*\.ts:\d+/);
    expect(r.out).toContain("已校验 1 个，无法使用 1 个");
  });

  it("refuses bad usage with exit 2", async () => {
    expect((await run("check")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("check", sample, "--year", "twenty")).code).toBe(2);
  });
});

describe("the kaohe bin", () => {
  it("runs as a command: rulesets lists the built-in rulesets", () => {
    const bin = path.join(__dirname, "..", "bin", "kaohe.js");
    expect(existsSync(path.join(__dirname, "..", "lib", "cli", "main.js"))).toBe(true);
    const out = execFileSync(process.execPath, [bin, "rulesets"], { encoding: "utf8" });
    for (const id of [
      "jinan-2022",
      "civil-servant-2020",
      "public-institution-2023",
      "gansu-2024",
      "zhejiang-township-2018",
    ])
      expect(out).toContain(id);
  });
});
