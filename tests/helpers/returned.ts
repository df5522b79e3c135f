/**
 * The returned files of the consolidation tests: 17 counties' workbooks, two filled templates (one with
 * a formula typed over), an encrypted file and a file that is not a workbook — 21 in all.
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { largeBook, renameUnits } from "../../src/sample/generate";
import { writeBook } from "../../src/sample/write";
import { fill, tamper } from "./template-fill";
import { runKaohe } from "./streams";

export async function makeReturned(dir: string): Promise<string> {
  const returned = path.join(dir, "returned");
  mkdirSync(returned, { recursive: true });
  for (let i = 0; i < 17; i++) {
    await writeBook(
      path.join(returned, `县${String(i + 1).padStart(2, "0")}.xlsx`),
      renameUnits(largeBook(3, 8, 60 + i), `县${i + 1}`),
    );
  }
  const template = path.join(dir, "模板.xlsx");
  const made = await runKaohe("template", "--out", template, "--year", "2025");
  if (made.code !== 0) throw new Error(made.err);
  await fill(template, path.join(returned, "市直-填好.xlsx"));
  await fill(template, path.join(returned, "市直-改过公式.xlsx"), tamper);
  // How Excel stores a password-protected .xlsx: an OLE compound file with an EncryptionInfo stream.
  const cfb = Buffer.alloc(2048);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(cfb, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
  writeFileSync(path.join(returned, "加密.xlsx"), cfb);
  writeFileSync(path.join(returned, "不是工作簿.xlsx"), "单位,姓名\n甲局,张三\n");
  return returned;
}
