/**
 * The zip's central directory, read once: each part's name, sizes and where its bytes lie, so a part is
 * inflated on demand without scanning the archive again (20,000 sheets cost 20,000 look-ups, not 20,000
 * scans), and inflated in slices, never whole (fflate's streaming Inflate). Pure: no file system.
 */
import { Inflate, inflateSync } from "fflate";
import { UnusableFile } from "./unusable";

export interface ZipEntry {
  name: string;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The inflated size the directory declares; inflating beyond it is refused. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Compressed bytes fed at a time: deflate expands at most ~1,032×, so one push yields at most ~16 MB. */
const IN = 16 * 1024;
/** Inflated bytes handed on at a time. */
const OUT = 1 << 20;
const ALL_ONES = 0xffffffff;

export function damaged(zh: string, en: string): UnusableFile {
  return new UnusableFile(
    `不是有效的 xlsx 工作簿（压缩包损坏：${zh}）`,
    `not a valid xlsx workbook (damaged zip: ${en})`,
  );
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

function nameOf(bytes: Uint8Array, flags: number): string {
  if (flags & 0x800) return new TextDecoder("utf-8").decode(bytes);
  let s = ""; // no UTF-8 flag: one byte a character, as fflate reads it
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The end of the central directory: its entry count and offset (zip64 where the 32-bit fields overflow). */
function endOfDirectory(b: Uint8Array): { count: number; at: number } {
  const last = b.length - 22;
  const stop = Math.max(0, last - 65535); // the end record, then a comment of at most 65,535 bytes
  let e = last;
  while (e >= stop && u32(b, e) !== 0x06054b50) e--;
  if (e < stop || last < 0) throw damaged("找不到中央目录", "no central directory");
  let count = u16(b, e + 10);
  let at = u32(b, e + 16);
  if ((count === 0xffff || at === ALL_ONES) && e >= 20 && u32(b, e - 20) === 0x07064b50) {
    const z = u64(b, e - 12);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50)
      throw damaged("zip64 目录记录无效", "bad zip64 directory record");
    count = u64(b, z + 32);
    at = u64(b, z + 48);
  }
  return { count, at };
}

/** Every entry of the archive by name; a name given twice makes the package ambiguous, so it is refused. */
export function readDirectory(b: Uint8Array): Map<string, ZipEntry> {
  const { count, at: start } = endOfDirectory(b);
  const entries = new Map<string, ZipEntry>();
  let at = start;
  // Each record is at least 46 bytes long, so a forged count cannot make this loop outrun the file.
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw damaged("中央目录不完整", "central directory cut short");
    const flags = u16(b, at + 8);
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const next = at + 46 + nameLen + extraLen + u16(b, at + 32);
    if (next > b.length) throw damaged("中央目录不完整", "central directory cut short");
    const e: ZipEntry = {
      name: nameOf(b.subarray(at + 46, at + 46 + nameLen), flags),
      flags,
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      offset: u32(b, at + 42),
    };
    zip64Sizes(b, at + 46 + nameLen, extraLen, e);
    if (entries.has(e.name)) throw damaged(`两个部分同名「${e.name}」`, `two entries named "${e.name}"`);
    entries.set(e.name, e);
    at = next;
  }
  return entries;
}

/** Sizes and offset that overflow 32 bits are in the zip64 extra field, in this order. */
function zip64Sizes(b: Uint8Array, from: number, length: number, e: ZipEntry): void {
  if (e.size !== ALL_ONES && e.compressedSize !== ALL_ONES && e.offset !== ALL_ONES) return;
  for (let x = from; x + 4 <= from + length; x += 4 + u16(b, x + 2)) {
    if (u16(b, x) !== 1) continue;
    let p = x + 4;
    const take = () => ((p += 8), u64(b, p - 8));
    if (e.size === ALL_ONES) e.size = take();
    if (e.compressedSize === ALL_ONES) e.compressedSize = take();
    if (e.offset === ALL_ONES) e.offset = take();
    return;
  }
}

function dataOf(b: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.offset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50)
    throw damaged(`「${e.name}」的文件头缺失`, `no local header for "${e.name}"`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) throw damaged(`「${e.name}」不完整`, `"${e.name}" is cut short`);
  return b.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, handing its bytes on in slices of at most 1 MB; more bytes than the directory
 * declares are refused as they come (so the declared sizes, checked against the budgets, hold).
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry, each: (bytes: Uint8Array) => void): void {
  if (e.flags & 1) throw damaged(`「${e.name}」已加密`, `"${e.name}" is encrypted`);
  const data = dataOf(b, e);
  let made = 0;
  const pass = (bytes: Uint8Array) => {
    made += bytes.length;
    if (made > e.size)
      throw damaged(`「${e.name}」解压后超过其声明的大小`, `"${e.name}" inflates beyond its declared size`);
    for (let i = 0; i < bytes.length; i += OUT) each(bytes.subarray(i, i + OUT));
  };
  if (e.method === 0) pass(data);
  else if (e.method === 8 && data.length <= IN && e.size <= OUT) {
    // A small part at once, into a buffer of its declared size (a stream costs ~160 KB of buffers a
    // part, 3 GB for 20,000 sheets): what would inflate beyond that size is never made available.
    pass(inflateSync(data, { out: new Uint8Array(e.size) }));
  } else if (e.method === 8) {
    const inflate = new Inflate(pass);
    for (let i = 0; i < data.length || i === 0; i += IN) inflate.push(data.subarray(i, i + IN), i + IN >= data.length);
  } else
    throw damaged(`「${e.name}」的压缩方式 ${e.method} 不受支持`, `"${e.name}" uses compression method ${e.method}`);
  if (made !== e.size)
    throw damaged(`「${e.name}」解压后的大小与声明不符`, `"${e.name}" inflates to another size than declared`);
}
