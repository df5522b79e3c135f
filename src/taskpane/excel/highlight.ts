/**
 * Marks offending cells with conditional formats the add-in owns, so the user's own fills, fonts,
 * values and formulas are never touched: clearing deletes exactly the formats whose rule is ours.
 */
import { parseA1, type Finding, type Severity } from "../../engine";
import type { SheetInfo } from "./read";

/** Always true, and recognisably ours: no user writes this rule. */
export const MARK_FORMULA = '=N("kaohe")=0';
export const MARK_FILL: Record<Severity, string> = { error: "#F8D7DA", warning: "#FFF1C2", info: "#DCEBF8" };
/** Cells per conditional format: keeps each range address short. */
const CELLS_PER_FORMAT = 120;

export interface MarkResult {
  marked: number;
  /** Protected sheets whose cells were left unmarked, with how many. */
  protectedSheets: { sheet: string; cells: number }[];
  cleared: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Per sheet, each cell once at its worst severity. */
export function cellsToMark(findings: Finding[], sheets: SheetInfo[]): Map<string, Map<string, Severity>> {
  const usable = new Set(sheets.filter((s) => !s.owned).map((s) => s.name));
  const out = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (!usable.has(f.sheet) || !parseA1(f.cell)) continue;
    let cells = out.get(f.sheet);
    if (!cells) out.set(f.sheet, (cells = new Map()));
    const had = cells.get(f.cell);
    if (!had || RANK[f.severity] < RANK[had]) cells.set(f.cell, f.severity);
  }
  return out;
}

/** Deletes every conditional format the add-in made; other formats stay. Four syncs, whatever the size. */
export async function clearMarks(
  context: Excel.RequestContext,
): Promise<{ cleared: number; protectedSheets: string[] }> {
  const list = context.workbook.worksheets;
  list.load("items/name,items/protection/protected");
  await context.sync();
  const open = list.items.filter((ws) => !ws.protection.protected);
  const protectedSheets = list.items.filter((ws) => ws.protection.protected).map((ws) => ws.name);
  const collections = open.map((ws) => ws.getRange().conditionalFormats.load("items/type"));
  await context.sync();
  const custom = collections.flatMap((c) => c.items.filter((cf) => cf.type === "Custom"));
  for (const cf of custom) cf.custom.rule.load("formula");
  await context.sync();
  const ours = custom.filter((cf) => cf.custom.rule.formula === MARK_FORMULA);
  for (const cf of ours) cf.delete();
  await context.sync();
  return { cleared: ours.length, protectedSheets };
}

export async function markFindings(
  context: Excel.RequestContext,
  findings: Finding[],
  sheets: SheetInfo[],
): Promise<MarkResult> {
  const { cleared } = await clearMarks(context);
  const info = new Map(sheets.map((s) => [s.name, s]));
  const result: MarkResult = { marked: 0, protectedSheets: [], cleared };
  for (const [sheet, cells] of cellsToMark(findings, sheets)) {
    if (info.get(sheet)?.protected) {
      result.protectedSheets.push({ sheet, cells: cells.size });
      continue;
    }
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const severity of ["error", "warning", "info"] as Severity[]) {
      const list = [...cells].filter(([, s]) => s === severity).map(([cell]) => cell);
      for (let i = 0; i < list.length; i += CELLS_PER_FORMAT) {
        const cf = ws.getRanges(list.slice(i, i + CELLS_PER_FORMAT).join(",")).conditionalFormats.add("Custom");
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = MARK_FILL[severity];
      }
      result.marked += list.length;
    }
  }
  await context.sync();
  return result;
}
