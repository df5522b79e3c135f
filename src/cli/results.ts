/** `kaohe results`: the result-use list (结果运用清单) of each workbook, as text, JSON or a workbook. */
import {
  modelOf,
  NO_APPRAISAL_SHEET,
  resultList,
  rulesetForWorkbook,
  talks,
  type Day,
  type ResolvedRuleset,
  type PastRecord,
  type ResultItem,
} from "../engine";
import { readXlsx } from "../xlsx/read";
import { perFile, unusable } from "../batch/per-file";
import type { ResultsFile } from "../batch/results";
import { writeResultList } from "../xlsx/files";
import type { Lang } from "./format";
import { expandInputs, noInputsMessage } from "./inputs";
import { checkOutput, writeAtomically } from "./outputs";
import { historyInputs, historyJson, historyLines, historyUnusable, loadHistory, type History } from "./history";

export interface ResultsOptions {
  ruleset: ResolvedRuleset;
  named?: boolean;
  json: boolean;
  lang: Lang;
  out?: string;
  year?: number;
  announced?: Day;
  /** --history: past years' workbooks; blank history takes the record's grades before the list is made. */
  history?: string[];
}

export type { ResultsFile } from "../batch/results";

export function resultsOf(file: string, opts: ResultsOptions, record: PastRecord | null = null): Promise<ResultsFile> {
  return perFile<ResultsFile>(file, async () => {
    const input = await readXlsx(file, opts.year);
    const ruleset = rulesetForWorkbook(input.sheets, opts.ruleset, opts.named ?? false);
    const model = modelOf(input, ruleset, { record });
    if (!model.cadreSheet && !model.teamSheet) return unusable(file, NO_APPRAISAL_SHEET.zh, NO_APPRAISAL_SHEET.en);
    return { file, status: "checked", items: resultList(model, ruleset, { announced: opts.announced }) };
  });
}

/** The JSON contract of cli.md for `kaohe results --json`. */
export function resultsJson(r: ResultsFile, lang: Lang): object {
  if (r.status === "unusable") return { file: r.file, status: r.status, error: lang === "zh" ? r.error : r.errorEn };
  return {
    file: r.file,
    status: r.status,
    measures: r.items.map((i) => ({
      rule: i.rule,
      unit: i.unit,
      ...(i.person !== undefined ? { person: i.person } : {}),
      measure: lang === "zh" ? i.measure : i.measureEn,
      by: lang === "zh" ? i.by : i.byEn,
      until: i.until,
    })),
  };
}

function textLines(items: ResultItem[], lang: Lang): string[] {
  const zh = lang === "zh";
  const lines: string[] = [];
  let last = "";
  for (const i of items) {
    const head = `${i.rule} ${zh ? i.measure : i.measureEn}`;
    if (head !== last) {
      const extra = [
        i.by ? (zh ? `执行：${i.by}` : `by ${i.byEn}`) : "",
        i.until ? (zh ? `至 ${i.until}` : `until ${i.until}`) : "",
      ]
        .filter(Boolean)
        .join("；");
      lines.push(`  ${head}${extra ? `（${extra}）` : ""}`);
      last = head;
    }
    lines.push(`    ${i.unit}${i.person ? ` ${i.person}` : zh ? "（班子）" : " (team)"}  ${i.sheet}!${i.cell}`);
  }
  const t = talks(items);
  if (t.length) {
    lines.push(zh ? "  谈话安排" : "  Talks");
    for (const i of t)
      lines.push(
        `    ${zh ? i.by : i.byEn} → ${i.unit}${i.person ? ` ${i.person}` : ""}：${zh ? i.measure : i.measureEn}（${i.rule}）`,
      );
  }
  return lines;
}

export async function runResults(
  paths: string[],
  opts: ResultsOptions,
  out: NodeJS.WriteStream,
  err: NodeJS.WriteStream,
): Promise<number> {
  const inputs = await expandInputs(paths);
  if (inputs.files.length === 0 && inputs.skipped.length === 0) {
    err.write(noInputsMessage(inputs, opts.lang) + "\n");
    return 2;
  }
  if (inputs.emptyFolders.length > 0) err.write(noInputsMessage({ ...inputs, files: [] }, opts.lang) + "\n");
  const past = await historyInputs(opts.history);
  const replacing = opts.out
    ? await checkOutput("--out", opts.out, [...inputs.files, ...(past?.files ?? [])], opts.lang)
    : null;
  const history: History | null = past ? await loadHistory(past, opts) : null;
  const results: ResultsFile[] = [];
  for (const f of inputs.files) results.push(await resultsOf(f, opts, history?.record ?? null));
  results.push(...inputs.skipped);
  if (opts.json) {
    const files = results.map((r) => resultsJson(r, opts.lang));
    out.write(
      JSON.stringify({ files, ...(history ? { history: historyJson(history, opts.lang) } : {}) }, null, 2) + "\n",
    );
  } else {
    if (history) for (const l of historyLines(history, opts.lang)) out.write(l + "\n");
    for (const r of results) {
      if (r.status === "unusable") out.write(`✗ ${r.file}: ${opts.lang === "zh" ? r.error : r.errorEn}\n`);
      else {
        out.write(
          `▶ ${r.file} — ${opts.lang === "zh" ? `结果运用清单，共 ${r.items.length} 项` : `result-use list, ${r.items.length} items`}\n`,
        );
        for (const l of textLines(r.items, opts.lang)) out.write(l + "\n");
      }
    }
  }
  if (opts.out) {
    if (replacing) err.write(replacing + "\n");
    const target = opts.out;
    await writeAtomically(target, (tmp) => writeResultList(tmp, results, opts.lang));
  }
  return results.some((r) => r.status === "unusable") || historyUnusable(history) ? 2 : 0;
}
