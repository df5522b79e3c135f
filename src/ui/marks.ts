/**
 * Which cells the add-in marks and how, the same in every host: conditional formats of its own whose rule
 * no user writes, so clearing removes exactly those and the user's fills, fonts and formats stay.
 */
import { parseA1, type Finding, type Severity } from "../engine";
import type { SheetInfo } from "./host";

/** Always true, and recognisably ours: no user writes this rule. */
export const MARK_FORMULA = '=N("kaohe")=0';
export const MARK_FILL: Record<Severity, string> = { error: "#F8D7DA", warning: "#FFF1C2", info: "#DCEBF8" };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Per sheet, each cell once at its worst severity (the add-in's own sheets are never marked). */
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
