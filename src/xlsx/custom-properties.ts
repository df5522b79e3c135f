/**
 * Our marks in a package's custom document properties (docProps/custom.xml): what kind of output kaohe
 * wrote (KaoheOutput), and for an annotated copy the digest of the unit's data it carries (KaoheData) —
 * `kaohe merge` passes over a copy whose data is still the digest's and takes one the unit has corrected.
 * Properties already there (the unit's own) are kept; an earlier mark of ours is replaced, not doubled.
 */
import { escapeXml, type Parts } from "./parts";
import { DATA_PROPERTY, OUTPUT_PROPERTY, type OutputKind } from "./output-kind";
import { addRelationship, CT, declare, relationships } from "./annotate/package";
import { rootPrefix } from "./annotate/xml-scan";

const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
const CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
const CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";

/** KaoheOutput = kind (and KaoheData = digest for an annotated copy). */
export function markOutput(parts: Parts, kind: OutputKind, digest?: string): void {
  setCustomProperties(parts, [
    [OUTPUT_PROPERTY, kind],
    ...(digest !== undefined ? [[DATA_PROPERTY, digest] as const] : []),
  ]);
}

function setCustomProperties(parts: Parts, entries: readonly (readonly [string, string])[]): void {
  let name = relationships(parts, "").find((r) => r.type === CUSTOM_REL)?.part;
  if (!name) {
    name = "docProps/custom.xml";
    parts.set(
      name,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT}"></Properties>`,
    );
    addRelationship(parts, "", CUSTOM_REL, name);
    declare(parts, { part: name }, `${CT}.custom-properties+xml`);
  }
  let xml = parts.text(name) ?? "";
  const p = rootPrefix(xml, "Properties");
  const root = /<([\w.-]+:)?Properties\b[^>]*>/.exec(xml)?.[0] ?? "";
  const declared = new RegExp(`xmlns:([\\w.-]+)="${VT}"`).exec(root)?.[1];
  const vt = declared ?? "vt";
  // The value types' namespace on each property only where the root does not declare it already.
  const vtNs = declared ? "" : ` xmlns:${vt}="${VT}"`;
  let pid = 1;
  for (const m of xml.matchAll(/\spid="(\d+)"/g)) pid = Math.max(pid, Number(m[1]));
  for (const [key, value] of entries) {
    xml = xml.replace(new RegExp(`<${p}property\\b[^>]*\\sname="${key}"[\\s\\S]*?</${p}property>`), "");
    const end = xml.lastIndexOf(`</${p}Properties>`);
    const prop =
      `<${p}property fmtid="${FMTID}" pid="${++pid}" name="${key}"${vtNs}>` +
      `<${vt}:lpwstr>${escapeXml(value)}</${vt}:lpwstr></${p}property>`;
    xml = end < 0 ? xml : xml.slice(0, end) + prop + xml.slice(end);
  }
  parts.set(name, xml);
}
