/**
 * Any returned workbook's bytes to the engine's input, told by what they are: an OOXML package goes to
 * our .xlsx reader; .xls/.et (an OLE compound file), .ods and .xlsb to the legacy reader, loaded only
 * now (webpack makes it a chunk of its own; the command line requires it here). The format read is
 * returned, for status lines to name it.
 */
import type { WorkbookInput } from "../engine";
import { containerOf, formatOfName, type FormatId } from "./formats";
import { readWorkbookBytes, sniff, UnusableFile, type ReadLimits } from "./ooxml";
import { readDirectory } from "./ooxml/zip";
import { Cfb } from "./legacy/cfb";

export interface ReadAny {
  input: WorkbookInput;
  format: FormatId;
}

/** The format the bytes hold (a name's extension only tells .xls from .et, both BIFF inside). */
export function formatOfBytes(bytes: Uint8Array, name: string): FormatId | null {
  const container = containerOf(bytes);
  if (container === "cfb") {
    // Excel keeps an encrypted .xlsx in a compound file too (its EncryptionInfo stream): the .xlsx reader
    // says so.
    if (encryptedPackage(bytes)) return "xlsx";
    return formatOfName(name) === "et" ? "et" : "xls";
  }
  if (container !== "zip") return null;
  let names: Map<string, unknown>;
  try {
    names = readDirectory(bytes);
  } catch {
    return "xlsx"; // the .xlsx reader says what is wrong with the zip
  }
  if (names.has("xl/workbook.bin")) return "xlsb";
  if (names.has("content.xml") && !names.has("xl/workbook.xml")) return "ods";
  return "xlsx";
}

/** By the compound file's streams (a cell's text cannot pass for one); by its bytes where it cannot be listed. */
function encryptedPackage(bytes: Uint8Array): boolean {
  try {
    return new Cfb(bytes).entries.some((e) => e.name === "EncryptionInfo" || e.name === "EncryptedPackage");
  } catch {
    return Boolean(sniff(bytes)?.en.includes("password"));
  }
}

function notAWorkbook(name: string): UnusableFile {
  const f = formatOfName(name);
  if (f === "et") {
    return new UnusableFile(
      "这个 .et 文件既不是 BIFF（Excel 97–2003）格式也不是 xlsx 格式，无法读取：请在 WPS 中另存为 .xlsx",
      "this .et file is neither in the BIFF (Excel 97–2003) form nor an xlsx package: save it as .xlsx in WPS",
    );
  }
  if (f && f !== "xlsx") return new UnusableFile(`不是有效的 .${f} 文件`, `not a valid .${f} file`);
  return sniff(new Uint8Array(0))!;
}

export async function readAnyBytes(
  bytes: Uint8Array,
  name: string,
  year?: number,
  limits: Partial<ReadLimits> = {},
): Promise<ReadAny> {
  const format = formatOfBytes(bytes, name);
  if (format === null) throw notAWorkbook(name);
  if (format === "xlsx") return { input: readWorkbookBytes(bytes, year, limits), format };
  const { readLegacyBytes } = await import(/* webpackChunkName: "legacy-formats" */ "./legacy/read");
  return { input: readLegacyBytes(bytes, format, year, limits), format };
}
