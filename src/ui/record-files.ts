/**
 * 往年结果 in the page: past years' consolidated or checked workbooks picked as the record (a chunk of its
 * own with the reader), read as `kaohe --history` reads them. Nothing leaves the page.
 */
import type { ResolvedRuleset } from "../engine";
import { pastFile, recordFrom, type RecordFileStatus } from "../batch/record";
import { readAnyBytes } from "../xlsx/any";
import type { Picked } from "./host";
import { perFile } from "../batch/per-file";

export type { RecordFileStatus } from "../batch/record";

export async function readRecord(files: Picked[], ruleset: ResolvedRuleset, named: boolean) {
  const parts = [];
  for (const f of files) {
    parts.push(
      await perFile(f.name, async () =>
        pastFile(f.name, (await readAnyBytes(new Uint8Array(await f.bytes()), f.name)).input, ruleset, named),
      ),
    );
  }
  return recordFrom(parts);
}

export function recordStatusText(s: RecordFileStatus, lang: "zh" | "en"): string {
  if (s.status === "unusable") return `✗ ${s.file}：${lang === "zh" ? s.error : s.errorEn}`;
  return lang === "zh" ? `◆ ${s.file}：${s.year} 年度，${s.people} 人` : `◆ ${s.file}: ${s.year}, ${s.people} people`;
}
