/// <reference types="et-jsapi-declare" />
/**
 * What the WPS host uses of WPS's ET object model, typed by et-jsapi-declare (WPS's own declarations), and
 * the few facts the types do not carry. Sources: WPS JSAPI docs (qn.cache.wpscdn.cn, open.wps.cn) and
 * the package's lib.et.d.ts; where they are silent, the 自检 (self-test) tells on a real installation.
 */

/** The global `Application` (also `wps`) of a WPS add-in page. */
export type WpsApp = WPS.AddonRoot & WPS.EtAddonRoot & Et.Application;

/**
 * The Et enums are declared but not defined at run time (tsc would emit `Et.XlSheetVisibility…`, and no
 * global `Et` is documented): their values, as lib.et.d.ts gives them.
 */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  /** XlFormatConditionType.xlExpression */
  expression: 2,
  /** MsoFileDialogType.msoFileDialogFilePicker */
  filePicker: 3,
  /** MsoDocProperties.msoPropertyTypeString */
  propertyString: 4,
} as const;

/**
 * Range.Value2 (and Formula) of one cell is that cell's value; of a block, rows of values indexed from 0
 * (WPS's "从 Visual Basic 转到 JavaScript" guide). Always rows here; an empty cell reads as "".
 */
export function rowsOf(value: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(value)) return [[value]];
  const out = value as unknown[][];
  if (!Array.isArray(out) || out.length !== rows)
    throw new Error(`WPS gave ${describe(value)} for ${rows}×${cols} cells`);
  return out;
}

function describe(v: unknown): string {
  return Array.isArray(v) ? `${v.length} rows` : typeof v;
}

/** Colours as WPS takes them (as VBA's RGB()): red + green·256 + blue·65536. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + (n & 0xff) * 65536;
}

/** "Sheets.Item" returns a sheet or a collection of them (its index may be a list): one sheet here. */
export function sheetAt(sheets: Et.Sheets, index: number | string): Et.Worksheet {
  return sheets.Item(index) as Et.Worksheet;
}
