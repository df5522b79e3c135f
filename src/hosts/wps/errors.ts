/** WPS's errors in words the user can act on. */
import type { Said } from "../../ui/environment";
import { describeAnyError } from "../../ui/errors";

export function describeWpsError(e: unknown): Said {
  if ((e as { code?: string })?.code === "AccessDenied") {
    return {
      zh: "工作簿结构受保护，无法添加工作表：请先撤销保护（审阅 → 撤销工作簿保护）。",
      en: "The workbook's structure is protected: unprotect it (Review → Unprotect Workbook) first.",
    };
  }
  return describeAnyError(e);
}
