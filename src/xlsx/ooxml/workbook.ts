/** workbook.xml, its relationships, the shared strings and which cell styles are dates. */
import type { Budget } from "./budget";
import type { Package } from "./package";
import { resolvePart } from "../part-name";
import { UnusableFile } from "./unusable";
import { gather, own, textOf, unescapeOoxml, type XmlHandler } from "./xml";
import { isDateFormat } from "../date-format";

export interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  /** Mac workbooks count days from 1904: their date serials are 1,462 below Excel's usual ones. */
  date1904: boolean;
  strings: string[];
  /** Per cell style index (the `s` attribute): does its number format show a date? */
  dateStyles: boolean[];
}

const RELS = "xl/_rels/workbook.xml.rels";
const WORKBOOK = "xl/workbook.xml";
const STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";

function xml(pkg: Package, name: string, h: XmlHandler): boolean {
  return pkg.parse(name, h);
}

/** "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the root. */
const resolveTarget = (target: string): string => resolvePart("xl/workbook.xml", target);

function readSheets(pkg: Package): { sheets: SheetEntry[]; date1904: boolean } {
  const targets = new Map<string, string>();
  xml(pkg, RELS, {
    open(name, a) {
      // Worksheets only: chart sheets and dialog sheets hold no cells.
      if (name === "Relationship" && /\/worksheet$/.test(a.Type ?? ""))
        targets.set(a.Id, own(resolveTarget(a.Target ?? "")));
    },
  });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  xml(pkg, WORKBOOK, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name !== "sheet") return;
      const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const part = id ? targets.get(id) : undefined;
      if (part)
        sheets.push({ name: own(unescapeOoxml(a.name ?? "")), part, hidden: (a.state ?? "visible") !== "visible" });
    },
  });
  refuseAmbiguous(sheets);
  return { sheets, date1904 };
}

/**
 * The model keys sheets by name and reads each part as one sheet: two sheets of one name (Excel compares
 * names without case, and refuses such a file) or two sheets on one part are not a workbook to guess at.
 */
function refuseAmbiguous(sheets: SheetEntry[]): void {
  const byName = new Map<string, string>();
  const byPart = new Map<string, string>();
  for (const s of sheets) {
    const key = s.name.toUpperCase();
    const same = byName.get(key);
    if (same !== undefined) {
      const names = same === s.name ? `「${s.name}」` : `「${same}」「${s.name}」`;
      throw new UnusableFile(
        `工作簿中有两个同名工作表${names}`,
        same === s.name
          ? `two sheets named "${s.name}"`
          : `two sheets named "${same}" and "${s.name}" (names ignore case)`,
      );
    }
    byName.set(key, s.name);
    const other = byPart.get(s.part);
    if (other !== undefined) {
      throw new UnusableFile(
        `不是有效的 xlsx 工作簿（工作表「${other}」和「${s.name}」指向同一部分「${s.part}」）`,
        `not a valid xlsx workbook (sheets "${other}" and "${s.name}" are the same part "${s.part}")`,
      );
    }
    byPart.set(s.part, s.name);
  }
}

/** Shared strings; rich text runs joined, phonetic guides (rPh) left out as Excel shows them. */
function readStrings(pkg: Package, budget: Budget): string[] {
  const out: string[] = [];
  let current = "";
  let inT = false;
  let phonetic = 0;
  xml(pkg, STRINGS, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t") inT = phonetic === 0;
    },
    text(t) {
      if (inT) current = gather(current, t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        const s = textOf(current);
        budget.sharedString();
        budget.text(s.length);
        out.push(s);
      }
    },
  });
  return out;
}

// Built-in number formats that show dates (ECMA-376 §18.8.30, plus the East Asian ids Excel uses).
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

function readDateStyles(pkg: Package): boolean[] {
  const custom = new Map<number, string>();
  const xfs: boolean[] = [];
  let inCellXfs = false;
  xml(pkg, STYLES, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        xfs.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfs;
}

export function readWorkbookParts(pkg: Package, budget: Budget): WorkbookParts {
  const { sheets, date1904 } = readSheets(pkg);
  // Everything still to read, against the whole file's budget, before any of it is inflated.
  pkg.reserve([STRINGS, ...(date1904 ? [STYLES] : []), ...sheets.map((s) => s.part)]);
  return { sheets, date1904, strings: readStrings(pkg, budget), dateStyles: date1904 ? readDateStyles(pkg) : [] };
}
