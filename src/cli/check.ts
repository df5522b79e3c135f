/** `kaohe check`: the engine over .xlsx files, reported one by one with a total at the end. */
import type { ResolvedRuleset } from "../engine";
import { fileResultOf } from "../batch/check-one";
import { skippedLine, type Skipped } from "../batch/intake";
import type { FileResult } from "../batch/results";
import { writeReport } from "../xlsx/files";
import { withFormat } from "../xlsx/formats";
import { findingJson, formatFindings, summaryLine, type Lang } from "./format";
import { expandInputs, newIntake, noInputsMessage, takeIn } from "./inputs";
import { checkOutput, writeAtomically } from "./outputs";
import { Annotator } from "./annotate";
import {
  countsLine,
  historyInputs,
  historyJson,
  historyLines,
  historyUnusable,
  loadHistory,
  type History,
} from "./history";

export interface CheckOptions {
  ruleset: ResolvedRuleset;
  /** --ruleset was given: use it even where a workbook carries another (that is A02). */
  named?: boolean;
  json: boolean;
  lang: Lang;
  report?: string;
  year?: number;
  /** --history: past years' workbooks (files or folders), the record history is checked against. */
  history?: string[];
  /** --annotate: the folder for the copies sent back for correction. */
  annotate?: string;
}

export type { FileResult } from "../batch/results";

export { fileResultOf };

/** The JSON contract of cli.md, keys in its order. */
export function fileJson(r: FileResult, lang: Lang): object {
  if (r.status === "unusable") return { file: r.file, status: r.status, error: lang === "zh" ? r.error : r.errorEn };
  return {
    file: r.file,
    status: r.status,
    ruleset: r.ruleset,
    summary: r.summary,
    findings: r.findings.map((f) => ({ ...findingJson(f, lang), source: f.source })),
    ...(r.history ? { history: r.history } : {}),
  };
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.status === "unusable")) return 2;
  return results.some((r) => r.status === "checked" && r.summary.errors > 0) ? 1 : 0;
}

export async function runCheck(
  paths: string[],
  opts: CheckOptions,
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const inputs = await expandInputs(paths, { once: true });
  const { files } = inputs;
  const zh = opts.lang === "zh";
  if (files.length === 0 && inputs.skipped.length === 0) {
    err.write(noInputsMessage(inputs, opts.lang) + "\n");
    return 2;
  }
  if (inputs.emptyFolders.length > 0) err.write(noInputsMessage({ ...inputs, files: [] }, opts.lang) + "\n");
  // Before any file is read: a report that would replace an input is refused outright.
  const past = await historyInputs(opts.history);
  const inputFiles = [...files, ...(past?.files ?? [])];
  const replacing = opts.report ? await checkOutput("--report", opts.report, inputFiles, opts.lang) : null;
  const history: History | null = past ? await loadHistory(past, opts) : null;
  if (history && !opts.json) for (const l of historyLines(history, opts.lang)) out.write(l + "\n");
  const record = history?.record ?? null;
  const annotator = opts.annotate ? new Annotator(opts.annotate, inputFiles, opts.lang) : null;
  await annotator?.prepare();
  const progress = err.isTTY && files.length > 1 && !opts.json;
  const results: FileResult[] = [];
  const color = Boolean(out.isTTY) && !process.env.NO_COLOR;
  // A file passed over (a copy, our own output) is no entry of the JSON contract: said on standard error there.
  const skippedFile = (s: Skipped) => (opts.json ? err : out).write(skippedLine(s, opts.lang) + "\n");
  inputs.duplicates.forEach(skippedFile);
  // A returned annotated copy is checked as its original would be.
  const intake = newIntake("check");
  let skipped = inputs.duplicates.length;
  for (const [i, file] of files.entries()) {
    if (progress) err.write(`\r\x1b[K${zh ? "校验中" : "checking"} ${i + 1}/${files.length} ${file}`);
    const taken = await takeIn(file, intake, { ...opts, record });
    if (progress) err.write("\r\x1b[K");
    if ("status" in taken && taken.status === "skipped") {
      skippedFile(taken);
      skipped++;
      continue;
    }
    const r = fileResultOf(taken);
    results.push(r);
    const annotated = annotator && !("status" in taken) ? await annotator.add(taken) : null;
    if (opts.json) continue;
    if (r.status === "unusable") {
      out.write(`✗ ${file}: ${zh ? r.error : r.errorEn}\n`);
      continue;
    }
    const head = zh
      ? `规则集 ${r.ruleset.id}（指纹 ${r.ruleset.fingerprint.slice(0, 12)}）`
      : `ruleset ${r.ruleset.id} (fingerprint ${r.ruleset.fingerprint.slice(0, 12)})`;
    out.write(
      `▶ ${withFormat(file, "format" in taken ? taken.format : undefined, opts.lang)} — ${head}；${summaryLine(r.summary, opts.lang)}\n`,
    );
    if (r.history) out.write(countsLine(r.history, opts.lang) + "\n");
    for (const line of formatFindings(r.findings, opts.lang, color)) out.write(line + "\n");
    if (annotated) out.write(annotated + "\n");
  }
  for (const s of inputs.skipped) {
    results.push(s);
    if (!opts.json) out.write(`✗ ${s.file}: ${zh ? s.error : s.errorEn}\n`);
  }
  if (opts.json)
    out.write(
      JSON.stringify(
        {
          files: results.map((r) => fileJson(r, opts.lang)),
          ...(history ? { history: historyJson(history, opts.lang) } : {}),
          ...(annotator ? { annotated: annotator.json(opts.lang) } : {}),
        },
        null,
        2,
      ) + "\n",
    );
  else {
    const checked = results.filter((r) => r.status === "checked") as Extract<FileResult, { status: "checked" }>[];
    const t = checked.reduce(
      (a, r) => ({ e: a.e + r.summary.errors, w: a.w + r.summary.warnings, i: a.i + r.summary.info }),
      { e: 0, w: 0, i: 0 },
    );
    const unusable = results.length - checked.length;
    const passed = skipped ? (zh ? `，跳过 ${skipped} 个` : `, ${skipped} skipped`) : "";
    out.write(
      zh
        ? `合计：${results.length} 个文件，已校验 ${checked.length} 个，无法使用 ${unusable} 个${passed}；错误 ${t.e}，警告 ${t.w}，提示 ${t.i}\n`
        : `Total: ${results.length} files, ${checked.length} checked, ${unusable} unusable${passed}; ${t.e} errors, ${t.w} warnings, ${t.i} info\n`,
    );
  }
  if (opts.report) {
    if (replacing) err.write(replacing + "\n");
    const report = opts.report;
    await writeAtomically(report, (tmp) => writeReport(tmp, results, opts.lang));
  }
  return historyUnusable(history) || annotator?.failed ? 2 : exitCode(results);
}
