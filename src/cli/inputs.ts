/** Turns the paths given on the command line into the workbooks to check, folders searched. */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import type { PastRecord, ResolvedRuleset } from "../engine";
import { perFile, unusable, type Unusable } from "../batch/per-file";
import { checkInput, type CheckedFile } from "../batch/check-one";
import { Intake, sameFile, type AnnotatedCopies, type Skipped } from "../batch/intake";
import { readAnyBytes } from "../xlsx/any";
import { READABLE } from "../xlsx/formats";
import { readFileBuffer } from "../xlsx/read";

/** Files a unit may return that no reader takes: named, never silently passed over. */
const OTHER: Record<string, { zh: string; en: string }> = {
  ".csv": {
    zh: ".csv 文件，未校验：没有工作表结构，请用模板填写后另存为 .xlsx",
    en: ".csv file, not checked: fill the template and save it as .xlsx",
  },
};

export interface Inputs {
  files: string[];
  /** Spreadsheets found in folders that cannot be read, each with why. */
  skipped: Unusable[];
  /** Folders given that hold nothing to check. */
  emptyFolders: string[];
  /** The same file met again (two paths, a folder and a path, a symlink): taken once, said once. */
  duplicates: Skipped[];
}

async function walk(dir: string, into: Inputs): Promise<number> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  let found = 0;
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) found += await walk(p, into);
    else if (e.name.startsWith("~$") || e.name.startsWith(".~"))
      continue; // Excel's / WPS's lock files
    else if (READABLE.test(e.name)) {
      into.files.push(p);
      found++;
    } else {
      const other = OTHER[path.extname(e.name).toLowerCase()];
      if (other) {
        into.skipped.push(unusable(p, other.zh, other.en));
        found++;
      }
    }
  }
  return found;
}

/** The files to read; with `once`, each real file (symlinks followed) only the first time it is met. */
export async function expandInputs(paths: string[], opts: { once?: boolean } = {}): Promise<Inputs> {
  const into: Inputs = { files: [], skipped: [], emptyFolders: [], duplicates: [] };
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) {
      if ((await walk(p, into)) === 0) into.emptyFolders.push(p);
    } else into.files.push(p); // a missing or odd file is reported when it is read
  }
  if (!opts.once) return into;
  const first = new Map<string, string>();
  const files: string[] = [];
  for (const f of into.files) {
    const real = await fs.realpath(f).catch(() => path.resolve(f));
    const seen = first.get(real);
    if (seen === undefined) {
      first.set(real, f);
      files.push(f);
    } else into.duplicates.push(sameFile(f, seen));
  }
  into.files = files;
  return into;
}

export function noInputsMessage(inputs: Inputs, lang: "zh" | "en"): string {
  const folders = inputs.emptyFolders
    .map((f) => (lang === "zh" ? `「${f}」` : `"${f}"`))
    .join(lang === "zh" ? "、" : ", ");
  const kinds = ".xlsx、.xls、.et、.ods、.xlsb";
  if (lang === "zh")
    return folders ? `文件夹 ${folders} 中没有找到工作簿（${kinds}）` : `没有找到要校验的工作簿（${kinds}）`;
  const kindsEn = ".xlsx, .xls, .et, .ods, .xlsb";
  return folders ? `no workbooks (${kindsEn}) found in the folder ${folders}` : `no workbooks (${kindsEn}) to check`;
}

/** Copies found by their bytes, for `kaohe check` and `kaohe merge`. */
export const newIntake = (annotated: AnnotatedCopies = "merge"): Intake =>
  new Intake((b) => createHash("sha256").update(b).digest("hex"), annotated);

/**
 * One returned file: passed over (a copy of one already taken, or our own output) or read and checked —
 * the bytes read once, as readXlsx reads them (whatever the format), for both.
 */
export async function takeIn(
  file: string,
  intake: Intake,
  o: { ruleset: ResolvedRuleset; named?: boolean; year?: number; record?: PastRecord | null },
): Promise<CheckedFile | Unusable | Skipped> {
  return perFile<CheckedFile | Skipped>(file, async () => {
    let bytes: Buffer | null = await readFileBuffer(file);
    const skip = await intake.admit(file, bytes);
    if (skip) return skip;
    const { input, format } = await readAnyBytes(bytes, file, o.year);
    bytes = null; // not held while the file is checked
    const unchanged = intake.afterRead(file, input);
    if (unchanged) return unchanged;
    return checkInput(file, input, o.ruleset, o.named ?? false, { format, record: o.record ?? null });
  });
}
