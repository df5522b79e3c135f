/**
 * An .xlsb's binary parts (MS-XLSB records: a 1–2 byte type and a 1–4 byte size, both 7 bits a byte)
 * counted before the library reads them: cells and rows of every sheet, shared strings, merged areas.
 */
import type { Budget } from "../ooxml/budget";
import { MAX_COLS, MAX_ROWS } from "../ooxml/limits";
import { beyond } from "../ooxml/refs";
import { UnusableFile } from "../ooxml/unusable";

const ROW_HDR = 0;
/** BrtCellRk … BrtFmlaError; BrtCellBlank (1) holds no value. */
const FIRST_CELL = 2;
const LAST_CELL = 11;
const SST_ITEM = 19;
const MERGE_CELL = 176;

const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

function records(part: string, b: Uint8Array, each: (type: number, at: number, len: number) => void): void {
  let at = 0;
  while (at < b.length) {
    let type = b[at++] & 0x7f;
    if (b[at - 1] & 0x80) type |= (b[at++] & 0x7f) << 7;
    let len = 0;
    for (let k = 0; k < 4; k++) {
      const x = b[at++];
      len |= (x & 0x7f) << (7 * k);
      if (!(x & 0x80)) break;
    }
    if (at + len > b.length) {
      throw new UnusableFile(
        `不是有效的 .xlsb 工作簿（「${part}」的最后一条记录被截断）`,
        `not a valid .xlsb workbook ("${part}" ends in a truncated record)`,
      );
    }
    each(type, at, len);
    at += len;
  }
}

export function scanXlsb(files: Record<string, Uint8Array>, budget: Budget): void {
  const sst = files["xl/sharedStrings.bin"];
  if (sst) {
    records("sharedStrings.bin", sst, (type, _at, len) => {
      if (type !== SST_ITEM) return;
      budget.sharedString();
      budget.text(len);
    });
  }
  for (const [name, b] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.bin$/.test(name)) continue;
    let row = -1;
    let last = -1;
    let counted = false;
    records(name, b, (type, at, len) => {
      if (type === ROW_HDR && len >= 4) {
        row = u32(b, at);
        if (row >= MAX_ROWS) throw beyond(name, "row", String(row + 1));
        counted = false;
      } else if (type >= FIRST_CELL && type <= LAST_CELL && len >= 4) {
        if (u32(b, at) >= MAX_COLS) throw beyond(name, "cell", `#${u32(b, at) + 1}`);
        if (row > last) {
          budget.row(name, row);
          last = row;
        }
        budget.cell(name, row);
        if (!counted) {
          budget.dataRow(name, row);
          counted = true;
        }
      } else if (type === MERGE_CELL) budget.merge(name);
    });
    budget.sheetDone(last + 1);
  }
}
