/**
 * 往年结果 in the page: past years' consolidated or checked workbooks picked as the record (a chunk of its
 * own with the reader), read as `kaohe --history` reads them. Nothing leaves the page.
 */
import type { ResolvedRuleset } from "../engine";
import { pastFile, recordFrom, type RecordFileStatus } from "../batch/record";
import { unusable } from "../batch/results";
import { readAnyBytes } from "../xlsx/any";
import { UnusableFile } from "../xlsx/ooxml";
import type { Picked } from "./host";

export type { RecordFileStatus } from "../batch/record";

export async function readRecord(files: Picked[], ruleset: ResolvedRuleset, named: boolean) {
  const parts = [];
  for (const f of files) {
    try {
      const { input } = await readAnyBytes(new Uint8Array(await f.bytes()), f.name);
      parts.push(pastFile(f.name, input, ruleset, named));
    } catch (e) {
      const m = (e as Error).message;
      parts.push(
        e instanceof UnusableFile
          ? unusable(f.name, e.zh, e.en)
          : unusable(f.name, `读取时出错：${m}`, `failed while reading: ${m}`),
      );
    }
  }
  return recordFrom(parts);
}

export function recordStatusText(s: RecordFileStatus, lang: "zh" | "en"): string {
  if (s.status === "unusable") return `✗ ${s.file}：${lang === "zh" ? s.error : s.errorEn}`;
  return lang === "zh" ? `◆ ${s.file}：${s.year} 年度，${s.people} 人` : `◆ ${s.file}: ${s.year}, ${s.people} people`;
}
