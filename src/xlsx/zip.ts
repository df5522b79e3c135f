/**
 * Just enough of the zip format to finish a package we wrote: list its entries, inflate the few small parts
 * to change, and write a new zip that copies every other entry's compressed bytes as they are — a merged
 * workbook of 100,000 rows is never inflated again to add a defined name.
 */
import { deflateSync, inflateSync } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes (a view into the zip). */
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class NotAZip extends Error {}

/** The entries of a zip, from its central directory (no zip64: our packages are far below 4 GB). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotAZip("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new NotAZip("bad central directory");
    const nameLen = view.getUint16(at + 28, true);
    const skip = nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const compressedSize = view.getUint32(at + 20, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new NotAZip("bad local header");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) throw new NotAZip("entry past the end");
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: view.getUint32(at + 24, true),
      data: bytes.subarray(start, start + compressedSize),
    });
    at += 46 + skip;
  }
  return entries;
}

/** An entry's content (stored or deflated). */
export function inflateEntry(e: ZipEntry): Uint8Array {
  if (e.method === 0) return e.data;
  if (e.method === 8) return inflateSync(e.data, { out: new Uint8Array(e.size) });
  throw new NotAZip(`compression method ${e.method}`);
}

/** Raw DEFLATE of a part: fflate's (the browser), or a native one where there is one (Node's zlib). */
export type Deflate = (content: Uint8Array) => Uint8Array;

const fflateDeflate: Deflate = (content) => deflateSync(content, { level: 6 });

/** A new entry, deflated. */
export function entryOf(name: string, content: Uint8Array, deflate: Deflate = fflateDeflate): ZipEntry {
  return {
    name,
    method: 8,
    crc: crc32(content),
    compressedSize: 0,
    size: content.length,
    data: deflate(content),
  };
}

/** The entries as a zip; their compressed bytes copied as they are. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.data.length, 0);
  const centralSize = names.reduce((n, b) => n + 46 + b.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // 1980-01-01 00:00: the same input gives the same bytes.
  const [TIME, DATE] = [0, (0 << 9) | (1 << 5) | 1];
  const header = (e: ZipEntry, name: Uint8Array, local: number | null) => {
    const central = local !== null;
    const flags = name.some((b) => b > 0x7f) ? 0x0800 : 0; // UTF-8 names
    let p = at;
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true);
      p += 2;
    }
    view.setUint16(p, 20, true);
    view.setUint16(p + 2, flags, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, TIME, true);
    view.setUint16(p + 8, DATE, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, name.length, true);
    view.setUint16(p + 24, 0, true);
    p += 26;
    if (central) {
      // comment length, disk, internal and external attributes (all 0), then the local header's offset
      p += 10;
      view.setUint32(p, local, true);
      p += 4;
    }
    out.set(name, p);
    at = p + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, names[i], null);
    out.set(e.data, at);
    at += e.data.length;
  });
  const central = at;
  entries.forEach((e, i) => header(e, names[i], offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
