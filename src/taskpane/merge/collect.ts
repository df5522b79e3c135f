/**
 * 回收汇总 in the page, loaded only when used (its own chunk: the .xlsx reader and the consolidation).
 * The files are read here, in the browser: nothing is uploaded anywhere. Each is checked with the same
 * engine and reading as `kaohe check`; a file that cannot be used says why and the others go on.
 */
import type { ResolvedRuleset } from "../../engine";
import { checkInput, READABLE } from "../../batch/check-one";
import { Intake, subtleSha256, type Skipped } from "../../batch/intake";
import { unusable, type Unusable } from "../../batch/results";
import { merge, type CheckedFile } from "../../tables/merge";
import { readWorkbookBytes, UnusableFile } from "../../xlsx/ooxml";
import { Cancelled } from "../excel/progress";

export interface Picked {
  name: string;
  bytes(): Promise<ArrayBuffer>;
}

export interface CollectOptions {
  ruleset: ResolvedRuleset;
  /** The ruleset was chosen (saved in this workbook): a file carrying another one is A02, as with --ruleset. */
  named: boolean;
  lang: "zh" | "en";
  at: string;
  signal: { aborted: boolean };
  onFile(done: number, total: number, name: string): void;
}

export async function collect(files: Picked[], o: CollectOptions): Promise<ReturnType<typeof merge>> {
  const results: (CheckedFile | Unusable | Skipped)[] = [];
  // A copy of a file already taken, and our own outputs (an earlier 汇总.xlsx), are passed over: as kaohe merge.
  const intake = new Intake(subtleSha256);
  for (const [i, f] of files.entries()) {
    if (o.signal.aborted) throw new Cancelled();
    o.onFile(i, files.length, f.name);
    // Let the page paint the progress between files.
    await new Promise((r) => setTimeout(r, 0));
    if (!READABLE.test(f.name)) {
      results.push(
        unusable(f.name, "不是 .xlsx 工作簿，未校验：请另存为 .xlsx", "not an .xlsx workbook: save it as .xlsx"),
      );
      continue;
    }
    try {
      const bytes = new Uint8Array(await f.bytes());
      const skip = await intake.admit(f.name, bytes);
      results.push(skip ?? checkInput(f.name, readWorkbookBytes(bytes), o.ruleset, o.named));
    } catch (e) {
      if (e instanceof UnusableFile) results.push(unusable(f.name, e.zh, e.en));
      else
        results.push(
          unusable(f.name, `读取时出错：${(e as Error).message}`, `failed while reading: ${(e as Error).message}`),
        );
    }
  }
  if (o.signal.aborted) throw new Cancelled();
  o.onFile(files.length, files.length, "");
  return merge(results, o.ruleset, o.lang, o.at);
}
