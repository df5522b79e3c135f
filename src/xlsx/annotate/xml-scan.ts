/**
 * Just enough of an XML scanner to patch a part in place: the root element's prefix, and the children
 * of the root from a point on (a worksheet's tail after its sheetData), with where each starts and ends.
 * Attribute values may hold ">" (XML allows it), so tags are matched with their quoted attributes.
 */

export interface Child {
  /** The local name (prefix dropped). */
  name: string;
  start: number;
  end: number;
}

const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([\w.:-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/** "x:" for <x:worksheet …>, "" for a root in the default namespace. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The root's children from `from` (a point directly inside the root) up to the root's end tag. */
export function childrenFrom(xml: string, from: number): { children: Child[]; rootEnd: number } {
  const children: Child[] = [];
  let depth = 1;
  let open: Child | null = null;
  TAG.lastIndex = from;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[2] === undefined) continue; // a comment, processing instruction or CDATA
    const local = m[2].slice(m[2].indexOf(":") + 1);
    if (m[1]) {
      depth--;
      if (depth === 0) return { children, rootEnd: m.index };
      if (depth === 1 && open) {
        open.end = m.index + m[0].length;
        children.push(open);
        open = null;
      }
    } else if (m[4]) {
      if (depth === 1) children.push({ name: local, start: m.index, end: m.index + m[0].length });
    } else {
      if (depth === 1) open = { name: local, start: m.index, end: -1 };
      depth++;
    }
  }
  return { children, rootEnd: xml.length };
}

/** Where an element belongs among siblings in a schema sequence: before the first later one. */
export function insertionPoint(children: Child[], rootEnd: number, order: string[], name: string): number {
  const rank = (n: string) => {
    const i = order.indexOf(n);
    return i < 0 ? order.length : i;
  };
  const mine = rank(name);
  const later = children.find((c) => rank(c.name) > mine);
  return later ? later.start : rootEnd;
}
