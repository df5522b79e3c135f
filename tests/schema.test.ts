/**
 * Every kind of file the project writes is valid OOXML that Excel opens without repair: templates for every
 * built-in ruleset × formula variant × auto-open, the check report, the result-use list and the merged
 * workbook (with returned text holding characters XML forbids) — each part validated against the ISO/IEC 29500
 * Transitional schemas after Markup Compatibility, plus the rules of tests/helpers/ooxml-check.ts.
 * The checker itself is shown to catch each defect it looks for, on doctored copies of a good file.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { tmpdir } from "os";
import * as path from "path";
import { BUILTIN } from "../src/engine";
import { withAutoOpen } from "../src/xlsx/auto-open";
import { readXlsx } from "../src/xlsx/read";
import { xmlText } from "../src/xlsx/xml-text";
import { inspectPackage, schemaErrors, type Inspected } from "./helpers/ooxml-check";
import { richReturn } from "./helpers/rich-return";
import { runKaohe } from "./helpers/streams";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-schema-"));
const returned = path.join(dir, "returned");

interface Written {
  label: string;
  args?: string[];
  file: string;
  /** A copy of a unit's file: only the parts we added or changed are ours to validate (the others are its bytes). */
  original?: string;
}

const templates: Written[] = BUILTIN.flatMap((rs) =>
  (["native", "kh"] as const).flatMap((formulas) =>
    [false, true].map((autoOpen) => {
      const label = `template ${rs.id} ${formulas}${autoOpen ? " auto-open" : ""}`;
      const file = path.join(dir, `${label.replace(/ /g, "_")}.xlsx`);
      const args = ["template", "--out", file, "--ruleset", rs.id, "--year", "2025", "--formulas", formulas];
      return { label, file, args: autoOpen ? [...args, "--auto-open"] : args };
    }),
  ),
);
const outputs: Written[] = [
  { label: "check --report", file: path.join(dir, "校验报告.xlsx") },
  { label: "results --out", file: path.join(dir, "结果运用清单.xlsx") },
  { label: "merge --out", file: path.join(dir, "汇总.xlsx") },
  { label: "merge --out --auto-open", file: path.join(dir, "汇总-自动打开.xlsx") },
  { label: "auto-open writer with a hostile --catalog", file: path.join(dir, "catalog.xlsx") },
  {
    label: "check --annotate (returned text XML cannot hold)",
    file: path.join(dir, "annotated", "甲局（校验意见）.xlsx"),
  },
  {
    label: "check --annotate (charts, image, pivot table, the unit's notes, VBA)",
    file: path.join(dir, "annotated", "丙局（校验意见）.xlsm"),
    original: path.join(returned, "丙局.xlsm"),
  },
  { label: "diff --out", file: path.join(dir, "对比.xlsx") },
];
outputs[0].args = ["check", returned, "--report", outputs[0].file];
outputs[1].args = ["results", returned, "--out", outputs[1].file];
outputs[2].args = ["merge", returned, "--out", outputs[2].file];
outputs[3].args = ["merge", returned, "--out", outputs[3].file, "--auto-open"];
outputs[5].args = ["check", returned, "--annotate", path.join(dir, "annotated")];
outputs[7].args = [
  "diff",
  path.join(returned, "丙局.xlsm"),
  path.join(returned, "甲局.xlsx"),
  "--out",
  outputs[7].file,
];

/** Returned text as Excel escapes it (_xHHHH_): the reader decodes it to characters XML forbids. */
const HOSTILE = {
  unit: "甲局_xFFFF_",
  person: "张_xFFFE_三",
  grade: "优良_x0001_",
  note: "备注_xD800_尾",
};

async function writeReturned(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const teams = wb.addWorksheet("班子");
  teams.addRow(["单位", "本年班子等次"]);
  teams.addRow([HOSTILE.unit, "一般"]);
  teams.addRow(["乙局", "良好"]);
  const cadres = wb.addWorksheet("干部");
  cadres.addRow(["单位", "姓名", "是否正职", "本年等次", "备注"]);
  cadres.addRow([HOSTILE.unit, HOSTILE.person, "是", "优秀", HOSTILE.note]); // L02, names in the message
  cadres.addRow([HOSTILE.unit, "李四", "否", "基本称职", "x"]); // a result-use measure
  cadres.addRow(["乙局", "王五", "否", HOSTILE.grade, ""]); // D01 quotes the value
  cadres.addRow(["乙局", "赵六", "是", "称职", ""]);
  await wb.xlsx.writeFile(file);
}

const inspected = new Map<string, Inspected["problems"]>();
let took = { write: 0, inspect: 0, schema: 0 };

beforeAll(async () => {
  mkdirSync(returned);
  let t = Date.now();
  await writeReturned(path.join(returned, "甲局.xlsx"));
  require("fs").writeFileSync(path.join(returned, "丙局.xlsm"), await richReturn(true));
  for (const w of [...templates, ...outputs]) {
    if (!w.args) continue;
    const r = await runKaohe(...w.args);
    if (r.code > 1) throw new Error(`kaohe ${w.args.join(" ")}: ${r.err}`);
  }
  // The writer itself, past any validation of the option: a catalog holding what XML and attributes cannot.
  const plain = readFileSync(templates[0].file);
  const catalog = "\\\\srv\\a\u0001b\"c<d>&e'f\uFFFF\tg\nh";
  require("fs").writeFileSync(outputs[4].file, withAutoOpen(new Uint8Array(plain), { catalog }));
  took.write = Date.now() - t;
  t = Date.now();
  const all = [...templates, ...outputs].map((w) => ({ w, i: inspectPackage(new Uint8Array(readFileSync(w.file))) }));
  for (const { w, i } of all) {
    if (!w.original) continue;
    const before = unzipSync(new Uint8Array(readFileSync(w.original)));
    const after = unzipSync(new Uint8Array(readFileSync(w.file)));
    const ours = (n: string) => !before[n] || Buffer.compare(Buffer.from(before[n]), Buffer.from(after[n])) !== 0;
    i.parts = i.parts.filter((p) => ours(p.name));
  }
  took.inspect = Date.now() - t;
  t = Date.now();
  // Every part of every file, in one xmllint run: compiling the schemas is most of a run's time.
  const errors = await schemaErrors(all.map((x) => x.i.parts));
  took.schema = Date.now() - t;
  all.forEach(({ w, i }, k) => inspected.set(w.label, [...i.problems, ...errors[k]]));
}, 120000);

afterAll(() => {
  process.stdout.write(
    `schema test: ${inspected.size} files written in ${took.write} ms, checked in ${took.inspect} ms, ` +
      `schema-validated in ${took.schema} ms\n`,
  );
});

describe("every file kaohe writes is valid OOXML, with nothing Excel must repair", () => {
  it.each(templates.map((t) => t.label))("%s", (label) => {
    expect(inspected.get(label)).toEqual([]);
  });
  it.each(outputs.map((t) => t.label))("%s", (label) => {
    expect(inspected.get(label)).toEqual([]);
  });
});

describe("returned text XML cannot hold is written as Excel escapes it, and reads back the same", () => {
  const decoded = {
    unit: "甲局\uFFFF",
    person: "张\uFFFE三",
    note: "备注\uD800尾",
  };
  const cells = async (file: string) =>
    (await readXlsx(file)).sheets.flatMap((s) => s.values.flat().filter((v): v is string => typeof v === "string"));

  it("in the merged workbook, the report and the result-use list", async () => {
    const merged = await cells(outputs[2].file);
    expect(merged).toEqual(expect.arrayContaining([decoded.unit, decoded.person, decoded.note]));
    const report = await cells(outputs[0].file);
    expect(report.some((t) => t.includes(decoded.person))).toBe(true);
    expect(report.some((t) => t.includes("优良\u0001"))).toBe(true); // D01 quotes the value as written
    expect(await cells(outputs[1].file)).toContain(decoded.unit);
  });

  it("and a literal that looks like an escape stays a literal", () => {
    expect(xmlText("a_x0041_b\u0001")).toBe("a_x005F_x0041_b_x0001_");
    expect(xmlText("plain 文字")).toBe("plain 文字");
    expect(xmlText("😀")).toBe("😀");
  });
});

/** A good file with one defect put in, and what the checker must say of it. */
function doctored(edit: (parts: Record<string, Uint8Array>) => void): string[] {
  const parts = unzipSync(new Uint8Array(readFileSync(outputs[2].file)));
  edit(parts);
  return inspectPackage(zipSync(parts as Zippable)).problems;
}
const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]);
const put = (parts: Record<string, Uint8Array>, name: string, xml: string) => (parts[name] = strToU8(xml));

describe("the checker catches each defect it looks for", () => {
  it("a character XML forbids", () => {
    expect(
      doctored((p) =>
        put(p, "xl/worksheets/sheet1.xml", text(p, "xl/worksheets/sheet1.xml").replace("<t>", "<t>\uFFFF")),
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining("U+FFFF is not allowed")]));
  });

  it("a zero-length folder entry", () => {
    expect(doctored((p) => (p["xl/"] = new Uint8Array(0)))).toContain('zero-length folder entry "xl/" in the zip');
  });

  it("an x14 data bar without negativeFillColor and axisColor", async () => {
    const sheet = "xl/worksheets/sheet4.xml";
    expect(
      doctored((p) =>
        put(p, sheet, text(p, sheet).replace(/<x14:negativeFillColor[^>]*\/>|<x14:axisColor[^>]*\/>/g, "")),
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining("x14:dataBar lacks x14:negativeFillColor")]));
  });

  it("an autofilter without its _xlnm._FilterDatabase", () => {
    expect(
      doctored((p) =>
        put(
          p,
          "xl/workbook.xml",
          text(p, "xl/workbook.xml").replace(/<definedName name="_xlnm._FilterDatabase"[^<]*<\/definedName>/g, ""),
        ),
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining("has an autoFilter but no _xlnm._FilterDatabase")]));
  });

  it("a custom function written bare (KH.CHECK) and a function newer than Excel 2010 without _xlfn.", () => {
    const sheet = "xl/worksheets/sheet1.xml";
    const problems = doctored((p) =>
      put(
        p,
        sheet,
        text(p, sheet).replace(
          "</sheetData>",
          '<row r="999"><c r="A999"><f>KH.CHECK(A1)&amp;IFS(1,2)</f></c></row></sheetData>',
        ),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("KH.CHECK( written bare"),
        expect.stringContaining("IFS( is newer"),
      ]),
    );
  });

  it("a relationship to an absent part, an undeclared content type, a bad sheet name and a long list literal", () => {
    const problems = doctored((p) => {
      put(
        p,
        "_rels/.rels",
        text(p, "_rels/.rels").replace(
          "</Relationships>",
          '<Relationship Id="rX" Type="t" Target="nowhere.xml"/></Relationships>',
        ),
      );
      p["xl/extra.bin"] = new Uint8Array([1]);
      put(p, "xl/workbook.xml", text(p, "xl/workbook.xml").replace('name="分布"', 'name="分布[1]"'));
      const sheet = "xl/worksheets/sheet1.xml";
      const list = `"${"甲,".repeat(200)}"`;
      put(
        p,
        sheet,
        text(p, sheet).replace(
          /(<pageMargins)/,
          `<dataValidations count="1"><dataValidation type="list" sqref="A1"><formula1>${list}</formula1></dataValidation></dataValidations>$1`,
        ),
      );
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("targets absent part nowhere.xml"),
        "xl/extra.bin: no content type declared",
        expect.stringContaining('"分布[1]" holds one of'),
        expect.stringContaining("list literal of 400 characters"),
      ]),
    );
  });

  it("a part the schema refuses", async () => {
    const sheet = "xl/worksheets/sheet1.xml";
    const i = inspectPackage(
      zipSync(
        (() => {
          const p = unzipSync(new Uint8Array(readFileSync(outputs[2].file)));
          put(p, sheet, text(p, sheet).replace("<sheetData>", "<sheetData><bogus/>"));
          return p as Zippable;
        })(),
      ),
    );
    const [errors] = await schemaErrors([i.parts]);
    expect(errors.join("\n")).toContain("bogus");
  });
});
