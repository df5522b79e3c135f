/**
 * The browser app's figures (issue 19): the scripts fetched before any file is picked, the single file's
 * size, and 50 returned workbooks of 300 rows read, checked and drawn in headless Chromium. Needs dist/.
 */
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook, renameUnits } from "../sample/generate";
import { writeBook } from "../sample/write";
import { openApp } from "../testing/app-browser";

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function appFigures(log: (s: string) => void): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const dist = path.join(__dirname, "..", "..", "dist");
  figures.app_single_file_kb = round(statSync(path.join(dist, "kaohe.html")).size / 1024);
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-app-"));
  log("app: writing 50 returned workbooks of 300 rows…");
  const files: string[] = [];
  for (let i = 0; i < 50; i++) {
    const file = path.join(dir, `单位${String(i + 1).padStart(2, "0")}.xlsx`);
    await writeBook(file, renameUnits(largeBook(10, 29, 300 + i), `县${i + 1}`)); // 10 teams + 290 cadres
    files.push(file);
  }
  log("app: headless Chromium, first load and 50 files checked…");
  const s = await openApp();
  try {
    await s.page.goto(`${s.origin}/app/index.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1");
    // Scripts fetched before any file is picked: what the page costs to open.
    const scripts = await s.page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
        .reduce((n, e) => n + ((e as PerformanceResourceTiming).encodedBodySize || 0), 0),
    );
    figures.app_first_load_kb = round(scripts / 1024);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = Date.now();
      await s.page.setInputFiles("#mergeFiles", files);
      await s.page.waitForFunction(
        () => /已校验 50 个文件/.test(document.getElementById("status")!.textContent ?? ""),
        null,
        {
          timeout: 120000,
        },
      );
      runs.push(Date.now() - start);
      await s.page.evaluate(() => (document.getElementById("status")!.textContent = ""));
    }
    figures.app_check_50_ms = round(median(runs));
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
