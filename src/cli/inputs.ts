/** Turns the paths given on the command line into the workbooks to check, folders searched. */
import { promises as fs } from "fs";
import * as path from "path";
import { unusable, type Unusable } from "./per-file";

import { READABLE } from "../batch/check-one";
/** Spreadsheets a unit may return that are not OOXML: named, never silently passed over. */
const OTHER: Record<string, { zh: string; en: string }> = {
  ".xls": {
    zh: "旧版 .xls 文件，未校验：请在 Excel 或 WPS 中另存为 .xlsx",
    en: "old .xls file, not checked: save it as .xlsx in Excel or WPS",
  },
  ".et": {
    zh: "WPS 表格 .et 文件，未校验：请在 WPS 中另存为 .xlsx",
    en: "WPS .et file, not checked: save it as .xlsx in WPS",
  },
  ".xlsb": {
    zh: "二进制 .xlsb 工作簿，未校验：请另存为 .xlsx",
    en: ".xlsb binary workbook, not checked: save it as .xlsx",
  },
  ".ods": { zh: ".ods 文件，未校验：请另存为 .xlsx", en: ".ods file, not checked: save it as .xlsx" },
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

export async function expandInputs(paths: string[]): Promise<Inputs> {
  const into: Inputs = { files: [], skipped: [], emptyFolders: [] };
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) {
      if ((await walk(p, into)) === 0) into.emptyFolders.push(p);
    } else into.files.push(p); // a missing or odd file is reported when it is read
  }
  return into;
}

export function noInputsMessage(inputs: Inputs, lang: "zh" | "en"): string {
  const folders = inputs.emptyFolders
    .map((f) => (lang === "zh" ? `「${f}」` : `"${f}"`))
    .join(lang === "zh" ? "、" : ", ");
  if (lang === "zh") return folders ? `文件夹 ${folders} 中没有找到 .xlsx 工作簿` : "没有找到要校验的 .xlsx 文件";
  return folders ? `no .xlsx workbooks found in the folder ${folders}` : "no .xlsx files to check";
}
