/**
 * .xlsx bytes to the engine's WorkbookInput: fflate for the zip, saxes for the XML, nothing held but
 * the cells present, within the budgets of ./limits whatever the file. Pure (no file system), for the
 * command line and the browser alike.
 */
import type { WorkbookInput } from "../../engine";
import { Budget } from "./budget";
import { limitsOf, type ReadLimits } from "./limits";
import { Package } from "./package";
import { readSheet } from "./sheet";
import { UnusableFile } from "./unusable";
import { readWorkbookParts } from "./workbook";

export { DEFAULT_LIMITS, type ReadLimits } from "./limits";
export { sniff } from "./package";
export { UnusableFile } from "./unusable";

export function readWorkbookBytes(bytes: Uint8Array, year?: number, limits: Partial<ReadLimits> = {}): WorkbookInput {
  const budget = new Budget(limitsOf(limits));
  const pkg = Package.open(bytes, budget.limits);
  const parts = readWorkbookParts(pkg, budget);
  if (parts.sheets.length === 0)
    throw new UnusableFile("不是有效的 xlsx 工作簿（没有工作表）", "not a valid xlsx workbook (no sheets)");
  const sheets = parts.sheets.map(
    (entry) =>
      // A sheet listed but absent from the package reads as empty, as Excel repairs it.
      readSheet(pkg, entry, parts, budget) ?? { name: entry.name, values: [], merges: [], hidden: entry.hidden },
  );
  return { sheets, year };
}
