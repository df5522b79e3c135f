/** Auto-open (off by default): a template that opens the kaohe pane where the add-in is installed. */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import { strFromU8, unzipSync } from "fflate";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsx } from "../src/xlsx/read";
import { ADDIN_ID, ADDIN_VERSION } from "../src/xlsx/auto-open";
import { first, readManifest } from "./helpers/manifest";
import { runKaohe } from "./helpers/streams";
import { CSV_ALL_SHEETS, describeWithSoffice, soffice } from "./helpers/soffice";

const dir = mkdtempSync(path.join(tmpdir(), "kaohe-autoopen-"));
const plain = path.join(dir, "plain.xlsx");
const opening = path.join(dir, "opening.xlsx");
const CATALOG = "\\\\fileserver\\考核加载项";

beforeAll(async () => {
  expect((await runKaohe("template", "--out", plain, "--year", "2025")).code).toBe(0);
  const r = await runKaohe("template", "--out", opening, "--year", "2025", "--auto-open", "--catalog", CATALOG);
  expect(r.code).toBe(0);
  expect(r.err).toContain("自动显示「考核规则」任务窗格");
}, 60000);

const parts = (file: string) => unzipSync(readFileSync(file));

describe("kaohe template --auto-open", () => {
  it("is off by default: no webextension part in a template", () => {
    expect(Object.keys(parts(plain)).filter((n) => n.includes("webextension"))).toEqual([]);
  });

  it("names the add-in by the manifest's Id and Version, from the shared-folder catalog, with the auto-show property", () => {
    const p = parts(opening);
    const we = strFromU8(p["xl/webextensions/webextension1.xml"]);
    const { doc } = readManifest(readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8"));
    expect(first(doc, "Id").textContent).toBe(ADDIN_ID);
    expect(first(doc, "Version").textContent).toBe(ADDIN_VERSION);
    expect(we).toContain(
      `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="${CATALOG}" storeType="FileSystem"/>`,
    );
    expect(we).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    expect(strFromU8(p["xl/webextensions/taskpanes.xml"])).toContain('visibility="1"');
    expect(strFromU8(p["xl/webextensions/_rels/taskpanes.xml.rels"])).toContain('Target="webextension1.xml"');
    expect(strFromU8(p["_rels/.rels"]).match(/webextensiontaskpanes/g)).toHaveLength(1);
    const types = strFromU8(p["[Content_Types].xml"]);
    expect(types).toContain('PartName="/xl/webextensions/taskpanes.xml"');
    expect(types).toContain('PartName="/xl/webextensions/webextension1.xml"');
    // The manifest's ribbon button opens the pane Office reopens with such a workbook.
    expect(readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8")).toContain(
      "<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>",
    );
  });

  it("changes nothing else: the same cells for our reader and for ExcelJS", async () => {
    expect(JSON.stringify(await readXlsx(opening))).toBe(JSON.stringify(await readXlsx(plain)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(opening);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["班子", "干部", "规则", "填表说明"]);
  });

  it("sideloaded when no catalog is given; --catalog alone is refused", async () => {
    const dev = path.join(dir, "dev.xlsx");
    expect((await runKaohe("template", "--out", dev, "--auto-open")).code).toBe(0);
    expect(strFromU8(parts(dev)["xl/webextensions/webextension1.xml"])).toContain(
      'store="developer" storeType="Registry"',
    );
    const r = await runKaohe("template", "--out", path.join(dir, "x.xlsx"), "--catalog", CATALOG);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--catalog 只与 --auto-open 一起使用");
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});

describeWithSoffice("LibreOffice opens an auto-open template", () => {
  it("converts it like any other workbook (the parts it does not know are ignored)", () => {
    const out = path.join(dir, "lo");
    soffice(opening, CSV_ALL_SHEETS, out, path.join(dir, "lo-profile"));
    const sheets = readdirSync(out).filter((f) => f.endsWith(".csv"));
    expect(sheets).toHaveLength(4);
    const rules = readFileSync(
      path.join(
        out,
        sheets.find((f) => f.includes("规则"))!,
      ),
      "utf8",
    );
    expect(rules).toContain("jinan-2022");
  }, 120000);
});

describe("kaohe merge --auto-open", () => {
  it("makes the consolidated workbook open the pane too, with the same cells as without", async () => {
    const { writeBook } = await import("../src/sample/write");
    const { largeBook } = await import("../src/sample/generate");
    const folder = path.join(dir, "returned");
    require("fs").mkdirSync(folder);
    await writeBook(path.join(folder, "a.xlsx"), largeBook(2, 5, 9));
    const plainMerged = path.join(dir, "merged.xlsx");
    const openingMerged = path.join(dir, "merged-open.xlsx");
    expect((await runKaohe("merge", folder, "--out", plainMerged)).code).toBeLessThan(2);
    expect(
      (await runKaohe("merge", folder, "--out", openingMerged, "--auto-open", "--catalog", CATALOG)).code,
    ).toBeLessThan(2);
    expect(strFromU8(parts(openingMerged)["xl/webextensions/webextension1.xml"])).toContain('storeType="FileSystem"');
    expect(Object.keys(parts(plainMerged)).some((n) => n.includes("webextension"))).toBe(false);
    const cells = async (f: string) =>
      (await readXlsx(f)).sheets.map((s) => ({ name: s.name, values: s.values.slice(2) })); // past the time line
    expect(await cells(openingMerged)).toEqual(await cells(plainMerged));
  });
});
