/**
 * A written package opened for finishing: parts by name, the few changed ones as text, the rest copied
 * compressed. Zip folder entries (`xl/`, `_rels/`) are not parts: they are left out (Excel has no use for
 * them and some validators refuse them).
 */
import { strFromU8, strToU8 } from "fflate";
import { entryOf, inflateEntry, readZip, writeZip, type Deflate, type ZipEntry } from "./zip";
import { resolvePart } from "./part-name";

export class Parts {
  private readonly entries: Map<string, ZipEntry>;
  private readonly changed = new Map<string, string>();

  private constructor(entries: ZipEntry[]) {
    this.entries = new Map(entries.filter((e) => !e.name.endsWith("/")).map((e) => [e.name, e]));
  }

  static read(bytes: Uint8Array): Parts {
    return new Parts(readZip(bytes));
  }

  has(name: string): boolean {
    return this.changed.has(name) || this.entries.has(name);
  }

  names(): string[] {
    return [...new Set([...this.entries.keys(), ...this.changed.keys()])];
  }

  text(name: string): string | null {
    const changed = this.changed.get(name);
    if (changed !== undefined) return changed;
    const e = this.entries.get(name);
    return e ? strFromU8(inflateEntry(e)) : null;
  }

  set(name: string, xml: string): void {
    this.changed.set(name, xml);
  }

  remove(name: string): void {
    this.entries.delete(name);
    this.changed.delete(name);
  }

  write(deflate?: Deflate): Uint8Array {
    const out: ZipEntry[] = [];
    for (const name of this.names()) {
      const xml = this.changed.get(name);
      out.push(xml === undefined ? this.entries.get(name)! : entryOf(name, strToU8(xml), deflate));
    }
    return writeZip(out);
  }
}

/** A part's relationships part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The text of an attribute in one start tag, entities decoded. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]) : null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!,
  );
}

/** & < > " escaped for element text and attribute values written by hand (after xmlText). */
export const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The workbook's sheets in order, each with its part. */
export function sheetsOf(parts: Parts): { name: string; part: string }[] {
  const wb = parts.text("xl/workbook.xml") ?? "";
  const rels = parts.text("xl/_rels/workbook.xml.rels") ?? "";
  const target = new Map<string, string>();
  for (const tag of rels.match(/<([\w.-]+:)?Relationship\b[^>]*>/g) ?? [])
    target.set(attr(tag, "Id") ?? "", resolvePart("xl/workbook.xml", attr(tag, "Target") ?? ""));
  return (wb.match(/<([\w.-]+:)?sheet\b[^>]*>/g) ?? []).map((tag) => ({
    name: attr(tag, "name") ?? "",
    part: target.get(attr(tag, "r:id") ?? "") ?? "",
  }));
}
