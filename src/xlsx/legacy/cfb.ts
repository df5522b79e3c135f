/**
 * One stream out of an OLE compound file (MS-CFB: .xls, .et), read by our own bounded walk rather than
 * the library's: every sector number is checked against the file's length (a truncated file is said so),
 * every chain is walked at most once per sector (a sector loop is said so, not followed for ever), and a
 * stream is never larger than its chain. Pure: bytes in, bytes out.
 */
import { UnusableFile } from "../ooxml/unusable";

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

export function damagedCfb(zh: string, en: string): UnusableFile {
  return new UnusableFile(`复合文档损坏：${zh}`, `damaged compound file: ${en}`);
}

export interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  start: number;
  size: number;
}

export class Cfb {
  private readonly shift: number;
  private readonly ssz: number;
  private readonly sectors: number;
  private readonly fat: Uint32Array;
  readonly entries: CfbEntry[];
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;

  constructor(private readonly b: Uint8Array) {
    if (b.length < 512)
      throw damagedCfb("文件不完整（不足 512 字节的文件头）", "cut short (less than its 512-byte header)");
    this.shift = u16(b, 0x1e);
    if (this.shift !== 9 && this.shift !== 12)
      throw damagedCfb(`扇区大小无效（2^${this.shift}）`, `invalid sector size (2^${this.shift})`);
    this.ssz = 1 << this.shift;
    // Sectors the file holds after its header: no sector number may reach beyond them.
    this.sectors = Math.ceil(Math.max(0, b.length - this.ssz) / this.ssz);
    this.fat = this.readFat();
    const dir = this.chain(u32(b, 0x30), "目录", "directory");
    this.entries = [];
    for (let at = 0; at + 128 <= dir.length; at += 128) {
      const nameLen = Math.min(64, u16(dir, at + 0x40));
      let name = "";
      for (let k = 0; k + 1 < nameLen - 1; k += 2) name += String.fromCharCode(u16(dir, at + k));
      this.entries.push({ name, type: dir[at + 0x42], start: u32(dir, at + 0x74), size: u32(dir, at + 0x78) });
    }
  }

  private sectorAt(n: number, what: string, whatEn: string): number {
    if (n >= this.sectors) {
      throw damagedCfb(
        `文件不完整：${what}指向第 ${n} 个扇区，文件只有 ${this.sectors} 个`,
        `cut short: the ${whatEn} points at sector ${n}, the file has ${this.sectors}`,
      );
    }
    return (n + 1) << this.shift;
  }

  /** The FAT's sectors, from the header's 109 slots and the DIFAT chain, each walked once. */
  private readFat(): Uint32Array {
    const b = this.b;
    const count = u32(b, 0x2c);
    if (count > this.sectors) throw damagedCfb("FAT 扇区数超出文件", "more FAT sectors than the file holds");
    const ids: number[] = [];
    for (let k = 0; k < 109 && ids.length < count; k++) ids.push(u32(b, 0x4c + 4 * k));
    const per = this.ssz / 4 - 1;
    const seen = new Set<number>();
    for (let d = u32(b, 0x44); ids.length < count && d !== END_OF_CHAIN && d !== FREE;) {
      if (seen.has(d)) throw damagedCfb("DIFAT 扇区链成环", "the DIFAT sector chain loops");
      seen.add(d);
      const at = this.sectorAt(d, "DIFAT ", "DIFAT");
      for (let k = 0; k < per && ids.length < count; k++) ids.push(u32(b, at + 4 * k));
      d = u32(b, at + per * 4);
    }
    const fat = new Uint32Array(ids.length * (this.ssz / 4));
    ids.forEach((id, k) => {
      const at = this.sectorAt(id, "FAT ", "FAT");
      for (let i = 0; i < this.ssz / 4; i++) fat[k * (this.ssz / 4) + i] = u32(b, at + 4 * i);
    });
    return fat;
  }

  /** A chain's sectors joined; `max` bytes at most (a stream's declared size). */
  private chain(start: number, what: string, whatEn: string, max = Infinity): Uint8Array {
    const at: number[] = [];
    const seen = new Uint8Array(this.sectors);
    for (let s = start; s !== END_OF_CHAIN && at.length * this.ssz < max;) {
      const off = this.sectorAt(s, what, whatEn);
      if (seen[s])
        throw damagedCfb(`${what}的扇区链成环（第 ${s} 个扇区）`, `the ${whatEn}'s sector chain loops (sector ${s})`);
      seen[s] = 1;
      at.push(off);
      if (s >= this.fat.length)
        throw damagedCfb(`${what}的扇区不在 FAT 中`, `the ${whatEn}'s sector is not in the FAT`);
      s = this.fat[s];
    }
    const size = Math.min(max, at.length * this.ssz);
    const out = new Uint8Array(size);
    let got = 0;
    at.forEach((off, k) => {
      const n = Math.min(this.ssz, size - k * this.ssz, this.b.length - off);
      if (n > 0) out.set(this.b.subarray(off, off + n), k * this.ssz);
      got += Math.max(0, n);
    });
    if (got < size)
      throw damagedCfb(
        `文件不完整：${what}缺少 ${size - got} 字节`,
        `cut short: the ${whatEn} lacks ${size - got} bytes`,
      );
    return out;
  }

  /** The stream of that name (case ignored, as Excel does), or null. */
  stream(...names: string[]): Uint8Array | null {
    const wanted = names.map((n) => n.toLowerCase());
    const e = this.entries.find((x) => x.type === 2 && wanted.includes(x.name.toLowerCase()));
    if (!e) return null;
    const what = `「${e.name}」流`;
    const whatEn = `"${e.name}" stream`;
    const cutoff = u32(this.b, 0x38) || 4096;
    if (e.size >= cutoff) {
      const s = this.chain(e.start, what, whatEn, e.size);
      if (s.length < e.size) throw damagedCfb(`${what}不完整`, `the ${whatEn} is cut short`);
      return s;
    }
    return this.mini(e, what, whatEn);
  }

  /** A small stream lives in 64-byte sectors of the root's mini stream. */
  private mini(e: CfbEntry, what: string, whatEn: string): Uint8Array {
    if (!this.miniStream || !this.miniFat) {
      const root = this.entries[0];
      if (!root || root.type !== 5) throw damagedCfb("没有根目录项", "no root entry");
      this.miniStream =
        root.start === END_OF_CHAIN ? new Uint8Array(0) : this.chain(root.start, "迷你流", "mini stream", root.size);
      const first = u32(this.b, 0x3c);
      const raw =
        first === END_OF_CHAIN || first === NO_STREAM ? new Uint8Array(0) : this.chain(first, "迷你 FAT ", "mini FAT");
      this.miniFat = new Uint32Array(raw.length / 4);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = u32(raw, i * 4);
    }
    const out = new Uint8Array(e.size);
    const seen = new Set<number>();
    let got = 0;
    for (let s = e.start; s !== END_OF_CHAIN && got < e.size;) {
      if (seen.has(s)) throw damagedCfb(`${what}的迷你扇区链成环`, `the ${whatEn}'s mini sector chain loops`);
      seen.add(s);
      const off = s * 64;
      if (off + 64 > this.miniStream.length && off + (e.size - got) > this.miniStream.length)
        throw damagedCfb(`${what}不完整`, `the ${whatEn} is cut short`);
      const n = Math.min(64, e.size - got);
      out.set(this.miniStream.subarray(off, off + n), got);
      got += n;
      if (s >= this.miniFat.length) break;
      s = this.miniFat[s];
    }
    if (got < e.size) throw damagedCfb(`${what}不完整`, `the ${whatEn} is cut short`);
    return out;
  }
}
