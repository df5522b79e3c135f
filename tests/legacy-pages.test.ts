/**
 * The pane's 回收汇总 and the browser app read an .xls in headless Chromium (issue 23): the legacy
 * reader is a chunk of its own, fetched only once such a file is picked (and decoded from its holder in
 * the single-file kaohe.html), and each status line is kaohe merge's, naming the format.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { openApp, type AppSession } from "../src/testing/app-browser";
import { openPane, type PaneSession } from "../src/testing/pane-browser";
import { convertAll, XLS } from "./helpers/legacy-files";
import { describeWithSoffice } from "./helpers/soffice";
import { runKaohe } from "./helpers/streams";

const dist = path.join(__dirname, "..", "dist");
const SAMPLE = path.join(__dirname, "..", "examples", "sample.xlsx");

describeWithSoffice("an .xls picked in the pane and in the app", () => {
  let dir: string;
  let xls: string;
  let cliLine: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kaohe-legacy-pages-"));
    convertAll([SAMPLE], dir, path.join(dir, "profile"), [XLS]);
    xls = path.join(dir, "sample.xls");
    const r = await runKaohe("merge", xls, "--out", path.join(dir, "汇总.xlsx"));
    cliLine = r.out
      .split("\n")
      .find((l) => l.startsWith("✓ "))!
      .replace(dir + path.sep, "");
    expect(cliLine).toMatch(/^✓ sample\.xls（Excel 97–2003）：13 个单位/);
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("the pane", () => {
    let s: PaneSession;
    afterEach(async () => s?.close());

    it("fetches the legacy reader only when an .xls is picked, and says what kaohe merge says", async () => {
      s = await openPane([{ name: "Sheet1", values: [] }]);
      const fetched: string[] = [];
      s.page.on("request", (r) => fetched.push(r.url()));
      await s.page.goto(`${s.origin}/taskpane.html`);
      await s.page.waitForFunction(() => document.body.dataset.ready === "1");
      expect(fetched.filter((u) => u.includes("legacy-formats"))).toEqual([]);
      expect(await s.page.getAttribute("#mergeFiles", "accept")).toBe(".xlsx,.xlsm,.xls,.et,.ods,.xlsb");
      await s.page.setInputFiles("#mergeFiles", [xls]);
      await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已汇总"), null, {
        timeout: 60000,
      });
      expect(fetched.filter((u) => u.includes("legacy-formats"))).toHaveLength(1);
      const lines = await s.page.$$eval("#mergeStatus li", (li) => li.map((x) => x.textContent));
      expect(lines).toEqual([cliLine]);
      expect(s.consoleErrors).toEqual([]);
    }, 120000);
  });

  describe("the app", () => {
    let s: AppSession;
    afterEach(async () => s?.close());

    const pick = async () => {
      await s.page.waitForFunction(() => document.body.dataset.ready === "1");
      await s.page.setInputFiles("#mergeFiles", [xls]);
      await s.page.waitForFunction(() => /已校验 1 个文件/.test(document.getElementById("status")!.textContent ?? ""));
      return s.page.$$eval("#mergeStatus li", (li) => li.map((x) => x.textContent));
    };

    it("served: reads the .xls as kaohe merge does", async () => {
      s = await openApp();
      await s.page.goto(`${s.origin}/app/index.html`);
      expect(await pick()).toEqual([cliLine]);
      expect(s.requests.filter((u) => /legacy-formats\.[0-9a-f]{8}\.js$/.test(u))).toHaveLength(1);
      expect(await s.page.locator(".finding").count()).toBeGreaterThan(0);
      expect(s.consoleErrors).toEqual([]);
    }, 120000);

    it("kaohe.html from file://: the reader decoded from its holder, nothing fetched", async () => {
      s = await openApp({ offline: true });
      await s.page.goto(`file://${path.join(dist, "kaohe.html")}`);
      expect(await pick()).toEqual([cliLine]);
      expect(s.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:"))).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    }, 120000);
  });
});
