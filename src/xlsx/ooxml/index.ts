/**
 * .xlsx bytes to the engine's WorkbookInput: fflate for the zip, saxes for the XML, nothing held but
 * the cells present. Pure (no file system), for the command line and the browser alike.
 */
import type { WorkbookInput } from "../../engine";
import { DEFAULT_LIMITS, Package, type ReadLimits } from "./package";
import { readSheet } from "./sheet";
import { UnusableFile } from "./unusable";
import { readWorkbookParts } from "./workbook";

export { DEFAULT_LIMITS, sniff, type ReadLimits } from "./package";
export { UnusableFile } from "./unusable";

export function readWorkbookBytes(
  bytes: Uint8Array,
  year?: number,
  limits: ReadLimits = DEFAULT_LIMITS,
): WorkbookInput {
  const pkg = Package.open(bytes, limits);
  const parts = readWorkbookParts(pkg);
  if (parts.sheets.length === 0)
    throw new UnusableFile("不是有效的 xlsx 工作簿（没有工作表）", "not a valid xlsx workbook (no sheets)");
  const count = { cells: 0 };
  const sheets = parts.sheets.map((entry) => {
    const xml = pkg.bytesOf(entry.part);
    // A sheet listed but absent from the package reads as empty, as Excel repairs it.
    return xml
      ? readSheet(xml, entry, parts, limits, count)
      : { name: entry.name, values: [], merges: [], hidden: entry.hidden };
  });
  return { sheets, year };
}
