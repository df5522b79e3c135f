/** 「环境」: which features run on which Excel, from the requirement sets the host reports. */
import { parse } from "acorn";
import { readFileSync } from "fs";
import * as path from "path";
import {
  BASELINE_EXCEL_API,
  describeEnvironment,
  featureOn,
  officeFor,
  type HostProbe,
} from "../src/hosts/excel/environment";

/** A host supporting each named set up to the version given (sets are cumulative). */
function host(
  levels: Record<string, string>,
  diagnostics = { host: "Excel", platform: "PC", version: "16.0.14332.20000" },
): HostProbe {
  const num = (v: string) => v.split(".").map(Number);
  return {
    ...diagnostics,
    supports: (set, version) => {
      const top = levels[set];
      if (!top) return false;
      const [a, b] = num(version);
      const [x, y] = num(top);
      return a < x || (a === x && b <= y);
    },
  };
}

const OFFICE_2021 = { ExcelApi: "1.14", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", AddinCommands: "1.1" };
const OFFICE_2019 = { ExcelApi: "1.7", AddinCommands: "1.1" };

describe("the environment panel's facts", () => {
  it("reports the highest version of each set and the Office it corresponds to", () => {
    const env = describeEnvironment(host(OFFICE_2021));
    expect(env.sets.find((s) => s.name === "ExcelApi")?.highest).toBe("1.14");
    expect(env.sets.find((s) => s.name === "SharedRuntime")?.highest).toBe("1.1");
    expect(env.office.zh).toBe("相当于 Excel 2021");
    expect(env.host).toBe("Excel");
    expect(env.version).toBe("16.0.14332.20000");
  });

  it("maps ExcelApi levels to Microsoft's table: 2016 VL 1.1, 2019 1.7, 2021 1.14, LTSC 2024 1.17", () => {
    expect(officeFor("1.1").en).toMatch(/2016/);
    expect(officeFor("1.7").en).toMatch(/2019/);
    expect(officeFor("1.8").en).toMatch(/2021/);
    expect(officeFor("1.17").en).toMatch(/LTSC 2024/);
    expect(officeFor("1.18").en).toMatch(/Microsoft 365/);
    expect(officeFor(null).en).toMatch(/2013/);
  });

  it("turns everything on for Office 2021 and above", () => {
    const env = describeEnvironment(host(OFFICE_2021));
    expect(env.features.filter((f) => !f.on).map((f) => f.id)).toEqual([]);
    expect(featureOn(env, "functions")).toBe(true);
  });

  it("switches off what Excel 2019 lacks, saying what it has and what to do instead", () => {
    const env = describeEnvironment(host(OFFICE_2019));
    const off = Object.fromEntries(env.features.filter((f) => !f.on).map((f) => [f.id, f.why.zh]));
    expect(Object.keys(off).sort()).toEqual(["functions", "sharedRuntime", "templatePrint", "validate"]);
    expect(off.validate).toContain(`需要 ExcelApi ${BASELINE_EXCEL_API}，此 Excel 只到 ExcelApi 1.7`);
    expect(off.functions).toContain("此 Excel 不支持");
    expect(off.functions).toContain("通用公式");
    expect(featureOn(env, "autoOpen")).toBe(true);
  });

  it("needs ExcelApi 1.9 for the template's print layout", () => {
    expect(featureOn(describeEnvironment(host({ ExcelApi: "1.8" })), "templatePrint")).toBe(false);
    expect(featureOn(describeEnvironment(host({ ExcelApi: "1.9" })), "templatePrint")).toBe(true);
  });

  it("says on Excel on the web that a dropdown pick raises no change event, and how 边填边查 covers it", () => {
    const web = describeEnvironment(
      host({ ...OFFICE_2021, ExcelApi: "1.20" }, { host: "Excel", platform: "OfficeOnline", version: "16.0" }),
    );
    const live = web.features.find((f) => f.id === "live")!;
    expect(live.on).toBe(true);
    expect(live.why.zh).toContain("下拉");
    expect(live.why.zh).toContain("#4066");
    expect(live.why.en).toMatch(/dropdown/);
    const desktop = describeEnvironment(host(OFFICE_2021)).features.find((f) => f.id === "live")!;
    expect(desktop.why.zh).not.toContain("下拉");
  });

  it("says it is not in Excel when office.js reports no host, and turns every feature off", () => {
    const env = describeEnvironment({ host: null, platform: null, version: null, supports: () => true });
    expect(env.inOffice).toBe(false);
    expect(env.features.every((f) => !f.on && f.why.zh.startsWith("不在 Excel 中运行"))).toBe(true);
    expect(env.sets.every((s) => s.highest === null)).toBe(true);
  });
});

describe("the script old engines run (legacy.js)", () => {
  const source = readFileSync(path.join(__dirname, "..", "src", "ui", "legacy.js"), "utf8");
  it("parses as ECMAScript 3, so Internet Explorer's engine runs it", () => {
    expect(() => parse(source, { ecmaVersion: 3, sourceType: "script" })).not.toThrow();
  });
  it("is refused by an ES3 parser when it has ES2015 syntax (the check is real)", () => {
    expect(() => parse(`${source}\nlet x = () => 1;`, { ecmaVersion: 3, sourceType: "script" })).toThrow();
  });
});
