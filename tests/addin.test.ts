/** The built add-in: webpack output, generated functions.json, and the pane in headless Chromium. */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";
import { openPane, type PaneSession } from "./helpers/pane-browser";

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");

beforeAll(() => {
  // The metadata plugin fails the build on metadata errors; the CLI would exit 0: check files, not codes.
  execFileSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: root, stdio: "pipe" });
}, 120000);

const EXPECTED: Record<string, string[]> = {
  TEAMCAP: ["teamGrade", "ruleset"],
  EXCELLENTQUOTA: ["teamGrade", "n", "ruleset"],
  GRADE: ["text", "ruleset"],
  ALLOWEDGRADES: ["teamGrade", "isPrincipal", "sanction", "politicalQuality", "regularScore", "ruleset"],
  CHECK: ["teamGrade", "grade", "isPrincipal", "sanction", "politicalQuality", "regularScore", "ruleset"],
  STREAK: ["grades", "grade", "ruleset"],
  CONSEQUENCES: ["grade", "teamGrade", "ruleset"],
  TERMSTART: ["appointedOn"],
  TERMEND: ["appointedOn", "predecessorAppointedOn", "ruleset"],
  RULE: ["id", "ruleset"],
  RULESET: ["ruleset"],
};

describe("npm run build", () => {
  it("writes manifest.xml, functions.json, functions.js and taskpane.html to dist", () => {
    for (const f of ["manifest.xml", "functions.json", "functions.js", "taskpane.html", "taskpane.js", "assets/icon-80.png"]) expect(existsSync(path.join(dist, f))).toBe(true);
  });

  it("generates functions.json holding every KH function with its parameters, optional last ruleset", () => {
    const meta = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: { id: string; name: string; description: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[] }[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of meta.functions) {
      expect(f.parameters.map((p) => p.name)).toEqual(EXPECTED[f.id]);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/); // Chinese …
      expect(f.description).toMatch(/[A-Za-z]{4,}/); // … and English
      const last = f.parameters[f.parameters.length - 1];
      if (last?.name === "ruleset") expect(last.optional).toBe(true);
    }
    const byId = Object.fromEntries(meta.functions.map((f) => [f.id, f]));
    expect(byId.EXCELLENTQUOTA.parameters[0].dimensionality).toBe("matrix");
    expect(byId.STREAK.parameters[0].dimensionality).toBe("matrix");
  });

  it("associates each function exactly once (the plugin writes the calls; none by hand)", () => {
    const js = readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const id of Object.keys(EXPECTED)) expect(js.split(`CustomFunctions.associate("${id}"`).length - 1).toBe(1);
    expect(readFileSync(path.join(root, "src", "functions", "functions.ts"), "utf8")).not.toContain("associate(");
  });

  it("ships the manifest and a page with a CSP that allows no network destination but office.js", () => {
    expect(readFileSync(path.join(dist, "manifest.xml"), "utf8")).toContain("<bt:String id=\"Functions.Namespace\" DefaultValue=\"KH\"/>");
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const csp = /Content-Security-Policy"? content="([^"]+)"/.exec(html)![1];
    const origins = csp.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect([...new Set(origins)]).toEqual(["https://appsforoffice.microsoft.com"]);
    expect(csp).toContain("connect-src 'self'");
    expect(html.indexOf("office.js")).toBeLessThan(html.indexOf("functions.js"));
  });
});

describe("the task pane in headless Chromium", () => {
  let s: PaneSession;
  beforeAll(async () => {
    s = await openPane();
    await s.page.goto(`${s.origin}/taskpane.html`);
    await s.page.waitForFunction(() => (document.getElementById("ruleset") as HTMLSelectElement)?.options.length > 0, null, { timeout: 20000 });
  }, 60000);
  afterAll(async () => s?.close());

  it("loads with the local office.js and the fake Excel, without console errors or outside requests", async () => {
    expect(await s.page.textContent("#title")).toBe("考核规则");
    expect(await s.page.inputValue("#ruleset")).toBe("jinan-2022");
    expect(await s.page.locator("#functions li").count()).toBe(11);
    expect(s.consoleErrors).toEqual([]);
    expect(s.blocked).toEqual([]);
    mkdirSync(path.join(root, "tests", "artifacts"), { recursive: true });
    await s.page.screenshot({ path: path.join(root, "tests", "artifacts", "pane-addin.png"), fullPage: true });
  });

  it("saves a chosen ruleset in the workbook settings and recalculates the KH cells", async () => {
    await s.page.evaluate(() => {
      const w = window as unknown as { __kaohe: { settings: Record<string, unknown>; calls: string[] } };
      const settings = {
        get: (k: string) => w.__kaohe.settings[k],
        set: (k: string, v: unknown) => { w.__kaohe.settings[k] = v; },
        saveAsync: (cb: (r: { status: string }) => void) => { w.__kaohe.calls.push("saveAsync"); cb({ status: Office.AsyncResultStatus.Succeeded as unknown as string }); },
      };
      Object.defineProperty(Office.context, "document", { value: { settings }, configurable: true });
    });
    await s.page.selectOption("#ruleset", "civil-servant-2020+gansu-2024");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.length > 0);
    const state = await s.page.evaluate(() => (window as unknown as { __kaohe: unknown }).__kaohe);
    expect(state).toEqual({ settings: { "kaohe.ruleset": "civil-servant-2020+gansu-2024" }, calls: ["saveAsync", "calculate:Full", "sync"] });
    expect(await s.page.textContent("#status")).toContain("已保存");
    expect(s.consoleErrors).toEqual([]);
  });

  it("switches to English", async () => {
    await s.page.click("#lang");
    expect(await s.page.textContent("#title")).toBe("Appraisal Rules");
  });
});
