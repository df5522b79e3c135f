/**
 * An .xlsx package checked part by part as Excel would take it: Markup Compatibility applied, then every
 * XML part validated against the ISO/IEC 29500 Transitional schemas (tests/schemas/ooxml, with xmllint-wasm),
 * plus what the schemas do not say — extLst contents (x14 data bars, conditional formats, data validations),
 * Excel's limits (list literals, sheet names, defined names), relationships, content types, functions that
 * need `_xlfn.`, custom functions as Excel stores them, zip folder entries and characters XML forbids.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { XLFN_FUNCTIONS } from "./xlfn-functions";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xml: "http://www.w3.org/XML/1998/namespace",
};
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** XML 1.0's Char production: anything else makes the part unreadable. */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Excel's built-in defined names (ISO/IEC 29500-1 §18.2.5). */
const BUILTIN_NAMES = new Set([
  "_FilterDatabase",
  "Print_Area",
  "Print_Titles",
  "Criteria",
  "Extract",
  "Consolidate_Area",
  "Sheet_Title",
  "Database",
  "Auto_Open",
  "Auto_Close",
  "Auto_Activate",
  "Auto_Deactivate",
  "Recorder",
]);

export interface Inspected {
  problems: string[];
  /** The XML parts after Markup Compatibility, for the schema. */
  parts: { name: string; xml: string }[];
}

const children = (el: Element | Document, ns: string, local: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local)
      out.push(n as Element);
  return out;
};
const all = (el: Element | Document, ns: string, local: string): Element[] =>
  Array.from(el.getElementsByTagNameNS(ns, local) as unknown as ArrayLike<Element>);
const elementChildren = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};

function parse(xml: string, problems: string[], part: string): Document | null {
  let fatal: string | null = null;
  let doc: Document | null = null;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning" && !fatal) fatal = msg;
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    fatal = (e as Error).message;
  }
  if (fatal) {
    problems.push(`${part}: not well-formed XML: ${String(fatal).split("\n")[0]}`);
    return null;
  }
  return doc;
}

/**
 * Markup Compatibility (ISO/IEC 29500-3): the attributes and elements of every namespace named in
 * mc:Ignorable dropped, mc:AlternateContent replaced by its mc:Fallback. Also `xml:space` on the `t` of a
 * string (Excel writes it on every run; the schema's ST_Xstring omits it — a known erratum).
 */
function markupCompatibility(doc: Document): void {
  const ignorable = new Set<string>();
  const collect = (el: Element) => {
    const list = el.getAttributeNS(NS.mc, "Ignorable");
    if (list) for (const prefix of list.trim().split(/\s+/)) ignorable.add(el.lookupNamespaceURI(prefix) ?? prefix);
    elementChildren(el).forEach(collect);
  };
  collect(doc.documentElement!);
  const clean = (el: Element) => {
    for (const a of Array.from(el.attributes as unknown as ArrayLike<{ namespaceURI: string | null; name: string }>)) {
      const isXmlns = a.name === "xmlns" || a.name.startsWith("xmlns:");
      if (isXmlns) continue;
      if (a.namespaceURI === NS.mc || (a.namespaceURI && ignorable.has(a.namespaceURI))) el.removeAttribute(a.name);
      else if (a.namespaceURI === NS.xml && a.name === "xml:space" && el.localName === "t") el.removeAttribute(a.name);
    }
    for (const c of elementChildren(el)) {
      if (c.namespaceURI === NS.mc && c.localName === "AlternateContent") {
        const fallback = children(c, NS.mc, "Fallback")[0];
        for (const x of fallback ? Array.from(fallback.childNodes as unknown as ArrayLike<Node>) : [])
          el.insertBefore(x.cloneNode(true), c);
        el.removeChild(c);
      } else if (c.namespaceURI && ignorable.has(c.namespaceURI)) el.removeChild(c);
    }
    elementChildren(el).forEach(clean);
  };
  clean(doc.documentElement!);
}

/** Part names resolved as OPC does: relative to the source part's folder, `..` allowed. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The source part of a relationships part: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; root → "". */
function sourceOf(rels: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? m[1] + m[2] : "";
}

/** Function names called in a formula, outside its string literals. */
export function calledFunctions(formula: string): string[] {
  const names: string[] = [];
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const m of code.matchAll(
    /(^|[^A-Za-z0-9_.\\\u00c0-\uffff])([A-Za-z_\\\u00c0-\uffff][A-Za-z0-9_.\\\u00c0-\uffff]*)\s*\(/g,
  ))
    names.push(m[2]);
  return names;
}

export function formulaProblems(formula: string): string[] {
  const out: string[] = [];
  for (const name of calledFunctions(formula)) {
    const up = name.toUpperCase();
    if (up.startsWith("_XLFN.") || up.startsWith("_XLDUDF_")) continue;
    if (up.startsWith("KH."))
      out.push(
        `custom function ${name}( written bare: Excel stores it as _xldudf_KH_${up.slice(3)}( (#NAME? otherwise)`,
      );
    else if (XLFN_FUNCTIONS.has(up)) out.push(`${name}( is newer than Excel 2010 and must be written _xlfn.${up}(`);
  }
  return out;
}

/** Excel's defined-name syntax (not a cell reference, no spaces, ≤ 255 characters). */
function badName(name: string): string | null {
  if (name.startsWith("_xlnm.")) return BUILTIN_NAMES.has(name.slice(6)) ? null : "unknown built-in name";
  if (name.length === 0 || name.length > 255) return "length";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return "characters";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name))
    return "looks like a cell reference";
  return null;
}

function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return `sheet name "${name}" must be 1–31 characters`;
  if (/[[\]:*?/\\]/.test(name)) return `sheet name "${name}" holds one of []:*?/\\`;
  if (name.startsWith("'") || name.endsWith("'")) return `sheet name "${name}" starts or ends with '`;
  if (name.toLowerCase() === "history") return `sheet name "History" is reserved`;
  return null;
}

const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

function listLiteralProblem(where: string, formula: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(formula.trim());
  if (!m) return null;
  const text = m[1].replace(/""/g, '"');
  return text.length > 255 ? `${where}: list literal of ${text.length} characters (Excel allows 255)` : null;
}

/** MS-XLSX 2.6.30 CT_DataBar: cfvo ×2, then fillColor?, borderColor?, negativeFillColor, negativeBorderColor?, axisColor. */
function dataBarProblem(bar: Element): string | null {
  const names = elementChildren(bar).map((c) => c.localName ?? "");
  const order = ["cfvo", "fillColor", "borderColor", "negativeFillColor", "negativeBorderColor", "axisColor"];
  const cfvos = names.filter((n) => n === "cfvo").length;
  if (cfvos !== 2) return `x14:dataBar holds ${cfvos} cfvo (2 required)`;
  for (const need of ["negativeFillColor", "axisColor"])
    if (!names.includes(need)) return `x14:dataBar lacks x14:${need} (required by MS-XLSX; Excel repairs the file)`;
  const idx = names.map((n) => order.indexOf(n));
  if (idx.some((x, i) => x < 0 || (i > 0 && x < idx[i - 1]))) return `x14:dataBar children out of order: ${names}`;
  return null;
}

function worksheetProblems(part: string, doc: Document): string[] {
  const out: string[] = [];
  const ws = doc.documentElement!;
  // Data validations: a list literal over 255 characters is refused by Excel.
  const dvs = children(ws, NS.main, "dataValidations")[0];
  if (dvs) {
    const items = children(dvs, NS.main, "dataValidation");
    if (dvs.getAttribute("count") && Number(dvs.getAttribute("count")) !== items.length)
      out.push(`${part}: dataValidations count ${dvs.getAttribute("count")} ≠ ${items.length}`);
    for (const dv of items) {
      if (dv.getAttribute("type") !== "list") continue;
      const f = children(dv, NS.main, "formula1")[0]?.textContent ?? "";
      const p = listLiteralProblem(`${part} ${dv.getAttribute("sqref")}`, f);
      if (p) out.push(p);
    }
  }
  // The extension part: x14 conditional formats (data bars) and data validations.
  const x14Rules = new Map<string, Element>();
  for (const cf of all(ws, NS.x14, "conditionalFormatting")) {
    if (!children(cf, NS.xm, "sqref")[0]?.textContent?.trim())
      out.push(`${part}: x14:conditionalFormatting without xm:sqref`);
    for (const rule of children(cf, NS.x14, "cfRule")) {
      const id = rule.getAttribute("id") ?? "";
      if (id) x14Rules.set(id, rule);
      if (rule.getAttribute("type") === "dataBar") {
        const bar = children(rule, NS.x14, "dataBar")[0];
        const p = bar ? dataBarProblem(bar) : "x14:cfRule of type dataBar without x14:dataBar";
        if (p) out.push(`${part}: ${p}`);
        if (!id) out.push(`${part}: x14 dataBar rule without an id`);
      }
    }
  }
  for (const rule of children(ws, NS.main, "conditionalFormatting").flatMap((cf) => children(cf, NS.main, "cfRule"))) {
    for (const idEl of all(rule, NS.x14, "id")) {
      const id = idEl.textContent?.trim() ?? "";
      if (!id || !x14Rules.has(id))
        out.push(`${part}: cfRule ${rule.getAttribute("type")} names x14 rule "${id}", which the sheet's extLst lacks`);
    }
    if (rule.getAttribute("type") === "dataBar" && all(rule, NS.x14, "id").length === 0)
      out.push(`${part}: a dataBar rule without its x14 extension (Excel 2010 draws it as a 2007 gradient bar)`);
  }
  for (const dvs14 of all(ws, NS.x14, "dataValidations")) {
    const items = children(dvs14, NS.x14, "dataValidation");
    if (dvs14.getAttribute("count") && Number(dvs14.getAttribute("count")) !== items.length)
      out.push(`${part}: x14:dataValidations count ≠ ${items.length}`);
    for (const dv of items) {
      if (!children(dv, NS.xm, "sqref")[0]?.textContent?.trim())
        out.push(`${part}: x14:dataValidation without xm:sqref`);
      if (dv.getAttribute("type") === "list") {
        const f = children(dv, NS.x14, "formula1")[0];
        const text = f ? children(f, NS.xm, "f")[0]?.textContent : undefined;
        if (text === undefined || text === null) out.push(`${part}: x14 list validation without x14:formula1/xm:f`);
        else {
          const p = listLiteralProblem(`${part} x14`, text);
          if (p) out.push(p);
        }
      }
    }
  }
  return out;
}

/** Every check but the schema's: problems found, and the parts to validate. */
export function inspectPackage(bytes: Uint8Array): Inspected {
  const problems: string[] = [];
  const parts: Inspected["parts"] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    return { problems: [`not a zip: ${(e as Error).message}`], parts };
  }
  const names = Object.keys(entries);
  for (const n of names) if (n.endsWith("/")) problems.push(`zero-length folder entry "${n}" in the zip`);
  const partNames = names.filter((n) => !n.endsWith("/"));
  const has = new Map(partNames.map((n) => [n.toLowerCase(), n]));
  const docs = new Map<string, Document>();
  for (const name of partNames) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const text = strFromU8(entries[name]);
    const bad = FORBIDDEN.exec(text);
    if (bad) {
      const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      problems.push(`${name}: character U+${cp} is not allowed in XML 1.0 (the part is unreadable)`);
    }
    const doc = parse(text, problems, name);
    if (!doc) continue;
    docs.set(name, doc);
  }
  // Content types: every part declared by an Override or a Default for its extension.
  const ct = docs.get("[Content_Types].xml");
  if (!ct) problems.push("[Content_Types].xml missing");
  else {
    const overrides = new Set(all(ct, NS.ct, "Override").map((o) => (o.getAttribute("PartName") ?? "").toLowerCase()));
    const defaults = new Set(all(ct, NS.ct, "Default").map((d) => (d.getAttribute("Extension") ?? "").toLowerCase()));
    for (const o of overrides) if (!has.has(o.slice(1))) problems.push(`content type Override for absent part ${o}`);
    for (const n of partNames) {
      if (n === "[Content_Types].xml") continue;
      const ext = n.includes(".") ? n.slice(n.lastIndexOf(".") + 1).toLowerCase() : "";
      if (!overrides.has("/" + n.toLowerCase()) && !defaults.has(ext)) problems.push(`${n}: no content type declared`);
    }
  }
  // Relationships: every internal target present.
  const relsOf = new Map<string, { id: string; type: string; target: string }[]>();
  for (const [name, doc] of docs) {
    if (!name.endsWith(".rels")) continue;
    const source = sourceOf(name);
    if (source && !has.has(source.toLowerCase())) problems.push(`${name}: relationships of absent part ${source}`);
    const list = all(doc, NS.rels, "Relationship").map((r) => ({
      id: r.getAttribute("Id") ?? "",
      type: r.getAttribute("Type") ?? "",
      target: r.getAttribute("TargetMode") === "External" ? "" : resolveTarget(source, r.getAttribute("Target") ?? ""),
    }));
    const ids = new Set<string>();
    for (const r of list) {
      if (ids.has(r.id)) problems.push(`${name}: relationship Id ${r.id} used twice`);
      ids.add(r.id);
      if (r.target && !has.has(r.target.toLowerCase()))
        problems.push(`${name}: ${r.id} targets absent part ${r.target}`);
    }
    relsOf.set(source, list);
  }
  // The workbook: sheet names, defined names, one hidden _xlnm._FilterDatabase per autofilter.
  const wbPart = relsOf.get("")?.find((r) => r.type === OFFICE_DOCUMENT)?.target;
  const wb = wbPart ? docs.get(wbPart) : undefined;
  if (!wbPart || !wb) problems.push("no workbook part (officeDocument relationship)");
  else {
    const wbRels = relsOf.get(wbPart) ?? [];
    const sheets = all(wb, NS.main, "sheet").map((s) => ({
      name: s.getAttribute("name") ?? "",
      part: wbRels.find((r) => r.id === s.getAttributeNS(NS.r, "id"))?.target,
      type: wbRels.find((r) => r.id === s.getAttributeNS(NS.r, "id"))?.type,
    }));
    const seen = new Set<string>();
    for (const s of sheets) {
      const p = sheetNameProblem(s.name);
      if (p) problems.push(`${wbPart}: ${p}`);
      if (seen.has(s.name.toLowerCase())) problems.push(`${wbPart}: sheet name "${s.name}" used twice`);
      seen.add(s.name.toLowerCase());
      if (!s.part) problems.push(`${wbPart}: sheet "${s.name}" has no relationship`);
    }
    const defined = all(wb, NS.main, "definedName").map((d) => ({
      name: d.getAttribute("name") ?? "",
      local: d.getAttribute("localSheetId"),
      hidden: d.getAttribute("hidden") === "1" || d.getAttribute("hidden") === "true",
      value: d.textContent ?? "",
    }));
    const scoped = new Set<string>();
    for (const d of defined) {
      const why = badName(d.name);
      if (why) problems.push(`${wbPart}: defined name "${d.name}" invalid (${why})`);
      const key = `${d.name.toLowerCase()}@${d.local ?? ""}`;
      if (scoped.has(key)) problems.push(`${wbPart}: defined name "${d.name}" twice in one scope`);
      scoped.add(key);
      if (d.local !== null && !(Number(d.local) >= 0 && Number(d.local) < sheets.length))
        problems.push(`${wbPart}: defined name "${d.name}" has localSheetId ${d.local} out of range`);
      if (!d.value.trim()) problems.push(`${wbPart}: defined name "${d.name}" is empty`);
      for (const f of formulaProblems(d.value)) problems.push(`${wbPart} defined name ${d.name}: ${f}`);
    }
    sheets.forEach((s, i) => {
      const doc = s.part && s.type === WORKSHEET ? docs.get(s.part) : undefined;
      if (!doc) return;
      problems.push(...worksheetProblems(s.part!, doc));
      const filter = children(doc.documentElement!, NS.main, "autoFilter")[0];
      if (!filter) return;
      const fdb = defined.find((d) => d.name === "_xlnm._FilterDatabase" && d.local === String(i));
      const ref = absolute(filter.getAttribute("ref") ?? "");
      if (!fdb)
        problems.push(
          `${wbPart}: sheet "${s.name}" has an autoFilter but no _xlnm._FilterDatabase (localSheetId ${i})`,
        );
      else if (!fdb.hidden || !fdb.value.endsWith(`!${ref}`))
        problems.push(
          `${wbPart}: _xlnm._FilterDatabase of "${s.name}" should be hidden and read …!${ref}: ${fdb.value}`,
        );
    });
  }
  // Formulas everywhere in SpreadsheetML parts: cells, conditional formats, validations, x14 extensions.
  for (const [name, doc] of docs) {
    if (doc.documentElement?.namespaceURI !== NS.main) continue;
    const texts = [
      ...["f", "formula", "formula1", "formula2"].flatMap((l) => all(doc, NS.main, l)),
      ...all(doc, NS.xm, "f"),
    ].map((e) => e.textContent ?? "");
    const seenHere = new Set<string>();
    for (const t of texts)
      for (const p of formulaProblems(t)) {
        if (seenHere.has(p)) continue;
        seenHere.add(p);
        problems.push(`${name}: ${p}`);
      }
  }
  for (const [name, doc] of docs) {
    markupCompatibility(doc);
    parts.push({ name, xml: new XMLSerializer().serializeToString(doc) });
  }
  return { problems, parts };
}

let schemaSet: { schema: XMLFileInfo; preload: XMLFileInfo[] } | null = null;

function loadSchemas(): { schema: XMLFileInfo; preload: XMLFileInfo[] } {
  if (schemaSet) return schemaSet;
  const root = path.join(__dirname, "..", "schemas", "ooxml");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".xsd")) files.push(p);
    }
  };
  walk(root);
  const info = (p: string) => ({
    fileName: path.relative(root, p).split(path.sep).join("/"),
    contents: readFileSync(p, "utf8"),
  });
  schemaSet = {
    schema: info(path.join(root, "all.xsd")),
    preload: files.filter((f) => path.basename(f) !== "all.xsd").map(info),
  };
  return schemaSet;
}

/**
 * Schema errors of many packages' parts in one xmllint run (the schemas are compiled once per run, which is
 * most of the time a run takes): for each package, its errors, at most `cap` distinct ones.
 */
export async function schemaErrors(packages: Inspected["parts"][], cap = 8): Promise<string[][]> {
  const { schema, preload } = loadSchemas();
  const xml: XMLFileInfo[] = [];
  const owner: { pkg: number; part: string }[] = [];
  packages.forEach((parts, pkg) =>
    parts.forEach((p) => {
      owner.push({ pkg, part: p.name });
      xml.push({ fileName: `p${owner.length - 1}.xml`, contents: p.xml });
    }),
  );
  const out: string[][] = packages.map(() => []);
  if (xml.length === 0) return out;
  const result = await validateXML({ xml, schema: [schema], preload, maxMemoryPages: 16384 });
  const seen = packages.map(() => new Set<string>());
  for (const e of result.errors) {
    const m = /^p(\d+)\.xml$/.exec(e.loc?.fileName ?? "");
    const o = m ? owner[Number(m[1])] : undefined;
    const pkg = o?.pkg ?? 0;
    const text = `${o?.part ?? "?"}: ${e.message.replace(/\{[^}]*\}/g, "").trim()}`;
    if (seen[pkg].has(text) || seen[pkg].size >= cap) continue;
    seen[pkg].add(text);
    out[pkg].push(text);
  }
  if (!result.valid && out.every((x) => x.length === 0)) out[0].push(result.rawOutput.slice(0, 500));
  return out;
}
