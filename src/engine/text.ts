/**
 * Text as people type it: full-width ASCII, ideographic spaces, stray blanks.
 * Every comparison of user text in the engine goes through `fold`.
 */

/** Full-width ASCII (！…～) to half-width, all white space removed. */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) continue;
    else out += text[i];
  }
  return out;
}

/** A cell's value as trimmed display text ("" for blank). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Key under which units are matched across sheets. */
export function unitKey(name: string): string {
  let k = UNIT_KEYS.get(name);
  if (k === undefined) {
    k = fold(name).toUpperCase();
    if (UNIT_KEYS.size > 100000) UNIT_KEYS.clear();
    UNIT_KEYS.set(name, k);
  }
  return k;
}
const UNIT_KEYS = new Map<string, string>();

/**
 * What a reader puts in a cell whose text the file lacks (a shared string index beyond the table): shown
 * like an error value and read like one — unknown (D09), never blank.
 */
export const MISSING_STRING = "#STRING?";

/** Excel's error values, as `range.values` and ExcelJS report them (and MISSING_STRING). */
export function isErrorValue(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.charCodeAt(0) === 35 /* # */ &&
    /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|STRING\?)$/.test(
      value,
    )
  );
}
