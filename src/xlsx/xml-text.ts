/**
 * Text on its way into a written part. XML 1.0 cannot hold C0 controls (but tab, LF, CR), U+FFFE, U+FFFF or
 * a lone surrogate — one such character makes the whole part unreadable — and returned files carry them
 * (the reader decodes Excel's `_xFFFF_`). Every writer passes each value, sheet name and meta text through
 * `xmlText` where it enters a cell; ExcelJS escapes & < > itself.
 */

/** Characters XML 1.0 forbids, lone surrogates included (a pair is one allowed character). */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- the control characters are what this finds
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A literal that Excel (and our reader) would take for an escape: its `_` is escaped in turn. */
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");

/**
 * The text as OOXML's ST_Xstring writes what XML cannot hold: `_xHHHH_` (ISO/IEC 29500-1 §22.9.2.19), which
 * Excel, LibreOffice and our reader turn back into the same characters. Plain text comes back unchanged.
 */
export function xmlText(s: string): string {
  if (s.indexOf("_x") < 0 && s.search(FORBIDDEN) < 0) return s;
  return s.replace(LOOKS_ESCAPED, "_x005F_$1").replace(FORBIDDEN, (c) => `_x${hex(c)}_`);
}

/**
 * Text for an attribute written by hand, where no `_xHHHH_` is decoded (a path, a URL): what XML cannot hold
 * becomes U+FFFD, visibly wrong rather than silently another path; & < > " ' and tab / LF / CR as references.
 */
export function xmlAttr(s: string): string {
  return s.replace(FORBIDDEN, "\uFFFD").replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Formula = { formula: string; result?: unknown };

/** A cell value for ExcelJS: strings (and a formula's text and cached result) made safe; others as they are. */
export function cellValue<T>(v: T): T {
  if (typeof v === "string") return xmlText(v) as T;
  if (v && typeof v === "object" && "formula" in (v as object)) {
    const f = v as unknown as Formula;
    return { ...f, formula: xmlText(f.formula), result: cellValue(f.result) } as T;
  }
  return v;
}
