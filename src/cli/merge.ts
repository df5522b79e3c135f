/**
 * `kaohe merge <files|folders>... --out 汇总.xlsx`: every returned workbook checked (as `kaohe check`),
 * then consolidated into 班子汇总, 干部汇总, 汇总校验报告 and 分布 — the sheets the pane's 回收汇总 writes.
 */
import type { ResolvedRuleset } from "../engine";
import { skippedLine } from "../batch/intake";
import type { FileResult } from "../batch/results";
import { Consolidation, type FileStatus } from "../tables/merge";
import { stamp } from "../tables/table";
import { writeTablesFile } from "../xlsx/files";
import type { AddinStore } from "../xlsx/auto-open";
import { exitCode, fileJson, fileResultOf } from "./check";
import type { Lang } from "./format";
import { expandInputs, newIntake, noInputsMessage, takeIn } from "./inputs";
import { collectGarbage } from "./gc";
import { checkOutput, writeAtomically } from "./outputs";
import {
  countsLine,
  historyInputs,
  historyJson,
  historyLines,
  historyUnusable,
  loadHistory,
  type History,
} from "./history";

/** Rows from which a file's dropped model is worth collecting at once (a collection takes ~0.1 s). */
const LARGE = 20000;

export interface MergeOptions {
  ruleset: ResolvedRuleset;
  named: boolean;
  json: boolean;
  lang: Lang;
  out: string;
  year?: number;
  /** Open the kaohe pane with the consolidated workbook (Office's auto-open), or null. */
  autoOpen?: AddinStore | null;
  /** --history: past years' workbooks, the record history is checked against. */
  history?: string[];
}

/** One line per file: units found, rows, errors and warnings, or why it cannot be used. */
export function statusLine(s: FileStatus, lang: Lang): string {
  if (s.status === "unusable") return `✗ ${s.file}: ${lang === "zh" ? s.error : s.errorEn}`;
  const { errors, warnings } = s.summary;
  const file = s.label?.[lang] ?? s.file;
  return lang === "zh"
    ? `✓ ${file}：${s.units.length} 个单位（${s.units.join("、")}），${s.rows} 行；错误 ${errors}，警告 ${warnings}`
    : `✓ ${file}: ${s.units.length} units (${s.units.join(", ")}), ${s.rows} rows; ${errors} errors, ${warnings} warnings`;
}

export async function runMerge(
  paths: string[],
  opts: MergeOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const inputs = await expandInputs(paths, { once: true });
  if (inputs.files.length === 0 && inputs.skipped.length === 0) {
    err.write(noInputsMessage(inputs, opts.lang) + "\n");
    return 2;
  }
  // Before any file is read: an --out that would replace an input is refused.
  const past = await historyInputs(opts.history);
  const replacing = await checkOutput("--out", opts.out, [...inputs.files, ...(past?.files ?? [])], opts.lang);
  // File by file: each checked, its rows and findings taken into the consolidation, then let go.
  const history: History | null = past ? await loadHistory(past, opts) : null;
  const record = history?.record ?? null;
  const consolidation = new Consolidation(opts.lang);
  const intake = newIntake();
  const fileResults: FileResult[] = [];
  for (const d of inputs.duplicates) consolidation.add(d);
  // Taken in a function of its own: once it returns, nothing holds the file's model, and it can be collected.
  const take = async (file: string): Promise<number> => {
    const r = await takeIn(file, intake, { ...opts, record });
    consolidation.add(r);
    if (!("status" in r) || r.status === "unusable") fileResults.push(fileResultOf(r));
    return "status" in r ? 0 : r.result.summary.rows;
  };
  let rows = 0;
  for (const file of inputs.files) {
    const n = await take(file);
    rows += n;
    if (n > LARGE) collectGarbage();
  }
  for (const s of inputs.skipped) {
    consolidation.add(s);
    fileResults.push(s);
  }
  const { tables, distribution, statuses, skipped } = consolidation.finish(opts.ruleset, stamp(new Date()));
  if (rows > LARGE) collectGarbage(); // the consolidated model, before the workbook is written
  if (replacing) err.write(replacing + "\n");
  await writeAtomically(opts.out, (tmp) => writeTablesFile(tmp, tables, opts.autoOpen ?? null));
  if (opts.json) {
    // A skipped file is no entry of the JSON contract (cli.md): said on standard error.
    for (const s of skipped) err.write(skippedLine(s, opts.lang) + "\n");
    const units = (distribution?.units ?? []).map((u) => ({
      unit: u.unit,
      n: u.n,
      excellent: u.excellent,
      quota: u.quota,
      over: u.over,
    }));
    out.write(
      JSON.stringify(
        {
          files: fileResults.map((r) => fileJson(r, opts.lang)),
          merged: { out: opts.out, units, body: distribution?.body ?? null },
          ...(history ? { history: historyJson(history, opts.lang) } : {}),
        },
        null,
        2,
      ) + "\n",
    );
  } else {
    if (history) for (const l of historyLines(history, opts.lang)) out.write(l + "\n");
    for (const s of statuses) {
      out.write(statusLine(s, opts.lang) + "\n");
      const counts = fileResults.find((r) => r.file === s.file && r.status === "checked");
      if (counts?.status === "checked" && counts.history) out.write(countsLine(counts.history, opts.lang) + "\n");
    }
    for (const s of skipped) out.write(skippedLine(s, opts.lang) + "\n");
    const over = (distribution?.units ?? []).filter((u) => u.over > 0);
    out.write(
      opts.lang === "zh"
        ? `已写入 ${opts.out}（班子汇总、干部汇总、汇总校验报告、分布）；优秀超出上限的单位 ${over.length} 个${over.length ? "：" + over.map((u) => `${u.unit} 超出 ${u.over}`).join("、") : ""}\n`
        : `Wrote ${opts.out} (班子汇总, 干部汇总, 汇总校验报告, 分布); ${over.length} units over their 优秀 quota${over.length ? ": " + over.map((u) => `${u.unit} +${u.over}`).join(", ") : ""}\n`,
    );
  }
  return historyUnusable(history) ? 2 : exitCode(fileResults);
}
