/** The copy's file name: 原名（校验意见）.xlsx — a macro-enabled workbook keeps .xlsm; never doubled on a copy of a copy. */
const SUFFIX = "（校验意见）";

export function annotatedName(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const m = /^(.*?)(\.xlsx|\.xlsm)?$/i.exec(base)!;
  const stem = m[1].endsWith(SUFFIX) ? m[1].slice(0, -SUFFIX.length) : m[1];
  return `${stem}${SUFFIX}${m[2] ?? ".xlsx"}`;
}

/**
 * Notes are added by patching an OOXML package; a return read from .xls, .et, .ods or .xlsb has none to
 * patch, and rewriting it in another format would lose what our reader does not model. Said, not made.
 */
export function notAnnotatable(file: string, format: string | undefined): { zh: string; en: string } | null {
  if (format === undefined || format === "xlsx") return null;
  const ext = /\.[^.\\/]*$/.exec(file)?.[0] ?? `.${format}`;
  return {
    zh: `${ext} 文件未制作退回修改件：批注只能加在 .xlsx/.xlsm 中（原文件不改写）。请把校验报告发给该单位，或请其另存为 .xlsx 后再报送`,
    en: `no annotated copy of a ${ext} file: notes can only be added to .xlsx/.xlsm (the original is never rewritten). Send the unit the check report, or ask it to save as .xlsx and return it again`,
  };
}
