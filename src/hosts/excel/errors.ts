/** Excel's error codes turned into what the user can do about them. */
import type { Said } from "../../ui/environment";
import { describeAnyError } from "../../ui/errors";
import { Cancelled } from "../../ui/progress";
import { TemplateSheetsExist } from "./write-template";

export type { Said } from "../../ui/environment";

export function describeError(e: unknown): Said {
  if (e instanceof Cancelled) return { zh: "已取消。", en: "Cancelled." };
  if (e instanceof TemplateSheetsExist) {
    return {
      zh: `本工作簿已有工作表「${e.names.join("」「")}」，不会覆盖：请在空白工作簿中生成模板。`,
      en: `This workbook already has sheets ${e.names.join(", ")}; nothing was overwritten: make the template in a blank workbook.`,
    };
  }
  const code = (e as { code?: string })?.code;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return {
        zh: "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试。",
        en: "Excel is editing a cell: press Enter or Esc to finish, then try again.",
      };
    case "RequestPayloadSizeLimitExceeded":
      return {
        zh: "要写入的数据超过了 Excel 单次请求的上限（网页版 5 MB），未能写入：请在桌面版 Excel 中重试，或分批回收汇总。",
        en: "The write is larger than Excel accepts in one request (5 MB on the web) and was not made: try again in desktop Excel, or collect the files in smaller batches.",
      };
    case "ResponsePayloadSizeLimitExceeded":
      return {
        zh: "工作表一行的数据超过了 Excel 单次读取的上限（5 MB），请检查是否有超长单元格。",
        en: "One row holds more than Excel can return at once (5 MB); look for very long cells.",
      };
    case "AccessDenied":
      return {
        zh: "工作表或工作簿受保护，无法写入：请先撤销保护（审阅 → 撤销保护）。",
        en: "The sheet or workbook is protected: unprotect it (Review → Unprotect) first.",
      };
    case "ItemNotFound":
      return {
        zh: "找不到该工作表或单元格：工作簿在校验后可能已更改，请重新校验。",
        en: "Sheet or cell not found: the workbook may have changed since the check; check again.",
      };
  }
  return describeAnyError(e);
}
