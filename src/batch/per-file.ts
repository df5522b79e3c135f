/**
 * One file of a batch (kaohe's commands, 回收汇总, 往年结果, 与上次报送比较): whatever goes wrong with it becomes one
 * "unusable" line, never the batch's end.
 */
import { UnusableFile } from "../xlsx/ooxml/unusable";
import { unusable, type Unusable } from "./results";

export { unusable, type Unusable } from "./results";

export async function perFile<T>(file: string, work: () => Promise<T | Unusable>): Promise<T | Unusable> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UnusableFile) return unusable(file, e.zh, e.en);
    // Anything else is our fault, but one file must not stop the others.
    const msg = (e as Error).message;
    return unusable(file, `读取时出错：${msg}`, `failed while reading: ${msg}`);
  }
}
