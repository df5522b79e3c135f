/**
 * Marks offending cells with conditional formats the add-in owns, so the user's own fills, fonts,
 * values and formulas are never touched: clearing deletes exactly the formats whose rule is ours.
 */
import type { Finding, Severity } from "../../engine";
import { cellsToMark, MARK_FILL, MARK_FORMULA } from "../../ui/marks";
import type { SheetInfo } from "./read";

export { cellsToMark, MARK_FILL, MARK_FORMULA } from "../../ui/marks";
/** Cells per conditional format: keeps each range address short. */
const CELLS_PER_FORMAT = 120;

export interface MarkResult {
  marked: number;
  /** Protected sheets whose cells were left unmarked, with how many. */
  protectedSheets: { sheet: string; cells: number }[];
  cleared: number;
  /** The formats made, by id: what 边填边查 updates without reading them back. */
  index: MarkIndex;
}

/** Our conditional formats by id: the sheet, the cells each covers and their severity. */
export type MarkIndex = Map<string, { sheet: string; cells: string[]; severity: Severity }>;

type Made = { cf: Excel.ConditionalFormat; sheet: string; cells: string[]; severity: Severity };

/** Queues one format per CELLS_PER_FORMAT cells of a severity; its id is loaded with the same sync. */
function addMarks(ws: Excel.Worksheet, sheet: string, cells: string[], severity: Severity, made: Made[]): void {
  for (let i = 0; i < cells.length; i += CELLS_PER_FORMAT) {
    const part = cells.slice(i, i + CELLS_PER_FORMAT);
    const cf = ws.getRanges(part.join(",")).conditionalFormats.add("Custom");
    cf.custom.rule.formula = MARK_FORMULA;
    cf.custom.format.fill.color = MARK_FILL[severity];
    cf.load("id");
    made.push({ cf, sheet, cells: part, severity });
  }
}

function indexOf(made: Made[]): MarkIndex {
  return new Map(made.map((m) => [m.cf.id, { sheet: m.sheet, cells: m.cells, severity: m.severity }]));
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
  const result: MarkResult = { marked: 0, protectedSheets: [], cleared, index: new Map() };
  const made: Made[] = [];
  for (const [sheet, cells] of cellsToMark(findings, sheets)) {
    if (info.get(sheet)?.protected) {
      result.protectedSheets.push({ sheet, cells: cells.size });
      continue;
    }
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const severity of ["error", "warning", "info"] as Severity[]) {
      const list = [...cells].filter(([, s]) => s === severity).map(([cell]) => cell);
      addMarks(ws, sheet, list, severity, made);
      result.marked += list.length;
    }
  }
  await context.sync();
  result.index = indexOf(made);
  return result;
}

/**
 * Brings the marks from one set of findings to the next in one sync: only the formats covering a cell
 * whose mark changed are deleted (by id) and made again; every other format stays as it is.
 */
export async function updateMarks(
  context: Excel.RequestContext,
  index: MarkIndex,
  findings: Finding[],
  sheets: SheetInfo[],
): Promise<{ index: MarkIndex; changed: number }> {
  const want = cellsToMark(
    findings,
    sheets.filter((s) => !s.protected),
  );
  const have = new Map<string, Map<string, Severity>>();
  for (const { sheet, cells, severity } of index.values()) {
    const m = have.get(sheet) ?? new Map<string, Severity>();
    for (const c of cells) m.set(c, severity);
    have.set(sheet, m);
  }
  const changed = new Map<string, Set<string>>();
  for (const sheet of new Set([...want.keys(), ...have.keys()])) {
    const w = want.get(sheet) ?? new Map<string, Severity>();
    const h = have.get(sheet) ?? new Map<string, Severity>();
    const set = new Set([...w.keys(), ...h.keys()].filter((c) => w.get(c) !== h.get(c)));
    if (set.size) changed.set(sheet, set);
  }
  if (!changed.size) return { index, changed: 0 };
  const next: MarkIndex = new Map(index);
  // Cells to (re)mark per sheet and severity: the changed ones, and the others of each format taken down.
  const remake = new Map<string, Map<Severity, Set<string>>>();
  const put = (sheet: string, cell: string, severity: Severity) => {
    const bySeverity = remake.get(sheet) ?? new Map<Severity, Set<string>>();
    const cells = bySeverity.get(severity) ?? new Set<string>();
    cells.add(cell);
    bySeverity.set(severity, cells);
    remake.set(sheet, bySeverity);
  };
  for (const [id, f] of index) {
    const dirty = changed.get(f.sheet);
    if (!dirty || !f.cells.some((c) => dirty.has(c))) continue;
    context.workbook.worksheets.getItem(f.sheet).getRange().conditionalFormats.getItem(id).delete();
    next.delete(id);
    for (const c of f.cells) if (!dirty.has(c)) put(f.sheet, c, f.severity);
  }
  for (const [sheet, cells] of changed) {
    for (const c of cells) {
      const s = want.get(sheet)?.get(c);
      if (s) put(sheet, c, s);
    }
  }
  const made: Made[] = [];
  for (const [sheet, bySeverity] of remake) {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [severity, cells] of bySeverity) addMarks(ws, sheet, [...cells], severity, made);
  }
  await context.sync();
  for (const [id, entry] of indexOf(made)) next.set(id, entry);
  return { index: next, changed: [...changed.values()].reduce((n, s) => n + s.size, 0) };
}
