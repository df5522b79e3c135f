/**
 * Files the command line writes (--report, --out): never one of its inputs, and never half-written.
 * A workbook is written to a temporary file beside the target, then renamed into place.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Lang } from "./format";

/** The path with every symlink followed; for a file not there yet, its folder's real path + its name. */
export async function realPath(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    const dir = await fs.realpath(path.dirname(p)).catch(() => path.resolve(path.dirname(p)));
    return path.join(dir, path.basename(p));
  }
}

export class OutputRefused extends Error {}

/** Why `out` may not be written: it is the input `input` (the words of checkOutput's refusal). */
export function refusal(option: string, out: string, input: string, lang: Lang): string {
  return lang === "zh"
    ? `${option} 「${out}」就是输入文件「${input}」，不会覆盖输入；请换一个文件名`
    : `${option} "${out}" is the input file "${input}"; an input is never overwritten: choose another name`;
}

/**
 * Refuses an output that is one of the inputs (symlinks followed, files found in folders included);
 * returns the line to say when it replaces an existing file.
 */
export async function checkOutput(option: string, out: string, inputs: string[], lang: Lang): Promise<string | null> {
  const target = await realPath(out);
  for (const input of inputs) {
    if ((await realPath(input)) !== target) continue;
    throw new OutputRefused(refusal(option, out, input, lang));
  }
  const exists = await fs.stat(target).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) return null;
  return lang === "zh" ? `将替换已有文件「${out}」` : `replacing the existing file "${out}"`;
}

/** Writes through a temporary file in the target's folder, renamed over the target when complete. */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
