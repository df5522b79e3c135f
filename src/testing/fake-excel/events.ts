/** Worksheet events, raised after the sync as Excel raises them, and handlers that stay until removed. */
import type { Ctx, FakeChangeEvent, FakeEvent, FakeExcelState, FakeSheet, FakeSheetEvent, Handler } from "./types";

/** What `onX.add` gives back: Office.js's EventHandlerResult. */
export interface FakeHandlerResult {
  context: Ctx["context"];
  remove(): void;
}

/**
 * Registers a handler at the next sync. It stays registered — also after the Excel.run that added it has
 * ended — until its result is removed and that result's own context synced ("Work with events using the
 * Excel JavaScript API": remove with the same RequestContext that added it). A new session adds another.
 */
export function addHandler(ctx: Ctx, list: (s: FakeExcelState) => Handler[], h: Handler): FakeHandlerResult {
  ctx.queue.push(() => void list(ctx.state).push(h));
  return {
    context: ctx.context,
    remove: () =>
      ctx.queue.push(() => {
        const l = list(ctx.state);
        const i = l.indexOf(h);
        if (i >= 0) l.splice(i, 1);
      }),
  };
}

function deliver(handlers: Handler[], e: FakeEvent): void {
  for (const h of [...handlers]) setTimeout(() => void h(e), 0);
}

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
  deliver([...state.handlers.workbook, ...(state.handlers.sheets.get(sheet.name) ?? [])], e);
}

/** Rows sorted (WorksheetCollection.onRowSorted, ExcelApi 1.10) or the selection moved (onSelectionChanged, 1.9). */
export function raiseSheetEvent(
  state: FakeExcelState,
  sheet: FakeSheet,
  type: FakeSheetEvent["type"],
  address: string,
): void {
  if (!state.eventsEnabled) return;
  const e: FakeSheetEvent = { type, worksheetId: sheet.id, address, source: "Local" };
  deliver(type === "WorksheetRowSorted" ? state.handlers.sorted : state.handlers.selection, e);
}
