/** The built add-in: webpack output, generated functions.json, and the pane in headless Chromium. */
import { existsSync, mkdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { openPane, FAKE_STATE, SETTINGS_STUB, type FakeStateJson, type PaneSession } from "../src/testing/pane-browser";
import { checkWorkbook, resolveRuleset, type CheckResult } from "../src/engine";
import { readXlsx } from "../src/xlsx/read";
import { largeBook } from "../src/sample/generate";
import { main } from "../src/cli/main";
import { bookSpecs, specsOf } from "./helpers/fake-book";
import { Capture } from "./helpers/streams";

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const SAMPLE = path.join(root, "examples", "sample.xlsx");

// dist/ is built once for the whole run by tests/global-setup.js (npm run build's production build).

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
    for (const f of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "taskpane.js",
      "assets/icon-80.png",
    ])
      expect(existsSync(path.join(dist, f))).toBe(true);
  });

  it("generates functions.json holding every KH function with its parameters, optional last ruleset", () => {
    const meta = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: {
        id: string;
        name: string;
        description: string;
        parameters: { name: string; optional?: boolean; dimensionality?: string }[];
      }[];
    };
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

  it("keeps functions.js within its 60 KiB budget (the runner carries only the one-row rules' checks)", () => {
    expect(statSync(path.join(dist, "functions.js")).size).toBeLessThanOrEqual(60 * 1024);
    const js = readFileSync(path.join(dist, "functions.js"), "utf8");
    expect(js).toContain("班子为一般等次的，正职不得确定为优秀"); // L02's check is there…
    expect(js).not.toContain("没有标明正职"); // …D05's (a unit-level rule) is not
  });

  it("associates each function exactly once (the plugin writes the calls; none by hand)", () => {
    const js = readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const id of Object.keys(EXPECTED)) expect(js.split(`CustomFunctions.associate("${id}"`).length - 1).toBe(1);
    expect(readFileSync(path.join(root, "src", "functions", "functions.ts"), "utf8")).not.toContain("associate(");
  });

  it("ships the manifest and a page with a CSP that allows no network destination but office.js", () => {
    expect(readFileSync(path.join(dist, "manifest.xml"), "utf8")).toContain(
      '<bt:String id="Functions.Namespace" DefaultValue="KH"/>',
    );
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const csp = /Content-Security-Policy"? content="([^"]+)"/.exec(html)![1];
    const origins = csp.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect([...new Set(origins)]).toEqual(["https://appsforoffice.microsoft.com"]);
    expect(csp).toContain("connect-src 'self'");
    expect(html.indexOf("office.js")).toBeLessThan(html.indexOf("functions.js"));
  });
});

async function ready(s: PaneSession): Promise<void> {
  await s.page.goto(`${s.origin}/taskpane.html`);
  await s.page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 20000 });
}

const fakeState = (s: PaneSession) => s.page.evaluate(FAKE_STATE) as Promise<FakeStateJson>;

describe("the task pane in headless Chromium", () => {
  let s: PaneSession;
  beforeAll(async () => {
    s = await openPane([{ name: "干部", values: [["姓名"]] }]);
    await ready(s);
  }, 60000);
  afterAll(async () => s?.close());

  it("loads with the local office.js and the fake Excel, without console errors or outside requests", async () => {
    expect(await s.page.textContent("#title")).toBe("考核规则");
    expect(await s.page.inputValue("#ruleset")).toBe("jinan-2022");
    expect(await s.page.locator("#functions li").count()).toBe(11);
    expect(await s.page.locator("#params tr").count()).toBeGreaterThan(15);
    expect(s.consoleErrors).toEqual([]);
    expect(s.blocked).toEqual([]);
  });

  it("saves a chosen ruleset in the workbook settings, recalculates, and shows its parameters", async () => {
    await s.page.evaluate(SETTINGS_STUB);
    await s.page.selectOption("#ruleset", "civil-servant-2020+gansu-2024");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已保存"));
    const saved = await s.page.evaluate(() => {
      const w = window as unknown as { __settings: unknown; __saves: number };
      return { settings: w.__settings, saves: w.__saves };
    });
    expect(saved).toEqual({ settings: { "kaohe.ruleset": "civil-servant-2020+gansu-2024" }, saves: 1 });
    expect((await fakeState(s)).calculations).toEqual(["Full"]);
    expect(await s.page.textContent("#params")).toContain("甘肃：平时考核得分低于 90 分的不得评为优秀");
    expect(s.consoleErrors).toEqual([]);
  });

  it("shows 「环境」: outside Office every feature is off with its reason, and the page stays usable", async () => {
    const features = await s.page.$$eval("#envFeatures li", (li) =>
      li.map((x) => ({
        id: (x as HTMLElement).dataset.feature,
        on: (x as HTMLElement).dataset.on,
        text: x.textContent,
      })),
    );
    expect(features.map((f) => f.id)).toEqual([
      "validate",
      "live",
      "functions",
      "sharedRuntime",
      "templatePrint",
      "autoOpen",
    ]);
    expect(features.every((f) => f.on === "false" && f.text!.includes("不在 Excel 中运行"))).toBe(true);
    expect(await s.page.textContent("#envFacts")).toContain("不在 Office 中");
    expect(await s.page.isHidden("#legacy")).toBe(true);
  });

  it("sets Office's auto-open setting for this workbook from its checkbox, off by default", async () => {
    await s.page.evaluate(SETTINGS_STUB);
    await s.page.click("#superiorTitle"); // the superior department's section is folded until opened
    expect(await s.page.isChecked("#autoOpen")).toBe(false);
    await s.page.check("#autoOpen");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("自动显示任务窗格"));
    const w = await s.page.evaluate(() => (window as unknown as { __settings: Record<string, unknown> }).__settings);
    expect(w["Office.AutoShowTaskpaneWithDocument"]).toBe(true);
    await s.page.uncheck("#autoOpen");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已取消"));
    const after = await s.page.evaluate(
      () => (window as unknown as { __settings: Record<string, unknown> }).__settings,
    );
    expect(after["Office.AutoShowTaskpaneWithDocument"]).toBe(false);
  });

  it("switches to English", async () => {
    await s.page.click("#lang");
    expect(await s.page.textContent("#title")).toBe("Appraisal Rules");
    expect(await s.page.textContent("#validate")).toBe("Check the whole workbook");
  });
});

describe("validating the sample workbook in the pane", () => {
  let s: PaneSession;
  let expected: CheckResult;
  beforeAll(async () => {
    const input = await readXlsx(SAMPLE);
    expected = checkWorkbook(input, resolveRuleset("jinan-2022"));
    s = await openPane(specsOf(input));
    await ready(s);
    await s.page.click("#validate");
    await s.page.waitForSelector("#results:not([hidden]) .finding", { timeout: 20000 });
  }, 60000);
  afterAll(async () => s?.close());

  it("shows the same summary and findings as the engine (and so as kaohe check)", async () => {
    const cards = await s.page.locator("#cards .card b").allTextContents();
    expect(cards.map(Number)).toEqual([
      expected.summary.rows,
      expected.summary.errors,
      expected.summary.warnings,
      expected.summary.info,
    ]);
    await s.page.selectOption("#groupBy", "rule");
    const counts = await s.page.locator("#groups .group > summary .badge").allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(expected.findings.length);
    const rules = await s.page
      .locator("#groups .group")
      .evaluateAll((gs) => gs.map((g) => (g as HTMLElement).dataset.key));
    expect(rules.sort()).toEqual([...new Set(expected.findings.map((f) => f.rule))].sort());
    await s.page.selectOption("#groupBy", "unit");
  });

  it("goes to the offending cell on click", async () => {
    const first = expected.findings.find((f) => f.unit)!;
    await s.page.selectOption("#fUnit", first.unit!);
    await s.page.locator("#groups .finding[data-index]").first().click();
    await s.page.waitForFunction(
      () => (window as unknown as { __fake: { state: { selection: unknown } } }).__fake.state.selection !== null,
    );
    const state = await fakeState(s);
    expect(state.active).toBe(first.sheet);
    expect(state.selection).toEqual({ sheet: first.sheet, address: first.cell });
  });

  it("filters by severity and rule", async () => {
    await s.page.selectOption("#fUnit", "");
    const rule = expected.findings[expected.findings.length - 1].rule;
    await s.page.selectOption("#fRule", rule);
    await s.page.selectOption("#groupBy", "rule");
    const shown = await s.page.locator("#groups .finding[data-index] .head").allTextContents();
    expect(shown.length).toBe(expected.findings.filter((f) => f.rule === rule).length);
    expect(shown.every((x) => x.startsWith(rule))).toBe(true);
    await s.page.selectOption("#fRule", "");
    await s.page.selectOption("#fSeverity", "warning");
    const badges = await s.page.locator("#groups .badge").evaluateAll((b) => b.map((x) => x.className));
    expect(badges.every((c) => c.includes("warning"))).toBe(true);
    await s.page.selectOption("#fSeverity", "");
  });

  it("marks the offending cells and clears every mark again", async () => {
    await s.page.click("#mark");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已标记"));
    const marked = (await fakeState(s)).sheets.flatMap((x) => x.cfs);
    expect(marked.length).toBeGreaterThan(0);
    await s.page.click("#unmark");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已清除"));
    expect((await fakeState(s)).sheets.flatMap((x) => x.cfs)).toEqual([]);
  });

  it("writes the 校验报告 sheet", async () => {
    await s.page.click("#writeReport");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已写入"));
    const report = (await fakeState(s)).sheets.find((x) => x.name === "校验报告")!;
    expect(report.props).toEqual([["kaohe", "report"]]);
    expect(report.values.length).toBe(6 + expected.findings.length);
    expect(report.values.slice(6).map((r) => r[0])).toEqual(expected.findings.map((f) => f.rule));
  });

  it("writes the same result-use list as `kaohe results`", async () => {
    await s.page.click("#writeResults");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("结果运用"));
    const state = await fakeState(s);
    const list = state.sheets.find((x) => x.name === "结果运用清单")!;
    const talks = state.sheets.find((x) => x.name === "谈话安排")!;
    const out = new Capture();
    await main(["results", SAMPLE, "--json"], out.stream, new Capture().stream);
    const cli = JSON.parse(out.text).files[0].measures as Record<string, string | null>[];
    const key = (r: unknown[]) => JSON.stringify([r[0], r[1], r[2], r[3] || null, r[4] || null, r[5] || null]);
    const paneRows = list.values.slice(4).map(key).sort();
    expect(paneRows).toEqual(cli.map((i) => key([i.rule, i.measure, i.unit, i.person, i.by, i.until])).sort());
    expect(paneRows.length).toBeGreaterThan(100);
    expect(talks.values.length - 4).toBe(cli.filter((i) => /谈话|约谈/.test(String(i.measure))).length);
    expect(list.formulas.some(([, f]) => f.startsWith('=HYPERLINK("#'))).toBe(true);
  });

  it("reads the announcement date typed in Chinese, as kaohe results --announced does, and refuses a non-date", async () => {
    await s.page.fill("#announced", "明天");
    await s.page.click("#writeResults");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("不是日期"));
    await s.page.fill("#announced", "2026年1月15日");
    await s.page.click("#writeResults");
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("结果运用"));
    const list = (await fakeState(s)).sheets.find((x) => x.name === "结果运用清单")!;
    const out = new Capture();
    await main(["results", SAMPLE, "--json", "--announced", "2026-01-15"], out.stream, new Capture().stream);
    const cli = JSON.parse(out.text).files[0].measures as Record<string, string | null>[];
    const until = list.values.slice(4).map((r) => r[5] || null);
    expect(until.sort()).toEqual(cli.map((i) => i.until).sort());
    await s.page.fill("#announced", "");
  });

  it("fits 320 px without horizontal scrolling, and a screenshot is saved for review", async () => {
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    mkdirSync(path.join(root, "tests", "artifacts"), { recursive: true });
    await s.page.selectOption("#groupBy", "unit");
    await s.page.evaluate(() => window.scrollTo(0, 0));
    await s.page.screenshot({ path: path.join(root, "tests", "artifacts", "pane-validate.png"), fullPage: true });
    expect(s.consoleErrors).toEqual([]);
    expect(s.blocked).toEqual([]);
  });
});

describe("边填边查 in the pane", () => {
  it("shows a finding as a grade is typed into the fake Excel, and drops it when corrected", async () => {
    const input = await readXlsx(SAMPLE);
    const s = await openPane(specsOf(input));
    try {
      await ready(s);
      await s.page.click("#validate");
      await s.page.waitForSelector("#results:not([hidden])");
      await s.page.check("#liveOn");
      await s.page.waitForFunction(() => document.getElementById("liveStatus")!.textContent!.includes("上次完整校验"));
      const cadres = input.sheets.find((x) => x.name === "干部")!;
      const header = cadres.values.findIndex((r) => r.includes("本年等次"));
      const col = cadres.values[header].indexOf("本年等次");
      const cell = `${String.fromCharCode(65 + col)}${header + 3}`;
      const errors = () => s.page.evaluate(() => Number(document.querySelector("#cards .card.error b")!.textContent));
      const before = await errors();
      await s.page.evaluate(([c]) => (window as any).__fake.type("干部", c, [["优良"]]), [cell]);
      await s.page.waitForFunction(
        (n) => Number(document.querySelector("#cards .card.error b")!.textContent) === n + 1,
        before,
        { timeout: 10000 },
      );
      expect(await s.page.textContent("#liveStatus")).toContain("已重新校验「");
      await s.page.evaluate(([c]) => (window as any).__fake.type("干部", c, [["称职"]]), [cell]);
      await s.page.waitForFunction(
        (n) => Number(document.querySelector("#cards .card.error b")!.textContent) === n,
        before,
        { timeout: 10000 },
      );
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60000);
});

describe("a pane that cannot run says so instead of staying blank (legacy.js)", () => {
  async function legacyText(replace: Record<string, string | null>): Promise<string | null> {
    const s = await openPane([{ name: "干部", values: [["姓名"]] }], {}, replace);
    try {
      await s.page.goto(`${s.origin}/taskpane.html`);
      await s.page.waitForSelector("#legacy:not([hidden])", { timeout: 20000 });
      expect(await s.page.evaluate(() => document.body.dataset.ready)).toBeUndefined();
      return await s.page.textContent("#legacy");
    } finally {
      await s.close();
    }
  }

  it("names the Office versions it needs when the engine cannot parse the pane's scripts", async () => {
    // What Internet Explorer's engine (Office 2016/2019's webview) makes of ES2020: a syntax error.
    const text = await legacyText({ "/taskpane.js": "const f = (a) => a?.b ?? 1; class {" });
    expect(text).toContain("需要 Excel 2021、LTSC 2024、Microsoft 365 或网页版 Excel");
    expect(text).toContain("通用公式");
  }, 60000);

  it("says office.js did not load (an intranet without the CDN) and how to deploy a local copy", async () => {
    const text = await legacyText({ "/lib/1/hosted/office.js": null });
    expect(text).toContain("未能加载 office.js");
    expect(text).toContain("--office-js local");
  }, 60000);
});

describe("the pane with hostile or awkward workbooks", () => {
  const XSS = "<img src=x onerror=alert(1)>";
  it("shows cell text as text, never as HTML", async () => {
    const s = await openPane([
      {
        name: "班子",
        values: [
          ["单位", "本年班子等次"],
          [XSS, "优秀"],
        ],
      },
      {
        name: "干部",
        values: [
          ["单位", "姓名", "是否正职", "本年等次"],
          [XSS, "张三", "是", XSS],
        ],
      },
    ]);
    try {
      await ready(s);
      await s.page.click("#validate");
      await s.page.waitForSelector("#results:not([hidden]) .finding");
      expect(await s.page.locator("#groups").textContent()).toContain(XSS);
      expect(await s.page.locator("img[src=x]").count()).toBe(0);
      expect(s.consoleErrors).toEqual([]); // no alert dialog either
    } finally {
      await s.close();
    }
  }, 60000);

  it("makes a template in a blank workbook, and refuses to write over existing sheets", async () => {
    const s = await openPane([{ name: "Sheet1", values: [] }]);
    try {
      await ready(s);
      await s.page.click("#superiorTitle"); // folded until opened
      await s.page.fill("#templateYear", "2025");
      await s.page.click("#makeTemplate");
      await s.page.waitForFunction(() =>
        document.getElementById("status")!.textContent!.includes("已在本工作簿生成 2025 年度模板"),
      );
      const state = await fakeState(s);
      expect(state.sheets.map((x) => x.name)).toEqual(["Sheet1", "班子", "干部", "规则", "填表说明"]);
      expect(state.sheets.find((x) => x.name === "规则")!.values[1].slice(0, 2)).toEqual(["规则集", "jinan-2022"]);
      await s.page.click("#makeTemplate");
      await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("不会覆盖"));
      expect(await s.page.getAttribute("#status", "class")).toContain("error");
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60000);

  it("offers to re-enter KH formulas that show #NAME?, and does so on a protected sheet, protected again after", async () => {
    const options = { allowInsertRows: true, allowAutoFilter: true, allowSort: true };
    const s = await openPane([
      { name: "规则", values: [["考核规则模板"], ["规则集", "jinan-2022"]] },
      {
        name: "干部",
        values: [
          ["单位", "姓名", "本年等次", "校验"],
          ["甲局", "张三", "优秀", "#NAME?"],
          ["甲局", "李四", "称职", "#NAME?"],
        ],
        formulas: { D2: '=KH.CHECK("一般",C2)', D3: '=KH.CHECK("一般",C3)' },
        protected: true,
        protectionOptions: options,
      },
    ]);
    try {
      await ready(s);
      expect(await s.page.isHidden("#nameFix")).toBe(true);
      await s.page.click("#validate");
      await s.page.waitForSelector("#nameFix:not([hidden])");
      expect(await s.page.textContent("#nameFixText")).toContain("2");
      await s.page.click("#reenter");
      await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已重新输入"));
      expect(await s.page.isHidden("#nameFix")).toBe(true);
      const cadres = (await fakeState(s)).sheets.find((x) => x.name === "干部")!;
      expect(cadres.values.slice(1).map((r) => r[3])).toEqual(['=KH.CHECK("一般",C2)', '=KH.CHECK("一般",C3)']);
      expect(cadres.protected).toBe(true);
      expect(cadres.protectionOptions).toEqual(options);
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60000);

  it("says what to do when Excel is editing a cell, and can cancel a slow run", async () => {
    const s = await openPane(bookSpecs(largeBook(20, 10, 1)), { latencyMs: 400 });
    try {
      await ready(s);
      await s.page.evaluate(
        () => ((window as unknown as { __fake: { state: { editMode: boolean } } }).__fake.state.editMode = true),
      );
      await s.page.click("#validate");
      await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("按 Enter 或 Esc"));
      expect(await s.page.getAttribute("#status", "class")).toContain("error");
      await s.page.evaluate(
        () => ((window as unknown as { __fake: { state: { editMode: boolean } } }).__fake.state.editMode = false),
      );
      await s.page.click("#validate");
      await s.page.click("#cancel");
      await s.page.waitForFunction(() => document.getElementById("status")!.textContent === "已取消。");
      expect(await s.page.isHidden("#results")).toBe(true);
      expect(await s.page.isEnabled("#validate")).toBe(true);
    } finally {
      await s.close();
    }
  }, 60000);
});
