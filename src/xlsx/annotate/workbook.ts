/**
 * The 校验意见 sheet put first in the unit's workbook: its part, relationship and content type, its <sheet>
 * at the head of <sheets>, and what counts sheets by position moved along one — the local defined names
 * (print titles, filters) and the active tab, which stays the unit's (a second selected tab would group
 * the sheets, and a unit's edit would go into both).
 */
import { attr, escapeXml, sheetsOf, type Parts } from "../parts";
import { xmlText } from "../xml-text";
import { addRelationship, CT, declare, freePart, REL } from "./package";
import { rootPrefix } from "./xml-scan";

const WORKBOOK = "xl/workbook.xml";

/** The schema's order of CT_Workbook's children. */
const AFTER_SHEETS = ["functionGroups", "externalReferences"];

/** "校验意见", or "校验意见 (2)" … when the workbook has a sheet of that name. */
export function freeSheetName(parts: Parts, wanted: string): string {
  const taken = new Set(sheetsOf(parts).map((s) => s.name.toLowerCase()));
  if (!taken.has(xmlText(wanted).toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(xmlText(`${wanted} (${i})`).toLowerCase())) return `${wanted} (${i})`;
}

export function addFirstSheet(parts: Parts, name: string, xml: string, filter: string | null): void {
  const part = freePart(parts, "xl/worksheets/sheet", ".xml");
  parts.set(part, xml);
  declare(parts, { part }, `${CT}.spreadsheetml.worksheet+xml`);
  const id = addRelationship(parts, WORKBOOK, `${REL}/worksheet`, part);
  let wb = parts.text(WORKBOOK) ?? "";
  const p = rootPrefix(wb, "workbook");
  const ids = [...wb.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => Number(attr(m[0], "sheetId")) || 0);
  // The prefix the workbook binds to the relationships namespace (r: nearly always).
  const rPrefix = new RegExp(`xmlns:([\\w.-]+)="${REL}"`).exec(wb)?.[1];
  const rid = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${REL}" r:id="${id}"`;
  const sheet = `<${p}sheet name="${escapeXml(xmlText(name))}" sheetId="${Math.max(0, ...ids) + 1}" ${rid}/>`;
  const open = new RegExp(`<${p}sheets\\b[^>]*>`).exec(wb);
  if (!open) throw new Error("workbook without sheets");
  wb = wb.slice(0, open.index + open[0].length) + sheet + wb.slice(open.index + open[0].length);
  // Every position one further: local names and the views' tabs.
  wb = wb.replace(
    /(<(?:[\w.-]+:)?definedName\b[^>]*\slocalSheetId=")(\d+)"/g,
    (_, a: string, n: string) => `${a}${Number(n) + 1}"`,
  );
  wb = moveTabs(wb, p);
  if (filter) wb = addFilterName(wb, p, name, filter);
  parts.set(WORKBOOK, wb);
}

function moveTabs(wb: string, p: string): string {
  const view = new RegExp(`<${p}workbookView\\b[^>]*?(/?)>`).exec(wb);
  if (!view) {
    // No view: the first tab was the active one; it stays so, one further along.
    const at = wb.search(new RegExp(`<${p}sheets\\b`));
    return wb.slice(0, at) + `<${p}bookViews><${p}workbookView activeTab="1"/></${p}bookViews>` + wb.slice(at);
  }
  let tag = view[0];
  const active = attr(tag, "activeTab");
  tag =
    active === null
      ? tag.replace(/^(<[\w.:-]+)/, '$1 activeTab="1"')
      : tag.replace(/\sactiveTab="\d+"/, ` activeTab="${Number(active) + 1}"`);
  const first = attr(tag, "firstSheet");
  if (first !== null && Number(first) > 0)
    tag = tag.replace(/\sfirstSheet="\d+"/, ` firstSheet="${Number(first) + 1}"`);
  return wb.slice(0, view.index) + tag + wb.slice(view.index + view[0].length);
}

/** The hidden _xlnm._FilterDatabase Excel keeps for a sheet's autofilter (our sheet is at position 0). */
function addFilterName(wb: string, p: string, sheet: string, ref: string): string {
  const abs = ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const quoted = `'${xmlText(sheet).replace(/'/g, "''")}'`;
  const name = `<${p}definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(`${quoted}!${abs}`)}</${p}definedName>`;
  const close = wb.indexOf(`</${p}definedNames>`);
  if (close >= 0) return wb.slice(0, close) + name + wb.slice(close);
  const empty = new RegExp(`<${p}definedNames\\s*/>`).exec(wb);
  if (empty)
    return (
      wb.slice(0, empty.index) +
      `<${p}definedNames>${name}</${p}definedNames>` +
      wb.slice(empty.index + empty[0].length)
    );
  // After </sheets> and whatever the schema puts between it and definedNames.
  let at = wb.indexOf(`</${p}sheets>`) + `</${p}sheets>`.length;
  for (const el of AFTER_SHEETS) {
    const self = new RegExp(`<${p}${el}\\b[^>]*/>`).exec(wb);
    const end = wb.indexOf(`</${p}${el}>`);
    if (end >= 0) at = Math.max(at, end + `</${p}${el}>`.length);
    else if (self) at = Math.max(at, self.index + self[0].length);
  }
  return wb.slice(0, at) + `<${p}definedNames>${name}</${p}definedNames>` + wb.slice(at);
}
