/**
 * .xls, .et, .ods and .xlsb bytes to the same WorkbookInput as the .xlsx reader gives, through the
 * SheetJS Community Edition (@e965/xlsx). Loaded only when such a file is met: its own chunk in the pane
 * and the app, required on use by the command line. Within the same budgets as the .xlsx reader: what
 * the library would hold is counted first (./biff, ./zipped), and the file refused in one line before.
 */
import * as XLSX from "@e965/xlsx";
import type { SheetInput, WorkbookInput } from "../../engine";
import type { FormatId } from "../formats";
import { Budget } from "../ooxml/budget";
import { limitsOf, MAX_CELL_TEXT, MAX_COLS, size, type ReadLimits } from "../ooxml/limits";
import { Rows } from "../ooxml/rows";
import { blankUnderMerges } from "../ooxml/sheet";
import { UnusableFile } from "../ooxml/unusable";
import { DAYS_1904, isDateFormat } from "../date-format";
import { scanBiff } from "./biff";
import { Cfb } from "./cfb";
import { legacyFormulas } from "./formulas";
import { legacyLimits } from "./limits";
import { zippedParts, type Zipped } from "./zipped";

/** isDateFormat once per format code, not once per numeric cell. */
const dateCodes = new Map<string, boolean>();
const dateCode = (z: string): boolean => {
  let d = dateCodes.get(z);
  if (d === undefined) dateCodes.set(z, (d = isDateFormat(z)));
  return d;
};
const BOOLEAN_FORMULA = /^=(TRUE|FALSE)(\(\))?$/i;
const ERROR_FORMULA = /^=#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/i;
/** Excel's error values by their BIFF code, as range.values shows them. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** What the library is handed: the BIFF Workbook stream itself, or a stored zip of the parts it reads. */
function prepared(bytes: Uint8Array, format: FormatId, budget: Budget): Zipped {
  if (format === "ods" || format === "xlsb") return zippedParts(bytes, format, budget);
  const cfb = new Cfb(bytes);
  const stream = cfb.stream("Workbook", "Book");
  if (!stream) {
    const names = cfb.entries
      .filter((e) => e.type === 2)
      .map((e) => e.name)
      .slice(0, 8);
    const held = names.length ? names.join("、") : "无";
    const heldEn = names.length ? names.join(", ") : "none";
    throw format === "et"
      ? new UnusableFile(
          `这个 .et 文件不是 BIFF（Excel 97–2003）格式：复合文档中没有 Workbook 流（有：${held}），请在 WPS 中另存为 .xlsx`,
          `this .et file is not in the BIFF (Excel 97–2003) form: its compound file has no Workbook stream (it has: ${heldEn}); save it as .xlsx in WPS`,
        )
      : new UnusableFile(
          `不是 Excel 工作簿：复合文档中没有 Workbook 流（有：${held}）`,
          `not an Excel workbook: the compound file has no Workbook stream (it has: ${heldEn})`,
        );
  }
  scanBiff(stream, format, budget);
  return { bytes: stream };
}

/** The library reads a Node Buffer without copying it into an array; the browser's bytes as they are. */
function forLibrary(b: Uint8Array): { data: Uint8Array; type: "buffer" | "array" } {
  const B = (globalThis as { Buffer?: { from(a: ArrayBuffer, o: number, n: number): Uint8Array } }).Buffer;
  return B
    ? { data: B.from(b.buffer as ArrayBuffer, b.byteOffset, b.length), type: "buffer" }
    : { data: b, type: "buffer" };
}

function parse(bytes: Uint8Array, format: FormatId): XLSX.WorkBook {
  const { data, type } = forLibrary(bytes);
  // The library prints its doubts about .ods number formats (which we do not use) on the console.
  const said = console.error;
  console.error = () => {};
  try {
    return XLSX.read(data, {
      type,
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellDates: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      WTF: false,
    });
  } catch (e) {
    const m = (e as Error).message ?? String(e);
    if (/password-protected|encrypt/i.test(m)) {
      throw new UnusableFile(
        "文件受密码保护（已加密），请取消密码后再校验",
        "the file is password-protected (encrypted); remove the password first",
      );
    }
    throw new UnusableFile(`无法读取这个${kind(format)}（${m}）`, `cannot read this ${kindEn(format)} (${m})`);
  } finally {
    console.error = said;
  }
}

const kind = (f: FormatId) =>
  ({ xls: " .xls 文件", et: " .et 文件", ods: " .ods 文件", xlsb: " .xlsb 工作簿", xlsx: "工作簿" })[f];
const kindEn = (f: FormatId) =>
  ({ xls: ".xls file", et: ".et file", ods: ".ods file", xlsb: ".xlsb workbook", xlsx: "workbook" })[f];

function text(s: string, budget: Budget): string {
  const t = s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
  budget.text(t.length);
  return t;
}

interface SheetOptions {
  date1904: boolean;
  format: FormatId;
  /** The sheet's formulas as read from an .ods's content.xml (row × 16,384 + column). */
  odsFormulas?: Map<number, string>;
}

function sheetOf(ws: XLSX.WorkSheet, name: string, hidden: boolean, o: SheetOptions, budget: Budget): SheetInput {
  const values = new Rows<unknown>(budget, name);
  const formulas = new Rows<string | null>(budget, name, false);
  let anyFormula = false;
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const toFormula = legacyFormulas(o.format);
  const ods = o.odsFormulas;
  // A formula showing "" is no cell to the library: put back where content.xml has it.
  if (ods) {
    for (const key of ods.keys()) {
      const r = Math.floor(key / MAX_COLS);
      const c = key % MAX_COLS;
      (data[r] ??= [])[c] ??= { t: "s", v: "" };
    }
  }
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      if (ods) cell.f = ods.get(r * MAX_COLS + c);
      let v: unknown;
      switch (cell.t) {
        case "n":
          v = o.date1904 && typeof cell.z === "string" && dateCode(cell.z) ? (cell.v as number) + DAYS_1904 : cell.v;
          break;
        case "s":
          v = text(String(cell.v ?? ""), budget);
          break;
        case "b":
          v = Boolean(cell.v);
          break;
        case "e":
          v = ERRORS[cell.v as number] ?? (typeof cell.w === "string" ? cell.w : "#N/A");
          break;
        case "d":
          v = cell.v instanceof Date ? cell.v.getTime() / 86400000 + 25569 : null;
          break;
        default:
          v = null;
      }
      let f = typeof cell.f === "string" && cell.f !== "" ? toFormula(cell.f) : null;
      // LibreOffice has no boolean cells and no error constants: it keeps an .xlsx's TRUE as the formula
      // TRUE() (in .ods showing 1, which Excel shows as TRUE), a typed #N/A as the formula =#N/A. Read back
      // as the constants they were.
      if (f !== null && BOOLEAN_FORMULA.test(f) && (typeof v === "number" || typeof v === "boolean")) {
        v = /TRUE/i.test(f);
        f = null;
      } else if (f !== null && ERROR_FORMULA.test(f)) {
        v = f.slice(1).toUpperCase();
        f = null;
      }
      if ((v === null || v === undefined) && f === null) return;
      budget.cell(name, r);
      values.put(r, c, v ?? null);
      if (f !== null) {
        budget.text(f.length);
        formulas.put(r, c, f);
        anyFormula = true;
      }
    });
  });
  const rows = values.done();
  budget.sheetDone(rows.length);
  const merges = (ws["!merges"] ?? []).map((m) => {
    budget.merge(name);
    return XLSX.utils.encode_range(m);
  });
  blankUnderMerges(rows, merges, budget, name);
  return { name, values: rows, merges, hidden, ...(anyFormula ? { formulas: formulas.done(rows.length) } : {}) };
}

/** The bytes of a legacy-format file to the engine's input; UnusableFile (said in one line) where they cannot be. */
export function readLegacyBytes(
  bytes: Uint8Array,
  format: FormatId,
  year?: number,
  given: Partial<ReadLimits> = {},
): WorkbookInput {
  const limits = legacyLimits(limitsOf(given));
  if (bytes.length > limits.maxTotalBytes) {
    throw new UnusableFile(
      `工作簿过大：${size(bytes.length)}，旧格式文件最多可读取 ${size(limits.maxTotalBytes)}（请另存为 .xlsx）`,
      `workbook too large: ${size(bytes.length)}; files in older formats are read up to ${size(limits.maxTotalBytes)} (save it as .xlsx)`,
    );
  }
  const ready = prepared(bytes, format, new Budget(limits));
  const wb = parse(ready.bytes, format);
  const ods = ready.ods;
  // The library's cells were counted before it read them; ours are counted again as they are made.
  const budget = new Budget(limits);
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const seen = new Set<string>();
  const sheets = wb.SheetNames.map((name, i) => {
    if (seen.has(name.toUpperCase()))
      throw new UnusableFile(`工作簿中有两个同名工作表「${name}」`, `two sheets named "${name}"`);
    seen.add(name.toUpperCase());
    const ws = wb.Sheets[name];
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 || Boolean(ods?.hidden[i]);
    const sheet = sheetOf(ws, name, hidden, { date1904, format, odsFormulas: ods?.formulas[i] }, budget);
    delete wb.Sheets[name]; // the library's cells let go as each sheet is made
    return sheet;
  });
  if (sheets.length === 0) throw new UnusableFile(`不是有效的工作簿（没有工作表）`, "not a valid workbook (no sheets)");
  return { sheets, year };
}
