/** Goes to a finding's cell: activates its sheet and selects the cell. */
import type { Said } from "./errors";

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<Said | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load("visibility");
  await context.sync();
  if (ws.isNullObject) {
    return {
      zh: `工作簿中已没有工作表「${sheet}」，请重新校验。`,
      en: `The workbook no longer has a sheet "${sheet}"; check again.`,
    };
  }
  if (ws.visibility !== "Visible") {
    return {
      zh: `工作表「${sheet}」已隐藏：请右键工作表标签 →「取消隐藏」后再定位 ${cell}。`,
      en: `Sheet "${sheet}" is hidden: right-click a sheet tab → Unhide, then go to ${cell}.`,
    };
  }
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
  return null;
}
