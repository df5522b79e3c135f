/**
 * The audit's reference formulas for a returned template: rebuilt from the template description for
 * the ruleset and the formula variant its 规则 sheet names, so A03–A06 judge each column by what the
 * template put there (plain or KH), not only by its own majority.
 */
import { toR1C1 } from "../engine/audit/r1c1";
import { carriedIn, carriedRuleset } from "../engine/audit/rules-sheet";
import type { FormulaReference, SheetInput } from "../engine/model/types";
import type { ResolvedRuleset } from "../engine/ruleset/resolve";
import { buildTemplate, HEADER_ROW, type Template } from "./spec";

export function templateFormulaReference(t: Template): FormulaReference[] {
  const first = HEADER_ROW + 1;
  return [t.teams, t.cadres].flatMap((sheet) =>
    sheet.columns.flatMap((col, c) =>
      col.formula
        ? [{ sheet: sheet.name, header: col.header, col: c, r1c1: toR1C1(col.formula(first), first - 1, c) }]
        : [],
    ),
  );
}

/** For a workbook that carries a 规则 sheet naming its variant; none for other workbooks and older templates. */
export function referenceFor(sheets: SheetInput[], checkedWith: ResolvedRuleset): FormulaReference[] | undefined {
  const carried = carriedIn(sheets);
  if (!carried?.formulas) return undefined;
  const rs = carriedRuleset(carried) ?? checkedWith;
  return templateFormulaReference(buildTemplate(rs, { year: carried.year ?? 2000, formulas: carried.formulas }));
}
