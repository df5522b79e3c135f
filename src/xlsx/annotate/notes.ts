/**
 * Cell notes (Excel's legacy comments: a comments part for the text, a VML drawing for the boxes) added to a
 * sheet. A sheet that already has notes keeps them: ours are appended to its parts (a cell that already has
 * a note gets our text after the unit's), under an author of our own.
 */
import { escapeXml, type Parts } from "../parts";
import { xmlText } from "../xml-text";
import { addRelationship, CT, declare, freePart, REL, relationships } from "./package";
import { rootPrefix } from "./xml-scan";

export interface NoteRun {
  bold?: boolean;
  text: string;
}

export interface Note {
  /** A1 of the cell, and its 0-based row and column. */
  ref: string;
  row: number;
  col: number;
  runs: NoteRun[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const COMMENTS_TYPE = `${CT}.spreadsheetml.comments+xml`;
const VML_TYPE = `${CT}.vmlDrawing`;

/** Shape ids are unique across the workbook, in blocks of 1,024 each VML part lists in its o:idmap. */
export class ShapeIds {
  private next: number;

  constructor(parts: Parts) {
    let max = 0;
    for (const name of parts.names()) {
      if (!/\.vml$/i.test(name)) continue;
      const xml = parts.text(name) ?? "";
      for (const m of xml.matchAll(/\bdata="([^"]*)"/g))
        for (const n of m[1].split(/[\s,]+/)) if (/^\d+$/.test(n)) max = Math.max(max, Number(n));
      for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
    }
    this.next = max + 1;
  }

  /** Blocks for `n` shapes, and the ids. */
  take(n: number): { blocks: number[]; ids: number[] } {
    const blocks: number[] = [];
    const ids: number[] = [];
    while (ids.length < n) {
      const b = this.next++;
      blocks.push(b);
      for (let k = 1; k < 1024 && ids.length < n; k++) ids.push(b * 1024 + k);
    }
    return { blocks, ids };
  }
}

/** The notes' font: Excel's Tahoma for English, 宋体 (GB2312) where the text is Chinese. */
export interface NoteFont {
  name: string;
  charset?: number;
}

function runsXml(runs: NoteRun[], p: string, font: NoteFont): string {
  const face = `<${p}rFont val="${font.name}"/>${font.charset ? `<${p}charset val="${font.charset}"/>` : ""}`;
  return runs
    .map(
      (r) =>
        `<${p}r><${p}rPr>${r.bold ? `<${p}b/>` : ""}<${p}sz val="9"/><${p}color indexed="81"/>${face}</${p}rPr>` +
        `<${p}t xml:space="preserve">${escapeXml(xmlText(r.text))}</${p}t></${p}r>`,
    )
    .join("");
}

/** Adds the notes' text; returns the notes that need a box (cells that had no note). */
function addComments(parts: Parts, sheetPart: string, notes: Note[], author: string, font: NoteFont): Note[] {
  const found = relationships(parts, sheetPart).find((r) => r.type === `${REL}/comments`);
  if (!found) {
    const part = freePart(parts, "xl/comments", ".xml");
    const list = notes.map(
      (n) => `<comment ref="${n.ref}" authorId="0"><text>${runsXml(n.runs, "", font)}</text></comment>`,
    );
    parts.set(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}">` +
        `<authors><author>${escapeXml(author)}</author></authors><commentList>${list.join("")}</commentList></comments>`,
    );
    addRelationship(parts, sheetPart, `${REL}/comments`, part);
    declare(parts, { part }, COMMENTS_TYPE);
    return notes;
  }
  let xml = parts.text(found.part) ?? "";
  const p = rootPrefix(xml, "comments");
  const authors = (xml.match(new RegExp(`<${p}author[\\s>]`, "g")) ?? []).length;
  xml = xml.replace(new RegExp(`</${p}authors>`), `<${p}author>${escapeXml(author)}</${p}author>$&`);
  const fresh: Note[] = [];
  let added = "";
  for (const n of notes) {
    const own = new RegExp(`<${p}comment\\b[^>]*\\sref="${n.ref}"[\\s\\S]*?</${p}text>`).exec(xml);
    if (own) {
      // The unit's note stays as it was; ours follows it in the same box.
      const at = own.index + own[0].length - `</${p}text>`.length;
      xml = xml.slice(0, at) + runsXml([{ text: "\n\n" }, ...n.runs], p, font) + xml.slice(at);
    } else {
      fresh.push(n);
      added += `<${p}comment ref="${n.ref}" authorId="${authors}"><${p}text>${runsXml(n.runs, p, font)}</${p}text></${p}comment>`;
    }
  }
  const end = xml.lastIndexOf(`</${p}commentList>`);
  parts.set(found.part, end < 0 ? xml : xml.slice(0, end) + added + xml.slice(end));
  return fresh;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A note's box, hidden until the cell is pointed at, beside the cell and tall enough for its lines. */
function shape(n: Note, id: number): string {
  const lines = n.runs.reduce((s, r) => s + r.text.split("\n").length + Math.floor(r.text.length / 40), 0);
  const top = Math.max(0, n.row - 1);
  const anchor = [n.col + 1, 15, top, 10, n.col + 4, 15, top + Math.min(24, 2 + Math.ceil(lines * 0.9)), 4];
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;` +
    `width:200pt;height:${Math.min(360, 24 + lines * 12)}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor.join(", ")}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The notes of one sheet. `legacyDrawing` is the Id the sheet's legacyDrawing names when it has one; returns
 * the Id of a new VML part for the sheet to name, or null when the sheet's own one took the boxes.
 */
export function addNotes(
  parts: Parts,
  sheetPart: string,
  legacyDrawing: string | null,
  notes: Note[],
  ids: ShapeIds,
  author: string,
  font: NoteFont,
): string | null {
  const boxed = addComments(parts, sheetPart, notes, author, font);
  const { blocks, ids: shapeIds } = ids.take(boxed.length);
  const shapes = boxed.map((n, i) => shape(n, shapeIds[i])).join("");
  const existing = legacyDrawing
    ? relationships(parts, sheetPart).find((r) => r.id === legacyDrawing && r.type === `${REL}/vmlDrawing`)
    : undefined;
  // A legacyDrawing naming no VML part (a broken file): the notes' text stays, without boxes of ours.
  if (legacyDrawing && !existing) return null;
  if (existing) {
    let xml = parts.text(existing.part) ?? "";
    if (!boxed.length) return null;
    const idmap = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(xml);
    if (idmap) {
      const at = idmap.index + idmap[0].length - 1;
      xml = xml.slice(0, at) + (idmap[1].trim() ? "," : "") + blocks.join(",") + xml.slice(at);
    }
    const extra = (xml.includes('id="_x0000_t202"') ? "" : SHAPETYPE) + shapes;
    const end = xml.lastIndexOf("</xml>");
    parts.set(existing.part, end < 0 ? xml + extra : xml.slice(0, end) + extra + xml.slice(end));
    return null;
  }
  const part = freePart(parts, "xl/drawings/vmlDrawing", ".vml");
  parts.set(
    part,
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
      'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>` +
      SHAPETYPE +
      shapes +
      "</xml>",
  );
  declare(parts, { extension: "vml" }, VML_TYPE);
  return addRelationship(parts, sheetPart, `${REL}/vmlDrawing`, part);
}
