/** Worksheet change events, raised after the sync as Excel raises them. */
import type { FakeChangeEvent, FakeExcelState, FakeSheet } from "./types";

/** Raises a change event to the handlers registered for the sheet, after the current sync, as Excel does. */
export function raise(
  state: FakeExcelState,
  sheet: FakeSheet,
  address: string,
  changeType: string,
  by: "ThisLocalAddin" | "Unknown",
  details?: FakeChangeEvent["details"],
): void {
  if (!state.eventsEnabled) return;
  const e: FakeChangeEvent = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source: "Local" };
  if (state.excelApi >= 1.14) e.triggerSource = by;
  if (details) e.details = details;
  state.events.push(e);
  const handlers = [...state.handlers.workbook, ...(state.handlers.sheets.get(sheet.name) ?? [])];
  for (const h of handlers) setTimeout(() => void h(e), 0);
}
