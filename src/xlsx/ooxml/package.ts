/**
 * The parts of an .xlsx package (a zip of XML files), with fflate: sizes are checked against the
 * budget before anything is inflated, so a zip bomb is refused instead of filling memory.
 * Pure: bytes in, text out; no file system, so the browser can use it too.
 */
import { unzipSync } from "fflate";
import { UnusableFile } from "./unusable";

export interface ReadLimits {
  /** Non-empty cells in the whole workbook. */
  maxCells: number;
  /** Inflated size of one part (a sheet's XML, the shared strings). */
  maxPartBytes: number;
}

/** A province's appraisal is ~100,000 people × 40 columns: twice that still reads in well under 1 GB. */
export const DEFAULT_LIMITS: ReadLimits = { maxCells: 8_000_000, maxPartBytes: 768 * 1024 * 1024 };

const MB = (n: number) => `${Math.round(n / 1048576)} MB`;

/** Tells an encrypted (password-protected) .xlsx or an old .xls from other non-workbooks. */
export function sniff(bytes: Uint8Array): UnusableFile | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return null;
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // "EncryptionInfo" in UTF-16LE names the stream of an encrypted OOXML package.
    if (includesUtf16(bytes, "EncryptionInfo")) {
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

function includesUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

export class Package {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly names: Set<string>,
    private readonly limits: ReadLimits,
  ) {}

  static open(bytes: Uint8Array, limits: ReadLimits): Package {
    const bad = sniff(bytes);
    if (bad) throw bad;
    const names = new Set<string>();
    let tooBig: { name: string; size: number } | null = null;
    try {
      // The filter sees each entry's declared size and inflates nothing: a listing.
      unzipSync(bytes, {
        filter: (f) => {
          names.add(f.name);
          if (f.originalSize > limits.maxPartBytes && !tooBig) tooBig = { name: f.name, size: f.originalSize };
          return false;
        },
      });
    } catch (e) {
      throw new UnusableFile(
        `不是有效的 xlsx 工作簿（压缩包损坏：${(e as Error).message}）`,
        `not a valid xlsx workbook (damaged zip: ${(e as Error).message})`,
      );
    }
    const big = tooBig as { name: string; size: number } | null;
    if (big) {
      throw new UnusableFile(
        `工作簿过大：其中「${big.name}」解压后 ${MB(big.size)}，超过可读取的 ${MB(limits.maxPartBytes)}`,
        `workbook too large: "${big.name}" inflates to ${MB(big.size)}, more than the ${MB(limits.maxPartBytes)} that can be read`,
      );
    }
    if (!names.has("xl/workbook.xml") && !names.has("[Content_Types].xml")) {
      throw new UnusableFile(
        "不是有效的 xlsx 工作簿（缺少 workbook.xml）",
        "not a valid xlsx workbook (no workbook.xml)",
      );
    }
    return new Package(bytes, names, limits);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** The inflated bytes of one part, or null when the package has none. */
  bytesOf(name: string): Uint8Array | null {
    if (!this.names.has(name)) return null;
    let out: Uint8Array | undefined;
    try {
      out = unzipSync(this.bytes, { filter: (f) => f.name === name })[name];
    } catch (e) {
      throw new UnusableFile(
        `不是有效的 xlsx 工作簿（「${name}」无法解压：${(e as Error).message}）`,
        `not a valid xlsx workbook ("${name}" cannot be inflated: ${(e as Error).message})`,
      );
    }
    if (out && out.length > this.limits.maxPartBytes) {
      throw new UnusableFile(
        `工作簿过大：「${name}」解压后超过 ${MB(this.limits.maxPartBytes)}`,
        `workbook too large: "${name}" inflates to more than ${MB(this.limits.maxPartBytes)}`,
      );
    }
    return out ?? null;
  }
}
