/**
 * Marks offending cells with conditional formats the add-in owns, so the user's own fills, fonts,
 * values and formulas are never touched: clearing deletes exactly the formats whose rule is ours.
 * A format is found again by the id Excel gave it — except that one Ctrl+Z brought back is not found
 * under its old id (office-js #6396): the formats are asked for with getItemOrNullObject (ExcelApi 1.14),
 * and the cells of one that is gone are cleared by range, ours told by their rule.
 */
import type { Finding, Severity } from "../../engine";
import { cellsToMark, MARK_FILL, MARK_FORMULA } from "../../ui/marks";
import type { SheetInfo } from "./read";
import { requirements } from "./run";

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

/** Conditional formats by id where ExcelApi 1.14 allows asking for one that may be gone. */
export const canFindMarks = () => Boolean(requirements()?.isSetSupported("ExcelApi", "1.14"));

/**
 * Queues the question "is each format of the index still there under its id?" (ExcelApi 1.14); the answer,
 * the ids still there, reads after the next sync. Null below 1.14, where there is no asking. `sheetKey`
 * gives the key a sheet is asked by (its id, where the caller knows it: a rename raises no event).
 */
export function askMarks(
  context: Excel.RequestContext,
  index: MarkIndex,
  sheetKey: (name: string) => string = (name) => name,
): (() => Set<string>) | null {
  if (canFindMarks()) {
    const asked = [...index].map(([id, f]) => {
      const ws = context.workbook.worksheets.getItem(sheetKey(f.sheet));
      const cf = ws.getRange().conditionalFormats.getItemOrNullObject(id);
      return { id, cf: cf.load("id") };
    });
    return () => new Set(asked.filter((a) => !a.cf.isNullObject).map((a) => a.id));
  }
  return null;
}

/**
 * Queues the deletion of our formats on some cells of a sheet, found by range and told by their rule:
 * where a format is no longer found by its id. Two syncs to find them; the deletion goes with the next.
 * Formats whose id is in `keep` are left to the caller.
 */
async function clearByRange(
  context: Excel.RequestContext,
  where: Map<string, string[]>,
  keep: Set<string>,
): Promise<number> {
  const found = [...where].map(([sheet, cells]) =>
    context.workbook.worksheets
      .getItem(sheet)
      .getRanges(cells.join(","))
      .conditionalFormats.load("items/type,items/id"),
  );
  await context.sync();
  const custom = found.flatMap((c) => c.items.filter((cf) => cf.type === "Custom" && !keep.has(cf.id)));
  for (const cf of custom) cf.custom.rule.load("formula");
  await context.sync();
  const ours = custom.filter((cf) => cf.custom.rule.formula === MARK_FORMULA);
  for (const cf of ours) cf.delete();
  return ours.length;
}

/**
 * Deletes every conditional format the add-in made; other formats stay. With the index of the marks made
 * (and ExcelApi 1.14) by id, those gone from their id cleared by range; without it, every format of every
 * sheet is read and ours told by their rule (four syncs, whatever the size).
 */
export async function clearMarks(
  context: Excel.RequestContext,
  index: MarkIndex | null = null,
): Promise<{ cleared: number; protectedSheets: string[] }> {
  const list = context.workbook.worksheets;
  list.load("items/name,items/protection/protected");
  await context.sync();
  const open = list.items.filter((ws) => !ws.protection.protected);
  const protectedSheets = list.items.filter((ws) => ws.protection.protected).map((ws) => ws.name);
  const names = new Set(open.map((ws) => ws.name));
  const known = new Set(list.items.map((ws) => ws.name));
  // By id, unless a marked sheet is no longer there by its name (renamed since): then every sheet is read.
  if (index && canFindMarks() && [...index.values()].every((f) => known.has(f.sheet))) {
    const mine: MarkIndex = new Map([...index].filter(([, f]) => names.has(f.sheet)));
    const present = askMarks(context, mine)!;
    await context.sync();
    const there = present();
    const gone = new Map<string, string[]>();
    for (const [id, f] of mine) {
      if (there.has(id))
        context.workbook.worksheets.getItem(f.sheet).getRange().conditionalFormats.getItem(id).delete();
      else gone.set(f.sheet, [...(gone.get(f.sheet) ?? []), ...f.cells]);
    }
    const byRange = gone.size ? await clearByRange(context, gone, there) : 0;
    await context.sync();
    return { cleared: there.size + byRange, protectedSheets };
  }
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
 * whose mark changed are deleted (by id) and made again; every other format stays as it is. `present`
 * (askMarks, answered by the caller's sync) names the formats still found by id; one gone is cleared by
 * range first (two more syncs, only then). Without it (below ExcelApi 1.14) a format gone fails the sync:
 * the marks are then made afresh.
 */
export async function updateMarks(
  context: Excel.RequestContext,
  index: MarkIndex,
  findings: Finding[],
  sheets: SheetInfo[],
  present: Set<string> | null = null,
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
  const gone = new Map<string, string[]>();
  for (const [id, f] of index) {
    const dirty = changed.get(f.sheet);
    if (!dirty || !f.cells.some((c) => dirty.has(c))) continue;
    if (!present || present.has(id))
      context.workbook.worksheets.getItem(f.sheet).getRange().conditionalFormats.getItem(id).delete();
    else gone.set(f.sheet, [...(gone.get(f.sheet) ?? []), ...f.cells]);
    next.delete(id);
    for (const c of f.cells) if (!dirty.has(c)) put(f.sheet, c, f.severity);
  }
  if (gone.size) await clearByRange(context, gone, present!);
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
  const count = [...changed.values()].reduce((n, s) => n + s.size, 0);
  try {
    await context.sync();
  } catch (e) {
    // Below 1.14 a format gone from its id fails the batch, nothing of it done: mark afresh (finds ours by rule).
    if (present || (e as { code?: string })?.code !== "ItemNotFound") throw e;
    return { index: (await markFindings(context, findings, sheets)).index, changed: count };
  }
  for (const [id, entry] of indexOf(made)) next.set(id, entry);
  return { index: next, changed: count };
}
