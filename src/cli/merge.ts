/**
 * `kaohe merge <files|folders>... --out 汇总.xlsx`: every returned workbook checked (as `kaohe check`),
 * then consolidated into 班子汇总, 干部汇总, 汇总校验报告 and 分布 — the sheets the pane's 回收汇总 writes.
 */
import type { ResolvedRuleset } from "../engine";
import { checkInput } from "../batch/check-one";
import { merge, type FileStatus } from "../tables/merge";
import { stamp } from "../tables/table";
import { readXlsx } from "../xlsx/read";
import { writeTablesFile } from "../xlsx/tables";
import type { AddinStore } from "../xlsx/auto-open";
import { exitCode, fileJson, fileResultOf } from "./check";
import type { Lang } from "./format";
import { expandInputs, noInputsMessage } from "./inputs";
import { checkOutput, writeAtomically } from "./outputs";
import { perFile } from "./per-file";

export interface MergeOptions {
  ruleset: ResolvedRuleset;
  named: boolean;
  json: boolean;
  lang: Lang;
  out: string;
  year?: number;
  /** Open the kaohe pane with the consolidated workbook (Office's auto-open), or null. */
  autoOpen?: AddinStore | null;
}

/** One line per file: units found, rows, errors and warnings, or why it cannot be used. */
export function statusLine(s: FileStatus, lang: Lang): string {
  if (s.status === "unusable") return `✗ ${s.file}: ${lang === "zh" ? s.error : s.errorEn}`;
  const { errors, warnings } = s.summary;
  return lang === "zh"
    ? `✓ ${s.file}：${s.units.length} 个单位（${s.units.join("、")}），${s.rows} 行；错误 ${errors}，警告 ${warnings}`
    : `✓ ${s.file}: ${s.units.length} units (${s.units.join(", ")}), ${s.rows} rows; ${errors} errors, ${warnings} warnings`;
}

export async function runMerge(
  paths: string[],
  opts: MergeOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const inputs = await expandInputs(paths);
  if (inputs.files.length === 0 && inputs.skipped.length === 0) {
    err.write(noInputsMessage(inputs, opts.lang) + "\n");
    return 2;
  }
  // Before any file is read: an --out that would replace an input is refused.
  const replacing = await checkOutput("--out", opts.out, inputs.files, opts.lang);
  const results = [];
  for (const file of inputs.files) {
    results.push(
      await perFile(file, async () => checkInput(file, await readXlsx(file, opts.year), opts.ruleset, opts.named)),
    );
  }
  results.push(...inputs.skipped);
  const merged = merge(results, opts.ruleset, opts.lang, stamp(new Date()));
  if (replacing) err.write(replacing + "\n");
  await writeAtomically(opts.out, (tmp) => writeTablesFile(tmp, merged.tables, opts.autoOpen ?? null));
  const fileResults = results.map(fileResultOf);
  if (opts.json) {
    const units = (merged.distribution?.units ?? []).map((u) => ({
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
          merged: { out: opts.out, units, body: merged.distribution?.body ?? null },
        },
        null,
        2,
      ) + "\n",
    );
  } else {
    for (const s of merged.statuses) out.write(statusLine(s, opts.lang) + "\n");
    const over = (merged.distribution?.units ?? []).filter((u) => u.over > 0);
    out.write(
      opts.lang === "zh"
        ? `已写入 ${opts.out}（班子汇总、干部汇总、汇总校验报告、分布）；优秀超出上限的单位 ${over.length} 个${over.length ? "：" + over.map((u) => `${u.unit} 超出 ${u.over}`).join("、") : ""}\n`
        : `Wrote ${opts.out} (班子汇总, 干部汇总, 汇总校验报告, 分布); ${over.length} units over their 优秀 quota${over.length ? ": " + over.map((u) => `${u.unit} +${u.over}`).join(", ") : ""}\n`,
    );
  }
  return exitCode(fileResults);
}
