/**
 * A walk over the records of a BIFF8 Workbook stream before the library parses it: the library holds an
 * object for every cell and string at once, so what it would take on — cells, rows, shared strings,
 * merged areas — is counted against the budget first, and the file refused before the memory is taken.
 * It also tells an encrypted workbook (FILEPASS) and a pre-97 one (BIFF5 and older, whose text is in a
 * code page we do not decode) from a readable one. Pure.
 */
import type { Budget } from "../ooxml/budget";
import { UnusableFile } from "../ooxml/unusable";
import type { FormatId } from "../formats";

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const MERGEDCELLS = 0x00e5;
const MULRK = 0x00bd;
/** NUMBER, RK, LABELSST, LABEL, RSTRING, BOOLERR, FORMULA: one cell each (blanks hold no value). */
const CELL = new Set([0x0203, 0x027e, 0x00fd, 0x0204, 0x00d6, 0x0205, 0x0006]);
const BIFF8 = 0x0600;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

export function encrypted(): UnusableFile {
  return new UnusableFile(
    "文件受密码保护（已加密），请在 Excel 或 WPS 中取消密码后再校验",
    "the file is password-protected (encrypted); remove the password in Excel or WPS first",
  );
}

function notBiff8(format: FormatId, version: number): UnusableFile {
  const what = format === "et" ? "WPS 表格文件" : " .xls 文件";
  const whatEn = format === "et" ? "WPS Spreadsheets file" : ".xls file";
  return new UnusableFile(
    `这是 Excel 5.0/95 或更早格式的${what}（BIFF 版本 0x${version.toString(16)}），请另存为 .xlsx 后再校验`,
    `this ${whatEn} is in the Excel 5.0/95 or older format (BIFF version 0x${version.toString(16)}); save it as .xlsx first`,
  );
}

/** A BoundSheet8's name: an XLUnicodeShortString after 6 bytes. */
function sheetName(b: Uint8Array, at: number, len: number): string {
  const cch = b[at + 6];
  const wide = b[at + 7] & 1;
  let s = "";
  for (let k = 0; k < cch; k++) {
    const i = at + 8 + (wide ? 2 * k : k);
    if (i + (wide ? 1 : 0) >= at + len) break;
    s += String.fromCharCode(wide ? u16(b, i) : b[i]);
  }
  return s;
}

/** Counts the stream's cells, rows, strings and merges against the budget; throws why it cannot be read. */
export function scanBiff(b: Uint8Array, format: FormatId, budget: Budget): void {
  if (b.length < 8 || u16(b, 0) !== BOF) {
    throw new UnusableFile(
      "不是有效的工作簿（Workbook 流不以 BOF 记录开头）",
      "not a valid workbook (the Workbook stream does not start with a BOF record)",
    );
  }
  const version = u16(b, 4);
  if (version !== BIFF8) throw notBiff8(format, version);
  const names: string[] = [];
  let sheet = -1; // -1: the workbook globals
  let depth = 0;
  let rows = new Set<number>();
  let maxRow = -1;
  let sst = -1; // bytes of the SST and its CONTINUE records; -1 outside it
  let sstDeclared = 0;
  const name = () => names[sheet] ?? `#${sheet + 1}`;
  const endSst = () => {
    if (sst < 0) return;
    // The library reads strings while the record lasts and the count declared allows; each takes ≥ 3 bytes.
    const n = Math.min(sstDeclared, Math.floor(sst / 3));
    for (let k = 0; k < n; k++) budget.sharedString();
    budget.text(sst);
    sst = -1;
  };
  let at = 0;
  while (at + 4 <= b.length) {
    const type = u16(b, at);
    const len = u16(b, at + 2);
    const body = at + 4;
    if (body + len > b.length) {
      throw new UnusableFile(
        "不是有效的工作簿（Workbook 流不完整：最后一条记录被截断）",
        "not a valid workbook (the Workbook stream is cut short: its last record is truncated)",
      );
    }
    if (type !== CONTINUE) endSst();
    switch (type) {
      case BOF:
        if (depth++ === 0 && at > 0) {
          sheet++;
          rows = new Set();
          maxRow = -1;
        }
        break;
      case EOF:
        if (--depth === 0 && sheet >= 0) budget.sheetDone(maxRow + 1);
        break;
      case FILEPASS:
        throw encrypted();
      case BOUNDSHEET:
        if (sheet < 0) names.push(sheetName(b, body, len));
        break;
      case SST:
        sst = len;
        sstDeclared = len >= 8 ? u32(b, body + 4) : 0;
        break;
      case CONTINUE:
        if (sst >= 0) sst += len;
        break;
      case MERGEDCELLS:
        for (let k = len >= 2 ? u16(b, body) : 0; k > 0; k--) budget.merge(name());
        break;
      default:
        if ((CELL.has(type) || type === MULRK) && sheet >= 0 && len >= 4) {
          const r = u16(b, body);
          const cells = type === MULRK ? Math.max(0, Math.floor((len - 6) / 6)) : 1;
          if (r > maxRow) {
            budget.row(name(), r);
            maxRow = r;
          }
          for (let k = 0; k < cells; k++) budget.cell(name(), r);
          if (!rows.has(r)) {
            rows.add(r);
            budget.dataRow(name(), r);
          }
        }
    }
    at = body + len;
  }
  endSst();
}
