/**
 * The workbook's date system. A workbook made on a Mac may count days from 1904: its date serials are
 * 1,462 below the usual ones, and the engine reads serials in the 1900 system, as `kaohe check` hands them
 * over after converting (src/xlsx/ooxml). Office.js has no released property for it: Workbook
 * .use1904DateSystem is a preview API only (not in @types/office-js or the office.js we ship), and neither
 * Workbook.properties nor Application says it. Excel's worksheet functions do follow it — Functions.date
 * (ExcelApi 1.2) takes a year "from 1900 or 1904 (depending on the workbook's date system)" — so DATE(1904,1,1)
 * is asked: 0 in a 1904 workbook, 1462 in a 1900 one. Anything else: unknown, and the pane says so.
 */
import { DAYS_1904, isDateFormat } from "../../xlsx/date-format";
import type { Said } from "../../ui/environment";

/** Queues the question; the answer reads after the next sync: true (1904), false (1900) or null (unknown). */
export function askDateSystem(context: Excel.RequestContext): () => boolean | null {
  const r = context.workbook.functions.date(1904, 1, 1);
  r.load("value,error");
  return () => {
    if (r.error) return null;
    return r.value === 0 ? true : r.value === DAYS_1904 ? false : null;
  };
}

/** Date cells of a 1904 workbook brought to the 1900 serials the engine reads (what the file reader does). */
export function shiftDates(values: unknown[][], formats: unknown[][]): void {
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const f = formats[r]?.[c];
      if (typeof row[c] === "number" && typeof f === "string" && isDateFormat(f))
        row[c] = (row[c] as number) + DAYS_1904;
    }
  }
}

export const UNKNOWN_DATE_SYSTEM: Said = {
  zh: "Excel 未能告知本工作簿的日期系统（1900 或 1904），日期按 1900 日期系统读取：如果工作簿来自 Mac 且日期差了 4 年，请在「Excel 选项 → 高级」中查看「使用 1904 日期系统」。",
  en: "Excel did not tell this workbook's date system (1900 or 1904); dates are read in the 1900 system. If the workbook comes from a Mac and dates are 4 years off, see Excel Options → Advanced → Use 1904 date system.",
};
