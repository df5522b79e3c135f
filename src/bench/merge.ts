/**
 * 回收汇总's figures (issue 12): 50 returned files of 300 cadres picked in the pane in headless Chromium,
 * read and checked in the page, the four sheets written through the fake Excel and the consolidated
 * workbook checked; the lazily loaded chunk's size. Needs dist/ built.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook, renameUnits } from "../sample/generate";
import { writeBook } from "../sample/write";
import { openPane } from "../testing/pane-browser";

const DIST = path.join(__dirname, "..", "..", "dist");
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function mergeFigures(log: (s: string) => void, files = 50): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  // Every chunk but the two entries is 回收汇总's, loaded on first use.
  const chunks = readdirSync(DIST).filter((f) => f.endsWith(".js") && !/^(taskpane|functions|legacy)\.js$/.test(f));
  figures.merge_chunk_kb = round(chunks.reduce((n, f) => n + statSync(path.join(DIST, f)).size, 0) / 1024);

  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-merge-"));
  log(`merge: writing ${files} returned workbooks of 300 cadres…`);
  for (let i = 0; i < files; i++) {
    await writeBook(
      path.join(dir, `县${String(i + 1).padStart(2, "0")}.xlsx`),
      renameUnits(largeBook(10, 30, 500 + i), `县${i + 1}`),
    );
  }
  const picked = readdirSync(dir).map((f) => path.join(dir, f));
  log("merge: picking them in the pane…");
  const s = await openPane([{ name: "Sheet1", values: [] }]);
  try {
    await s.page.goto(`${s.origin}/taskpane.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
    const start = Date.now();
    await s.page.setInputFiles("#mergeFiles", picked);
    await s.page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("已汇总"), null, {
      timeout: 120000,
    });
    figures.pane_merge_50_ms = Date.now() - start;
    figures.pane_merge_rows = files * 300;
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
