/**
 * What the copy adds to the unit's styles.xml, appended so every index the unit's cells use stays put:
 * three differential formats (the light fills of the marked cells, by severity) and the few cell formats
 * the 校验意见 sheet needs. Counts are updated; nothing else is rewritten.
 */
import type { Severity } from "../../engine";
import type { Parts } from "../parts";
import { addRelationship, CT, declare, REL, relationships } from "./package";
import { rootPrefix } from "./xml-scan";

/** Light fills (ARGB): the pane's mark colours, paler. */
export const FILLS: Record<Severity, string> = { error: "FFFDE7E9", warning: "FFFFF4CE", info: "FFDEECF9" };

export interface AddedStyles {
  dxf: Record<Severity, number>;
  /** Cell formats of the 校验意见 sheet. */
  xf: { title: number; label: number; header: number; wrap: number; link: number } & Record<Severity, number>;
}

const STYLES_TYPE = `${CT}.spreadsheetml.styles+xml`;

/** A minimal stylesheet for a package that has none (Excel always writes one; some tools do not). */
const EMPTY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The styles part of the workbook, made when missing. */
function stylesPart(parts: Parts): string {
  const found = relationships(parts, "xl/workbook.xml").find((r) => r.type === `${REL}/styles`);
  if (found) return found.part;
  parts.set("xl/styles.xml", EMPTY);
  addRelationship(parts, "xl/workbook.xml", `${REL}/styles`, "xl/styles.xml");
  declare(parts, { part: "xl/styles.xml" }, STYLES_TYPE);
  return "xl/styles.xml";
}

/** The schema's order of CT_Stylesheet's children. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Appends `items` to the list element `name` (made where the schema puts it); returns the first new index. */
function append(xml: string, p: string, name: string, items: string[]): { xml: string; first: number } {
  const open = new RegExp(`<${p}${name}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) {
    // Before the first element the schema puts after this one.
    const later = ORDER.slice(ORDER.indexOf(name) + 1)
      .map((n) => xml.search(new RegExp(`<${p}${n}[\\s>/]`)))
      .filter((i) => i >= 0);
    const at = later.length ? Math.min(...later) : xml.search(new RegExp(`</${p}styleSheet>`));
    const list = `<${p}${name} count="${items.length}">${items.join("")}</${p}${name}>`;
    return { xml: xml.slice(0, at) + list + xml.slice(at), first: 0 };
  }
  const closeTag = `</${p}${name}>`;
  const body = open[2] ? "" : xml.slice(open.index + open[0].length, xml.indexOf(closeTag, open.index));
  const child = name === "cellXfs" || name === "cellStyleXfs" ? "xf" : name.slice(0, -1);
  const count = (body.match(new RegExp(`<${p}${child}[\\s>/]`, "g")) ?? []).length;
  const attrs = open[1].replace(/\scount="\d*"/, "");
  const head = `<${p}${name}${attrs} count="${count + items.length}">`;
  const rest = open[2] ? xml.slice(open.index + open[0].length) : xml.slice(xml.indexOf(closeTag, open.index));
  return {
    xml: xml.slice(0, open.index) + head + body + items.join("") + (open[2] ? closeTag : "") + rest,
    first: count,
  };
}

export function addStyles(parts: Parts): AddedStyles {
  const name = stylesPart(parts);
  let xml = parts.text(name) ?? EMPTY;
  const p = rootPrefix(xml, "styleSheet");
  const solid = (argb: string) =>
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill>`;
  const sev: Severity[] = ["error", "warning", "info"];

  const dxfs = append(
    xml,
    p,
    "dxfs",
    sev.map((s) => `<${p}dxf>${solid(FILLS[s])}</${p}dxf>`),
  );
  xml = dxfs.xml;
  const fonts = append(xml, p, "fonts", [
    `<${p}font><${p}b/><${p}sz val="14"/></${p}font>`,
    `<${p}font><${p}b/><${p}sz val="11"/></${p}font>`,
    `<${p}font><${p}u/><${p}sz val="11"/><${p}color rgb="FF0563C1"/></${p}font>`,
  ]);
  xml = fonts.xml;
  const fills = append(xml, p, "fills", [solid("FFF3F2F1"), ...sev.map((s) => solid(FILLS[s]))]);
  xml = fills.xml;
  const [big, bold, link] = [0, 1, 2].map((i) => fonts.first + i);
  const [grey, ...sevFill] = [0, 1, 2, 3].map((i) => fills.first + i);
  const top = `<${p}alignment vertical="top" wrapText="1"/>`;
  const xf = (font: number, fill: number, align = "") =>
    `<${p}xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" applyFont="1" applyFill="1"${align ? ' applyAlignment="1">' + align + `</${p}xf>` : "/>"}`;
  const xfs = append(xml, p, "cellXfs", [
    xf(big, 0),
    xf(bold, 0),
    xf(bold, grey, top),
    xf(0, 0, top),
    xf(link, 0, top),
    ...sevFill.map((f) => xf(0, f, top)),
  ]);
  parts.set(name, xfs.xml);
  const at = (i: number) => xfs.first + i;
  return {
    dxf: { error: dxfs.first, warning: dxfs.first + 1, info: dxfs.first + 2 },
    xf: {
      title: at(0),
      label: at(1),
      header: at(2),
      wrap: at(3),
      link: at(4),
      error: at(5),
      warning: at(6),
      info: at(7),
    },
  };
}
