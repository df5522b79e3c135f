/**
 * 与上次报送比较 in the page (a chunk with the reader): the first submission picked as a file, the
 * resubmission picked too (the app) or open in the host (Excel, WPS); both checked as `kaohe diff` does.
 */
import type { CheckResult, PastRecord, ResolvedRuleset } from "../engine";
import { checkInput, type CheckedFile } from "../batch/check-one";
import { unusable, type Unusable } from "../batch/results";
import { diffResults, type Diff } from "../diff/diff";
import { diffTables } from "../tables/diff";
import type { Table } from "../tables/table";
import { readAnyBytes } from "../xlsx/any";
import { UnusableFile } from "../xlsx/ooxml";
import type { Picked } from "./host";

export type { Diff } from "../diff/diff";

export async function readChecked(
  f: Picked,
  ruleset: ResolvedRuleset,
  named: boolean,
  record: PastRecord | null,
): Promise<CheckedFile | Unusable> {
  try {
    // Either submission may have come back as .xls, .et, .ods or .xlsb: read as 回收汇总 reads it.
    const { input, format } = await readAnyBytes(new Uint8Array(await f.bytes()), f.name);
    return checkInput(f.name, input, ruleset, named, { format, record });
  } catch (e) {
    const m = (e as Error).message;
    return e instanceof UnusableFile
      ? unusable(f.name, e.zh, e.en)
      : unusable(f.name, `读取时出错：${m}`, `failed while reading: ${m}`);
  }
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
