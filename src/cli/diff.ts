/**
 * `kaohe diff <before.xlsx> <after.xlsx> [--json] [--out 对比.xlsx]`: a resubmission compared with the first
 * submission, both checked as `kaohe check` checks them. Exit status as check's for the resubmission: 1 when
 * it still has (or newly has) an error, 2 when either file cannot be used.
 */
import type { ResolvedRuleset } from "../engine";
import { checkInput, type CheckedFile } from "../batch/check-one";
import type { Unusable } from "../batch/results";
import { diffResults, type Diff, type PersonChange } from "../diff/diff";
import { diffTables } from "../tables/diff";
import { SEVERITY_TEXT } from "../tables/report";
import { stamp } from "../tables/table";
import { writeTablesFile } from "../xlsx/files";
import { readWorkbookBytes } from "../xlsx/ooxml";
import { readFileBuffer } from "../xlsx/read";
import { findingMessage, type Lang } from "./format";
import { checkOutput, writeAtomically } from "./outputs";
import { perFile } from "./per-file";

export interface DiffOptions {
  ruleset: ResolvedRuleset;
  named: boolean;
  json: boolean;
  lang: Lang;
  out?: string;
  year?: number;
}

const side = (r: CheckedFile | Unusable, lang: Lang) =>
  "status" in r
    ? { file: r.file, status: r.status, error: lang === "zh" ? r.error : r.errorEn }
    : { file: r.file, status: "checked", rows: r.result.summary.rows };

/** The JSON contract of cli.md for `kaohe diff --json`. */
export function diffJson(before: CheckedFile, after: CheckedFile, d: Diff, lang: Lang): object {
  return {
    before: side(before, lang),
    after: side(after, lang),
    summary: d.summary,
    columns: d.columns,
    people: d.people.map((p) => ({
      change: p.change,
      unit: p.unit,
      person: p.person,
      id: p.idNumber,
      before: p.before,
      after: p.after,
      by: p.by,
      renamed: p.renamed,
      moved: p.moved,
      elsewhere: p.elsewhere,
      fields: p.fields,
    })),
    teams: d.teams,
    findings: d.findings.map(({ status, finding: f }) => ({
      status,
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
      ...(f.person !== undefined ? { person: f.person } : {}),
      message: findingMessage(f, lang),
    })),
  };
}

function personLine(p: PersonChange, lang: Lang): string[] {
  const zh = lang === "zh";
  const kind = { changed: zh ? "修改" : "changed", added: zh ? "新增" : "added", removed: zh ? "删除" : "removed" };
  const where = p.after ?? p.before ?? "";
  const notes = [
    p.renamed ? (zh ? `更名 ${p.renamed.from} → ${p.renamed.to}` : `renamed ${p.renamed.from} → ${p.renamed.to}`) : "",
    p.moved ? (zh ? `调动 ${p.moved.from} → ${p.moved.to}` : `moved ${p.moved.from} → ${p.moved.to}`) : "",
    p.elsewhere.length
      ? zh
        ? `同名者在${p.elsewhere.join("、")}，可能调动，未配对`
        : `the same name in ${p.elsewhere.join(", ")}: perhaps moved, not paired`
      : "",
  ].filter(Boolean);
  const lines = [`  ${kind[p.change]} ${p.unit} ${p.person}  ${where}${notes.length ? `（${notes.join("；")}）` : ""}`];
  for (const f of p.fields) {
    const unasked = f.asked ? "" : zh ? "  〔未被要求〕" : "  [not asked for]";
    lines.push(`      ${f.field}：${f.before || "（空）"} → ${f.after || "（空）"}  ${f.afterCell}${unasked}`);
  }
  return lines;
}

export function diffText(before: string, after: string, d: Diff, lang: Lang): string[] {
  const zh = lang === "zh";
  const s = d.summary;
  const lines = [
    zh ? `对比 ${before} → ${after}` : `Comparing ${before} → ${after}`,
    zh
      ? `人员：修改 ${s.changed} 人（${s.fields} 项，其中未被要求 ${s.unasked} 项），新增 ${s.added} 人，删除 ${s.removed} 人，更名 ${s.renamed}，调动 ${s.moved}`
      : `People: ${s.changed} changed (${s.fields} fields, ${s.unasked} not asked for), ${s.added} added, ${s.removed} removed, ${s.renamed} renamed, ${s.moved} moved`,
  ];
  if (d.columns.added.length || d.columns.removed.length)
    lines.push(
      zh
        ? `列：新增 ${d.columns.added.join("、") || "无"}；删去 ${d.columns.removed.join("、") || "无"}`
        : `Columns: added ${d.columns.added.join(", ") || "none"}; removed ${d.columns.removed.join(", ") || "none"}`,
    );
  for (const p of d.people) lines.push(...personLine(p, lang));
  for (const t of d.teams) {
    lines.push(`  ${zh ? "班子" : "team"} ${t.unit}${t.change === "changed" ? "" : ` (${t.change})`}`);
    for (const f of t.fields)
      lines.push(`      ${f.field}：${f.before || "（空）"} → ${f.after || "（空）"}  ${f.afterCell}`);
  }
  lines.push(
    zh
      ? `问题：已改正 ${s.fixed}，仍存在 ${s.still}，新出现 ${s.new}`
      : `Findings: ${s.fixed} fixed, ${s.still} still there, ${s.new} new`,
  );
  const status = { fixed: zh ? "已改正" : "fixed", still: zh ? "仍存在" : "still", new: zh ? "新出现" : "new" };
  for (const { status: st, finding: f } of d.findings)
    lines.push(
      `  ${status[st]} ${SEVERITY_TEXT[lang][f.severity]} ${f.rule} ${f.sheet ? `${f.sheet}!${f.cell}` : ""} ${f.person ? `${f.person}：` : ""}${findingMessage(f, lang)}`,
    );
  return lines;
}

async function read(file: string, o: DiffOptions): Promise<CheckedFile | Unusable> {
  return perFile(file, async () =>
    checkInput(file, readWorkbookBytes(await readFileBuffer(file), o.year), o.ruleset, o.named),
  );
}

export async function runDiff(
  before: string,
  after: string,
  opts: DiffOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const replacing = opts.out ? await checkOutput("--out", opts.out, [before, after], opts.lang) : null;
  const b = await read(before, opts);
  const a = await read(after, opts);
  if ("status" in b || "status" in a) {
    if (opts.json) out.write(JSON.stringify({ before: side(b, opts.lang), after: side(a, opts.lang) }, null, 2) + "\n");
    else
      for (const r of [b, a])
        if ("status" in r) out.write(`✗ ${r.file}: ${opts.lang === "zh" ? r.error : r.errorEn}\n`);
    return 2;
  }
  const d = diffResults(b.result, a.result);
  if (opts.json) out.write(JSON.stringify(diffJson(b, a, d, opts.lang), null, 2) + "\n");
  else for (const l of diffText(before, after, d, opts.lang)) out.write(l + "\n");
  if (opts.out) {
    if (replacing) err.write(replacing + "\n");
    const tables = diffTables(d, { before, after }, opts.lang, stamp(new Date()));
    await writeAtomically(opts.out, (tmp) => writeTablesFile(tmp, tables, null, "diff"));
  }
  return a.result.summary.errors > 0 ? 1 : 0;
}
