/**
 * Reads a workbook file into the plain matrices the engine takes (src/xlsx/any picks the reader by what
 * the bytes are: .xlsx, or .xls/.et/.ods/.xlsb; this adds the file system and says in one line why a
 * file cannot be used).
 */
import { promises as fs } from "fs";
import type { WorkbookInput } from "../engine";
import { readAnyBytes, type ReadAny } from "./any";
import { UnusableFile, type ReadLimits } from "./ooxml";

export { UnusableFile } from "./ooxml";

export async function readFileBuffer(path: string): Promise<Buffer> {
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new UnusableFile("不是文件", "not a file");
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof UnusableFile) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnusableFile("文件不存在", "file not found");
    if (code === "EACCES") throw new UnusableFile("没有读取权限", "permission denied");
    throw new UnusableFile(
      `无法读取（${code ?? (e as Error).message}）`,
      `cannot be read (${code ?? (e as Error).message})`,
    );
  }
}

/** Any workbook format the readers take, with the format it was read as. */
export async function readWorkbookFile(
  path: string,
  year?: number,
  limits: Partial<ReadLimits> = {},
): Promise<ReadAny> {
  return readAnyBytes(await readFileBuffer(path), path, year, limits);
}

export async function readXlsx(path: string, year?: number, limits: Partial<ReadLimits> = {}): Promise<WorkbookInput> {
  return (await readWorkbookFile(path, year, limits)).input;
}
