/**
 * 回收汇总's figures (issue 12): 50 returned files of 300 cadres picked in the pane in headless Chromium,
 * read and checked in the page, the four sheets written through the fake Excel and the consolidated
 * workbook checked; the lazily loaded chunk's size. Needs dist/ built.
 * `kaohe merge`'s peak memory on one 100,000-row return among 30 small ones (issue 22): target ≤ 1.5 ×
 * cli_peak_mb, the check of a file of the same shape alone.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeBook, renameUnits } from "../sample/generate";
import { writeBook, writeBookStreaming } from "../sample/write";
import { openPane } from "../testing/pane-browser";

const DIST = path.join(__dirname, "..", "..", "dist");
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** `kaohe merge` in a process of its own over one return of 100,000 rows (as cli_peak_mb's) and 30 small ones. */
async function mergeBigPeak(log: (s: string) => void): Promise<{ ms: number; mb: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-merge-big-"));
  try {
    const returned = path.join(dir, "returned");
    mkdirSync(returned);
    log("merge: writing one return of 100,000 rows and 30 of 300…");
    await writeBookStreaming(path.join(returned, "big.xlsx"), largeBook(2000, 50, 12));
    for (let i = 0; i < 30; i++)
      await writeBook(
        path.join(returned, `县${String(i + 1).padStart(2, "0")}.xlsx`),
        renameUnits(largeBook(10, 30, 500 + i), `县${i + 1}`),
      );
    log("merge: kaohe merge in a child process…");
    const t = process.hrtime.bigint();
    const child = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, "merge-peak.js"), returned, path.join(dir, "汇总.xlsx")], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      }),
    ) as { maxRssKb: number };
    return { ms: round(Number(process.hrtime.bigint() - t) / 1e6), mb: round(child.maxRssKb / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The files 回收汇总 loads on first use: the chunk named "collect" and the shared chunks the pane's script
 * loads with it (webpack's `Promise.all([e(861), e(223), e(347)])` beside its chunk-name map).
 */
function collectChunks(): string[] {
  const js = readFileSync(path.join(DIST, "taskpane.js"), "utf8");
  const names = /\{(\d+:"[\w-]+"(?:,\d+:"[\w-]+")*)\}/.exec(js)?.[1] ?? "";
  const id = /(\d+):"collect"/.exec(names)?.[1];
  const group = [...js.matchAll(/Promise\.all\(\[([^\]]*)\]\)/g)].map((m) => m[1]).find((g) => g.includes(`(${id})`));
  if (!id || !group) throw new Error("taskpane.js: the collect chunk's loading was not found");
  const named = new Map(names.split(",").map((p) => p.split(":") as [string, string]));
  return [...group.matchAll(/\((\d+)\)/g)].map((m) => `${named.get(m[1])?.replace(/"/g, "") ?? m[1]}.js`);
}

export async function mergeFigures(log: (s: string) => void, files = 50): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const big = await mergeBigPeak(log);
  figures.merge_big_ms = big.ms;
  figures.merge_big_peak_mb = big.mb;
  figures.merge_chunk_kb = round(collectChunks().reduce((n, f) => n + statSync(path.join(DIST, f)).size, 0) / 1024);

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
