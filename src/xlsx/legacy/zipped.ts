/**
 * .ods and .xlsb are zips too: their parts are inflated by our own bounded zip reader (declared sizes
 * checked against the budgets first, nothing inflated beyond them, pictures and the rest left packed),
 * counted before the library sees them, and handed to it as a stored zip of just those parts. The
 * library would inflate every entry whole, whatever it declares, and expands .ods's repeated cells.
 */
import { zipSync } from "fflate";
import type { Budget } from "../ooxml/budget";
import { size } from "../ooxml/limits";
import { UnusableFile } from "../ooxml/unusable";
import { inflateEntry, readDirectory, type ZipEntry } from "../ooxml/zip";
import { scanOds, type OdsScan } from "./ods-scan";
import { scanXlsb } from "./xlsb-scan";

const WHAT = { ods: [".ods 文件", ".ods file"], xlsb: [".xlsb 工作簿", ".xlsb workbook"] } as const;

/** The zip reader's words are the .xlsx reader's: said of the format in hand. */
function rephrase(e: unknown, format: "ods" | "xlsb"): unknown {
  if (!(e instanceof UnusableFile)) return e;
  const [zh, en] = WHAT[format];
  return new UnusableFile(e.zh.replace("xlsx 工作簿", zh), e.en.replace("xlsx workbook", en));
}

/** The parts the library reads: the sheets' data and what names and dates them, not pictures. */
function wanted(name: string, format: "ods" | "xlsb"): boolean {
  if (format === "ods") return ["mimetype", "content.xml", "styles.xml", "META-INF/manifest.xml"].includes(name);
  return /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/.*\.(bin|rels))$/.test(name);
}

export interface Zipped {
  /** The parts the library reads, as a stored zip. */
  bytes: Uint8Array;
  /** An .ods's formulas in Excel's form and hidden sheets, read from content.xml. */
  ods?: OdsScan;
}

export function zippedParts(bytes: Uint8Array, format: "ods" | "xlsb", budget: Budget): Zipped {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readDirectory(bytes);
  } catch (e) {
    throw rephrase(e, format);
  }
  const parts = [...entries.values()].filter((e) => wanted(e.name, format));
  const { maxPartBytes, maxTotalBytes } = budget.limits;
  let total = 0;
  for (const e of parts) {
    total += e.size;
    if (e.size > maxPartBytes || total > maxTotalBytes) {
      throw new UnusableFile(
        `工作簿过大：其中「${e.name}」解压后 ${size(e.size)}，各部分共超过可读取的 ${size(Math.min(maxPartBytes, maxTotalBytes))}`,
        `workbook too large: "${e.name}" inflates to ${size(e.size)}, more than can be read (${size(Math.min(maxPartBytes, maxTotalBytes))})`,
      );
    }
  }
  const files: Record<string, Uint8Array> = {};
  try {
    for (const e of parts) {
      const out = new Uint8Array(e.size);
      let at = 0;
      inflateEntry(bytes, e, (chunk) => {
        out.set(chunk, at);
        at += chunk.length;
      });
      files[e.name] = out;
    }
  } catch (e) {
    throw rephrase(e, format);
  }
  if (format === "ods") {
    if (!files["content.xml"])
      throw new UnusableFile("不是有效的 .ods 文件（缺少 content.xml）", "not a valid .ods file (no content.xml)");
    const ods = scanOds(files["content.xml"], budget);
    // Stored, not deflated: the library only slices them out again.
    return { bytes: zipSync(files, { level: 0 }), ods };
  }
  if (!files["xl/workbook.bin"])
    throw new UnusableFile(
      "不是有效的 .xlsb 工作簿（缺少 workbook.bin）",
      "not a valid .xlsb workbook (no workbook.bin)",
    );
  scanXlsb(files, budget);
  return { bytes: zipSync(files, { level: 0 }) };
}
