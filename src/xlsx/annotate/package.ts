/** Relationships, content types and new part names in a package being patched (xlsx/parts.ts). */
import { attr, escapeXml, relsOf, type Parts } from "../parts";
import { resolvePart } from "../part-name";
import { xmlAttr } from "../xml-text";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CT = "application/vnd.openxmlformats-officedocument";

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name, resolved ("xl/comments1.xml"); "" for an external target. */
  part: string;
}

/** `to` relative to the folder of `from`: "xl/worksheets/sheet1.xml" → "xl/comments1.xml" is "../comments1.xml". */
export function relative(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export function relationships(parts: Parts, source: string): Relationship[] {
  const xml = parts.text(relsOf(source)) ?? "";
  return (xml.match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? []).map((tag) => ({
    id: attr(tag, "Id") ?? "",
    type: attr(tag, "Type") ?? "",
    part: attr(tag, "TargetMode") === "External" ? "" : resolvePart(source, attr(tag, "Target") ?? ""),
  }));
}

/** Adds a relationship from `source` to `part`; returns its new Id. */
export function addRelationship(parts: Parts, source: string, type: string, part: string): string {
  const name = relsOf(source);
  const xml =
    parts.text(name) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const taken = new Set(relationships(parts, source).map((r) => r.id));
  let n = 1;
  while (taken.has(`rIdKaohe${n}`)) n++;
  const id = `rIdKaohe${n}`;
  const end = /<\/([\w.-]+:)?Relationships>\s*$/.exec(xml);
  const prefix = end?.[1] ?? "";
  const rel = `<${prefix}Relationship Id="${id}" Type="${type}" Target="${xmlAttr(relative(source, part))}"/>`;
  parts.set(name, end ? xml.slice(0, end.index) + rel + xml.slice(end.index) : xml);
  return id;
}

/** Declares a part's content type (an Override), or an extension's (a Default) when not yet there. */
export function declare(parts: Parts, how: { part: string } | { extension: string }, type: string): void {
  const xml = parts.text("[Content_Types].xml") ?? "";
  const end = /<\/([\w.-]+:)?Types>\s*$/.exec(xml);
  if (!end) return;
  const p = end[1] ?? "";
  let add: string;
  if ("part" in how) {
    if (new RegExp(`PartName="/${escapeRegExp(escapeXml(how.part))}"`, "i").test(xml)) return;
    add = `<${p}Override PartName="/${escapeXml(how.part)}" ContentType="${type}"/>`;
  } else {
    if (new RegExp(`Extension="${how.extension}"`, "i").test(xml)) return;
    add = `<${p}Default Extension="${how.extension}" ContentType="${type}"/>`;
  }
  parts.set("[Content_Types].xml", xml.slice(0, end.index) + add + xml.slice(end.index));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The first free name `${stem}${n}${ext}` (case-insensitive, as OPC compares part names). */
export function freePart(parts: Parts, stem: string, ext: string): string {
  const taken = new Set(parts.names().map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}${ext}`.toLowerCase())) return `${stem}${n}${ext}`;
}
