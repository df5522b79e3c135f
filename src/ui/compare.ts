/**
 * 与上次报送比较 in the page (a chunk with the reader): the first submission picked as a file, the
 * resubmission picked too (the app) or open in the host (Excel, WPS); both checked as `kaohe diff` does.
 */
import type { CheckResult, PastRecord, ResolvedRuleset } from "../engine";
import { checkInput, type CheckedFile } from "../batch/check-one";
import type { Unusable } from "../batch/results";
import { diffResults, type Diff } from "../diff/diff";
import { diffTables } from "../tables/diff";
import type { Table } from "../tables/table";
import { readAnyBytes } from "../xlsx/any";
import type { Picked } from "./host";
import { perFile } from "../batch/per-file";

export type { Diff } from "../diff/diff";

export async function readChecked(
  f: Picked,
  ruleset: ResolvedRuleset,
  named: boolean,
  record: PastRecord | null,
): Promise<CheckedFile | Unusable> {
  return perFile(f.name, async () => {
    // Either submission may have come back as .xls, .et, .ods or .xlsb: read as 回收汇总 reads it.
    const { input, format } = await readAnyBytes(new Uint8Array(await f.bytes()), f.name);
    return checkInput(f.name, input, ruleset, named, { format, record });
  });
}

export function compare(
  before: CheckResult,
  after: CheckResult,
  names: { before: string; after: string },
  lang: "zh" | "en",
  at: string,
  linked: boolean,
): { diff: Diff; tables: Table[] } {
  const diff = diffResults(before, after);
  return { diff, tables: diffTables(diff, names, lang, at, linked) };
}
