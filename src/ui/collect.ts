/**
 * 回收汇总 in the page, loaded only when used (its own chunk: the .xlsx reader and the consolidation;
 * the reader of older formats is a further chunk, loaded when such a file is picked).
 * The files are read here, in the browser: nothing is uploaded anywhere. Each is checked with the same
 * engine and reading as `kaohe check`; a file that cannot be used says why and the others go on.
 */
import type { PastRecord, ResolvedRuleset } from "../engine";
import { checkInput } from "../batch/check-one";
import { Intake, pageSha256, type Skipped } from "../batch/intake";
import { unusable, type Unusable } from "../batch/results";
import { merge, type CheckedFile } from "../tables/merge";
import { readAnyBytes } from "../xlsx/any";
import { READABLE } from "../xlsx/formats";
import type { Picked } from "./host";
import { Cancelled } from "./progress";
import { perFile } from "../batch/per-file";

export type { Picked } from "./host";

export interface CollectOptions {
  ruleset: ResolvedRuleset;
  /** The ruleset was chosen (saved in this workbook): a file carrying another one is A02, as with --ruleset. */
  named: boolean;
  lang: "zh" | "en";
  at: string;
  /** The record of past years (往年结果), when picked. */
  record?: PastRecord | null;
  signal: { aborted: boolean };
  onFile(done: number, total: number, name: string): void;
}

export interface Collected {
  /** Every file read, in the order picked: checked, or why it could not be (copies and our outputs left out). */
  files: (CheckedFile | Unusable)[];
  /** The files read and checked, in the order picked. */
  checked: CheckedFile[];
  unusable: Unusable[];
  /** The consolidated tables and statuses, as `kaohe merge` makes them. */
  merged: ReturnType<typeof merge>;
}

async function readOne(f: Picked, o: CollectOptions, intake: Intake): Promise<CheckedFile | Unusable | Skipped> {
  if (!READABLE.test(f.name)) {
    return unusable(
      f.name,
      "不是工作簿（.xlsx、.xls、.et、.ods、.xlsb），未校验：请另存为 .xlsx",
      "not a workbook (.xlsx, .xls, .et, .ods, .xlsb): save it as .xlsx",
    );
  }
  return perFile(f.name, async () => {
    const bytes = new Uint8Array(await f.bytes());
    const skip = await intake.admit(f.name, bytes);
    if (skip) return skip;
    // .xls, .et, .ods and .xlsb load their reader (a chunk of its own) the first time one is met.
    const { input, format } = await readAnyBytes(bytes, f.name);
    return (
      intake.afterRead(f.name, input) ??
      checkInput(f.name, input, o.ruleset, o.named, { format, record: o.record ?? null })
    );
  });
}

export async function collect(files: Picked[], o: CollectOptions): Promise<Collected> {
  const results: (CheckedFile | Unusable | Skipped)[] = [];
  // A copy of a file already taken, and our own outputs (an earlier 汇总.xlsx), are passed over: as kaohe merge.
  const intake = new Intake(pageSha256);
  for (const [i, f] of files.entries()) {
    if (o.signal.aborted) throw new Cancelled();
    o.onFile(i, files.length, f.name);
    // Let the page paint the progress between files.
    await new Promise((r) => setTimeout(r, 0));
    results.push(await readOne(f, o, intake));
  }
  if (o.signal.aborted) throw new Cancelled();
  o.onFile(files.length, files.length, "");
  return {
    files: results.filter((r): r is CheckedFile | Unusable => !("status" in r) || r.status === "unusable"),
    checked: results.filter((r): r is CheckedFile => !("status" in r)),
    unusable: results.filter((r): r is Unusable => "status" in r && r.status === "unusable"),
    merged: merge(results, o.ruleset, o.lang, o.at),
  };
}
