/**
 * `kaohe diff <before.xlsx> <after.xlsx> [--json] [--out 对比.xlsx]`: a resubmission compared with the first
 * submission, both checked as `kaohe check` checks them. Exit status as check's for the resubmission: 1 when
 * it still has (or newly has) an error, 2 when either file cannot be used.
 */
import type { ResolvedRuleset } from "../engine";
import { checkInput, type CheckedFile } from "../batch/check-one";
import type { Unusable } from "../batch/results";
import { diffResults, type Diff } from "../diff/diff";
import { diffText } from "../tables/diff-text";
import { diffTables } from "../tables/diff";
import { stamp } from "../tables/table";
import { writeTablesFile } from "../xlsx/files";
import { readAnyBytes } from "../xlsx/any";
import { readFileBuffer } from "../xlsx/read";
import { findingJson, type Lang } from "./format";
import { checkOutput, writeAtomically } from "./outputs";
import { perFile } from "../batch/per-file";

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
    findings: d.findings.map(({ status, finding }) => ({ status, ...findingJson(finding, lang) })),
  };
}

async function read(file: string, o: DiffOptions): Promise<CheckedFile | Unusable> {
  return perFile(file, async () => {
    const { input, format } = await readAnyBytes(await readFileBuffer(file), file, o.year);
    return checkInput(file, input, o.ruleset, o.named, { format });
  });
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
