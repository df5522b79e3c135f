/**
 * A returned workbook with what a patcher must not lose: merged cells, data validations, an image, the unit's
 * own notes, a chart, a pivot table, custom XML — and, as .xlsm, a VBA project. Its cells hold hostile text
 * (quotes, <, &, formula-like text) that findings quote back, on a sheet whose name holds ' " < & >.
 * ExcelJS writes the cells; the parts it cannot write are added to its package as Excel writes them.
 */
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { readFileSync } from "fs";
import * as path from "path";

/** The cadre sheet's name: every character a sheet name may hold that XML or a formula must escape. */
export const HOSTILE_SHEET = `干部'"<&>表`;
/** A grade cell's text: not a grade (D01 quotes it), formula-like, with markup and an entity. */
export const HOSTILE_GRADE = `=HYPERLINK("http://x","点我")<b>&amp;'`;
export const HOSTILE_UNIT = `甲局"<&>'`;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

async function cells(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const teams = wb.addWorksheet("班子");
  teams.addRow(["单位", "本年班子等次"]);
  teams.addRow([HOSTILE_UNIT, "一般"]);
  teams.addRow(["乙局", "良好"]);
  const ws = wb.addWorksheet(HOSTILE_SHEET);
  ws.addRow(["2025年度考核结果"]);
  ws.mergeCells("A1:F1");
  ws.addRow(["单位", "姓名", "是否正职", "本年等次", "平时考核得分", "备注"]);
  const rows = [
    [HOSTILE_UNIT, "张三", "是", "优秀", 95, "L02：班子一般而正职优秀"],
    [HOSTILE_UNIT, "李四", "否", HOSTILE_GRADE, 90, ""],
    [HOSTILE_UNIT, "王五", "否", "称职", 88, ""],
    ["乙局", "赵六", "是", "称职", 92, ""],
    ["乙局", "钱七", "否", "称职", 91, ""],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells("A3:A5"); // the unit merged down over its cadres
  for (let r = 3; r <= 7; r++)
    ws.getCell(`D${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"优秀,称职,基本称职,不称职,不定等次"'],
    };
  ws.getCell("D3").note = "单位自己的批注：张三为正职"; // a cell that also gets a finding (L02)
  ws.getCell("F4").note = "另一条批注";
  const image = wb.addImage({
    buffer: readFileSync(path.join(__dirname, "..", "..", "docs", "template-print.png")) as unknown as ExcelJS.Buffer,
    extension: "png",
  });
  ws.addImage(image, { tl: { col: 7, row: 1 }, ext: { width: 120, height: 60 } });
  wb.addWorksheet("统计").addRow(["图表"]);
  wb.addWorksheet("透视").addRow(["数据透视表"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const text = (parts: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(parts[name]);
const put = (parts: Record<string, Uint8Array>, name: string, xml: string) => (parts[name] = strToU8(xml));

function addBefore(parts: Record<string, Uint8Array>, name: string, closing: string, xml: string): void {
  const s = text(parts, name);
  const at = s.lastIndexOf(closing);
  put(parts, name, s.slice(0, at) + xml + s.slice(at));
}

const decode = (v: string) =>
  v.replace(/&(apos|quot|lt|gt|amp);/g, (_, e: string) => ({ apos: "'", quot: '"', lt: "<", gt: ">", amp: "&" })[e]!);

/** The sheet part of the workbook's sheet named `sheet` (its name however the writer escaped it). */
export function sheetPartOf(parts: Record<string, Uint8Array>, sheet: string): string {
  const wb = text(parts, "xl/workbook.xml");
  const tag = (wb.match(/<sheet [^>]*>/g) ?? []).find((t) => decode(/name="([^"]*)"/.exec(t)![1]) === sheet)!;
  const id = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  return "xl/" + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?xl\//, "");
}
const partOf = sheetPartOf;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${HOSTILE_SHEET.replace(/'/g, "''").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}'!$B$3:$B$7</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'${HOSTILE_SHEET.replace(/'/g, "''").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}'!$E$3:$E$7</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="班子"/></cacheSource><cacheFields count="2"><cacheField name="单位" numFmtId="0"><sharedItems count="2"><s v="${HOSTILE_UNIT.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}"/><s v="乙局"/></sharedItems></cacheField><cacheField name="本年班子等次" numFmtId="0"><sharedItems count="2"><s v="一般"/><s v="良好"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>`;

const RECORDS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><x v="0"/></r><r><x v="1"/><x v="1"/></r></pivotCacheRecords>`;

const PIVOT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="1" dataCaption="值" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="计数项:本年班子等次" fld="1" subtotal="count" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;

/** A VBA project as Excel stores it: an OLE compound file (its contents are never read, only kept). */
function vbaProject(): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(1536);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 512; i < b.length; i++) b[i] = (i * 31) & 0xff;
  return b;
}

export async function richReturn(macros = false): Promise<Uint8Array> {
  const parts: Record<string, Uint8Array> = unzipSync(await cells());
  const rel = (source: string, id: string, type: string, target: string) =>
    addBefore(parts, source, "</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`);
  const types = (xml: string) => addBefore(parts, "[Content_Types].xml", "</Types>", xml);
  // A chart on 统计: a drawing of its own.
  const stats = partOf(parts, "统计");
  addBefore(parts, stats, "</worksheet>", `<drawing xmlns:r="${REL}" r:id="rIdChart"/>`);
  const statsRels = stats.replace("worksheets/", "worksheets/_rels/") + ".rels";
  if (!parts[statsRels])
    put(
      parts,
      statsRels,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
    );
  rel(statsRels, "rIdChart", `${REL}/drawing`, "../drawings/drawingChart.xml");
  put(parts, "xl/drawings/drawingChart.xml", DRAWING);
  put(
    parts,
    "xl/drawings/_rels/drawingChart.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  put(parts, "xl/charts/chart1.xml", CHART);
  types(
    `<Override PartName="/xl/drawings/drawingChart.xml" ContentType="${CT}.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>`,
  );
  // A pivot table on 透视 over 班子.
  const pivotSheet = partOf(parts, "透视");
  const pivotRels = pivotSheet.replace("worksheets/", "worksheets/_rels/") + ".rels";
  put(
    parts,
    pivotRels,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
  );
  put(parts, "xl/pivotTables/pivotTable1.xml", PIVOT);
  put(
    parts,
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  );
  put(parts, "xl/pivotCache/pivotCacheDefinition1.xml", CACHE);
  put(
    parts,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  );
  put(parts, "xl/pivotCache/pivotCacheRecords1.xml", RECORDS);
  rel(
    "xl/_rels/workbook.xml.rels",
    "rIdPivotCache",
    `${REL}/pivotCacheDefinition`,
    "pivotCache/pivotCacheDefinition1.xml",
  );
  const wb = text(parts, "xl/workbook.xml");
  const calc = wb.indexOf("<calcPr");
  const after = calc >= 0 ? wb.indexOf(">", calc) + 1 : wb.indexOf("</workbook>");
  put(
    parts,
    "xl/workbook.xml",
    wb.slice(0, after) + `<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache"/></pivotCaches>` + wb.slice(after),
  );
  types(
    `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.spreadsheetml.pivotTable+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.spreadsheetml.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.spreadsheetml.pivotCacheRecords+xml"/>`,
  );
  // Custom XML: a data store item a document-management system left.
  put(
    parts,
    "customXml/item1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<档案 xmlns="urn:unit:archive"><编号>2025-017</编号></档案>`,
  );
  put(
    parts,
    "customXml/itemProps1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6B0C3B1E-0000-4000-8000-000000000017}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  put(
    parts,
    "customXml/_rels/item1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  rel("xl/_rels/workbook.xml.rels", "rIdCustomXml", `${REL}/customXml`, "../customXml/item1.xml");
  types(`<Override PartName="/customXml/itemProps1.xml" ContentType="${CT}.customXmlProperties+xml"/>`);
  if (macros) {
    parts["xl/vbaProject.bin"] = vbaProject();
    rel(
      "xl/_rels/workbook.xml.rels",
      "rIdVba",
      "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
      "vbaProject.bin",
    );
    types(`<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`);
    const ct = text(parts, "[Content_Types].xml");
    put(
      parts,
      "[Content_Types].xml",
      ct.replace(`${CT}.spreadsheetml.sheet.main+xml`, "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
    );
  }
  // As Excel writes a package: parts only, no zip folder entries (ExcelJS writes some).
  for (const name of Object.keys(parts)) if (name.endsWith("/")) delete parts[name];
  return zipSync(parts as Zippable);
}
