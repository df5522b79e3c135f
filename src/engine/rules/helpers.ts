/** Small pieces the rule modules share: where things are, who takes part, how grades read. */
import { gradeLabel, isGraded, UNGRADED, type Grade, type ScaleId } from "../grades";
import { a1 } from "../model/a1";
import type { CadreCol } from "../model/columns";
import type { CadreRow, CellRef, Model, Unit } from "../model/types";
import type { QuotaArithmetic } from "../ruleset/types";

export function cadreAt(model: Model, p: CadreRow, col: CadreCol): CellRef {
  const s = model.cadreSheet!;
  return { sheet: s.name, r: p.r, c: s.cols[col] ?? s.cols.name ?? 0 };
}

/** The cell of a unit-level finding: its team grade, else its first cadre's unit cell. */
export function unitAt(model: Model, u: Unit): CellRef | null {
  if (u.teamGradeAt) return u.teamGradeAt;
  if (u.cadres.length) return cadreAt(model, u.cadres[0], "unit");
  return null;
}

/** The header cell of a cadre column, for findings about the whole sheet. */
export function headerAt(model: Model, col: CadreCol): CellRef | null {
  const s = model.cadreSheet;
  return s ? { sheet: s.name, r: s.headerRow, c: s.cols[col] ?? 0 } : null;
}

export function refA1(ref: CellRef): string {
  return a1(ref.r, ref.c);
}

/** The cadres counted in a unit's quota denominator (rules.md §3). */
export function participants(
  cadres: CadreRow[],
  q: Pick<QuotaArithmetic, "excludeUngraded" | "principalCounts">,
): CadreRow[] {
  return cadres.filter((p) => !(q.excludeUngraded && p.grade === UNGRADED) && (q.principalCounts || !p.principal));
}

export function countGrade(cadres: CadreRow[], grade: Grade): number {
  let n = 0;
  for (const p of cadres) if (p.grade === grade) n++;
  return n;
}

export const zhGrade = (g: Grade, scale: ScaleId): string => gradeLabel(g, scale, "zh");
export const enGrade = (g: Grade, scale: ScaleId): string => gradeLabel(g, scale, "en");

/** Ranks compare best-first: `atLeast(g, 1)` is 称职 or better. */
export function atLeast(g: Grade | null, rank: number): boolean {
  return isGraded(g) && g <= rank;
}

/**
 * How many years running `grade` was given, newest first (this year first).
 * Blanks end a run; 不定等次 ends it too unless the ruleset skips it.
 */
export function streak(grades: (Grade | null)[], grade: Grade, ungradedBreaks: boolean): number {
  let n = 0;
  for (const g of grades) {
    if (g === grade) n++;
    else if (g === UNGRADED && !ungradedBreaks) continue;
    else break;
  }
  return n;
}
