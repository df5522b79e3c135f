/** `--history <past.xlsx | folder>`: the record of past years, read before the returned files are checked. */
import type { PastRecord, ResolvedRuleset } from "../engine";
import { pastFile, recordFrom, recordLine, type RecordFileStatus } from "../batch/record";
import type { HistoryCounts } from "../batch/results";
import { readAnyBytes } from "../xlsx/any";
import { readFileBuffer } from "../xlsx/read";
import type { Lang } from "./format";
import { expandInputs, type Inputs } from "./inputs";
import { perFile } from "../batch/per-file";

export interface History {
  record: PastRecord;
  files: RecordFileStatus[];
}

/** The record's files, found once: an output that would replace one is refused before loadHistory reads them. */
export async function historyInputs(paths: string[] | undefined): Promise<Inputs | null> {
  return paths?.length ? expandInputs(paths, { once: true }) : null;
}

export async function loadHistory(inputs: Inputs, o: { ruleset: ResolvedRuleset; named?: boolean }): Promise<History> {
  const parts = [];
  for (const file of inputs.files)
    parts.push(
      await perFile(file, async () =>
        pastFile(file, (await readAnyBytes(await readFileBuffer(file), file)).input, o.ruleset, o.named ?? false),
      ),
    );
  return recordFrom([...parts, ...inputs.skipped]);
}

export const historyUnusable = (h: History | null): boolean => Boolean(h?.files.some((f) => f.status === "unusable"));

/** The record's files as --json gives them (cli.md). */
export function historyJson(h: History, lang: Lang): object {
  return {
    files: h.files.map((f) =>
      f.status === "unusable"
        ? { file: f.file, status: f.status, error: lang === "zh" ? f.error : f.errorEn }
        : { file: f.file, status: f.status, year: f.year, people: f.people },
    ),
  };
}

export function historyLines(h: History, lang: Lang): string[] {
  return h.files.map((f) => recordLine(f, lang));
}

/** One line under a checked file: what the record did to it. */
export function countsLine(c: HistoryCounts, lang: Lang): string {
  return lang === "zh"
    ? `  往年结果：补全历史等次 ${c.filled} 处，与记录不符 ${c.contradicted} 处，记录中没有 ${c.absent} 人`
    : `  record: ${c.filled} history grades filled, ${c.contradicted} contradicted, ${c.absent} people not in it`;
}
