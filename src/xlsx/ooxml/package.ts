/**
 * The parts of an .xlsx package (a zip of XML files): the directory read once, sizes checked against
 * the budgets before anything is inflated (a zip bomb is refused, not inflated), and each part streamed
 * through the XML parser once, never held inflated. Pure: bytes in, events out; the browser uses it too.
 */
import { size, type ReadLimits } from "./limits";
import { UnusableFile } from "./unusable";
import { parseXml, type XmlHandler } from "./xml";
import { damaged, inflateEntry, readDirectory, type ZipEntry } from "./zip";

export { DEFAULT_LIMITS, type ReadLimits } from "./limits";

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

function tooLarge(zh: string, en: string): UnusableFile {
  return new UnusableFile(`工作簿过大：${zh}`, `workbook too large: ${en}`);
}

export class Package {
  /** Inflated bytes so far, against the whole file's budget. */
  private inflated = 0;
  private readonly parsed = new Set<string>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    readonly limits: ReadLimits,
  ) {}

  static open(bytes: Uint8Array, limits: ReadLimits): Package {
    const bad = sniff(bytes);
    if (bad) throw bad;
    const entries = readDirectory(bytes);
    for (const e of entries.values()) {
      if (e.size > limits.maxPartBytes) {
        throw tooLarge(
          `其中「${e.name}」解压后 ${size(e.size)}，超过可读取的 ${size(limits.maxPartBytes)}`,
          `"${e.name}" inflates to ${size(e.size)}, more than the ${size(limits.maxPartBytes)} that can be read`,
        );
      }
    }
    if (!entries.has("xl/workbook.xml") && !entries.has("[Content_Types].xml")) {
      throw new UnusableFile(
        "不是有效的 xlsx 工作簿（缺少 workbook.xml）",
        "not a valid xlsx workbook (no workbook.xml)",
      );
    }
    return new Package(bytes, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Refuses, before inflating them, parts that together would inflate beyond the whole file's budget. */
  reserve(names: Iterable<string>): void {
    let total = this.inflated;
    for (const name of new Set(names)) if (!this.parsed.has(name)) total += this.entries.get(name)?.size ?? 0;
    if (total > this.limits.maxTotalBytes) {
      throw tooLarge(
        `要读取的各部分解压后共 ${size(total)}，超过可读取的 ${size(this.limits.maxTotalBytes)}`,
        `the parts to read inflate to ${size(total)} in all, more than the ${size(this.limits.maxTotalBytes)} that can be read`,
      );
    }
  }

  /** Streams one part through the XML handler; false when the package has no such part. Once per part. */
  parse(name: string, h: XmlHandler): boolean {
    const entry = this.entries.get(name);
    if (!entry) return false;
    if (this.parsed.has(name)) {
      throw new UnusableFile(
        `不是有效的 xlsx 工作簿（「${name}」被引用了不止一次）`,
        `not a valid xlsx workbook ("${name}" is referred to more than once)`,
      );
    }
    this.parsed.add(name);
    this.reserve([]);
    const xml = parseXml(name, h);
    try {
      inflateEntry(this.bytes, entry, (chunk) => {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxTotalBytes) this.reserve([]);
        xml.write(chunk);
      });
    } catch (e) {
      if (e instanceof UnusableFile) throw e;
      const msg = (e as Error).message;
      throw damaged(`「${name}」无法解压：${msg}`, `"${name}" cannot be inflated: ${msg}`);
    }
    xml.end();
    return true;
  }
}
