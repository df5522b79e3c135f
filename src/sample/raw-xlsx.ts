/**
 * A minimal .xlsx package from XML written by hand, with fflate: for what Excel writes and ExcelJS does
 * not (shared formulas, inline strings, prefixed namespaces, 1904 dates, errors, a sheet far to the right).
 */
import { strToU8, zipSync } from "fflate";

export interface RawSheet {
  name: string;
  /** The inner XML of <worksheet>: <sheetData>…</sheetData> and anything after it. */
  xml: string;
  state?: "hidden" | "veryHidden";
}

export function rawXlsx(
  sheets: RawSheet[],
  opts: { strings?: string[]; date1904?: boolean; styles?: string } = {},
): Uint8Array {
  const NS =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`,
        )
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("")}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.xml}</worksheet>`,
    );
  });
  if (opts.strings)
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.strings
        .map((t) => (t.startsWith("<") ? `<si>${t}</si>` : `<si><t xml:space="preserve">${t}</t></si>`))
        .join("")}</sst>`,
    );
  if (opts.styles)
    files["xl/styles.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.styles}</styleSheet>`,
    );
  return zipSync(files);
}

/** One value in column XFD on each of `rows` rows under a header row: 16,384 columns wide, nearly empty. */
export function sparseWideXlsx(rows: number): Uint8Array {
  const parts: string[] = [
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>单位</t></is></c><c r="C1" t="inlineStr"><is><t>本年等次</t></is></c></row>',
  ];
  for (let r = 2; r <= rows + 1; r++) parts.push(`<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`);
  parts.push("</sheetData>");
  return rawXlsx([{ name: "干部", xml: parts.join("") }]);
}
