/**
 * The last step of every workbook we write: what ExcelJS leaves out or gets wrong, added to the package
 * (only the small parts it touches are inflated):
 * - a hidden `_xlnm._FilterDatabase` per autofilter (Excel writes one; LibreOffice loses the buttons without);
 * - data bars written whole, with the x14 extension MS-XLSX requires (negativeFillColor, axisColor);
 * - our own outputs marked by a custom document property, so that merge and check pass them over;
 * - Office's auto-open parts when asked; and no zip folder entries.
 */
import type ExcelJS from "exceljs";
import { addAutoOpen, type AddinStore } from "./auto-open";
import { escapeXml, Parts, sheetsOf } from "./parts";
import { markOutput } from "./custom-properties";
import type { OutputKind } from "./output-kind";
import { xmlText } from "./xml-text";

export { OUTPUT_PROPERTY, type OutputKind } from "./output-kind";

export interface DataBar {
  sheet: string;
  /** A1 range, e.g. B5:B17. */
  ref: string;
  /** ARGB, e.g. FFC50F1F. */
  argb: string;
}

export interface Finish {
  output?: OutputKind | null;
  autoOpen?: AddinStore | null;
  /** Each sheet's autofilter range (A1). */
  filters?: { sheet: string; ref: string }[];
  dataBars?: DataBar[];
}

const absolute = (ref: string) => ref.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");
const quoted = (sheet: string) => `'${xmlText(sheet).replace(/'/g, "''")}'`;

function addFilterNames(parts: Parts, filters: { sheet: string; ref: string }[]): void {
  const sheets = sheetsOf(parts);
  let wb = parts.text("xl/workbook.xml") ?? "";
  let names = "";
  for (const f of filters) {
    const i = sheets.findIndex((s) => s.name === xmlText(f.sheet));
    if (i < 0) continue;
    wb = wb.replace(
      new RegExp(`<definedName name="_xlnm\\._FilterDatabase" localSheetId="${i}"[^<]*</definedName>`),
      "",
    );
    names +=
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">` +
      `${escapeXml(`${quoted(f.sheet)}!${absolute(f.ref)}`)}</definedName>`;
  }
  if (!names) return;
  wb = wb.includes("</definedNames>")
    ? wb.replace("</definedNames>", `${names}</definedNames>`)
    : wb.replace(/<definedNames\/>|<\/sheets>/, (m) =>
        m === "</sheets>" ? `</sheets><definedNames>${names}</definedNames>` : `<definedNames>${names}</definedNames>`,
      );
  parts.set("xl/workbook.xml", wb);
}

const X14_MAIN = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const guid = (n: number) => `{6B5C0F2E-0000-4000-8000-${String(n).padStart(12, "0")}}`;

/**
 * Data bars as Excel 2010+ writes them: the 2006 rule (for older readers) naming an x14 rule, and the x14
 * rule with the colours MS-XLSX 2.6.30 requires — ExcelJS 4.4 omits them and Excel repairs the file.
 */
function addDataBars(parts: Parts, bars: DataBar[]): void {
  const sheets = sheetsOf(parts);
  let n = 0;
  for (const sheet of new Set(bars.map((b) => b.sheet))) {
    const part = sheets.find((s) => s.name === xmlText(sheet))?.part;
    const xml = part ? parts.text(part) : null;
    if (!part || !xml) continue;
    let main = "";
    let ext = "";
    for (const b of bars.filter((x) => x.sheet === sheet)) {
      const id = guid(++n);
      main +=
        `<conditionalFormatting sqref="${b.ref}"><cfRule type="dataBar" priority="${n}"><dataBar>` +
        `<cfvo type="num" val="0"/><cfvo type="max"/><color rgb="${b.argb}"/></dataBar>` +
        `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14_MAIN}"><x14:id>${id}</x14:id></ext></extLst>` +
        `</cfRule></conditionalFormatting>`;
      ext +=
        `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
        `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
        `<x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="max"/>` +
        `<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
        `<xm:sqref>${b.ref}</xm:sqref></x14:conditionalFormatting>`;
    }
    // CT_Worksheet order: conditionalFormatting before dataValidations, hyperlinks, printOptions, pageMargins…
    const end = xml.indexOf("</sheetData>");
    const next = /<(dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|drawing|extLst)\b/g;
    next.lastIndex = end;
    const at = next.exec(xml)?.index ?? xml.lastIndexOf("</worksheet>");
    const extLst =
      `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14_MAIN}">` +
      `<x14:conditionalFormattings>${ext}</x14:conditionalFormattings></ext>`;
    let out = xml.slice(0, at) + main + xml.slice(at);
    out = out.endsWith("</extLst></worksheet>")
      ? out.replace(/<\/extLst><\/worksheet>$/, `${extLst}</extLst></worksheet>`)
      : out.replace(/<\/worksheet>\s*$/, `<extLst>${extLst}</extLst></worksheet>`);
    parts.set(part, out);
  }
}

export function finishPackage(bytes: Uint8Array, f: Finish): Uint8Array {
  const parts = Parts.read(bytes);
  if (f.filters?.length) addFilterNames(parts, f.filters);
  if (f.dataBars?.length) addDataBars(parts, f.dataBars);
  if (f.output) markOutput(parts, f.output);
  if (f.autoOpen) addAutoOpen(parts, f.autoOpen);
  return parts.write();
}

type Where = string | { row: number; column: number };
const a1 = (w: Where) => {
  if (typeof w === "string") return w;
  let c = w.column;
  let letters = "";
  for (; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${w.row}`;
};

/** Each ExcelJS worksheet's autofilter as an A1 range (ExcelJS takes several forms). */
export function filtersOf(sheets: { name: string; autoFilter?: ExcelJS.AutoFilter | null }[]): Finish["filters"] {
  return sheets.flatMap((ws) => {
    const f = ws.autoFilter as string | { from: Where; to: Where } | null | undefined;
    if (!f) return [];
    return [{ sheet: ws.name, ref: typeof f === "string" ? f : `${a1(f.from)}:${a1(f.to)}` }];
  });
}

/** Writes an ExcelJS workbook as a finished package. */
export async function finishedBytes(wb: ExcelJS.Workbook, f: Omit<Finish, "filters"> = {}): Promise<Uint8Array> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return finishPackage(bytes, { ...f, filters: filtersOf(wb.worksheets) });
}
