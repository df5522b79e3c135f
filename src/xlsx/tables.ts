/**
 * Tables (src/tables) written as an .xlsx exactly as the pane lays them out with Office.js
 * (hosts/excel/write-table.ts): meta lines, a blank line, the header (bold, shaded), the body; links as
 * HYPERLINK formulas; frozen panes, column widths, an autofilter; 分布 with data bars on its counts, where the
 * pane adds a native chart. The SpreadsheetML is written here row by row and deflated as it goes (fflate):
 * a merged workbook of 100,000 rows is never held as a model or as XML — ExcelJS's streaming writer kept
 * ~50 MB of rows and buffers at that size. Then finished like every other file (finish.ts): filter names,
 * the data bars whole, the KaoheOutput mark, auto-open.
 */
import { strToU8, Zip, ZipDeflate } from "fflate";
import type { AddinStore } from "./auto-open";
import { finishPackage, type DataBar, type OutputKind } from "./finish";
import { escapeXml } from "./parts";
import { xmlText } from "./xml-text";
import { columnLetter } from "../engine";
import { hyperlinkFormula, isLink, type Table, type TableCell } from "../tables/table";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = "application/vnd.openxmlformats-officedocument";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Cell styles: 0 plain, 1 bold (meta labels), 2 bold on grey (the header). */
const STYLES =
  `${HEAD}<styleSheet ${NS}>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFF3F2F1"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/** Text for element content: what XML cannot hold as Excel escapes it, then & < > escaped. */
const text = (s: string) => escapeXml(xmlText(s));

function cellXml(ref: string, v: TableCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : "";
  if (isLink(v))
    return `<c r="${ref}"${s} t="str"><f>${text(hyperlinkFormula(v).slice(1))}</f><v>${text(v.text)}</v></c>`;
  const t = String(v);
  const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text(t)}</t></is></c>`;
}

function rowXml(r: number, cells: TableCell[], style: (c: number) => number): string {
  let xml = "";
  cells.forEach((v, c) => (xml += cellXml(`${columnLetter(c)}${r}`, v, style(c))));
  return `<row r="${r}">${xml}</row>`;
}

/** One sheet, pushed to the zip in pieces of ~64 KB. */
function writeSheet(file: ZipDeflate, table: Table): string {
  const top = table.meta.length ? table.meta.length + 1 : 0;
  const cols = table.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  let buf =
    `${HEAD}<worksheet ${NS} ${NS_R}><sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="${top + 1}" topLeftCell="A${top + 2}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${cols.length ? `<cols>${cols.join("")}</cols>` : ""}<sheetData>`;
  const flush = (force = false) => {
    if (!force && buf.length < 65536) return;
    file.push(strToU8(buf));
    buf = "";
  };
  let r = 0;
  for (const [k, v] of table.meta) {
    buf += rowXml(++r, [k, v], (c) => (c === 0 ? 1 : 0));
  }
  if (table.meta.length) r++; // the blank line
  buf += rowXml(++r, table.header, () => 2);
  for (const cells of table.rows) {
    buf += rowXml(++r, cells, () => 0);
    flush();
  }
  const ref = `A${top + 1}:${columnLetter(table.header.length - 1)}${top + 1 + table.rows.length}`;
  buf +=
    `</sheetData><autoFilter ref="${ref}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  flush(true);
  file.push(new Uint8Array(0), true);
  return ref;
}

/** The tables as a finished .xlsx package. */
export async function tablesBytes(
  tables: Table[],
  o: { output?: OutputKind | null; autoOpen?: AddinStore | null } = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else chunks.push(data);
  });
  const part = (name: string, xml: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(xml), true);
  };
  const n = tables.length;
  const sheets = tables.map((t, i) => ({ name: xmlText(t.name), part: `worksheets/sheet${i + 1}.xml` }));
  part(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map((s) => `<Override PartName="/xl/${s.part}" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`)
        .join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`,
  );
  part(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  part(
    "docProps/core.xml",
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>kaohe</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
  );
  part(
    "docProps/app.xml",
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      `<Application>kaohe</Application></Properties>`,
  );
  part(
    "xl/workbook.xml",
    `${HEAD}<workbook ${NS} ${NS_R}><bookViews><workbookView/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets><calcPr calcId="191029"/></workbook>`,
  );
  part(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.part}"/>`).join("") +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  part("xl/styles.xml", STYLES);
  const filters: { sheet: string; ref: string }[] = [];
  const dataBars: DataBar[] = [];
  tables.forEach((table, i) => {
    const file = new ZipDeflate(`xl/${sheets[i].part}`, { level: 6 });
    zip.add(file);
    filters.push({ sheet: table.name, ref: writeSheet(file, table) });
    if (table.kind === "distribution" && table.rows.length > 1) {
      const top = table.meta.length ? table.meta.length + 1 : 0;
      const [first, last] = [top + 2, top + table.rows.length]; // units only: the 全体 row would dwarf them
      dataBars.push({ sheet: table.name, ref: `B${first}:B${last}`, argb: "FFC50F1F" });
      dataBars.push({ sheet: table.name, ref: `C${first}:C${last}`, argb: "FF0F6CBD" });
    }
  });
  zip.end();
  if (failed) throw failed;
  const bytes = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
  chunks.length = 0;
  return finishPackage(bytes, { filters, dataBars, output: o.output ?? null, autoOpen: o.autoOpen ?? null });
}
