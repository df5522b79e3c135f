/** Turns the paths given on the command line into the .xlsx files to check, folders searched. */
import { promises as fs } from "fs";
import * as path from "path";

export interface InputFile {
  /** The path as the user gave it, or as found under a folder they gave. */
  file: string;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    // ~$name.xlsx is Excel's lock file for an open workbook, not a workbook.
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
  }
}

export async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) await walk(p, files);
    else files.push(p); // a missing or odd file is reported when it is read
  }
  return files;
}
