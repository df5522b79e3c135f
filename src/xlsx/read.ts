/**
 * Reads an .xlsx file with ExcelJS into the plain matrices the engine takes, the way Excel's
 * `range.values` gives them: formula cells as their cached result, dates as serial numbers, rich text
 * as its text, merged cells blank but for their anchor (plus the merge list).
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { parseA1, type SheetInput, type WorkbookInput } from "../engine";

/** Why a file cannot be used, said in one line. */
export class UnusableFile extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A cell value as Excel's `range.values` would give it. */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86400000;
  const o = v as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("error" in o) return String(o.error);
  if ("text" in o) return plainValue(o.text);
  return String(v);
}

function sheetInput(ws: ExcelJS.Worksheet): SheetInput {
  const values: unknown[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = row.values as unknown[];
    const out: unknown[] = new Array(Math.max(0, raw.length - 1));
    let fs: (string | null)[] | null = null;
    for (let c = 1; c < raw.length; c++) {
      const v = raw[c];
      out[c - 1] = plainValue(v);
      if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
        // Shared formulas are stored once; ExcelJS translates them per cell.
        const text = row.getCell(c).formula;
        if (text) {
          fs ??= new Array<string | null>(raw.length - 1).fill(null);
          fs[c - 1] = "=" + text;
          anyFormula = true;
        }
      }
    }
    values[rowNumber - 1] = out;
    if (fs) formulas[rowNumber - 1] = fs;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const merges: string[] = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  // Excel leaves all but a merge's anchor blank; ExcelJS repeats the anchor's value.
  for (const m of merges) {
    const [from, to] = m.split(":");
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++) {
        if ((r !== a.row || c !== a.col) && values[r]) values[r][c] = null;
      }
    }
  }
  return {
    name: ws.name,
    values,
    merges,
    hidden: ws.state !== "visible",
    ...(anyFormula ? { formulas: Array.from({ length: values.length }, (_, r) => formulas[r] ?? []) } : {}),
  };
}

/** Tells an encrypted (password-protected) .xlsx or an old .xls from other non-workbooks. */
function sniff(head: Buffer, whole: Buffer): UnusableFile | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) return null;
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) {
    if (whole.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      return new UnusableFile(
        "文件受密码保护（已加密），请在 Excel 中取消密码后再校验",
        "the file is password-protected (encrypted); remove the password in Excel first",
      );
    }
    return new UnusableFile(
      "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验",
      "this is an old .xls file; save it as .xlsx first",
    );
  }
  return new UnusableFile("不是有效的 xlsx 工作簿", "not a valid xlsx workbook");
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const bad = sniff(buffer.subarray(0, 8), buffer);
  if (bad) throw bad;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnusableFile(
      `不是有效的 xlsx 工作簿（${(e as Error).message.split("\n")[0]}）`,
      `not a valid xlsx workbook (${(e as Error).message.split("\n")[0]})`,
    );
  }
  if (wb.worksheets.length === 0)
    throw new UnusableFile("不是有效的 xlsx 工作簿（没有工作表）", "not a valid xlsx workbook (no sheets)");
  return wb;
}

export function workbookInput(wb: ExcelJS.Workbook, year?: number): WorkbookInput {
  return { sheets: wb.worksheets.map(sheetInput), year };
}

export async function readFileBuffer(path: string): Promise<Buffer> {
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new UnusableFile("不是文件", "not a file");
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof UnusableFile) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnusableFile("文件不存在", "file not found");
    if (code === "EACCES") throw new UnusableFile("没有读取权限", "permission denied");
    throw new UnusableFile(
      `无法读取（${code ?? (e as Error).message}）`,
      `cannot be read (${code ?? (e as Error).message})`,
    );
  }
}

export async function readXlsx(path: string, year?: number): Promise<WorkbookInput> {
  return workbookInput(await loadWorkbook(await readFileBuffer(path)), year);
}
