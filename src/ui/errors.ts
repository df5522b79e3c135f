/** What every host says of an error it has no words of its own for. */
import type { Said } from "./environment";
import { Cancelled } from "./progress";

export function describeAnyError(e: unknown): Said {
  if (e instanceof Cancelled) return { zh: "已取消。", en: "Cancelled." };
  const message = (e as Error)?.message ?? String(e);
  return { zh: `出错了：${message}`, en: `Something went wrong: ${message}` };
}
