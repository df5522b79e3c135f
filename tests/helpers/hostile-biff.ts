/**
 * .xls files built record by record (MS-XLS BIFF8 in an MS-CFB compound file written by SheetJS's CFB):
 * a good appraisal, and hostile ones — a compound file cut short, a sector chain that loops, a shared
 * string table or cell records far beyond the budget, an encrypted workbook, a pre-97 one, an .et that is
 * not BIFF.
 */
import * as XLSX from "@e965/xlsx";

export function record(type: number, body: Uint8Array | number[] = []): Buffer {
  const b = Buffer.from(body as Uint8Array);
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(b.length, 2);
  return Buffer.concat([h, b]);
}

/** BOF of BIFF8 (0x0600) or another version; dt 5 the globals, 0x10 a sheet. */
export function bof(dt: number, version = 0x0600): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(version, 0);
  b.writeUInt16LE(dt, 2);
  return record(0x0809, b);
}

export const eof = () => record(0x000a);

/** A Workbook stream in a compound file. */
export function inCfb(stream: Buffer, name = "Workbook"): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, name, stream);
  return XLSX.CFB.write(cfb, { type: "buffer" }) as Buffer;
}

/** A small, real appraisal .xls (SheetJS's BIFF8 writer), its Workbook stream past the mini-stream cutoff. */
export function goodXls(): Buffer {
  const wb = XLSX.utils.book_new();
  const people = Array.from({ length: 200 }, (_, i) => ["甲局", `张${i + 2}`, "否", "称职"]);
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([["单位", "姓名", "是否正职", "本年等次"], ["甲局", "张一", "是", "优秀"], ...people]),
    "干部",
  );
  return XLSX.write(wb, { type: "buffer", bookType: "xls" }) as Buffer;
}

/** A shared string table of `n` one-character strings, in SST and CONTINUE records. */
export function hugeSst(n: number): Buffer {
  const per = 2000; // strings a record (4 bytes each)
  const parts: Buffer[] = [bof(5)];
  for (let k = 0; k < n; k += per) {
    const m = Math.min(per, n - k);
    const body = Buffer.alloc((k === 0 ? 8 : 0) + 4 * m);
    let at = 0;
    if (k === 0) {
      body.writeUInt32LE(n, 0);
      body.writeUInt32LE(n, 4);
      at = 8;
    }
    for (let i = 0; i < m; i++, at += 4) {
      body.writeUInt16LE(1, at); // one character, 8-bit
      body[at + 3] = 0x41;
    }
    parts.push(record(k === 0 ? 0x00fc : 0x003c, body));
  }
  parts.push(eof());
  return Buffer.concat(parts);
}

/** A sheet of `n` numbers in MULRK records (256 cells a record, 6 bytes each). */
export function manyCells(n: number): Buffer {
  const sheetName = Buffer.from("干部", "utf16le");
  const bs = Buffer.alloc(8 + sheetName.length);
  bs[6] = 2; // characters
  bs[7] = 1; // UTF-16
  sheetName.copy(bs, 8);
  const parts: Buffer[] = [bof(5), record(0x0085, bs), eof(), bof(0x10)];
  for (let k = 0, row = 0; k < n; k += 250, row = (row + 1) % 65536) {
    const m = Math.min(250, n - k);
    const body = Buffer.alloc(6 + 6 * m);
    body.writeUInt16LE(row, 0);
    body.writeUInt16LE(0, 2);
    for (let i = 0; i < m; i++) body.writeUInt32LE((1 << 2) | 2, 4 + 6 * i + 2); // RK integer 1
    body.writeUInt16LE(m - 1, 4 + 6 * m);
    parts.push(record(0x00bd, body));
  }
  parts.push(eof());
  return Buffer.concat(parts);
}

/** The file's Workbook stream made to loop: its first sector's FAT entry points back at itself. */
export function loopingChain(xls: Buffer): Buffer {
  const b = Buffer.from(xls);
  const ssz = 1 << b.readUInt16LE(0x1e);
  const dir = (b.readUInt32LE(0x30) + 1) * ssz;
  let start = -1;
  for (let at = dir; at < dir + ssz; at += 128) {
    const name = b.subarray(at, at + Math.max(0, b.readUInt16LE(at + 0x40) - 2)).toString("utf16le");
    if (name === "Workbook") start = b.readUInt32LE(at + 0x74);
  }
  if (start < 0 || start >= ssz / 4) throw new Error("loopingChain: no Workbook stream in the first FAT sector");
  const fat = (b.readUInt32LE(0x4c) + 1) * ssz;
  b.writeUInt32LE(start, fat + 4 * start);
  return b;
}
