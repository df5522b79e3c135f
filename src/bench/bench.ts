/**
 * `npm run bench` — measured figures, never asserted. `-- --json` prints one JSON object.
 * Targets (issue 2): engine ≤ 0.5 s for 100,000 rows and ≤ 3 × a bare normalizing pass;
 * checking 50 workbooks ≤ 1.3 × ExcelJS loading them; 200,000 rows within 1 GB, a sparse-wide sheet within
 * 300 MB (issue 10); a 10,000-row .xls read within 2 × the same .xlsx (issue 23); annotated copies of 50
 * returns ≤ 2 × their check, two 10,000-row workbooks compared ≤ 1 s (issue 21).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runCheck } from "../cli/check";
import { cellText, checkWorkbook, fold, resolveRuleset } from "../engine";
import { excellentQuota, check } from "../functions/functions";
import { bookInput, largeBook } from "../sample/generate";
import { existsSync, statSync } from "fs";
import { writeBook, writeBookStreaming } from "../sample/write";
import { sparseWideXlsx } from "../sample/raw-xlsx";
import { paneFigures } from "./pane";
import { liveFigures } from "./live";
import { mergeFigures } from "./merge";
import { appFigures } from "./app";
import { wpsFigures } from "./wps";
import { readerFigures } from "./reader";
import { legacyFigures } from "./legacy";
import { annotateFigures } from "./annotate";
import { diffFigures } from "./diff";

const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");
const log = (s: string) => {
  if (!json) process.stderr.write(s + "\n");
};

const input = bookInput;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up: the JIT, not the workload
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ts);
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ts);
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  const rs = resolveRuleset("jinan-2022");

  // 1. The engine on 100,000 cadre rows in 2,000 units, against a pass that only normalizes every cell.
  const units = quick ? 200 : 2000;
  const big = input(largeBook(units, 50, 11));
  figures.engine_rows = units * 50;
  log(`engine: ${figures.engine_rows} rows in ${units} units…`);
  let sink = 0;
  figures.engine_ms = round(time(() => void (sink += checkWorkbook(big, rs).findings.length), 5));
  figures.scan_ms = round(
    time(() => {
      for (const s of big.sheets) for (const row of s.values) for (const v of row) sink += fold(cellText(v)).length;
    }, 5),
  );
  figures.engine_vs_scan = round(figures.engine_ms / figures.scan_ms, 2);

  // 2. The CLI on 50 workbooks of 200 rows, against ExcelJS loading the same files alone.
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-"));
  const batch = path.join(dir, "batch");
  mkdirSync(batch);
  figures.cli_files = 50;
  log("cli: writing 50 workbooks of 200 rows…");
  for (let i = 0; i < figures.cli_files; i++)
    await writeBook(path.join(batch, `unit-${String(i).padStart(2, "0")}.xlsx`), largeBook(10, 20, 100 + i));
  const files = Array.from({ length: figures.cli_files }, (_, i) =>
    path.join(batch, `unit-${String(i).padStart(2, "0")}.xlsx`),
  );
  const nullOut = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
  const runs = quick ? 1 : 3;
  figures.exceljs_load_ms = round(
    await timeAsync(async () => {
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
    }, runs),
  );
  figures.cli_ms = round(
    await timeAsync(() => runCheck([batch], { ruleset: rs, json: true, lang: "zh" }, nullOut, nullOut), runs),
  );
  figures.cli_overhead = round(figures.cli_ms / figures.exceljs_load_ms, 2);

  // 3. Peak memory of the CLI checking one large workbook, in a process of its own (issue 10: 200,000
  // rows within 1 GB; one value in column XFD on 100,000 rows within 300 MB).
  const peak = (file: string) => {
    const t = process.hrtime.bigint();
    const child = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, "peak.js"), file], { encoding: "utf8", maxBuffer: 1 << 26 }),
    ) as { maxRssKb: number };
    return { ms: round(Number(process.hrtime.bigint() - t) / 1e6), mb: round(child.maxRssKb / 1024) };
  };
  for (const [rows, key] of [
    [quick ? 10000 : 100000, "big"],
    [quick ? 20000 : 200000, "200k"],
  ] as const) {
    const file = path.join(dir, `big-${rows}.xlsx`);
    log(`peak: writing a ${rows}-row workbook…`);
    await writeBookStreaming(file, largeBook(rows / 50, 50, 12));
    const p = peak(file);
    if (key === "big") {
      figures.cli_big_rows = rows;
      figures.cli_big_ms = p.ms;
      figures.cli_peak_mb = p.mb;
    } else {
      figures.cli_200k_rows = rows;
      figures.cli_200k_ms = p.ms;
      figures.cli_200k_peak_mb = p.mb;
    }
  }
  const sparse = path.join(dir, "sparse-wide.xlsx");
  writeFileSync(sparse, sparseWideXlsx(quick ? 10000 : 100000));
  const sp = peak(sparse);
  figures.cli_sparse_ms = sp.ms;
  figures.cli_sparse_peak_mb = sp.mb;
  rmSync(dir, { recursive: true, force: true });

  // 4. The custom functions: one call through the wrapper, and the minified bundles (office.js excluded).
  const calls = 200000;
  const perCall = (fn: () => unknown) =>
    (time(() => {
      for (let i = 0; i < calls; i++) sink += fn() ? 1 : 0;
    }, 5) *
      1000) /
    calls;
  figures.fn_call_us = round(
    perCall(() => excellentQuota([["一般"]], [[23]])),
    3,
  );
  figures.fn_check_us = round(
    perCall(() => check("一般", "优秀", "是")),
    3,
  );
  const root = path.join(__dirname, "..", "..");
  log("bundles: webpack --mode production…");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    { cwd: root, stdio: "pipe" },
  );
  const kb = (f: string) =>
    existsSync(path.join(root, "dist", f)) ? round(statSync(path.join(root, "dist", f)).size / 1024) : -1;
  figures.functions_js_kb = kb("functions.js");
  figures.taskpane_js_kb = kb("taskpane.js");
  void sink;

  // 5. The task pane: syncs, first render and a 10,000-row validation (issue 4).
  Object.assign(figures, await paneFigures(log));
  Object.assign(figures, await liveFigures(log));
  Object.assign(figures, await mergeFigures(log));
  Object.assign(figures, await appFigures(log));
  Object.assign(figures, await wpsFigures(log));
  Object.assign(figures, await readerFigures(log));
  Object.assign(figures, await legacyFigures(log, root, quick ? 1 : 5));
  Object.assign(figures, await annotateFigures(log, quick ? 10 : 50, quick ? 1 : 3));
  Object.assign(figures, await diffFigures(log, quick ? 1 : 5));

  if (json) {
    process.stdout.write(JSON.stringify(figures) + "\n");
    return;
  }
  const targets: Record<string, string> = {
    engine_ms: "≤ 500",
    engine_vs_scan: "≤ 3",
    cli_overhead: "≤ 1.3",
    cli_peak_mb: "≤ 1024",
    cli_200k_peak_mb: "≤ 1024",
    cli_sparse_peak_mb: "≤ 300",
    fn_call_us: "≤ 5",
    functions_js_kb: "≤ 60",
    taskpane_js_kb: "≤ 250",
    pane_syncs_10k: "≤ 4",
    pane_first_render_ms: "≤ 1000",
    merge_big_peak_mb: "≤ 1.5 × cli_peak_mb",
    app_first_load_kb: "≤ 300",
    app_check_50_ms: "≤ 5000",
    wps_calls_10k: "≤ 20",
    wps_live_edit_10k_ms: "≤ 50",
    reader_sheets_20k_ms: "≤ 10000",
    annotate_50_ms: "≤ 2 × check_50_ms",
    annotate_vs_check: "≤ 2",
    diff_10k_ms: "≤ 1000",
  };
  const rowsOut = Object.entries(figures).map(
    ([k, v]) => `${k.padEnd(20)} ${String(v).padStart(10)}  ${targets[k] ?? ""}`,
  );
  process.stdout.write(["figure               value       target", ...rowsOut].join("\n") + "\n");
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
