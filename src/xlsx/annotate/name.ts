/** The copy's file name: 原名（校验意见）.xlsx — a macro-enabled workbook keeps .xlsm; never doubled on a copy of a copy. */
const SUFFIX = "（校验意见）";

export function annotatedName(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const m = /^(.*?)(\.xlsx|\.xlsm)?$/i.exec(base)!;
  const stem = m[1].endsWith(SUFFIX) ? m[1].slice(0, -SUFFIX.length) : m[1];
  return `${stem}${SUFFIX}${m[2] ?? ".xlsx"}`;
}
