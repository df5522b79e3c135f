/** Goes to a finding's cell in WPS: activates its sheet and selects the cell, or says why it cannot. */
import type { Said } from "../../ui/environment";
import { sheetAt, XL, type WpsApp } from "./et";

export function selectCell(app: WpsApp, sheet: string, cell: string): Said | null {
  const sheets = app.Worksheets;
  let ws: Et.Worksheet | null = null;
  for (let i = 1; i <= sheets.Count && !ws; i++) {
    const s = sheetAt(sheets, i);
    if (s.Name === sheet) ws = s;
  }
  if (!ws) {
    return {
      zh: `工作簿中已没有工作表「${sheet}」，请重新校验。`,
      en: `The workbook no longer has a sheet "${sheet}"; check again.`,
    };
  }
  if (ws.Visible !== XL.sheetVisible) {
    return {
      zh: `工作表「${sheet}」已隐藏：请右键工作表标签 →「取消隐藏」后再定位 ${cell}。`,
      en: `Sheet "${sheet}" is hidden: right-click a sheet tab → Unhide, then go to ${cell}.`,
    };
  }
  ws.Activate();
  ws.Range(cell).Select();
  return null;
}
