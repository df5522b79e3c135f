/** Dates as number formats show them: shared by the file reader (ooxml/) and the Excel adapter (hosts/excel). */

/** Mac workbooks count days from 1904-01-01: their serials are this many days below Excel's usual ones. */
export const DAYS_1904 = 1462;

/** A custom format shows a date when, outside quotes, escapes and [colour] brackets, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[dmyhs年月日]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}
