/**
 * The spreadsheet formats units save returns in, told by their name and then by their bytes (a file's
 * extension is what a unit chose, its bytes are what it is). Pure and small: the pane's first load and
 * the command line both need it before the legacy reader (./legacy, loaded on use) is.
 */

/** xlsx covers .xlsm and any OOXML package; the others are read by ./legacy. */
export type FormatId = "xlsx" | "xls" | "et" | "ods" | "xlsb";

/** Workbooks the readers open (.xlsm: macros are never run, only cells read). */
export const READABLE = /\.(xlsx|xlsm|xls|et|ods|xlsb)$/i;

/** What the file picker and the folder walk take. */
export const ACCEPT = ".xlsx,.xlsm,.xls,.et,.ods,.xlsb";

const LABEL: Record<Exclude<FormatId, "xlsx">, { zh: string; en: string }> = {
  xls: { zh: "Excel 97–2003", en: "Excel 97–2003" },
  et: { zh: "WPS 表格 .et", en: "WPS Spreadsheets .et" },
  ods: { zh: "OpenDocument 表格", en: "OpenDocument spreadsheet" },
  xlsb: { zh: "Excel 二进制工作簿", en: "Excel binary workbook" },
};

/** The format a name says, or null for a name no reader takes. */
export function formatOfName(name: string): FormatId | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  return ext === "xls" || ext === "et" || ext === "ods" || ext === "xlsb" ? ext : null;
}

export function formatLabel(id: FormatId, lang: "zh" | "en"): string | null {
  return id === "xlsx" ? null : LABEL[id][lang];
}

/** `市审计局.xls（Excel 97–2003）`: a file named with the format it was read as (.xlsx files as they are). */
export function withFormat(file: string, id: FormatId | undefined, lang: "zh" | "en"): string {
  const label = id ? formatLabel(id, lang) : null;
  if (!label) return file;
  return lang === "zh" ? `${file}（${label}）` : `${file} (${label})`;
}

export type Container = "zip" | "cfb" | "other";

/** What the bytes are: a zip (OOXML, .ods, .xlsb), an OLE compound file (.xls, .et, encrypted OOXML) or neither. */
export function containerOf(bytes: Uint8Array): Container {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return "zip";
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && cfb.every((b, i) => bytes[i] === b)) return "cfb";
  return "other";
}
