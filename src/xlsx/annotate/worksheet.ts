/**
 * A unit's worksheet, patched: conditional formats that fill the cells with findings (light, by severity)
 * and a legacyDrawing naming the notes' VML — both added where the schema puts them, nothing else changed.
 * The rule's formula says whose it is, so the fills can be found again (and cleared in Excel like any rule).
 */
import type { Severity } from "../../engine";
import { childrenFrom, insertionPoint, rootPrefix } from "./xml-scan";
import { REL } from "./package";

/** Always true, and ours: N() of text is 0. */
export const MARK_FORMULA = 'N("kaohe 校验意见")=0';
const MARK_XML = "N(&quot;kaohe 校验意见&quot;)=0";

const ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Excel wraps controls and OLE objects in mc:AlternateContent: it stands where they would. */
const orderOf = (name: string) => (name === "AlternateContent" ? "oleObjects" : name);

/** Cells per conditional format: a short sqref each, as Excel itself writes them. */
const CHUNK = 200;

export interface SheetMarks {
  cells: Record<Severity, string[]>;
  dxf: Record<Severity, number>;
  /** The relationship Id of a VML part to name in a new legacyDrawing, or null when the sheet has one. */
  legacyDrawing: string | null;
}

function highestPriority(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/\spriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Where the root's children after sheetData start. */
function afterSheetData(xml: string, p: string): number {
  const selfClosing = new RegExp(`<${p}sheetData\\s*/>`).exec(xml);
  if (selfClosing) return selfClosing.index + selfClosing[0].length;
  const close = xml.lastIndexOf(`</${p}sheetData>`);
  return close < 0 ? -1 : close + `</${p}sheetData>`.length;
}

export function markSheet(xml: string, marks: SheetMarks): string {
  const p = rootPrefix(xml, "worksheet");
  const from = afterSheetData(xml, p);
  if (from < 0) throw new Error("worksheet without sheetData");
  let priority = highestPriority(xml);
  let cf = "";
  for (const sev of ["error", "warning", "info"] as Severity[]) {
    const cells = marks.cells[sev];
    for (let i = 0; i < cells.length; i += CHUNK)
      cf +=
        `<${p}conditionalFormatting sqref="${cells.slice(i, i + CHUNK).join(" ")}">` +
        `<${p}cfRule type="expression" dxfId="${marks.dxf[sev]}" priority="${++priority}">` +
        `<${p}formula>${MARK_XML}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
  }
  const legacy = marks.legacyDrawing ? `<${p}legacyDrawing xmlns:r="${REL}" r:id="${marks.legacyDrawing}"/>` : "";
  const order = ORDER;
  const insert: { at: number; rank: number; text: string }[] = [];
  const { children, rootEnd } = childrenFrom(xml, from);
  const named = children.map((c) => ({ ...c, name: orderOf(c.name) }));
  if (cf) insert.push({ at: insertionPoint(named, rootEnd, order, "conditionalFormatting"), rank: 0, text: cf });
  if (legacy) insert.push({ at: insertionPoint(named, rootEnd, order, "legacyDrawing"), rank: 1, text: legacy });
  // From the end backwards (at one place, the later element first), so that earlier positions hold.
  insert.sort((a, b) => b.at - a.at || b.rank - a.rank);
  let out = xml;
  for (const i of insert) out = out.slice(0, i.at) + i.text + out.slice(i.at);
  return out;
}

/** The sheet's own legacyDrawing's relationship Id, if it has one (its notes or form controls). */
export function legacyDrawingId(xml: string): string | null {
  // It follows sheetData: the cells are never searched.
  const end = xml.lastIndexOf("sheetData");
  const m = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*?\s[\w.-]+:id="([^"]*)"/.exec(end < 0 ? xml : xml.slice(end));
  return m ? m[1] : null;
}
